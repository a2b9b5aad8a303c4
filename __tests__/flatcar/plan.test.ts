// The synthesized Flatcar template through the real Terraform CLI, offline: providers are the schema-only fakes of
// tools/tf-schema-provider (scripts/validate.js), whose ct_config renders Butane to Ignition with the real Butane
// library (tools/provider-libs, as poseidon/ct 0.14.0 does).
import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { IgnitionDelivery } from '../../constructs/flatcar/ignition-delivery';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { addFlatcarTemplate } from '../../examples/flatcar-template';
import * as validate from '../../scripts/validate';
import type { PlanJson, Workspace } from '../../scripts/validate';
import { synthStack } from '../helpers/synth';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { buildTemplate, BuildOptions } from './fixtures';

const fwCfgString: BuildOptions = { image: { variant: 'qemu' }, template: { ignitionDelivery: IgnitionDelivery.fwCfgString() } };
const withMotd = (o: BuildOptions, motd: string): BuildOptions => ({ ...o, template: { ...o.template, files: [{ path: '/etc/motd', contents: motd }] } });
const config = (o: BuildOptions) => synthStack((s) => { buildTemplate(s, o); }).json;

function change(plan: PlanJson, type: string) {
  const rc = (plan.resource_changes ?? []).filter((c) => c.type === type);
  if (rc.length !== 1) throw new Error(`expected one ${type} in the plan, found ${rc.length}`);
  return rc[0];
}

describeIfTool([...OFFLINE_TERRAFORM], 'FlatcarTemplate with Terraform', () => {
  afterAll(() => validate.stopHost());

  test('the example (cloud-init user-data) and the fw_cfg file form init, plan, apply and converge', async () => {
    const example = synthStack((s: TerraformStack) => addFlatcarTemplate(s,
      new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token+root-password', ssh: { agent: true } }))).json;
    const fwCfgFile = config({ image: { variant: 'qemu' }, template: { ignitionDelivery: IgnitionDelivery.fwCfgFile(), cloneProxmoxNodes: ['pve2'] } });
    for (const c of [example, fwCfgFile]) {
      const r = await validate.validateStack({ config: c });
      expect(r.plan.destroy).toBe(0);
    }
  });

  describe('fw_cfg string', () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = validate.Workspace.create({ name: 'flatcar-fwcfg', config: config(withMotd(fwCfgString, 'one\n')) });
      validate.check('init', await ws.init());
      validate.check('plan', await ws.plan(['-out', 'plan']));
      validate.check('apply', await ws.apply('plan'));
    });
    afterAll(() => ws?.cleanup());

    test('kvm_arguments hold the rendered Ignition, commas doubled and quotes escaped for Proxmox', async () => {
      const vm = (await ws.state()).values.root_module.resources.find((r: any) => r.type === 'proxmox_virtual_environment_vm').values;
      expect(vm.kvm_arguments).toMatch(/^-fw_cfg "name=opt\/org\.flatcar-linux\/config,string=\{\\"ignition\\":\{/);
      expect(vm.kvm_arguments).toContain('\\"version\\":\\"3.4.0\\"},,');
    });

    test('an unchanged config plans no changes; a changed Butane config replaces the template', async () => {
      const same = await ws.plan(['-detailed-exitcode']);
      expect(same.code).toBe(0);
      ws.writeConfig(config(withMotd(fwCfgString, 'two\n')));
      const plan = await ws.planJson();
      expect(change(plan, 'terraform_data').change.actions).toEqual(['delete', 'create']);
      const vm = change(plan, 'proxmox_virtual_environment_vm');
      expect(vm.change.actions).toEqual(['delete', 'create']);
      expect(vm.action_reason).toBe('replace_by_triggers');
    });

    test('an Ignition larger than one QEMU argument fails the plan with the precondition message', async () => {
      // Incompressible: Butane gzips inline contents when that is shorter (140 KiB of one letter is a few hundred bytes).
      const noise = Array.from({ length: 7000 }, (_, i) => createHash('sha256').update(String(i)).digest('base64')).join('');
      ws.writeConfig(config(withMotd(fwCfgString, noise)));
      const r = await ws.plan();
      expect(r.code).not.toBe(0);
      const out = (r.stderr + r.stdout).replace(/[│╷╵]/g, '').replace(/\s+/g, ' ');
      expect(out).toContain('Resource precondition failed');
      expect(out).toContain("The content of fw_cfg entry 'opt/org.flatcar-linux/config' must make a QEMU argument of at most 131071 bytes");
    });
  });
});
