// Jest global setup: build (or find cached) tools/provider-libs before any test runs, so that tests going
// through tools/tf-schema-provider render ct_config and Talos configurations with the providers' own libraries.
// Without Go the tests that need it skip loudly (helpers/tools.ts OFFLINE_TERRAFORM); in CI it is a failure.
// It bundles the compiled app (scripts/bundle-app.js) when the bundle is older than dist/.
// It also makes the run's directory for results that test files in different workers share
// (__tests__/helpers/shared-validation.ts); scripts/jest-global-teardown.js removes it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const libs = require('./build-provider-libs');
const { bundleApp, bundleIsStale } = require('./bundle-app');

module.exports = async () => {
  process.env.PROXMOX_TEST_SHARED_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-shared-'));
  // The app's bundle (scripts/app.js runs it), made once here rather than by the first tests that start the app.
  if (bundleIsStale()) bundleApp();
  const t = Date.now();
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  let r;
  try {
    r = libs.build({ log: (m) => process.stderr.write(`\n${m}\n`) });
  } catch (e) {
    // e.g. no module proxy and no module cache: the tests that need the helper fail with "not built"; the rest run
    if (ci) throw e;
    process.stderr.write(`\n*** ${e.message}\n*** Tests that render through tools/provider-libs will FAIL. ***\n`);
    return;
  }
  if (r.missingGo) {
    if (ci) throw new Error(`required tool missing in CI: ${libs.MISSING_GO}`);
    process.stderr.write(`\n*** ${libs.MISSING_GO} Tests that need it are SKIPPED. ***\n`);
    return;
  }
  process.env.PROVIDER_LIBS_BIN = r.bin; // inherited by the test workers and the providers they start
  if (!r.cached) process.stderr.write(`tools/provider-libs built in ${((Date.now() - t) / 1000).toFixed(1)}s: ${r.bin}\n`);
};
