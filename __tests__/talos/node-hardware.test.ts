// Extra node hardware (data disks, NICs, PCI mappings, TPM) on both sides: the Proxmox VM and the Talos config
// patches of the node's configuration apply, which must agree on disk serials and NIC MACs; topology labels.
import { parseAllDocuments } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { privilegesFor } from '../../constructs/proxmox/privileges';
import { dataDiskSerial, hardwarePatches } from '../../constructs/talos/node-hardware';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterNodeProps, TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { TalosNode, TalosNodeProps } from '../../constructs/talos/talos-node';
import { resourcesOf, synthStack } from '../helpers/synth';

function cluster(worker: Partial<TalosClusterNodeProps>, props: Partial<TalosClusterProps> = {}) {
  let node!: TalosNode;
  const out = synthStack((s) => {
    const c = new TalosCluster(s, 'Talos', {
      connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas', 'hermes'],
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' }, ...props,
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11', proxmoxNode: 'atlas' });
    node = c.addWorker('w-1', { address: '10.0.0.21', proxmoxNode: 'hermes', ...worker });
  });
  const vm = (name: string) => resourcesOf(out.json, 'proxmox_virtual_environment_vm').find(([id]) => id.startsWith(`Talos_Node-${name}_`))![1];
  const patches = (name: string) => resourcesOf(out.json, 'talos_machine_configuration_apply')
    .find(([id]) => id.startsWith(`Talos_Node-${name}_`))![1].config_patches.flatMap((y: string) => parseAllDocuments(y).map((d) => d.toJSON()));
  return { ...out, node, vm, patches };
}

const HARDWARE: Partial<TalosClusterNodeProps> = {
  dataDisks: [{ sizeGiB: 200, volume: 'longhorn' }, { sizeGiB: 500, datastore: { id: 'ceph' } }],
  extraNics: [{ bridge: 'vmbr1', vlanId: 30, mtu: 9000, address: '10.30.0.21/24' }, { bridge: 'vmbr2' }],
  pciDevices: [{ mapping: 'gpu-a2000' }],
  tpm: true,
};

describe('node hardware on the VM', () => {
  const { vm, node } = cluster(HARDWARE);
  const w = vm('w-1');

  test('data disks after the boot disk, each with the serial Talos selects it by', () => {
    expect(w.disk.map((d: any) => [d.interface, d.datastore_id, d.size, d.serial ?? null])).toEqual([
      ['scsi0', 'local-lvm', 64, null], ['scsi1', 'local-lvm', 200, 'talos-data-1'], ['scsi2', 'ceph', 500, 'talos-data-2'],
    ]);
    expect(w.disk[0].import_from).toBeDefined();
  });

  test('extra NICs after the first, with bridge, VLAN, MTU and a stable derived MAC', () => {
    expect(w.network_device.map((n: any) => [n.bridge, n.vlan_id, n.mtu])).toEqual([['vmbr0', null, null], ['vmbr1', 30, 9000], ['vmbr2', null, null]]);
    const macs = w.network_device.map((n: any) => n.mac_address);
    expect(new Set(macs).size).toBe(3);
    expect(macs[0]).toBe(node.macAddress);
    expect(cluster(HARDWARE).vm('w-1').network_device.map((n: any) => n.mac_address)).toEqual(macs);
  });

  test('PCI through a resource mapping (PCIe), and a TPM 2.0 state disk', () => {
    expect(w.hostpci).toEqual([{ device: 'hostpci0', mapping: 'gpu-a2000', pcie: true, rombar: true, xvga: false }]);
    expect(w.tpm_state).toEqual({ datastore_id: 'local-lvm', version: 'v2.0' });
  });

  test('nodes without extra hardware keep one disk and one NIC, no hostpci, no TPM', () => {
    const cp = vm('cp-1');
    expect(cp.disk).toHaveLength(1);
    expect(cp.network_device).toHaveLength(1);
    expect(cp.hostpci).toBeUndefined();
    expect(cp.tpm_state).toBeUndefined();
  });

  test('the talos-cluster token may use PCI mappings (Mapping.Use), on PVE 8 and 9', () => {
    for (const v of [8, 9]) expect(privilegesFor(['talos-cluster'], v)).toContain('Mapping.Use');
  });
});

describe('node hardware in the Talos configuration', () => {
  const { patches, vm } = cluster(HARDWARE);
  const docs = patches('w-1');

  test('a UserVolumeConfig for the mounted disk, selected by its serial, never the system disk; the raw disk has none', () => {
    const volumes = docs.filter((d: any) => d.kind === 'UserVolumeConfig');
    expect(volumes).toEqual([{
      apiVersion: 'v1alpha1', kind: 'UserVolumeConfig', name: 'longhorn',
      provisioning: { diskSelector: { match: `disk.serial == "${dataDiskSerial(0)}" && !system_disk` }, minSize: '1GiB', grow: true },
    }]);
  });

  test('extra NICs addressed by the MAC Proxmox gives them: static with MTU, or DHCP', () => {
    const macs = vm('w-1').network_device.map((n: any) => n.mac_address.toLowerCase());
    const ifaces = docs.flatMap((d: any) => d.machine?.network?.interfaces ?? []);
    expect(ifaces).toEqual(expect.arrayContaining([
      { deviceSelector: { hardwareAddr: macs[1] }, addresses: ['10.30.0.21/24'], mtu: 9000 },
      { deviceSelector: { hardwareAddr: macs[2] }, dhcp: true },
    ]));
  });

  test('topology labels: region = cluster, zone = the Proxmox node', () => {
    const labels = (name: string) => Object.assign({}, ...patches(name).map((d: any) => d.machine?.nodeLabels ?? {}));
    expect(labels('w-1')).toEqual({ 'topology.kubernetes.io/region': 'home', 'topology.kubernetes.io/zone': 'hermes' });
    expect(labels('cp-1')).toEqual({ 'topology.kubernetes.io/region': 'home', 'topology.kubernetes.io/zone': 'atlas' });
  });

  test('no extra hardware, no extra patches', () => {
    expect(hardwarePatches({}, 'x')).toEqual([]);
  });
});

describe('per-role hardware', () => {
  test('workerHardware reaches every worker; a node\'s own prop replaces it', () => {
    const { vm } = cluster({}, { workerHardware: { dataDisks: [{ sizeGiB: 100 }] } });
    expect(vm('w-1').disk.map((d: any) => d.size)).toEqual([64, 100]);
    expect(vm('cp-1').disk).toHaveLength(1);
    expect(cluster({ dataDisks: [{ sizeGiB: 300 }] }, { workerHardware: { dataDisks: [{ sizeGiB: 100 }] } }).vm('w-1').disk.map((d: any) => d.size)).toEqual([64, 300]);
  });
});

describe('bad hardware input', () => {
  const bad = (hw: Partial<TalosNodeProps>) => () => cluster(hw as Partial<TalosClusterNodeProps>);
  test.each([
    [{ pciDevices: [{ mapping: 'gpu', id: '0000:01:00.0' }] },
      "'pciDevices[0].id' must be unset: a raw PCI id can only be passed through by root@pam, not by an API token, got \"0000:01:00.0\". Create a PCI resource mapping"],
    [{ pciDevices: [{ mapping: '' }] }, "'pciDevices[0].mapping' must be the name of a Proxmox PCI resource mapping, got \"\"."],
    [{ dataDisks: [{ sizeGiB: 0 }] }, "'dataDisks[0].sizeGiB' must be a whole number of GiB, at least 1, got 0."],
    [{ dataDisks: [{ sizeGiB: 10, volume: 'Data' }] }, "'dataDisks[0].volume' must be a lower-case name of at most 32 characters (a-z, 0-9, -), got \"Data\"."],
    [{ dataDisks: [{ sizeGiB: 10, volume: 'd' }, { sizeGiB: 10, volume: 'd' }] }, "'dataDisks[1].volume' must be unique on the node, got \"d\"."],
    [{ extraNics: [{ bridge: 'vmbr 1' }] }, "'extraNics[0].bridge' must be a Linux bridge name like \"vmbr1\", got \"vmbr 1\"."],
    [{ extraNics: [{ bridge: 'vmbr1', vlanId: 4095 }] }, "'extraNics[0].vlanId' must be from 1 to 4094, got 4095."],
    [{ extraNics: [{ bridge: 'vmbr1', mtu: 100 }] }, "'extraNics[0].mtu' must be from 576 to 65520, got 100."],
    [{ extraNics: [{ bridge: 'vmbr1', address: '10.30.0.21' }] }, "'extraNics[0].address' must be an IPv4 address with prefix like \"10.10.0.21/24\""],
  ])('%j', (hw, message) => {
    expect(bad(hw)).toThrow(message);
    expect(bad(hw)).toThrow(/^test\/Talos\/Node-w-1: /);
  });
});
