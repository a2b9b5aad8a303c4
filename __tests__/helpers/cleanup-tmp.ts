// Jest setup (setupFilesAfterEnv): remove the temp directories cdktf's Testing helpers make. Testing.app() and
// Testing.fullSynth() each create an `os.tmpdir()/cdktf.outdir.*` directory and never delete it, so every
// synthesized test stack left one behind (hundreds per `npm test`). They are removed after each test file.
// https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/testing/index.ts
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';

const made: string[] = [];
const app = Testing.app.bind(Testing);
const fullSynth = Testing.fullSynth.bind(Testing);

Testing.app = (options = {}) => {
  if (options.outdir) return app(options);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf.outdir.'));
  made.push(outdir);
  return app({ ...options, outdir });
};
Testing.fullSynth = (stack) => {
  const outdir = fullSynth(stack);
  made.push(outdir);
  return outdir;
};

/** Removes every temp directory the Testing helpers made so far in this test file. */
export function removeTestingTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

afterAll(removeTestingTempDirs);
