// The VM building block (constructs/proxmox/vm.ts) the VM constructs share: the boot disk, lifecycle merged from
// every source (never overwritten), and one typed escape hatch `vm` that is also `node.defaultChild`.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Problems } from '../../constructs/core/errors';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { DebianGoldenTemplate } from '../../constructs/debian/debian-golden-template';
import { IgnitionDelivery } from '../../constructs/flatcar/ignition-delivery';
import { ClonedVm } from '../../constructs/proxmox/cloned-vm';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';
import { VmTemplate } from '../../constructs/proxmox/template';
import { addVm, bootDisk, mergeLifecycle } from '../../constructs/proxmox/vm';
import { agentTimeout, checkVmHardware, networkDevice } from '../../constructs/proxmox/vm-hardware';
import { buildTemplate } from '../flatcar/fixtures';
import { onlyResource, resourcesOf, synthStack } from '../helpers/synth';

const pre = (n: number) => ({ condition: `c${n}`, errorMessage: `m${n}` });

describe('mergeLifecycle', () => {
  test('concatenates lists in order, never overwrites', () => {
    expect(mergeLifecycle(
      { precondition: [pre(1)], replaceTriggeredBy: ['a.b'] },
      undefined,
      { precondition: [pre(2)], ignoreChanges: ['x'], replaceTriggeredBy: ['c.d'] },
      { ignoreChanges: ['y'], postcondition: [pre(3)] },
    )).toEqual({
      precondition: [pre(1), pre(2)], postcondition: [pre(3)], replaceTriggeredBy: ['a.b', 'c.d'], ignoreChanges: ['x', 'y'],
    });
  });

  test('ignoreChanges "all" wins; flags are set when any part sets them; nothing set is undefined', () => {
    expect(mergeLifecycle({ ignoreChanges: ['x'] }, { ignoreChanges: 'all', preventDestroy: true }, { createBeforeDestroy: false }))
      .toEqual({ ignoreChanges: 'all', preventDestroy: true });
    expect(mergeLifecycle(undefined, {}, { precondition: [] })).toBeUndefined();
  });
});

test('bootDisk: own I/O thread, discard, SSD emulation, writeback; import source as given', () => {
  expect(bootDisk({ interface: 'scsi0', datastoreId: 'ceph', sizeGiB: 20, importFrom: 'local:import/x.qcow2' })).toEqual({
    interface: 'scsi0', datastoreId: 'ceph', importFromAttribute: 'local:import/x.qcow2', fileId: undefined, size: 20,
    iothread: true, discard: 'on', ssd: true, cache: 'writeback',
  });
});

test('addVm: the VM is the scope\'s defaultChild, its lifecycle the config\'s and the construct\'s merged', () => {
  let vm!: VirtualEnvironmentVm;
  const { json } = synthStack((s) => {
    const c = new ProxmoxConnection(s, 'Proxmox');
    vm = addVm(s, 'Vm', { provider: c.provider, nodeName: 'pve1', lifecycle: { precondition: [pre(1)] } }, { replaceTriggeredBy: ['terraform_data.t'] });
    expect(s.node.defaultChild).toBe(vm);
  });
  expect(onlyResource(json, 'proxmox_virtual_environment_vm').lifecycle).toEqual({
    precondition: [{ condition: 'c1', error_message: 'm1' }], replace_triggered_by: ['terraform_data.t'],
  });
});

describe('every VM construct: one typed escape hatch `vm`, also node.defaultChild', () => {
  test.each<[string, (s: TerraformStack) => { vm: VirtualEnvironmentVm; node: { defaultChild?: unknown } }]>([
    ['FlatcarTemplate', (s) => buildTemplate(s)],
    ['DebianGoldenTemplate', (s) => new DebianGoldenTemplate(s, 'Golden', {
      connection: new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } }), proxmoxNode: 'pve1', build: '20251117-2299', checksum: Checksum.sha512('cd'.repeat(64)),
    })],
    ['ClonedVm', (s) => new ClonedVm(s, 'Web', {
      connection: new ProxmoxConnection(s, 'Proxmox'), template: VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1' }),
    })],
  ])('%s', (_name, make) => {
    synthStack((s) => {
      const c = make(s);
      expect(c.vm).toBeInstanceOf(VirtualEnvironmentVm);
      expect(c.node.defaultChild).toBe(c.vm);
    });
  });

  test('FlatcarTemplate with fw_cfg: the media plan\'s preconditions once, beside its own replace trigger', () => {
    const { json } = synthStack((s) => { buildTemplate(s, { image: { variant: 'qemu' }, template: { ignitionDelivery: IgnitionDelivery.fwCfgString() } }); });
    const [[, vm]] = resourcesOf(json, 'proxmox_virtual_environment_vm');
    const conditions = vm.lifecycle.precondition.map((p: any) => p.error_message);
    expect(new Set(conditions).size).toBe(conditions.length);
    expect(conditions.length).toBeGreaterThan(0);
    expect(vm.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.Flatcar_IgnitionTrigger_[0-9A-F]+$/)]);
  });
});

