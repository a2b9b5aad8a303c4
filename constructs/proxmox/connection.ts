import { TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProxmoxProvider, ProxmoxProviderSsh } from '../../.gen/providers/proxmox/provider';
import { Problems, ValidationError } from '../core/errors';

/**
 * How Terraform authenticates to the Proxmox API.
 *
 * - `api-token`: a least-privilege API token. Cannot set `kvm_arguments` (Proxmox reserves `args` for
 *   the `root@pam` user itself; a token, even root's `root@pam!x`, is refused).
 * - `root-password`: `root@pam` with a password. Can do everything, including `kvm_arguments`.
 * - `api-token+root-password`: the token for everything, plus a second provider alias logged in as
 *   `root@pam` by password that only resources needing `kvm_arguments` use.
 *
 * @see https://registry.terraform.io/providers/bpg/proxmox/0.90.0/docs#authentication
 */
export type ProxmoxAuthMode = 'api-token' | 'root-password' | 'api-token+root-password';

/** Where the connection's secrets come from at deploy time; never from the synthesized JSON. */
export type SecretSource =
  /** Sensitive Terraform variables (`TF_VAR_<name>` in the environment, or a tfvars file). */
  | 'terraform-variables'
  /** The provider's own environment variables (`PROXMOX_VE_API_TOKEN`, `PROXMOX_VE_PASSWORD`, ...). */
  | 'provider-environment';

/** SSH access to the Proxmox nodes, needed to upload snippets and to import disks with `file_id`. */
export interface ProxmoxSshProps {
  /**
   * SSH user on the Proxmox nodes.
   * @default 'root'
   */
  readonly username?: string;
  /**
   * Authenticate with the local ssh-agent (`SSH_AUTH_SOCK`) instead of a private key variable.
   * Secure default: no key material passes through Terraform state.
   * @default true
   */
  readonly agent?: boolean;
  /**
   * Address of each Proxmox node by node name, when DNS does not resolve node names.
   * @default - the provider resolves node names through the API; scripts run on a node over SSH (e.g. the Debian
   * template's finalize step) use the node name itself, resolved by DNS
   */
  readonly proxmoxNodeAddresses?: Readonly<Record<string, string>>;
}

/**
 * How a provisioner reaches a Proxmox node over SSH: the same user, key source and node addresses as the
 * provider's `ssh` block, so that a construct running a script on a node needs no SSH settings of its own.
 */
export interface ProxmoxNodeSsh {
  /** SSH user on the Proxmox nodes. */
  readonly username: string;
  /** Authenticate with the local ssh-agent. */
  readonly agent: boolean;
  /** The private key, a reference to a sensitive variable, when `agent` is false. @default - none: the ssh-agent */
  readonly privateKey?: string;
  /** The address of `node`: its entry in `proxmoxNodeAddresses`, else the node name itself (resolved by DNS). */
  addressOf(node: string): string;
}

/** Props of {@link ProxmoxConnection}. */
export interface ProxmoxConnectionProps {
  /**
   * The Proxmox API endpoint, e.g. `https://pve.example.com:8006/`.
   * @default - taken from `PROXMOX_VE_ENDPOINT` at deploy time
   */
  readonly endpoint?: string;
  /**
   * Authentication mode. See {@link ProxmoxAuthMode}.
   * @default 'api-token'
   */
  readonly authMode?: ProxmoxAuthMode;
  /**
   * API token id (`user@realm!tokenname`), used by the token modes with `terraform-variables`; the secret
   * (the UUID) comes from the `<prefix>_api_token_secret` variable.
   * @default 'terraform@pve!cdktf'
   */
  readonly apiTokenId?: string;
  /**
   * Where secrets come from. `provider-environment` is only possible with a single auth mode, because both
   * provider instances of `api-token+root-password` would read the same environment variables.
   * @default 'terraform-variables'
   */
  readonly secretSource?: SecretSource;
  /**
   * Skip TLS verification of the API endpoint. With `false`, the machine running Terraform must trust the API's
   * certificate: a stock Proxmox node's is signed by its own cluster CA (`/etc/pve/pve-root-ca.pem`), so the plan
   * fails with "x509: certificate signed by unknown authority" until that CA is in the system trust store (bpg has
   * no CA-file option: its HTTP client uses the system roots, proxmox/api/client.go) or the API has a publicly
   * trusted certificate (ACME). `true` skips the server check entirely: choose it knowingly.
   * @default false
   * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.90.0/proxmox/api/client.go#L88-L94
   */
  readonly insecure?: boolean;
  /**
   * SSH access to the nodes (snippet upload, `file_id` disk import).
   * @default - no SSH: constructs that need it refuse at synth time
   */
  readonly ssh?: ProxmoxSshProps;
  /**
   * Prefix of the Terraform variable names this connection declares.
   * @default 'proxmox'
   */
  readonly variablePrefix?: string;
}

