// Tests are transpiled by swc (fast, no type-check); `npm test` type-checks everything with tsc first.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  testTimeout: 120000,
  // builds tools/provider-libs (Go) once per run; cached across runs
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
