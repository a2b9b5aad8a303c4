import { ValidationError } from '../core/errors';

/**
 * The Proxmox VE privileges each job of this library needs, per major version, as data: one entry per
 * privilege with the reason it is there, so a reviewer can check the list against the API's permission checks.
 *
 * Version differences (pve-access-control):
 * - PVE 9 removed `VM.Monitor` (creating a role with it fails) and split guest agent access into
 *   `VM.GuestAgent.Audit`, `.FileRead`, `.FileWrite`, `.FileSystemMgmt`, `.Unrestricted` (commits "add
 *   VM.GuestAgent privileges" and "privileges: drop VM.Monitor", July 2025). Read-only agent calls such as
 *   `network-get-interfaces` (bpg reads the VM's IPs with it) need `VM.GuestAgent.Audit`.
 * - `Sys.AccessNetwork` (PVE 8.2+) lets `download-url` reach the network without `Sys.Modify` on `/`; PVE 8
 *   roles keep `Sys.Modify`, which every 8.x accepts, PVE 9 roles use the narrower privilege.
 * - `SDN.Use` (PVE 8.0+) is checked for every bridge a NIC is put on.
 * @see https://github.com/proxmox/pve-access-control/blob/master/src/PVE/AccessControl.pm ($privgroups)
 * @see https://pve.proxmox.com/pve-docs/chapter-pveum.html#pveum_permission_management
 */

/** Proxmox VE major versions with a known privilege list. */
export type PveMajor = 8 | 9;
export const SUPPORTED_PVE_MAJORS: readonly PveMajor[] = [8, 9];

/** What a token is for. */
export type ProxmoxJob =
  /** Clone VMs from templates and start them (https://pve.proxmox.com/pve-docs/chapter-pveum.html#_privileges). ClonedVm. */
  | 'clone-vms'
  /** Download images to storage (`download_file`). ProxmoxImage. */
  | 'download-images'
  /** Build VM templates from images (DebianGoldenTemplate, Flatcar templates), including their downloads. */
  | 'manage-templates'
  /** Make templates highly available (TemplateHighAvailability, what `ha-manager add` does: https://pve.proxmox.com/pve-docs/chapter-ha-manager.html). */
  | 'template-ha'
  /** Run a Talos cluster: download Image Factory images, create, configure and start the node VMs. */
  | 'talos-cluster';

export const PROXMOX_JOBS: readonly ProxmoxJob[] = ['clone-vms', 'download-images', 'manage-templates', 'template-ha', 'talos-cluster'];

/** One privilege, why it is needed, and the versions that have it (all supported ones when unset). */
export interface PrivilegeGrant {
  /** The Proxmox privilege, e.g. `VM.Allocate`. */
  readonly privilege: string;
  /** Why a job needs it. */
  readonly why: string;
  /** The Proxmox VE major versions that have it. @default - every supported version */
  readonly pve?: readonly PveMajor[];
}

/** Reading VMs: config, status, and the IP addresses bpg reads from the guest agent. */
export const VM_READ: readonly PrivilegeGrant[] = [
  { privilege: 'VM.Audit', why: 'read VM configuration and status (every bpg VM read)' },
  { privilege: 'VM.Monitor', pve: [8], why: 'PVE 8 guards guest agent calls with it: bpg reads the IPs through network-get-interfaces' },
  { privilege: 'VM.GuestAgent.Audit', pve: [9], why: 'PVE 9 replacement of VM.Monitor for read-only guest agent calls (network-get-interfaces, ping)' },
];

/** Changing VM configuration: each group of settings has its own privilege. */
export const VM_CONFIGURE: readonly PrivilegeGrant[] = [
  { privilege: 'VM.Config.CDROM', why: 'attach or eject media on a cdrom drive' },
  { privilege: 'VM.Config.CPU', why: 'cores and CPU type' },
  { privilege: 'VM.Config.Cloudinit', why: 'cloud-init settings: user, keys, ipconfig, DNS, cicustom snippets' },
  { privilege: 'VM.Config.Disk', why: 'add, import, resize and move disks (boot, EFI, cloud-init drive)' },
  { privilege: 'VM.Config.HWType', why: 'machine type, BIOS, SCSI controller, serial console' },
  { privilege: 'VM.Config.Memory', why: 'memory size' },
  { privilege: 'VM.Config.Network', why: 'network devices' },
  { privilege: 'VM.Config.Options', why: 'name, description, tags, boot order, agent, on_boot' },
];

