import { createHash } from 'crypto';
import { Annotations, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { VirtualEnvironmentFile } from '../../.gen/providers/proxmox/virtual-environment-file';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { addVm } from '../proxmox/vm';
import { terraformData } from '../core/terraform-data';
import { Problems } from '../core/errors';
import { DEBIAN_KUBERNETES_VERSION } from '../versions';
import { checkVmId, deriveMacAddress, deriveVmId, IdentityRegistry } from '../core/identity';
import { checkSshPublicKey } from '../core/ssh';
import { addressOf, escapeTerraformTemplate, known } from '../core/terraform-strings';
import { Checksum, DatastoreRef, ProxmoxImage } from '../proxmox/image';
import { ProxmoxNodeSsh } from '../proxmox/connection';
import { IpConfig } from '../proxmox/ip-config';
import { planVmMedia } from '../proxmox/media';
import { IVmTemplate } from '../proxmox/template';
import { allShared, checkVmHardware, VmHardwareProps, vmResourceConfig } from '../proxmox/vm-hardware';
import {
  checkI915Sriov, checkKubernetesVersionForPause, checkUserDataSettings, DEBIAN_TEMPLATE_BASE_PACKAGES, DEFAULT_CHRONY_ALLOW_CIDRS, DEFAULT_DEBIAN_TEMPLATE_FEATURES,
  DEFAULT_NTP_POOLS, DEFAULT_NTP_SERVERS, MINIMUM_BUILD_RESOURCES, renderDebianUserData,
} from './cloud-config';
import { verificationChecks } from './verification';
import { checkDebianImage, DEFAULT_DEBIAN_MAJOR, debianChecksumsUrl, debianCloudImageUrl, DebianImageVariant, DebianMajor } from './debian-release';
import { DEFAULT_CLOUD_INIT_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, renderFinalizeScript } from './finalize-script';
import { DNS_NAME_RE, kebab, PROXMOX_NODE_NAME_RE } from '../core/names';
import { warnPlaceholderSshKeys } from '../core/placeholders';

export * from './debian-golden-template-props';
import { DEBIAN_TEMPLATE_HARDWARE_DEFAULTS, DEFAULT_JOURNAL_MAX_USE_MIB, DebianGoldenTemplateProps } from './debian-golden-template-props';
import type { DebianTemplateFeatures } from './cloud-config';


/**
 * A verified, cleaned, Kubernetes-ready Debian VM template, made by one `cdktf deploy`
 * (the golden-image workflow: https://pve.proxmox.com/wiki/Cloud-Init_Support):
 * 1. the Debian cloud image is downloaded, checksum-verified (`import` content, imported with `import_from`);
 * 2. the user-data snippet is uploaded; 3. the VM boots and cloud-init installs and configures everything;
 * 4-8. a finalize step on the node waits for cloud-init (bounded), verifies, cleans up and converts the VM
 *    to a template, failing the deploy with `step N: <name>: FAILED ...` when something is wrong.
 *
 * Why the finalize step runs `qm template` itself: a bpg VM resource cannot become a template after a
 * provisioner of another resource (it is created first, with `template = false`, and Terraform has no
 * "update after" hook), and `template = true` from the start would never boot the VM (bpg converts right
 * after creating). So the VM is created running, a `terraform_data` with a remote-exec provisioner runs
 * `templates/debian/finalize-template.sh` on the node over the connection's SSH (the same SSH the snippet
 * upload needs; no secret on any command line), and the VM resource ignores the attributes the conversion
 * changes (`template`, `started`, the user-data file it drops so that clones do not run it again). A new
 * user-data or image replaces the VM (`replace_triggered_by`), which replaces the finalize step.
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.90.0/proxmoxtf/resource/vm/vm.go (template conversion)
 * @see https://developer.hashicorp.com/terraform/language/resources/provisioners/remote-exec
 */
export class DebianGoldenTemplate extends Construct implements IVmTemplate {
  public readonly templateVmId: number;
  public readonly templateProxmoxNode: string;
  public readonly onSharedStorage: boolean;
  /** Always true: the boot disk is imported from the cloud image, which Proxmox cannot linked-clone (bpg #1959). */
  public readonly fromImportedDisk = true;
  public readonly osFamily = 'debian' as const;
  /** The finalize step: clones wait for it, so they never clone a half-built VM. */
  public readonly dependable: ITerraformDependable;
  /** The template VM (`proxmox_virtual_environment_vm`, also `node.defaultChild`): the escape hatch. */
  public readonly vm: VirtualEnvironmentVm;
  /** The VM name. */
  public readonly vmName: string;
  /** URL of the cloud image. */
  public readonly imageUrl: string;
  /** The rendered cloud-init user-data (before Terraform escaping). */
  public readonly userData: string;
  /** The rendered finalize script (before Terraform escaping). */
  public readonly finalizeScript: string;

  constructor(scope: Construct, id: string, props: DebianGoldenTemplateProps) {
    super(scope, id);
    const major = props.release ?? DEFAULT_DEBIAN_MAJOR;
    const variant = props.variant ?? (props.i915Sriov ? 'generic' : 'genericcloud');
    const features = { ...DEFAULT_DEBIAN_TEMPLATE_FEATURES, ...props.features };
    const name = props.name ?? kebab(id);
    const hw = templateHardware(props);
    const settings = userDataSettings(props);
    const kubernetesVersion = props.kubernetesVersion ?? DEBIAN_KUBERNETES_VERSION;
    const timeout = props.cloudInitTimeoutSeconds ?? DEFAULT_CLOUD_INIT_TIMEOUT_SECONDS;
    const buildIp = props.buildIpConfig ?? IpConfig.dhcp();

    this.checkProps(props, { major, variant, features, name, hw, settings, kubernetesVersion, timeout, buildIp });

    const nodeSsh = props.connection.nodeSsh!;
    this.warnAboutBuild(props, nodeSsh.username);

    const vmId = props.vmId ?? deriveVmId(name);
    const mac = props.macAddress ?? deriveMacAddress(name);
    claimIdentity(this, props, vmId, mac);

    this.vmName = name;
    this.templateVmId = vmId;
    this.templateProxmoxNode = props.proxmoxNode;
    this.imageUrl = debianCloudImageUrl({ major, variant, build: props.build });
    const diskStore = hw.diskDatastore ?? { id: 'local-lvm' };
    const cloudInitStore = props.cloudInitDatastore ?? diskStore;
    this.onSharedStorage = allShared([diskStore, hw.efiDatastore ?? diskStore, cloudInitStore]);

    const image = new ProxmoxImage(this, 'Image', {
      connection: props.connection, url: this.imageUrl,
      checksum: props.checksum,
      proxmoxNodes: [props.proxmoxNode],
      contentType: 'import',
      datastore: props.imageDatastore ?? { id: 'local' },
    });

    const input = {
      major: major as DebianMajor, features, i915Sriov: props.i915Sriov, ...settings, sshAuthorizedKeys: props.sshAuthorizedKeys ?? [], kubernetesVersion,
    };
    this.userData = renderDebianUserData(input);
    const snippet = this.addUserDataSnippet(props, name);

    const vm = this.addBuildVm(props, { image, snippet, name, vmId, mac, hw, major, cloudInitStore, buildIp });
    this.vm = vm;

    this.finalizeScript = renderFinalizeScript({
      vmId,
      cloudInitTimeoutSeconds: timeout,
      shutdownTimeoutSeconds: DEFAULT_SHUTDOWN_TIMEOUT_SECONDS,
      checks: verificationChecks(input),
      retryHint: `Fix the cause, then rebuild the VM: terraform apply -replace=${vm.terraformResourceType}.${vm.friendlyUniqueId}`,
    });
    this.dependable = this.addFinalize(props, vm, vmId, nodeSsh);
  }

  /** Every problem of the props at once (resolved values where a default applies). */
  private checkProps(props: DebianGoldenTemplateProps, r: {
    major: number; variant: DebianImageVariant; features: Required<DebianTemplateFeatures>; name: string; hw: VmHardwareProps;
    settings: Parameters<typeof checkUserDataSettings>[1]; kubernetesVersion: string; timeout: number; buildIp: IpConfig;
  }): void {
    const { major, variant, features, name, hw, settings, kubernetesVersion, timeout, buildIp } = r;
    const p = new Problems(this);
    checkDebianImage(p, { major, variant, build: props.build });
    this.checkChecksum(p, props.checksum, major, variant, props.build);
    p.check(!(props.i915Sriov && variant === 'genericcloud'), 'variant', "be 'generic' when i915Sriov is set", variant,
      "The genericcloud image runs Debian's cloud kernel, which has no i915 driver: use 'generic' (or leave variant unset).");
    if (props.i915Sriov) checkI915Sriov(p, props.i915Sriov);
    // Tokens are left to Proxmox: only synth-time values are checked.
    checkVmHardware(p, Object.fromEntries(Object.entries(hw).filter(([, v]) => !Token.isUnresolved(v))) as VmHardwareProps);
    const min = props.i915Sriov ? MINIMUM_BUILD_RESOURCES.i915Sriov : MINIMUM_BUILD_RESOURCES.base;
    const why = props.i915Sriov ? 'the package set with the i915 DKMS build' : 'the package set';
    if (known(hw.memoryMiB)) {
      p.check(hw.memoryMiB >= min.memoryMiB, 'memoryMiB', `be at least ${min.memoryMiB} for ${why}`, hw.memoryMiB,
        `Give ${min.memoryMiB} MiB or more: cloud images have no swap, below this apt or the compiler is killed half-way (see MINIMUM_BUILD_RESOURCES).`);
    }
    if (known(hw.diskSizeGiB)) {
      p.check(hw.diskSizeGiB >= min.diskSizeGiB, 'diskSizeGiB', `be at least ${min.diskSizeGiB} for ${why}`, hw.diskSizeGiB,
        `Give ${min.diskSizeGiB} GiB or more: clones can grow the disk, but the build itself needs the room (see MINIMUM_BUILD_RESOURCES).`);
    }
    p.check(PROXMOX_NODE_NAME_RE.test(props.proxmoxNode), 'proxmoxNode', 'be a Proxmox node name', props.proxmoxNode, 'Use the node name as shown by `pvecm nodes` (letters, digits, hyphens).');
    p.check(DNS_NAME_RE.test(name), 'name', 'be a DNS name (lower case letters, digits, dashes)', name,
      'Set name explicitly: Proxmox refuses other VM names.');
    if (known(props.vmId)) checkVmId(p, 'vmId', props.vmId);
    p.check(Number.isInteger(timeout) && timeout >= 60 && timeout <= 7200, 'cloudInitTimeoutSeconds',
      'be an integer from 60 to 7200', timeout, 'Give 60 to 7200 seconds: a build with the SR-IOV driver takes 12-15 minutes (900 is the default).');
    p.check(props.connection.hasSsh && props.connection.nodeSsh !== undefined, 'connection',
      'have SSH to the Proxmox nodes', `${props.connection.node.path} without ssh`,
      'Set ssh (e.g. `ssh: { agent: true }`) on the ProxmoxConnection: the user-data is a snippet, which the Proxmox API ' +
      'cannot upload (Bugzilla #2208), and the finalize step runs qm on the node.');
    (props.sshAuthorizedKeys ?? []).forEach((k, i) => checkSshPublicKey(p, `sshAuthorizedKeys[${i}]`, k));
    warnPlaceholderSshKeys(this, 'sshAuthorizedKeys', props.sshAuthorizedKeys);
    checkUserDataSettings(p, settings);
    buildIp.check(p, 'buildIpConfig');
    if (features.containerd) checkKubernetesVersionForPause(p, 'kubernetesVersion', kubernetesVersion);
    p.throwIfAny();
  }

  private warnAboutBuild(props: DebianGoldenTemplateProps, sshUser: string): void {
    if (props.build === 'latest') {
      Annotations.of(this).addWarning(`${this.node.path}: build 'latest' with a pinned checksum fails as soon as Debian ` +
        'publishes a new image; pin a dated build (the folder name, e.g. "20251117-2299").');
    }
    if (sshUser !== 'root') {
      Annotations.of(this).addWarning(`${this.node.path}: the finalize step runs qm on ${props.proxmoxNode} as '${sshUser}'; ` +
        'qm needs root, so the step will fail. Use root for the connection\'s ssh.username.');
    }
  }

  /** The cloud-init user-data snippet; the hash in its name makes a changed user-data a new file id. */
  private addUserDataSnippet(props: DebianGoldenTemplateProps, name: string): VirtualEnvironmentFile {
    // A new file id replaces the VM (see the build VM's lifecycle).
    const hash = createHash('sha256').update(this.userData).digest('hex').slice(0, 12);
    return new VirtualEnvironmentFile(this, 'UserData', {
      provider: props.connection.provider,
      nodeName: props.proxmoxNode,
      datastoreId: (props.snippetDatastore ?? { id: 'local' }).id,
      contentType: 'snippets',
      sourceRaw: { data: escapeTerraformTemplate(this.userData), fileName: `${name}-user-data-${hash}.yaml` },
    });
  }

  /** The build VM: started from the imported cloud image with the user-data; the finalize step makes it a template. */
  private addBuildVm(props: DebianGoldenTemplateProps, r: {
    image: ProxmoxImage; snippet: VirtualEnvironmentFile; name: string; vmId: number; mac: string; hw: VmHardwareProps;
    major: number; cloudInitStore: DatastoreRef; buildIp: IpConfig;
  }): VirtualEnvironmentVm {
    const { image, snippet, name, vmId, mac, hw, major, cloudInitStore, buildIp } = r;
    const media = planVmMedia(this, {
      machine: 'q35',
      bootDisk: { fileId: image.fileIdFor(props.proxmoxNode), route: 'import_from' },
      cloudInit: true,
      canSetKvmArguments: props.connection.canSetKvmArguments,
      hasSsh: props.connection.hasSsh,
      prop: 'image',
    });
    // scsi_hardware stays virtio-scsi-single (vm-hardware.ts), not virtio-scsi-pci: Proxmox only
    // gives a disk its own I/O thread on virtio-scsi-single ("iothread" is ignored on a shared controller),
    // and the template asks for iothread. https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_hard_disk
    const vmConfig = vmResourceConfig({
      proxmoxNode: props.proxmoxNode, name, vmId, macAddress: mac, media, hardware: hw,
      description: `Debian ${major} golden template, built by ${this.node.path}. Do not start it.`,
      tags: ['debian', 'golden-template'],
    });
    return addVm(this, 'Vm', {
      ...vmConfig,
      provider: props.connection.provider,
      template: false,
      started: true,
      // A failed build is still running: stop it rather than wait for a shutdown the guest may not answer.
      stopOnDestroy: true,
      initialization: {
        datastoreId: cloudInitStore.id,
        interface: media.cloudInitInterface,
        userDataFileId: snippet.id,
        ipConfig: [{ ipv4: buildIp.toIpv4() }],
        dns: props.dnsServers?.length ? { servers: [...props.dnsServers] } : undefined,
      },
    }, {
      // The finalize step converts the VM to a template (stopped) and drops the build user-data (cicustom).
      ignoreChanges: ['template', 'started', 'initialization[0].user_data_file_id'],
      // ... so a new user-data must replace the VM explicitly (the attribute above no longer would).
      replaceTriggeredBy: [addressOf(snippet)],
    });
  }

  /** Runs the finalize script on the node over SSH once the build VM exists (again whenever it is replaced). */
  private addFinalize(props: DebianGoldenTemplateProps, vm: VirtualEnvironmentVm, vmId: number,
    nodeSsh: ProxmoxNodeSsh): ITerraformDependable {
    return terraformData(this, 'Finalize', {
      input: { vmId, nodeName: props.proxmoxNode },
      dependsOn: [vm],
      lifecycle: { replaceTriggeredBy: [addressOf(vm)] },
      connection: {
        type: 'ssh',
        host: nodeSsh.addressOf(props.proxmoxNode),
        user: nodeSsh.username,
        agent: String(nodeSsh.agent),
        privateKey: nodeSsh.privateKey,
      },
      provisioners: [{ type: 'remote-exec', inline: [escapeTerraformTemplate(this.finalizeScript)] }],
    });
  }

  private checkChecksum(p: Problems, cs: Checksum | undefined, major: number, variant: DebianImageVariant, build: string): void {
    let where = 'the build\'s SHA512SUMS';
    try {
      where = debianChecksumsUrl({ major, variant, build });
    } catch {
      // unknown release: reported by checkDebianImage
    }
    if (!cs) {
      p.add('checksum', 'be set', cs, `Copy the SHA-512 of the image from ${where}: Checksum.sha512('<hex>').`);
    } else if (!cs.algorithm) {
      p.add('checksum', 'verify the image', 'Checksum.none()', `Use Checksum.sha512('<hex>') from ${where}: Debian publishes SHA512SUMS for every build.`);
    }
  }
}

/** Claims the template's VM id and MAC in the app (derived ones may not collide; given ones are checked). */
function claimIdentity(scope: Construct, props: DebianGoldenTemplateProps, vmId: number, mac: string): void {
  const registry = IdentityRegistry.of(scope);
  registry.claimVmId(scope, 'vmId', vmId, props.vmId === undefined);
  registry.claimMac(scope, 'macAddress', mac, props.macAddress === undefined);
}

/** The build VM's hardware: the template's defaults (DEBIAN_TEMPLATE_HARDWARE_DEFAULTS) under the props. */
function templateHardware(props: DebianGoldenTemplateProps): VmHardwareProps {
  return {
    ...props,
    cores: props.cores ?? DEBIAN_TEMPLATE_HARDWARE_DEFAULTS.cores,
    memoryMiB: props.memoryMiB ?? DEBIAN_TEMPLATE_HARDWARE_DEFAULTS.memoryMiB,
    diskSizeGiB: props.diskSizeGiB ?? DEBIAN_TEMPLATE_HARDWARE_DEFAULTS.diskSizeGiB,
    // A template never starts by itself.
    onBoot: false,
  };
}

/** The user-data settings, defaults applied. */
function userDataSettings(props: DebianGoldenTemplateProps): Parameters<typeof checkUserDataSettings>[1] {
  return {
    packages: [...(props.packages ?? DEBIAN_TEMPLATE_BASE_PACKAGES), ...(props.extraPackages ?? [])],
    ntpServers: props.ntpServers ?? DEFAULT_NTP_SERVERS,
    ntpPools: props.ntpPools ?? DEFAULT_NTP_POOLS,
    chronyAllowCidrs: props.chronyAllowCidrs ?? DEFAULT_CHRONY_ALLOW_CIDRS,
    journalMaxUseMiB: props.journalMaxUseMiB ?? DEFAULT_JOURNAL_MAX_USE_MIB,
  };
}
