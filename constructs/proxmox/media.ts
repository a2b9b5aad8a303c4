import { IConstruct } from 'constructs';
import { ValidationError } from '../core/errors';
import { escapeForQemuOptValue, FwCfgEntry, fwCfgArgument, fwCfgPreconditions, shellQuoteForProxmox, TerraformPrecondition } from './qemu-args';

/**
 * VM media planning: the one-`cdrom` rule of bpg/proxmox, as a pure function.
 *
 * `proxmox_virtual_environment_vm` accepts at most one `cdrom` block (Terraform itself rejects a second:
 * "Too many cdrom blocks"; bpg issue #718). A VM that needs boot media *and* configuration media must
 * therefore put all but one of them somewhere else. The places, in order of preference:
 *  - a boot *disk image* is imported as a disk (no optical slot used at all);
 *  - cloud-init data goes to the `initialization` drive, which is not a `cdrom` block;
 *  - fw_cfg entries and further ISOs go to `kvm_arguments`, only when the connection is root@pam by password;
 *  - otherwise the plan fails at synth time, saying why and what to change.
 * @see https://github.com/bpg/terraform-provider-proxmox/issues/718
 */

/** A boot disk made from an image file (`disk.import_from` over the API, or `disk.file_id` over SSH). */
export interface BootDiskImage {
  /** Volume id of the image, e.g. `local:import/flatcar.qcow2` or `local:iso/flatcar.img`. */
  readonly fileId: string;
  /** `import_from` needs content type `import` and no SSH; `file_id` needs SSH to the node. */
  readonly route: 'import_from' | 'file_id';
}

/** An ISO that must be attached read-only. */
export interface IsoMedia {
  /** Volume id, e.g. `local:iso/talos.iso`. */
  readonly fileId: string;
  /** What it is, for messages (e.g. "Talos installer ISO"). */
  readonly purpose: string;
  /**
   * Path of the ISO on the Proxmox host, needed only if it ends up attached through `kvm_arguments`.
   * @default - the ISO can only be the one `cdrom`
   */
  readonly hostPath?: string;
}

/** What a VM needs; {@link planVmMedia} decides where each piece goes. */
export interface VmMediaRequest {
  /** `q35` has only the IDE slots ide0 and ide2; `pc` (i440fx) has ide0-ide3. */
  readonly machine: 'q35' | 'pc';
  /** A disk image imported as the boot disk. @default - none */
  readonly bootDisk?: BootDiskImage;
  /** An ISO to boot from. @default - none */
  readonly bootIso?: IsoMedia;
  /** Further ISOs carrying configuration (e.g. a NoCloud `cidata` ISO). @default [] */
  readonly configIsos?: readonly IsoMedia[];
  /** Whether the VM uses the cloud-init drive (`initialization` block). @default false */
  readonly cloudInit?: boolean;
  /** fw_cfg entries (e.g. Flatcar's Ignition at `opt/org.flatcar-linux/config`). @default [] */
  readonly fwCfg?: readonly FwCfgEntry[];
  /** What the connection allows. */
  readonly canSetKvmArguments: boolean;
  /** Whether the connection has SSH to the nodes (`file_id` imports, snippets). */
  readonly hasSsh: boolean;
  /** Name of the prop to blame in messages. @default 'media' */
  readonly prop?: string;
}

/** Where everything goes. Feed it to the VM resource as it is. */
export interface VmMediaPlan {
  /** The single `cdrom` block. @default - none: no ISO goes to the cdrom */
  readonly cdrom?: { readonly fileId: string; readonly interface: string };
  /** The imported boot disk on `scsi0`. @default - none: no boot disk image */
  readonly bootDisk?: { readonly interface: 'scsi0'; readonly importFrom?: string; readonly fileId?: string };
  /** Interface of the cloud-init drive. @default - none: no cloud-init drive */
  readonly cloudInitInterface?: string;
  /** QEMU arguments (empty when none are needed). */
  readonly kvmArguments: readonly string[];
  /**
   * Plan-time checks the VM resource must carry as lifecycle preconditions (fw_cfg content known only at plan
   * time: size under Linux's single-argument limit, no line breaks).
   */
  readonly preconditions: readonly TerraformPrecondition[];
  /** Whether the VM must be created through the root@pam provider. */
  readonly needsRoot: boolean;
  /** bpg `boot_order`. */
  readonly bootOrder: readonly string[];
}

