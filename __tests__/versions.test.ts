// The default versions (constructs/versions.ts) fit together, match the pins elsewhere, and README "Tested versions"
// shows them.
import * as fs from 'fs';
import * as path from 'path';
import * as V from '../constructs/versions';
import { kubernetesMinor, talosMinor } from '../constructs/talos/versions';

const ROOT = path.resolve(__dirname, '..');

describe('constructs/versions.ts', () => {
  test('the provider versions are the ones cdktf.json pins', () => {
    const pins = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')).terraformProviders as string[];
    expect(pins).toEqual(Object.entries(V.PROVIDER_VERSIONS).map(([p, v]) => `${p}@${v}`));
  });

  test('the default Kubernetes is the newest minor the default Talos supports', () => {
    const [, newest] = V.TALOS_KUBERNETES_SUPPORT[talosMinor(V.TALOS_VERSION)!];
    expect(kubernetesMinor(V.DEFAULT_KUBERNETES_VERSION)).toBe(newest);
  });

  test('the talos provider generates configuration for the default Talos minor (machinery v1.13 in 0.11.0)', () => {
    expect(V.PROVIDER_VERSIONS['siderolabs/talos']).toBe('0.11.0');
    expect(talosMinor(V.TALOS_VERSION)).toBe('1.13');
  });

  test('the cilium CLI minor is the one made for the Cilium minor (CLI v0.N for Cilium 1.N)', () => {
    const cli = /:v0\.(\d+)\.\d+$/.exec(V.CILIUM_CLI_IMAGE);
    expect(cli).not.toBeNull();
    expect(V.CILIUM_VERSION.split('.')[1]).toBe(cli![1]);
  });

  test('README "Tested versions" lists every default', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Tested versions'), readme.indexOf('## Toolchain'));
    for (const v of [...Object.values(V.PROVIDER_VERSIONS), V.TALOS_VERSION, V.DEFAULT_KUBERNETES_VERSION, V.CILIUM_VERSION,
      V.CILIUM_CLI_IMAGE, V.DEFAULT_FLATCAR_VERSION, V.DEBIAN_13_BUILD, `| ${V.DEFAULT_DEBIAN_MAJOR} (trixie)`]) {
      expect([v, section.includes(v)]).toEqual([v, true]);
    }
  });

  test('the Debian build and checksum are well-formed', () => {
    expect(V.DEBIAN_13_BUILD).toMatch(/^\d{8}-\d+$/);
    expect(V.DEBIAN_13_GENERIC_AMD64_SHA512).toMatch(/^[0-9a-f]{128}$/);
  });
});
