// Tests are transpiled by swc (fast, no type-check); `npm test` type-checks everything with tsc first
// (`tsc -b tsconfig.test.json`: the library, then the tests against its declarations, in one build graph).
const os = require('os');

// One worker per core (jest's default leaves one core idle: a single worker on a 2-core machine). Each worker
// peaks at about 0.8 GB (a full synthesis of the example app plus the Terraform runs it starts), so memory
// caps the count too. JEST_MAX_WORKERS overrides (e.g. 1 to debug).
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const byMemory = Math.max(1, Math.floor(os.totalmem() / (1.5 * 2 ** 30)));

module.exports = {
  maxWorkers: process.env.JEST_MAX_WORKERS || Math.max(1, Math.min(cores, byMemory)),
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/helpers/jest-setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  // JEST_TIMEOUT_SCALE (default 1) scales this and the tests' fixed spawn time limits (__tests__/helpers/timeouts.ts),
  // for a machine loaded by other work.
  testTimeout: Math.round(120000 * (Number(process.env.JEST_TIMEOUT_SCALE) > 0 ? Number(process.env.JEST_TIMEOUT_SCALE) : 1)),
  // Slowest files first, also on a fresh clone without jest's timing cache (scripts/jest-sequencer.js).
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  // Removes the temp directories cdktf's Testing helpers leave behind.
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/cleanup-tmp.ts'],
  // builds tools/provider-libs (Go) once per run; cached across runs
  // and makes the run's directory for results shared across workers (helpers/shared-validation.ts); teardown removes it
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.js',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
