// Preloaded (`node -r`) by `npm run example` before an example's own code: the examples stay plain user code that
// imports only from the package root, and still synthesize on the fast path the homelab app uses
// (constructs/core/synth-performance.ts says why both steps leave the synthesized JSON unchanged).
'use strict';
const path = require('path');
const dist = path.join(__dirname, '..', 'dist'); // what build-if-stale.js builds and example.js runs
require(path.join(dist, 'constructs', 'core', 'fast-start.js'));
require(path.join(dist, 'constructs', 'core', 'synth-performance.js')).skipTokenCreationStacks();
