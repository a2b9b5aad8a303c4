import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeJsonFile } from '../../constructs/core/stack-writer';

const ROOT = path.resolve(__dirname, '..', '..');

const CDKTF_DIR = path.dirname(require.resolve('cdktf/package.json'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const IS_CDKTF_021 = /^0\.21\./.test(require('cdktf/package.json').version) && require('cdktf/package.json').name === 'cdktf';
const describeCdktf = IS_CDKTF_021 ? describe : describe.skip;
const realStringify = (o: unknown): string => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(require.resolve('json-stable-stringify', { paths: [CDKTF_DIR] }))(o, { space: 2 });
};

describeCdktf('writeJsonFile (cdk.tf.json piece by piece)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-writer-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const written = (o: unknown): string => {
    const file = path.join(dir, 'cdk.tf.json');
    writeJsonFile(file, o);
    return fs.readFileSync(file, 'utf8');
  };

  test('writes the bytes json-stable-stringify writes, at every level the writer splits and below', () => {
    const big = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`r${i}`, { text: `line\n${'x'.repeat(400)}`, n: i, e: {}, l: [] }]));
    const cases: unknown[] = [
      {}, { a: {} }, { a: { b: {} } }, { a: { b: { c: {} } } }, { a: [], b: [{}], c: null },
      { '//': { metadata: { version: '0.21.0' } }, resource: { t: { n: { a: 1, e: {}, l: [], u: undefined, f: () => 1 } } } },
      { resource: { t: { skip: undefined, fn: () => 1, keep: { x: 'é\u2028"' } } }, u: undefined },
      { 10: 'ten', 9: 'nine', a: { 10: { 2: 'two', 1: 'one' } } }, // array-index keys: sorted as text
      { d: new Date(0), j: { toJSON: () => ({ z: 1, y: [] }) }, n: { deep: { toJSON: () => 'as text' } } },
      { s: '\u0085{}', t: { u: { v: '\u0085[]', w: {} } } }, // the stand-ins' marker in strings
      { resource: big }, // many pieces of about a megabyte each
    ];
    for (const c of cases) expect(written(c)).toBe(realStringify(c));
  });

  test('refuses a cycle like json-stable-stringify', () => {
    const cycle: Record<string, unknown> = { a: { b: {} } };
    ((cycle.a as Record<string, unknown>).b as Record<string, unknown>).c = cycle;
    expect(() => realStringify(cycle)).toThrow('Converting circular structure to JSON');
    expect(() => written(cycle)).toThrow('Converting circular structure to JSON');
  });
});

describeCdktf('streamStackFiles', () => {
  test('a stand-in the stack synthesis does not write is an error, and nothing is deferred outside it', () => {
    // In a child process: the json-stable-stringify stand-in must be in place before cdktf loads (core/fast-start).
    const script = [
      "require('./dist/constructs/core/fast-start');",
      "const path = require('path');",
      "const dir = path.dirname(require.resolve('cdktf/package.json'));",
      "const { streamStackFiles } = require('./dist/constructs/core/stack-writer.js');",
      "const stringify = require(require.resolve('json-stable-stringify', { paths: [dir] }));",
      "const proto = require(path.join(dir, 'lib', 'synthesize', 'synthesizer.js')).StackSynthesizer.prototype;",
      'const out = { before: proto.streamsStackFiles === true };',
      // A synthesizer that takes the text and never writes it.
      "proto.synthesize = function leak() { out.leaked = stringify({ a: 1 }, { space: 2 }); };",
      'delete proto.streamsStackFiles;',
      'out.again = streamStackFiles(dir);',
      'try { proto.synthesize.call({}, {}); out.error = null; } catch (e) { out.error = e.message; }',
      "out.outside = stringify({ a: 1 }, { space: 2 });",
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(out.before).toBe(true); // fast-start switched it on
    expect(out.again).toBe(true);
    expect(out.error).toMatch(/1 deferred JSON text\(s\) were not written/);
    expect(out.leaked).toMatch(/^\u0000cdk\.tf\.json /);
    // Outside a stack's synthesis (manifest.json, cdktf's Testing) the text is written at once.
    expect(out.outside).toBe('{\n  "a": 1\n}');
  });
});
