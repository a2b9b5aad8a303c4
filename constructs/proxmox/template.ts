import { ITerraformDependable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Problems } from '../core/errors';
import { PROXMOX_NODE_NAME_RE } from '../core/names';

/**
 * What a clone needs to know about a VM template, whoever made it: FlatcarTemplate, DebianGoldenTemplate,
 * or a template made outside the app ({@link VmTemplate.fromAttributes}).
 */
export interface IVmTemplate extends IConstruct {
  /** VM id of the template (a Terraform reference or a number known at synth time). */
  readonly templateVmId: number;
  /** Proxmox node the template lives on. */
  readonly templateProxmoxNode: string;
  /**
   * Whether every disk of the template (boot, EFI, TPM, cloud-init) is on storage shared by all nodes.
   * Clones onto another node need it, and then must be full clones
   * (https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_copy_and_clone).
   */
  readonly onSharedStorage: boolean;
  /**
   * Whether the template's boot disk was imported from an image file. Proxmox cannot linked-clone such a
   * template (bpg issue #1959), so clones must be full clones.
   */
  readonly fromImportedDisk: boolean;
  /** The OS family, for clone defaults (e.g. cloud-init on Debian, Ignition on Flatcar). */
  readonly osFamily: 'flatcar' | 'debian' | 'other';
  /** Resources a clone must wait for (the template VM). @default - none: a template made outside the app */
  readonly dependable?: ITerraformDependable;
}

/** Attributes of a template made outside this app. */
export interface VmTemplateAttributes {
  /** VM id of the template. */
  readonly templateVmId: number;
  /** Proxmox node the template lives on. */
  readonly templateProxmoxNode: string;
  /** Whether every disk of the template is on storage shared by all nodes. @default false */
  readonly onSharedStorage?: boolean;
  /** Whether its boot disk was imported from an image file. @default true (the safe assumption: only full clones are planned) */
  readonly fromImportedDisk?: boolean;
  /** The OS family, for clone defaults. @default 'other' */
  readonly osFamily?: 'flatcar' | 'debian' | 'other';
}

/** Helpers for {@link IVmTemplate}. */
export class VmTemplate {
  /** Refers to a template that exists in Proxmox but is not managed by this app. */
  public static fromAttributes(scope: Construct, id: string, attrs: VmTemplateAttributes): IVmTemplate {
    const c = new Construct(scope, id);
    const p = new Problems(c);
    // A reference (e.g. another stack's template id) is checked by Proxmox at deploy time.
    p.check(Token.isUnresolved(attrs.templateVmId) || (Number.isInteger(attrs.templateVmId) && attrs.templateVmId >= 100), 'templateVmId',
      'be a Proxmox VM id (an integer of at least 100)', attrs.templateVmId, 'Give the VM id of the template, 100 or more.');
    p.check(PROXMOX_NODE_NAME_RE.test(attrs.templateProxmoxNode), 'templateProxmoxNode',
      'be a Proxmox node name', attrs.templateProxmoxNode, 'Give the node the template lives on, as shown by `pvecm nodes`.');
    p.throwIfAny();
    return Object.assign(c, {
      templateVmId: attrs.templateVmId,
      templateProxmoxNode: attrs.templateProxmoxNode,
      onSharedStorage: attrs.onSharedStorage ?? false,
      fromImportedDisk: attrs.fromImportedDisk ?? true,
      osFamily: attrs.osFamily ?? 'other',
      dependable: undefined,
    });
  }

  private constructor() {}
}
