// `npm test` used to leave an empty os.tmpdir()/cdktf.outdir.* per synthesized stack (cdktf's Testing helpers).
import * as fs from 'fs';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { removeTestingTempDirs } from '../helpers/cleanup-tmp';

const jestConfig = require(path.resolve(__dirname, '..', '..', 'jest.config.js'));

test('the temp directories of Testing.app() and Testing.fullSynth() are removed after each test file', () => {
  expect(jestConfig.setupFilesAfterEnv).toContain('<rootDir>/__tests__/helpers/cleanup-tmp.ts');
  const app = Testing.app();
  const stack = new TerraformStack(app, 's');
  const full = Testing.fullSynth(stack);
  expect(fs.existsSync(app.outdir)).toBe(true);
  expect(fs.existsSync(full)).toBe(true);
  removeTestingTempDirs();
  expect(fs.existsSync(app.outdir)).toBe(false);
  expect(fs.existsSync(full)).toBe(false);
  // An explicit outdir is the caller's.
  const mine = fs.mkdtempSync(path.join(require('os').tmpdir(), 'mine-'));
  Testing.app({ outdir: mine });
  removeTestingTempDirs();
  expect(fs.existsSync(mine)).toBe(true);
  fs.rmSync(mine, { recursive: true });
});
