import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Run in child processes: the switch is process-wide and must not leak into other tests.
const ROOT = path.resolve(__dirname, '..', '..');

function creationStackLength(env: Record<string, string>): number {
  const script = [
    "const { skipTokenCreationStacks } = require('./dist/constructs/core/synth-performance.js');",
    'const applied = skipTokenCreationStacks();',
    "const { Lazy, Tokenization } = require('cdktf');",
    "const t = Lazy.stringValue({ produce: () => 'x' });",
    'const r = Tokenization.reverseString(t).firstToken;',
    'process.stdout.write(JSON.stringify({ applied, n: r.creationStack.length }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  const { applied, n } = JSON.parse(out);
  return applied ? n : -1 - n;
}

describe('skipTokenCreationStacks', () => {
  test('tokens carry no creation stack once applied', () => {
    expect(creationStackLength({ PROXMOX_CDKTF_TOKEN_TRACES: '' })).toBe(0);
  });

  test('PROXMOX_CDKTF_TOKEN_TRACES=1 keeps the traces', () => {
    // Not applied (negative), and the token still has its trace (length > 0, so the result is below -1).
    expect(creationStackLength({ PROXMOX_CDKTF_TOKEN_TRACES: '1' })).toBeLessThan(-1);
  });
});

describe('deferUnusedCdktfModules', () => {
  /** Runs `body` in a child process after deferral (or not) and the loading of cdktf; returns its JSON output. */
  function inChild(body: string[], env: Record<string, string> = {}): any {
    const script = [
      "const { deferUnusedCdktfModules } = require('./dist/constructs/core/synth-performance.js');",
      'const deferred = deferUnusedCdktfModules();',
      "const cdktf = require('cdktf');",
      "const archiverLoaded = () => Object.keys(require.cache).some((k) => /[\\/]archiver[\\/]lib[\\/]core\\.js$/.test(k));",
      "const semverLoaded = () => Object.keys(require.cache).some((k) => /[\\/]semver[\\/]functions[\\/]satisfies\\.js$/.test(k));",
      ...body,
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    return JSON.parse(out);
  }

  test('cdktf loads and synthesizes without loading archiver or semver', () => {
    const r = inChild([
      "const app = new cdktf.App({ outdir: require('os').tmpdir() + '/defer-' + process.pid });",
      "new cdktf.TerraformOutput(new cdktf.TerraformStack(app, 's'), 'o', { value: 'x' });",
      'app.synth();',
      'process.stdout.write(JSON.stringify({ deferred, loaded: archiverLoaded() || semverLoaded() }));',
    ]);
    expect(r).toEqual({ deferred: ['archiver', 'semver'], loaded: false });
  });

  test('the stand-in loads the real archiver on first use and behaves like it', () => {
    const r = inChild([
      "const archiver = require(require.resolve('archiver', { paths: [require('path').dirname(require.resolve('cdktf/package.json'))] }));",
      'const before = archiverLoaded();',
      "const zip = archiver('zip');",
      "process.stdout.write(JSON.stringify({ deferred, before, after: archiverLoaded(), pipes: typeof zip.pipe, isFormat: typeof archiver.isRegisteredFormat === 'function' && archiver.isRegisteredFormat('zip') }));",
    ]);
    expect(r).toEqual({ deferred: ['archiver', 'semver'], before: false, after: true, pipes: 'function', isFormat: true });
  });

  test('cdktf\'s Terraform version check still works through the semver stand-in', () => {
    const r = inChild([
      "const { ValidateBinaryVersion } = require('cdktf/lib/validations/validate-binary-version');",
      "const check = (range) => new ValidateBinaryVersion('node', range, `${process.execPath} --version`, 'hint').validate();",
      "process.stdout.write(JSON.stringify({ deferred, before: semverLoaded(), ok: check('>=1.0.0'), bad: check('<1.0.0').length, after: semverLoaded() }));",
    ]);
    expect(r).toMatchObject({ deferred: ['archiver', 'semver'], before: false, ok: [], bad: 1, after: true });
  });

  test('the example app never loads semver: its stacks declare the Terraform version instead of running cdktf\'s check', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semver-'));
    try {
      const result = path.join(dir, 'loaded.json');
      const script = [
        `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(result)}, JSON.stringify(Object.keys(require.cache).filter((k) => /[\\/]semver[\\/](functions|classes|ranges)[\\/]/.test(k)).length)));`,
        "require('./dist/main.js');",
      ].join('\n');
      execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: path.join(dir, 'out'), HOMELAB_CONFIG: '' }, stdio: 'pipe' });
      expect(JSON.parse(fs.readFileSync(result, 'utf8'))).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('PROXMOX_CDKTF_EAGER_MODULES=1 leaves loading as cdktf does it', () => {
    const r = inChild(['process.stdout.write(JSON.stringify({ deferred, loaded: archiverLoaded() && semverLoaded() }));'], { PROXMOX_CDKTF_EAGER_MODULES: '1' });
    expect(r).toEqual({ deferred: [], loaded: true });
  });
});

describe('terraformData', () => {
  test('synthesis needs no terraform binary (cdktf would run `terraform version` for every terraform_data)', () => {
    const script = [
      "const { App, TerraformStack } = require('cdktf');",
      "const { terraformData } = require('./dist/constructs/core/terraform-data.js');",
      "const app = new App({ outdir: require('os').tmpdir() + '/tfdata-' + process.pid });",
      "const s = new TerraformStack(app, 's');",
      "terraformData(s, 'T', { input: 'x' });",
      'app.synth();',
      "const files = require('fs').readdirSync(app.outdir + '/stacks/s');",
      "require('fs').rmSync(app.outdir, { recursive: true, force: true });",
      'process.stdout.write(JSON.stringify(files));',
    ].join('\n');
    // PATH without terraform: the stock DataResource would fail validation ("Could not determine version of terraform").
    const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['cdk.tf.json']);
  });
});
