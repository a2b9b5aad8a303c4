// Jest's test order: slowest file first, so that with two workers the long files overlap each other and the run
// ends with short ones instead of one worker idling while the other finishes a minute-long file.
// Jest's default sequencer already does that from the timings it keeps of the last run (in its cacheDirectory,
// https://jestjs.io/docs/configuration#testsequencer-string), but a fresh clone, and so CI, has no such cache:
// it then orders by file size, which need not start the longest files first. Here a file's time is
// jest's cached time when there is one, else the estimate below, else 0 (a small new file); failed files first,
// as in jest's own order. Ties: the larger file first.
'use strict';
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Seconds per file (relative to the root): the 30 slowest files of one full jest run with 2 workers on the shared
 * 2-core machine (load average 5 to 12, so about 3.5 times a quiet run; only the order matters). Refresh now and
 * then: `npx jest --json --outputFile=x.json`, endTime - startTime of each testResults entry.
 * __tests__/test-commands.test.ts checks that each file still exists.
 */
const ESTIMATES = {
  '__tests__/terraform/talos-upgrade-plan.test.ts': 261,
  '__tests__/debian/real-root.test.ts': 146,
  '__tests__/package.test.ts': 110,
  '__tests__/terraform/validate-script.test.ts': 90,
  '__tests__/flavours/cdktn.test.ts': 87,
  '__tests__/flatcar/plan.test.ts': 84,
  '__tests__/terraform/upgrade.test.ts': 78,
  '__tests__/terraform/fake-values.test.ts': 70,
  '__tests__/homelab/app.test.ts': 57,
  '__tests__/homelab/relocatable.test.ts': 52,
  '__tests__/examples.test.ts': 50,
  '__tests__/terraform/provider-schemas.test.ts': 49,
  '__tests__/terraform/lifecycle.test.ts': 48,
  '__tests__/terraform/real-libraries.test.ts': 45,
  '__tests__/terraform/node-pool-plan.test.ts': 39,
  '__tests__/talos/day2-example.test.ts': 38,
  '__tests__/debian/finalize-script.test.ts': 33,
  '__tests__/homelab/backend.test.ts': 32,
  '__tests__/docs-reference.test.ts': 32,
  '__tests__/terraform/cluster-growth.test.ts': 32,
  '__tests__/proxmox/qemu-args.test.ts': 31,
  '__tests__/terraform/child-id-moves.test.ts': 25,
  '__tests__/core/synth-performance.test.ts': 20,
  '__tests__/terraform/negative.test.ts': 20,
  '__tests__/cdktf-cli.test.ts': 20,
  '__tests__/homelab/cli-errors.test.ts': 19,
  '__tests__/talos/cluster-scaling.test.ts': 16,
  '__tests__/talos/upgrade-script.test.ts': 15,
  '__tests__/bad-input/homelab-cli.test.ts': 14,
  '__tests__/proxmox/access.test.ts': 14,
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