/** Creating and destroying VMs and their disks, on a bridge. */
export const VM_LIFECYCLE: readonly PrivilegeGrant[] = [
  { privilege: 'VM.Allocate', why: 'create and destroy VMs, and convert them to templates' },
  { privilege: 'VM.PowerMgmt', why: 'start VMs (bpg started = true) and shut them down before destroy' },
  { privilege: 'Datastore.AllocateSpace', why: 'allocate disks (and the cloud-init drive) on the VM storage' },
  { privilege: 'Datastore.Audit', why: 'read storage status and content (imported images, shared-storage check of cross-node clones)' },
  { privilege: 'SDN.Use', why: 'put a NIC on a bridge: checked on /sdn/zones/localnetwork/<bridge> since PVE 8' },
  { privilege: 'Sys.Audit', why: 'read node and cluster status (node list, cluster resources)' },
];

/** `download-url` (bpg `download_file`). */
export const IMAGE_DOWNLOAD: readonly PrivilegeGrant[] = [
  { privilege: 'Datastore.AllocateTemplate', why: 'store downloaded images, ISOs and templates (download-url)' },
  { privilege: 'Datastore.Audit', why: 'read the downloaded file back (storage content)' },
  { privilege: 'Sys.Audit', why: 'download-url and query-url-metadata check Sys.Audit with Sys.Modify on / (bpg docs)' },
  { privilege: 'Sys.Modify', pve: [8], why: 'PVE 8: download-url reaches the network only with Sys.Modify on /' },
  { privilege: 'Sys.AccessNetwork', pve: [9], why: 'PVE 9: the narrower privilege download-url accepts instead of Sys.Modify' },
];

/**
 * The token privileges a cluster autoscaler's machine controller needs to clone VMs (as listed for PVE 8), adapted
 * per version, plus what bpg needs to start the clones. https://pve.proxmox.com/pve-docs/chapter-pveum.html#_privileges
 */
export const CLONE_VMS: readonly PrivilegeGrant[] = [
  ...VM_READ, ...VM_CONFIGURE, ...VM_LIFECYCLE,
  { privilege: 'VM.Clone', why: 'clone the template (checked on the template, /vms/<template id>)' },
  { privilege: 'Pool.Allocate', why: 'move clones into a resource pool (bpg pool_id updates the pool)' },
  { privilege: 'Pool.Audit', why: 'read resource pools' },
  { privilege: 'Sys.Console', why: 'guests managed by ha-manager (templates kept available on all nodes) need it' },
];

/**
 * HA resources, and where they may run: HA groups (PVE 8) or HA rules (PVE 9). `/cluster/ha/resources`,
 * `/cluster/ha/groups` and `/cluster/ha/rules` all check Sys.Console on / to change and Sys.Audit on / to read.
 * @see https://github.com/proxmox/pve-ha-manager/blob/master/src/PVE/API2/HA/Rules.pm
 */
export const TEMPLATE_HA: readonly PrivilegeGrant[] = [
  { privilege: 'Sys.Console', why: 'create, update and delete HA resources (ha-manager add vm:<id>), HA groups (PVE 8) and HA rules (PVE 9)' },
  { privilege: 'Sys.Audit', why: 'read HA resources, groups and rules' },
];

/** Privileges by job. */
export const JOB_PRIVILEGES: Readonly<Record<ProxmoxJob, readonly PrivilegeGrant[]>> = {
  'clone-vms': CLONE_VMS,
  'download-images': IMAGE_DOWNLOAD,
  // Templates are built from downloaded images; the finalize step itself runs over SSH, not the API.
  'manage-templates': [...VM_READ, ...VM_CONFIGURE, ...VM_LIFECYCLE, ...IMAGE_DOWNLOAD],
  'template-ha': TEMPLATE_HA,
  'talos-cluster': [...VM_READ, ...VM_CONFIGURE, ...VM_LIFECYCLE, ...IMAGE_DOWNLOAD,
    // PCI passthrough (TalosNode pciDevices) only through resource mappings: a raw hostpci id needs root@pam.
    // https://pve.proxmox.com/pve-docs/chapter-qm.html#resource_mapping
    { privilege: 'Mapping.Use', why: 'pass a PCI device through a resource mapping (hostpci mapping=<name>, checked on /mapping/pci/<name>)' }],
};

