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
    expect(onlyResource(json, 'proxmox_virtual_environment_role')).toEqual(expect.objectContaining({
      role_id: 'CdktfAutomation', privileges: privilegesFor(['clone-vms', 'download-images'], 9),
    }));
    const user = onlyResource(json, 'proxmox_virtual_environment_user');
    expect(user).toEqual(expect.objectContaining({ user_id: 'terraform@pve', enabled: true }));
    expect(user.password).toBeUndefined();
    expect(onlyResource(json, 'proxmox_user_token')).toEqual(expect.objectContaining({
      token_name: 'cdktf', privileges_separation: true, user_id: expect.stringMatching(/^\$\{proxmox_virtual_environment_user\.Access_User_\w+\.user_id\}$/),
    }));
    const acls = resourcesOf(json, 'proxmox_acl').map(([, r]) => r);
    expect(acls).toHaveLength(2);
    expect(acls.every((r) => r.path === '/' && r.propagate === true && /role_id\}$/.test(r.role_id))).toBe(true);
    expect(acls.filter((r) => r.user_id)).toHaveLength(1);
    expect(acls.filter((r) => r.token_id)).toEqual([expect.objectContaining({ token_id: expect.stringMatching(/user_token\.Access_Token_\w+\.id\}$/) })]);
    expect(a.tokenId).toBe('terraform@pve!cdktf');
    expect(resolveIn(stack, a.tokenSecret)).toMatch(/^\$\{proxmox_user_token\.Access_Token_\w+\.value\}$/);
    // No output of the secret (or anything) by default.
    expect(json.output).toBeUndefined();
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
    [{ pveMajorVersion: 7 }, "'pveMajor' must be 8 or 9 (the Proxmox VE versions whose privileges are known), got 7."],
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