describe('agentTimeoutSeconds (every duration in seconds)', () => {
  test('agentTimeout: whole minutes as "<n>m" (the JSON earlier releases wrote), else "<n>s"', () => {
    expect(agentTimeout()).toBe('2m');
    expect(agentTimeout(120)).toBe('2m');
    expect(agentTimeout(90)).toBe('90s');
    expect(agentTimeout(3600)).toBe('60m');
  });

  test('reaches the VM of a template and of a clone', () => {
    const t = synthStack((s) => { buildTemplate(s, { template: { agentTimeoutSeconds: 45 } }); });
    expect(onlyResource(t.json, 'proxmox_virtual_environment_vm').agent.timeout).toBe('45s');
    const c = synthStack((s) => new ClonedVm(s, 'Web', {
      connection: new ProxmoxConnection(s, 'Proxmox'), template: VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1' }),
      agentTimeoutSeconds: 300,
    }));
    expect(onlyResource(c.json, 'proxmox_virtual_environment_vm').agent.timeout).toBe('5m');
  });

  test.each([0, 1.5, 86401])('a clone refuses %p, naming the prop', (v) => {
    expect(() => synthStack((s) => new ClonedVm(s, 'Web', {
      connection: new ProxmoxConnection(s, 'Proxmox'), template: VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1' }),
      agentTimeoutSeconds: v,
    }))).toThrow(`test/Web: 'agentTimeoutSeconds' must be an integer from 1 to 86400, got ${v}.`);
  });

  test('a template refuses a bad value, naming the prop', () => {
    expect(() => synthStack((s) => { buildTemplate(s, { template: { agentTimeoutSeconds: -1 } }); }))
      .toThrow("'agentTimeoutSeconds' must be an integer from 1 to 86400, got -1.");
  });
});

describe('checkVmHardware: one set of hardware rules, a clone passing only what it overrides', () => {
  const clone = (props: object) => () => synthStack((s) => new ClonedVm(s, 'Web', {
    connection: new ProxmoxConnection(s, 'Proxmox'), template: VmTemplate.fromAttributes(s, 'Tpl', { templateVmId: 9000, templateProxmoxNode: 'pve1' }),
    diskDatastore: { id: 'local-lvm' }, ...props,
  }));
  test.each<[object, string]>([
    [{ diskSizeGiB: 0 }, "'diskSizeGiB' must be an integer of at least 1, got 0."],
    [{ cores: 0 }, "'cores' must be an integer from 1 to 512, got 0."],
    [{ vlanId: 4095 }, "'vlanId' must be from 1 to 4094, got 4095."],
  ])('a clone with %p is refused', (props, message) => {
    expect(clone(props)).toThrow(message);
  });

  test('tokens are left to deploy time', () => {
    expect(() => synthStack((s) => {
      const n = new TerraformVariable(s, 'n', { type: 'number' }).numberValue;
      const p = new Problems(s);
      checkVmHardware(p, { cores: n, memoryMiB: n, diskSizeGiB: n, vlanId: n, agentTimeoutSeconds: n });
      p.throwIfAny();
    })).not.toThrow();
  });
});

describe('networkDevice', () => {
  test('unset keys are plain nulls, not tokens (nothing to register or resolve per VM)', () => {
    const d = networkDevice({ bridge: 'vmbr0', model: 'virtio' }) as Record<string, unknown>;
    expect(d).toEqual({
      bridge: 'vmbr0', model: 'virtio', disconnected: null, enabled: null, firewall: null, macAddress: null, mtu: null,
      queues: null, rateLimit: null, trunks: null, vlanId: null,
    });
  });
});
