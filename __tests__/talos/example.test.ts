import { parse } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { addTalosCluster } from '../../examples/talos-cluster';
import { dataOf, resourcesOf, synthStack } from '../helpers/synth';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { validateStackOnce } from '../helpers/shared-validation';

describe('examples/talos-cluster.ts builds the reference cluster', () => {
  const { json } = synthStack((s) => addTalosCluster(s, new ProxmoxConnection(s, 'Proxmox')));
  const vms = Object.fromEntries(resourcesOf(json, 'proxmox_virtual_environment_vm').map(([, r]) => [r.name, r]));
  const schematics = resourcesOf(json, 'talos_image_factory_schematic').map(([, r]) => parse(r.schematic).customization);

  test('3 control planes at 10.0.0.11-13 and 2 workers at 10.0.0.21-22 on atlas, VM ids 300-304', () => {
    expect(Object.keys(vms).sort()).toEqual(['talos-cp-01', 'talos-cp-02', 'talos-cp-03', 'talos-worker-01', 'talos-worker-02']);
    expect(Object.values(vms).map((v: any) => [v.name, v.vm_id, v.node_name, v.tags.includes('controlplane')]).sort()).toEqual([
      ['talos-cp-01', 300, 'atlas', true], ['talos-cp-02', 301, 'atlas', true], ['talos-cp-03', 302, 'atlas', true],
      ['talos-worker-01', 303, 'atlas', false], ['talos-worker-02', 304, 'atlas', false],
    ]);
    expect(resourcesOf(json, 'talos_machine_configuration_apply').map(([, a]) => a.node).sort())
      .toEqual(['10.0.0.11', '10.0.0.12', '10.0.0.13', '10.0.0.21', '10.0.0.22']);
  });

  test('static /16 addresses through META, the guest agent and tailscale extensions in every image', () => {
    expect(schematics.map((c) => parse(c.meta[0].value).addresses[0].address).sort())
      .toEqual(['10.0.0.11/16', '10.0.0.12/16', '10.0.0.13/16', '10.0.0.21/16', '10.0.0.22/16']);
    for (const c of schematics) {
      expect(c.systemExtensions.officialExtensions).toEqual(['siderolabs/qemu-guest-agent', 'siderolabs/tailscale']);
      expect(parse(c.meta[0].value).routes[0].gateway).toBe('10.0.0.1');
    }
    for (const v of Object.values<any>(vms)) expect(v.agent.enabled).toBe(true);
  });

  test('VIP 10.0.0.20 as endpoint, the default Talos v1.13.10 with Kubernetes 1.36.3 and Cilium 1.20.3', () => {
    for (const [, d] of dataOf(json, 'talos_machine_configuration')) {
      expect(d).toEqual(expect.objectContaining({ cluster_endpoint: 'https://10.0.0.20:6443', talos_version: 'v1.13.10', kubernetes_version: '1.36.3' }));
    }
    const cp = dataOf(json, 'talos_machine_configuration').find(([, d]) => d.machine_type === 'controlplane')![1];
    expect(JSON.stringify(cp.config_patches)).toContain('--version=1.20.3');
    expect(json.variable.home_tailscale_auth_key.sensitive).toBe(true);
  });

  test('construct ids (the state contract) of the reference cluster', () => {
    const addresses = Object.entries<Record<string, unknown>>(json.resource)
      .flatMap(([type, r]) => Object.keys(r).map((n) => `${type}.${n}`))
      .concat(Object.entries<Record<string, unknown>>(json.data).flatMap(([type, r]) => Object.keys(r).map((n) => `data.${type}.${n}`)))
      .sort();
    expect(addresses).toMatchSnapshot();
    // The VMs were each node's 'Resource' child before 0.2 (now 'Vm'): every one is moved from that address.
    const vmMoves = ((json.moved ?? []) as Array<{ from: string; to: string }>).filter((m) => m.to.startsWith('proxmox_virtual_environment_vm.'));
    expect(vmMoves.map((m) => m.to).sort()).toEqual(addresses.filter((a) => a.startsWith('proxmox_virtual_environment_vm.')));
    for (const m of vmMoves) expect(m.from).toBe(m.to.replace(/_Vm_[0-9A-F]{8}$/, m.from.slice(-9)));
  });

  describeIfTool([...OFFLINE_TERRAFORM], 'terraform accepts it', () => {
    test('init, validate, plan, apply (schema-only providers) and an empty second plan', async () => {
      // the same run as terraform/real-libraries.test.ts's, once per jest run
      const result = await validateStackOnce(json, 'talos-example');
      expect(result.plan).toEqual({ add: 36, change: 0, destroy: 0 });
    }, 120000);
  });
});
