import { Token } from 'cdktf';
import {
  VirtualEnvironmentVmDisk, VirtualEnvironmentVmHostpci, VirtualEnvironmentVmNetworkDevice, VirtualEnvironmentVmTpmState,
} from '../../.gen/providers/proxmox/virtual-environment-vm';
import { Problems } from '../core/errors';
import { checkMacAddress, deriveMacAddress } from '../core/identity';
import { parseCidr } from '../core/net';
import { DatastoreRef } from '../proxmox/image';
import { networkDevice } from '../proxmox/vm-hardware';
import { TalosConfigPatch } from './patches';

/**
 * Extra hardware of a Talos node beyond the boot disk and first NIC: data disks, more NICs, PCI devices through
 * Proxmox resource mappings and a TPM. Pure helpers: the Proxmox side ({@link hardwareVmConfig}) and the Talos side
 * ({@link hardwarePatches}) of the same props, so both always agree on disk serials and NIC MACs.
 */

/** A data disk (for Longhorn, Rook/Ceph, OpenEBS, local-path...). */
export interface TalosDataDisk {
  /** Size in GiB. */
  readonly sizeGiB: number;
  /** Storage of the disk. @default - the boot disk's (diskDatastore) */
  readonly datastore?: DatastoreRef;
  /**
   * Mount it as a Talos user volume at `/var/mnt/<volume>` (a UserVolumeConfig document selecting the disk by its
   * serial). Unset leaves the disk raw, for storage that wants a whole block device (Rook/Ceph, Longhorn V2).
   * @default - raw
   * @see https://www.talos.dev/v1.13/talos-guides/configuration/disk-management/user/
   */
  readonly volume?: string;
}

/** An additional NIC (e.g. a storage network). Talos addresses it by MAC (deviceSelector.hardwareAddr). */
export interface TalosExtraNic {
  /** Linux bridge on the Proxmox node. */
  readonly bridge: string;
  /** VLAN tag, set by Proxmox on the port (Talos sees untagged frames). @default - untagged */
  readonly vlanId?: number;
  /** MTU, on the Proxmox NIC and on the Talos link (e.g. 9000 for a storage network). @default - the bridge's (1500) */
  readonly mtu?: number;
  /** Static IPv4 address with prefix, e.g. `10.10.0.21/24`. @default - DHCP on that link */
  readonly address?: string;
  /** MAC address. @default - derived from the node's identity seed and the NIC's position */
  readonly macAddress?: string;
}

/** A PCI device (GPU, NIC, HBA) passed through a Proxmox resource mapping (Datacenter > Resource Mappings). */
export interface TalosPciDevice {
  /** Name of the PCI resource mapping; the token needs Mapping.Use on `/mapping/pci/<name>`. */
  readonly mapping: string;
  /**
   * A raw host PCI id (`0000:01:00.0`). Refused: Proxmox lets only root@pam pass a raw device through, and this
   * library runs with a least-privilege token. @default - none
   */
  readonly id?: string;
  /** Attach as PCI Express (q35). @default true */
  readonly pcie?: boolean;
  /** The device is the VM's primary GPU. @default false */
  readonly xvga?: boolean;
  /** Expose the device's ROM. @default true */
  readonly rombar?: boolean;
}

/** Extra hardware props of TalosNode and of the cluster's per-node and per-role props. */
export interface TalosNodeHardwareProps {
  /** Data disks, attached as scsi1, scsi2, ... in this order. @default [] */
  readonly dataDisks?: readonly TalosDataDisk[];
  /** NICs after the first, net1, net2, ... in this order. @default [] */
  readonly extraNics?: readonly TalosExtraNic[];
  /** PCI devices, hostpci0, hostpci1, ... in this order. @default [] */
  readonly pciDevices?: readonly TalosPciDevice[];
  /** A TPM 2.0 state disk (for Talos disk encryption sealed to the TPM). @default false */
  readonly tpm?: boolean;
}

const VOLUME_RE = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
const BRIDGE_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/;
const MAPPING_RE = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;
/** Most disks per VM this helper attaches (scsi1..scsi30 on virtio-scsi-single). */
const MAX_DATA_DISKS = 30;

