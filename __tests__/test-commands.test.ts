// The test commands: `npm test` (the README's test command) is the type-check and the cdktf jest pass; CI
// (.ci/run) runs it and then the CDK Terrain and OpenTofu passes, which `npm run test:all` runs locally too.
// And the order jest runs the files in (scripts/jest-sequencer.js): slowest first, also without jest's cache.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Sequencer = require(path.join(ROOT, 'scripts', 'jest-sequencer.js'));

describe('test commands', () => {
  test('npm test type-checks and runs jest; test:all adds the flavour and OpenTofu passes', () => {
    expect(pkg.scripts.test).toBe('tsc -b tsconfig.test.json && jest');
    expect(pkg.scripts['test:all']).toBe('npm test && npm run test:cdktn && npm run test:tofu');
  });

  test('.ci/run runs the README\'s test command, then every other pass of test:all, in that order', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```sh\n([^`]*)```/.exec(readme.slice(readme.indexOf('## Quick start')))![1];
    const readmeTest = block.split('\n').map((l) => l.replace(/#.*/, '').trim()).find((l) => /^npm (test|run test)/.test(l));
    expect(readmeTest).toBe('npm test');
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^npm (test|run test)/.test(l));
    const all = pkg.scripts['test:all'].split(' && ');
    expect(ci).toEqual(all);
    expect(ci[0]).toBe(readmeTest);
  });
});

describe('jest-sequencer: slowest files first', () => {
  type FakeTest = { path: string; context: { config: { rootDir: string; cache: boolean }; hasteFS: { getSize: (p: string) => number } } };
  const sizes: Record<string, number> = {};
  const context = { config: { rootDir: ROOT, cache: false }, hasteFS: { getSize: (p: string) => sizes[p] ?? 0 } };
  const t = (rel: string, size = 100): FakeTest => {
    const p = path.join(ROOT, rel);
    sizes[p] = size;
    return { path: p, context };
  };
  const order = (seq: { sort: (x: FakeTest[]) => FakeTest[] }, tests: FakeTest[]): string[] => seq.sort(tests).map((x) => path.relative(ROOT, x.path));

  test('without jest\'s timing cache (a fresh clone, CI) the committed estimates order the files, then the size', () => {
    const tests = [t('__tests__/a-small.test.ts', 10), t('__tests__/debian/real-root.test.ts', 5), t('__tests__/z-big.test.ts', 9000),
      t('__tests__/package.test.ts', 5), t('__tests__/flavours/cdktn.test.ts', 5)];
    expect(order(new Sequencer(), tests)).toEqual([
      '__tests__/debian/real-root.test.ts', '__tests__/package.test.ts', '__tests__/flavours/cdktn.test.ts', '__tests__/z-big.test.ts', '__tests__/a-small.test.ts']);
  });

  test('jest\'s cached time of the last run wins over the estimate, and a file that failed last time runs first', () => {
    const seq = new Sequencer();
    const tests = [t('__tests__/debian/real-root.test.ts'), t('__tests__/package.test.ts'), t('__tests__/x.test.ts'), t('__tests__/y.test.ts')];
    // jest's cache format: [status (0 failed, 1 passed), milliseconds]
    seq._cache.set(context, { [tests[1].path]: [1, 900000], [tests[2].path]: [0, 10] });
    expect(order(seq, tests)).toEqual(['__tests__/x.test.ts', '__tests__/package.test.ts', '__tests__/debian/real-root.test.ts', '__tests__/y.test.ts']);
  });

  test('every file with an estimate exists', () => {
    const missing = Object.keys(Sequencer.ESTIMATES).filter((f) => !fs.existsSync(path.join(ROOT, f)));
    expect(missing).toEqual([]);
  });
});
