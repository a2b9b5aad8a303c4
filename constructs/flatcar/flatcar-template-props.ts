// Props of FlatcarTemplate (flatcar-template.ts), apart from the construct so that each file holds one concern.
import { IProxmoxConnection } from '../proxmox/connection';
import { DatastoreRef } from '../proxmox/image';
import { IsoMedia } from '../proxmox/media';
import { VmHardwareProps } from '../proxmox/vm-hardware';
import { ButaneSnippet, FlatcarFile, FlatcarSystemdUnit, FlatcarUser } from './butane';
import { FlatcarImage } from './flatcar-image';
import { ButaneVersion } from './flatcar-release';
import { IgnitionDelivery } from './ignition-delivery';
import { KubernetesProfile } from './kubernetes-profile';

/** Props of {@link FlatcarTemplate}. Hardware props default as in {@link VM_DEFAULTS}. */
export interface FlatcarTemplateProps extends VmHardwareProps {
  /** The Proxmox connection; its auth mode and SSH decide which Ignition deliveries are possible. */
  readonly connection: IProxmoxConnection;
  /** The Flatcar image to import as the boot disk; it must be downloaded to `proxmoxNode`. */
  readonly image: FlatcarImage;
  /** VM name of the template (a DNS label); also the seed of the derived VM id and MAC, and the snippet file name. */
  readonly name: string;
  /** The Proxmox node the template lives on. */
  readonly proxmoxNode: string;
  /** VM id. @default - derived from `name` (stable, see deriveVmId) */
  readonly vmId?: number;
  /** How the Ignition reaches the VM. @default IgnitionDelivery.auto() */
  readonly ignitionDelivery?: IgnitionDelivery;
  /** Butane spec version of the generated config. @default DEFAULT_BUTANE_VERSION ('1.1.0') */
  readonly butaneVersion?: ButaneVersion;
  /**
   * Host name written to /etc/hostname. Every clone inherits the template's Ignition, so this names every clone.
   * @default - none: DHCP (qemu image) or the VM name through cloud-init (proxmoxve image) names each clone
   */
  readonly hostname?: string;
  /** SSH public keys of the `core` user (the default way in). @default - none */
  readonly sshAuthorizedKeys?: readonly string[];
  /** Further users (or `core` with groups/password); SSH keys of `core` go in one place only. @default - none */
  readonly users?: readonly FlatcarUser[];
  /** Files written by Ignition. @default - none */
  readonly files?: readonly FlatcarFile[];
  /** systemd units and drop-ins. @default - none */
  readonly units?: readonly FlatcarSystemdUnit[];
  /**
   * Butane of your own (`variant: flatcar`), merged after the generated config and the Kubernetes profile by
   * poseidon/ct as `snippets` (later wins for a file at the same path). Checked at synth time unless a token.
   * @default - none
   */
  readonly butaneSnippets?: readonly ButaneSnippet[];
  /** Make the template Kubernetes-ready (kubeadm, kubelet, kubectl, CNI, containerd, crictl). @default - not installed */
  readonly kubernetes?: KubernetesProfile;
  /**
   * Proxmox hook script (`<storage>:snippets/<file>`, executable), run on the template's clones at each phase
   * (pre-start, post-start, ...): clones inherit it from the template. Proxmox holds the VM
   * config lock while the hook runs, so a hook cannot change the VM's config, and `start` would not re-read it
   * anyway (https://pve.proxmox.com/pve-docs/chapter-qm.html#_hookscripts): use hooks for side effects on the host, not to mutate the VM. Only root@pam may set a
   * hookscript (qemu-server): the template is then created through the connection's root provider, and a
   * token-only connection is refused at synth time.
   * @default - no hook script
   */
  readonly hookScriptFileId?: string;
  /**
   * Other nodes whose clones need the Ignition snippet (snippet deliveries on a non-shared snippet datastore):
   * the snippet is uploaded there too.
   * @default - none: clones run on `proxmoxNode` only
   */
  readonly cloneProxmoxNodes?: readonly string[];
  /** Datastore of the cloud-init drive (proxmoxve image). @default - diskDatastore */
  readonly cloudInitDatastore?: DatastoreRef;
  /** ISOs to attach read-only (the first takes the one cdrom; planned by planVmMedia). @default - none */
  readonly extraIsos?: readonly IsoMedia[];
  /** Description of the template VM. @default - names the Flatcar release and the delivery */
  readonly description?: string;
  /** Proxmox tags of the template VM. @default ['flatcar', 'template'] */
  readonly tags?: readonly string[];
}

/** Flatcar's image is an ~8.5 GiB virtual disk; Proxmox cannot shrink an imported disk. */
export const FLATCAR_MIN_DISK_GIB = 10;