/** The interface the cloud-init drive uses: ide2 is Proxmox's convention and exists on q35 and pc. */
export const CLOUD_INIT_INTERFACE = 'ide2';

/**
 * Plans a VM's media. Throws a {@link ValidationError} on `scope` listing every reason no plan fits,
 * each with the change that would make one fit.
 */
export function planVmMedia(scope: IConstruct | string, req: VmMediaRequest): VmMediaPlan {
  const prop = req.prop ?? 'media';
  const problems: string[] = [];
  const args: string[] = [];
  const preconditions: TerraformPrecondition[] = [];

  if (!req.bootDisk && !req.bootIso) {
    problems.push(`'${prop}' must include a boot disk image or a boot ISO, got neither. Give the VM a boot disk image or a boot ISO.`);
  }
  if (req.bootDisk?.route === 'file_id' && !req.hasSsh) {
    problems.push(`'${prop}.bootDisk' must use route 'import_from' when the connection has no SSH, got 'file_id'. ` +
      'Configure ssh on the ProxmoxConnection, or download the image uncompressed with content type "import".');
  }

  // The one optical slot: the boot ISO has it first, else the first config ISO.
  const isos = [...(req.bootIso ? [req.bootIso] : []), ...(req.configIsos ?? [])];
  const [cdromIso, ...extraIsos] = isos;
  // q35 has only ide0 and ide2; the cloud-init drive takes ide2, so the cdrom moves to ide0.
  const cdromInterface = req.cloudInit ? 'ide0' : 'ide2';

  extraIsos.forEach((iso, i) => {
    if (!req.canSetKvmArguments) {
      problems.push(`'${prop}' must fit in one cdrom, got ${isos.length} ISOs (${isos.map((x) => x.purpose).join(', ')}): ` +
        'bpg/proxmox allows a single cdrom block (issue #718). Boot from a disk image instead of an ISO so the ' +
        'slot stays free, move the configuration to the cloud-init drive (or Talos META), or use a root@pam ' +
        `password connection so '${iso.purpose}' can be attached through kvm_arguments.`);
    } else if (!iso.hostPath) {
      problems.push(`'${prop}.configIsos[${i}].hostPath' must be set to attach '${iso.purpose}' through kvm_arguments ` +
        '(the one cdrom is taken), got undefined. Give the path of the ISO on the Proxmox host.');
    } else {
      // An AHCI port Proxmox does not map any ideN/sataN drive to by default on q35 (ide.0-ide.3 are used).
      const id = `cfgiso${i}`;
      args.push(`-drive ${shellQuoteForProxmox(`file=${escapeForQemuOptValue(iso.hostPath)},if=none,id=${id},media=cdrom,readonly=on`)}`,
        `-device ide-cd,drive=${id},bus=ide.${4 + i}`);
    }
  });

  for (const entry of req.fwCfg ?? []) {
    if (!req.canSetKvmArguments) {
      problems.push(`'${prop}.fwCfg' must be empty unless the connection is root@pam by password, got an entry ` +
        `for "${entry.name}": fw_cfg goes through QEMU args, which Proxmox refuses from API tokens. Use authMode ` +
        "'api-token+root-password' or 'root-password', or deliver the config through the cloud-init drive.");
    } else {
      args.push(fwCfgArgument(entry, scope));
      preconditions.push(...fwCfgPreconditions(entry, scope));
    }
  }
  if (req.machine === 'q35' && extraIsos.length > 2) {
    problems.push(`'${prop}.configIsos' must hold at most 2 extra ISOs on q35 (AHCI ports ide.4 and ide.5), got ${extraIsos.length}. ` +
      'Attach at most 2, or move their content to the cloud-init drive.');
  }
  if (problems.length) throw new ValidationError(scope, problems);

  const bootDisk = req.bootDisk
    ? (req.bootDisk.route === 'import_from'
      ? { interface: 'scsi0' as const, importFrom: req.bootDisk.fileId }
      : { interface: 'scsi0' as const, fileId: req.bootDisk.fileId })
    : undefined;
  const bootOrder = req.bootIso ? [cdromInterface, ...(bootDisk ? ['scsi0'] : [])] : ['scsi0'];
  return {
    cdrom: cdromIso ? { fileId: cdromIso.fileId, interface: cdromInterface } : undefined,
    bootDisk,
    cloudInitInterface: req.cloudInit ? CLOUD_INIT_INTERFACE : undefined,
    kvmArguments: args,
    preconditions,
    needsRoot: args.length > 0,
    bootOrder,
  };
}

