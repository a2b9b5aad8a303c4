import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Fn, Lazy, TerraformStack, TerraformVariable, Token, Tokenization, DefaultTokenResolver, StringConcat } from 'cdktf';
import { Construct } from 'constructs';
import { fastResolve, memoizeBinaryVersionChecks, replaceResolve } from '../../constructs/core/fast-synth';
import { stableStringify, stableStringifyPieces } from '../../constructs/core/stable-json';

const ROOT = path.resolve(__dirname, '..', '..');
const CDKTF_DIR = path.dirname(require.resolve('cdktf/package.json'));
// The replacements mirror cdktf 0.21's internals; another toolchain (the CDK Terrain flavour) keeps its own.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const IS_CDKTF_021 = /^0\.21\./.test(require('cdktf/package.json').version) && require('cdktf/package.json').name === 'cdktf';
const describeCdktf = IS_CDKTF_021 ? describe : describe.skip;
const realStringify = (o: unknown, opts?: unknown): string => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(require.resolve('json-stable-stringify', { paths: [CDKTF_DIR] }))(o, opts);
};

describeCdktf('stableStringify', () => {
  const cycle: Record<string, unknown> = { a: {} };
  (cycle.a as Record<string, unknown>).b = cycle;
  const cases: unknown[] = [
    {}, [], null, 'text', 5, undefined, [[[]]],
    { b: {}, a: [], c: [{}, []], d: undefined, e: () => 1, f: [undefined, () => 1, null], g: new Date(0), h: { toJSON: () => ({ z: 1, y: [] }) } },
    { 10: 'ten', 9: 'nine', a: 'a', '01': 'zero-one' }, // array-index keys: sorted as text, not numerically
    { s: '\u0000{}', t: '\u0000[]', u: 'quote"\u0000[]', '\u0000{}': 'key' }, // strings that look like the stand-ins for empty containers
    { s: '\u0085{}', t: [], u: 'quote"\u0085[]', v: {} }, // strings holding the stand-ins' marker, next to real empty containers
    { '\u0085[]': 'key', e: [{}, [], { f: [] }] }, // a key holding the marker
    { many: Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? {} : i % 3 === 1 ? [] : { x: i, y: { z: [] } })) },
    { x: { y: { z: {} } }, 'k"q': 'v\n\u0001\u2028', list: [1.5, -0, 1e21, true, false] },
  ];

  test.each([2, 0, 4, '\t', '--'])('writes what json-stable-stringify writes (space %p)', (space) => {
    for (const c of cases) expect(stableStringify(c, { space })).toBe(realStringify(c, { space }));
    for (const c of cases) expect(stableStringifyPieces(c, typeof space === 'number' ? ' '.repeat(space) : space)).toBe(realStringify(c, { space }));
    expect(stableStringify(cases[7])).toBe(realStringify(cases[7]));
  });

  test('refuses a cycle like json-stable-stringify', () => {
    expect(() => realStringify(cycle, { space: 2 })).toThrow('Converting circular structure to JSON');
    expect(() => stableStringify(cycle, { space: 2 })).toThrow('Converting circular structure to JSON');
  });

  test('hands options it does not implement to the real package', () => {
    const cmp = (a: { key: string }, b: { key: string }) => (a.key < b.key ? 1 : -1);
    expect(stableStringify({ a: 1, b: 2 }, { cmp }, () => realStringify)).toBe('{"b":2,"a":1}');
  });
});

describeCdktf('fastResolve (replaceResolve)', () => {
  class Holder extends Construct {}

  /** A value with every kind of token cdktf resolves, nested in plain data. */
  function sample(stack: TerraformStack): unknown {
    const v = new TerraformVariable(stack, 'v', { type: 'string' });
    const n = new TerraformVariable(stack, 'n', { type: 'number' });
    const l = new TerraformVariable(stack, 'l', { type: 'list(string)' });
    const m = new TerraformVariable(stack, 'm', { type: 'map(string)' });
    return {
      plain: { a: 'x', b: 1, c: true, d: null, e: undefined, f: [1, 'two', undefined, { g: [] }], date: new Date(0), 'e-1.5e+3': 'key with e' },
      ref: v.stringValue,
      nested: { s: `a-${v.stringValue}`, n: n.numberValue, both: [`b-${v.stringValue}`, 'plain'] },
      strings: [`prefix-${v.stringValue}-suffix`, Fn.join(',', l.listValue), '$${escaped}', 'number 1e+300 in text', `${Token.asString(n.numberValue)}x`],
      numbers: [n.numberValue, 42, Token.asNumber(Lazy.numberValue({ produce: () => 7 }))],
      list: l.listValue,
      lists: [Token.asList(Lazy.listValue({ produce: () => ['p', 'q'] }))],
      map: m.value,
      tokenMap: Token.asStringMap(Lazy.anyValue({ produce: () => ({ k: 'v' }) })),
      lazy: Lazy.anyValue({ produce: () => ({ nested: [v.stringValue, { deep: Lazy.stringValue({ produce: () => 'z' }) }] }) }),
      keyed: { [`key-${Lazy.stringValue({ produce: () => 'dynamic' })}`]: 'token in a key' },
      fn: Fn.lookup(m.value, 'k', 'default'),
    };
  }

  test('resolves every kind of token as cdktf does, in preparing and final runs', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'fast-resolve-')) });
    const stack = new TerraformStack(app, 's');
    const value = sample(stack);
    const run = (preparing: boolean) => Tokenization.resolve(value, { scope: stack, preparing, resolver: new DefaultTokenResolver(new StringConcat()) });
    const before = [run(true), run(false)];
    expect(replaceResolve(CDKTF_DIR)).toBe(true);
    expect(replaceResolve(CDKTF_DIR)).toBe(false); // once
    const after = [run(true), run(false)];
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(after[1]).toMatchObject({ ref: '${var.v}', nested: { s: 'a-${var.v}', n: '${var.n}', both: ['b-${var.v}', 'plain'] } });
    expect(after[1]).toMatchObject({ strings: [expect.stringMatching(/^prefix-\$\{var\.v\}-suffix$/), '${join(",", var.l)}', '$${escaped}', 'number 1e+300 in text', '${var.n}x'] });
    // The same errors, with the same key path.
    const err = (x: unknown) => {
      try {
        Tokenization.resolve(x, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
      } catch (e) {
        return String(e);
      }
      return 'no error';
    };
    expect(err({ a: [{ b: () => 1 }] })).toMatch(/\/a\/0\/b/);
    expect(err({ a: { c: new Holder(stack, 'h') } })).toMatch(/\/a\/c/);
  });
});

