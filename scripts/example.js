#!/usr/bin/env node
// `npm run example -- <name>`: synthesizes examples/<name>.ts on its own, into cdktf.out/examples/<name>/
// (or $EXAMPLES_OUTDIR/<name>/), and prints what each stack holds and its warnings, like `npm run synth`.
// Without a name, lists the examples.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { buildIfStale, root } = require('./build-if-stale');

const names = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const name = process.argv[2];
if (!name || !names.includes(name)) {
  process.stderr.write(`${name ? `no example named ${JSON.stringify(name)}. ` : ''}usage: npm run example -- <name>\n` +
    `examples: ${names.join(', ')}\n`);
  process.exit(name ? 1 : 0);
}
const dist = buildIfStale();
// Each example has its own directory: one example's synth never overwrites another's (or the homelab's) stacks.
const outdir = path.join(process.env.EXAMPLES_OUTDIR || path.join(root, 'cdktf.out', 'examples'), name);
const preload = path.join(__dirname, 'fast-synth-preload.js');
const r = spawnSync(process.execPath, ['-r', preload, path.join(dist, 'examples', `${name}.js`)], {
  stdio: 'inherit', env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE || '1' },
});
if (r.status !== 0) process.exit(r.status ?? 1);
const { synthReport } = require(path.join(dist, 'homelab', 'synth-report.js'));
process.stdout.write(synthReport(outdir).map((l) => `${l}\n`).join(''));
