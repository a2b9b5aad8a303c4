// With real Terraform: a Talos cluster applied at one Talos/Kubernetes version, then synthesized at the next,
// plans to re-run the upgrade steps (terraform_data replaced) and never replaces a VM. A version change leaves every
// config apply alone (the upgrade steps carry it); any other change of a node's configuration replaces that node's
// apply, which applies the whole current configuration. The fake provider models
// bpg's ForceNew attributes (tools/tf-schema-provider/fakes.js REQUIRES_REPLACE: node_name, vm_id, disk.file_id).
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import * as validate from '../../scripts/validate';
import type { Workspace } from '../../scripts/validate';
import { AppliedOnce } from '../helpers/state-upgrade';
import { synthStack } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';
import { reuseTalosSecrets } from '../helpers/shared-validation';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

interface Versions { talos: string; kubernetes: string; workerExtensions?: string[]; workerPatch?: Record<string, unknown> }

function stack(v: Versions, addressing: 'meta' | 'dhcp') {
  return synthStack((s: TerraformStack) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://atlas:8006/' });
    const c = new TalosCluster(s, 'Talos', {
      connection, clusterName: 'home', proxmoxNodes: ['atlas'], vip: '10.0.0.20', cni: TalosCni.cilium(),
      network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing }, talosVersion: v.talos, kubernetesVersion: v.kubernetes,
      configPatches: v.workerPatch ? { worker: [v.workerPatch] } : undefined,
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
  // Five tests plan their change against the same cluster applied at OLD: one apply, a copy of its state each.
  const states = new AppliedOnce();
  afterAll(async () => {
    states.cleanup();
    await validate.stopHost();
  });

  const applied = (addressing: 'meta' | 'dhcp', v: Versions): Promise<Workspace> =>
    states.workspace(`talos-upgrade-${addressing}`, validate.withoutProvisioners(stack(v, addressing)));

  test.each(['meta', 'dhcp'] as const)('%s addressing: a new Talos and Kubernetes version replaces only upgrade steps and images', async (addressing) => {
    const ws = await applied(addressing, OLD);
    ws.writeConfig(validate.withoutProvisioners(stack({ talos: 'v1.13.10', kubernetes: '1.36.3' }, addressing)));
    const changes = changesOf(await ws.planJson());
    const vms = changes.filter((c) => c.type === 'proxmox_virtual_environment_vm');
    expect(vms).toEqual([]); // not replaced, not even updated: the new image only feeds the upgrade step
    // The new configuration reaches running nodes through the upgrade steps only, not through the applies.
    expect(changes.filter((c) => c.type === 'talos_machine_configuration_apply')).toEqual([]);
    const replaced = changes.filter((c) => c.actions.includes('delete')).map((c) => c.type);
    expect([...new Set(replaced)].sort()).toEqual(['proxmox_download_file', 'terraform_data']);
    const steps = changes.filter((c) => c.type === 'terraform_data').map((c) => c.address.replace(/_[0-9A-F]+$/, ''));
    expect(steps.sort()).toEqual([
      'terraform_data.Talos_KubernetesUpgrade',
      'terraform_data.Talos_Node-cp-1_TalosUpgrade', 'terraform_data.Talos_Node-cp-2_TalosUpgrade', 'terraform_data.Talos_Node-w-1_TalosUpgrade',
    ]);
  }, 240_000);

  const NEXT_TALOS = 'v1.13.10';
  const applies = (changes: ReturnType<typeof changesOf>) => changes.filter((c) => c.type === 'talos_machine_configuration_apply');
  const steps = (changes: ReturnType<typeof changesOf>) => changes.filter((c) => c.type === 'terraform_data')
    .map((c) => `${c.address.replace(/_[0-9A-F]+$/, '')}: ${c.actions}`).sort();

  test('a Kubernetes version change: no config apply changes, no VM changes, only the upgrade-k8s step is replaced', async () => {
    const base: Versions = { talos: NEXT_TALOS, kubernetes: '1.35.2' };
    const ws = await applied('dhcp', base);
    ws.writeConfig(validate.withoutProvisioners(stack({ ...base, kubernetes: '1.36.3' }, 'dhcp')));
    const changes = changesOf(await ws.planJson());
    expect(applies(changes)).toEqual([]);
    expect(changes.filter((c) => c.type === 'proxmox_virtual_environment_vm')).toEqual([]);
    expect(steps(changes)).toEqual(['terraform_data.Talos_KubernetesUpgrade: delete,create']);
    expect(changes.map((c) => c.type).filter((t) => t !== 'terraform_data')).toEqual([]);
  }, 240_000);

  test('a Talos version change: no config apply or secrets change, every node\'s upgrade step is replaced', async () => {
    const ws = await applied('dhcp', OLD);
    ws.writeConfig(validate.withoutProvisioners(stack({ ...OLD, talos: NEXT_TALOS }, 'dhcp')));
    const changes = changesOf(await ws.planJson());
    expect(applies(changes)).toEqual([]);
    // The secrets' talos_version is ignored: an update would plan machine_secrets and client_configuration unknown.
    expect(changes.filter((c) => c.type === 'talos_machine_secrets')).toEqual([]);
    expect(changes.filter((c) => c.type === 'proxmox_virtual_environment_vm')).toEqual([]);
    expect(steps(changes)).toEqual([
      'terraform_data.Talos_Node-cp-1_TalosUpgrade: delete,create', 'terraform_data.Talos_Node-cp-2_TalosUpgrade: delete,create',
      'terraform_data.Talos_Node-w-1_TalosUpgrade: delete,create',
    ]);
  }, 240_000);

  test('a worker patch replaces the workers\' config applies only, with the new configuration', async () => {
    const ws = await applied('dhcp', OLD);
    const before = await ws.state();
    ws.writeConfig(validate.withoutProvisioners(stack({ ...OLD, workerPatch: { machine: { sysctls: { 'vm.max_map_count': '262144' } } } }, 'dhcp')));
    const plan = (await ws.planJson()) as any;
    const changes = changesOf(plan);
    expect(applies(changes).map((c) => `${c.address.replace(/_[0-9A-F]+$/, '')}: ${c.actions}`))
      .toEqual(['talos_machine_configuration_apply.Talos_Node-w-1_ConfigApply: delete,create']);
    expect(steps(changes)).toEqual(['terraform_data.Talos_Node-w-1_ConfigInputs: delete,create']);
    // The replacement is planned from the configuration as written, ignore_changes notwithstanding.
    const apply = plan.resource_changes.find((c: any) => c.address.startsWith('talos_machine_configuration_apply.Talos_Node-w-1_'));
    expect(apply.change.after.machine_configuration).toContain('vm.max_map_count');
    expect(JSON.stringify(before)).not.toContain('vm.max_map_count');
  }, 240_000);

  test('a version change with another change of the same node: that node\'s apply is replaced, with the new versions', async () => {
    const ws = await applied('dhcp', OLD);
    ws.writeConfig(validate.withoutProvisioners(stack({ talos: OLD.talos, kubernetes: '1.35.4', workerPatch: { machine: { sysctls: { 'vm.max_map_count': '262144' } } } }, 'dhcp')));
    const plan = (await ws.planJson()) as any;
    expect(applies(changesOf(plan)).map((c) => c.address.replace(/_[0-9A-F]+$/, ''))).toEqual(['talos_machine_configuration_apply.Talos_Node-w-1_ConfigApply']);
    const apply = plan.resource_changes.find((c: any) => c.address.startsWith('talos_machine_configuration_apply.Talos_Node-w-1_'));
    expect(apply.change.after.machine_configuration).toContain('kubelet:v1.35.4');
  }, 240_000);

  test('the trigger holds the secrets as a sensitive value: in state and plan, marked sensitive', async () => {
    const ws = await applied('dhcp', OLD);
    const state = await ws.state();
    const inputs = state.values.root_module.resources.filter((r: any) => /ConfigInputs/.test(r.address));
    expect(inputs).toHaveLength(3);
    for (const r of inputs) expect(r.sensitive_values.triggers_replace.machine_secrets).toBeTruthy();
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
