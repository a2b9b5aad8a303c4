import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { VirtualEnvironmentVm, VirtualEnvironmentVmDisk, VirtualEnvironmentVmInitialization, VirtualEnvironmentVmNetworkDevice } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { addVm, bootDisk } from '../proxmox/vm';
import { Problems } from '../core/errors';
import { movedFromChildId } from '../core/moved';
import { checkVmId, deriveMacAddress, deriveVmId, IdentityRegistry } from '../core/identity';
import { IProxmoxConnection } from '../proxmox/connection';
import { DatastoreRef } from '../proxmox/image';
import { planVmMedia } from '../proxmox/media';
import { checkVmHardware, VM_DEFAULTS, VmHardwareProps, vmResourceConfig } from '../proxmox/vm-hardware';
import { DEFAULT_NAMESERVERS, META_KEY_NETWORK, META_NETWORK_KERNEL_ARGS, metalNetworkMetaValue } from './meta-network';
import { checkNodeHardware, hardwarePatches, hardwareVmConfig, TalosNodeHardwareProps } from './node-hardware';
import { ISO_INSTALL_DISK, TalosConfigPatch } from './patches';
import { checkSchematic, DEFAULT_EXTENSIONS, QEMU_GUEST_AGENT_EXTENSION } from './schematic';
import { METAL_ISO_KERNEL_ARG, TalosBoot } from './talos-boot';
import { TalosImage } from './talos-image';
import { TalosNetwork, TalosPlatform } from './talos-network';
import { checkTalosVersion, TALOS_VERSION } from './versions';
import { PROXMOX_NODE_NAME_RE } from '../core/names';

/** What a node runs: etcd and the API server, or workloads only. */
export type TalosMachineRole = 'controlplane' | 'worker';

/** Sizing of control planes unless set (Talos recommends 4 cores and 4 GiB). */
export const CONTROL_PLANE_HARDWARE = { cores: 4, memoryMiB: 4096, diskSizeGiB: 32 } as const;
/** Sizing of workers unless set. */
export const WORKER_HARDWARE = { cores: 4, memoryMiB: 8192, diskSizeGiB: 64 } as const;
/** Talos' minimum requirements per role. @see https://www.talos.dev/v1.11/introduction/system-requirements/ */
export const TALOS_MINIMUM_HARDWARE = {
  controlplane: { memoryMiB: 2048, diskSizeGiB: 10 },
  worker: { memoryMiB: 1024, diskSizeGiB: 10 },
} as const;

/** Props of {@link TalosNode}. Hardware props default per role ({@link CONTROL_PLANE_HARDWARE}, {@link WORKER_HARDWARE}). */
export interface TalosNodeProps extends VmHardwareProps, TalosNodeHardwareProps {
  /** The Proxmox connection. */
  readonly connection: IProxmoxConnection;
  /** The Proxmox node the VM runs on. */
  readonly proxmoxNode: string;
  /** Host name of the guest, also the name of its VM. @default - the construct id */
  readonly hostname?: string;
  /** Role of the node. @default 'worker' */
  readonly role?: TalosMachineRole;
  /** How the node gets its address at boot. @default TalosNetwork.dhcp() */
  readonly network?: TalosNetwork;
  /** Platform of the image. @default - 'nocloud' for TalosNetwork.cloudInit(), else 'metal' */
  readonly platform?: TalosPlatform;
  /** Talos release. @default - the shared image's, else TALOS_VERSION */
  readonly talosVersion?: string;
  /** Official system extensions. @default DEFAULT_EXTENSIONS */
  readonly extensions?: readonly string[];
  /** Extra kernel arguments, baked into the image's schematic. @default [] */
  readonly kernelArgs?: readonly string[];
  /** How the VM boots Talos. @default TalosBoot.diskImage() */
  readonly boot?: TalosBoot;
  /**
   * An image shared with other nodes (same platform, boot format and schematic). Not possible with
   * TalosNetwork.meta(): the address is part of the image.
   * @default - an image made for this node from talosVersion, extensions and kernelArgs
   */
  readonly image?: TalosImage;
  /** Storage for the node's own image download. @default { id: 'local' } */
  readonly imageDatastore?: DatastoreRef;
  /** Where the checksum warnings of the node's own image go (see ProxmoxImageProps). @default - on its download */
  readonly checksumWarningScope?: IConstruct;
  /** Proxmox VM id. @default - derived from identitySeed */
  readonly vmId?: number;
  /** What the VM id and MAC are derived from (unique per stack). @default - hostname */
  readonly identitySeed?: string;
  /** Extra Proxmox tags. @default [] */
  readonly tags?: readonly string[];
  /**
   * Replace the VM when its image changes (Talos version, extensions, META). Off by default: the image only
   * matters at creation, and a version bump must not wipe every node at once; upgrade in place with
   * `talosctl upgrade --image <installerImage>`, or taint one node to rebuild it.
   * @default false
   */
  readonly replaceOnImageChange?: boolean;
}

