#!/usr/bin/env node
// Entry point of the cdktf app (`cdktf.json` "app", and `npm run synth`).
//
// Runs the compiled app from dist/. Compiling is done by `npm ci` (the `prepare` script) and `npm run build`;
// when a TypeScript source is newer than its compiled file we rebuild first (incremental tsc), so an edit
// is never synthesized stale.
'use strict';
const path = require('path');
const { buildIfStale } = require('./build-if-stale');

require(path.join(buildIfStale(), 'main.js'));
