// core/lone-stack.ts: an app's only stack skips cdktf's preparing run (which exists for cross-stack references);
// an app with several stacks keeps it, and its cross-stack references still become outputs and remote states.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PKG = require('cdktf/package.json');
const IS_CDKTF_021 = PKG.name === 'cdktf' && /^0\.21\./.test(PKG.version);

interface Result { used: string[]; toTerraformCalls: number; resources: number; files: Record<string, string> }

/**
 * Synthesizes in a child process (the replacement is process-wide): `stacks` = 1 gives the Talos day-2 example alone;
 * 2 adds a second stack whose resource uses an attribute of the first stack's VM (a cross-stack reference).
 * Counts the calls of every resource's and data source's toTerraform().
 */
function synth(stacks: 1 | 2, plain: boolean): Result {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lone-stack-'));
  const script = [
    "const { useFastSynthesis } = require('./dist/constructs/core/synth-performance.js');",
    'const used = useFastSynthesis();',
    "const cdktf = require('cdktf');",
    'let calls = 0; let resources = 0;',
    'for (const C of [cdktf.TerraformResource, cdktf.TerraformDataSource]) {',
    '  const t = C.prototype.toTerraform; C.prototype.toTerraform = function () { calls++; return t.call(this); };',
    '}',
    "const { addDay2Cluster } = require('./dist/examples/talos-day2.js');",
    "const { ProxmoxConnection } = require('./dist/constructs/proxmox/connection.js');",
    `const app = new cdktf.App({ outdir: ${JSON.stringify(outdir)} });`,
    "const day2 = new cdktf.TerraformStack(app, 'day2');",
    "addDay2Cluster(day2, new ProxmoxConnection(day2, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));",
    `if (${stacks} === 2) {`,
    "  const vm = day2.node.findAll().find((c) => c.terraformResourceType === 'proxmox_virtual_environment_vm');",
    "  const other = new cdktf.TerraformStack(app, 'other');",
    "  new cdktf.TerraformOutput(other, 'firstVmId', { value: vm.vmId });",
    '}',
    "for (const c of app.node.findAll()) if (c instanceof cdktf.TerraformResource || c instanceof cdktf.TerraformDataSource) resources++;",
    'app.synth();',
    'process.stdout.write(JSON.stringify({ used, calls, resources }));',
  ].join('\n');
  try {
    const env = { ...process.env, PROXMOX_CDKTF_PLAIN_SYNTH: plain ? '1' : '' };
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' }));
    const files: Record<string, string> = {};
    for (const dir of fs.readdirSync(path.join(outdir, 'stacks'))) {
      files[dir] = fs.readFileSync(path.join(outdir, 'stacks', dir, 'cdk.tf.json'), 'utf8').split(outdir).join('<outdir>');
    }
    return { used: out.used, toTerraformCalls: out.calls, resources: out.resources, files };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('skipLoneStackPreparingRun', () => {
  test('an app with one stack: each element turned into Terraform once, not twice; the same cdk.tf.json', () => {
    const fast = synth(1, false);
    const plain = synth(1, true);
    expect(plain.used).toEqual([]);
    // cdktf's own path turns every element present at synth into Terraform in prepareStack's run and again in the
    // stack's toTerraform (elements the aspects add later only in the second); the fast path skips the first.
    expect(plain.toTerraformCalls).toBeGreaterThanOrEqual(2 * plain.resources);
    if (IS_CDKTF_021) {
      expect(fast.used).toContain('lone-stack-prepare');
      expect(plain.toTerraformCalls - fast.toTerraformCalls).toBeGreaterThanOrEqual(plain.resources);
    }
    expect(fast.resources).toBeGreaterThan(20);
    expect(Object.keys(fast.files)).toEqual(['day2']);
    expect(fast.files).toEqual(plain.files);
  });

  test('an app with two stacks keeps the run: the cross-stack reference becomes an output and a remote state', () => {
    const fast = synth(2, false);
    const plain = synth(2, true);
    expect(fast.toTerraformCalls).toBe(plain.toTerraformCalls);
    expect(fast.toTerraformCalls).toBeGreaterThanOrEqual(2 * fast.resources);
    expect(Object.keys(fast.files).sort()).toEqual(['day2', 'other']);
    const day2 = JSON.parse(fast.files.day2);
    const other = JSON.parse(fast.files.other);
    expect(Object.keys(day2.output ?? {}).some((k) => k.startsWith('cross-stack-output-'))).toBe(true);
    expect(Object.keys(other.data?.terraform_remote_state ?? {})).toHaveLength(1);
    expect(other.output.firstVmId.value).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\./);
    expect(fast.files).toEqual(plain.files);
  });
});