const HOSTNAME_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A Talos VM on one Proxmox node: an Image Factory image (extensions, kernel arguments, and for
 * TalosNetwork.meta() the static address) booted as a disk image or installer ISO on a UEFI q35 VM with a
 * deterministic VM id and MAC. It does not configure Talos: {@link TalosCluster} applies the machine
 * configuration over the Talos API.
 */
export class TalosNode extends Construct {
  /** Host name of the guest (also its VM name). */
  public readonly hostname: string;
  public readonly role: TalosMachineRole;
  public readonly proxmoxNode: string;
  public readonly platform: TalosPlatform;
  public readonly network: TalosNetwork;
  public readonly vmId: number;
  public readonly macAddress: string;
  /** The node's address without prefix, when known at synth time (static, or a DHCP reservation). */
  public readonly ipv4Address?: string;
  public readonly image: TalosImage;
  /** Installer image of the node's schematic (a Terraform reference), for `talosctl upgrade --image`. */
  public readonly installerImage: string;
  /** For ISO boots: where Talos installs itself. */
  public readonly installTarget?: { readonly disk: string; readonly image: string };
  /** The VM (`proxmox_virtual_environment_vm`), also `node.defaultChild`: the typed escape hatch. */
  public readonly vm: VirtualEnvironmentVm;
  /** The Talos side of the extra hardware (data-disk volumes, extra NICs), for the node's configuration apply. */
  public readonly hardwarePatches: readonly TalosConfigPatch[];

  constructor(scope: Construct, id: string, props: TalosNodeProps) {
    super(scope, id);
    const r = resolveNode(id, props);
    checkNode(this, props, r);

    const seed = props.identitySeed ?? r.name;
    this.vmId = props.vmId ?? deriveVmId(seed);
    this.macAddress = (props.macAddress ?? deriveMacAddress(seed)).toUpperCase();
    const registry = IdentityRegistry.of(this);
    if (!Token.isUnresolved(this.vmId)) registry.claimVmId(this, 'vmId', this.vmId, props.vmId === undefined);
    registry.claimMac(this, 'macAddress', this.macAddress, props.macAddress === undefined);

    this.hostname = r.name;
    this.role = r.role;
    this.proxmoxNode = props.proxmoxNode;
    this.platform = r.platform;
    this.network = r.network;
    this.ipv4Address = r.network.ipAddress;
    this.image = props.image ?? this.ownImage(props, r);
    this.installerImage = this.image.installerImage;
    if (r.boot.kind === 'iso') this.installTarget = { disk: ISO_INSTALL_DISK, image: this.installerImage };
    this.hardwarePatches = hardwarePatches(props, seed);
    this.vm = this.addVm(props, r, seed);
  }

  /** The image made for this node alone (its META carries the static address and host name). */
  private ownImage(props: TalosNodeProps, r: ResolvedNode): TalosImage {
    const meta = r.network.addressing === 'meta'
      ? [{ key: META_KEY_NETWORK, value: metalNetworkMetaValue({ ...r.network.staticAddress!, hostname: r.name }) }]
      : [];
    return new TalosImage(this, 'Image', {
      connection: props.connection,
      talosVersion: r.talosVersion,
      platform: r.platform,
      extensions: r.extensions,
      kernelArgs: r.kernelArgs,
      meta,
      format: r.boot.kind,
      datastore: props.imageDatastore,
      checksumWarningScope: props.checksumWarningScope,
    });
  }

