#!/usr/bin/env node
// Synthesis benchmark: `npm run bench`. Prints, for the example app and generated clusters of 10, 100 and 500
// nodes, the median wall time and peak memory of synthesis run directly (node on the compiled app), and of
// `cdktf synth` through the CLI, next to the bare CLI's own overhead (an app with one empty stack).
//
// Options: --runs N (default 5; 3 for 500 nodes), --sizes 10,100,500, --no-cli
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : def; };
const runs = Number(opt('--runs', 5));
const sizes = opt('--sizes', '10,100,500').split(',').map(Number);
const withCli = !argv.includes('--no-cli');
const cdktfBin = path.join(root, 'node_modules', '.bin', 'cdktf');

function build() {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `cmd args` `n` times in a scratch dir; returns median seconds and median peak RSS (MB). */
function measure(label, cmd, args, env, n) {
  const times = [];
  const rss = [];
  for (let i = 0; i < n; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const rssFile = path.join(dir, 'rss');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, {
      cwd: root,
      env: {
        ...process.env, ...env, CDKTF_OUTDIR: path.join(dir, 'out'), BENCH_RSS_FILE: rssFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} -r ${path.join(__dirname, 'bench-rss.js')}`.trim(),
        CHECKPOINT_DISABLE: '1', CI: 'true',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) {
      process.stderr.write(`${label}: exit ${r.status}\n${r.stdout}\n${r.stderr}\n`);
      process.exit(1);
    }
    times.push(secs);
    if (fs.existsSync(rssFile)) rss.push(Number(fs.readFileSync(rssFile, 'utf8')) / 1e6);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { label, seconds: median(times), peakMB: rss.length ? median(rss) : NaN, runs: n };
}

function row(r, extra = '') {
  const mb = Number.isNaN(r.peakMB) ? '   n/a' : r.peakMB.toFixed(0).padStart(6);
  process.stdout.write(`${r.label.padEnd(34)} ${r.seconds.toFixed(3).padStart(8)} s ${mb} MB  (median of ${r.runs})${extra}\n`);
}

build();
process.stdout.write(`synthesis benchmark on ${os.cpus().length} cores, node ${process.version}\n`);
process.stdout.write(`${'case'.padEnd(34)} ${'wall'.padStart(10)} ${'peak'.padStart(9)}\n`);

const node = process.execPath;
const cases = [{ name: 'example app', args: [path.join(root, 'dist', 'main.js')], env: {}, n: runs }];
for (const s of sizes) {
  cases.push({ name: `cluster ${s} nodes`, args: [path.join(root, 'dist', 'bench', 'cluster-app.js')], env: { BENCH_NODES: String(s) },
    n: s >= 500 ? Math.min(runs, 3) : runs, nodes: s });
}

// Node start plus loading cdktf: the floor every synthesis pays; per-node figures are measured above it.
const floor = measure('direct: floor (empty cdktf app)', node, [path.join(__dirname, 'bench-empty-app.js')], {}, runs);
row(floor);
// Per node: above the floor, and marginal (between this size and the previous one), which leaves out the fixed
// cost of loading the constructs; a constant marginal figure means synthesis time is linear in cluster size.
let previous;
for (const c of cases) {
  const r = measure(`direct: ${c.name}`, node, c.args, c.env, c.n);
  let extra = '';
  if (c.nodes) {
    extra = `  ${((r.seconds - floor.seconds) / c.nodes * 1000).toFixed(2)} ms/node above the floor`;
    if (previous) extra += `, ${((r.seconds - previous.seconds) / (c.nodes - previous.nodes) * 1000).toFixed(2)} ms/node marginal`;
    previous = { seconds: r.seconds, nodes: c.nodes };
  }
  row(r, extra);
}

if (withCli) {
  const bare = measure('cdktf synth: bare CLI (empty app)', cdktfBin,
    ['synth', '--app', `${node} ${path.join(__dirname, 'bench-empty-app.js')}`], {}, runs);
  row(bare);
  for (const c of cases) {
    const r = measure(`cdktf synth: ${c.name}`, cdktfBin, ['synth', '--app', `${node} ${c.args.join(' ')}`], c.env, c.n);
    row(r, `  (+${(r.seconds - bare.seconds).toFixed(3)} s over bare CLI)`);
  }
}

// cdktf vs the CDK Terrain flavour, side by side (scripts/bench-flavours.js; --no-flavours leaves it out).
if (!argv.includes('--no-flavours')) require('./bench-flavours').printFlavourBench({ runs });
