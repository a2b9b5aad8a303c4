// With real Terraform: a Talos cluster applied at one Talos/Kubernetes version, then synthesized at the next,
// plans to re-run the upgrade steps (terraform_data replaced) and never replaces a VM. The fake provider models
// bpg's ForceNew attributes (tools/tf-schema-provider/fakes.js REQUIRES_REPLACE: node_name, vm_id, disk.file_id).
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import * as validate from '../../scripts/validate';
import type { Workspace } from '../../scripts/validate';
import { synthStack } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';

interface Versions { talos: string; kubernetes: string; workerExtensions?: string[] }

function stack(v: Versions, addressing: 'meta' | 'dhcp') {
  return synthStack((s: TerraformStack) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://atlas:8006/' });
    const c = new TalosCluster(s, 'Talos', {
      connection, clusterName: 'home', proxmoxNodes: ['atlas'], vip: '10.0.0.20', cni: TalosCni.cilium(),
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing }, talosVersion: v.talos, kubernetesVersion: v.kubernetes,
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11' });
    c.addControlPlane('cp-2', { address: '10.0.0.12' });
    c.addWorker('w-1', { address: '10.0.0.21', extensions: v.workerExtensions });
  }, 'talos-upgrade').json;
}

const changesOf = (plan: validate.PlanJson) => (plan.resource_changes ?? [])
  .filter((c: any) => c.mode === 'managed' && !c.change.actions.includes('no-op'))
  .map((c: any) => ({ address: c.address as string, type: c.type as string, actions: c.change.actions.join(',') as string }));

describeIfTool('terraform', 'upgrading a Talos cluster plans in-place upgrades, never a new VM', () => {
  const OLD: Versions = { talos: 'v1.12.6', kubernetes: '1.35.2' };
  const workspaces: Workspace[] = [];
  afterAll(async () => {
    for (const ws of workspaces) ws.cleanup();
    await validate.stopHost();
  });

  async function applied(addressing: 'meta' | 'dhcp', v: Versions): Promise<Workspace> {
    const ws = validate.Workspace.create({ name: `talos-upgrade-${addressing}`, config: validate.withoutProvisioners(stack(v, addressing)) });
    workspaces.push(ws);
    validate.check('init', await ws.init());
    validate.check('plan', await ws.plan(['-out', 'plan']));
    validate.check('apply', await ws.apply('plan'));
    return ws;
  }

  test.each(['meta', 'dhcp'] as const)('%s addressing: a new Talos and Kubernetes version replaces only upgrade steps and images', async (addressing) => {
    const ws = await applied(addressing, OLD);
    ws.writeConfig(validate.withoutProvisioners(stack({ talos: 'v1.13.10', kubernetes: '1.36.3' }, addressing)));
    const changes = changesOf(await ws.planJson());
    const vms = changes.filter((c) => c.type === 'proxmox_virtual_environment_vm');
    expect(vms).toEqual([]); // not replaced, not even updated: the new image only feeds the upgrade step
    const replaced = changes.filter((c) => c.actions.includes('delete')).map((c) => c.type);
    expect([...new Set(replaced)].sort()).toEqual(['proxmox_download_file', 'terraform_data']);
    const steps = changes.filter((c) => c.type === 'terraform_data').map((c) => c.address.replace(/_[0-9A-F]+$/, ''));
    expect(steps.sort()).toEqual([
      'terraform_data.Talos_KubernetesUpgrade',
      'terraform_data.Talos_Node-cp-1_TalosUpgrade', 'terraform_data.Talos_Node-cp-2_TalosUpgrade', 'terraform_data.Talos_Node-w-1_TalosUpgrade',
    ]);
  }, 240_000);

  test('an extension added to one worker re-runs only that worker\'s upgrade step', async () => {
    const ws = await applied('dhcp', OLD);
    ws.writeConfig(validate.withoutProvisioners(stack({ ...OLD, workerExtensions: ['siderolabs/iscsi-tools'] }, 'dhcp')));
    const changes = changesOf(await ws.planJson());
    expect(changes.filter((c) => c.type === 'proxmox_virtual_environment_vm')).toEqual([]);
    const steps = changes.filter((c) => c.type === 'terraform_data').map((c) => `${c.address.replace(/_[0-9A-F]+$/, '')}: ${c.actions}`);
    expect(steps).toEqual(['terraform_data.Talos_Node-w-1_TalosUpgrade: delete,create']);
  }, 240_000);
});