  /** The VM, through the shared VM building block (proxmox/vm.ts): media plan, hardware, boot disk, lifecycle. */
  private addVm(props: TalosNodeProps, r: ResolvedNode, seed: string): VirtualEnvironmentVm {
    const { boot, hardware } = r;
    const fileId = this.image.fileIdFor(props.proxmoxNode);
    const cloudInit = r.platform === 'nocloud';
    const media = planVmMedia(this, {
      machine: 'q35',
      bootDisk: boot.kind === 'disk-image' ? { fileId, route: 'import_from' } : undefined,
      bootIso: boot.kind === 'iso' ? { fileId, purpose: 'Talos installer ISO' } : undefined,
      configIsos: boot.configIso ? [{ fileId: boot.configIso.fileId, hostPath: boot.configIso.hostPath, purpose: 'Talos config ISO (metal-iso)' }] : [],
      cloudInit,
      canSetKvmArguments: props.connection.canSetKvmArguments,
      hasSsh: props.connection.hasSsh,
      prop: 'boot',
    });
    const provider = media.needsRoot ? props.connection.providerForKvmArguments(this, 'boot.configIso') : props.connection.provider;
    const config = vmResourceConfig({
      proxmoxNode: props.proxmoxNode,
      name: r.name,
      vmId: this.vmId,
      macAddress: this.macAddress,
      media,
      hardware,
      description: `Talos ${r.role} ${r.name}, managed by Terraform`,
      tags: ['talos', r.role, ...(props.tags ?? [])],
    });
    const diskDatastoreId = (hardware.diskDatastore ?? VM_DEFAULTS.diskDatastore).id;
    const extra = hardwareVmConfig(props, seed, diskDatastoreId);
    // ISO boot: an empty disk first, so the firmware falls through to the ISO until Talos is installed.
    const disks = boot.kind === 'iso'
      ? [{ ...bootDisk({ interface: 'scsi0', datastoreId: diskDatastoreId, sizeGiB: hardware.diskSizeGiB! }), fileFormat: 'raw' }]
      : config.disk as VirtualEnvironmentVmDisk[];
    // Was 'Resource' before the VM constructs shared the child id 'Vm': the moved block keeps existing state.
    return movedFromChildId(addVm(this, 'Vm', {
      ...config,
      provider,
      disk: extra.disks.length || boot.kind === 'iso' ? [...disks, ...extra.disks] : config.disk,
      bootOrder: boot.kind === 'iso' ? ['scsi0', ...media.bootOrder] : config.bootOrder,
      networkDevice: [...(config.networkDevice as VirtualEnvironmentVmNetworkDevice[]), ...extra.networkDevices],
      hostpci: extra.hostpci,
      tpmState: extra.tpmState,
      // Without the extension nothing answers, and every refresh would wait for the agent timeout.
      agent: { ...config.agent, enabled: r.extensions.includes(QEMU_GUEST_AGENT_EXTENSION) },
      initialization: cloudInit ? cloudInitBlock(r.network, media.cloudInitInterface!, diskDatastoreId) : undefined,
    }, props.replaceOnImageChange ? undefined : { ignoreChanges: [boot.kind === 'iso' ? 'cdrom[0].file_id' : 'disk[0].import_from'] }), 'Resource');
  }
}

/** Props with their defaults applied. */
interface ResolvedNode {
  readonly name: string;
  readonly role: TalosMachineRole;
  readonly network: TalosNetwork;
  readonly platform: TalosPlatform;
  readonly talosVersion: string;
  readonly boot: TalosBoot;
  readonly hardware: VmHardwareProps;
  readonly kernelArgs: readonly string[];
  readonly extensions: readonly string[];
}