/** What constructs need to know about a Proxmox connection; implemented by {@link ProxmoxConnection}. */
export interface IProxmoxConnection extends IConstruct {
  /** How Terraform authenticates to the Proxmox API. */
  readonly authMode: ProxmoxAuthMode;
  /** The provider every resource uses unless it needs root. */
  readonly provider: ProxmoxProvider;
  /** Whether `kvm_arguments` can be set (root@pam by password, directly or through the root alias). */
  readonly canSetKvmArguments: boolean;
  /** Whether SSH to the nodes is configured (snippets, `file_id` disk imports). */
  readonly hasSsh: boolean;
  /** SSH settings for provisioners that run on a node. @default - none: the connection has no SSH */
  readonly nodeSsh?: ProxmoxNodeSsh;
  /**
   * The provider for a resource that sets `kvm_arguments`; throws a {@link ValidationError} on `requester`
   * naming the alternatives when the connection cannot.
   */
  providerForKvmArguments(requester: IConstruct, prop: string): ProxmoxProvider;
}

export const DEFAULT_API_TOKEN_ID = 'terraform@pve!cdktf';
const TOKEN_ID_RE = /^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]*$/;
const PREFIX_RE = /^[a-z][a-z0-9_]*$/;

/**
 * Configures the bpg/proxmox provider, and a root@pam alias when `kvm_arguments` must be set while the
 * rest of the stack keeps using a least-privilege token. Declares its auth mode at synth time so that
 * constructs can refuse, or route, root-only settings before anything is deployed.
 */
export class ProxmoxConnection extends Construct implements IProxmoxConnection {
  public readonly authMode: ProxmoxAuthMode;
  public readonly provider: ProxmoxProvider;
  /** The root@pam provider: the default one in `root-password` mode, an alias in the combined mode. */
  public readonly rootProvider?: ProxmoxProvider;
  public readonly canSetKvmArguments: boolean;
  public readonly hasSsh: boolean;
  public readonly nodeSsh?: ProxmoxNodeSsh;

  constructor(scope: Construct, id: string, props: ProxmoxConnectionProps = {}) {
    super(scope, id);
    const authMode = props.authMode ?? 'api-token';
    const secretSource = props.secretSource ?? 'terraform-variables';
    const prefix = props.variablePrefix ?? 'proxmox';
    const tokenId = props.apiTokenId ?? DEFAULT_API_TOKEN_ID;

    const p = new Problems(this);
    p.check(['api-token', 'root-password', 'api-token+root-password'].includes(authMode), 'authMode',
      "be one of 'api-token', 'root-password', 'api-token+root-password'", authMode, 'Pick the mode matching the credentials you have (see ProxmoxAuthMode).');
    p.check(['terraform-variables', 'provider-environment'].includes(secretSource), 'secretSource',
      "be 'terraform-variables' or 'provider-environment'", secretSource, 'Use \'terraform-variables\' to get sensitive variables, or \'provider-environment\' to read PROXMOX_VE_* variables.');
    p.check(!(authMode === 'api-token+root-password' && secretSource === 'provider-environment'), 'secretSource',
      "be 'terraform-variables' when authMode is 'api-token+root-password'", secretSource,
      'Both provider instances would read the same PROXMOX_VE_* variables; use terraform-variables.');
    p.check(TOKEN_ID_RE.test(tokenId), 'apiTokenId', 'look like "user@realm!tokenname"', tokenId,
      'The secret UUID is not part of the id: it comes from a sensitive variable.');
    p.check(PREFIX_RE.test(prefix), 'variablePrefix', 'be lower_snake_case', prefix, 'Use lower-case letters, digits and underscores, starting with a letter, e.g. "proxmox".');
    if (props.endpoint !== undefined) {
      p.check(/^https:\/\/[^\s/]+(:\d+)?\/?$/.test(props.endpoint), 'endpoint',
        'be an https URL of the API like "https://pve.example.com:8006/"', props.endpoint, 'Write https://, the host and an optional port only, e.g. "https://pve1.home.arpa:8006/".');
    }
    for (const [node, addr] of Object.entries(props.ssh?.proxmoxNodeAddresses ?? {})) {
      p.check(addr.trim().length > 0, `ssh.proxmoxNodeAddresses.${node}`, 'be a host name or IP address', addr, 'Give the address SSH reaches this node at, or remove the entry.');
    }
    p.throwIfAny();

    const secret = (name: string, description: string): string => {
      const v = new TerraformVariable(this, name, { type: 'string', sensitive: true, nullable: false, description });
      v.overrideLogicalId(`${prefix}_${name}`);
      return v.stringValue;
    };

    // Without the agent the key comes from a sensitive variable: it then lives in state, hence not the default.
    const ssh = props.ssh ? sshBlock(props.ssh, props.ssh.agent === false
      ? secret('ssh_private_key', 'Private key (PEM) for SSH to the Proxmox nodes') : undefined) : undefined;
    const common = {
      endpoint: props.endpoint,
      insecure: props.insecure ?? false,
      ssh,
    };

    const providers = this.makeProviders(authMode, secretSource === 'terraform-variables', tokenId, prefix, common, secret);
    this.provider = providers.provider;
    this.rootProvider = providers.rootProvider;
    this.authMode = authMode;
    this.canSetKvmArguments = this.rootProvider !== undefined;
    this.hasSsh = ssh !== undefined;
    if (ssh) {
      const addresses = new Map(Object.entries(props.ssh?.proxmoxNodeAddresses ?? {}));
      this.nodeSsh = {
        username: ssh.username ?? 'root',
        agent: props.ssh?.agent ?? true,
        privateKey: ssh.privateKey,
        addressOf: (node: string) => addresses.get(node) ?? node,
      };
    }
  }

