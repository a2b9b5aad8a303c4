// Compiles the TypeScript sources (tsc -b) when one is newer than the last build, so an edit is never run stale.
// Checking mtimes costs milliseconds; ts-node would cost seconds per run. Used by app.js and example.js.
'use strict';
const fs = require('fs');
const path = require('path');
const { bundleApp, bundleIsStale } = require('./bundle-app');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const SOURCE_DIRS = ['constructs', 'examples', 'homelab', 'bench'];

function newestSource() {
  let newest = fs.statSync(path.join(root, 'main.ts')).mtimeMs;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return newest;
}

function compiledTime() {
  try { return fs.statSync(path.join(dist, '.tsbuildinfo')).mtimeMs; } catch { return 0; }
}

/** Builds dist/ (and the app's bundle, scripts/bundle-app.js) when a source changed since; returns the dist directory. */
function buildIfStale() {
  if (compiledTime() < newestSource()) {
    process.stderr.write('sources changed since the last build: compiling (tsc -b)\n');
    // Loaded here, not at the top: every synthesis runs this check, and child_process is only needed to build.
    // eslint-disable-next-line global-require
    require('child_process').execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'tsconfig.json')],
      { stdio: 'inherit', cwd: root });
    // tsc leaves the build info untouched when the output did not change; mark the check as done.
    const now = new Date();
    fs.utimesSync(path.join(dist, '.tsbuildinfo'), now, now);
  }
  if (bundleIsStale()) bundleApp();
  return dist;
}

module.exports = { buildIfStale, root, dist };
