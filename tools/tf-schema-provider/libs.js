// The real providers' Go libraries, through tools/provider-libs (built by scripts/build-provider-libs.js):
// Butane for poseidon/ct's ct_config, Talos machinery for siderolabs/talos' secrets and machine configurations.
// See tools/provider-libs/go.mod for the versions and where they come from.
//
// One process per call (spawnSync): the handlers of this provider are synchronous, and a call costs ~20 ms of
// process start (measured: 5 ct_config calls in 0.11 s), against seconds for a Terraform plan. The answers to the
// pure operations are kept for this process (see `results`).
//
// Env: PROVIDER_LIBS_BIN=<path> uses that binary instead of the cached build of the current sources.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

/** An error that the provider turns into an error diagnostic (summary, detail), as the real provider would. */
class ProviderError extends Error {
  constructor(summary, detail = '') { super(summary); this.summary = summary; this.detail = detail; }
}

let cachedBin;
/** The helper binary, or throws a ProviderError saying how to build it. */
function binary() {
  if (cachedBin && fs.existsSync(cachedBin)) return cachedBin;
  const bin = process.env.PROVIDER_LIBS_BIN || require(path.join(__dirname, '..', '..', 'scripts', 'build-provider-libs.js')).binaryPath();
  if (!fs.existsSync(bin)) {
    throw new ProviderError('tf-schema-provider: tools/provider-libs is not built',
      `Run \`node scripts/build-provider-libs.js\` (needs Go; npm test and npm run validate do it): ${bin} does not exist.`);
  }
  cachedBin = bin;
  return bin;
}

/** Whether the helper binary is there (tests use it to skip). */
function available() {
  try { binary(); return true; } catch { return false; }
}

/**
 * Results of the pure operations, by request: a Terraform run asks for the same node configuration several times
 * (validate, plan, apply; each plan of a test file again), and each answer costs a process start plus the library's
 * own work. Not kept: talos_machine_secrets (new random keys on each call, unless reuseTalosSecrets), ct_config with
 * a files_dir (it reads those files, which may change), errors. Bounded: cleared when full.
 */
const results = new Map();
const MAX_RESULTS = 1000;
let reuseSecrets = false;
let secretsDir = null;

/**
 * Makes talos_machine_secrets answer the same request (Talos version, provider version) with the keys it made the
 * first time, instead of making new ones (about a second of key generation each): for tests that apply Talos
 * clusters but do not check the keys. Off unless a test turns it on. With `dir` (a private temporary directory of the
 * test run), the keys are also shared through files there with the other processes of the run that pass the same
 * directory.
 */
function reuseTalosSecrets(dir = null) {
  reuseSecrets = true;
  secretsDir = dir;
}

const cacheable = (op, args) => (op === 'talos_machine_secrets' ? reuseSecrets : !(op === 'ct_config' && args && args.files_dir));

/** run(), except that talos_machine_secrets goes through secretsDir when there is one. */
function runShared(op, args, providerVersion, key) {
  if (op !== 'talos_machine_secrets' || !secretsDir || !fs.existsSync(secretsDir)) return run(op, args, providerVersion);
  const file = path.join(secretsDir, `talos-secrets-${require('crypto').createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* not made yet */ }
  const result = run(op, args, providerVersion);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return result;
}

/**
 * Run one operation of tools/provider-libs. Returns its result; a provider error (the real provider's summary
 * and detail) is thrown as ProviderError.
 */
function call(op, args, providerVersion = '') {
  if (!cacheable(op, args)) return run(op, args, providerVersion);
  const key = JSON.stringify([op, providerVersion, args]);
  if (!results.has(key)) {
    const result = runShared(op, args, providerVersion, key);
    if (results.size >= MAX_RESULTS) results.clear();
    results.set(key, JSON.stringify(result));
  }
  return JSON.parse(results.get(key)); // a copy: callers may change what they get
}

function run(op, args, providerVersion) {
  const r = spawnSync(binary(), [], {
    input: `${JSON.stringify({ op, provider_version: providerVersion, args })}\n`,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.error) throw new ProviderError(`tf-schema-provider: cannot run tools/provider-libs (${op})`, r.error.message);
  const line = (r.stdout || '').split('\n')[0];
  let out;
  try { out = JSON.parse(line); } catch {
    throw new ProviderError(`tf-schema-provider: tools/provider-libs failed (${op}, exit ${r.status})`, `${r.stderr || ''}${r.stdout || ''}`);
  }
  if (out.error) throw new ProviderError(out.error.summary, out.error.detail || '');
  return out.result;
}

module.exports = { call, available, binary, reuseTalosSecrets, ProviderError };
