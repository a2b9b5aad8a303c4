// examples/talos-day2.ts: a pool, a worker with a mounted data disk and a storage NIC, GPU workers through a PCI
// mapping with a TPM, upgrades two workers at a time; Terraform accepts it (init, validate, plan, apply, replan).
import { TerraformStack } from 'cdktf';
import { addDay2Cluster } from '../../examples/talos-day2';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { resourcesOf, synthStack } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';
import { reuseTalosSecrets } from '../helpers/shared-validation';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

const { json } = synthStack((s: TerraformStack) => {
  addDay2Cluster(s, new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));
}, 'example-talos-day2');
const vm = (name: string) => resourcesOf(json, 'proxmox_virtual_environment_vm').find(([id]) => id.startsWith(`TalosLab_Node-${name}_`))![1];

describe('examples/talos-day2.ts', () => {
  test('the storage worker: a second disk and a second NIC on VLAN 30 with MTU 9000', () => {
    expect(vm('lab-storage-01').disk.map((d: any) => d.size)).toEqual([64, 200]);
    expect(vm('lab-storage-01').network_device.map((n: any) => [n.bridge, n.vlan_id, n.mtu])).toEqual([['vmbr0', null, null], ['vmbr1', 30, 9000]]);
  });

  test('the GPU pool: lab-gpu-01 and lab-gpu-02 with the PCI mapping and a TPM', () => {
    for (const n of ['lab-gpu-01', 'lab-gpu-02']) {
      expect(vm(n).hostpci[0].mapping).toBe('gpu');
      expect(vm(n).tpm_state.version).toBe('v2.0');
    }
  });

  test('workers upgrade two at a time after the three control planes', () => {
    const steps = new Map(resourcesOf(json, 'terraform_data').map(([id, r]) => [id.replace(/_[0-9A-F]+$/, ''), r]));
    const after = (n: string) => (steps.get(`TalosLab_Node-${n}_TalosUpgrade`).depends_on as string[])
      .filter((d) => d.startsWith('terraform_data.')).map((d) => d.replace(/^terraform_data\.TalosLab_Node-|_TalosUpgrade_[0-9A-F]+$/g, ''));
    expect(after('lab-storage-01')).toEqual(['lab-cp-03']);
    expect(after('lab-gpu-01')).toEqual(['lab-cp-03']);
    expect(after('lab-gpu-02').sort()).toEqual(['lab-gpu-01', 'lab-storage-01']);
  });

  describeIfTool('terraform', 'terraform accepts it', () => {
    test('init, validate, plan, apply (schema-only providers) and an empty second plan', async () => {
      const { validateStack } = require('../../scripts/validate.js') as typeof import('../../scripts/validate');
      const result = await validateStack({ config: json, name: 'talos-day2-example' });
      expect(result.plan.destroy).toBe(0);
      expect(result.plan.add).toBeGreaterThan(0);
    }, 180_000);
  });
});
