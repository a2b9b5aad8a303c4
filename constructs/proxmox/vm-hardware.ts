import { Token } from 'cdktf';
import { VirtualEnvironmentVmConfig, VirtualEnvironmentVmNetworkDevice } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { Problems } from '../core/errors';
import { checkMacAddress } from '../core/identity';
import { known } from '../core/terraform-strings';
import { DatastoreRef } from './image';
import { VmMediaPlan } from './media';
import { joinKvmArguments } from './qemu-args';
import { bootDisk } from './vm';

/**
 * The hardware every VM of this library shares (UEFI on q35, virtio, guest agent), as typed props with
 * defaults and one pure function that turns them plus a media plan into the bpg VM resource config.
 * FlatcarTemplate, DebianGoldenTemplate and TalosNode all go through here, so a fix lands everywhere.
 */

/**
 * Hardware props common to the VM constructs. The defaults below are VM_DEFAULTS; a construct with its own sizing
 * (TalosNode per role, DebianGoldenTemplate's disk) documents and exports its own defaults, which win.
 */
export interface VmHardwareProps {
  /** CPU cores (1 to 512). @default 2 */
  readonly cores?: number;
  /** Memory in MiB. @default 2048 */
  readonly memoryMiB?: number;
  /**
   * CPU type. `host` passes the host CPU through (best performance, blocks live migration across CPU models).
   * @default 'host'
   */
  readonly cpuType?: string;
  /** Size of the boot disk. @default 20 */
  readonly diskSizeGiB?: number;
  /** Storage of the boot disk. @default { id: 'local-lvm' } */
  readonly diskDatastore?: DatastoreRef;
  /** Storage of the EFI vars disk (may differ from the boot disk's, e.g. shared storage for clones on other nodes). @default - diskDatastore */
  readonly efiDatastore?: DatastoreRef;
  /** Secure Boot keys enrolled in the EFI vars. @default false (Flatcar/Talos/Debian cloud images boot unsigned paths) */
  readonly secureBoot?: boolean;
  /** Linux bridge of the first NIC. @default 'vmbr0' */
  readonly bridge?: string;
  /** VLAN tag of the first NIC. @default - untagged */
  readonly vlanId?: number;
  /** MAC of the first NIC. @default - derived from the name by the construct */
  readonly macAddress?: string;
  /**
   * How long the provider waits for the guest agent, in seconds. bpg's own default is 15 minutes (dvAgentTimeout,
   * https://github.com/bpg/terraform-provider-proxmox/blob/main/proxmoxtf/resource/vm/vm.go): too long to wait
   * on a VM whose agent is not up.
   * @default 120
   */
  readonly agentTimeoutSeconds?: number;
  /** Start the VM when the Proxmox node boots. @default true */
  readonly onBoot?: boolean;
}

export const VM_DEFAULTS = {
  cores: 2,
  memoryMiB: 2048,
  cpuType: 'host',
  diskSizeGiB: 20,
  diskDatastore: { id: 'local-lvm' } as DatastoreRef,
  bridge: 'vmbr0',
  agentTimeoutSeconds: 120,
} as const;


/**
 * Every key of the VM's `network_device` object type. The map type makes the compiler reject a key the binding
 * lacks or a missing one, so a provider bump that adds a key fails the build until it is listed here.
 */
const NETWORK_DEVICE_KEYS: { readonly [K in keyof Required<VirtualEnvironmentVmNetworkDevice>]: K } = {
  bridge: 'bridge', disconnected: 'disconnected', enabled: 'enabled', firewall: 'firewall', macAddress: 'macAddress',
  model: 'model', mtu: 'mtu', queues: 'queues', rateLimit: 'rateLimit', trunks: 'trunks', vlanId: 'vlanId',
};

/**
 * Pure: a `network_device` element with every key of the object type present, `null` where `device` leaves it
 * unset. Since bpg 0.111 `network_device` is an attribute (a list of objects, SDKv2 `ConfigModeAttr`) instead
 * of a block, and Terraform converts a JSON value to an object type only when every attribute is given:
 * a missing key fails validation ("attributes ... are required"). `null` is "unset": the provider applies its
 * default (e.g. `enabled` true), and sets no deprecated attribute (`enabled` is deprecated in 0.111).
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.111.1/proxmoxtf/resource/vm/network/schema.go
 */
export function networkDevice(device: VirtualEnvironmentVmNetworkDevice): VirtualEnvironmentVmNetworkDevice {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(NETWORK_DEVICE_KEYS) as (keyof VirtualEnvironmentVmNetworkDevice)[]) {
    // A plain null, not Token.nullValue() (a token wrapping null): the generated binding passes it through as it is
    // (cdktf's stringToTerraform and friends are the identity) and resolution keeps null, so the JSON is the same,
    // without a token to register and resolve for each unset key of every VM.
    out[k] = device[k] === undefined ? null : device[k];
  }
  return out as VirtualEnvironmentVmNetworkDevice;
}

/** Adds a problem unless `seconds` is a whole number of seconds from 1 to 86400. */
export function checkAgentTimeout(p: Problems, prop: string, seconds: number): void {
  p.check(Number.isInteger(seconds) && seconds >= 1 && seconds <= 86400, prop, 'be an integer from 1 to 86400', seconds, 'Give a whole number of seconds from 1 to 86400.');
}

/**
 * Pure: the provider's `agent.timeout` duration for `seconds` (default 120): whole minutes as `<n>m` (120 -> "2m",
 * as earlier releases wrote it, so existing VMs see no change), else `<n>s`; a token as `<token>s`.
 */
