import { Annotations, Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Acl } from '../../.gen/providers/proxmox/acl';
import { VirtualEnvironmentRole } from '../../.gen/providers/proxmox/virtual-environment-role';
import { VirtualEnvironmentUser } from '../../.gen/providers/proxmox/virtual-environment-user';
import { UserToken } from '../../.gen/providers/proxmox/user-token';
import { Problems, ValidationError } from '../core/errors';
import { movedFromLongProxmoxName } from '../core/moved';
import { DEFAULT_API_TOKEN_ID, IProxmoxConnection } from './connection';
import { privilegesFor, ProxmoxJob, storagePrivilegesFor } from './privileges';

/** The default role id of {@link ProxmoxAccess}. */
export const DEFAULT_ACCESS_ROLE_ID = 'CdktfAutomation';
/** Proxmox's built-in roles: they cannot be redefined. */
const BUILT_IN_ROLES = ['Administrator', 'NoAccess', 'PVEAdmin', 'PVEAuditor', 'PVEDatastoreAdmin', 'PVEDatastoreUser',
  'PVEMappingAdmin', 'PVEMappingUser', 'PVEPoolAdmin', 'PVEPoolUser', 'PVESDNAdmin', 'PVESDNUser', 'PVESysAdmin',
  'PVETemplateUser', 'PVEUserAdmin', 'PVEVMAdmin', 'PVEVMUser'];

/** Props of {@link ProxmoxAccess}. */
export interface ProxmoxAccessProps {
  /** A connection allowed to manage users and roles (typically root@pam), used for these resources only. */
  readonly connection: IProxmoxConnection;
  /** Major version of the Proxmox VE cluster: the privilege names differ between 8 and 9. */
  readonly pveMajorVersion: number;
  /** What the token is for; the role gets exactly the privileges these jobs need. */
  readonly jobs: readonly ProxmoxJob[];
  /** The user that owns the token, `name@realm`. `pve` realm users exist only in Proxmox and have no password here. @default 'terraform@pve' */
  readonly userId?: string;
  /** Token name (the part after `!`). @default 'cdktf' */
  readonly tokenName?: string;
  /** Role id. @default DEFAULT_ACCESS_ROLE_ID */
  readonly roleId?: string;
  /** ACL path the role is granted on, propagated below it. @default '/' (download-url and HA check privileges on /) */
  readonly aclPath?: string;
  /** Expiry of the token, RFC 3339 (`2027-01-01T00:00:00Z`). @default - never expires */
  readonly tokenExpirationDate?: string;
  /**
   * Storages the jobs download images and upload snippets to. `Datastore.Allocate` (reading a storage's config
   * before a snippet upload, deleting a replaced image or snippet) is granted on `/storage/<id>` of these only,
   * through a second role, never on `/`. Unused when no job writes files (clone-vms, template-ha only).
   * @default ['local'] (the library's default image and snippet storage)
   */
  readonly storageIds?: readonly string[];
  /** Role id of the per-storage role. @default `${roleId}Storage` */
  readonly storageRoleId?: string;
}

/**
 * A least-privilege identity for Terraform: a role with the privileges of the given jobs (see privileges.ts),
 * a user, an API token with privilege separation, and ACLs granting the role to both (with separation the
 * token's rights are the intersection of its own ACLs and its user's).
 *
 * The token secret is {@link tokenSecret} (the UUID, split from the sensitive `value` attribute, known only in
 * the state of the stack that creates the token); {@link apiToken} is the whole `id=uuid` string. This construct makes no output of it; pass it on yourself, e.g.
 * as a sensitive output read by the stack that uses the token.
 * @see https://pve.proxmox.com/wiki/User_Management#pveum_tokens
 */
