// The example app as one bundled file (scripts/bundle-app.js): `npm run synth` (scripts/app.js) runs
// dist/bundle/main.js, with the library, its bindings and yaml inside and cdktf, constructs and @cdktf/* left to
// Node's loader. It must synthesize exactly what the module-by-module build synthesizes.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scaledTimeout } from '../helpers/timeouts';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { bundleIsStale, BUNDLE } = require(path.join(ROOT, 'scripts', 'bundle-app.js'));

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe('the example app runs as one bundled file', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'app-bundle-'));
  // Lists, at exit, the files Node's loader loaded (the bundle's own modules never reach it).
  const preload = path.join(tmp, 'loaded.js');
  fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.LOADED_FILE, Object.keys(require.cache).join('\\n')));\n");
  const run = (name: string, unbundled: boolean) => {
    const outdir = path.join(tmp, name);
    const loadedFile = path.join(tmp, `${name}.loaded`);
    const r = spawnSync(process.execPath, ['-r', preload, 'scripts/app.js'], {
      cwd: ROOT, encoding: 'utf8', timeout: scaledTimeout(60000),
      env: { ...process.env, CDKTF_OUTDIR: outdir, HOMELAB_CONFIG: '', LOADED_FILE: loadedFile, PROXMOX_CDKTF_UNBUNDLED: unbundled ? '1' : '' },
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const loaded = fs.readFileSync(loadedFile, 'utf8').split('\n').map((f) => path.relative(ROOT, f));
    // The report names each file relative to the working directory (the root): the two runs differ only there.
    const stdout = r.stdout.split(path.relative(ROOT, outdir)).join('<outdir>').split(outdir).join('<outdir>');
    return { outdir, stdout, loaded };
  };
  let bundled: ReturnType<typeof run>;
  let modules: ReturnType<typeof run>;
  beforeAll(() => {
    bundled = run('bundled', false);
    modules = run('modules', true);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the same files, byte for byte, and the same report as the module-by-module build', () => {
    expect(files(bundled.outdir)).toEqual(files(modules.outdir));
    expect(files(bundled.outdir).length).toBeGreaterThan(3);
    for (const f of files(modules.outdir)) {
      expect([f, fs.readFileSync(path.join(bundled.outdir, f), 'utf8')]).toEqual([f, fs.readFileSync(path.join(modules.outdir, f), 'utf8')]);
    }
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stdout).toContain('<outdir>'); // the normalisation above found the paths
  });

  test('the bundle is what runs: none of the library\'s or yaml\'s modules go through the loader, cdktf\'s do', () => {
    const ours = (l: string[]) => l.filter((f) => f.startsWith(`dist${path.sep}`) || f.includes(`node_modules${path.sep}yaml${path.sep}`));
    expect(ours(modules.loaded).length).toBeGreaterThan(100);
    expect(ours(bundled.loaded)).toEqual([path.relative(ROOT, BUNDLE)]);
    // One copy of each framework package, loaded by Node from node_modules (the bundle holds none of it).
    for (const pkg of ['cdktf', 'constructs']) {
      expect([pkg, bundled.loaded.some((f) => f.startsWith(path.join('node_modules', pkg, 'lib')))]).toEqual([pkg, true]);
    }
    // The library's code is in the file, cdktf's is not (a message of cdktf's stack synthesizer).
    const text = fs.readFileSync(BUNDLE, 'utf8');
    expect(text).toContain('https://<vip or first control plane>:6443'); // constructs/talos/talos-cluster.ts
    expect(text).not.toContain('Resource move functionality is only supported');
  });

  test('bundleIsStale: a missing bundle or one older than the last tsc build is stale; nothing built is not', () => {
    const info = path.join(tmp, '.tsbuildinfo');
    const out = path.join(tmp, 'bundle.js');
    expect(bundleIsStale(out, info)).toBe(false); // nothing compiled yet: nothing to bundle
    fs.writeFileSync(info, '');
    expect(bundleIsStale(out, info)).toBe(true); // compiled, never bundled
    fs.writeFileSync(out, '');
    fs.utimesSync(info, new Date(1000), new Date(1000));
    fs.utimesSync(out, new Date(2000), new Date(2000));
    expect(bundleIsStale(out, info)).toBe(false);
    fs.utimesSync(info, new Date(3000), new Date(3000)); // compiled again since
    expect(bundleIsStale(out, info)).toBe(true);
  });
});
