import { ITerraformDependable, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { Problems } from '../core/errors';
import { checkVmId, deriveMacAddress, deriveVmId, IdentityRegistry } from '../core/identity';
import { checkIp } from '../core/net';
import { checkSshPublicKey } from '../core/ssh';
import { known } from '../core/terraform-strings';
import { ClonePlacement } from './clone-placement';
import { IProxmoxConnection } from './connection';
import { DatastoreRef } from './image';
import { IpConfig } from './ip-config';
import { IVmTemplate } from './template';
import { agentTimeout, checkVmHardware, networkDevice, VM_DEFAULTS } from './vm-hardware';
import { addVm, bootDisk } from './vm';
import { DNS_NAME_RE, kebab, LINUX_USER_NAME_RE, PROXMOX_NODE_NAME_RE } from '../core/names';
import { warnPlaceholderSshKeys } from '../core/placeholders';

/** A full clone takes ~30-40 s on local SSD but minutes on busy or network storage; its start up to 2 minutes. */
export const DEFAULT_CLONE_TIMEOUT_SECONDS = 180;
export const DEFAULT_START_TIMEOUT_SECONDS = 120;
/** bpg retries a clone that failed on a storage lock this many times. */
export const DEFAULT_CLONE_RETRIES = 3;

/** Props of {@link ClonedVm}. */
export interface ClonedVmProps {
  /** The Proxmox connection the clone is made through. */
  readonly connection: IProxmoxConnection;
  /** The template to clone: a DebianGoldenTemplate, a Flatcar template, or `VmTemplate.fromAttributes`. */
  readonly template: IVmTemplate;
  /** The node the clone runs on. @default ClonePlacement.templateNode() */
  readonly placement?: ClonePlacement;
  /**
   * Full clone (an independent copy). A linked clone shares the template's disks: only on the template's node,
   * and never from a template with an imported boot disk (bpg #1959).
   * @default true (required across nodes and with Ceph RBD: https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_copy_and_clone)
   */
  readonly fullClone?: boolean;
  /** VM name. @default - the construct id in kebab-case */
  readonly name?: string;
  /** VM id. @default - derived from the name */
  readonly vmId?: number;
  /** Storage of the full clone's disks. @default - the template's storage */
  readonly diskDatastore?: DatastoreRef;
  /** CPU cores. @default - the template's */
  readonly cores?: number;
  /** CPU type, set together with `cores`. @default 'host' */
  readonly cpuType?: string;
  /** Memory. @default - the template's */
  readonly memoryMiB?: number;
  /** Size of the boot disk (`scsi0`), to grow the template's. Needs `diskDatastore`. @default - the template's size */
  readonly diskSizeGiB?: number;
  /** Bridge of the first NIC. @default 'vmbr0' */
  readonly bridge?: string;
  /** VLAN tag of the first NIC. @default - untagged */
  readonly vlanId?: number;
  /** MAC of the first NIC. @default - derived from the name */
  readonly macAddress?: string;
  /** IPv4 of the first NIC through cloud-init. @default IpConfig.dhcp() */
  readonly ipConfig?: IpConfig;
  /** DNS servers through cloud-init. @default - from DHCP or the template */
  readonly dnsServers?: readonly string[];
  /** DNS search domain through cloud-init. @default - none */
  readonly dnsDomain?: string;
  /** User whose keys cloud-init sets. @default - the image's default user (e.g. `debian`) */
  readonly username?: string;
  /** SSH public keys for that user. @default [] */
  readonly sshAuthorizedKeys?: readonly string[];
  /** Storage of the clone's cloud-init drive. @default - diskDatastore, else bpg's default ('local-lvm') */
  readonly cloudInitDatastore?: DatastoreRef;
  /**
   * Chain the clones of one template (each waits for the previous one). Parallel clones of one template
   * take the same storage lock and time out (bpg #995, #1521); one at a time costs ~30 s per clone.
   * @default true
   */
  readonly serialize?: boolean;
  /** How long the provider waits for the clone, in seconds. @default DEFAULT_CLONE_TIMEOUT_SECONDS */
  readonly cloneTimeoutSeconds?: number;
  /** How long the provider waits for the VM to start, in seconds. @default DEFAULT_START_TIMEOUT_SECONDS */
  readonly startTimeoutSeconds?: number;
  /** How long the provider waits for the guest agent, in seconds. @default 120 */
  readonly agentTimeoutSeconds?: number;
  /** Start the VM now and when the node boots. @default true */
  readonly started?: boolean;
  /** Tags. @default [] */
  readonly tags?: readonly string[];
}


/** The last clone of each template per stack, for {@link ClonedVmProps.serialize}. */
const lastClone = new WeakMap<TerraformStack, Map<IVmTemplate, VirtualEnvironmentVm>>();

/**
 * A VM cloned from an {@link IVmTemplate}, configured through cloud-init (user keys, static or DHCP address, DNS).
 * Checks at synth time what Proxmox would only refuse at deploy time: a clone on another node needs the
 * template on shared storage and a full clone; a linked clone needs the template's node and a template not
 * made from an imported disk.
 * @see https://registry.terraform.io/providers/bpg/proxmox/0.90.0/docs/resources/virtual_environment_vm#clone
 */
export class ClonedVm extends Construct {
  public readonly vmId: number;
  public readonly vmName: string;
  /** The node the clone runs on. */
  public readonly proxmoxNode: string;
  /** IPv4 addresses reported by the guest agent, per interface (a Terraform reference). */
  public readonly ipv4Addresses: string;
  /** The VM (`proxmox_virtual_environment_vm`, also `node.defaultChild`): the escape hatch; later clones depend on it. */
  public readonly vm: VirtualEnvironmentVm;

  constructor(scope: Construct, id: string, props: ClonedVmProps) {
    super(scope, id);
    const t = props.template;
    const name = props.name ?? kebab(id);
    const placement = props.placement ?? ClonePlacement.templateNode();
    const full = props.fullClone ?? true;
    const ip = props.ipConfig ?? IpConfig.dhcp();
    const cloneTimeout = props.cloneTimeoutSeconds ?? DEFAULT_CLONE_TIMEOUT_SECONDS;
    const startTimeout = props.startTimeoutSeconds ?? DEFAULT_START_TIMEOUT_SECONDS;

    const p = new Problems(this);
    p.check(DNS_NAME_RE.test(name), 'name', 'be a DNS name (lower case letters, digits, dashes)', name, 'Rename it: Proxmox refuses other VM names.');
    for (const n of placement.proxmoxNodes) p.check(PROXMOX_NODE_NAME_RE.test(n), 'placement', 'name Proxmox nodes', n, 'Use node names as shown by `pvecm nodes` (letters, digits, hyphens).');
    p.check(placement.kind !== 'spread' || placement.proxmoxNodes.length > 0, 'placement', 'spread over at least one node', placement.proxmoxNodes, 'Give ClonePlacement.spread() at least one Proxmox node.');
    p.check(new Set(placement.proxmoxNodes).size === placement.proxmoxNodes.length, 'placement', 'not repeat a node', placement.proxmoxNodes, 'List each node once.');
    const proxmoxNode = p.count ? t.templateProxmoxNode : placement.resolve(name, t.templateProxmoxNode);
    const crossNode = !Token.isUnresolved(t.templateProxmoxNode) && !Token.isUnresolved(proxmoxNode) && proxmoxNode !== t.templateProxmoxNode;
    if (crossNode) {
      p.check(t.onSharedStorage, 'placement', `keep the clone on the template's node '${t.templateProxmoxNode}' unless the template is on shared storage`,
        proxmoxNode, 'Proxmox clones to another node only when every template disk (boot, EFI, cloud-init) is on storage shared by ' +
        `all nodes (e.g. Ceph RBD): build the template there, or place the clone on '${t.templateProxmoxNode}'.`);
      p.check(full, 'fullClone', `be true for a clone on another node than the template's ('${t.templateProxmoxNode}')`, full,
        "Set fullClone to true: a linked clone shares the template's disks and cannot live on another node (migration aborts).");
    }
    p.check(full || !t.fromImportedDisk, 'fullClone', 'be true for a template whose boot disk was imported from an image', full,
      'Set fullClone to true: Proxmox cannot linked-clone such a template (bpg issue #1959).');
    if (known(props.vmId)) checkVmId(p, 'vmId', props.vmId);
    const { cores, memoryMiB, diskSizeGiB, vlanId, macAddress, agentTimeoutSeconds } = props;
    checkVmHardware(p, { cores, memoryMiB, diskSizeGiB, vlanId, macAddress, agentTimeoutSeconds });
    p.check(props.diskSizeGiB === undefined || props.diskDatastore !== undefined, 'diskDatastore', 'be set when diskSizeGiB is set', props.diskDatastore,
      "Name the clone's storage: bpg's disk block defaults datastore_id to 'local-lvm' and would move the disk there.");
    ip.check(p, 'ipConfig');
    for (const s of props.dnsServers ?? []) if (known(s)) checkIp(p, 'dnsServers', s);
    if (known(props.username)) p.check(LINUX_USER_NAME_RE.test(props.username), 'username', 'be a Linux user name', props.username, 'Use a lower-case letter or _ first, then lower-case letters, digits, _ or -.');
    (props.sshAuthorizedKeys ?? []).forEach((k, i) => checkSshPublicKey(p, `sshAuthorizedKeys[${i}]`, k));
    warnPlaceholderSshKeys(this, 'sshAuthorizedKeys', props.sshAuthorizedKeys);
    for (const [prop, v] of [['cloneTimeoutSeconds', cloneTimeout], ['startTimeoutSeconds', startTimeout]] as const) {
      if (known(v)) p.check(Number.isInteger(v) && v > 0, prop, 'be a positive integer', v, 'Give a whole number of seconds, 1 or more.');
    }
    p.throwIfAny();

    const vmId = props.vmId ?? deriveVmId(name);
    const mac = props.macAddress ?? deriveMacAddress(name);
    claimIdentity(this, vmId, mac, props);

    const serialize = props.serialize ?? true;
    const chains = clonesOf(TerraformStack.of(this));
    const previous = serialize ? chains.get(t) : undefined;
    const waitFor = [t.dependable, previous].filter((d): d is ITerraformDependable => d !== undefined);
    const vm = this.addCloneVm(props, { name, proxmoxNode, vmId, mac, full, ip, cloneTimeout, startTimeout, waitFor });
    if (serialize) chains.set(t, vm);

    this.vmId = vmId;
    this.vmName = name;
    this.proxmoxNode = proxmoxNode;
    this.vm = vm;
    this.ipv4Addresses = Token.asString(vm.ipv4Addresses);
  }

  /** The clone's VM resource: blocks left out keep the template's values. */
  private addCloneVm(props: ClonedVmProps, r: {
    name: string; proxmoxNode: string; vmId: number; mac: string; full: boolean; ip: IpConfig;
    cloneTimeout: number; startTimeout: number; waitFor: ITerraformDependable[];
  }): VirtualEnvironmentVm {
    const { name, proxmoxNode, vmId, mac, full, ip, cloneTimeout, startTimeout, waitFor } = r;
    const keys = props.sshAuthorizedKeys ?? [];
    const started = props.started ?? true;
    const t = props.template;
    return addVm(this, 'Vm', {
      provider: props.connection.provider,
      nodeName: proxmoxNode,
      vmId,
      name,
      tags: props.tags ? [...props.tags].sort() : undefined,
      clone: {
        vmId: t.templateVmId,
        nodeName: t.templateProxmoxNode,
        full,
        datastoreId: props.diskDatastore?.id,
        retries: DEFAULT_CLONE_RETRIES,
      },
      // Blocks left out keep the template's values (bpg only applies what is configured on a clone).
      cpu: props.cores !== undefined ? { cores: props.cores, type: props.cpuType ?? VM_DEFAULTS.cpuType } : undefined,
      memory: props.memoryMiB !== undefined ? { dedicated: props.memoryMiB } : undefined,
      disk: props.diskSizeGiB !== undefined ? [bootDisk({ interface: 'scsi0', datastoreId: props.diskDatastore?.id, sizeGiB: props.diskSizeGiB })] : undefined,
      networkDevice: [networkDevice({ bridge: props.bridge ?? VM_DEFAULTS.bridge, model: 'virtio', macAddress: mac, vlanId: props.vlanId })],
      agent: { enabled: true, timeout: agentTimeout(props.agentTimeoutSeconds), trim: true },
      initialization: {
        datastoreId: (props.cloudInitDatastore ?? props.diskDatastore)?.id,
        ipConfig: [{ ipv4: ip.toIpv4() }],
        dns: props.dnsServers?.length || props.dnsDomain ? { servers: props.dnsServers ? [...props.dnsServers] : undefined, domain: props.dnsDomain } : undefined,
        userAccount: keys.length || props.username ? { username: props.username, keys: keys.length ? [...keys] : undefined } : undefined,
      },
      started,
      onBoot: started,
      timeoutClone: cloneTimeout,
      timeoutCreate: cloneTimeout,
      timeoutStartVm: startTimeout,
      // The template must be finished (Debian: verified and converted) before it is cloned; with `serialize`, the
      // previous clone of the same template too (storage locks, bpg #995/#1521).
      dependsOn: waitFor.length ? waitFor : undefined,
    });
  }
}

/** The last clone of each template in `stack` (clones of one template are chained when `serialize` is on). */
function clonesOf(stack: TerraformStack): Map<IVmTemplate, VirtualEnvironmentVm> {
  const chains = lastClone.get(stack) ?? new Map<IVmTemplate, VirtualEnvironmentVm>();
  lastClone.set(stack, chains);
  return chains;
}

/** Claims the clone's VM id and MAC in the app (derived ones may not collide; given ones are checked). */
function claimIdentity(scope: Construct, vmId: number, mac: string, props: ClonedVmProps): void {
  const registry = IdentityRegistry.of(scope);
  registry.claimVmId(scope, 'vmId', vmId, props.vmId === undefined);
  registry.claimMac(scope, 'macAddress', mac, props.macAddress === undefined);
}