  /** The provider every resource uses and, when the mode has one, the root@pam provider (kvm_arguments). */
  private makeProviders(authMode: ProxmoxAuthMode, fromVars: boolean, tokenId: string, prefix: string,
    common: { endpoint?: string; insecure: boolean; ssh?: ProxmoxProviderSsh }, secret: (name: string, description: string) => string,
  ): { provider: ProxmoxProvider; rootProvider?: ProxmoxProvider } {
    if (authMode === 'root-password') {
      const provider = new ProxmoxProvider(this, 'Provider', {
        ...common,
        username: 'root@pam',
        password: fromVars ? secret('root_password', 'Password of root@pam (needed to set kvm_arguments)') : undefined,
      });
      return { provider, rootProvider: provider };
    }
    const tokenSecret = fromVars
      ? secret('api_token_secret', `Secret (UUID) of the Proxmox API token ${tokenId}`) : undefined;
    const provider = new ProxmoxProvider(this, 'Provider', {
      ...common,
      apiToken: tokenSecret ? `${tokenId}=${tokenSecret}` : undefined,
    });
    if (authMode !== 'api-token+root-password') return { provider };
    const rootProvider = new ProxmoxProvider(this, 'RootProvider', {
      ...common,
      alias: `${prefix}_root`,
      username: 'root@pam',
      password: secret('root_password', 'Password of root@pam, used only by VMs that set kvm_arguments'),
    });
    return { provider, rootProvider };
  }

  public providerForKvmArguments(requester: IConstruct, prop: string): ProxmoxProvider {
    if (!this.rootProvider) {
      throw new ValidationError(requester,
        `'${prop}' must come with a connection that may set QEMU 'args' (kvm_arguments), which Proxmox only accepts from root@pam ` +
        `authenticated by password, got a connection in '${this.authMode}' mode (${this.node.path}). Either set authMode to ` +
        `'api-token+root-password' (a root alias used only for this VM) or 'root-password', or deliver the ` +
        'configuration without args: the cloud-init drive (e.g. the Flatcar proxmoxve image), a snippet, or Talos META.');
    }
    return this.rootProvider;
  }
}

function sshBlock(s: ProxmoxSshProps, privateKey: string | undefined): ProxmoxProviderSsh {
  const nodes = Object.entries(s.proxmoxNodeAddresses ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return {
    username: s.username ?? 'root',
    agent: s.agent ?? true,
    privateKey,
    nodeAttribute: nodes.length ? nodes.map(([name, address]) => ({ name, address })) : undefined,
  };
}
