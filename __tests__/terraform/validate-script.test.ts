// `npm run validate` (scripts/validate.js) end to end, on cdktf apps synthesized here: every stack
// gets init/validate/plan/apply/re-plan with one summary line, and any failure - invalid
// configuration, or a configuration that does not converge - exits non-zero with Terraform's
// own message.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { scaledTimeout } from '../helpers/timeouts';
import { flat, validate } from './support';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'validate.js');

/** Synthesize an app with the given stacks into a fresh directory. */
function synth(stacks: Record<string, (s: TerraformStack) => void>): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-script-'));
  const app = new App({ outdir });
  for (const [name, build] of Object.entries(stacks)) {
    const stack = new TerraformStack(app, name);
    new NullProvider(stack, 'null');
    build(stack);
  }
  app.synth();
  return outdir;
}

// A generous limit: on the shared 2-core machine at load 20 one run took over 60 s (it was killed, not failed).
const run = (args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: scaledTimeout(240_000) });

describeIfTool([...OFFLINE_TERRAFORM], 'scripts/validate.js', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await validate.stopHost();
  });

  test('validates every stack, one line each with timings and counts; passes dummy values for variables', () => {
    const outdir = synth({
      first: (s) => { new NullResource(s, 'a', { triggers: { x: '1' } }); new NullResource(s, 'b', {}); },
      second: (s) => {
        const token = new TerraformVariable(s, 'api_token', { type: 'string', sensitive: true });
        const sizes = new TerraformVariable(s, 'sizes', { type: 'object({ disk = number, tags = list(string), note = optional(string) })' });
        new NullResource(s, 'c', { triggers: { token: token.stringValue, disk: `\${var.sizes.disk}`, n: `\${length(var.sizes.tags)}` } });
        void sizes;
      },
    });
    dirs.push(outdir);
    const r = run(['--outdir', outdir]);
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^validate: 2 stack\(s\)/);
    expect(lines[1]).toMatch(/^validate: tools\/provider-libs (cached|built) in \d+\.\d\ds/);
    const line = (name: string) => lines.find((l) => l.startsWith(`ok   ${name} `));
    expect(line('first')).toMatch(/^ok {3}first \[offline\]: 2 resources, 0 data sources; plan \+2 ~0 -0, 0 data sources read; init \d+\.\d\ds validate \d+\.\d\ds plan \d+\.\d\ds apply \d+\.\d\ds replan \d+\.\d\ds \(no changes\) = \d+\.\d\ds; providers: hashicorp\/null 3\.2\.4$/);
    expect(line('second')).toMatch(/^ok {3}second \[offline\]: 1 resources, 0 data sources; plan \+1 ~0 -0,/);
    expect(lines[lines.length - 1]).toMatch(/^validate: 2 of 2 stack\(s\) ok in \d+\.\d\ds wall time$/);
  });

  test('an invalid stack fails the run with Terraform\'s message; the valid one still passes', () => {
    const outdir = synth({
      good: (s) => { new NullResource(s, 'a', {}); },
      bad: (s) => { new NullResource(s, 'a', { triggers: { x: '${null_resource.nope.id}' } }); },
    });
    dirs.push(outdir);
    const r = run(['--outdir', outdir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ok {3}good \[offline\]:/m);
    expect(r.stdout).toMatch(/^FAIL bad: terraform validate failed/m);
    expect(flat(r.stdout)).toContain('Error: Reference to undeclared resource');
    expect(r.stdout).toMatch(/^validate: 1 of 2 stack\(s\) ok/m);
  });

  test('a stack that does not converge (changes on the second plan) fails', () => {
    const outdir = synth({
      drifting: (s) => { new NullResource(s, 'a', { triggers: { now: '${timestamp()}' } }); },
    });
    dirs.push(outdir);
    const r = run(['--outdir', outdir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL drifting: terraform plan after apply (expected no changes) failed (exit 2)');
    expect(r.stdout).toContain('null_resource.a must be replaced');
  });

  test('--json prints the results with the plan of each stack', () => {
    const outdir = synth({ only: (s) => { new NullResource(s, 'a', { triggers: { x: '1' } }); } });
    dirs.push(outdir);
    const r = run(['--outdir', outdir, '--json']);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout);
    expect(result).toMatchObject({ ok: true, name: 'only', resources: 1 });
    expect(result.planJson.resource_changes.map((c: any) => [c.address, c.change.actions])).toEqual([['null_resource.a', ['create']]]);
  });

  test('--stack with an unknown name is an error', () => {
    const outdir = synth({ one: (s) => { new NullResource(s, 'a', {}); } });
    dirs.push(outdir);
    const r = run(['--outdir', outdir, '--stack', 'two']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no such stack: two (have: one)');
  });

  test('--plugin-dir: providers from a filesystem mirror (here the offline provider laid out as one); Proxmox at loopback', () => {
    const outdir = synth({
      pve: (s) => {
        new NullResource(s, 'a', { triggers: { x: '1' } });
        s.addOverride('provider.proxmox', [{ endpoint: 'https://pve.example.test:8006/', ssh: [{ node: [{ name: 'pve', address: '192.0.2.1' }] }] }]);
        s.addOverride('terraform.required_providers.proxmox', { source: 'bpg/proxmox', version: '0.111.1' });
      },
    });
    dirs.push(outdir);
    const mirrorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-plugin-dir-'));
    dirs.push(mirrorDir);
    validate.writeMirror(mirrorDir); // the layout `terraform providers mirror` makes (unpacked variant)
    const r = spawnSync(process.execPath, [SCRIPT, '--outdir', outdir, '--plugin-dir', mirrorDir, '--keep'], {
      encoding: 'utf8', timeout: scaledTimeout(240_000), env: { ...process.env, TF_SCHEMA_PROVIDER_NO_HOST: '' },
    });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    // no offline helpers in this mode: no provider-libs build, no fake apply
    expect(r.stdout).not.toContain('provider-libs');
    const line = r.stdout.split('\n').find((l) => l.startsWith('ok   pve '))!;
    expect(line).toMatch(/^ok {3}pve \[plugin-dir\]: 1 resources, 0 data sources; plan \+1 ~0 -0, 0 data sources read; init \S+ validate \S+ plan \S+ = \S+; providers: bpg\/proxmox 0\.111\.1, hashicorp\/null 3\.2\.4 \[(.+)\]$/);
    const kept = / \[(\/[^\]]+)\]$/.exec(line)![1];
    dirs.push(kept);
    const config = JSON.parse(fs.readFileSync(path.join(kept, 'cdk.tf.json'), 'utf8'));
    expect(config.provider.proxmox).toEqual([{ endpoint: validate.LOOPBACK_PROXMOX, insecure: true, ssh: [{}] }]);
    // Terraform locks registry.terraform.io/bpg/proxmox, OpenTofu registry.opentofu.org/bpg/proxmox (the mirror has both)
    expect(fs.readFileSync(path.join(kept, '.terraform.lock.hcl'), 'utf8')).toMatch(/provider "registry\.(terraform\.io|opentofu\.org)\/bpg\/proxmox"/);
  });

  test('--plugin-dir without a mirror layout is a clear error', () => {
    const outdir = synth({ one: (s) => { new NullResource(s, 'a', {}); } });
    dirs.push(outdir);
    const r = run(['--outdir', outdir, '--plugin-dir', outdir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--plugin-dir ${outdir}: no registry.terraform.io/ folder; expected a Terraform filesystem mirror`);
  });
});
