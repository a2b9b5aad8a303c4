import { TerraformOutput, TerraformVariable } from 'cdktf';
import { ProxmoxAccess, ProxmoxAccessProps } from '../../constructs/proxmox/access';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { privilegesFor } from '../../constructs/proxmox/privileges';
import * as validate from '../../scripts/validate';
import { onlyResource, resolveIn, resourcesOf, synthStack, warningsOf } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';

function access(props: Partial<ProxmoxAccessProps> = {}) {
  let a!: ProxmoxAccess;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Admin', { authMode: 'root-password' });
    a = new ProxmoxAccess(s, 'Access', { connection, pveMajorVersion: 9, jobs: ['clone-vms'], ...props });
  });
  return { ...out, a };
}

describe('ProxmoxAccess', () => {
  test('a role with the jobs\' privileges, a password-less user, a separated token, ACLs for both', () => {
    const { json, a, stack } = access({ jobs: ['clone-vms', 'download-images'] });
    expect(resourcesOf(json, 'proxmox_virtual_environment_role').map(([, r]) => r).find((r) => r.role_id === 'CdktfAutomation')).toEqual(expect.objectContaining({
      role_id: 'CdktfAutomation', privileges: privilegesFor(['clone-vms', 'download-images'], 9),
    }));
    const user = onlyResource(json, 'proxmox_virtual_environment_user');
    expect(user).toEqual(expect.objectContaining({ user_id: 'terraform@pve', enabled: true }));
    expect(user.password).toBeUndefined();
    expect(onlyResource(json, 'proxmox_user_token')).toEqual(expect.objectContaining({
      token_name: 'cdktf', privileges_separation: true, user_id: expect.stringMatching(/^\$\{proxmox_virtual_environment_user\.Access_User_\w+\.user_id\}$/),
    }));
    const acls = resourcesOf(json, 'proxmox_acl').map(([, r]) => r).filter((r) => r.path === '/');
    expect(acls).toHaveLength(2);
    expect(acls.every((r) => r.path === '/' && r.propagate === true && /role_id\}$/.test(r.role_id))).toBe(true);
    expect(acls.filter((r) => r.user_id)).toHaveLength(1);
    expect(acls.filter((r) => r.token_id)).toEqual([expect.objectContaining({ token_id: expect.stringMatching(/user_token\.Access_Token_\w+\.id\}$/) })]);
    expect(a.tokenId).toBe('terraform@pve!cdktf');
    // bpg's `value` is `user@realm!name=<uuid>` (proxmox/access/user_token.go#L40 at v0.90.0): the secret is the
    // part after '=', what the connection's api_token_secret variable expects.
    expect(resolveIn(stack, a.tokenSecret)).toMatch(/^\$\{sensitive\(element\(split\("=", proxmox_user_token\.Access_Token_\w+\.value\), 1\)\)\}$/);
    expect(resolveIn(stack, a.apiToken)).toMatch(/^\$\{proxmox_user_token\.Access_Token_\w+\.value\}$/);
    // No output of the secret (or anything) by default.
    expect(json.output).toBeUndefined();
  });

  // Datastore.Allocate: pve-storage checks it on /storage/<id> for GET /storage/{storage} (bpg reads it before a
  // snippet upload: proxmoxtf/resource/file.go#L569 at v0.90.0) and for deleting a volume:
  // https://github.com/proxmox/pve-storage/blob/0c56bad8b2a7d69e5ce2c243651fe830d6caa936/src/PVE/API2/Storage/Config.pm#L180
  // https://github.com/proxmox/pve-storage/blob/0c56bad8b2a7d69e5ce2c243651fe830d6caa936/src/PVE/API2/Storage/Content.pm#L506
  test('Datastore.Allocate is granted on the image/snippet storages only, to the user and the token', () => {
    const { json, a } = access({ jobs: ['talos-cluster'], storageIds: ['local', 'cephfs'] });
    const roles = resourcesOf(json, 'proxmox_virtual_environment_role').map(([, r]) => r);
    expect(roles).toHaveLength(2);
    const main = roles.find((r) => r.role_id === 'CdktfAutomation');
    expect(main.privileges).not.toContain('Datastore.Allocate');
    expect(roles.find((r) => r.role_id === 'CdktfAutomationStorage').privileges).toEqual(['Datastore.Allocate']);
    expect(a.storagePrivileges).toEqual(['Datastore.Allocate']);
    const acls = resourcesOf(json, 'proxmox_acl').map(([, r]) => r);
    const onStorage = acls.filter((r) => r.path.startsWith('/storage/'));
    expect(onStorage.map((r) => `${r.path} ${r.user_id ? 'user' : 'token'}`).sort()).toEqual([
      '/storage/cephfs token', '/storage/cephfs user', '/storage/local token', '/storage/local user']);
    expect(onStorage.every((r) => /StorageRole_\w+\.role_id\}$/.test(r.role_id) && r.propagate === false)).toBe(true);
    // Nothing grants the storage role on '/'.
    expect(acls.filter((r) => r.path === '/').every((r) => !/StorageRole/.test(r.role_id))).toBe(true);
  });

  test('no storage role when no job writes files; bad storage ids refused', () => {
    expect(resourcesOf(access({ jobs: ['clone-vms', 'template-ha'] }).json, 'proxmox_virtual_environment_role')).toHaveLength(1);
    expect(resourcesOf(access({ jobs: ['download-images'] }).json, 'proxmox_acl')
      .filter(([, r]) => r.path === '/storage/local')).toHaveLength(2);
    expect(() => access({ jobs: ['download-images'], storageIds: ['local/x'] }))
      .toThrow("'storageIds' must hold Proxmox storage ids like \"local\" or \"cephfs\", got \"local/x\".");
    expect(() => access({ storageRoleId: 'CdktfAutomation' })).toThrow("'storageRoleId' must be a new role id other than roleId");
  });

  test('PVE 8 gets VM.Monitor, PVE 9 does not', () => {
    expect(onlyResource(access({ pveMajorVersion: 8 }).json, 'proxmox_virtual_environment_role').privileges).toContain('VM.Monitor');
    expect(onlyResource(access({ pveMajorVersion: 9 }).json, 'proxmox_virtual_environment_role').privileges).not.toContain('VM.Monitor');
  });

  test('warns about a pam user; tokens are not validated', () => {
    expect(warningsOf(access({ userId: 'terraform@pam' }).stack).join('\n')).toContain("'terraform@pam' is in the pam realm");
    expect(() => synthStack((s) => {
      const connection = new ProxmoxConnection(s, 'Admin', { authMode: 'root-password' });
      const u = new TerraformVariable(s, 'user', { type: 'string' });
      new ProxmoxAccess(s, 'Access', { connection, pveMajorVersion: 9, jobs: ['clone-vms'], userId: u.stringValue, tokenExpirationDate: u.stringValue });
    })).not.toThrow();
  });

  test.each<[Partial<ProxmoxAccessProps>, string]>([
    [{ pveMajorVersion: 7 }, "'pveMajorVersion' must be 8 or 9 (the Proxmox VE versions whose privileges are known), got 7."],
    [{ userId: 'terraform' }, "'userId' must look like \"name@realm\", got \"terraform\"."],
    [{ tokenName: '1token' }, "'tokenName' must start with a letter and hold letters, digits, . _ -, got \"1token\"."],
    [{ roleId: 'PVEAdmin' }, "'roleId' must not be a built-in Proxmox role, got \"PVEAdmin\"."],
    [{ aclPath: 'vms' }, "'aclPath' must be an ACL path like \"/\" or \"/vms\", got \"vms\"."],
    [{ tokenExpirationDate: '2027-01-01' }, "'tokenExpirationDate' must be an RFC 3339 time like \"2027-01-01T00:00:00Z\", got \"2027-01-01\"."],
  ])('fails if %j', (props, message) => {
    expect(() => access(props)).toThrow(message);
  });
});

describeIfTool('terraform', 'ProxmoxAccess with Terraform', () => {
  afterAll(() => validate.stopHost());

  const withOutput = (sensitive: boolean) => synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Admin', { authMode: 'root-password' });
    const a = new ProxmoxAccess(s, 'Access', { connection, pveMajorVersion: 9, jobs: ['clone-vms'] });
    new TerraformOutput(s, 'token', { value: `${a.tokenId}=${a.tokenSecret}`, sensitive });
  }).json;

  test('the token secret is sensitive: Terraform refuses an output of it unless marked sensitive', async () => {
    const plain = validate.Workspace.create({ name: 'access-plain', config: withOutput(false) });
    const marked = validate.Workspace.create({ name: 'access-sensitive', config: withOutput(true) });
    try {
      validate.check('init', await plain.init());
      const r = await plain.plan();
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Output refers to sensitive values');
      validate.check('init', await marked.init());
      validate.check('plan', await marked.plan());
    } finally {
      plain.cleanup();
      marked.cleanup();
    }
  });
});
