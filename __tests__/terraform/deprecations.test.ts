// The schema-only provider gives the deprecation warnings the real providers give (a deprecated resource type, a
// deprecated attribute set), and `npm run validate` (validateStack) fails on them: a stack of this library must not
// use what its providers are about to drop (bpg 0.111 deprecates the long names of resources that have short ones).
import { describeIfTool } from '../helpers/tools';
import { nic, tfJson, validate } from './support';

const acl = { path: '/', role_id: 'PVEAuditor', user_id: 'auditor@pve', propagate: true };

describeIfTool('terraform', 'deprecation warnings', () => {
  afterAll(() => validate.stopHost());

  test('the short name validates without warnings', async () => {
    const r = await validate.validateStack({ name: 'short', config: tfJson(['proxmox'], { resource: { proxmox_acl: { a: acl } } }) });
    expect(r.resources).toBe(1);
  });

  test('the deprecated long name fails validateStack with the provider\'s warning', async () => {
    await expect(validate.validateStack({ name: 'long', config: tfJson(['proxmox'], { resource: { proxmox_virtual_environment_acl: { a: acl } } }) }))
      .rejects.toThrow(/deprecation warnings[\s\S]*Warning: Deprecated with proxmox_virtual_environment_acl\.a/);
  });

  test('a deprecated attribute set to a value fails too (vm cdrom.enabled)', async () => {
    const vm = { node_name: 'pve1', network_device: [nic({ bridge: 'vmbr0' })], cdrom: [{ enabled: true, file_id: 'none' }] };
    await expect(validate.validateStack({ name: 'attr', config: tfJson(['proxmox'], { resource: { proxmox_virtual_environment_vm: { v: vm } } }) }))
      .rejects.toThrow(/Warning: Argument is deprecated/);
  });
});
