import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Problems } from '../../constructs/core/errors';
import {
  checkMacAddress, checkVmId, deriveMacAddress, deriveVmId, DERIVED_VM_ID_MAX, DERIVED_VM_ID_MIN, IdentityRegistry,
} from '../../constructs/core/identity';

describe('derived identities', () => {
  test('depend on the name only: same name, same id; adding names changes nothing', () => {
    const before = ['cp-1', 'cp-2', 'worker-1'].map((n) => [deriveVmId(n), deriveMacAddress(n)]);
    const after = ['cp-1', 'cp-2', 'worker-1', 'worker-2'].map((n) => [deriveVmId(n), deriveMacAddress(n)]);
    expect(after.slice(0, 3)).toEqual(before);
  });

  test('VM ids stay in the derived range and differ across names', () => {
    const ids = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const id = deriveVmId(`node-${i}`);
      expect(id).toBeGreaterThanOrEqual(DERIVED_VM_ID_MIN);
      expect(id).toBeLessThanOrEqual(DERIVED_VM_ID_MAX);
      ids.add(id);
    }
    expect(ids.size).toBeGreaterThan(1990);
  });

  test('MACs are locally administered unicast and pass their own check', () => {
    for (let i = 0; i < 500; i++) {
      const mac = deriveMacAddress(`n${i}`);
      const first = parseInt(mac.slice(0, 2), 16);
      expect(first & 0x02).toBe(0x02);
      expect(first & 0x01).toBe(0);
      const p = new Problems('x');
      checkMacAddress(p, 'mac', mac);
      expect(p.count).toBe(0);
    }
  });

  test('a salt gives a different identity for the same name', () => {
    expect(deriveVmId('a', 's1')).not.toBe(deriveVmId('a', 's2'));
  });
});

describe('identity checks', () => {
  test.each([
    ['02:00:00:00:00:0G', "'mac' must be a MAC address like \"02:AB:CD:EF:01:23\", got \"02:00:00:00:00:0G\"."],
    ['01:00:5E:00:00:01', "'mac' must be a unicast MAC (lowest bit of the first octet clear), got \"01:00:5E:00:00:01\". Use an even first octet, e.g. 02."],
  ])('MAC %s', (mac, message) => {
    const p = new Problems('s');
    checkMacAddress(p, 'mac', mac);
    expect(() => p.throwIfAny()).toThrow(`s: ${message}`);
  });

  test.each([99, 1000000000, 1.5])('VM id %p is refused', (id) => {
    const p = new Problems('s');
    checkVmId(p, 'vmId', id);
    expect(() => p.throwIfAny()).toThrow(`'vmId' must be an integer from 100 to 999999999 (Proxmox VM id range), got ${id}.`);
  });
});

describe('IdentityRegistry', () => {
  test('refuses a VM id or MAC claimed twice in a stack, naming the holder and the fix', () => {
    const stack = new TerraformStack(new App(), 's');
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');
    const reg = IdentityRegistry.of(a);
    expect(IdentityRegistry.of(b)).toBe(reg);
    reg.claimVmId(a, 'vmId', 900, false);
    expect(() => reg.claimVmId(b, 'vmId', 900, true)).toThrow(
      "s/B: 'vmId' must be unique in the stack, got 900, already used by s/A. The id was derived from the name and collides: set 'vmId' explicitly.");
    reg.claimMac(a, 'macAddress', '02:00:00:00:00:01', false);
    expect(() => reg.claimMac(b, 'macAddress', '02:00:00:00:00:01', false)).toThrow(
      "s/B: 'macAddress' must be unique in the stack, got \"02:00:00:00:00:01\", already used by s/A. Choose another MAC address.");
  });

  test('stacks have separate registries', () => {
    const app = new App();
    const a = new Construct(new TerraformStack(app, 's1'), 'A');
    const b = new Construct(new TerraformStack(app, 's2'), 'B');
    IdentityRegistry.of(a).claimVmId(a, 'vmId', 900, false);
    expect(() => IdentityRegistry.of(b).claimVmId(b, 'vmId', 900, false)).not.toThrow();
  });
});