describe('fastResolve of a tree nothing else holds', () => {
  test('keeps the plain parts that resolve unchanged, and copies what resolve changes', () => {
    const original = (x: unknown) => (typeof x === 'string' ? x.replace(/\$\{TfToken\[[^\]]*\]\}/g, 'R') : x);
    const share = fastResolve(original, () => false, new Set(), () => false, () => true);
    const copy = fastResolve(original, () => false, new Set());
    const plain = { a: [1, 'x', { b: true }], c: { d: null } };
    expect(share(plain, {})).toBe(plain);
    expect(copy(plain, {})).not.toBe(plain);
    expect(copy(plain, {})).toEqual(plain);
    // Dropped undefined values and resolved tokens make a copy of their array or object and its parents only.
    const mixed = { a: [1, undefined, 2], b: undefined, c: { t: '${TfToken[TOKEN.1]}' }, d: { e: 'same' }, f: [{ g: 1 }] };
    const r = share(mixed, {}) as Record<string, unknown>;
    expect(JSON.stringify(r)).toBe(JSON.stringify(copy(mixed, {})));
    expect(r).toEqual({ a: [1, 2], c: { t: 'R' }, d: { e: 'same' }, f: [{ g: 1 }] });
    expect(Object.keys(r)).toEqual(['a', 'c', 'd', 'f']);
    expect(r.d).toBe(mixed.d);
    expect(r.f).toBe(mixed.f);
  });

  test('keeps what resolvedAlready names without walking it, and walks the rest', () => {
    const original = (x: unknown) => (typeof x === 'string' ? x.replace(/\$\{TfToken\[[^\]]*\]\}/g, 'R') : x);
    const read: string[] = [];
    const watched = <T extends object>(name: string, o: T): T => new Proxy(o, { get: (t, k, r) => { read.push(`${name}.${String(k)}`); return Reflect.get(t, k, r); } });
    const done = watched('done', { body: { t: 'x' } });
    const list = watched('list', ['p', 'q']);
    const open = watched('open', { t: '${TfToken[TOKEN.2]}' });
    const known = new Set<object>([done, list]);
    const share = fastResolve(original, () => false, new Set(), () => false, () => true, () => undefined, (o) => known.has(o));
    const tree = { done, list, open };
    const r = share(tree, {}) as Record<string, unknown>;
    expect(r.done).toBe(done);
    expect(r.list).toBe(list);
    expect(r.open).toEqual({ t: 'R' });
    expect(read.filter((k) => !k.startsWith('open.'))).toEqual([]);
    expect(read).toContain('open.t');
    // Only in a call that may share (the merged tree): a copying call walks them as before.
    read.length = 0;
    const copy = fastResolve(original, () => false, new Set(), () => false, () => false, () => undefined, (o) => known.has(o));
    expect(copy(tree, {})).toEqual({ done: { body: { t: 'x' } }, list: ['p', 'q'], open: { t: 'R' } });
    expect(read).toContain('done.body');
  });
});

