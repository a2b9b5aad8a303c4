// Node pools: names and addresses by number, identities that do not depend on count, per-pool hardware, bad input.
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { poolAddresses, poolNodeNames } from '../../constructs/talos/node-pool';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosNodePoolProps } from '../../constructs/talos/node-pool';
import { TalosNode } from '../../constructs/talos/talos-node';
import { resourcesOf, synthStack } from '../helpers/synth';

function cluster(pool: Partial<TalosNodePoolProps> & { count: number }) {
  let nodes: TalosNode[] = [];
  const out = synthStack((s) => {
    const c = new TalosCluster(s, 'Talos', {
      connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas', 'hermes'],
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' },
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11' });
    nodes = c.addPool('gpu', { firstAddress: '10.0.0.41', ...pool });
  });
  return { ...out, nodes };
}

describe('pure helpers', () => {
  test('names are <pool>-NN with two digits', () => {
    expect(poolNodeNames('gpu', 3)).toEqual(['gpu-01', 'gpu-02', 'gpu-03']);
    expect(poolNodeNames('w', 12)[11]).toBe('w-12');
  });
  test('addresses count up from the first, across an octet boundary, never onto .255 or .0', () => {
    expect(poolAddresses('10.0.0.41', 3)).toEqual(['10.0.0.41', '10.0.0.42', '10.0.0.43']);
    expect(poolAddresses('10.0.0.253', 2)).toEqual(['10.0.0.253', '10.0.0.254']);
    expect(poolAddresses('10.0.0.254', 2)).toBeUndefined();
  });
});

describe('TalosCluster.addPool', () => {
  const three = cluster({ count: 3, dataDisks: [{ sizeGiB: 100 }] });

  test('count workers named and addressed by number, with the pool hardware', () => {
    expect(three.nodes.map((n) => [n.hostname, n.role, n.ipv4Address])).toEqual([
      ['gpu-01', 'worker', '10.0.0.41'], ['gpu-02', 'worker', '10.0.0.42'], ['gpu-03', 'worker', '10.0.0.43'],
    ]);
    for (const [, vm] of resourcesOf(three.json, 'proxmox_virtual_environment_vm').filter(([id]) => id.includes('gpu-'))) {
      expect(vm.disk.map((d: any) => d.size)).toEqual([64, 100]);
    }
  });

  test('raising count adds nodes and leaves the first ones byte-for-byte; lowering removes only the last', () => {
    const four = cluster({ count: 4, dataDisks: [{ sizeGiB: 100 }] });
    const two = cluster({ count: 2, dataDisks: [{ sizeGiB: 100 }] });
    expect(four.nodes.slice(0, 3).map((n) => [n.vmId, n.macAddress])).toEqual(three.nodes.map((n) => [n.vmId, n.macAddress]));
    expect(two.nodes.map((n) => [n.vmId, n.macAddress])).toEqual(three.nodes.slice(0, 2).map((n) => [n.vmId, n.macAddress]));
    const vms = (j: any) => Object.fromEntries(resourcesOf(j, 'proxmox_virtual_environment_vm'));
    const [v2, v3, v4] = [vms(two.json), vms(three.json), vms(four.json)];
    for (const id of Object.keys(v3)) expect(JSON.stringify(v4[id])).toBe(JSON.stringify(v3[id]));
    expect(Object.keys(v4).filter((id) => !(id in v3))).toEqual([expect.stringMatching(/^Talos_Node-gpu-04_Vm_[0-9A-F]+$/)]);
    expect(Object.keys(v3).filter((id) => !(id in v2))).toEqual([expect.stringMatching(/^Talos_Node-gpu-03_Vm_[0-9A-F]+$/)]);
  });

  test('role controlplane makes control planes', () => {
    expect(cluster({ count: 2, role: 'controlplane', firstAddress: '10.0.0.12' }).nodes.map((n) => n.role)).toEqual(['controlplane', 'controlplane']);
  });

  test.each([
    [{ count: 0 }, "test/Talos: 'addPool(\"gpu\").count' must be a whole number from 1 to 99, got 0. Use a second pool for more nodes."],
    [{ count: 100 }, "'addPool(\"gpu\").count' must be a whole number from 1 to 99, got 100."],
    [{ count: 2, firstAddress: '10.0.0' }, "'addPool(\"gpu\").firstAddress' must be a literal IPv4 address, got \"10.0.0\"."],
    [{ count: 3, firstAddress: '10.0.0.253' }, "'addPool(\"gpu\").count' must fit 3 consecutive host addresses from 10.0.0.253 without crossing a .0 or .255, got 3."],
    [{ count: 2, firstAddress: '10.1.0.41' }, 'addWorker("gpu-01").address'],
    [{ count: 2, firstAddress: '10.0.0.11' }, "'addWorker(\"gpu-01\").address' must be unique in the cluster, got \"10.0.0.11\". Pick another address: cp-1 already uses it."],
  ])('bad %j', (pool, message) => {
    expect(() => cluster(pool)).toThrow(message);
  });

  test('a bad pool name', () => {
    expect(() => synthStack((s) => {
      const c = new TalosCluster(s, 'Talos', {
        connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas'], network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1' },
      });
      c.addPool('GPU', { count: 1, firstAddress: '10.0.0.41' });
    })).toThrow("'addPool(\"GPU\").name' must be a lower-case DNS label of at most 58 characters (the nodes are <name>-01 ...), got \"GPU\".");
  });
});
