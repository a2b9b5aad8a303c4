// The library is usable from another cdktf app: pack it as npm would publish it, `npm install` the tarball for
// real into a scratch app next to the user's own cdktf and constructs (as the README says), type-check a
// TypeScript consumer against the packaged declarations, and synthesize. Needs the npm registry, or an npm cache
// holding the dependencies (--prefer-offline uses the cache first: `npm ci` has filled it).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthConsumerApp } from './helpers/consumer-app';
import { scaledTimeout } from './helpers/timeouts';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' },
});

describe('library packaging', () => {
  let dir: string;
  let pkgDir: string;
  let files: string[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
    // `npm test` has just built dist/; --ignore-scripts keeps pack from rebuilding.
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const [info] = JSON.parse(out);
    files = info.files.map((f: { path: string }) => f.path);
    const app = path.join(dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // What a user types: their own cdktf and constructs (the newest matching the library's peer ranges), then the library.
    npm(['install', '--prefer-offline', `cdktf@${pkg.peerDependencies.cdktf}`, `constructs@${pkg.peerDependencies.constructs}`,
      path.join(dir, info.filename)], app);
    pkgDir = path.join(app, 'node_modules', 'proxmox-cdktf-constructs');
  }, scaledTimeout(300000));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the tarball holds the compiled library, bindings and templates, and no tests or sources', () => {
    expect(files).toContain('dist/constructs/index.js');
    expect(files).toContain('dist/constructs/index.d.ts');
    expect(files.some((f) => f.startsWith('dist/.gen/providers/proxmox/'))).toBe(true);
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('__tests__/') || f.endsWith('.test.js') || /^constructs\/.*\.ts$/.test(f))).toEqual([]);
  });

  test('nothing from tools/ (the offline test tooling, its own private workspace) is shipped', () => {
    expect(files.filter((f) => f.startsWith('tools/') || f.includes('/tools/'))).toEqual([]);
    const tools = JSON.parse(fs.readFileSync(path.join(ROOT, 'tools', 'package.json'), 'utf8'));
    expect(tools.private).toBe(true);
    expect(pkg.workspaces).toEqual(['tools']);
    // The tool's own dependencies are not the library's.
    for (const dep of Object.keys(tools.dependencies).filter((d) => d !== 'yaml')) {
      expect({ dep, inLibrary: dep in { ...pkg.dependencies, ...pkg.devDependencies } }).toEqual({ dep, inLibrary: false });
    }
  });

  test('cdktf and constructs are peer dependencies: the app has one copy of each, none nested in the library', () => {
    expect(pkg.peerDependencies).toEqual({ cdktf: expect.stringMatching(/^\^0\.21\./), constructs: expect.stringMatching(/^\^10\./) });
    expect(pkg.dependencies.cdktf).toBeUndefined();
    expect(pkg.dependencies.constructs).toBeUndefined();
    expect(fs.existsSync(path.join(pkgDir, 'package.json'))).toBe(true);
    expect(fs.lstatSync(pkgDir).isSymbolicLink()).toBe(false);
    // A nested copy makes every construct a different `Construct` type to TypeScript (TS2345 in the user's app).
    expect(fs.existsSync(path.join(pkgDir, 'node_modules', 'constructs'))).toBe(false);
    expect(fs.existsSync(path.join(pkgDir, 'node_modules', 'cdktf'))).toBe(false);
    const ls = JSON.parse(npm(['ls', '--all', '--json', 'constructs'], path.join(dir, 'app')));
    const versions = new Set<string>();
    const walk = (deps: Record<string, any> = {}) => Object.entries(deps).forEach(([n, d]) => { if (n === 'constructs') versions.add(d.version); walk(d.dependencies); });
    walk(ls.dependencies);
    expect(versions.size).toBe(1);
  });

  test('a TypeScript app type-checks against it and synthesizes', () => {
    const app = path.join(dir, 'app');
    const json = synthConsumerApp(app, 'cdktf', 'proxmox-cdktf-constructs');
    expect(Object.keys(json.resource.proxmox_download_file)).toHaveLength(1);
    expect(json.terraform.required_providers.proxmox).toEqual({ source: 'bpg/proxmox', version: '0.111.1' });
  }, scaledTimeout(120000));
});
