#!/usr/bin/env node
// `npm run cdktf -- <command> [args]`: the project's cdktf CLI with its version check switched off.
// The CLI asks checkpoint-api.hashicorp.com for news on every command (the same service as Terraform's
// CHECKPOINT_DISABLE); without network that logs ENOTFOUND or waits for a request timeout (about 10 s here).
// CHECKPOINT_DISABLE=1 turns it off; a value already in the environment is kept.
// https://developer.hashicorp.com/terraform/cli/commands#upgrade-and-security-bulletin-checks
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const bin = path.join(__dirname, '..', 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
const r = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], {
  stdio: 'inherit', env: { ...process.env, CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE || '1' },
});
process.exit(r.status ?? 1);
