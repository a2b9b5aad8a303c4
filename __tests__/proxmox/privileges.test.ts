import { JOB_PRIVILEGES, privilegesFor, PROXMOX_JOBS, ProxmoxJob } from '../../constructs/proxmox/privileges';

// The token privileges a machine controller needs to clone VMs (as listed for PVE before 9).
const SEED_001 = ['Datastore.AllocateSpace', 'Pool.Allocate', 'Pool.Audit', 'VM.Allocate', 'VM.Audit', 'VM.Clone', 'VM.Config.CDROM',
  'VM.Config.CPU', 'VM.Config.Cloudinit', 'VM.Config.Disk', 'VM.Config.HWType', 'VM.Config.Memory', 'VM.Config.Network',
  'VM.Config.Options', 'VM.Monitor', 'Sys.Audit', 'Sys.Console'];

// The privileges Proxmox VE 9 knows (pve-access-control $privgroups plus Permissions.Modify). A role with any other
// name fails to be created.
const PVE9 = ['VM.Config.Disk', 'VM.Config.CPU', 'VM.Config.Memory', 'VM.Config.Network', 'VM.Config.HWType', 'VM.Config.Options',
  'VM.Allocate', 'VM.Clone', 'VM.GuestAgent.Unrestricted', 'VM.Migrate', 'VM.Replicate', 'VM.Snapshot', 'VM.Snapshot.Rollback',
  'VM.Config.CDROM', 'VM.Config.Cloudinit', 'VM.Console', 'VM.Backup', 'VM.GuestAgent.FileRead', 'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite', 'VM.PowerMgmt', 'VM.Audit', 'VM.GuestAgent.Audit', 'Sys.PowerMgmt', 'Sys.Modify', 'Sys.Incoming',
  'Sys.AccessNetwork', 'Sys.Console', 'Sys.Syslog', 'Sys.Audit', 'Datastore.Allocate', 'Datastore.AllocateTemplate',
  'Datastore.AllocateSpace', 'Datastore.Audit', 'SDN.Allocate', 'SDN.Audit', 'SDN.Use', 'Realm.Allocate', 'User.Modify',
  'Group.Allocate', 'Realm.AllocateUser', 'Pool.Allocate', 'Pool.Audit', 'Mapping.Modify', 'Mapping.Use', 'Mapping.Audit',
  'Permissions.Modify'];
// PVE 8 had VM.Monitor and not yet the VM.GuestAgent.* privileges.
const PVE8 = [...PVE9.filter((p) => !p.startsWith('VM.GuestAgent.')), 'VM.Monitor'];

describe('privilegesFor', () => {
  test('cloning on PVE 8 covers the machine controller list, plus starting VMs and using bridges', () => {
    const p = privilegesFor(['clone-vms'], 8);
    expect(p).toEqual(expect.arrayContaining(SEED_001));
    expect(p).toEqual(expect.arrayContaining(['VM.PowerMgmt', 'SDN.Use']));
    expect(p).not.toContain('VM.GuestAgent.Audit');
  });

  test('PVE 9 drops VM.Monitor (role creation would fail) for VM.GuestAgent.Audit', () => {
    const p = privilegesFor(['clone-vms'], 9);
    expect(p).not.toContain('VM.Monitor');
    expect(p).toContain('VM.GuestAgent.Audit');
    expect(p).not.toContain('VM.GuestAgent.Unrestricted');
  });

  test('downloads: Sys.Modify on PVE 8, the narrower Sys.AccessNetwork on PVE 9', () => {
    expect(privilegesFor(['download-images'], 8)).toEqual(['Datastore.AllocateTemplate', 'Datastore.Audit', 'Sys.Audit', 'Sys.Modify']);
    expect(privilegesFor(['download-images'], 9)).toEqual(['Datastore.AllocateTemplate', 'Datastore.Audit', 'Sys.AccessNetwork', 'Sys.Audit']);
  });

  test('templates include their downloads; HA needs Sys.Console', () => {
    expect(privilegesFor(['manage-templates'], 9)).toEqual(expect.arrayContaining(privilegesFor(['download-images'], 9)));
    expect(privilegesFor(['manage-templates'], 9)).toEqual(expect.arrayContaining(['VM.Allocate', 'VM.Config.Cloudinit', 'VM.PowerMgmt']));
    expect(privilegesFor(['template-ha'], 9)).toEqual(['Sys.Audit', 'Sys.Console']);
  });

  test('sorted and de-duplicated across jobs', () => {
    const p = privilegesFor(['clone-vms', 'manage-templates', 'talos-cluster', 'clone-vms'], 9);
    expect(p).toEqual([...new Set(p)].sort());
  });

  test.each<[8 | 9, string[]]>([[8, PVE8], [9, PVE9]])('every privilege exists on PVE %i', (major, known) => {
    expect(privilegesFor(PROXMOX_JOBS, major).filter((p) => !known.includes(p))).toEqual([]);
  });

  test('every grant says why it is there', () => {
    for (const grants of Object.values(JOB_PRIVILEGES)) for (const g of grants) expect(g.why.length).toBeGreaterThan(10);
  });

  test.each<[number, string]>([
    [7, "'pveMajorVersion' must be 8 or 9 (the Proxmox VE versions whose privileges are known), got 7."],
    [10, "'pveMajorVersion' must be 8 or 9 (the Proxmox VE versions whose privileges are known), got 10. Privilege names differ between versions"],
    [8.5, 'got 8.5.'],
  ])('fails for PVE %p', (major, message) => {
    expect(() => privilegesFor(['clone-vms'], major)).toThrow(message);
  });

  test('fails for an unknown or missing job', () => {
    expect(() => privilegesFor(['mine-bitcoin' as ProxmoxJob], 9)).toThrow("'jobs' must contain clone-vms, download-images, manage-templates, template-ha, talos-cluster, got \"mine-bitcoin\".");
    expect(() => privilegesFor([], 9)).toThrow("'jobs' must name at least one job, got [].");
  });
});
