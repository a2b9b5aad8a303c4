#!/usr/bin/env node
// Synthesis benchmark: `npm run bench`.
//
// Cases: the floor (an empty cdktf app: node start plus loading cdktf), the example app (main.ts through
// scripts/app.js, as `npm run synth` runs it, without npm's own start-up), every app in
// examples/, generated Talos clusters of each size, and `cdktf synth` through the CLI for the floor, the example
// app and the smaller clusters. Every case is a fresh process.
//
// Runs are interleaved: each round runs every case once, in an order rotated from round to round, so a change in
// the machine's load hits all cases alike and the ratios stay meaningful on a busy machine. Per case it prints the
// median and minimum wall time, median and minimum CPU time (user + system of the process and everything it
// started), peak RSS and the number of tokens cdktf registered; then ratios: app / floor, CLI / direct,
// t(2N) / t(N), and the marginal cost per node between cluster sizes, followed by the targets.
//
// Every run works in a temporary directory (its own cdktf.out, no homelab.json): the benchmark never touches the
// project's cdktf.out/ or reads the user's configuration.
//
// Options: --runs N (rounds, default 5), --sizes 10,100,500,1000,2000, --cli-max-nodes N (largest cluster also
// synthesized through the CLI, default 500), --no-cli, --json FILE (write the raw figures).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : def; };
const runs = Number(opt('--runs', 5));
const sizes = opt('--sizes', '10,100,500,1000,2000').split(',').map(Number).sort((a, b) => a - b);
const cliMaxNodes = Number(opt('--cli-max-nodes', 500));
const withCli = !argv.includes('--no-cli');
const jsonOut = opt('--json', undefined);
const node = process.execPath;

// Toolchains compared side by side. One today; a second one (e.g. CDK Terrain) adds an entry with its own
// `cli` and its own compiled `dist`, and every table gains a column group.
const toolchains = [{ name: 'cdktf', cli: path.join(root, 'node_modules', '.bin', 'cdktf'), dist: path.join(root, 'dist') }];

