// `.gen/` must be exactly what the pinned schema snapshots generate: a hand edit, a stale regeneration or a
// schema bump without `npm run gen` fails here.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('.gen bindings', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-drift-'));
    // The `npm run gen` entry point itself, in its own process (which also keeps its environment settings its own).
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-bindings.js'), tmp], { cwd: ROOT, stdio: 'pipe' });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('are byte-identical to what the schema snapshots generate', () => {
    const committed = listFiles(path.join(ROOT, '.gen'));
    const fresh = listFiles(tmp);
    expect(committed).toEqual(fresh);
    const differing = fresh.filter((f) => !fs.readFileSync(path.join(tmp, f)).equals(fs.readFileSync(path.join(ROOT, '.gen', f))));
    expect(differing).toEqual([]);
  });

  test('cdktf.json pins exactly the versions of the schema snapshots', () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));
    expect(cfg.terraformProviders).toEqual(['bpg/proxmox@0.111.1', 'siderolabs/talos@0.11.0', 'poseidon/ct@0.14.0']);
    for (const c of cfg.terraformProviders) {
      const [source, version] = c.split('@');
      expect(fs.existsSync(path.join(ROOT, 'schemas', `${source.replace('/', '-')}-${version}.json`))).toBe(true);
      const meta = fs.readFileSync(path.join(ROOT, '.gen', 'providers', source.split('/')[1], 'provider', 'index.ts'), 'utf8');
      expect(meta).toContain(`providerVersion: '${version}'`);
    }
  });

  test('the prebuilt null and local providers match their schema snapshots', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies['@cdktf/provider-null']).toBe('11.0.1');
    expect(pkg.dependencies['@cdktf/provider-local']).toBe('11.1.1');
    for (const [pkgName, schema, version] of [
      ['@cdktf/provider-null', 'hashicorp-null-3.2.4.json', '3.2.4'],
      ['@cdktf/provider-local', 'hashicorp-local-2.6.1.json', '2.6.1'],
    ]) {
      expect(fs.existsSync(path.join(ROOT, 'schemas', schema))).toBe(true);
      const js = fs.readFileSync(require.resolve(`${pkgName}/lib/provider/index.js`), 'utf8');
      expect(js).toContain(`providerVersion: '${version}'`);
    }
  });
});
