// With real Terraform: a node pool applied with count 3, then planned with count 4 (only the new node's
// resources are created) and count 2 (only gpu-03's resources are destroyed; nothing else changes).
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import * as validate from '../../scripts/validate';
import type { Workspace } from '../../scripts/validate';
import { synthStack } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';
import { reuseTalosSecrets } from '../helpers/shared-validation';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

function stack(count: number) {
  return validate.withoutProvisioners(synthStack((s: TerraformStack) => {
    const c = new TalosCluster(s, 'Talos', {
      connection: new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://atlas:8006/' }), clusterName: 'home', proxmoxNodes: ['atlas', 'hermes'],
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' },
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11' });
    c.addPool('gpu', { count, firstAddress: '10.0.0.41', dataDisks: [{ sizeGiB: 100, volume: 'data' }], extraNics: [{ bridge: 'vmbr1', mtu: 9000 }] });
  }, 'node-pool').json);
}

const changed = (plan: validate.PlanJson) => (plan.resource_changes ?? [])
  .filter((c: any) => c.mode === 'managed' && !c.change.actions.includes('no-op'))
  .map((c: any) => `${c.address}: ${c.change.actions.join(',')}`);

describeIfTool('terraform', 'resizing a node pool', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = validate.Workspace.create({ name: 'node-pool', config: stack(3) });
    validate.check('init', await ws.init());
    validate.check('validate', await ws.validate());
    validate.check('plan', await ws.plan(['-out', 'plan']));
    validate.check('apply', await ws.apply('plan'));
  }, 180_000);
  afterAll(async () => {
    ws?.cleanup();
    await validate.stopHost();
  });

  test('count 3 -> 4 plans only creations, all of gpu-04', async () => {
    ws.writeConfig(stack(4));
    const c = changed(await ws.planJson());
    expect(c.length).toBeGreaterThan(0);
    expect(c.filter((x) => !/Node-gpu-04_.*: create$/.test(x))).toEqual([]);
  }, 120_000);

  test('count 3 -> 2 plans only deletions, all of gpu-03', async () => {
    ws.writeConfig(stack(2));
    const c = changed(await ws.planJson());
    expect(c.length).toBeGreaterThan(0);
    expect(c.filter((x) => !/Node-gpu-03_.*: delete$/.test(x))).toEqual([]);
  }, 120_000);
});
