import { parse, stringify } from 'yaml';
import { holdsReference, hostnamePatch, nodePatch, patchYaml, splitPatches, tailscaleServicePatch, usesHostnameDocument } from '../../constructs/talos/patches';
import { TerraformVariable } from 'cdktf';
import { resolveIn, synthStack } from '../helpers/synth';

describe('patches', () => {
  test('control plane with a static address: host name, and the VIP on the NIC selected by MAC (no dhcp)', () => {
    const yaml = patchYaml(nodePatch({ hostname: 'cp-1', macAddress: 'D2:88:29:1E:74:88', dhcp: false, vip: '10.0.0.20' }));
    expect(parse(yaml)).toEqual({
      machine: { network: { hostname: 'cp-1', interfaces: [{ deviceSelector: { hardwareAddr: 'd2:88:29:1e:74:88' }, vip: { ip: '10.0.0.20' } }] } },
    });
  });

  test('DHCP keeps dhcp on for the listed link; a worker without VIP on a static address lists no link', () => {
    expect(parse(patchYaml(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: true })))).toEqual({
      machine: { network: { hostname: 'w', interfaces: [{ deviceSelector: { hardwareAddr: '02:00:00:00:00:01' }, dhcp: true }] } },
    });
    expect(parse(patchYaml(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: false })))).toEqual({
      machine: { network: { hostname: 'w' } },
    });
  });

  test('ISO boot: install disk and installer image', () => {
    expect(parse(patchYaml(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: false, install: { disk: '/dev/sda', image: 'factory.talos.dev/metal-installer/abc:v1.11.5' } }))).machine.install)
      .toEqual({ disk: '/dev/sda', image: 'factory.talos.dev/metal-installer/abc:v1.11.5' });
  });

  test('long values are never folded', () => {
    const long = 'x'.repeat(300);
    expect(patchYaml({ a: `${long} ${long}` }).trim().split('\n')).toHaveLength(1);
  });

  test('tailscale ExtensionServiceConfig: yamlencode() of the document, the key a variable reference', () => {
    let patch = '';
    const { stack } = synthStack((s) => {
      const key = new TerraformVariable(s, 'ts_key', { type: 'string', sensitive: true });
      patch = tailscaleServicePatch({ authKey: key.stringValue, loginServer: 'https://hs.example.com:8080', extraArgs: ['--accept-routes'] });
    });
    expect(resolveIn(stack, patch)).toBe('${yamlencode({"apiVersion" = "v1alpha1", "kind" = "ExtensionServiceConfig", "name" = "tailscale", ' +
      '"environment" = ["TS_AUTHKEY=${var.ts_key}", "TS_AUTH_ONCE=true", "TS_EXTRA_ARGS=--login-server=https://hs.example.com:8080 --accept-routes"]})}');
  });

  test('disk-image nodes: the installer image only (the disk stays the generated default)', () => {
    expect(parse(patchYaml(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: false, install: { image: 'factory.talos.dev/nocloud-installer/abc:v1.11.5' } }))).machine.install)
      .toEqual({ image: 'factory.talos.dev/nocloud-installer/abc:v1.11.5' });
  });

  test('splitPatches: text holding a reference or template directive is per node; escaped $${ and %%{ are literal', () => {
    const { stack } = synthStack((s) => {
      const key = new TerraformVariable(s, 'k', { type: 'string' });
      const token = patchYaml({ machine: { env: { K: key.stringValue } } });
      expect(holdsReference(token)).toBe(true);
      expect(splitPatches(['a: 1', token, 'b: ${var.x}', 'c: %{ if true }x%{ endif }', 'd: $${HOME}', 'e: %%{x}']))
        .toEqual({ literal: ['a: 1', 'd: $${HOME}', 'e: %%{x}'], perNode: [token, 'b: ${var.x}', 'c: %{ if true }x%{ endif }'] });
    });
    expect(stack).toBeDefined();
  });
});

describe('host name on Talos 1.12+', () => {
  test('the HostnameConfig document replaces machine.network.hostname from Talos 1.12 on', () => {
    expect(['v1.11.5', 'v1.12.0', 'v1.13.10', 'v2.0.0', '${var.v}'].map(usesHostnameDocument)).toEqual([false, true, true, true, false]);
    expect(hostnamePatch('cp-1')).toEqual({ apiVersion: 'v1alpha1', kind: 'HostnameConfig', auto: 'off', hostname: 'cp-1' });
    expect(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: false, hostnameDocument: true })).toEqual({ machine: {} });
    expect(nodePatch({ hostname: 'w', macAddress: '02:00:00:00:00:01', dhcp: true, hostnameDocument: true })).toEqual({
      machine: { network: { interfaces: [{ deviceSelector: { hardwareAddr: '02:00:00:00:00:01' }, dhcp: true }] } },
    });
  });
});

describe('patchYaml reuses the YAML of a patch it rendered before', () => {
  const render = (p: Record<string, unknown>) => stringify(p, { lineWidth: 0 });

  test('alike JSON text, alike YAML; what JSON text does not show is rendered anew', () => {
    const shared = { a: 1 };
    // Same JSON text as `twice`, but one object met twice: the yaml package writes an anchor and an alias.
    const plain = { x: { a: 1 }, y: { a: 1 } };
    const twice = { x: shared, y: shared };
    expect(patchYaml(plain)).toBe(render(plain));
    expect(patchYaml(twice)).toBe(render(twice));
    expect(patchYaml(twice)).toContain('*a1');
    // undefined, non-finite numbers, dates: JSON text hides them or writes them as something else (and -0 as 0).
    for (const [a, b] of [[{ n: 0 }, { n: -0 }], [{ u: null }, { u: undefined }], [{ f: null }, { f: Infinity }], [{ d: '1970-01-01T00:00:00.000Z' }, { d: new Date(0) }], [{ l: [null] }, { l: [undefined] }]]) {
      expect(patchYaml(a)).toBe(render(a));
      expect(patchYaml(b)).toBe(render(b));
    }
    const long = { machine: { nodeLabels: { region: 'r'.repeat(200) } } };
    expect(patchYaml(long)).toBe(patchYaml({ machine: { nodeLabels: { region: 'r'.repeat(200) } } }));
  });
});