export class ProxmoxAccess extends Construct {
  /** The privileges of the role (granted on `aclPath`), sorted. */
  public readonly privileges: readonly string[];
  /** The privileges granted on `/storage/<id>` of each of `storageIds` only (empty when no job writes files). */
  public readonly storagePrivileges: readonly string[];
  public readonly roleId: string;
  public readonly userId: string;
  /** The token id, `user@realm!name` (what the provider's `api_token` starts with). */
  public readonly tokenId: string;
  /**
   * The token secret, the UUID alone: what {@link ProxmoxConnection} reads from `<prefix>_api_token_secret`
   * (`TF_VAR_proxmox_api_token_secret`). bpg's `value` attribute is the full `user@realm!name=<uuid>`
   * (proxmox/access/user_token.go returns `FullTokenID + "=" + Value`), so this splits it in Terraform.
   * A reference to a sensitive attribute: never put it in an unsensitive output.
   * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.90.0/proxmox/access/user_token.go#L40
   */
  public readonly tokenSecret: string;
  /**
   * The full API token, `user@realm!name=<uuid>`: bpg's `value` attribute, what the provider's `api_token`
   * (or `PROXMOX_VE_API_TOKEN`) takes. Sensitive, like {@link tokenSecret}.
   */
  public readonly apiToken: string;

