import { execFileSync } from 'child_process';
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
