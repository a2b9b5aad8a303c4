// End-to-end checks of the -fw_cfg escaping: cdktf synth -> real Terraform -> real Perl shellwords (what Proxmox
// runs on `args`) -> real QEMU, which must hand the guest the content byte for byte. Pure unit tests at the end.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataResource, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ValidationError } from '../../constructs/core/errors';
import {
  assertKvmArgumentsAllowed,
  escapeForQemuOptValue,
  FLATCAR_IGNITION_FW_CFG_NAME,
  fwCfgArgument,
  FwCfgEntry,
  fwCfgPreconditions,
  joinKvmArguments,
  MAX_ARG_STRLEN,
  shellQuoteForProxmox,
  validateFwCfgName,
} from '../../constructs/proxmox/qemu-args';
import { describeIfTool, findTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { QEMU_TIMEOUT_MS, QemuQtest, qemuFwCfg, shellwords, SplitResult } from '../helpers/qemu-fwcfg';

const NAME = FLATCAR_IGNITION_FW_CFG_NAME;
const PREFIX = `name=${NAME},string=`;
const PREFIX_BYTES = Buffer.byteLength(PREFIX); // 41
const LIMIT = MAX_ARG_STRLEN - 1; // bytes of one argv element without its NUL

// Outside tools, found like the other tests do ($<NAME>_BIN or PATH); see ../helpers/tools.ts.
const TERRAFORM = findTool('terraform') ?? 'terraform';

// ---------------------------------------------------------------------------------------------------------
// The corpus. Contents are passed to Terraform through a JSON var file, so nothing here is escaped by hand.

const bytesOf = (s: string) => Buffer.byteLength(s, 'utf8');
const argvBytes = (s: string) => PREFIX_BYTES + bytesOf(s.replace(/,/g, ',,'));

const IGNITION = JSON.stringify({
  ignition: { version: '3.4.0' },
  passwd: { users: [{ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq8 me@host'] }] },
  storage: {
    files: [
      { path: '/etc/hostname', mode: 420, contents: { source: 'data:,node-1' } },
      { path: '/etc/motd', contents: { source: 'data:,Hello%2C%20%22world%22%0A' } },
      {
        path: '/opt/bin/hi',
        mode: 493,
        contents: { compression: 'gzip', source: 'data:;base64,H4sIAAAAAAAC/8pIzcnJBwQAAP//' },
      },
    ],
  },
  systemd: {
    units: [{
      name: 'hello.service',
      enabled: true,
      contents: '[Unit]\nDescription=Say "hi, there"\n[Service]\nType=oneshot\n' +
        'ExecStart=/bin/sh -c \'echo "a,b" \\\\$HOME ${PATH} %i `id`\'\n[Install]\nWantedBy=multi-user.target\n',
    }],
  },
});

const HOSTILE_UNIT = 'a,"\\\'$`{%}${x}%{y} é😀\t,,\\"';
const EURO_AT_LIMIT = ','.repeat(10) + '€'.repeat(43670); // 41 + 20 + 131010 = 131071 bytes

const CORPUS: Record<string, string> = {
  plain: 'hello',
  comma: 'a,b',
  commas: ',,a,,,b,',
  dquote: 'say "hi"',
  squote: "it's",
  'mixed-quotes': `"'"'`,
  backslash: 'a\\b',
  'trailing-backslash': 'abc\\',
  'only-backslash': '\\',
  'escaped-quote': '\\"',
  'double-backslash-quote': '\\\\"\\',
  dollar: '$HOME $1 $$',
  'tf-interpolation': '${x}',
  'tf-escaped-interpolation': '$${x}',
  'tf-directive': '%{if true}yes%{endif}',
  'tf-escaped-directive': '%%{x}',
  'dollar-before-brace': '$',
  backticks: '`id` $(id)',
  'spaces-tabs': '  a \t b  ',
  'option-lookalike': '-S -name x',
  'qemu-injection': 'x,file=/etc/passwd,string=y',
  'qemu-help': 'help',
  unicode: 'Grüße — 日本語 ✓',
  emoji: '👨‍👩‍👧‍👦 🏳️‍🌈 😀',
  'combining-not-nfc': 'e\u0301 a\u0308 \u1100\u1161',
  'unicode-spaces': '\u00a0\u2028\u2029\u3000\u0085',
  ignition: IGNITION,
  'hostile-100k': HOSTILE_UNIT.repeat(Math.floor(102400 / bytesOf(HOSTILE_UNIT))),
  'plain-100k': 'x'.repeat(102400),
  'quotes-99': '"'.repeat(99),
  'quotes-100': '"'.repeat(100),
  'quotes-101': '"'.repeat(101),
  'backslashes-200': '\\'.repeat(200),
  // More escapes than Perl's regex engine iterates in one quoted word (65534): needs the segment breaks.
  'quotes-70000': '"'.repeat(70000),
  'backslashes-70000': '\\'.repeat(70000),
  'escapes-sparse-tail': '"'.repeat(150) + 'y'.repeat(60000) + '\\'.repeat(99) + 'z'.repeat(100),
  'euro-at-limit': EURO_AT_LIMIT,
};

/** Content for the `file=` form: host paths QEMU reads; the test creates them under a temp dir. */
const FILE_CASES: Record<string, { dir: string; body: string }> = {
  'file-plain': { dir: 'snippets', body: 'plain file content\n' },
  'file-hostile': { dir: 'a,b "c" \'d\' \\e $f ${g} %{h} ü', body: IGNITION },
};

/** Precondition cases: [content, non-empty, no line break/NUL, size] expected. */
const PRECONDITION_CASES: Record<string, [string, boolean, boolean, boolean]> = {
  ok: ['{"ignition":{"version":"3.4.0"}}', true, true, true],
  empty: ['', false, true, true],
  newline: ['{"a":\n1}', true, false, true],
  'carriage-return': ['a\rb', true, false, true],
  nul: ['a\u0000b', true, false, true],
  'at-limit': [EURO_AT_LIMIT, true, true, true],
  'over-limit': [EURO_AT_LIMIT + 'x', true, true, false],
  'over-by-comma-doubling': [',' + '€'.repeat(43676) + 'x', true, true, false],
  'emoji-at-limit': ['😀'.repeat(32757) + 'xy', true, true, true],
  'emoji-over-limit': ['😀'.repeat(32757) + 'xyz', true, true, false],
};

test('the corpus hits the byte limits it claims to', () => {
  expect(argvBytes(EURO_AT_LIMIT)).toBe(LIMIT);
  expect(argvBytes(PRECONDITION_CASES['over-by-comma-doubling'][0])).toBe(LIMIT + 1);
  expect(PREFIX_BYTES + bytesOf(PRECONDITION_CASES['over-by-comma-doubling'][0])).toBe(LIMIT); // fits before doubling
  expect(argvBytes(PRECONDITION_CASES['emoji-at-limit'][0])).toBe(LIMIT);
  expect(argvBytes(PRECONDITION_CASES['emoji-over-limit'][0])).toBe(LIMIT + 1);
  expect(argvBytes(CORPUS['hostile-100k'])).toBeGreaterThan(100 * 1024);
  expect(argvBytes(CORPUS['hostile-100k'])).toBeLessThanOrEqual(LIMIT);
});

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** Compares long strings without printing 100 KiB diffs: reports the first differing position. */
function expectSame(actual: string | undefined, expected: string, label: string): void {
  if (actual === expected) return;
  if (actual === undefined) throw new Error(`${label}: got undefined`);
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 40));
  throw new Error(`${label}: differ at ${i} (lengths ${actual.length} vs ${expected.length}): ` +
    `got ${around(actual)}, want ${around(expected)}`);
}

/** QEMU util/qemu-option.c: a key ends at '=' or ','; a value ends at a single ',', and ',,' is a literal ','. */
function parseQemuOpts(s: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] !== '=' && s[j] !== ',') j++;
    const key = s.slice(i, j);
    if (s[j] !== '=') {
      out.push([key, 'on']);
      i = j + 1;
      continue;
    }
    let value = '';
    for (j++; j < s.length; j++) {
      if (s[j] === ',') {
        if (s[j + 1] !== ',') break;
        j++;
      }
      value += s[j];
    }
    out.push([key, value]);
    i = j + 1;
  }
  return out;
}

