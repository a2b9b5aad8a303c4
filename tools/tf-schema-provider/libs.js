// The real providers' Go libraries, through tools/provider-libs (built by scripts/build-provider-libs.js):
// Butane for poseidon/ct's ct_config, Talos machinery for siderolabs/talos' secrets and machine configurations.
// See tools/provider-libs/go.mod for the versions and where they come from.
//
// One process per call (spawnSync): the handlers of this provider are synchronous, and a call costs ~20 ms of
// process start (measured: 5 ct_config calls in 0.11 s), against seconds for a Terraform plan.
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
 * Run one operation of tools/provider-libs. Returns its result; a provider error (the real provider's summary
 * and detail) is thrown as ProviderError.
 */
function call(op, args, providerVersion = '') {
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

module.exports = { call, available, binary, ProviderError };
