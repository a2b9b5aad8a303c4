import { Annotations, Fn, ITerraformDependable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DataCtConfig } from '../../.gen/providers/ct/data-ct-config';
import { CtProvider } from '../../.gen/providers/ct/provider';
import { VirtualEnvironmentFile } from '../../.gen/providers/proxmox/virtual-environment-file';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { addVm } from '../proxmox/vm';
import { movedFromChildId } from '../core/moved';
import { defaultProviderOf } from '../core/providers';
import { terraformData } from '../core/terraform-data';
import { addressOf } from '../core/terraform-strings';
import { Problems } from '../core/errors';
import { checkVmId, deriveMacAddress, deriveVmId, IdentityRegistry } from '../core/identity';
import { BootDiskImage, planVmMedia } from '../proxmox/media';
import { DatastoreRef, isPlaceholderChecksum, placeholderChecksumWarning } from '../proxmox/image';
import { warnPlaceholderSshKeys } from '../core/placeholders';
import { checkSshPublicKey } from '../core/ssh';
import { FLATCAR_IGNITION_FW_CFG_NAME, FwCfgEntry } from '../proxmox/qemu-args';
import { IVmTemplate } from '../proxmox/template';
import { allShared, checkVmHardware, VM_DEFAULTS, vmResourceConfig } from '../proxmox/vm-hardware';
import {
  buildButane, ButaneSnippet, checkButaneDocument, checkButaneSpec, escapeTerraformTemplate, FlatcarUser,
} from './butane';
import { ButaneVersion, checkButaneForFlatcar, DEFAULT_BUTANE_VERSION } from './flatcar-release';
import { IgnitionDelivery, IgnitionDeliveryKind, ResolvedIgnitionDelivery, resolveIgnitionDelivery } from './ignition-delivery';
import { FLATCAR_MIN_DISK_GIB, FlatcarTemplateProps } from './flatcar-template-props';

// The props live in their own module; re-exported for existing imports.
export * from './flatcar-template-props';

const NAME_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/**
 * A Proxmox VM template running Flatcar, configured by Butane, with the manual steps of the Flatcar-on-Proxmox
 * guide (https://www.flatcar.org/docs/latest/installing/cloud/proxmoxve/) and their pitfalls turned into code:
 *  - the image is pinned, checksum-verified and imported as a disk (UEFI on q35 with OVMF and an EFI disk:
 *    Proxmox's OVMF replaces Flatcar's efi_code/efi_vars files: https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_bios_and_uefi);
 *  - Butane becomes Ignition through poseidon/ct at plan time, and a Butane/Flatcar pair that cannot work fails at
 *    synth time (Butane specs need a minimum Ignition: https://coreos.github.io/butane/specs/);
 *  - the Ignition is delivered explicitly or automatically by fw_cfg (escaped for Proxmox and QEMU, https://www.qemu.org/docs/master/specs/fw_cfg.html;
 *    `args` is root@pam only, https://pve.proxmox.com/wiki/Manual:_qm.conf, through the connection's root alias) or the cloud-init drive;
 *  - a changed Ignition replaces the template, since Ignition only runs on first boot (https://coreos.github.io/ignition/rationale/).
 * The template is never started: each clone runs the Ignition on its own first boot.
 */
export class FlatcarTemplate extends Construct implements IVmTemplate {
  public readonly templateVmId: number;
  public readonly templateProxmoxNode: string;
  /** Whether the boot, EFI and cloud-init disks are all on shared datastores (`DatastoreRef.shared`). */
  public readonly onSharedStorage: boolean;
  public readonly fromImportedDisk = true;
  public readonly osFamily = 'flatcar' as const;
  public readonly dependable: ITerraformDependable;
  /**
   * The rendered Ignition JSON (`data.ct_config.<id>.rendered`). It may hold password hashes and everything in the
   * Butane: mark any TerraformOutput of it `sensitive`.
   */
  public readonly renderedIgnition: string;
  /**
   * Address (`terraform_data.<id>`) of the resource whose replacement replaces the template, for a clone's
   * `lifecycle.replaceTriggeredBy`. A string on purpose: cdktf 0.21 renders a resource object there as `${...}`,
   * which Terraform rejects in JSON ("Invalid character").
   */
  public readonly ignitionTriggerAddress: string;
  /** How the Ignition is delivered, after resolving `auto`. */
  public readonly ignitionDeliveryKind: IgnitionDeliveryKind;
  /** The template VM (`proxmox_virtual_environment_vm`, also `node.defaultChild`): the escape hatch. */
  public readonly vm: VirtualEnvironmentVm;

