import { TerraformVariable, Testing, TerraformStack } from 'cdktf';
import { VmTemplate } from '../../constructs/proxmox/template';

describe('VmTemplate.fromAttributes', () => {
  const stack = () => new TerraformStack(Testing.app(), 's');

  test('defaults to the safe assumptions: not shared, imported disk (full clones only)', () => {
    const t = VmTemplate.fromAttributes(stack(), 'T', { templateVmId: 9000, templateProxmoxNode: 'pve1' });
    expect([t.templateVmId, t.templateProxmoxNode, t.onSharedStorage, t.fromImportedDisk, t.osFamily]).toEqual([9000, 'pve1', false, true, 'other']);
  });

  test('a reference (e.g. another stack\'s template id) is not validated', () => {
    const s = stack();
    const id = new TerraformVariable(s, 'tpl', { type: 'number' }).numberValue;
    expect(VmTemplate.fromAttributes(s, 'T', { templateVmId: id, templateProxmoxNode: 'pve1' }).templateVmId).toBe(id);
  });

  test('fails on a bad id or node name, naming both', () => {
    expect(() => VmTemplate.fromAttributes(stack(), 'T', { templateVmId: 42, templateProxmoxNode: 'pve_1' })).toThrow([
      's/T: ',
      "  - 'templateVmId' must be a Proxmox VM id (an integer of at least 100), got 42. Give the VM id of the template, 100 or more.",
      "  - 'templateProxmoxNode' must be a Proxmox node name, got \"pve_1\". Give the node the template lives on, as shown by `pvecm nodes`.",
    ].join('\n'));
  });
});
