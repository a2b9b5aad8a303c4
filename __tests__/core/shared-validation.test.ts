// helpers/shared-validation.ts: one validateStack per configuration and engine per jest run, its result or error
// shared through the run's directory.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHARED_DIR_ENV, validateStackOnce } from '../helpers/shared-validation';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const validate = require('../../scripts/validate');

describe('validateStackOnce', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env[SHARED_DIR_ENV];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-validation-'));
    process.env[SHARED_DIR_ENV] = dir;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    if (saved === undefined) delete process.env[SHARED_DIR_ENV]; else process.env[SHARED_DIR_ENV] = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('runs Terraform once per configuration; a concurrent caller waits for the same result', async () => {
    let calls = 0;
    jest.spyOn(validate, 'validateStack').mockImplementation(async (o: any) => {
      calls++;
      await new Promise((r) => setTimeout(r, 300));
      return { name: o.name, plan: { add: o.config.n, change: 0, destroy: 0 } };
    });
    const [a, b] = await Promise.all([validateStackOnce({ n: 1 }, 'a'), validateStackOnce({ n: 1 }, 'b')]);
    expect(calls).toBe(1);
    expect(b).toEqual(a);
    expect(a.plan).toEqual({ add: 1, change: 0, destroy: 0 });
    expect((await validateStackOnce({ n: 2 }, 'c')).plan.add).toBe(2);
    expect(calls).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  test('a failure is every caller\'s failure, with Terraform\'s message', async () => {
    const spy = jest.spyOn(validate, 'validateStack').mockRejectedValue(new Error('terraform plan failed (exit 1): boom'));
    await expect(validateStackOnce({ n: 3 }, 'x')).rejects.toThrow('terraform plan failed (exit 1): boom');
    await expect(validateStackOnce({ n: 3 }, 'y')).rejects.toThrow('terraform plan failed (exit 1): boom');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('without the run directory every call runs Terraform itself', async () => {
    delete process.env[SHARED_DIR_ENV];
    const spy = jest.spyOn(validate, 'validateStack').mockResolvedValue({ name: 'z' });
    await validateStackOnce({ n: 4 }, 'z');
    await validateStackOnce({ n: 4 }, 'z');
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