/** The serial Proxmox gives data disk `i` (0-based), which the Talos volume selects. At most 20 characters. */
export function dataDiskSerial(i: number): string {
  return `talos-data-${i + 1}`;
}

/** The MAC of extra NIC `i` (0-based). */
export function extraNicMac(seed: string, i: number, nic: TalosExtraNic): string {
  return (nic.macAddress ?? deriveMacAddress(`${seed}/net${i + 1}`)).toUpperCase();
}

/** Adds the problems of `hw` (prop names prefixed with `prefix`). */
export function checkNodeHardware(p: Problems, hw: TalosNodeHardwareProps, prefix = ''): void {
  const disks = hw.dataDisks ?? [];
  p.check(disks.length <= MAX_DATA_DISKS, `${prefix}dataDisks`, `have at most ${MAX_DATA_DISKS} disks`, disks.length, 'Remove disks, or combine them into larger ones.');
  const volumes = new Set<string>();
  disks.forEach((d, i) => {
    const at = `${prefix}dataDisks[${i}]`;
    p.check(Number.isInteger(d.sizeGiB) && d.sizeGiB >= 1, `${at}.sizeGiB`, 'be a whole number of GiB, at least 1', d.sizeGiB, 'Give a whole number of GiB, 1 or more.');
    if (d.volume !== undefined) {
      p.check(VOLUME_RE.test(d.volume), `${at}.volume`, 'be a lower-case name of at most 32 characters (a-z, 0-9, -)', d.volume,
        'Rename it: it becomes the mount point /var/mnt/<volume>.');
      p.check(!volumes.has(d.volume), `${at}.volume`, 'be unique on the node', d.volume, 'Give each data disk its own volume name.');
      volumes.add(d.volume);
    }
  });
  (hw.extraNics ?? []).forEach((n, i) => {
    const at = `${prefix}extraNics[${i}]`;
    p.check(BRIDGE_RE.test(n.bridge ?? ''), `${at}.bridge`, 'be a Linux bridge name like "vmbr1"', n.bridge, 'Use the name of a bridge on the Proxmox node, e.g. "vmbr1".');
    if (n.vlanId !== undefined) p.check(Number.isInteger(n.vlanId) && n.vlanId >= 1 && n.vlanId <= 4094, `${at}.vlanId`, 'be from 1 to 4094', n.vlanId, 'Use a VLAN tag from 1 to 4094, or leave it out for an untagged NIC.');
    if (n.mtu !== undefined) p.check(Number.isInteger(n.mtu) && n.mtu >= 576 && n.mtu <= 65520, `${at}.mtu`, 'be from 576 to 65520', n.mtu, 'Give an MTU from 576 to 65520, or leave it out for the bridge\'s.');
    if (n.address !== undefined && !Token.isUnresolved(n.address)) {
      const c = parseCidr(n.address);
      p.check(c?.kind === 'ipv4' && n.address.includes('/'), `${at}.address`, 'be an IPv4 address with prefix like "10.10.0.21/24"', n.address, 'Write an IPv4 address with prefix length, or leave it out for a NIC without address.');
    }
    if (n.macAddress !== undefined) checkMacAddress(p, `${at}.macAddress`, n.macAddress);
  });
  (hw.pciDevices ?? []).forEach((d, i) => {
    const at = `${prefix}pciDevices[${i}]`;
    p.check(d.id === undefined, `${at}.id`, 'be unset: a raw PCI id can only be passed through by root@pam, not by an API token', d.id,
      'Create a PCI resource mapping (Datacenter > Resource Mappings) for the device and give its name as mapping; the token needs Mapping.Use on it.');
    p.check(MAPPING_RE.test(d.mapping ?? ''), `${at}.mapping`, 'be the name of a Proxmox PCI resource mapping', d.mapping, 'Create the mapping under Datacenter > Resource Mappings and give its name.');
  });
  p.check((hw.pciDevices ?? []).length <= 16, `${prefix}pciDevices`, 'have at most 16 devices (hostpci0..hostpci15)', (hw.pciDevices ?? []).length, 'Pass through at most 16 devices.');
}

