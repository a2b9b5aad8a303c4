// Tests are transpiled by swc (fast, no type-check); `npm test` type-checks everything with tsc first.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  testTimeout: 120000,
  // Removes the temp directories cdktf's Testing helpers leave behind.
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/cleanup-tmp.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
