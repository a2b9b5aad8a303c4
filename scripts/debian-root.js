#!/usr/bin/env node
// Builds (or finds cached) the Debian 13 root of the real-root test: `node scripts/debian-root.js`.
// The package set comes from the library (templatePackageUnion), so a changed package list builds a new root.
// Cache: $DEBIAN_ROOT_CACHE, default /var/cache/proxmox-cdktf (outside the work tree). Prints the time taken.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cache = process.env.DEBIAN_ROOT_CACHE || '/var/cache/proxmox-cdktf';
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status || 1);
const { templatePackageUnion } = require(path.join(root, 'dist', 'constructs', 'debian', 'cloud-config'));
const started = Date.now();
const r = spawnSync('bash', [path.join(__dirname, 'debian-root.sh'), 'build', cache, ...templatePackageUnion(13)], { stdio: 'inherit' });
console.log(`debian-root: ${((Date.now() - started) / 1000).toFixed(0)} s (target: 10 min with the real-root test on a fresh machine)`);
process.exit(r.status ?? 1);
