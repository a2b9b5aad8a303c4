// Props and defaults of DebianGoldenTemplate (debian-golden-template.ts), apart so that the construct file stays short.
import { IProxmoxConnection } from '../proxmox/connection';
import { Checksum, DatastoreRef } from '../proxmox/image';
import { IpConfig } from '../proxmox/ip-config';
import { VmHardwareProps } from '../proxmox/vm-hardware';
import { DebianTemplateFeatures, I915Sriov } from './cloud-config';
import { DebianImageVariant } from './debian-release';

/** Hardware defaults of the template VM: 2 cores, 2048 MiB, a 16 GiB disk that clones grow (a small template clones fast). */
export const DEBIAN_TEMPLATE_HARDWARE_DEFAULTS = { cores: 2, memoryMiB: 2048, diskSizeGiB: 16 } as const;
/** journald's cap on the template (log rotation). */
export const DEFAULT_JOURNAL_MAX_USE_MIB = 256;

/** Props of {@link DebianGoldenTemplate}. Hardware defaults: {@link DEBIAN_TEMPLATE_HARDWARE_DEFAULTS}. */
export interface DebianGoldenTemplateProps extends Omit<VmHardwareProps, 'onBoot'> {
  /** The Proxmox connection. Needs SSH: the user-data is a snippet, and the finalize step runs `qm` on the node. */
  readonly connection: IProxmoxConnection;
  /** The Proxmox node that builds and holds the template. */
  readonly proxmoxNode: string;
  /** Debian major release. @default 13 (trixie) */
  readonly release?: number;
  /** Dated build of the cloud image (a folder of https://cloud.debian.org/images/cloud/<codename>/), e.g. `20251117-2299`, or `latest`. */
  readonly build: string;
  /** Checksum of the image: the SHA-512 from the build's `SHA512SUMS` (`Checksum.sha512('<hex>')`). Required. */
  readonly checksum: Checksum;
  /** Image variant. @default - 'generic' when i915Sriov is set (its kernel has the driver), else 'genericcloud' */
  readonly variant?: DebianImageVariant;
  /** Features to switch off. @default DEFAULT_DEBIAN_TEMPLATE_FEATURES (all on) */
  readonly features?: DebianTemplateFeatures;
  /** Build the Intel i915 SR-IOV driver into the template. @default - not installed */
  readonly i915Sriov?: I915Sriov;
  /** Packages besides those the features bring. @default DEBIAN_TEMPLATE_BASE_PACKAGES */
  readonly packages?: readonly string[];
  /** Packages added to `packages`. @default [] */
  readonly extraPackages?: readonly string[];
  /** NTP servers for chrony. @default DEFAULT_NTP_SERVERS */
  readonly ntpServers?: readonly string[];
  /** NTP pools for chrony. @default DEFAULT_NTP_POOLS */
  readonly ntpPools?: readonly string[];
  /** Networks chrony serves time to; empty serves none. @default DEFAULT_CHRONY_ALLOW_CIDRS */
  readonly chronyAllowCidrs?: readonly string[];
  /** Public keys for the build VM's default user, to debug a build; removed before templating. @default [] */
  readonly sshAuthorizedKeys?: readonly string[];
  /** journald's disk cap. @default DEFAULT_JOURNAL_MAX_USE_MIB */
  readonly journalMaxUseMiB?: number;
  /**
   * Kubernetes release the nodes cloned from this template run (like "1.34.1"): containerd's sandbox image is
   * the pause image kubeadm of that release expects (see PAUSE_VERSION_BY_KUBERNETES_MINOR).
   * @default DEBIAN_KUBERNETES_VERSION (constructs/versions.ts)
   */
  readonly kubernetesVersion?: string;
  /** Bound on the wait for cloud-init (15 minutes: a DKMS build plus package installs on a slow mirror). @default DEFAULT_CLOUD_INIT_TIMEOUT_SECONDS */
  readonly cloudInitTimeoutSeconds?: number;
  /** Name of the template VM. @default - the construct id in kebab-case */
  readonly name?: string;
  /** VM id of the template. @default - derived from the name */
  readonly vmId?: number;
  /** Network of the build VM (it downloads packages). @default IpConfig.dhcp() */
  readonly buildIpConfig?: IpConfig;
  /** DNS servers of the build VM. @default - from DHCP */
  readonly dnsServers?: readonly string[];
  /** Where the cloud image is downloaded (needs content type `import`). @default { id: 'local' } */
  readonly imageDatastore?: DatastoreRef;
  /**
   * Storage of the EFI vars disk. It may live apart from the boot disk (e.g. on `local`); here it follows the boot
   * disk unless set, because a default Proxmox `local` storage has no `images` content (the VM would fail to
   * create) and an EFI disk on node-local storage pins the template to its node (no cross-node clones).
   * @default - diskDatastore
   */
  readonly efiDatastore?: DatastoreRef;
  /** Storage with content type `snippets` for the user-data. @default { id: 'local' } */
  readonly snippetDatastore?: DatastoreRef;
  /**
   * Storage of the cloud-init drive. When the boot, EFI and cloud-init disks are all on shared storage
   * (`shared: true`, e.g. Ceph RBD), clones may be placed on any node.
   * @default - diskDatastore
   */
  readonly cloudInitDatastore?: DatastoreRef;
}