  constructor(scope: Construct, id: string, props: FlatcarTemplateProps) {
    super(scope, id);
    const { image } = props;
    const butaneVersion = props.butaneVersion ?? DEFAULT_BUTANE_VERSION;
    const derivedId = props.vmId === undefined;
    const vmId = props.vmId ?? deriveVmId(props.name);
    const macAddress = props.macAddress ?? deriveMacAddress(props.name);
    const users = withCoreKeys(props.users ?? [], props.sshAuthorizedKeys);
    const userSnippets = props.butaneSnippets ?? [];

    const { delivery, cloneNodes } = this.checkProps(props, { butaneVersion, vmId, users, userSnippets });

    const registry = IdentityRegistry.of(this);
    registry.claimVmId(this, 'vmId', vmId, derivedId);
    registry.claimMac(this, 'macAddress', macAddress, props.macAddress === undefined);
    const bootDisk = image.bootDiskFor(props.proxmoxNode);
    // The profile first, so that the user's snippets can override its files (later snippets win in ct's merge).
    const snippets = [...(props.kubernetes?.snippets() ?? []), ...userSnippets];
    this.warnAboutAccess(props, users, snippets);

    // Butane -> Ignition at plan time: strict (warnings fail), compact (one line, as QEMU args need).
    // @see https://registry.terraform.io/providers/poseidon/ct/0.14.0/docs/data-sources/ct_config
    const ct = new DataCtConfig(this, 'Ignition', {
      provider: ctProviderOf(this),
      content: buildButane({ version: butaneVersion, hostname: props.hostname, users, files: props.files, units: props.units }),
      strict: true,
      prettyPrint: false,
      snippets: snippets.length ? snippets.map((s) => (Token.isUnresolved(s.content) ? s.content : escapeTerraformTemplate(s.content))) : undefined,
    });
    this.renderedIgnition = ct.rendered;

    // Ignition only runs on a machine's first boot (https://coreos.github.io/ignition/rationale/): a changed
    // config must replace the template, not update it in place. The hash is all this resource stores.
    const trigger = terraformData(this, 'IgnitionTrigger', { triggersReplace: { ignition_sha256: Fn.sha256(ct.rendered) } });
    this.ignitionTriggerAddress = addressOf(trigger);

    const fileName = `${props.name}.ign`;
    const snippetFiles = this.addSnippets(props, delivery, ct.rendered, cloneNodes, fileName);
    const snippet = snippetFiles.get(props.proxmoxNode);
    const otherSnippets = [...snippetFiles.entries()].filter(([n]) => n !== props.proxmoxNode).map(([, f]) => f);

    const diskStore = props.diskDatastore ?? VM_DEFAULTS.diskDatastore;
    const cloudInitStore = props.cloudInitDatastore ?? diskStore;
    this.vm = this.addTemplateVm(props, {
      delivery, rendered: ct.rendered, fileName, bootDisk, vmId, macAddress, snippet, otherSnippets, cloudInitStore,
    });

    this.templateVmId = vmId;
    this.templateProxmoxNode = props.proxmoxNode;
    this.onSharedStorage = allShared([diskStore, props.efiDatastore ?? diskStore, cloudInitStore]);
    this.dependable = this.vm;
    this.ignitionDeliveryKind = delivery.kind;
  }

