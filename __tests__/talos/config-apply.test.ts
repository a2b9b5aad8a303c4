// How version changes reach running nodes (constructs/talos/config-apply.ts), on the synthesized JSON: each config
// apply ignores changes to its inputs and is replaced when its `ConfigInputs` terraform_data changes, which holds
// every input of the node's configuration except the Talos version, the Kubernetes version and the installer.
// The plans themselves, with real Terraform, are in __tests__/terraform/talos-upgrade-plan.test.ts.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosBoot } from '../../constructs/talos/talos-boot';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { resourcesOf, synthStack, warningsOf } from '../helpers/synth';

interface Opts { talos?: string; kubernetes?: string; workerPatch?: Record<string, unknown>; props?: Partial<TalosClusterProps> }

function cluster(o: Opts = {}) {
  let c!: TalosCluster;
  const out = synthStack((s: TerraformStack) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    const authKey = new TerraformVariable(s, 'ts', { type: 'string', sensitive: true });
    c = new TalosCluster(s, 'Talos', {
      connection, clusterName: 'home', proxmoxNodes: ['atlas'], network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'dhcp' },
      vip: '10.0.0.20', cni: TalosCni.cilium(), talosVersion: o.talos ?? 'v1.12.6', kubernetesVersion: o.kubernetes ?? '1.35.2',
      tailscale: { authKey }, configPatches: o.workerPatch ? { worker: [o.workerPatch] } : undefined, ...o.props,
    });
    c.addControlPlane('cp-1', { address: '10.0.0.11' });
    c.addWorker('w-1', { address: '10.0.0.21' });
    c.addWorker('w-iso', { address: '10.0.0.22', boot: TalosBoot.iso() });
  });
  const inputs = Object.fromEntries(resourcesOf(out.json, 'terraform_data').filter(([n]) => n.includes('_ConfigInputs_'))
    .map(([n, r]) => [n.replace(/^Talos_Node-(.*)_ConfigInputs_[0-9A-F]+$/, '$1'), r]));
  const applies = Object.fromEntries(resourcesOf(out.json, 'talos_machine_configuration_apply')
    .map(([n, r]) => [n.replace(/^Talos_Node-(.*)_ConfigApply_[0-9A-F]+$/, '$1'), r]));
  return { ...out, c, inputs, applies };
}

describe('config applies and versions', () => {
  const base = cluster();

  test('each apply ignores its inputs and is replaced by its VM or its ConfigInputs', () => {
    expect(Object.keys(base.applies).sort()).toEqual(['cp-1', 'w-1', 'w-iso']);
    expect(Object.keys(base.inputs).sort()).toEqual(['cp-1', 'w-1', 'w-iso']);
    const [vm] = resourcesOf(base.json, 'proxmox_virtual_environment_vm').filter(([n]) => n.startsWith('Talos_Node-w-1_'));
    const [inputs] = resourcesOf(base.json, 'terraform_data').filter(([n]) => n.startsWith('Talos_Node-w-1_ConfigInputs_'));
    expect(base.applies['w-1'].lifecycle).toEqual({
      ignore_changes: ['machine_configuration_input', 'config_patches'],
      replace_triggered_by: [`proxmox_virtual_environment_vm.${vm[0]}`, `terraform_data.${inputs[0]}`],
    });
    // The secrets' version contract is used once, at creation.
    expect(resourcesOf(base.json, 'talos_machine_secrets')[0][1].lifecycle).toEqual({ ignore_changes: ['talos_version'] });
  });

  test('the trigger: the configuration inputs but the versions and installer; secrets only as references', () => {
    const t = base.inputs['cp-1'].triggers_replace;
    expect(Object.keys(t).sort()).toEqual(['cluster_endpoint', 'cluster_name', 'config_patches_sha256', 'docs', 'examples',
      'machine_secrets', 'machine_type', 'node', 'node_config_patches']);
    expect(t).toMatchObject({ cluster_name: 'home', cluster_endpoint: 'https://10.0.0.20:6443', machine_type: 'controlplane', node: '10.0.0.11', docs: false, examples: false });
    expect(t.machine_secrets).toMatch(/^\$\{talos_machine_secrets\.Talos_Secrets_[0-9A-F]+\.machine_secrets\}$/);
    expect(t.config_patches_sha256).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(base.inputs);
    expect(text).not.toMatch(/v1\.12\.6|1\.35\.2|installer|HostnameConfig/);
    // The tailscale key stays a reference to the sensitive variable.
    expect(t.node_config_patches[0]).toContain('${var.ts}');
    // The ISO node's install disk is part of its configuration; its installer image is not.
    expect(base.inputs['w-iso'].triggers_replace.node_config_patches.join('\n')).toContain('disk: /dev/sda');
    // The applies still carry the installer and the versions' configuration.
    expect(JSON.stringify(base.applies['w-1'].config_patches)).toContain('installer');
  });

  test('a Talos or Kubernetes version change leaves every trigger as it was', () => {
    expect(cluster({ talos: 'v1.13.10', kubernetes: '1.36.3' }).inputs).toEqual(base.inputs);
    expect(cluster({ kubernetes: '1.35.4' }).inputs).toEqual(base.inputs);
  });

  test('a worker patch changes the workers\' triggers only; a new control-plane patch the control planes\' only', () => {
    const w = cluster({ workerPatch: { machine: { sysctls: { 'vm.max_map_count': '262144' } } } }).inputs;
    expect(w['cp-1']).toEqual(base.inputs['cp-1']);
    expect(w['w-1']).not.toEqual(base.inputs['w-1']);
    expect(w['w-iso']).not.toEqual(base.inputs['w-iso']);
    const cp = cluster({ props: { configPatches: { controlPlane: [{ machine: { sysctls: { a: '1' } } }] } } }).inputs;
    expect(cp['cp-1']).not.toEqual(base.inputs['cp-1']);
    expect(cp['w-1']).toEqual(base.inputs['w-1']);
  });

  test('the cluster endpoint, name and a node\'s own settings are inputs too', () => {
    expect(cluster({ props: { vip: '10.0.0.30' } }).inputs['w-1']).not.toEqual(base.inputs['w-1']);
    const hw = cluster({ props: { workerHardware: { extraNics: [{ bridge: 'vmbr1', address: '10.1.0.5/24' }] } } }).inputs;
    expect(hw['w-1'].triggers_replace.node_config_patches.join('\n')).toContain('10.1.0.5/24');
    expect(hw['cp-1']).toEqual(base.inputs['cp-1']);
  });

  test('resetOnDestroy: no trigger and in-place updates (a replacement would reset the node), with a warning', () => {
    const r = cluster({ props: { resetOnDestroy: true } });
    expect(r.inputs).toEqual({});
    expect(r.applies['w-1'].lifecycle.ignore_changes).toBeUndefined();
    expect(r.applies['w-1'].lifecycle.replace_triggered_by).toHaveLength(1);
    expect(r.applies['w-1'].on_destroy).toEqual({ reset: true, graceful: true, reboot: false });
    expect(warningsOf(r.c).join('\n')).toMatch(/resetOnDestroy keeps every config apply updated in place/);
  });
});
