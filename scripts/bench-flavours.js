#!/usr/bin/env node
// Example-app synthesis time under cdktf and under the CDK Terrain (cdktn) flavour, side by side.
// Called at the end of `npm run bench` (scripts/bench.js); also runs alone: `node scripts/bench-flavours.js [--runs N]`.
//
// Both run the same compiled app (dist/main.js and flavours/cdktn/src/dist/main.js, built by
// scripts/flavour-cdktn.js) directly with node, in interleaved rounds (cdktf then cdktn, then the other way round)
// so that load on the machine affects both alike. Figures: median wall time and median peak RSS.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One synthesis of `script`; returns { seconds, peakMB }. */
function runOnce(script) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-flavour-'));
  const rssFile = path.join(dir, 'rss');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [script], {
    cwd: ROOT,
    env: {
      ...process.env, CDKTF_OUTDIR: path.join(dir, 'out'), BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} -r ${path.join(__dirname, 'bench-rss.js')}`.trim(),
    },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${script}: exit ${r.status}\n${r.stderr}`);
  const peakMB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1e6 : NaN;
  fs.rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMB };
}

/** Measures both flavours of the example app over `runs` interleaved rounds; returns one row per flavour. */
function benchFlavours({ runs = 5 } = {}) {
  const flavour = require('./flavour-cdktn');
  const cases = [
    { label: 'example app: cdktf', script: path.join(ROOT, 'dist', 'main.js'), version: require('cdktf/package.json').version },
    { label: 'example app: cdktn', script: path.join(flavour.OUT, 'dist', 'main.js'), version: require(path.join(flavour.TOOLCHAIN, 'cdktn', 'package.json')).version },
  ];
  const samples = cases.map(() => []);
  runOnce(cases[0].script); // warm the file cache for both before measuring
  runOnce(cases[1].script);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) samples[k].push(runOnce(cases[k].script));
  }
  return cases.map((c, k) => ({
    label: `${c.label} ${c.version}`,
    seconds: median(samples[k].map((s) => s.seconds)),
    peakMB: median(samples[k].map((s) => s.peakMB)),
    runs,
  }));
}

/** Builds the flavour (incremental) and prints the side-by-side figures. */
async function printFlavourBench({ runs = 5, out = process.stdout } = {}) {
  await require('./flavour-cdktn').build();
  const rows = benchFlavours({ runs });
  out.write(`\ncdktf vs CDK Terrain (cdktn), direct synthesis of the example app, ${runs} interleaved rounds\n`);
  for (const r of rows) {
    const mb = Number.isNaN(r.peakMB) ? '   n/a' : r.peakMB.toFixed(0).padStart(6);
    out.write(`${r.label.padEnd(34)} ${r.seconds.toFixed(3).padStart(8)} s ${mb} MB  (median of ${r.runs})\n`);
  }
  out.write(`cdktn / cdktf wall time: ${(rows[1].seconds / rows[0].seconds).toFixed(2)}\n`);
  return rows;
}

module.exports = { benchFlavours, printFlavourBench };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--runs');
  printFlavourBench({ runs: i >= 0 ? Number(argv[i + 1]) : 5 }).catch((e) => { process.stderr.write(`${e.stack || e}\n`); process.exit(1); });
}
