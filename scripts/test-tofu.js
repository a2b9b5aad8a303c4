#!/usr/bin/env node
// Runs every real-engine test (the jest files that run Terraform) a second time with OpenTofu as the engine
// (TF_BINARY, see scripts/validate.js and __tests__/helpers/tools.ts). `npm run validate` under OpenTofu is one of
// them: __tests__/homelab/app.test.ts runs scripts/validate.js (the whole example app: init, validate, plan, the
// Talos secrets, apply, a converged re-plan) and checks every stack's line, an empty stderr and the exit code. It
// used to run once more on its own before the jest files: the same command, the same engine, fewer checks (23.5 s
// of CPU, 106 s of wall time on the shared 2-core machine); the pass refuses to start if that test is no longer
// among the files it runs.
//
// OpenTofu is found as $TOFU_BIN, else `tofu` on PATH, else in the cache scripts/build-tofu.sh builds into
// (--build builds it there when missing: several CPU-minutes). Missing OpenTofu: a loud skip; in CI (CI=true) a failure.
//
//   node scripts/test-tofu.js [--build] [jest args]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
/**
 * A jest file is a real-engine test when it runs the engine through one of the shared helpers: describeIfTool with
 * 'terraform' or a list constant named *TERRAFORM*, findTool('terraform'), or validate.js's findTerraform.
 */
const ENGINE_TEST = /describeIfTool\(\s*(?:\[[^\]]*)?(?:['"]terraform['"]|[\w.]*TERRAFORM)|findTool\(\s*['"]terraform['"]|findTerraform\(/;

/** The jest file that runs `npm run validate` (scripts/validate.js) on the example app, and what shows it does. */
const VALIDATE_TEST = '__tests__/homelab/app.test.ts';
const RUNS_VALIDATE = /spawnSync\(process\.execPath, \['scripts\/validate\.js'\]/;

function tofuVersionPinned() {
  const mod = fs.readFileSync(path.join(ROOT, 'tools', 'tofu', 'go.mod'), 'utf8');
  const m = /^require github\.com\/opentofu\/opentofu v(\S+)$/m.exec(mod);
  if (!m) throw new Error('tools/tofu/go.mod: no "require github.com/opentofu/opentofu vX.Y.Z" line');
  return m[1];
}

function findTofu(build) {
  if (process.env.TOFU_BIN) return fs.existsSync(process.env.TOFU_BIN) ? process.env.TOFU_BIN : null;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir || '.', 'tofu');
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const cached = path.join(process.env.TOFU_CACHE_DIR || path.join(cacheHome, 'proxmox-cdktf', `tofu-${tofuVersionPinned()}`), 'tofu');
  if (fs.existsSync(cached) && !build) return cached;
  if (build) return execFileSync('bash', [path.join(__dirname, 'build-tofu.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return null;
}

function engineTestFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts') && ENGINE_TEST.test(fs.readFileSync(p, 'utf8'))) out.push(path.relative(ROOT, p));
    }
  };
  walk(path.join(ROOT, '__tests__'));
  return out.sort();
}

function main(argv) {
  const build = argv.includes('--build');
  const jestArgs = argv.filter((a) => a !== '--build');
  const tofu = findTofu(build);
  if (!tofu) {
    const msg = 'OpenTofu not found ($TOFU_BIN, `tofu` on PATH, or the scripts/build-tofu.sh cache): the OpenTofu pass is SKIPPED. '
      + 'Build it with `bash scripts/build-tofu.sh` (needs Go).';
    if (process.env.CI === 'true') { process.stderr.write(`test-tofu: ${msg.replace('is SKIPPED', 'cannot run')}\n`); return 1; }
    process.stderr.write(`\n*** test-tofu: ${msg} ***\n\n`);
    return 0;
  }
  const version = execFileSync(tofu, ['version'], { encoding: 'utf8' }).split('\n')[0];
  process.stderr.write(`test-tofu: engine ${tofu} (${version})\n`);
  const env = { ...process.env, TF_BINARY: tofu, TOFU_BIN: tofu };
  const files = engineTestFiles();
  const lost = validateCoverageLost(files);
  if (lost) { process.stderr.write(`test-tofu: ${lost}\n`); return 1; }
  process.stderr.write(`test-tofu: ${files.length} real-engine test files under OpenTofu\n`);
  const j = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...jestArgs, ...files], { cwd: ROOT, env, stdio: 'inherit' });
  return j.status ?? 1;
}

/**
 * Why the selected files would not run `npm run validate` under OpenTofu (null when they do): the pass has no
 * separate validate run, so the example app's validate test must be one of its files.
 */
function validateCoverageLost(files, root = ROOT) {
  if (!files.includes(VALIDATE_TEST)) return `${VALIDATE_TEST} (the \`npm run validate\` test) is not among the real-engine test files`;
  if (!RUNS_VALIDATE.test(fs.readFileSync(path.join(root, VALIDATE_TEST), 'utf8'))) return `${VALIDATE_TEST} no longer runs scripts/validate.js`;
  return null;
}

module.exports = { engineTestFiles, findTofu, validateCoverageLost, ENGINE_TEST, VALIDATE_TEST };

if (require.main === module) process.exit(main(process.argv.slice(2)));
