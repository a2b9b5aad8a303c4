#!/usr/bin/env node
// Builds tools/provider-libs (a Go program linking the libraries the pinned Terraform providers link: Butane
// for poseidon/ct, Talos machinery for siderolabs/talos) that tools/tf-schema-provider calls, and prints its path.
//
// The binary is cached outside the work tree, keyed by a hash of the Go sources, go.mod, go.sum and the Go
// version: $PROVIDER_LIBS_CACHE, else $XDG_CACHE_HOME/proxmox-cdktf/provider-libs, else ~/.cache/proxmox-cdktf/
// provider-libs. A cached build returns at once; a first build downloads the modules from the Go module proxy
// (exact versions, go.sum checked) and compiles them (a few minutes).
//
//   node scripts/build-provider-libs.js [--quiet]     exit 0: built or cached; 2: Go is missing; 1: build failed
//
// Go is looked up as $GO_BIN, on PATH, then /usr/local/go/bin/go.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'tools', 'provider-libs');

function findGo() {
  if (process.env.GO_BIN) return fs.existsSync(process.env.GO_BIN) ? process.env.GO_BIN : null;
  for (const dir of [...(process.env.PATH || '').split(path.delimiter), '/usr/local/go/bin']) {
    const p = path.join(dir || '.', 'go');
    try { fs.accessSync(p, fs.constants.X_OK); if (fs.statSync(p).isFile()) return p; } catch { /* next */ }
  }
  return null;
}

function cacheRoot() {
  if (process.env.PROVIDER_LIBS_CACHE) return process.env.PROVIDER_LIBS_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'proxmox-cdktf', 'provider-libs');
}

/** Hash of what the binary is built from (sources, go.mod, go.sum; the Go version is added by binaryPath). */
function sourceHash() {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(SRC).filter((n) => /\.go$|^go\.(mod|sum)$/.test(n)).sort()) {
    h.update(`${f}\0`).update(fs.readFileSync(path.join(SRC, f))).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function goVersion(go) {
  const r = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' });
  return (r.stdout || '').trim() || 'unknown';
}

/** Where the binary for the current sources is (or would be) cached. */
function binaryPath(go = findGo()) {
  const key = `${sourceHash()}-${go ? goVersion(go) : 'nogo'}-${process.platform}-${process.arch}`;
  return path.join(cacheRoot(), key, 'provider-libs');
}

/**
 * The binary's path, building it first when not cached. Returns { bin, cached, ms } or { missingGo: true }.
 * Throws when the build fails (with go's output).
 */
function build({ log = () => {} } = {}) {
  const t = Date.now();
  const go = findGo();
  if (!go) return { missingGo: true };
  const bin = binaryPath(go);
  if (fs.existsSync(bin)) return { bin, cached: true, ms: Date.now() - t };
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  log(`building tools/provider-libs with ${go} (first build: downloads and compiles Butane and Talos machinery)...`);
  const tmp = `${bin}.${process.pid}.tmp`;
  const r = spawnSync(go, ['build', '-trimpath', '-o', tmp, '.'], {
    cwd: SRC,
    encoding: 'utf8',
    // -mod=readonly: go.mod and go.sum are committed; a build never edits them.
    env: { ...process.env, GOFLAGS: '-mod=readonly', GOTOOLCHAIN: process.env.GOTOOLCHAIN || 'local' },
  });
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`go build of tools/provider-libs failed:\n${r.stderr || ''}${r.stdout || ''}`);
  }
  fs.renameSync(tmp, bin);
  return { bin, cached: false, ms: Date.now() - t };
}

const MISSING_GO = 'Go is not installed (looked at $GO_BIN, PATH and /usr/local/go/bin): tools/provider-libs cannot be built, '
  + 'so ct_config and the Talos configurations cannot be rendered offline. Install Go >= 1.25 (https://go.dev/dl/).';

module.exports = { findGo, binaryPath, build, sourceHash, MISSING_GO };

if (require.main === module) {
  const quiet = process.argv.includes('--quiet');
  try {
    const r = build({ log: (m) => process.stderr.write(`${m}\n`) });
    if (r.missingGo) { process.stderr.write(`build-provider-libs: ${MISSING_GO}\n`); process.exitCode = 2; }
    else {
      if (!quiet) process.stderr.write(`build-provider-libs: ${r.cached ? 'cached' : 'built'} in ${(r.ms / 1000).toFixed(2)}s\n`);
      process.stdout.write(`${r.bin}\n`);
    }
  } catch (e) {
    process.stderr.write(`build-provider-libs: ${e.message}\n`);
    process.exitCode = 1;
  }
}
