// The one Proxmox VM building block of the VM constructs (FlatcarTemplate, DebianGoldenTemplate, ClonedVm): the
// boot disk definition, lifecycle settings merged from every source, and the VM resource added as the construct's
// primary child (`node.defaultChild`). The UEFI/NIC/agent/serial definition is vmResourceConfig (vm-hardware.ts).
import { TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import {
  VirtualEnvironmentVm, VirtualEnvironmentVmConfig, VirtualEnvironmentVmDisk,
} from '../../.gen/providers/proxmox/virtual-environment-vm';

/** What {@link bootDisk} needs. */
export interface BootDiskInput {
  /** Bus slot, e.g. `scsi0`. */
  readonly interface: string;
  /** Storage of the disk. @default - bpg's default (`local-lvm`) */
  readonly datastoreId?: string;
  /** Size in GiB. */
  readonly sizeGiB: number;
  /** `<storage>:import/<file>` to import (API only). @default - none */
  readonly importFrom?: string;
  /** `<storage>:iso/<file>` to import over SSH. @default - none */
  readonly fileId?: string;
}

/**
 * Pure: the boot disk of every VM construct: its own I/O thread (needs virtio-scsi-single), discard and SSD
 * emulation so thin storage gets freed blocks back, and writeback cache.
 * @see https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_hard_disk
 */
export function bootDisk(i: BootDiskInput): VirtualEnvironmentVmDisk {
  return {
    interface: i.interface,
    datastoreId: i.datastoreId,
    importFromAttribute: i.importFrom,
    fileId: i.fileId,
    size: i.sizeGiB,
    iothread: true,
    discard: 'on',
    ssd: true,
    cache: 'writeback',
  };
}

/**
 * Pure: lifecycle settings merged, never overwritten: lists (preconditions, postconditions, replaceTriggeredBy,
 * ignoreChanges) are concatenated in order, `ignoreChanges: 'all'` wins, flags are true when any part sets them.
 * `undefined` when nothing is set (no empty `lifecycle` block in the JSON).
 */
export function mergeLifecycle(...parts: (TerraformResourceLifecycle | undefined)[]): TerraformResourceLifecycle | undefined {
  const given = parts.filter((l): l is TerraformResourceLifecycle => l !== undefined);
  const list = <T>(pick: (l: TerraformResourceLifecycle) => T[] | undefined): T[] | undefined => {
    const all = given.flatMap((l) => pick(l) ?? []);
    return all.length ? all : undefined;
  };
  const ignores = given.map((l) => l.ignoreChanges).filter((x) => x !== undefined);
  const out: TerraformResourceLifecycle = {
    createBeforeDestroy: given.some((l) => l.createBeforeDestroy) || undefined,
    preventDestroy: given.some((l) => l.preventDestroy) || undefined,
    ignoreChanges: ignores.includes('all') ? 'all' : ignores.length ? ignores.flat() as string[] : undefined,
    replaceTriggeredBy: list((l) => l.replaceTriggeredBy),
    precondition: list((l) => l.precondition),
    postcondition: list((l) => l.postcondition),
  };
  const set = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  return Object.keys(set).length ? set as TerraformResourceLifecycle : undefined;
}

/**
 * Adds the VM resource of a VM construct under `id` (kept per construct: construct ids are the state contract)
 * and makes it the construct's `node.defaultChild`. `config.lifecycle` (the building block's, e.g. the media
 * plan's preconditions) and `lifecycle` (the construct's own) are merged.
 */
export function addVm(scope: Construct, id: string, config: VirtualEnvironmentVmConfig, lifecycle?: TerraformResourceLifecycle): VirtualEnvironmentVm {
  const vm = new VirtualEnvironmentVm(scope, id, { ...config, lifecycle: mergeLifecycle(config.lifecycle, lifecycle) });
  scope.node.defaultChild = vm;
  return vm;
}