function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `qemu-args-${tag}-`));
}

const TF_ENV = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };

function terraform(dir: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(TERRAFORM, args, { cwd: dir, env: TF_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function terraformOk(dir: string, args: string[]): string {
  const r = terraform(dir, args);
  if (r.status !== 0) throw new Error(`terraform ${args.join(' ')} failed:\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

/** Writes the synthesized stack and the var file into a fresh dir and runs `terraform init`. */
function terraformDir(tag: string, stack: TerraformStack, vars: Record<string, string>): string {
  const dir = tempDir(tag);
  fs.writeFileSync(path.join(dir, 'main.tf.json'), Testing.synth(stack));
  fs.writeFileSync(path.join(dir, 'vars.tfvars.json'), JSON.stringify(vars));
  terraformOk(dir, ['init', '-no-color', '-input=false']);
  return dir;
}

// ---------------------------------------------------------------------------------------------------------
async function inPool<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Terraform evaluates the synthesized expressions for the whole corpus in one run.

interface Evaluated {
  /** kvm_arguments text after Terraform, for the token content / the synth-time (plain) content. */
  readonly arg: Record<string, string>;
  readonly plain: Record<string, string>;
  readonly preconditions: Record<string, boolean[]>;
  readonly sizeMessage: Record<string, string>;
  readonly fileArg: Record<string, string>;
  readonly fileRoot: string;
}

function evaluateWithTerraform(): Evaluated {
  const fileRoot = tempDir('files');
  const filePaths: Record<string, string> = {};
  for (const [id, c] of Object.entries(FILE_CASES)) {
    fs.mkdirSync(path.join(fileRoot, c.dir), { recursive: true });
    filePaths[id] = path.join(fileRoot, c.dir, `${id}.ign`);
    fs.writeFileSync(filePaths[id], c.body);
  }

  const stack = new TerraformStack(Testing.app(), 'qemu-args');
  const vars: Record<string, string> = {};
  const ids = Object.keys(CORPUS);
  ids.forEach((id, i) => {
    vars[`c${i}`] = CORPUS[id];
    const content = new TerraformVariable(stack, `c${i}`, { type: 'string' }).stringValue;
    new TerraformOutput(stack, `arg${i}`, { value: fwCfgArgument({ name: NAME, content }) });
    new TerraformOutput(stack, `plain${i}`, { value: fwCfgArgument({ name: NAME, content: CORPUS[id] }) });
    new TerraformOutput(stack, `pre${i}`, { value: fwCfgPreconditions({ name: NAME, content }).map((p) => p.condition) });
  });
  const pids = Object.keys(PRECONDITION_CASES);
  pids.forEach((id, i) => {
    vars[`p${i}`] = PRECONDITION_CASES[id][0];
    const content = new TerraformVariable(stack, `p${i}`, { type: 'string' }).stringValue;
    const pre = fwCfgPreconditions({ name: NAME, content });
    new TerraformOutput(stack, `pc${i}`, { value: pre.map((p) => p.condition) });
    new TerraformOutput(stack, `pm${i}`, { value: pre[2].errorMessage });
  });
  const fids = Object.keys(FILE_CASES);
  fids.forEach((id, i) => {
    vars[`f${i}`] = filePaths[id];
    const file = new TerraformVariable(stack, `f${i}`, { type: 'string' }).stringValue;
    new TerraformOutput(stack, `farg${i}`, { value: fwCfgArgument({ name: 'opt/test/file', file }) });
  });

  const dir = terraformDir('eval', stack, vars);
  let out: Record<string, { value: unknown }>;
  try {
    terraformOk(dir, ['apply', '-no-color', '-auto-approve', '-input=false', '-var-file=vars.tfvars.json']);
    out = JSON.parse(terraformOk(dir, ['output', '-no-color', '-json']));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const v = (k: string) => out[k]?.value;
  const byId = <T>(list: string[], key: (i: number) => string) =>
    Object.fromEntries(list.map((id, i) => [id, v(key(i)) as T]));
  return {
    arg: byId(ids, (i) => `arg${i}`),
    plain: byId(ids, (i) => `plain${i}`),
    preconditions: { ...byId(ids, (i) => `pre${i}`), ...byId(pids.map((p) => `case:${p}`), (i) => `pc${i}`) },
    sizeMessage: byId(pids, (i) => `pm${i}`),
    fileArg: byId(fids, (i) => `farg${i}`),
    fileRoot,
  };
}

/** What the guest must read: Terraform normalizes every string to NFC, everything after it is byte-exact. */
const expectedContent = (id: string) => CORPUS[id].normalize('NFC');

describeIfTool([...OFFLINE_TERRAFORM, 'perl'], 'fw_cfg through Terraform and Proxmox shellwords', () => {
  let ev: Evaluated;
  let split: Record<string, SplitResult>;
  let perlWarnings: string[];
  const ids = Object.keys(CORPUS);
  const fids = Object.keys(FILE_CASES);

  beforeAll(() => {
    ev = evaluateWithTerraform();
    const inputs = [...ids.map((id) => ev.arg[id]), ...fids.map((id) => ev.fileArg[id])];
    const r = shellwords(inputs);
    perlWarnings = r.warnings;
    split = Object.fromEntries([...ids, ...fids].map((id, i) => [id, r.results[i]]));
  });

  afterAll(() => {
    if (ev) fs.rmSync(ev.fileRoot, { recursive: true, force: true });
  });

  it('Terraform normalizes strings to NFC (so that is what the guest gets)', () => {
    const id = 'combining-not-nfc';
    expect(expectedContent(id)).not.toBe(CORPUS[id]);
    const argv = split[id].bytes;
    expect(argv[1]).toBe(PREFIX + escapeForQemuOptValue(expectedContent(id)));
  });

  it('Perl splits every entry without warnings (e.g. no regex recursion limit)', () => {
    expect(perlWarnings).toEqual([]);
  });

  it.each(ids)('%s: the plan-time expression, the synth-time literal and the pure TS agree', (id) => {
    const want = `-fw_cfg ${shellQuoteForProxmox(PREFIX + escapeForQemuOptValue(expectedContent(id)))}`;
    expectSame(ev.arg[id], want, 'token content');
    expectSame(ev.plain[id], want, 'plain content');
  });

  it.each(ids)('%s: shellwords yields [-fw_cfg, name=...,string=<content, commas doubled>]', (id) => {
    const want = PREFIX + expectedContent(id).replace(/,/g, ',,');
    for (const mode of ['bytes', 'chars'] as const) {
      const argv = split[id][mode];
      expect(argv.length).toBe(2);
      expect(argv[0]).toBe('-fw_cfg');
      expectSame(argv[1], want, `${mode} mode`);
    }
  });

  it.each(ids)('%s: QemuOpts parsing gives back the content', (id) => {
    const opts = parseQemuOpts(split[id].bytes[1]);
    expect(opts.map(([k]) => k)).toEqual(['name', 'string']);
    expect(opts[0][1]).toBe(NAME);
    expectSame(opts[1][1], expectedContent(id), 'string=');
  });

  it.each(ids)('%s: all preconditions hold for valid content', (id) => {
    expect(ev.preconditions[id]).toEqual([true, true, true]);
  });

  it.each(Object.entries(PRECONDITION_CASES))('precondition case %s', (id, [content, nonEmpty, noBreak, size]) => {
    expect(ev.preconditions[`case:${id}`]).toEqual([nonEmpty, noBreak, size]);
    // The message reports the exact byte count Terraform computed.
    expect(ev.sizeMessage[id]).toContain(`got ${argvBytes(content.normalize('NFC'))} bytes`);
  });

  it.each(fids)('%s: the file= form survives Terraform and shellwords', (id) => {
    const argv = split[id].bytes;
    expect(argv[0]).toBe('-fw_cfg');
    const opts = parseQemuOpts(argv[1]);
    expect(opts.map(([k]) => k)).toEqual(['name', 'file']);
    expect(opts[1][1]).toBe(path.join(ev.fileRoot, FILE_CASES[id].dir, `${id}.ign`));
  });

  it('Linux refuses an argv element of MAX_ARG_STRLEN bytes and takes one byte less', () => {
    expect(spawnSync('true', ['x'.repeat(LIMIT)]).error).toBeUndefined();
    expect((spawnSync('true', ['x'.repeat(LIMIT + 1)]).error as NodeJS.ErrnoException | undefined)?.code).toBe('E2BIG');
  });

  it('the naive single-segment quoting really loses every argument beyond 65534 escapes', () => {
    // Why the rules close and reopen the quotes: `\"` x 70000 in one quoted word makes shellwords return ().
    const naive = `-fw_cfg "${'\\"'.repeat(70000)}"`;
    const r = shellwords([naive]);
    expect(r.results[0].bytes).toEqual([]);
    expect(r.warnings.join('')).toContain('Complex regular subexpression recursion limit');
  });

  describeIfTool(['qemu-system-x86_64'], 'real QEMU', () => {
    let read: Record<string, Buffer | undefined>;

    beforeAll(async () => {
      const jobs: Array<[string, string, string]> = [
        ...ids.map((id): [string, string, string] => [id, split[id].bytes[1], NAME]),
        ...fids.map((id): [string, string, string] => [id, split[id].bytes[1], 'opt/test/file']),
      ];
      const width = Math.max(2, Math.min(8, os.cpus().length));
      const blobs = await inPool(jobs, width, ([, element, name]) => qemuFwCfg(element, name));
      read = Object.fromEntries(jobs.map(([id], i) => [id, blobs[i]]));
    });

    it.each(ids)('%s: the guest reads the content byte for byte', (id) => {
      const blob = read[id];
      expect(blob).toBeDefined();
      expect(blob!.equals(Buffer.from(expectedContent(id), 'utf8'))).toBe(true);
    });

    it.each(fids)('%s: the guest reads the host file byte for byte', (id) => {
      expect(read[id]?.equals(Buffer.from(FILE_CASES[id].body, 'utf8'))).toBe(true);
    });

    it('QEMU takes a 55-character name and refuses 56 characters and an empty string', async () => {
      const name55 = `opt/${'n'.repeat(51)}`;
      expect((await qemuFwCfg(`name=${name55},string=x`, name55))?.toString()).toBe('x');
      for (const [element, message] of [
        [`name=opt/${'n'.repeat(52)},string=x`, 'name too long'],
        [`name=${NAME},string=`, 'exactly one of'],
      ]) {
        const q = new QemuQtest(['-fw_cfg', element]);
        const exited = await q.exitWithin(QEMU_TIMEOUT_MS);
        q.close();
        expect(exited?.message).toContain(message);
      }
    });
  });
});

describeIfTool([...OFFLINE_TERRAFORM], 'fw_cfg preconditions stop a real plan', () => {
  function plan(content: string): { status: number; stderr: string } {
    const stack = new TerraformStack(Testing.app(), 'precondition');
    const c = new TerraformVariable(stack, 'c', { type: 'string' }).stringValue;
    const entry = { name: NAME, content: c };
    new DataResource(stack, 'vm', {
      input: { args: fwCfgArgument(entry) },
      lifecycle: { precondition: fwCfgPreconditions(entry) },
    });
    const dir = terraformDir('plan', stack, { c: content });
    try {
      const r = terraform(dir, ['plan', '-no-color', '-input=false', '-var-file=vars.tfvars.json']);
      return { status: r.status, stderr: r.stderr.replace(/[│\s]+/g, ' ') }; // Terraform wraps messages
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('passes compact JSON', () => {
    expect(plan(IGNITION).status).toBe(0);
  });

  it('refuses a line feed and names the alternatives', () => {
    const r = plan('{\n"ignition": {}}');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`The content of fw_cfg entry '${NAME}' must not contain a line feed`);
    expect(r.stderr).toContain('pretty_print = false');
    expect(r.stderr).toContain('cloud-init');
  });

  it('refuses content one byte over MAX_ARG_STRLEN and reports its size', () => {
    const r = plan(EURO_AT_LIMIT + 'x');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`at most ${LIMIT} bytes (Linux MAX_ARG_STRLEN), got ${LIMIT + 1} bytes`);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Pure unit tests

describe('pure escaping', () => {
  it('doubles commas for QemuOpts', () => {
    expect(escapeForQemuOptValue('a,b,,c')).toBe('a,,b,,,,c');
  });

  it('emits synth-time text with many template sequences through base64decode (HCL parses escapes in O(n^2))', () => {
    expect(fwCfgArgument({ name: NAME, content: CORPUS['hostile-100k'] }))
      .toMatch(/^\$\{base64decode\("[A-Za-z0-9+/=]+"\)\}$/);
    expect(fwCfgArgument({ name: NAME, content: '${x}'.repeat(1000) })).toMatch(/^-fw_cfg "name=/);
  });

  it('double-quotes for shellwords and breaks the quotes every 100 escapes', () => {
    expect(shellQuoteForProxmox(`a"b\\c'$`)).toBe(`"a\\"b\\\\c'$"`);
    expect(shellQuoteForProxmox('"'.repeat(100))).toBe(`"${'\\"'.repeat(100)}"""`);
    expect(shellQuoteForProxmox('"'.repeat(99))).toBe(`"${'\\"'.repeat(99)}"`);
  });
});

describe('synth-time validation', () => {
  const problem = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).problems.join('\n');
    }
    throw new Error('expected a ValidationError');
  };

  it.each([NAME, 'opt/com.coreos/config', `opt/${'a'.repeat(51)}`])('accepts the fw_cfg name %s', (name) => {
    expect(() => validateFwCfgName('vm', name, 'fwCfg[0].name')).not.toThrow();
  });

  it.each([
    ['etc/x', "'fwCfg[0].name' must start with 'opt/' and contain only [A-Za-z0-9._/-], got \"etc/x\". " +
      "Use a key like 'opt/org.flatcar-linux/config'."],
    ['opt/', "must start with 'opt/'"],
    ['opt/a,b', 'contain only [A-Za-z0-9._/-]'],
    ['opt/a b', 'contain only'],
    [`opt/${'a'.repeat(52)}`, 'be at most 55 characters'],
  ])('refuses the fw_cfg name %s', (name, message) => {
    expect(problem(() => validateFwCfgName('vm', name, 'fwCfg[0].name'))).toContain(message);
  });

  it('refuses a name only known at plan time', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const name = new TerraformVariable(stack, 'n', { type: 'string' }).stringValue;
    expect(problem(() => validateFwCfgName(stack, name, 'name')))
      .toContain("'name' must be a string known at synth time");
  });

  it.each([
    ['newline', { name: NAME, content: 'a\nb' }, "'content' must not contain a line feed, carriage return or NUL"],
    ['empty', { name: NAME, content: '' }, "'content' must not be empty"],
    ['over-limit', { name: NAME, content: EURO_AT_LIMIT + 'x' },
      `'content' must make a QEMU argument of at most ${LIMIT} bytes (Linux MAX_ARG_STRLEN), got ${LIMIT + 1}.`],
    ['both', { name: NAME, content: 'x', file: '/x' }, "'content' must be set, or 'file' instead, but not both"],
    ['neither', { name: NAME }, "'content' must be set, or 'file' instead"],
    ['relative file', { name: NAME, file: 'relative.ign' }, "'file' must be an absolute path on the Proxmox host"],
  ])('fwCfgArgument checks plain values: %s', (_, entry, message) => {
    expect(problem(() => fwCfgArgument(entry as FwCfgEntry))).toContain(message);
  });

  it('accepts plain content exactly at the byte limit', () => {
    expect(() => fwCfgArgument({ name: NAME, content: EURO_AT_LIMIT })).not.toThrow();
  });

  it('refuses a string mixing literals and tokens, whose literals cdktf would escape wrongly', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    expect(problem(() => fwCfgArgument({ name: NAME, content: `x\\${v}` })))
      .toContain('be a plain string or a single Terraform token');
  });

  it('has no preconditions for plain values (they are checked at synth time)', () => {
    expect(fwCfgPreconditions({ name: NAME, content: 'x' })).toEqual([]);
  });

  it('joins kvm_arguments, dropping blanks', () => {
    expect(joinKvmArguments([' -no-reboot ', undefined, '', fwCfgArgument({ name: NAME, content: 'a,b' })]))
      .toBe(`-no-reboot -fw_cfg "${PREFIX}a,,b"`);
    expect(joinKvmArguments([undefined, ' '])).toBeUndefined();
    expect(problem(() => joinKvmArguments(['-a\n-b']))).toContain("'kvm_arguments' must not contain line breaks");
  });
});

describe('assertKvmArgumentsAllowed', () => {
  const scope = new TerraformStack(Testing.app(), 'cluster');

  it.each(['root-password', 'api-token+root-password'] as const)('allows %s', (mode) => {
    expect(() => assertKvmArgumentsAllowed(scope, mode, 'kvmArguments')).not.toThrow();
  });

  it('refuses an API token and names the alternatives', () => {
    let message = '';
    try {
      assertKvmArgumentsAllowed(scope, 'api-token', 'fwCfg');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^cluster: 'fwCfg' must be set only through a root@pam password connection .*, got "api-token"\. /);
    const alternatives = ["'root-password'", "'api-token+root-password'", 'root alias', 'cloud-init drive', "'proxmoxve'", 'snippet'];
    for (const alternative of alternatives) {
      expect(message).toContain(alternative);
    }
  });
});
