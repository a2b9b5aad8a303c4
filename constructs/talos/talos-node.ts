import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { VirtualEnvironmentVm, VirtualEnvironmentVmDisk, VirtualEnvironmentVmInitialization, VirtualEnvironmentVmNetworkDevice } from '../../.gen/providers/proxmox/virtual-environment-vm';
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
  /** @default 'worker' */
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
  /** @default TalosBoot.diskImage() */
  readonly boot?: TalosBoot;
  /**
   * An image shared with other nodes (same platform, boot format and schematic). Not possible with
   * TalosNetwork.meta(): the address is part of the image.
   * @default - an image made for this node from talosVersion, extensions and kernelArgs
   */
  readonly image?: TalosImage;
  /** Storage for the node's own image download. @default { id: 'local' } */
  readonly imageDatastore?: DatastoreRef;
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
  /** The VM (`proxmox_virtual_environment_vm`). */
  public readonly vm: VirtualEnvironmentVm;
  /** The Talos side of the extra hardware (data-disk volumes, extra NICs), for the node's configuration apply. */
  public readonly hardwarePatches: readonly TalosConfigPatch[];

  constructor(scope: Construct, id: string, props: TalosNodeProps) {
    super(scope, id);
    const name = props.hostname ?? id;
    const role = props.role ?? 'worker';
    const network = props.network ?? TalosNetwork.dhcp();
    const platform = props.platform ?? props.image?.platform ?? network.requiredPlatform ?? 'metal';
    const talosVersion = props.image?.talosVersion ?? props.talosVersion ?? TALOS_VERSION;
    const boot = props.boot ?? TalosBoot.diskImage();
    const defaults = role === 'controlplane' ? CONTROL_PLANE_HARDWARE : WORKER_HARDWARE;
    const hardware: VmHardwareProps = {
      ...props,
      cores: props.cores ?? defaults.cores,
      memoryMiB: props.memoryMiB ?? defaults.memoryMiB,
      diskSizeGiB: props.diskSizeGiB ?? defaults.diskSizeGiB,
    };
    const kernelArgs = [
      ...(network.addressing === 'meta' ? META_NETWORK_KERNEL_ARGS : []),
      ...(boot.configIso ? [METAL_ISO_KERNEL_ARG] : []),
      ...(props.kernelArgs ?? []),
    ];
    const extensions = props.image?.extensions ?? props.extensions ?? DEFAULT_EXTENSIONS;

    const p = new Problems(this);
    p.check(HOSTNAME_RE.test(name), 'hostname', 'be a lower-case host name (a-z, 0-9, -; at most 63 characters)', name, 'Use lower-case letters, digits and hyphens, at most 63 characters.');
    p.check(PROXMOX_NODE_NAME_RE.test(props.proxmoxNode), 'proxmoxNode', 'be a Proxmox node name', props.proxmoxNode, 'Use the node name as shown by `pvecm nodes` (letters, digits, hyphens).');
    p.check(['controlplane', 'worker'].includes(role), 'role', "be 'controlplane' or 'worker'", role, 'Use \'controlplane\' or \'worker\'.');
    p.check(['metal', 'nocloud'].includes(platform), 'platform', "be 'metal' or 'nocloud'", platform, 'Use \'nocloud\' for cloud-init addressing, else \'metal\'.');
    checkVmHardware(p, hardware, TALOS_MINIMUM_HARDWARE[role] ?? {});
    checkNodeHardware(p, props);
    network.check(p, 'network', platform);
    checkTalosVersion(p, 'talosVersion', talosVersion);
    checkSchematic(p, { extensions, kernelArgs: props.kernelArgs });
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

    const seed = props.identitySeed ?? name;
    this.vmId = props.vmId ?? deriveVmId(seed);
    this.macAddress = (props.macAddress ?? deriveMacAddress(seed)).toUpperCase();
    const registry = IdentityRegistry.of(this);
    if (!Token.isUnresolved(this.vmId)) registry.claimVmId(this, 'vmId', this.vmId, props.vmId === undefined);
    registry.claimMac(this, 'macAddress', this.macAddress, props.macAddress === undefined);

    this.hostname = name;
    this.role = role;
    this.proxmoxNode = props.proxmoxNode;
    this.platform = platform;
    this.network = network;
    this.ipv4Address = network.ipAddress;

    const meta = network.addressing === 'meta'
      ? [{ key: META_KEY_NETWORK, value: metalNetworkMetaValue({ ...network.staticAddress!, hostname: name }) }]
      : [];
    this.image = props.image ?? new TalosImage(this, 'Image', {
      connection: props.connection,
      talosVersion,
      platform,
      extensions,
      kernelArgs,
      meta,
      format: boot.kind,
      datastore: props.imageDatastore,
    });
    this.installerImage = this.image.installerImage;
    const fileId = this.image.fileIdFor(props.proxmoxNode);

    const cloudInit = platform === 'nocloud';
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
      name,
      vmId: this.vmId,
      macAddress: this.macAddress,
      media,
      hardware,
      description: `Talos ${role} ${name}, managed by Terraform`,
      tags: ['talos', role, ...(props.tags ?? [])],
    });
    const diskDatastoreId = (hardware.diskDatastore ?? VM_DEFAULTS.diskDatastore).id;
    if (boot.kind === 'iso') {
      this.installTarget = { disk: ISO_INSTALL_DISK, image: this.installerImage };
    }
    const extra = hardwareVmConfig(props, seed, diskDatastoreId);
    this.hardwarePatches = hardwarePatches(props, seed);
    // Was 'Resource' before the VM constructs shared the child id 'Vm': the moved block keeps existing state.
    this.vm = movedFromChildId(new VirtualEnvironmentVm(this, 'Vm', {
      ...config,
      provider,
      // ISO boot: an empty disk first, so the firmware falls through to the ISO until Talos is installed.
      ...(boot.kind === 'iso' ? {
        disk: [{ interface: 'scsi0', datastoreId: diskDatastoreId, fileFormat: 'raw', size: hardware.diskSizeGiB, iothread: true, discard: 'on', ssd: true, cache: 'writeback' }, ...extra.disks],
        bootOrder: ['scsi0', ...media.bootOrder],
      } : extra.disks.length ? { disk: [...(config.disk as VirtualEnvironmentVmDisk[]), ...extra.disks] } : {}),
      ...(extra.networkDevices.length ? { networkDevice: [...(config.networkDevice as VirtualEnvironmentVmNetworkDevice[]), ...extra.networkDevices] } : {}),
      ...(extra.hostpci ? { hostpci: extra.hostpci } : {}),
      ...(extra.tpmState ? { tpmState: extra.tpmState } : {}),
      // Without the extension nothing answers, and every refresh would wait for the agent timeout.
      agent: { ...config.agent, enabled: extensions.includes(QEMU_GUEST_AGENT_EXTENSION) },
      initialization: cloudInit ? cloudInitBlock(network, media.cloudInitInterface!, diskDatastoreId) : undefined,
      lifecycle: props.replaceOnImageChange ? config.lifecycle : {
        ...config.lifecycle,
        ignoreChanges: [boot.kind === 'iso' ? 'cdrom[0].file_id' : 'disk[0].import_from'],
      },
    }), 'Resource');
  }
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