export function agentTimeout(seconds: number = VM_DEFAULTS.agentTimeoutSeconds): string {
  if (Token.isUnresolved(seconds)) return `${Token.asString(seconds)}s`;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/**
 * Adds the problems of hardware props to `p` (prefixing prop names with `prefix`): the one set of rules for every
 * VM construct (a clone passes only what it overrides: unset values are the valid defaults). Terraform tokens are
 * left to deploy time.
 */
export function checkVmHardware(p: Problems, hw: VmHardwareProps, minimum: { memoryMiB?: number; diskSizeGiB?: number } = {}, prefix = ''): void {
  const cores = hw.cores ?? VM_DEFAULTS.cores;
  const mem = hw.memoryMiB ?? VM_DEFAULTS.memoryMiB;
  const disk = hw.diskSizeGiB ?? VM_DEFAULTS.diskSizeGiB;
  if (known(cores)) p.check(Number.isInteger(cores) && cores >= 1 && cores <= 512, `${prefix}cores`, 'be an integer from 1 to 512', cores, 'Give a whole number of cores from 1 to 512.');
  const minMem = minimum.memoryMiB ?? 512;
  if (known(mem)) p.check(Number.isInteger(mem) && mem >= minMem, `${prefix}memoryMiB`, `be an integer of at least ${minMem}`, mem, `Give ${minMem} MiB or more.`);
  const minDisk = minimum.diskSizeGiB ?? 1;
  if (known(disk)) p.check(Number.isInteger(disk) && disk >= minDisk, `${prefix}diskSizeGiB`, `be an integer of at least ${minDisk}`, disk, `Give ${minDisk} GiB or more.`);
  if (known(hw.vlanId)) {
    p.check(Number.isInteger(hw.vlanId) && hw.vlanId >= 1 && hw.vlanId <= 4094, `${prefix}vlanId`, 'be from 1 to 4094', hw.vlanId, 'Use a VLAN tag from 1 to 4094, or leave it out for an untagged NIC.');
  }
  if (known(hw.macAddress)) checkMacAddress(p, `${prefix}macAddress`, hw.macAddress);
  if (known(hw.agentTimeoutSeconds)) checkAgentTimeout(p, `${prefix}agentTimeoutSeconds`, hw.agentTimeoutSeconds);
}

/** Pure: whether every datastore in `datastores` is shared by all nodes (clones on other nodes and HA need it). */
export function allShared(datastores: readonly DatastoreRef[]): boolean {
  return datastores.every((d) => d.shared === true);
}

/** What {@link vmResourceConfig} needs besides hardware props. */
export interface VmResourceInput {
  readonly proxmoxNode: string;
  readonly name: string;
  readonly vmId: number;
  readonly macAddress: string;
  readonly media: VmMediaPlan;
  readonly hardware: VmHardwareProps;
  readonly description?: string;
  readonly tags?: readonly string[];
}

/**
 * Pure: the bpg `proxmox_virtual_environment_vm` config (the SDK VM resource: its short name `proxmox_vm` is a
 * different, experimental implementation) for a UEFI q35 VM with the media plan applied.
 * The caller adds what is specific (initialization, template flag, provider, lifecycle).
 */
export function vmResourceConfig(i: VmResourceInput): Omit<VirtualEnvironmentVmConfig, 'nodeName'> & { nodeName: string } {
  const hw = i.hardware;
  const diskDatastore = (hw.diskDatastore ?? VM_DEFAULTS.diskDatastore).id;
  const m = i.media;
  return {
    nodeName: i.proxmoxNode,
    name: i.name,
    vmId: i.vmId,
    description: i.description,
    tags: i.tags ? [...i.tags].sort() : undefined,
    machine: 'q35',
    bios: 'ovmf',
    onBoot: hw.onBoot ?? true,
    // virtio-scsi-single gives each disk its own controller, which `iothread` needs to have any effect.
    scsiHardware: 'virtio-scsi-single',
    operatingSystem: { type: 'l26' },
    cpu: { cores: hw.cores ?? VM_DEFAULTS.cores, type: hw.cpuType ?? VM_DEFAULTS.cpuType },
    memory: { dedicated: hw.memoryMiB ?? VM_DEFAULTS.memoryMiB },
    efiDisk: {
      datastoreId: hw.efiDatastore?.id ?? diskDatastore,
      fileFormat: 'raw',
      type: '4m',
      preEnrolledKeys: hw.secureBoot ?? false,
    },
    disk: m.bootDisk ? [bootDisk({
      interface: m.bootDisk.interface,
      datastoreId: diskDatastore,
      importFrom: m.bootDisk.importFrom,
      fileId: m.bootDisk.fileId,
      sizeGiB: hw.diskSizeGiB ?? VM_DEFAULTS.diskSizeGiB,
    })] : undefined,
    cdrom: m.cdrom ? { fileId: m.cdrom.fileId, interface: m.cdrom.interface } : undefined,
    bootOrder: [...m.bootOrder],
    networkDevice: [networkDevice({
      bridge: hw.bridge ?? VM_DEFAULTS.bridge,
      model: 'virtio',
      macAddress: i.macAddress,
      vlanId: hw.vlanId,
    })],
    agent: { enabled: true, timeout: agentTimeout(hw.agentTimeoutSeconds), trim: true },
    // A serial console: Flatcar, Talos and Debian cloud images log their boot there.
    serialDevice: [{ device: 'socket' }],
    kvmArguments: joinKvmArguments(m.kvmArguments),
    // Checks only Terraform can make (content known at plan time). Callers add their own lifecycle settings
    // through addVm (vm.ts), which merges them with these.
    lifecycle: m.preconditions.length
      ? { precondition: m.preconditions.map((c) => ({ condition: c.condition, errorMessage: c.errorMessage })) }
      : undefined,
  };
}
