import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource } from '@cdktf/provider-null/lib/resource';
import { constraintLowerBound, requireEngineVersion } from '../../constructs/core/engine-version';
import { movedFromChildId, movedFromLegacyType } from '../../constructs/core/moved';
import { synthStack } from '../helpers/synth';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The null provider's bindings as the child processes below load them (from ROOT): the prebuilt package under cdktf,
 * the compiled generated bindings in the CDK Terrain flavour's tree, which has no prebuilt package
 * (scripts/flavour-cdktn.js).
 */
const NULL_BINDINGS = fs.existsSync(path.join(ROOT, 'dist', '.gen', 'providers', 'null')) ? './dist/.gen/providers/null' : '@cdktf/provider-null/lib';

function nullResource(stack: TerraformStack, id = 'R'): Resource {
  if (!stack.node.tryFindChild('null')) new NullProvider(stack, 'null');
  return new Resource(stack, id);
}

describe('terraform.required_version of stacks with the library\'s moved blocks', () => {
  test('a move across resource types declares >= 1.8, a child-id move >= 1.5, the highest wins', () => {
    expect(synthStack((s) => movedFromLegacyType(nullResource(s), 'null_legacy')).json.terraform.required_version).toBe('>= 1.8');
    expect(synthStack((s) => movedFromChildId(nullResource(s), 'Old')).json.terraform.required_version).toBe('>= 1.5');
    const both = synthStack((s) => {
      movedFromChildId(nullResource(s, 'A'), 'OldA');
      movedFromLegacyType(nullResource(s, 'B'), 'null_legacy');
      movedFromChildId(nullResource(s, 'C'), 'OldC');
    });
    expect(both.json.terraform.required_version).toBe('>= 1.8');
    expect(Object.keys(both.json.terraform).sort()).toEqual(['required_providers', 'required_version']);
  });

  test('a stack without moves declares nothing', () => {
    expect(synthStack((s) => nullResource(s)).json.terraform.required_version).toBeUndefined();
  });

  test('the user\'s required_version wins, set before or after the moves; undefined removes it', () => {
    const before = synthStack((s) => {
      s.addOverride('terraform.required_version', '~> 1.11.0');
      movedFromLegacyType(nullResource(s), 'null_legacy');
    });
    expect(before.json.terraform.required_version).toBe('~> 1.11.0');
    const after = synthStack((s) => {
      movedFromLegacyType(nullResource(s), 'null_legacy');
      s.addOverride('terraform.required_version', '>= 1.0');
    });
    expect(after.json.terraform.required_version).toBe('>= 1.0');
    const removed = synthStack((s) => {
      movedFromLegacyType(nullResource(s), 'null_legacy');
      s.addOverride('terraform.required_version', undefined);
    });
    expect(removed.json.terraform).not.toHaveProperty('required_version');
  });

  test('HCL output leaves it out (cdktf 0.21 cannot render it)', () => {
    const app = Testing.app();
    const s = new TerraformStack(app, 'hcl');
    movedFromLegacyType(nullResource(s), 'null_legacy');
    const hcl = Testing.synthHcl(s);
    expect(hcl).toMatch(/moved \{/);
    expect(hcl).not.toMatch(/required_version/);
  });

  test('requireEngineVersion rejects what is not a version', () => {
    const app = Testing.app();
    expect(() => requireEngineVersion(new TerraformStack(app, 's'), '>= 1.8')).toThrow(/not a version/);
  });

  test.each([
    ['>= 1.8', [1, 8, 0]], ['~> 1.11.0', [1, 11, 0]], ['1.9.2', [1, 9, 2]], ['= 1.6', [1, 6, 0]], ['> 1.4.9', [1, 4, 9]],
    ['>= 1.2, < 2.0.0', [1, 2, 0]], ['< 2.0, >= 1.7, >= 1.5', [1, 7, 0]], ['>= v1.10', [1, 10, 0]],
    ['< 2.0', undefined], ['>= 1.8.0-beta1', undefined], ['latest', undefined], ['', undefined],
  ])('lower bound of %j', (constraint, bound) => {
    expect(constraintLowerBound(constraint)).toEqual(bound);
  });
});

describe('cdktf\'s synth-time `terraform version` check', () => {
  /**
   * Synthesizes one stack in a child process (the fast path patches cdktf process-wide), with PATH holding only a
   * fake `terraform` that records each run in a marker file (or, with `fake: false`, no terraform at all).
   */
  function synth(body: string[], opts: { fast: boolean; fake?: boolean; hcl?: boolean }): { ok: boolean; ran: number; requiredVersion?: string; stderr?: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-version-'));
    const bin = path.join(dir, 'bin');
    const marker = path.join(dir, 'ran');
    fs.mkdirSync(bin);
    if (opts.fake !== false) {
      fs.writeFileSync(path.join(bin, 'terraform'), `#!/bin/sh\necho run >> '${marker}'\necho 'Terraform v1.11.4'\n`, { mode: 0o755 });
    }
    const script = [
      opts.fast ? "require('./dist/constructs/core/synth-performance.js').useFastSynthesis();" : '',
      "const cdktf = require('cdktf');",
      `const { NullProvider } = require('${NULL_BINDINGS}/provider');`,
      `const { Resource } = require('${NULL_BINDINGS}/resource');`,
      "const { movedFromLegacyType, movedFromChildId } = require('./dist/constructs/core/moved.js');",
      `const app = new cdktf.App({ outdir: ${JSON.stringify(path.join(dir, 'out'))} });`,
      "const s = new cdktf.TerraformStack(app, 's');",
      "new NullProvider(s, 'null');",
      "const r = new Resource(s, 'R');",
      "const user = new Resource(s, 'U');",
      ...body,
      'app.synth();',
      opts.hcl ? "process.stdout.write('null');"
        : `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.join(dir, 'out', 'stacks', 's', 'cdk.tf.json'))}).terraform.required_version ?? null));`,
    ].join('\n');
    try {
      const out = execFileSync(process.execPath, ['-e', script], {
        cwd: ROOT, env: { ...process.env, PATH: bin, PROXMOX_CDKTF_PLAIN_SYNTH: '', SYNTH_HCL_OUTPUT: opts.hcl ? '1' : '' }, encoding: 'utf8', stdio: 'pipe',
      });
      const ran = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0;
      return { ok: true, ran, requiredVersion: JSON.parse(out) ?? undefined };
    } catch (e) {
      return { ok: false, ran: fs.existsSync(marker) ? 1 : 0, stderr: String((e as { stderr?: unknown }).stderr) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test.each([false, true])('does not run for a stack whose library moves declare the version (fast path: %s)', (fast) => {
    expect(synth(["movedFromLegacyType(r, 'null_legacy');", "user.moveFromId('null_resource.user_old');"], { fast }))
      .toEqual({ ok: true, ran: 0, requiredVersion: '>= 1.8' });
    expect(synth(["movedFromChildId(r, 'Old');"], { fast })).toEqual({ ok: true, ran: 0, requiredVersion: '>= 1.5' });
  });

  test('synthesis of such a stack needs no terraform on PATH', () => {
    expect(synth(["movedFromLegacyType(r, 'null_legacy');"], { fast: true, fake: false })).toEqual({ ok: true, ran: 0, requiredVersion: '>= 1.8' });
  });

  test('still runs for a user\'s own move without a constraint, with one that allows releases before 1.5, or for HCL output', () => {
    expect(synth(["user.moveFromId('null_resource.user_old');"], { fast: false })).toEqual({ ok: true, ran: 1, requiredVersion: undefined });
    expect(synth(["movedFromLegacyType(r, 'null_legacy');", "s.addOverride('terraform.required_version', '>= 1.2');"], { fast: false }))
      .toEqual({ ok: true, ran: 1, requiredVersion: '>= 1.2' });
    expect(synth(["movedFromLegacyType(r, 'null_legacy');"], { fast: true, hcl: true })).toEqual({ ok: true, ran: 1, requiredVersion: undefined });
    const missing = synth(["user.moveFromId('null_resource.user_old');"], { fast: true, fake: false });
    expect(missing.ok).toBe(false);
    expect(missing.stderr).toMatch(/Could not determine version of terraform/);
  });
});
