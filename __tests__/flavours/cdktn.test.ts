// The CDK Terrain (cdktn) flavour (scripts/flavour-cdktn.js): its import rewriting, that the example apps
// synthesize the same Terraform JSON under cdktf and cdktn, and that the packed flavour works from a cdktn app.
// The construct tests themselves run against the flavour in `npm run test:cdktn`.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthConsumerApp } from '../helpers/consumer-app';
import { scaledTimeout } from '../helpers/timeouts';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const flavour = require(path.join(ROOT, 'scripts', 'flavour-cdktn.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { compareSynthTrees, normalizeStackText } = require(path.join(ROOT, 'scripts', 'synth-compare.js'));

describe('rewriteImports', () => {
  const rw = (text: string, dir = 'constructs/talos'): string => flavour.rewriteImports(text, dir);

  test('cdktf and its deep paths become cdktn, in import, require and dynamic import', () => {
    expect(rw("import { App } from 'cdktf';")).toBe("import { App } from 'cdktn';");
    expect(rw('const t = require("cdktf/lib/_tokens");')).toBe('const t = require("cdktn/lib/_tokens");');
    expect(rw("await import('cdktf')")).toBe("await import('cdktn')");
    expect(rw("require.resolve('cdktf/package.json')")).toBe("require.resolve('cdktn/package.json')");
  });

  test('prebuilt null/local providers point at the generated bindings, relative to the importing file', () => {
    expect(rw("import { LocalProvider } from '@cdktf/provider-local/lib/provider';"))
      .toBe("import { LocalProvider } from '../../.gen/providers/local/provider';");
    expect(rw("import { Resource } from '@cdktf/provider-null/lib/resource';", '__tests__/homelab'))
      .toBe("import { Resource } from '../../.gen/providers/null/resource';");
    expect(rw("import { Resource } from '@cdktf/provider-null/lib/resource';", '.')).toBe("import { Resource } from './.gen/providers/null/resource';");
  });

  test('leaves strings that are not module specifiers, and look-alike packages, alone', () => {
    const text = "m.type === '@cdktf/warn'; const s = 'cdktf'; import x from 'cdktf-cli'; import y from '@cdktf/commons';";
    expect(rw(text)).toBe(text);
  });
});

describe('skipPattern (cdktf-only tests left out of the flavour run)', () => {
  test('matches every test name but the listed ones', () => {
    const re = new RegExp(flavour.skipPattern(['leaves loading as cdktf (does) it']));
    expect(re.test('deferUnusedCdktfModules PROXMOX_CDKTF_EAGER_MODULES=1 leaves loading as cdktf (does) it')).toBe(false);
    expect(re.test('deferUnusedCdktfModules defers archiver')).toBe(true);
  });
});

describe('tests the flavour run leaves to the cdktf run (the same work twice otherwise)', () => {
  test('every framework-free file reaches neither cdktf, constructs nor the library; a file that does is named', () => {
    for (const f of flavour.SAME_CODE_TESTS) expect([f, flavour.frameworkReach(f)]).toEqual([f, null]);
    expect(flavour.frameworkReach('__tests__/homelab/app.test.ts')).toMatch(/imports a module the flavour rewrites/);
    expect(flavour.frameworkReach('__tests__/core/net.test.ts')).toBe('__tests__/core/net.test.ts imports constructs/core/errors');
    expect(flavour.frameworkReach('__tests__/homelab/relocatable.test.ts')).toMatch(/uses its tree's compiled app/);
    // through a helper: a test whose only import is a helper that imports cdktf
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reach-'));
    try {
      fs.mkdirSync(path.join(tmp, '__tests__', 'helpers'), { recursive: true });
      fs.writeFileSync(path.join(tmp, '__tests__', 'a.test.ts'), "import { x } from './helpers/h';\n");
      fs.writeFileSync(path.join(tmp, '__tests__', 'helpers', 'h.ts'), "export { Testing as x } from 'cdktf';\n");
      expect(flavour.frameworkReach('__tests__/a.test.ts', tmp)).toBe('__tests__/a.test.ts -> __tests__/helpers/h.ts imports a module the flavour rewrites');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('each test left out by name exists in a file that spawns the script named as the reason, and only those are left out', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []));
    const sources = files(path.join(ROOT, '__tests__')).filter((f) => f !== __filename).map((f) => fs.readFileSync(f, 'utf8'));
    for (const [name, script] of flavour.ROOT_BUILD_TESTS as Array<[string, string]>) {
      // the longest word suffix of the name (past its describe title) that a test file holds
      const words = name.split(' ');
      const tail = words.map((_w, i) => words.slice(i).join(' ')).find((t) => sources.some((s: string) => s.includes(t)))!;
      expect([name, tail?.split(' ').length >= 3]).toEqual([name, true]);
      const holders = sources.filter((s: string) => s.includes(tail));
      expect([name, holders.some((s: string) => s.includes(`'${script.split(' ')[0]}'`))]).toEqual([name, true]);
    }
    const re = new RegExp(flavour.skipPattern(flavour.flavourSkippedTests().map(([n]: [string]) => n)));
    expect(re.test('homelab.json semantic errors through the CLI every problem at once, across sections, in homelab.json terms')).toBe(false);
    expect(re.test('examples/ talos-day2 synthesizes into its own directory, with its outputs')).toBe(false);
    // the same files' in-process tests stay in the flavour run
    expect(re.test('homelab.json pools and node hardware through the CLI a pool whose node name is a listed worker\'s is refused')).toBe(false);
    expect(re.test('helpers duplicateJsonKeys finds repeats at any depth, in arrays too, and nothing else')).toBe(true);
    expect(re.test('homelab app the defaults build the reference homelab in three stacks')).toBe(true);
    expect(re.test('examples/ talos-day2 says how to run it')).toBe(true);
  });
});

describe('normalizeStackText', () => {
  test('only the metadata version and empty-container layout are normalised', () => {
    const cdktf = '{\n  "//": {\n    "metadata": {\n      "version": "0.21.0"\n    },\n    "outputs": {\n    }\n  },\n  "a": [\n  ]\n}';
    const cdktn = '{\n  "//": {\n    "metadata": {\n      "version": "0.24.0"\n    },\n    "outputs": {}\n  },\n  "a": []\n}';
    expect(normalizeStackText(cdktf)).toBe(normalizeStackText(cdktn));
    // a real difference survives
    expect(normalizeStackText(cdktf.replace('"a"', '"b"'))).not.toBe(normalizeStackText(cdktn));
    expect(normalizeStackText('{ "x": { "y": 1 } }')).toBe('{ "x": { "y": 1 } }');
  });
});

describe('the cdktn flavour', () => {
  let work: string;

  beforeAll(async () => {
    // Incremental: installs the cdktn toolchain when missing, regenerates bindings only when schemas changed.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'flavour-cdktn.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'flavours-'));
  }, scaledTimeout(600000));
  afterAll(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

  /** Synthesizes `script` of `distDir` into `outdir`; returns the framework packages the process loaded. */
  const synth = (distDir: string, script: string, outdir: string): string[] => {
    fs.mkdirSync(path.dirname(outdir), { recursive: true });
    const preload = path.join(work, 'record-modules.js');
    fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.RECORD_MODULES, JSON.stringify(Object.keys(require.cache))));\n");
    const record = `${outdir}.modules.json`;
    // `npm test` compiles dist/ first; the flavour was built in beforeAll. Both run from the root (homelab.json).
    const r = spawnSync(process.execPath, ['-r', preload, path.join(distDir, script)], {
      cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir, HOMELAB_CONFIG: '', RECORD_MODULES: record }, encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${script} under ${distDir}: exit ${r.status}\n${r.stderr}`);
    const loaded: string[] = JSON.parse(fs.readFileSync(record, 'utf8'));
    const packages = loaded.map((f) => /[\\/]node_modules[\\/]((?:@cdkt[fn][\\/][^\\/]+)|cdkt[fn])[\\/]/.exec(f)?.[1]).filter((x): x is string => !!x);
    return [...new Set(packages)].sort();
  };

  const apps = ['main.js', ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => `examples/${f.replace(/\.ts$/, '.js')}`)];

  test.each(apps)('%s synthesizes the same Terraform JSON under cdktf and cdktn', (script) => {
    const a = path.join(work, script.replace(/\W/g, '_'), 'cdktf');
    const b = path.join(work, script.replace(/\W/g, '_'), 'cdktn');
    // each build loads its own framework only (the root node_modules, which has cdktf, is an ancestor of the flavour)
    const cdktfLoaded = synth(path.join(ROOT, 'dist'), script, a);
    expect(cdktfLoaded).toContain('cdktf');
    expect(cdktfLoaded.filter((p) => /^(@cdktn\/|cdktn$)/.test(p))).toEqual([]);
    expect(synth(path.join(flavour.OUT, 'dist'), script, b)).toEqual(['cdktn']);
    const [stack] = fs.readdirSync(path.join(a, 'stacks'));
    const read = (d: string): string => fs.readFileSync(path.join(d, 'stacks', stack, 'cdk.tf.json'), 'utf8');
    // the one intended difference in content is the library version in the metadata
    expect(JSON.parse(read(a))['//'].metadata.version).toBe(require(path.join(ROOT, 'node_modules', 'cdktf', 'package.json')).version);
    expect(JSON.parse(read(b))['//'].metadata.version).toBe(require(path.join(flavour.TOOLCHAIN, 'cdktn', 'package.json')).version);
    expect(compareSynthTrees(a, b)).toEqual([]);
  }, scaledTimeout(120000));

  test("the scripts the flavour run leaves to the cdktf run start the root's cdktf build from the flavour tree too", () => {
    const preload = path.join(work, 'record-main.js');
    fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.RECORD_MODULES, JSON.stringify(Object.keys(require.cache))));\n");
    const runs: Array<[string, string[]]> = [['scripts/app.js', []], ['scripts/example.js', ['least-privilege-access']]];
    for (const [script, args] of runs) {
      const record = path.join(work, `${script.replace(/\W/g, '_')}.modules.json`);
      const out = path.join(work, `${script.replace(/\W/g, '_')}.out`);
      fs.mkdirSync(out);
      const r = spawnSync(process.execPath, ['-r', preload, script, ...args], {
        cwd: flavour.OUT, env: { ...process.env, CDKTF_OUTDIR: out, EXAMPLES_OUTDIR: out, HOMELAB_CONFIG: '', RECORD_MODULES: record }, encoding: 'utf8',
      });
      expect([script, r.status, r.stderr]).toEqual([script, 0, '']);
      const loaded: string[] = JSON.parse(fs.readFileSync(record, 'utf8'));
      expect([script, loaded.some((f) => f.startsWith(path.join(ROOT, 'dist') + path.sep))]).toEqual([script, true]);
      expect([script, loaded.some((f) => f.startsWith(flavour.OUT + path.sep) || f.includes(`${path.sep}cdktn${path.sep}`))]).toEqual([script, false]);
    }
    // scripts/validate.js synthesizes with the app of the checkout it belongs to: the root's
    const validateJs = fs.realpathSync(path.join(flavour.OUT, 'scripts', 'validate.js'));
    expect(require(validateJs).appCommand().args).toEqual(['scripts/app.js']);
    expect(path.dirname(path.dirname(validateJs))).toBe(fs.realpathSync(ROOT));
  }, scaledTimeout(120000));

  test('no module of the built flavour loads cdktf or a @cdktf package', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(js|d\.ts)$/.test(e.name) && /(require(\.resolve)?\(|from |import\()\s*["'](cdktf|@cdktf\/)/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(flavour.OUT, p));
      }
    };
    walk(path.join(flavour.OUT, 'dist'));
    expect(offenders).toEqual([]);
  });

  test('the packed flavour installs into a cdktn app, type-checks and synthesizes', () => {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: flavour.OUT, encoding: 'utf8' });
    const [info] = JSON.parse(out);
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    expect(info.name).toBe(flavour.PACKAGE_NAME);
    expect(files).toContain('dist/constructs/index.js');
    expect(files.some((f) => f.startsWith('dist/.gen/providers/local/'))).toBe(true);
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('dist/__tests__') || /^constructs\/.*\.ts$/.test(f))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(flavour.OUT, 'package.json'), 'utf8'));
    const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
    expect(Object.keys(deps).filter((d) => d === 'cdktf' || d.startsWith('@cdktf/'))).toEqual([]);
    expect(deps.cdktn).toBeDefined();

    const app = path.join(work, 'app');
    const pkgDir = path.join(app, 'node_modules', flavour.PACKAGE_NAME);
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, info.filename), '-C', pkgDir, '--strip-components=1']);
    // Dependencies from the checkout (no registry access in tests): cdktn and constructs from the flavour toolchain.
    const link = (dep: string, from: string): void => {
      const target = path.join(app, 'node_modules', dep);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.symlinkSync(path.join(from, dep), target, 'dir');
    };
    link('cdktn', flavour.TOOLCHAIN);
    link('constructs', flavour.TOOLCHAIN);
    for (const dep of ['yaml', 'ipaddr.js']) link(dep, path.join(ROOT, 'node_modules'));
    const json = synthConsumerApp(app, 'cdktn', 'proxmox-cdktn-constructs');
    // one download resource (its type name depends on the bpg provider version pinned in cdktf.json)
    const downloads = Object.keys(json.resource).filter((t) => t.endsWith('download_file'));
    expect(downloads.map((t) => Object.keys(json.resource[t]).length)).toEqual([1]);
    expect(json['//'].metadata.version).toBe(require(path.join(flavour.TOOLCHAIN, 'cdktn', 'package.json')).version);

  }, scaledTimeout(300000));
});
