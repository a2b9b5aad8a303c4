// Issue 6: with real Terraform, adding a worker to the example cluster plans only additions (and the cluster-wide
// reads that list every node), never an update or replacement of an existing node.
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { addTalosCluster } from '../../examples/talos-cluster';
import * as validate from '../../scripts/validate';
import type { Workspace } from '../../scripts/validate';
import { synthStack } from '../helpers/synth';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { reuseTalosSecrets } from '../helpers/shared-validation';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

function example(extraWorker: boolean) {
  return synthStack((s: TerraformStack) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://atlas:8006/', ssh: {} });
    const cluster = addTalosCluster(s, connection);
    if (extraWorker) cluster.addWorker('talos-worker-03', { address: '10.0.0.23', vmId: 305 });
  }, 'home-talos').json;
}

/** As applied here: the upgrade steps' local-exec provisioners (talosctl) cannot run against the fake provider. */
function applied(extraWorker: boolean) {
  return validate.withoutProvisioners(example(extraWorker));
}

describeIfTool([...OFFLINE_TERRAFORM], 'growing the example Talos cluster', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = validate.Workspace.create({ name: 'cluster-growth', config: applied(false) });
    validate.check('init', await ws.init());
    validate.check('plan', await ws.plan(['-out', 'plan']));
    validate.check('apply', await ws.apply('plan'));
  });
  afterAll(async () => {
    ws?.cleanup();
    await validate.stopHost();
  });

  test('a sixth node plans only creations for managed resources', async () => {
    ws.writeConfig(applied(true));
    const plan = await ws.planJson();
    const managed = (plan.resource_changes ?? []).filter((c) => c.mode === 'managed' && !c.change.actions.includes('no-op'));
    expect(managed.length).toBeGreaterThan(0);
    const notCreate = managed.filter((c) => c.change.actions.join(',') !== 'create');
    expect(notCreate.map((c) => `${c.address}: ${c.change.actions.join(',')}`)).toEqual([]);
    // Everything created belongs to the new node (its image, VM, config apply) and nothing else.
    for (const c of managed) expect(c.address).toMatch(/talos-worker-03/);
  });
});