function resolveNode(id: string, props: TalosNodeProps): ResolvedNode {
  const role = props.role ?? 'worker';
  const network = props.network ?? TalosNetwork.dhcp();
  const boot = props.boot ?? TalosBoot.diskImage();
  const defaults = role === 'controlplane' ? CONTROL_PLANE_HARDWARE : WORKER_HARDWARE;
  return {
    name: props.hostname ?? id,
    role,
    network,
    platform: props.platform ?? props.image?.platform ?? network.requiredPlatform ?? 'metal',
    talosVersion: props.image?.talosVersion ?? props.talosVersion ?? TALOS_VERSION,
    boot,
    hardware: {
      ...props,
      cores: props.cores ?? defaults.cores,
      memoryMiB: props.memoryMiB ?? defaults.memoryMiB,
      diskSizeGiB: props.diskSizeGiB ?? defaults.diskSizeGiB,
    },
    kernelArgs: [
      ...(network.addressing === 'meta' ? META_NETWORK_KERNEL_ARGS : []),
      ...(boot.configIso ? [METAL_ISO_KERNEL_ARG] : []),
      ...(props.kernelArgs ?? []),
    ],
    extensions: props.image?.extensions ?? props.extensions ?? DEFAULT_EXTENSIONS,
  };
}

/** Throws a ValidationError on `node` listing every problem of `props`. */
function checkNode(node: Construct, props: TalosNodeProps, r: ResolvedNode): void {
  const { name, role, platform, network, boot } = r;
  const p = new Problems(node);
  p.check(HOSTNAME_RE.test(name), 'hostname', 'be a lower-case host name (a-z, 0-9, -; at most 63 characters)', name, 'Use lower-case letters, digits and hyphens, at most 63 characters.');
  p.check(PROXMOX_NODE_NAME_RE.test(props.proxmoxNode), 'proxmoxNode', 'be a Proxmox node name', props.proxmoxNode, 'Use the node name as shown by `pvecm nodes` (letters, digits, hyphens).');
  p.check(['controlplane', 'worker'].includes(role), 'role', "be 'controlplane' or 'worker'", role, 'Use \'controlplane\' or \'worker\'.');
  p.check(['metal', 'nocloud'].includes(platform), 'platform', "be 'metal' or 'nocloud'", platform, 'Use \'nocloud\' for cloud-init addressing, else \'metal\'.');
  checkVmHardware(p, r.hardware, TALOS_MINIMUM_HARDWARE[role] ?? {});
  checkNodeHardware(p, props);
  network.check(p, 'network', platform);
  checkTalosVersion(p, 'talosVersion', r.talosVersion);
  checkSchematic(p, { extensions: r.extensions, kernelArgs: props.kernelArgs });
  if (props.vmId !== undefined && !Token.isUnresolved(props.vmId)) checkVmId(p, 'vmId', props.vmId);
  if (props.image) {
    p.check(network.addressing !== 'meta', 'image', 'not be shared when the network is TalosNetwork.meta() (the address is baked into the image)',
      props.image.node.path, 'Leave image unset: the node then gets its own image.');
    p.check(props.image.platform === platform, 'image', `be built for platform '${platform}'`, props.image.platform, `Share an image built for '${platform}', or leave image unset.`);
    p.check(props.image.format === boot.kind, 'image', `have format '${boot.kind}' to match boot`, props.image.format, `Share an image of format '${boot.kind}', or leave image unset.`);
    p.check(props.talosVersion === undefined || props.talosVersion === props.image.talosVersion, 'talosVersion',
      `be unset or equal to the shared image's version (${props.image.talosVersion})`, props.talosVersion,
      'Leave talosVersion unset: the node runs the version of its image.');
    p.check(props.kernelArgs === undefined && props.extensions === undefined, 'kernelArgs',
      'be unset (with extensions) when a shared image is given: they belong to that image', props.kernelArgs ?? props.extensions, 'Move them to the shared image, or leave image unset.');
  }
  p.throwIfAny();
}

/** The cloud-init drive of a nocloud node: its address (or DHCP) and resolvers. */
function cloudInitBlock(network: TalosNetwork, iface: string, datastoreId: string): VirtualEnvironmentVmInitialization {
  const a = network.addressing === 'cloud-init' ? network.staticAddress : undefined;
  return {
    interface: iface,
    datastoreId,
    ipConfig: [{ ipv4: a ? { address: a.address, gateway: a.gateway } : { address: 'dhcp' } }],
    dns: a ? { servers: [...(a.nameservers ?? DEFAULT_NAMESERVERS)] } : undefined,
  };
}