  /** Every problem of the props at once; returns the resolved delivery and clone nodes it checked. */
  private checkProps(props: FlatcarTemplateProps, r: {
    butaneVersion: ButaneVersion; vmId: number; users: FlatcarUser[]; userSnippets: readonly ButaneSnippet[];
  }): { delivery: ResolvedIgnitionDelivery; cloneNodes: readonly string[] } {
    const { connection, image } = props;
    const { butaneVersion, vmId, userSnippets } = r;
    const p = new Problems(this);
    p.check(!Token.isUnresolved(props.name) && NAME_RE.test(props.name), 'name',
      'be a DNS label known at synth time (letters, digits, hyphens; at most 63)', props.name, 'Use a literal name of lower-case letters, digits and hyphens.');
    p.check(!Token.isUnresolved(props.proxmoxNode) && NAME_RE.test(props.proxmoxNode), 'proxmoxNode', 'be a Proxmox node name', props.proxmoxNode, 'Use a literal node name as shown by `pvecm nodes` (letters, digits, hyphens).');
    checkVmId(p, 'vmId', vmId);
    checkVmHardware(p, props, { memoryMiB: props.kubernetes ? 2048 : 1024, diskSizeGiB: FLATCAR_MIN_DISK_GIB });
    checkButaneForFlatcar(p, 'butaneVersion', butaneVersion, image.parsedVersion);
    p.check(!(props.sshAuthorizedKeys?.length && (props.users ?? []).some((u) => u.name === 'core' && u.sshAuthorizedKeys?.length)),
      'sshAuthorizedKeys', "not be set when users has 'core' with keys", props.sshAuthorizedKeys, "Keep core's keys in one place.");
    // Checked under the props the user wrote (sshAuthorizedKeys end up in the core user's keys).
    (props.sshAuthorizedKeys ?? []).forEach((k, i) => checkSshPublicKey(p, `sshAuthorizedKeys[${i}]`, k));
    checkButaneSpec(p, { hostname: props.hostname, users: props.users ?? [], files: props.files, units: props.units });
    props.kubernetes?.check(p, 'kubernetes');
    userSnippets.forEach((s) => checkButaneDocument(p, `butaneSnippets[${s.name}]`, s.content, image.parsedVersion));
    const delivery = resolveIgnitionDelivery(p, 'ignitionDelivery', props.ignitionDelivery ?? IgnitionDelivery.auto(), {
      variant: image.variant, canSetKvmArguments: connection.canSetKvmArguments, hasSsh: connection.hasSsh,
    });
    if (props.hookScriptFileId !== undefined && !Token.isUnresolved(props.hookScriptFileId)) {
      p.check(/^[A-Za-z][A-Za-z0-9._-]*:snippets\/[^\s/]+$/.test(props.hookScriptFileId), 'hookScriptFileId',
        'be a snippet volume id like "local:snippets/hook.pl"', props.hookScriptFileId, 'Upload the hook script to a snippets datastore and give its volume id.');
    }
    // Only root@pam may set `hookscript`: qemu-server's config permission check lists it in no privilege group,
    // so it falls to `die "only root can set '$opt' config"` for any other user and every API token.
    // https://github.com/proxmox/qemu-server/blob/e6352be67f70042a7433a3a3c712b36d02f9f7cb/src/PVE/API2/Qemu.pm#L1037
    if (props.hookScriptFileId !== undefined) {
      p.check(connection.canSetKvmArguments, 'hookScriptFileId', 'be set only with a connection that has root@pam (authMode ' +
        "'root-password' or 'api-token+root-password')", props.hookScriptFileId,
        `Use a root@pam connection: Proxmox lets only root@pam set a VM's hookscript, never an API token (${connection.node.path} is in '${connection.authMode}' mode).`);
    }
    const cloneNodes = props.cloneProxmoxNodes ?? [];
    for (const n of cloneNodes) {
      p.check(NAME_RE.test(n) && n !== props.proxmoxNode, 'cloneProxmoxNodes', 'hold Proxmox node names other than proxmoxNode', n, 'List only the other Proxmox nodes the template is copied to; proxmoxNode has it already.');
    }
    p.check(new Set(cloneNodes).size === cloneNodes.length, 'cloneProxmoxNodes', 'not repeat a node', cloneNodes, 'List each node once.');
    p.throwIfAny();
    return { delivery, cloneNodes };
  }

  private warnAboutAccess(props: FlatcarTemplateProps, users: readonly FlatcarUser[], snippets: readonly ButaneSnippet[]): void {
    warnPlaceholderSshKeys(this, 'sshAuthorizedKeys', users.flatMap((u) => u.sshAuthorizedKeys ?? []));
    // Ignition verifies each download on the clone's first boot: a placeholder fails long after a "successful" deploy.
    for (const d of props.kubernetes?.downloads() ?? []) if (isPlaceholderChecksum(d.checksum)) placeholderChecksumWarning(this, d.url);
    if (!users.some((u) => u.sshAuthorizedKeys?.length) && snippets.length === 0) {
      Annotations.of(this).addWarning(`${this.node.path}: no SSH key and no Butane snippet: clones will have no way to log in.`);
    }
  }

  /** Snippets (over SSH): on the template's node, plus clone nodes unless the datastore is shared. */
  private addSnippets(props: FlatcarTemplateProps, delivery: ResolvedIgnitionDelivery, rendered: string, cloneNodes: readonly string[],
    fileName: string): Map<string, VirtualEnvironmentFile> {
    const snippetFiles = new Map<string, VirtualEnvironmentFile>();
    if (delivery.usesSnippet) {
      const ds = delivery.snippetDatastore;
      for (const node of ds.shared ? [props.proxmoxNode] : [props.proxmoxNode, ...cloneNodes]) {
        snippetFiles.set(node, new VirtualEnvironmentFile(this, `IgnitionSnippet-${node}`, {
          provider: props.connection.provider,
          nodeName: node,
          datastoreId: ds.id,
          contentType: 'snippets',
          sourceRaw: { data: rendered, fileName },
        }));
      }
    }
    return snippetFiles;
  }

