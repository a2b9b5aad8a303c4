// One `validateStack` (scripts/validate.js: init, validate, plan, the Talos secrets, a second plan, apply, a
// converged re-plan) per configuration and engine per jest run, shared by the test files that validate the same
// synthesized stack (the example Talos cluster: talos/example.test.ts checks the plan counts,
// terraform/real-libraries.test.ts what machinery rendered, in the plan and in the applied state). The files run in
// different jest workers, so the result goes through a directory that jest's global setup makes for the run
// (scripts/jest-global-setup.js, $PROXMOX_TEST_SHARED_DIR) and its teardown removes: the first file to ask runs
// Terraform, under a lock; the other waits for its result, or its error, which it throws as its own. Without that
// directory (jest not started through the project's config) every call runs Terraform itself. The result holds the
// applied state, keys included: its file is readable by this user only.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { StackResult, TfJson } from '../../scripts/validate';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const validate: typeof import('../../scripts/validate') = require('../../scripts/validate');

/** Set by jest's global setup: the run's directory for shared results. */
export const SHARED_DIR_ENV = 'PROXMOX_TEST_SHARED_DIR';

/** validateStack({ config, name, planJson: true, stateJson: true }), once per configuration and engine in this jest run. */
export async function validateStackOnce(config: TfJson, name: string): Promise<StackResult> {
  const dir = process.env[SHARED_DIR_ENV];
  const run = () => validate.validateStack({ config, name, planJson: true, stateJson: true });
  if (!dir || !fs.existsSync(dir)) return run();
  const key = crypto.createHash('sha256').update(JSON.stringify([validate.findTerraform(), config])).digest('hex').slice(0, 32);
  const result = path.join(dir, `${key}.json`);
  const lock = path.join(dir, `${key}.lock`);
  for (;;) {
    if (fs.existsSync(result)) return read(result);
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      await new Promise((r) => setTimeout(r, 250)); // another worker is running it
      continue;
    }
    fs.closeSync(fd);
    let out: { ok: StackResult } | { error: string };
    try {
      out = { ok: await run() };
    } catch (e) {
      out = { error: (e as Error).message };
    }
    fs.writeFileSync(`${result}.tmp`, JSON.stringify(out), { mode: 0o600 });
    fs.renameSync(`${result}.tmp`, result);
    fs.rmSync(lock, { force: true });
    return read(result);
  }
}

function read(file: string): StackResult {
  const out = JSON.parse(fs.readFileSync(file, 'utf8'));
  if ('error' in out) throw new Error(out.error);
  return out.ok;
}

/**
 * For a test file that applies Talos clusters but does not check their keys: the fake talos provider of this process
 * answers talos_machine_secrets with keys made once per request in this jest run (shared with the other workers
 * through the run's directory), instead of about a second of key generation per apply. Call at the top of the file.
 */
export function reuseTalosSecrets(): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('../../tools/tf-schema-provider/libs').reuseTalosSecrets(process.env[SHARED_DIR_ENV] ?? null);
}
