// Jest's test order: slowest file first, so that with two workers the long files overlap each other and the run
// ends with short ones instead of one worker idling while the other finishes a minute-long file.
// Jest's default sequencer already does that from the timings it keeps of the last run (in its cacheDirectory,
// https://jestjs.io/docs/configuration#testsequencer-string), but a fresh clone, and so CI, has no such cache:
// it then orders by file size, which put the 65 s real-root test among the last files. Here a file's time is
// jest's cached time when there is one, else the estimate below, else 0 (a small new file); failed files first,
// as in jest's own order. Ties: the larger file first.
'use strict';
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Seconds per file (relative to the root) measured in one full jest run with 2 workers on the 2-core machine,
 * rounded; only files above about 3 s. Keep roughly current: `npx jest --json --outputFile=x.json` and read
 * perfStats of each testResults entry. __tests__/test-commands.test.ts checks that each file still exists.
 */
const ESTIMATES = {
  '__tests__/debian/real-root.test.ts': 65,
  '__tests__/flavours/cdktn.test.ts': 59,
  '__tests__/homelab/backend.test.ts': 32,
  '__tests__/homelab/app.test.ts': 30,
  '__tests__/terraform/engines.test.ts': 25,
  '__tests__/terraform/upgrade.test.ts': 20,
  '__tests__/package.test.ts': 17,
  '__tests__/proxmox/qemu-args.test.ts': 14,
  '__tests__/homelab/relocatable.test.ts': 7.5,
  '__tests__/homelab/cli-errors.test.ts': 7.1,
  '__tests__/examples.test.ts': 5.8,
  '__tests__/cdktf-cli.test.ts': 5.7,
  '__tests__/debian/finalize-script.test.ts': 5.5,
  '__tests__/docs-reference.test.ts': 4.9,
  '__tests__/bad-input/homelab-cli.test.ts': 3,
};

class SlowFirstSequencer extends Sequencer {
  /** Jest's cached duration (ms) of the file's last run, else the committed estimate, else 0. */
  estimate(test) {
    const cached = this.time(test);
    if (cached != null) return cached;
    const rel = path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/');
    return (ESTIMATES[rel] ?? 0) * 1000;
  }

  sort(tests) {
    const size = new Map();
    const sizeOf = (t) => {
      if (!size.has(t.path)) size.set(t.path, t.context.hasteFS.getSize(t.path) ?? 0);
      return size.get(t.path);
    };
    const key = new Map(tests.map((t) => [t, { failed: this.hasFailed(t), ms: this.estimate(t) }]));
    return [...tests].sort((a, b) => {
      const ka = key.get(a);
      const kb = key.get(b);
      if (ka.failed !== kb.failed) return ka.failed ? -1 : 1;
      if (ka.ms !== kb.ms) return kb.ms - ka.ms;
      return sizeOf(b) - sizeOf(a);
    });
  }
}

module.exports = SlowFirstSequencer;
module.exports.ESTIMATES = ESTIMATES;
