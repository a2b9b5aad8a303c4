import { parse } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterConfigPatches } from '../../constructs/talos/talos-cluster-props';
import { controlPlaneSchedulingPatches } from '../../constructs/talos/scheduling';
import { dataOf, synthStack } from '../helpers/synth';

/** The parsed config patches of the control-plane and worker machine configurations of a cluster. */
function patches(workers: number, configPatches?: TalosClusterConfigPatches) {
  const { json } = synthStack((s) => {
    const c = new TalosCluster(s, 'Talos', {
      connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['pve1'],
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1' }, configPatches,
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11' });
    for (let i = 1; i <= workers; i++) c.addWorker(`w-${i}`, { address: `10.0.0.2${i}` });
  });
  const of = (type: string) => dataOf(json, 'talos_machine_configuration').map(([, d]) => d)
    .find((d) => d.machine_type === type).config_patches.map((p: string) => parse(p));
  return { controlplane: of('controlplane'), worker: of('worker') };
}
const allows = (list: any[]) => list.some((p) => p.cluster?.allowSchedulingOnControlPlanes === true);

// Talos taints control planes by default: https://www.talos.dev/v1.11/talos-guides/howto/workers-on-controlplane/
describe('scheduling on control planes', () => {
  test('a cluster of control planes only lets workloads onto them', () => {
    const p = patches(0);
    expect(allows(p.controlplane)).toBe(true);
    expect(allows(p.worker)).toBe(false);
  });

  test('with workers, the control planes keep their taint; an explicit setting wins either way', () => {
    expect(allows(patches(1).controlplane)).toBe(false);
    expect(allows(patches(0, { allowSchedulingOnControlPlanes: false }).controlplane)).toBe(false);
    expect(allows(patches(1, { allowSchedulingOnControlPlanes: true }).controlplane)).toBe(true);
  });

  test('controlPlaneSchedulingPatches', () => {
    expect(controlPlaneSchedulingPatches(undefined, 0)).toEqual([{ cluster: { allowSchedulingOnControlPlanes: true } }]);
    expect(controlPlaneSchedulingPatches(undefined, 2)).toEqual([]);
  });
});
