import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { planVmMedia, VmMediaRequest } from '../../constructs/proxmox/media';

const base: VmMediaRequest = { machine: 'q35', canSetKvmArguments: false, hasSsh: false };
const disk = { fileId: 'local:import/talos.qcow2', route: 'import_from' as const };
const iso = (purpose: string, hostPath?: string) => ({ fileId: `local:iso/${purpose}.iso`, purpose, hostPath });

describe('planVmMedia', () => {
  test('disk image boot: no cdrom at all, disk imported by API', () => {
    const plan = planVmMedia('vm', { ...base, bootDisk: disk });
    expect(plan.cdrom).toBeUndefined();
    expect(plan.bootDisk).toEqual({ interface: 'scsi0', importFrom: 'local:import/talos.qcow2' });
    expect(plan.bootOrder).toEqual(['scsi0']);
    expect(plan.needsRoot).toBe(false);
  });

  test('file_id route keeps the volume as file_id (SSH import)', () => {
    const plan = planVmMedia('vm', { ...base, hasSsh: true, bootDisk: { fileId: 'local:iso/f.img', route: 'file_id' } });
    expect(plan.bootDisk).toEqual({ interface: 'scsi0', fileId: 'local:iso/f.img' });
  });

  test('disk image + config ISO: the config ISO takes the one cdrom', () => {
    const plan = planVmMedia('vm', { ...base, bootDisk: disk, configIsos: [iso('cidata')] });
    expect(plan.cdrom).toEqual({ fileId: 'local:iso/cidata.iso', interface: 'ide2' });
  });

  test('boot ISO + cloud-init: cdrom moves to ide0 since the cloud-init drive has ide2 (q35 has only ide0/ide2)', () => {
    const plan = planVmMedia('vm', { ...base, bootIso: iso('talos'), cloudInit: true });
    expect(plan.cdrom).toEqual({ fileId: 'local:iso/talos.iso', interface: 'ide0' });
    expect(plan.cloudInitInterface).toBe('ide2');
    expect(plan.bootOrder).toEqual(['ide0']);
  });

  test('two ISOs with a token: refused, saying why and what to change', () => {
    expect(() => planVmMedia('stack/Vm', { ...base, bootIso: iso('talos'), configIsos: [iso('config')] })).toThrow(
      "stack/Vm: 'media' must fit in one cdrom, got 2 ISOs (talos, config): bpg/proxmox allows a single cdrom block (issue #718). " +
      'Boot from a disk image instead of an ISO so the slot stays free, move the configuration to the cloud-init drive ' +
      "(or Talos META), or use a root@pam password connection so 'config' can be attached through kvm_arguments.");
  });

  test('two ISOs as root: the second goes through kvm_arguments on a free AHCI port', () => {
    const plan = planVmMedia('vm', { ...base, canSetKvmArguments: true, bootIso: iso('talos'), configIsos: [iso('config', '/var/lib/vz/template/iso/config.iso')] });
    expect(plan.cdrom?.fileId).toBe('local:iso/talos.iso');
    expect(plan.kvmArguments).toEqual([
      '-drive "file=/var/lib/vz/template/iso/config.iso,if=none,id=cfgiso0,media=cdrom,readonly=on"',
      '-device ide-cd,drive=cfgiso0,bus=ide.4',
    ]);
    expect(plan.needsRoot).toBe(true);
  });

  test('second ISO as root without a host path is refused', () => {
    expect(() => planVmMedia('vm', { ...base, canSetKvmArguments: true, bootIso: iso('a'), configIsos: [iso('b')] }))
      .toThrow("'media.configIsos[0].hostPath' must be set to attach 'b' through kvm_arguments (the one cdrom is taken), got undefined.");
  });

  test('fw_cfg with a token is refused; as root it becomes kvm_arguments', () => {
    const fwCfg = [{ name: 'opt/org.flatcar-linux/config', content: '{"ignition":{"version":"3.4.0"}}' }];
    expect(() => planVmMedia('vm', { ...base, bootDisk: disk, fwCfg })).toThrow(
      "'media.fwCfg' must be empty unless the connection is root@pam by password, got an entry for \"opt/org.flatcar-linux/config\"");
    const plan = planVmMedia('vm', { ...base, canSetKvmArguments: true, bootDisk: disk, fwCfg });
    expect(plan.kvmArguments).toHaveLength(1);
    expect(plan.kvmArguments[0]).toMatch(/^-fw_cfg /);
    expect(plan.needsRoot).toBe(true);
  });

  test('fw_cfg content known only at plan time brings its Terraform preconditions along', () => {
    const content = Token.asString(new TerraformVariable(new TerraformStack(Testing.app(), 's'), 'ign', { type: 'string' }).value);
    const plan = planVmMedia('vm', { ...base, canSetKvmArguments: true, bootDisk: disk, fwCfg: [{ name: 'opt/org.flatcar-linux/config', content }] });
    expect(plan.preconditions.map((p) => p.errorMessage)).toEqual([
      expect.stringMatching(/must not be empty/),
      expect.stringMatching(/must not contain a line feed/),
      expect.stringMatching(/bytes/),
    ]);
    const literal = planVmMedia('vm', { ...base, canSetKvmArguments: true, bootDisk: disk, fwCfg: [{ name: 'opt/a', content: 'x' }] });
    expect(literal.preconditions).toEqual([]);
  });

  test('no boot media and file_id without SSH: every problem reported at once', () => {
    let err: any;
    try { planVmMedia('vm', { ...base }); } catch (e) { err = e; }
    expect(err.problems).toEqual(["'media' must include a boot disk image or a boot ISO, got neither. Give the VM a boot disk image or a boot ISO."]);
    try { planVmMedia('vm', { ...base, bootDisk: { fileId: 'x', route: 'file_id' }, fwCfg: [{ name: 'opt/a', content: 'x' }] }); } catch (e) { err = e; }
    expect(err.problems).toHaveLength(2);
  });
});
