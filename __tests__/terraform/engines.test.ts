// Terraform or OpenTofu: TF_BINARY selects the engine for scripts/validate.js and the real-engine tests, and the
// offline provider mirror serves both engines' default registry hostnames.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeIfTool, findTool } from '../helpers/tools';
import type * as Validate from '../../scripts/validate';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const validate: typeof Validate = require('../../scripts/validate');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const testTofu = require('../../scripts/test-tofu');

/** Runs `fn` with the given environment variables set (undefined: unset), restoring them afterwards. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (k: string, v: string | undefined): void => { if (v === undefined) delete process.env[k]; else process.env[k] = v; };
  try {
    for (const [k, v] of Object.entries(vars)) set(k, v);
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) set(k, v);
  }
}

describe('TF_BINARY selects the engine', () => {
  let dir: string;
  let fakeTofu: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
    fakeTofu = path.join(dir, 'tofu');
    fs.writeFileSync(fakeTofu, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a path', () => {
    expect(withEnv({ TF_BINARY: fakeTofu, TERRAFORM_BIN: '/nonexistent' }, () => validate.findTerraform())).toBe(fakeTofu);
    expect(withEnv({ TF_BINARY: fakeTofu, TERRAFORM_BIN: undefined }, () => findTool('terraform'))).toBe(fakeTofu);
  });

  test('a command name, looked up on PATH', () => {
    const env = { TF_BINARY: 'tofu', PATH: `${dir}${path.delimiter}/nonexistent`, TERRAFORM_BIN: undefined, TOFU_BIN: undefined };
    expect(withEnv(env, () => validate.findTerraform())).toBe(fakeTofu);
    expect(withEnv(env, () => findTool('terraform'))).toBe(fakeTofu);
  });

  test('a missing engine is reported as missing, not replaced by terraform', () => {
    expect(withEnv({ TF_BINARY: path.join(dir, 'nope') }, () => validate.findTerraform())).toBeNull();
    expect(withEnv({ TF_BINARY: path.join(dir, 'nope') }, () => findTool('terraform'))).toBeNull();
  });

  test('other tools are not affected', () => {
    expect(withEnv({ TF_BINARY: fakeTofu, PATH: '/nonexistent' }, () => findTool('perl'))).toBeNull();
  });
});

describe('provider mirror', () => {
  test('serves registry.terraform.io and registry.opentofu.org (OpenTofu\'s reading of "bpg/proxmox")', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-'));
    try {
      const m = validate.writeMirror(dir);
      for (const p of Object.values(validate.schemaCatalog())) {
        for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
          const pkg = fs.readdirSync(path.join(dir, host, p.namespace, p.type, p.version));
          expect([host, p.address, pkg.length]).toEqual([host, p.address, 1]);
        }
      }
      expect(fs.readFileSync(m.cliConfig, 'utf8')).toMatch(/include\s*=\s*\["registry\.terraform\.io\/\*\/\*", "registry\.opentofu\.org\/\*\/\*"\]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/test-tofu.js', () => {
  test('selects the jest files that run the engine, and only those', () => {
    const files: string[] = testTofu.engineTestFiles();
    expect(files).toEqual(expect.arrayContaining(['__tests__/terraform/validate-script.test.ts', '__tests__/terraform/lifecycle.test.ts', '__tests__/proxmox/qemu-args.test.ts']));
    expect(files).not.toContain('__tests__/core/net.test.ts');
    // a shared list of the engine and its helpers counts too
    expect(testTofu.ENGINE_TEST.test("describeIfTool([...OFFLINE_TERRAFORM], 'plans')")).toBe(true);
    expect(testTofu.ENGINE_TEST.test("describeIfTool(['perl', 'bash'], 'shell')")).toBe(false);
    for (const f of files) expect([f, testTofu.ENGINE_TEST.test(fs.readFileSync(path.join(ROOT, f), 'utf8'))]).toEqual([f, true]);
  });

  test('runs `npm run validate` under OpenTofu through the example app\'s validate test, and refuses to start without it', () => {
    const files: string[] = testTofu.engineTestFiles();
    expect(files).toContain(testTofu.VALIDATE_TEST);
    expect(testTofu.validateCoverageLost(files)).toBeNull();
    expect(testTofu.validateCoverageLost(files.filter((f) => f !== testTofu.VALIDATE_TEST))).toMatch(/app\.test\.ts .* is not among the real-engine test files/);
    // a checkout whose app test no longer spawns scripts/validate.js
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-tofu-'));
    try {
      fs.mkdirSync(path.join(dir, path.dirname(testTofu.VALIDATE_TEST)), { recursive: true });
      fs.writeFileSync(path.join(dir, testTofu.VALIDATE_TEST), "describeIfTool([...OFFLINE_TERRAFORM], 'x', () => {});\n");
      expect(testTofu.validateCoverageLost([testTofu.VALIDATE_TEST], dir)).toMatch(/no longer runs scripts\/validate\.js/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// OpenTofu as $TOFU_BIN or `tofu` on PATH (.ci/run exports TOFU_BIN from scripts/build-tofu.sh).
describeIfTool('tofu', 'OpenTofu through the offline mirror', () => {
  afterAll(async () => { await validate.stopHost(); });

  test('tofu init installs a short-sourced provider as registry.opentofu.org/… from the mirror, and validates', async () => {
    const ws = validate.Workspace.create({
      name: 'tofu-mirror',
      terraform: findTool('tofu')!,
      config: {
        terraform: { required_providers: { null: { source: 'hashicorp/null', version: '3.2.4' } } },
        resource: { null_resource: { a: { triggers: { x: '1' } } } },
      },
    });
    try {
      validate.check('init', await ws.init());
      validate.check('validate', await ws.validate());
      const lock = fs.readFileSync(path.join(ws.dir, '.terraform.lock.hcl'), 'utf8');
      expect(lock).toContain('provider "registry.opentofu.org/hashicorp/null"');
      expect(lock).toContain('"tofu init"');
    } finally {
      ws.cleanup();
    }
  }, 120000);
});
