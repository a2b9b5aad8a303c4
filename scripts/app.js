#!/usr/bin/env node
// Entry point of the cdktf app (`cdktf.json` "app", and `npm run synth`).
//
// Runs the compiled app from dist/. Compiling is done by `npm ci` (the `prepare` script) and `npm run build`;
// when a TypeScript source is newer than its compiled file we rebuild first (incremental tsc), so an edit
// is never synthesized stale.
//
// It runs the app as one bundled file (dist/bundle/main.js, scripts/bundle-app.js), the same code with fewer
// modules for Node to load; PROXMOX_CDKTF_UNBUNDLED=1 runs dist/main.js module by module instead (for a debugger,
// or stack traces with the compiled files' names).
'use strict';
const path = require('path');
const { buildIfStale } = require('./build-if-stale');
const { BUNDLE } = require('./bundle-app');

const dist = buildIfStale();
require(process.env.PROXMOX_CDKTF_UNBUNDLED === '1' ? path.join(dist, 'main.js') : BUNDLE);