/**
 * Privileges granted on each image/snippet storage only (ACL `/storage/<id>`), never on `/`: `Datastore.Allocate`
 * also allows creating, changing and deleting storage definitions, so it stays scoped to the storages the jobs
 * write files to.
 * - bpg reads the storage's configuration before every snippet upload over SSH (`GET /storage/{storage}`, to find
 *   its path): bpg proxmoxtf/resource/file.go calls `capi.Storage().GetDatastore` (v0.90.0, line 569), and
 *   pve-storage guards that call with `['perm', '/storage/{storage}', ['Datastore.Allocate']]`
 *   (src/PVE/API2/Storage/Config.pm, method `read`, line 180).
 * - Deleting a volume (`DELETE .../storage/{storage}/content/{volume}`), which bpg does to replace or destroy a
 *   downloaded image or an uploaded snippet, checks `Datastore.Allocate` on `/storage/<storage>` for every
 *   non-backup volume (src/PVE/API2/Storage/Content.pm, method `delete`, line 506).
 * @see https://github.com/proxmox/pve-storage/blob/0c56bad8b2a7d69e5ce2c243651fe830d6caa936/src/PVE/API2/Storage/Config.pm#L180
 * @see https://github.com/proxmox/pve-storage/blob/0c56bad8b2a7d69e5ce2c243651fe830d6caa936/src/PVE/API2/Storage/Content.pm#L506
 * @see https://github.com/bpg/terraform-provider-proxmox/blob/v0.90.0/proxmoxtf/resource/file.go#L569
 */
export const STORAGE_FILES: readonly PrivilegeGrant[] = [
  { privilege: 'Datastore.Allocate', why: 'read the storage config before a snippet upload (bpg), delete a replaced image or snippet' },
];

/** Jobs that download files to or upload snippets to a storage, hence need {@link STORAGE_FILES} there. */
export const STORAGE_FILE_JOBS: readonly ProxmoxJob[] = ['download-images', 'manage-templates', 'talos-cluster'];

/** Pure: the privileges `jobs` need on each image/snippet storage (empty when no job writes files). */
export function storagePrivilegesFor(jobs: readonly ProxmoxJob[]): string[] {
  return jobs.some((j) => STORAGE_FILE_JOBS.includes(j)) ? STORAGE_FILES.map((g) => g.privilege).sort() : [];
}

/**
 * Pure: the privileges `jobs` need on Proxmox VE `pveMajor`, sorted and de-duplicated. Throws a
 * {@link ValidationError} for a version without a known list (only 8 and 9) or an unknown job.
 */
export function privilegesFor(jobs: readonly ProxmoxJob[], pveMajor: number): string[] {
  const problems: string[] = [];
  if (!(SUPPORTED_PVE_MAJORS as readonly number[]).includes(pveMajor)) {
    problems.push(`'pveMajorVersion' must be ${SUPPORTED_PVE_MAJORS.join(' or ')} (the Proxmox VE versions whose privileges are known), ` +
      `got ${JSON.stringify(pveMajor)}. Privilege names differ between versions (PVE 9 removed VM.Monitor), so a role for an ` +
      'unknown version could not be created: upgrade to a supported version or add its list to privileges.ts.');
  }
  for (const job of jobs) {
    if (!PROXMOX_JOBS.includes(job)) problems.push(`'jobs' must contain ${PROXMOX_JOBS.join(', ')}, got ${JSON.stringify(job)}. Use one of those job names.`);
  }
  if (jobs.length === 0) problems.push("'jobs' must name at least one job, got []. List the jobs the token is for.");
  if (problems.length) throw new ValidationError('privilegesFor', problems);
  const out = new Set<string>();
  for (const job of jobs) {
    for (const g of JOB_PRIVILEGES[job]) if (!g.pve || g.pve.includes(pveMajor as PveMajor)) out.add(g.privilege);
  }
  return [...out].sort();
}
