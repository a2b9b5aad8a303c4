// Bundles the compiled example app (dist/main.js: the library, its generated bindings, yaml, ipaddr.js) into one
// file, dist/bundle/main.js, which `npm run synth` and `cdktf synth` run (scripts/app.js).
//
// Why: Node's CommonJS loader pays for every module it loads (path resolution, stat calls, package.json lookups,
// reading the file) on top of compiling it; the app loads about 170 modules of ours and of yaml for one synthesis.
// One file compiles the same code without that. Measured with `npm run bench`, see the README.
//
// What stays outside the bundle: cdktf, constructs and @cdktf/* (the app must share the single copy of each with
// any other code of the process, and the library's fast-start patches cdktf's own modules as Node loads them).
// The bundle keeps CommonJS semantics: each module is wrapped and runs on its first require, in the same order.
// It lives two levels below the root like dist/constructs/core, where the library finds templates/ (core/templates.ts).
// https://esbuild.github.io/api/#bundle
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const OUT = path.join(dist, 'bundle', 'main.js');
/** Packages the bundle leaves to Node's loader: one shared copy per process. */
const EXTERNAL = ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'];

/** Writes dist/bundle/main.js from dist/main.js (compiled by tsc first). Returns its path. */
function bundleApp() {
  // eslint-disable-next-line global-require
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(dist, 'main.js')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    external: EXTERNAL,
    logLevel: 'silent',
    write: false,
  });
  for (const w of result.warnings) process.stderr.write(`bundle-app: ${w.text}\n`);
  // Written aside, then renamed: test files in parallel workers start the app, and none may read half a file.
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, OUT);
  return OUT;
}

/**
 * Whether the bundle (`out`) is missing or older than the last tsc build (`buildInfo`); false when nothing is built
 * yet (no build info), as there is nothing to bundle.
 */
function bundleIsStale(out = OUT, buildInfo = path.join(dist, '.tsbuildinfo')) {
  if (!fs.existsSync(buildInfo)) return false;
  try {
    return fs.statSync(out).mtimeMs < fs.statSync(buildInfo).mtimeMs;
  } catch {
    return true;
  }
}

module.exports = { bundleApp, bundleIsStale, BUNDLE: OUT, EXTERNAL };

if (require.main === module) {
  const started = Date.now();
  bundleApp();
  process.stdout.write(`bundle-app: ${path.relative(root, OUT)} (${Date.now() - started} ms)\n`);
}