  constructor(scope: Construct, id: string, props: ProxmoxAccessProps) {
    super(scope, id);
    const { userId, tokenName, roleId, aclPath, storageIds, storageRoleId } = accessDefaults(props);

    const p = new Problems(this);
    let privileges: string[] = [];
    try {
      privileges = privilegesFor(props.jobs, props.pveMajorVersion);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      e.problems.forEach((m) => p.addRaw(m));
    }
    if (!Token.isUnresolved(userId)) {
      p.check(/^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/.test(userId), 'userId', 'look like "name@realm"', userId, 'Write the user as name@realm, e.g. "terraform@pve".');
    }
    p.check(/^[A-Za-z][A-Za-z0-9._-]*$/.test(tokenName), 'tokenName', 'start with a letter and hold letters, digits, . _ -', tokenName, 'Rename the token: a letter first, then letters, digits, ., _ or -.');
    p.check(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(roleId), 'roleId', 'hold letters, digits, . _ -', roleId, 'Rename the role: letters, digits, ., _ or - only.');
    p.check(!BUILT_IN_ROLES.includes(roleId), 'roleId', 'not be a built-in Proxmox role', roleId, 'Choose a new role id.');
    // pve-storage's storage id format (PVE::JSONSchema pve-storage-id).
    for (const id of storageIds) {
      p.check(/^[a-z][a-z0-9._-]*[a-z0-9]$/i.test(id), 'storageIds', 'hold Proxmox storage ids like "local" or "cephfs"', id, 'Use the storage ids from the Proxmox datastore list.');
    }
    p.check(new Set(storageIds).size === storageIds.length, 'storageIds', 'not repeat a storage', storageIds, 'List each storage once.');
    p.check(storageRoleId !== roleId && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(storageRoleId) && !BUILT_IN_ROLES.includes(storageRoleId),
      'storageRoleId', 'be a new role id other than roleId', storageRoleId, 'Choose a role id of its own that is neither roleId nor a built-in role.');
    p.check(/^\/[A-Za-z0-9/_.-]*$/.test(aclPath), 'aclPath', 'be an ACL path like "/" or "/vms"', aclPath, 'Start the path with / and use letters, digits, /, _, . or - only.');
    if (props.tokenExpirationDate !== undefined && !Token.isUnresolved(props.tokenExpirationDate)) {
      p.check(!Number.isNaN(Date.parse(props.tokenExpirationDate)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(props.tokenExpirationDate),
        'tokenExpirationDate', 'be an RFC 3339 time like "2027-01-01T00:00:00Z"', props.tokenExpirationDate, 'Write a date and time with a timezone, e.g. "2027-01-01T00:00:00Z".');
    }
    p.throwIfAny();
    this.warnAboutRealm(userId);

    const { user, token } = this.makeIdentity(props, { userId, tokenName, roleId, aclPath, privileges });
    const storagePrivileges = this.grantStorage(props, storageIds, storageRoleId, user, token);
    this.storagePrivileges = storagePrivileges;

    this.privileges = privileges;
    this.roleId = roleId;
    this.userId = userId;
    this.tokenId = `${userId}!${tokenName}`;
    // The UUID never contains '=': the part after the only '=' is the secret. sensitive(): Terraform 1.11 plans
    // a function of a still-unknown sensitive attribute as not sensitive, so the mark is set explicitly.
    this.tokenSecret = Fn.sensitive(Fn.element(Fn.split('=', token.value), 1));
    this.apiToken = token.value;
  }

  /** The role on `aclPath`, the user, its token (privilege separation on) and the ACLs of both. */
  private makeIdentity(props: ProxmoxAccessProps, r: {
    userId: string; tokenName: string; roleId: string; aclPath: string; privileges: string[];
  }): { user: VirtualEnvironmentUser; token: UserToken } {
    const { userId, tokenName, roleId, aclPath, privileges } = r;
    const provider = props.connection.provider;
    const role = new VirtualEnvironmentRole(this, 'Role', { provider, roleId, privileges });
    const user = new VirtualEnvironmentUser(this, 'User', {
      provider, userId, enabled: true, comment: `API user for cdktf (${props.jobs.join(', ')}); token only, no password`,
    });
    // Token and ACLs: bpg 0.111 short names (the user and role resources have none yet); the moved blocks keep
    // the state of stacks applied with the proxmox_virtual_environment_ names.
    const token = movedFromLongProxmoxName(new UserToken(this, 'Token', {
      provider,
      userId: user.userId,
      tokenName,
      // The token gets its own ACLs (below) instead of every right of its user.
      privilegesSeparation: true,
      expirationDate: props.tokenExpirationDate,
      comment: 'cdktf least-privilege token',
    }));
    movedFromLongProxmoxName(new Acl(this, 'UserAcl', { provider, path: aclPath, propagate: true, roleId: role.roleId, userId: user.userId }));
    movedFromLongProxmoxName(new Acl(this, 'TokenAcl', { provider, path: aclPath, propagate: true, roleId: role.roleId, tokenId: token.id }));
    return { user, token };
  }

  /**
   * Datastore.Allocate only where files are written (see STORAGE_FILES in privileges.ts for the API checks): a
   * second role, granted to the user and the token on `/storage/<id>` of each of `storageIds`, never on `/`.
   */
  private grantStorage(props: ProxmoxAccessProps, storageIds: readonly string[], storageRoleId: string,
    user: VirtualEnvironmentUser, token: UserToken): string[] {
    const provider = props.connection.provider;
    const storagePrivileges = storagePrivilegesFor(props.jobs);
    if (storagePrivileges.length && storageIds.length) {
      const storageRole = new VirtualEnvironmentRole(this, 'StorageRole', { provider, roleId: storageRoleId, privileges: storagePrivileges });
      for (const id of storageIds) {
        const path = `/storage/${id}`;
        movedFromLongProxmoxName(new Acl(this, `StorageUserAcl-${id}`, { provider, path, propagate: false, roleId: storageRole.roleId, userId: user.userId }));
        movedFromLongProxmoxName(new Acl(this, `StorageTokenAcl-${id}`, { provider, path, propagate: false, roleId: storageRole.roleId, tokenId: token.id }));
      }
    }
    return storagePrivileges;
  }

  private warnAboutRealm(userId: string): void {
    if (userId.endsWith('@pam')) {
      Annotations.of(this).addWarning(`${this.node.path}: '${userId}' is in the pam realm, which needs a Linux user of that name ` +
        'on every node. A pve realm user (e.g. terraform@pve) exists in Proxmox only.');
    }
  }
}

/** The props with their defaults. */
function accessDefaults(props: ProxmoxAccessProps): {
  userId: string; tokenName: string; roleId: string; aclPath: string; storageIds: readonly string[]; storageRoleId: string;
} {
  const [defaultUser, defaultToken] = DEFAULT_API_TOKEN_ID.split('!');
  const roleId = props.roleId ?? DEFAULT_ACCESS_ROLE_ID;
  return {
    userId: props.userId ?? defaultUser,
    tokenName: props.tokenName ?? defaultToken,
    roleId,
    aclPath: props.aclPath ?? '/',
    storageIds: props.storageIds ?? ['local'],
    storageRoleId: props.storageRoleId ?? `${roleId}Storage`,
  };
}