/** What the VM resource gets from `hw`, to append to its disks and NICs. */
export interface HardwareVmConfig {
  /** The data disks (scsi1...). */
  readonly disks: VirtualEnvironmentVmDisk[];
  /** The extra NICs (net1...). */
  readonly networkDevices: VirtualEnvironmentVmNetworkDevice[];
  /** The PCI devices. @default - none */
  readonly hostpci?: VirtualEnvironmentVmHostpci[];
  /** The TPM state disk. @default - none */
  readonly tpmState?: VirtualEnvironmentVmTpmState;
}

/** Pure: the Proxmox side of `hw` for a node whose boot disk is on `bootDatastoreId`. */
export function hardwareVmConfig(hw: TalosNodeHardwareProps, seed: string, bootDatastoreId: string): HardwareVmConfig {
  const pci = hw.pciDevices ?? [];
  return {
    disks: (hw.dataDisks ?? []).map((d, i) => ({
      interface: `scsi${i + 1}`,
      datastoreId: d.datastore?.id ?? bootDatastoreId,
      fileFormat: 'raw',
      size: d.sizeGiB,
      serial: dataDiskSerial(i),
      iothread: true,
      discard: 'on',
      ssd: true,
    })),
    networkDevices: (hw.extraNics ?? []).map((n, i) => networkDevice({
      bridge: n.bridge, model: 'virtio', macAddress: extraNicMac(seed, i, n), vlanId: n.vlanId, mtu: n.mtu,
    })),
    hostpci: pci.length ? pci.map((d, i) => ({
      device: `hostpci${i}`, mapping: d.mapping, pcie: d.pcie ?? true, xvga: d.xvga ?? false, rombar: d.rombar ?? true,
    })) : undefined,
    tpmState: hw.tpm ? { datastoreId: bootDatastoreId, version: 'v2.0' } : undefined,
  };
}

/** The smallest user volume a data disk may give (Talos size syntax); the volume then grows to the whole disk. */
export const DATA_VOLUME_MIN_SIZE = '1GiB';

/**
 * Pure: the Talos side of `hw`: one UserVolumeConfig per mounted data disk (selected by serial, never the system
 * disk), and the extra NICs selected by MAC with their address (or DHCP) and MTU.
 * @see https://www.talos.dev/v1.13/reference/configuration/block/uservolumeconfig/
 */
export function hardwarePatches(hw: TalosNodeHardwareProps, seed: string): TalosConfigPatch[] {
  const volumes: TalosConfigPatch[] = (hw.dataDisks ?? []).flatMap((d, i) => d.volume === undefined ? [] : [{
    apiVersion: 'v1alpha1',
    kind: 'UserVolumeConfig',
    name: d.volume,
    // Machinery refuses a volume without minSize or maxSize ("min size or max size is required"); the disk is the
    // volume's alone, so a small minimum and `grow` give it the whole disk.
    provisioning: { diskSelector: { match: `disk.serial == "${dataDiskSerial(i)}" && !system_disk` }, minSize: DATA_VOLUME_MIN_SIZE, grow: true },
  }]);
  const nics = (hw.extraNics ?? []).map((n, i) => ({
    deviceSelector: { hardwareAddr: extraNicMac(seed, i, n).toLowerCase() },
    ...(n.address ? { addresses: [n.address] } : { dhcp: true }),
    ...(n.mtu ? { mtu: n.mtu } : {}),
  }));
  return [...(nics.length ? [{ machine: { network: { interfaces: nics } } }] : []), ...volumes];
}

/** Kubernetes topology labels for the Proxmox CCM/CSI: region = cluster, zone = Proxmox node. */
export function topologyPatch(clusterName: string, proxmoxNode: string): TalosConfigPatch {
  return { machine: { nodeLabels: { 'topology.kubernetes.io/region': clusterName, 'topology.kubernetes.io/zone': proxmoxNode } } };
}
