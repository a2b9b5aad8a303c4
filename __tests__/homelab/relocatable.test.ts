// The synthesized tree does not depend on where the checkout lives: the example app and the examples, copied to
// two directories of different depth and synthesized in each, write byte-identical cdktf.out trees (the JSON a laptop
// synthesizes is the JSON a pipeline elsewhere runs: state paths relative to each stack's directory, no stack
// traces with absolute paths in manifest.json).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scaledTimeout } from '../helpers/timeouts';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildIfStale } = require('../../scripts/build-if-stale') as { buildIfStale: () => string };
/** The checkout scripts/ belongs to (a flavour build links the root's scripts/ into its own tree). */
const SCRIPTS_ROOT = path.resolve(path.dirname(require.resolve('../../scripts/build-if-stale')), '..');

/** The compiled app of this tree: the root's (built if stale), or a flavour's own dist/, compiled by its build. */
const compiledApp = (): string => (fs.realpathSync(ROOT) === fs.realpathSync(SCRIPTS_ROOT) ? buildIfStale() : path.join(ROOT, 'dist'));

/** Every file below `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

/**
 * Every node_modules at or above ROOT, nearest first: where the tree resolves its packages (a flavour build
 * resolves some from its own toolchain, the rest from the root's). The copies get them through NODE_PATH.
 */
function nodeModules(): string[] {
  const found: string[] = [];
  for (let d = ROOT; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules'))) found.push(path.join(d, 'node_modules'));
    if (path.dirname(d) === d) return found;
  }
}

/** A checkout at `dir`: the compiled app and the templates it reads (packages come through NODE_PATH). */
function checkout(dir: string, dist: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(dist, path.join(dir, 'dist'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
}

/** How a checkout at `dir` synthesizes: the app as `npm run synth` runs it, an example as `npm run example` does. */
interface Run {
  readonly args: (dir: string) => string[];
  readonly env: (dir: string) => NodeJS.ProcessEnv;
  /** A file the tree must hold. */
  readonly expected: string;
  /**
   * The files compared. The examples build cdktf's default `App`, as a user's app does, whose manifest.json keeps
   * the stack traces of warnings (absolute paths of the JavaScript files, for debugging); main.ts turns them off.
   */
  readonly compared: (file: string) => boolean;
}
const RUNS: Record<string, Run> = {
  'the example app (main.ts)': {
    args: () => ['dist/main.js'],
    env: () => ({}),
    expected: path.join('stacks', 'homelab-talos', 'cdk.tf.json'),
    compared: () => true,
  },
  // scripts/example.js: the preload, and the example's own directory under cdktf.out/examples/.
  ...Object.fromEntries([['talos-cluster', 'example-talos'], ['debian-template', 'example-debian']].map(([name, stack]) => [`examples/${name}.ts`, {
    args: (dir: string) => ['-r', path.join(dir, 'scripts', 'fast-synth-preload.js'), path.join('dist', 'examples', `${name}.js`)],
    env: (dir: string) => ({ CDKTF_OUTDIR: path.join(dir, 'cdktf.out', 'examples', name) }),
    expected: path.join('examples', name, 'stacks', stack, 'cdk.tf.json'),
    compared: (file: string) => file.startsWith(path.join('examples', name, 'stacks') + path.sep),
  }])),
};

test.each(Object.keys(RUNS))('%s synthesized in two directories writes byte-identical trees', (what) => {
  const run = RUNS[what];
  const dist = compiledApp();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relocatable-'));
  try {
    const dirs = [path.join(tmp, 'laptop'), path.join(tmp, 'ci', 'runner', 'work')];
    const trees = dirs.map((d) => {
      checkout(d, dist);
      fs.mkdirSync(path.join(d, 'scripts'));
      fs.copyFileSync(path.join(SCRIPTS_ROOT, 'scripts', 'fast-synth-preload.js'), path.join(d, 'scripts', 'fast-synth-preload.js'));
      const env: NodeJS.ProcessEnv = { ...process.env, HOMELAB_CONFIG: '', NODE_PATH: nodeModules().join(path.delimiter), ...run.env(d) };
      const outdir = run.env(d).CDKTF_OUTDIR;
      // cdktf's App creates its outdir but not the parents (scripts/example.js runs where cdktf.out/examples/ exists).
      if (outdir) fs.mkdirSync(path.dirname(outdir), { recursive: true });
      else delete env.CDKTF_OUTDIR;
      const r = spawnSync(process.execPath, run.args(d), { cwd: d, env, encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      return new Map([...tree(path.join(d, 'cdktf.out'))].filter(([file]) => run.compared(file)));
    });
    expect([...trees[0].keys()].sort()).toEqual([...trees[1].keys()].sort());
    expect([...trees[0].keys()]).toContain(run.expected);
    for (const [file, bytes] of trees[0]) {
      expect({ file, text: trees[1].get(file)!.toString('utf8') }).toEqual({ file, text: bytes.toString('utf8') });
      expect({ file, hasPath: bytes.includes(tmp) }).toEqual({ file, hasPath: false });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, scaledTimeout(60_000));
