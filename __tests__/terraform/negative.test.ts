// The offline check has teeth: configurations that the real providers would reject fail
// `terraform validate` with Terraform's own message. Each case starts from a configuration that
// validates (the control) and breaks one thing.
import * as fs from 'fs';
import * as path from 'path';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { flat, initialized, nic, ok, tfJson, validate } from './support';
import type { TfJson, Workspace } from '../../scripts/validate';

const vm = (extra: Record<string, unknown> = {}) => ({
  node_name: 'pve1',
  name: 'vm1',
  cdrom: [{ file_id: 'local:iso/talos.iso', interface: 'ide2' }],
  network_device: [nic({ bridge: 'vmbr0' })],
  ...extra,
});

const control = (): TfJson => tfJson(['proxmox', 'null'], {
  resource: {
    proxmox_virtual_environment_vm: { vm: vm() },
    null_resource: { marker: { triggers: { vm: '${proxmox_virtual_environment_vm.vm.id}', literal: 'x' } } },
  },
});

describeIfTool([...OFFLINE_TERRAFORM], 'terraform validate rejects invalid configurations', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await initialized('negative', control()); // init once: every case uses the same providers
  });
  afterAll(async () => {
    ws?.cleanup();
    await validate.stopHost();
  });

  async function validateWith(config: TfJson) {
    ws.writeConfig(config);
    return ws.validate();
  }

  test('control: the unbroken configuration is valid', async () => {
    ok('validate', await validateWith(control()));
  });

  test('two cdrom blocks on a VM: "Too many cdrom blocks"', async () => {
    const c = control();
    c.resource.proxmox_virtual_environment_vm.vm.cdrom.push({ file_id: 'local:iso/other.iso', interface: 'ide3' });
    const r = await validateWith(c);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain('Error: Too many cdrom blocks');
    expect(flat(r.stderr)).toContain('No more than 1 "cdrom" blocks are allowed');
  });

  // Terraform words this error by syntax: cdk.tf.json (what cdktf synthesizes) gets "Extraneous JSON
  // object property", native HCL gets "Unsupported argument". Both come from the served schema.
  test('an attribute the schema does not have, in JSON: "Extraneous JSON object property"', async () => {
    const c = control();
    c.resource.null_resource.marker.trigers = { typo: 'yes' };
    const r = await validateWith(c);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain('Error: Extraneous JSON object property');
    expect(flat(r.stderr)).toContain('No argument or block type is named "trigers"');
  });

  test('an attribute the schema does not have, in HCL: "Unsupported argument"', async () => {
    ws.writeConfig(control());
    const hcl = path.join(ws.dir, 'extra.tf');
    fs.writeFileSync(hcl, 'resource "proxmox_virtual_environment_vm" "other" {\n  node_name = "pve1"\n  vm_name   = "typo"\n}\n');
    try {
      const r = await ws.validate();
      expect(r.code).not.toBe(0);
      expect(flat(r.stderr)).toContain('Error: Unsupported argument');
      expect(flat(r.stderr)).toContain('An argument named "vm_name" is not expected here');
    } finally {
      fs.rmSync(hcl);
    }
  });

  test('a broken reference inside an interpolation string: "Reference to undeclared resource"', async () => {
    const c = control();
    c.resource.null_resource.marker.triggers.vm = 'vm-${proxmox_virtual_environment_vm.missing.id}-suffix';
    const r = await validateWith(c);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain('Error: Reference to undeclared resource');
    expect(flat(r.stderr)).toContain('"proxmox_virtual_environment_vm" "missing" has not been declared');
  });

  test('a missing required attribute: "Missing required argument"', async () => {
    const c = control();
    delete c.resource.proxmox_virtual_environment_vm.vm.node_name;
    const r = await validateWith(c);
    expect(r.code).not.toBe(0);
    expect(flat(r.stderr)).toContain('Error: Missing required argument');
    expect(flat(r.stderr)).toContain('The argument "node_name" is required');
  });
});