function build() {
  const r = spawnSync(node, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const min = (xs) => (xs.length ? Math.min(...xs) : NaN);

/** Children's user and system seconds from bash's `times` (second line, e.g. `0m1.234s 0m0.056s`). */
function parseTimes(text) {
  const line = text.trim().split('\n')[1] || '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.length === 2 ? secs[0] + secs[1] : NaN;
}

/** Runs one case once in a scratch directory; returns wall and CPU seconds, peak RSS (MB) and tokens. */
function runOnce(c) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const file = (n) => path.join(dir, n);
  try {
    if (c.cli) {
      // The CLI reads cdktf.json from its working directory; this one names only the app.
      fs.writeFileSync(file('cdktf.json'), JSON.stringify({ language: 'typescript', app: c.appCommand, sendCrashReports: 'false' }));
    }
    const env = { ...process.env, ...c.env };
    delete env.HOMELAB_CONFIG;
    Object.assign(env, {
      CDKTF_OUTDIR: file('cdktf.out'), BENCH_RSS_FILE: file('rss'), BENCH_TOKENS_FILE: file('tokens'),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} -r ${path.join(__dirname, 'bench-rss.js')}`.trim(),
      CHECKPOINT_DISABLE: '1', CI: 'true',
    });
    // bash's `times` gives the CPU time of the command and every process it waited for (the CLI's subprocesses).
    const t0 = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', '"$@"; rc=$?; times > "$BENCH_TIMES_FILE"; exit $rc', 'bench', c.cmd, ...c.args],
      { cwd: dir, env: { ...env, BENCH_TIMES_FILE: file('times') }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) {
      process.stderr.write(`${c.label}: exit ${r.status}\n${r.stdout}\n${r.stderr}\n`);
      process.exit(1);
    }
    const num = (n) => (fs.existsSync(file(n)) ? Number(fs.readFileSync(file(n), 'utf8')) : NaN);
    return { wall, cpu: fs.existsSync(file('times')) ? parseTimes(fs.readFileSync(file('times'), 'utf8')) : NaN, rssMB: num('rss') / 1e6, tokens: num('tokens') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function casesOf(tc) {
  const app = (label, script, env = {}, extra = {}) => ({ label, cmd: node, args: [script], env, appCommand: `${node} ${script}`, ...extra });
  const direct = [
    app('floor (empty cdktf app)', path.join(__dirname, 'bench-empty-app.js'), {}, { floor: true }),
    // scripts/app.js: what `npm run synth` and cdktf.json's "app" run (an up-to-date check, then dist/main.js).
    app('example app (npm run synth)', path.join(tc.dist, '..', 'scripts', 'app.js'), {}, { exampleApp: true }),
    ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort()
      .map((f) => app(`examples/${f}`, path.join(tc.dist, 'examples', f.replace(/\.ts$/, '.js')), {}, { example: true })),
    ...sizes.map((n) => app(`cluster ${n} nodes`, path.join(tc.dist, 'bench', 'cluster-app.js'), { BENCH_NODES: String(n) }, { nodes: n })),
  ].map((c) => ({ ...c, toolchain: tc.name }));
  const cli = !withCli ? [] : direct.filter((c) => c.floor || c.exampleApp || (c.nodes && c.nodes <= cliMaxNodes)).map((c) => ({
    ...c, label: `${tc.name} synth: ${c.label}`, cmd: tc.cli, args: ['synth', '--output', 'cdktf.out'], cli: true, direct: c,
  }));
  return [...direct, ...cli];
}

build();
const cases = toolchains.flatMap(casesOf);
for (const c of cases) c.samples = [];
const load0 = os.loadavg();
process.stderr.write(`${cases.length} cases x ${runs} rounds, interleaved\n`);
for (let round = 0; round < runs; round++) {
  // Rotate the order so that no case always follows the same (possibly heavy) one.
  const order = cases.map((_, i) => cases[(i + round * 3) % cases.length]);
  for (const c of order) c.samples.push(runOnce(c));
  process.stderr.write(`round ${round + 1}/${runs} done\n`);
}
const load1 = os.loadavg();

for (const c of cases) {
  const s = c.samples;
  Object.assign(c, {
    wall: median(s.map((x) => x.wall)), wallMin: min(s.map((x) => x.wall)),
    cpu: median(s.map((x) => x.cpu)), cpuMin: min(s.map((x) => x.cpu)),
    rssMB: median(s.map((x) => x.rssMB)), tokens: median(s.map((x) => x.tokens)),
  });
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const pad = (s, n) => String(s).padStart(n);

out(`synthesis benchmark: ${os.cpus().length} cores, node ${process.version}, ${runs} interleaved rounds`);
out(`load average (1 min) ${load0[0].toFixed(2)} at start, ${load1[0].toFixed(2)} at end; times in seconds, CPU = user + system`);
for (const tc of toolchains) {
  const mine = cases.filter((c) => c.toolchain === tc.name);
  const floor = mine.find((c) => c.floor && !c.cli);
  out();
  out(`[${tc.name}]`);
  out(`${'case'.padEnd(40)} ${pad('wall med', 9)} ${pad('wall min', 9)} ${pad('CPU med', 8)} ${pad('CPU min', 8)} ${pad('peak MB', 8)} ${pad('tokens', 9)}  notes`);
  let prev;
  for (const c of mine) {
    const notes = [];
    if (!c.cli && !c.floor) notes.push(`${f2(c.wall / floor.wall)}x floor (wall), ${f2(c.cpu / floor.cpu)}x (CPU)`);
    if (c.cli) notes.push(`CLI / direct ${f2(c.wall / c.direct.wall)}x (wall), ${f2(c.cpu / c.direct.cpu)}x (CPU)`);
    if (c.nodes && !c.cli) {
      if (prev) {
        notes.push(`marginal ${f2((c.cpu - prev.cpu) / (c.nodes - prev.nodes) * 1000)} ms/node CPU, ${f2((c.wall - prev.wall) / (c.nodes - prev.nodes) * 1000)} wall`);
      }
      const half = mine.find((h) => !h.cli && h.nodes * 2 === c.nodes);
      if (half) notes.push(`t(${c.nodes})/t(${half.nodes}) ${f2(c.cpu / half.cpu)} CPU, ${f2(c.wall / half.wall)} wall`);
      prev = c;
    }
    out(`${c.label.padEnd(40)} ${pad(f3(c.wall), 9)} ${pad(f3(c.wallMin), 9)} ${pad(f3(c.cpu), 8)} ${pad(f3(c.cpuMin), 8)} ${pad(f0(c.rssMB), 8)} ${pad(f0(c.tokens), 9)}  ${notes.join('; ')}`);
  }

  // The project's synthesis targets: printed for a reader to judge, never asserted (load makes timed tests flaky).
  out();
  out('targets:');
  const target = (what, value, limit, fmt) => out(`  ${what.padEnd(44)} ${pad(fmt(value), 8)} (target <= ${fmt(limit)}) ${value <= limit ? 'met' : 'MISSED'}`);
  const big = mine.find((c) => !c.cli && c.nodes === 2000);
  const k1 = mine.find((c) => !c.cli && c.nodes === 1000);
  const exampleApp = mine.find((c) => c.exampleApp && !c.cli);
  if (big) {
    target('2000-node cluster, CPU s (median)', big.cpu, 5, f2);
    target('2000-node cluster, peak MB (median)', big.rssMB, 400, f0);
    if (k1) target('t(2000) / t(1000), CPU', big.cpu / k1.cpu, 2.1, f2);
  }
  target('example app / floor, wall (median)', exampleApp.wall / floor.wall, 1.3, f2);
  target('example app / floor, CPU (median)', exampleApp.cpu / floor.cpu, 1.3, f2);
}

if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify({ runs, load: [load0, load1], cases: cases.map(({ direct: _d, ...c }) => c) }, null, 2));
}

// cdktf vs the CDK Terrain flavour, side by side (scripts/bench-flavours.js; --no-flavours leaves it out).
if (!argv.includes('--no-flavours')) require('./bench-flavours').printFlavourBench({ runs });
