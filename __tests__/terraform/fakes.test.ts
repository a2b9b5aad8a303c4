// Unit tests of the pieces of the schema-only provider and of scripts/validate.js that do not
// need Terraform: the Butane -> Ignition fake behind data.ct_config.rendered, generic fakes for
// refined unknowns, the cty type of a schema block, and dummy values for stack variables.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dummyForType, dummyVariables } from '../../scripts/validate';

/* eslint-disable @typescript-eslint/no-var-requires */
const fakes = require('../../tools/tf-schema-provider/fakes');
const cty = require('../../tools/tf-schema-provider/cty');
const { encode, decode } = require('@msgpack/msgpack');

describe('Butane -> Ignition (data.ct_config.rendered)', () => {
  const render = (content: string, extra: Record<string, unknown> = {}) => JSON.parse(fakes.butaneToIgnition({ content, ...extra }));

  test('translates users, files (octal mode, inline contents as data URL), units; camelCase keys', () => {
    const ign = render([
      'variant: flatcar',
      'version: 1.1.0',
      'passwd: { users: [ { name: core, ssh_authorized_keys: [ "ssh-ed25519 K" ], password_hash: "$6$x" } ] }',
      'storage:',
      '  disks: [ { device: /dev/vdb, wipe_table: true, partitions: [ { label: data, size_mib: 100, start_mib: 0 } ] } ]',
      '  files:',
      '    - path: /etc/motd',
      '      mode: 0644',
      '      contents: { inline: "hello world & more\\n" }',
      'systemd: { units: [ { name: a.service, enabled: true, contents: "[Unit]\\n" } ] }',
    ].join('\n'));
    expect(ign.ignition).toEqual({ version: '3.4.0' });
    expect(ign.passwd.users[0]).toEqual({ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 K'], passwordHash: '$6$x' });
    expect(ign.storage.files[0]).toEqual({ path: '/etc/motd', mode: 420, contents: { source: `data:,${encodeURIComponent('hello world & more\n')}` } });
    expect(ign.storage.disks[0]).toEqual({ device: '/dev/vdb', wipeTable: true, partitions: [{ label: 'data', sizeMiB: 100, startMiB: 0 }] });
    expect(ign.systemd.units[0]).toEqual({ name: 'a.service', enabled: true, contents: '[Unit]\n' });
  });

  test('variant/version decide the Ignition spec; unknown ones are errors like in the real provider', () => {
    expect(render('variant: flatcar\nversion: 1.0.0\n').ignition.version).toBe('3.3.0');
    expect(render('variant: fcos\nversion: 1.5.0\n').ignition.version).toBe('3.4.0');
    expect(() => render('variant: flatcar\nversion: 2.0.0\n')).toThrow('unsupported Butane variant/version');
    expect(() => render('version: 1.1.0\n')).toThrow('unsupported Butane variant/version');
    expect(() => render('variant: flatcar\nversion: 1.1.0\nstorage: [unclosed\n')).toThrow('invalid YAML');
  });

  test('snippets are merged; local contents need files_dir', () => {
    const ign = render('variant: flatcar\nversion: 1.1.0\nstorage: { files: [ { path: /a, contents: { inline: a } } ] }\n', {
      snippets: ['variant: flatcar\nversion: 1.1.0\nstorage: { files: [ { path: /b, contents: { inline: b } } ] }\n'],
    });
    expect(ign.storage.files.map((f: any) => f.path)).toEqual(['/a', '/b']);
    const local = 'variant: flatcar\nversion: 1.1.0\nstorage: { files: [ { path: /c, contents: { local: c.txt } } ] }\n';
    expect(() => render(local)).toThrow('needs files_dir');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-files-'));
    fs.writeFileSync(path.join(dir, 'c.txt'), 'from disk');
    try {
      expect(render(local, { files_dir: dir }).storage.files[0].contents.source).toBe(`data:;base64,${Buffer.from('from disk').toString('base64')}`);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('rendering is deterministic, compact unless pretty_print, and follows the content', () => {
    const a = 'variant: flatcar\nversion: 1.1.0\nstorage: { files: [ { path: /etc/hostname, contents: { inline: a } } ] }\n';
    expect(fakes.butaneToIgnition({ content: a })).toBe(fakes.butaneToIgnition({ content: a }));
    expect(fakes.butaneToIgnition({ content: a })).not.toMatch(/\n/);
    expect(fakes.butaneToIgnition({ content: a, pretty_print: true })).toMatch(/\n {2}"ignition"/);
    expect(fakes.butaneToIgnition({ content: a.replace('inline: a', 'inline: b') })).not.toBe(fakes.butaneToIgnition({ content: a }));
  });
});

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
