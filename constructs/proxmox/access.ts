import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Acl } from '../../.gen/providers/proxmox/acl';
import { VirtualEnvironmentRole } from '../../.gen/providers/proxmox/virtual-environment-role';
import { VirtualEnvironmentUser } from '../../.gen/providers/proxmox/virtual-environment-user';
import { UserToken } from '../../.gen/providers/proxmox/user-token';
import { Problems, ValidationError } from '../core/errors';
import { movedFromLongProxmoxName } from '../core/moved';
import { DEFAULT_API_TOKEN_ID, IProxmoxConnection } from './connection';
import { privilegesFor, ProxmoxJob } from './privileges';

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
}

/**
 * A least-privilege identity for Terraform: a role with the privileges of the given jobs (see privileges.ts),
 * a user, an API token with privilege separation, and ACLs granting the role to both (with separation the
 * token's rights are the intersection of its own ACLs and its user's).
 *
 * The token secret is {@link tokenSecret}: a reference to the sensitive `value` attribute, known only in the
 * state of the stack that creates the token. This construct makes no output of it; pass it on yourself, e.g.
 * as a sensitive output read by the stack that uses the token.
 * @see https://pve.proxmox.com/wiki/User_Management#pveum_tokens
 */
export class ProxmoxAccess extends Construct {
  /** The privileges of the role, sorted. */
  public readonly privileges: readonly string[];
  public readonly roleId: string;
  public readonly userId: string;
  /** The token id, `user@realm!name` (what the provider's `api_token` starts with). */
  public readonly tokenId: string;
  /** The token secret (UUID): a reference to a sensitive attribute. Never put it in an unsensitive output. */
  public readonly tokenSecret: string;

  constructor(scope: Construct, id: string, props: ProxmoxAccessProps) {
    super(scope, id);
    const [defaultUser, defaultToken] = DEFAULT_API_TOKEN_ID.split('!');
    const userId = props.userId ?? defaultUser;
    const tokenName = props.tokenName ?? defaultToken;
    const roleId = props.roleId ?? DEFAULT_ACCESS_ROLE_ID;
    const aclPath = props.aclPath ?? '/';

    const p = new Problems(this);
    let privileges: string[] = [];
    try {
      privileges = privilegesFor(props.jobs, props.pveMajorVersion);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      e.problems.forEach((m) => p.addRaw(m));
    }
    if (!Token.isUnresolved(userId)) {
      p.check(/^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/.test(userId), 'userId', 'look like "name@realm"', userId);
    }
    p.check(/^[A-Za-z][A-Za-z0-9._-]*$/.test(tokenName), 'tokenName', 'start with a letter and hold letters, digits, . _ -', tokenName);
    p.check(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(roleId), 'roleId', 'hold letters, digits, . _ -', roleId);
    p.check(!BUILT_IN_ROLES.includes(roleId), 'roleId', 'not be a built-in Proxmox role', roleId, 'Choose a new role id.');
    p.check(/^\/[A-Za-z0-9/_.-]*$/.test(aclPath), 'aclPath', 'be an ACL path like "/" or "/vms"', aclPath);
    if (props.tokenExpirationDate !== undefined && !Token.isUnresolved(props.tokenExpirationDate)) {
      p.check(!Number.isNaN(Date.parse(props.tokenExpirationDate)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(props.tokenExpirationDate),
        'tokenExpirationDate', 'be an RFC 3339 time like "2027-01-01T00:00:00Z"', props.tokenExpirationDate);
    }
    p.throwIfAny();
    if (userId.endsWith('@pam')) {
      Annotations.of(this).addWarning(`${this.node.path}: '${userId}' is in the pam realm, which needs a Linux user of that name ` +
        'on every node. A pve realm user (e.g. terraform@pve) exists in Proxmox only.');
    }

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

    this.privileges = privileges;
    this.roleId = roleId;
    this.userId = userId;
    this.tokenId = `${userId}!${tokenName}`;
    this.tokenSecret = token.value;
  }
}