  /** The template VM: media planned for the delivery, created through root@pam when QEMU args or a hookscript need it. */
  private addTemplateVm(props: FlatcarTemplateProps, r: {
    delivery: ResolvedIgnitionDelivery; rendered: string; fileName: string; bootDisk: BootDiskImage | undefined; vmId: number;
    macAddress: string; snippet: VirtualEnvironmentFile | undefined; otherSnippets: VirtualEnvironmentFile[]; cloudInitStore: DatastoreRef;
  }): VirtualEnvironmentVm {
    const { connection, image } = props;
    const { delivery, rendered, fileName, bootDisk, vmId, macAddress, snippet, otherSnippets, cloudInitStore } = r;
    const fwCfg: FwCfgEntry[] = delivery.kind === 'fw-cfg-string'
      ? [{ name: FLATCAR_IGNITION_FW_CFG_NAME, content: rendered }]
      : delivery.kind === 'fw-cfg-file'
        ? [{ name: FLATCAR_IGNITION_FW_CFG_NAME, file: `${delivery.hostSnippetDirectory}/${fileName}` }]
        : [];
    const media = planVmMedia(this, {
      machine: 'q35',
      bootDisk,
      configIsos: props.extraIsos,
      cloudInit: delivery.kind === 'cloud-init-user-data',
      fwCfg,
      canSetKvmArguments: connection.canSetKvmArguments,
      hasSsh: connection.hasSsh,
      prop: 'ignitionDelivery',
    });
    // The root@pam provider for QEMU args and for the hookscript (both root-only, see above).
    const provider = media.needsRoot ? connection.providerForKvmArguments(this, 'ignitionDelivery')
      : props.hookScriptFileId !== undefined ? connection.providerForKvmArguments(this, 'hookScriptFileId') : connection.provider;

    const base = vmResourceConfig({
      proxmoxNode: props.proxmoxNode,
      name: props.name,
      vmId,
      macAddress,
      media,
      hardware: props,
      description: props.description ??
        `Flatcar ${image.channel} ${image.version} (${image.variant} image), Ignition by ${delivery.kind}. Managed by cdktf.`,
      tags: props.tags ?? ['flatcar', 'template'],
    });
    // Was 'Resource' before the VM constructs shared the child id 'Vm': the moved block keeps existing state.
    return movedFromChildId(addVm(this, 'Vm', {
      ...base,
      provider,
      template: true,
      // A template is never booted: every clone runs the Ignition on its own first boot.
      started: false,
      hookScriptFileId: props.hookScriptFileId,
      initialization: media.cloudInitInterface ? {
        datastoreId: cloudInitStore.id,
        interface: media.cloudInitInterface,
        // The proxmoxve image's Ignition reads the NoCloud drive (label cidata).
        type: 'nocloud',
        userDataFileId: snippet!.id,
      } : undefined,
      // Clones on other nodes need their snippet too: whatever waits for the template waits for those.
      dependsOn: otherSnippets.length ? otherSnippets : undefined,
      // Merged with the media plan's preconditions (known only at plan time: an Ignition too large for one QEMU
      // argument fails the plan, not the boot).
    }, { replaceTriggeredBy: [this.ignitionTriggerAddress] }), 'Resource');
  }
}

/** Adds `core` with `keys` unless `users` already names core (then the keys prop must be unset; checked). */
function withCoreKeys(users: readonly FlatcarUser[], keys: readonly string[] | undefined): FlatcarUser[] {
  if (!keys?.length) return [...users];
  const core = users.find((u) => u.name === 'core');
  if (!core) return [{ name: 'core', sshAuthorizedKeys: keys }, ...users];
  return users.map((u) => (u === core && !u.sshAuthorizedKeys?.length ? { ...u, sshAuthorizedKeys: keys } : u));
}

/** The stack's poseidon/ct provider: the one the app declared, or one created once per stack. */
function ctProviderOf(scope: IConstruct): CtProvider {
  return defaultProviderOf(scope, 'ct', (stack) => new CtProvider(stack, 'CtProvider'));
}
