// The library is usable from another cdktf app: pack it as npm would publish it, install the tarball into a
// scratch app, type-check a TypeScript consumer against the packaged declarations, and synthesize.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const PEERS = ['cdktf', 'constructs', 'yaml', 'ipaddr.js', '@cdktf/provider-null', '@cdktf/provider-local'];

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
    pkgDir = path.join(dir, 'app', 'node_modules', 'proxmox-cdktf-constructs');
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(dir, info.filename), '-C', pkgDir, '--strip-components=1']);
    // Dependencies come from this checkout's node_modules (no registry access in tests).
    for (const dep of PEERS) {
      const target = path.join(dir, 'app', 'node_modules', dep);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.symlinkSync(path.join(ROOT, 'node_modules', dep), target, 'dir');
    }
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the tarball holds the compiled library, bindings and templates, and no tests or sources', () => {
    expect(files).toContain('dist/constructs/index.js');
    expect(files).toContain('dist/constructs/index.d.ts');
    expect(files.some((f) => f.startsWith('dist/.gen/providers/proxmox/'))).toBe(true);
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('__tests__/') || f.endsWith('.test.js') || /^constructs\/.*\.ts$/.test(f))).toEqual([]);
  });

  test('a TypeScript app type-checks against it and synthesizes', () => {
    const app = path.join(dir, 'app');
    fs.writeFileSync(path.join(app, 'main.ts'), [
      "import { App, TerraformStack } from 'cdktf';",
      "import { Checksum, ProxmoxConnection, ProxmoxImage } from 'proxmox-cdktf-constructs';",
      'const app = new App();',
      "const stack = new TerraformStack(app, 'consumer');",
      "const connection = new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve:8006/' });",
      "new ProxmoxImage(stack, 'Iso', { connection, url: 'https://example.com/x.iso', checksum: Checksum.sha256('a'.repeat(64)), nodes: ['pve1'] });",
      'app.synth();',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: false, types: [] },
      files: ['main.ts'],
    }));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    execFileSync(process.execPath, ['main.js'], { cwd: app, env: { ...process.env, CDKTF_OUTDIR: path.join(app, 'out') } });
    const json = JSON.parse(fs.readFileSync(path.join(app, 'out', 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource.proxmox_download_file)).toHaveLength(1);
    expect(json.terraform.required_providers.proxmox).toEqual({ source: 'bpg/proxmox', version: '0.111.1' });
  }, 120000);
});