describeCdktf('the stack\'s merged tree (replaceResolve)', () => {
  test('resolved without a copy only when nothing else holds its parts: a stack with overrides is copied', () => {
    expect(replaceResolve(CDKTF_DIR) || (require(path.join(CDKTF_DIR, 'lib', 'tokens', 'private', 'resolve.js')).resolve as { fast?: boolean }).fast).toBe(true);
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'merged-tree-')) });
    const stack = new TerraformStack(app, 's');
    new TerraformVariable(stack, 'v', { type: 'string', default: 'x' });
    // deepMerge puts an override's array into the merged tree as it is: the result must not be that array.
    const list = ['a', 'b'];
    stack.addOverride('terraform.required_list', list);
    const out = stack.toTerraform() as { terraform: { required_list: string[] }; variable: unknown };
    expect(out.terraform.required_list).toEqual(['a', 'b']);
    expect(out.terraform.required_list).not.toBe(list);
    expect(out.variable).toEqual({ v: { default: 'x', type: 'string' } });
  });

  test('the resources taken as they are into the merged tree are not resolved a second time', () => {
    expect(replaceResolve(CDKTF_DIR) || (require(path.join(CDKTF_DIR, 'lib', 'tokens', 'private', 'resolve.js')).resolve as { fast?: boolean }).fast).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { TokenString } = require(path.join(CDKTF_DIR, 'lib', 'tokens', 'private', 'encoding.js'));
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'merged-tree-')) });
    const stack = new TerraformStack(app, 's');
    // A string that looks like a number token in text: fastResolve hands it to cdktf's resolve, which looks for one.
    new TerraformVariable(stack, 'v', { type: 'string', default: 'rate 1e5' });
    const spy = jest.spyOn(TokenString, 'forNumbers');
    try {
      const out = stack.toTerraform() as { variable: unknown };
      expect(out.variable).toEqual({ v: { default: 'rate 1e5', type: 'string' } });
      // Once for the element's own resolve; the stack's resolve of the merged tree leaves the variable's body alone.
      expect(spy.mock.calls.filter(([str]) => str === 'rate 1e5')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describeCdktf('memoizeBinaryVersionChecks', () => {
  test('runs each distinct version check once, with the same results', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { ValidateBinaryVersion } = require('cdktf/lib/validations/validate-binary-version');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-check-'));
    try {
      const log = path.join(dir, 'runs');
      const command = `sh -c 'echo run >> "${log}"; echo tool v1.9.0'`;
      const check = (range: string) => new ValidateBinaryVersion('tool', range, command, 'hint').validate();
      const runs = () => fs.readFileSync(log, 'utf8').trim().split('\n').length;
      expect(memoizeBinaryVersionChecks(CDKTF_DIR)).toBe(true);
      expect(check('>=1.5')).toEqual([]);
      expect(check('>=1.5')).toEqual([]);
      expect(runs()).toBe(1);
      expect(check('>=2.0')).toEqual(['tool version 1.9.0 is lower than the required version >=2.0 for this construct. hint']);
      expect(check('>=2.0')).toHaveLength(1);
      expect(runs()).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('useFastSynthesis', () => {
  /** Synthesizes in a child process (the replacements are process-wide); returns the cdk.tf.json files by path. */
  function synth(env: Record<string, string>): { used: string[]; files: Record<string, string> } {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-synth-'));
    const script = [
      "const { useFastSynthesis } = require('./dist/constructs/core/synth-performance.js');",
      'const used = useFastSynthesis();',
      "const cdktf = require('cdktf');",
      "const { addDay2Cluster } = require('./dist/examples/talos-day2.js');",
      "const { ProxmoxConnection } = require('./dist/constructs/proxmox/connection.js');",
      `const app = new cdktf.App({ outdir: ${JSON.stringify(outdir)} });`,
      "const day2 = new cdktf.TerraformStack(app, 'day2');",
      "addDay2Cluster(day2, new ProxmoxConnection(day2, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));",
      "const s = new cdktf.TerraformStack(app, 'tokens');",
      "const v = new cdktf.TerraformVariable(s, 'v', { type: 'list(string)' });",
      "new cdktf.TerraformOutput(s, 'o', { value: { joined: cdktf.Fn.join(',', v.listValue), n: cdktf.Token.asNumber(cdktf.Lazy.numberValue({ produce: () => 3 })), e: {}, l: [], s: '$${x}', 10: 'ten', 9: 'nine' } });",
      'app.synth();',
      'process.stdout.write(JSON.stringify(used));',
    ].join('\n');
    try {
      const used = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }));
      const files: Record<string, string> = {};
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name === 'cdk.tf.json') files[path.relative(outdir, p)] = fs.readFileSync(p, 'utf8');
        }
      };
      walk(outdir);
      return { used, files };
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  test('synthesizes byte-identical cdk.tf.json with and without the replacements', () => {
    // The Talos day-2 example (pools, hardware, upgrades) and a stack of hand-made token kinds. Under another
    // toolchain (the CDK Terrain flavour) nothing is replaced.
    const fast = synth({ PROXMOX_CDKTF_PLAIN_SYNTH: '' });
    const plain = synth({ PROXMOX_CDKTF_PLAIN_SYNTH: '1' });
    expect(fast.used).toEqual(IS_CDKTF_021 ? ['json-stable-stringify', 'resolve', 'binary-version-checks', 'lone-stack-prepare'] : []);
    expect(plain.used).toEqual([]);
    expect(Object.keys(fast.files).length).toBeGreaterThanOrEqual(2);
    expect(fast.files).toEqual(plain.files);
  });
});
