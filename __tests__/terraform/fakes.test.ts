// Unit tests of the pieces of the schema-only provider and of scripts/validate.js that do not
// need Terraform: generic fakes for refined unknowns, the cty type of a schema block, and dummy
// values for stack variables. (Ignition and Talos configurations are not faked: see real-libraries.test.ts.)
import { dummyForType, dummyVariables } from '../../scripts/validate';

/* eslint-disable @typescript-eslint/no-var-requires */
const fakes = require('../../tools/tf-schema-provider/fakes');
const cty = require('../../tools/tf-schema-provider/cty');
const { encode, decode } = require('@msgpack/msgpack');

describe('generic fakes and values on the wire', () => {
  test('refined unknowns are honoured: string prefix, number lower bound, collection length', () => {
    const refined = (r: Record<number, unknown>) => new (require('@msgpack/msgpack').ExtData)(12, encode(r));
    expect(fakes.genericFake('string', refined({ 2: 'pre-' }), 'x')).toMatch(/^pre-fake-/);
    expect(fakes.genericFake('number', refined({ 3: [100, true] }), 'x')).toBe(100);
    expect(fakes.genericFake('number', refined({ 3: [100, false] }), 'x')).toBe(101);
    expect(fakes.genericFake(['list', 'string'], refined({ 5: 2 }), 'x')).toHaveLength(2);
    expect(fakes.genericFake(['object', { a: 'bool', b: ['map', 'string'] }], null, 'x')).toEqual({ a: false, b: {} });
  });

  test('the implied type of a block: nested attributes and block nesting modes', () => {
    const block = {
      attributes: { id: { type: 'string' }, nested: { nested_type: { nesting_mode: 'list', attributes: { n: { type: 'number' } } } } },
      block_types: { one: { nesting_mode: 'single', block: { attributes: { x: { type: 'bool' } } } }, many: { nesting_mode: 'set', block: {} } },
    };
    expect(cty.blockType(block)).toEqual(['object', {
      id: 'string', nested: ['list', ['object', { n: 'number' }]], one: ['object', { x: 'bool' }], many: ['set', ['object', {}]],
    }]);
    expect(cty.emptyObject(block)).toEqual({ id: null, nested: null, one: null, many: [] });
  });

  test('an unknown survives a msgpack round trip and is recognised', () => {
    const v = decode(encode({ a: cty.UNKNOWN, b: 'x' }));
    expect(cty.isUnknown(v.a)).toBe(true);
    expect(cty.containsUnknown(v)).toBe(true);
    expect(cty.canonical({ b: 1, a: [2] })).toBe(cty.canonical({ a: [2], b: 1 }));
  });
});

describe('dummy values for stack variables', () => {
  test('from type expressions', () => {
    expect(dummyForType('string', 'token')).toBe('dummy-token');
    expect(dummyForType('${string}', 'token')).toBe('dummy-token');
    expect(dummyForType('number', 'n')).toBe('1');
    expect(dummyForType('bool', 'b')).toBe('false');
    expect(dummyForType('list(string)', 'l')).toBe('[]');
    expect(dummyForType('map(object({a=string}))', 'm')).toBe('{}');
    expect(dummyForType('object({ a = string, b = optional(number, 3), c = list(string) })', 'o')).toBe('{ a = "dummy-o", c = [] }');
    expect(dummyForType('tuple([string, number])', 't')).toBe('["dummy-t", 1]');
  });

  test('only variables without a default get one; explicit values win', () => {
    const env = dummyVariables({ variable: { a: { type: 'string' }, b: { type: 'string', default: 'x' }, c: { type: 'number' } } }, { c: '7' });
    expect(env).toEqual({ TF_VAR_a: 'dummy-a', TF_VAR_c: '7' });
  });
});

describe('REQUIRES_REPLACE follows bpg 0.111.1 for VM disks', () => {
  // proxmoxtf/resource/vm/disk/schema.go: file_id ForceNew, import_from not ("only used during initial creation").
  const rules: unknown[][] = fakes.REQUIRES_REPLACE.proxmox_virtual_environment_vm.map((r: any) => (Array.isArray(r) ? r : r.path));
  test('disk.file_id replaces the VM, disk.import_from does not', () => {
    expect(rules).toContainEqual(['disk', 0, 'file_id']);
    expect(rules).toContainEqual(['disk', 3, 'file_id']);
    expect(rules.some((r) => r.includes('import_from'))).toBe(false);
  });
});
