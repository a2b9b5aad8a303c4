// What only the providers' real Go libraries get right (tools/provider-libs: Butane v0.25.1 as poseidon/ct 0.14.0
// links it, Talos machinery v1.13.0 as siderolabs/talos 0.11.0 does), through tools/tf-schema-provider and the real
// Terraform CLI: the examples' rendered Ignition and Talos configurations, and the talos provider's own refusals.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { TerraformStack } from 'cdktf';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { FLATCAR_IGNITION_FW_CFG_NAME } from '../../constructs/proxmox/qemu-args';
import { addFlatcarFwCfgTemplate } from '../../examples/flatcar-fwcfg';
import { addFlatcarTemplate } from '../../examples/flatcar-template';
import { addTalosCluster } from '../../examples/talos-cluster';
import { TALOS_VERSION } from '../../constructs/versions';
import type { TfJson } from '../../scripts/validate';
import { synthStack } from '../helpers/synth';
import { qemuFwCfg, shellwords } from '../helpers/qemu-fwcfg';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { scaledTimeout } from '../helpers/timeouts';
import { reuseTalosSecrets, validateStackOnce } from '../helpers/shared-validation';
import { initialized, ok, tfJson, validate } from './support';

reuseTalosSecrets(); // the Talos keys are not what this file checks: made once per jest run

// eslint-disable-next-line @typescript-eslint/no-var-requires
const libs = require('../../tools/tf-schema-provider/libs');
const flat = (s: string) => s.replace(/[│╷╵]/g, '').replace(/\s+/g, ' ');

/**
 * State of a configuration after init, plan, apply (the remote side faked, the rendering real). Provisioners are
 * left out as `npm run validate` does: they run real commands (talosctl, ssh) at apply.
 */
async function applied(name: string, config: TfJson): Promise<any[]> {
  const ws = await initialized(name, validate.withoutProvisioners(config));
  try {
    ok('plan', await ws.plan(['-out', 'plan']));
    ok('apply', await ws.apply('plan'));
    const state = await ws.state();
    return state.values.root_module.resources;
  } finally {
    ws.cleanup();
  }
}

describeIfTool('go', 'tools/provider-libs: the libraries themselves', () => {
  const BASE = 'variant: flatcar\nversion: 1.1.0\n';
  test('ct_config as poseidon/ct renders it: Ignition 3.4.0, compact or pretty_print, snippets merged, strict', () => {
    const compact = libs.call('ct_config', { content: `${BASE}storage:\n  files:\n    - path: /etc/a\n      contents: { inline: a }\n` });
    expect(compact.rendered).not.toContain('\n');
    expect(compact.id).toMatch(/^\d+$/); // ct's crc32 hashcode
    const pretty = libs.call('ct_config', {
      content: `${BASE}storage:\n  files:\n    - path: /etc/a\n      contents: { inline: a }\n`,
      snippets: [`${BASE}storage:\n  files:\n    - path: /etc/b\n      contents: { inline: b }\n`],
      pretty_print: true,
    });
    expect(pretty.rendered).toMatch(/^{\n {2}"ignition": {/);
    const ign = JSON.parse(pretty.rendered);
    expect(ign.ignition.version).toBe('3.4.0');
    expect(ign.storage.files.map((f: any) => [f.path, f.contents.source])).toEqual([['/etc/a', 'data:,a'], ['/etc/b', 'data:,b']]);
    // strict: Butane's warnings are errors (an unused key is a typo the fake would have passed through)
    expect(() => libs.call('ct_config', { content: `${BASE}storage:\n  filez: []\n`, strict: true }))
      .toThrow('strict parsing error: warning at $.storage.filez, line 4 col 3: unused key filez');
    expect(libs.call('ct_config', { content: `${BASE}storage:\n  filez: []\n` }).rendered).toContain('"version":"3.4.0"');
    expect(() => libs.call('ct_config', { content: BASE, snippets: ['storage: {}\n'] })).toThrow('Butane snippets require `variant`');
  });

  test('ct_config: large inline contents are gzip-compressed by Butane; local files come from files_dir', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-files-'));
    try {
      fs.writeFileSync(path.join(dir, 'motd'), 'hello\n');
      const r = JSON.parse(libs.call('ct_config', {
        content: `${BASE}storage:\n  files:\n    - path: /etc/big\n      contents: { inline: ${'x'.repeat(4096)} }\n    - path: /etc/motd\n      contents: { local: motd }\n`,
        files_dir: dir,
      }).rendered);
      expect(r.storage.files[0].contents).toMatchObject({ compression: 'gzip', source: expect.stringMatching(/^data:;base64,H4sI/) });
      expect(r.storage.files[1].contents.source).toBe('data:,hello%0A');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('talos 0.10.0 reads an unknown patch as "" at validate (a file name); 0.11.0 skips the check', () => {
    const args = { config_patches: ['machine: {}\n', ''], unknown_patches: [1] };
    expect(() => libs.call('talos_machine_configuration_validate', args, '0.10.0')).toThrow('config_patches are invalid');
    try { libs.call('talos_machine_configuration_validate', args, '0.10.0'); } catch (e: any) { expect(e.detail).toBe('open : no such file or directory'); }
    expect(libs.call('talos_machine_configuration_validate', args, '0.11.0')).toEqual({});
  });

  test('a patch with an unknown key is refused by machinery; a node configuration that fails validation too', () => {
    expect(() => libs.call('talos_machine_configuration_validate', { config_patches: ['machine:\n  nosuchkey: 1\n'] }, '0.10.0'))
      .toThrow('config_patches are invalid');
    const secrets = libs.call('talos_machine_secrets', { talos_version: 'v1.11.5' });
    const config = libs.call('talos_machine_configuration', {
      cluster_name: 'lab', cluster_endpoint: 'https://10.0.0.10:6443', machine_type: 'worker', machine_secrets: secrets.machine_secrets,
      config_patches: [], talos_version: 'v1.11.5', kubernetes_version: '1.32.1',
    }).machine_configuration;
    const apply = (patch: string) => libs.call('talos_machine_configuration_apply', { machine_configuration_input: config, config_patches: [patch], validate: true });
    expect(apply('machine:\n  network:\n    hostname: w-1\n').machine_configuration).toContain('hostname: w-1');
    // machinery's validation (what the node runs on ApplyConfiguration): the fakes merged anything
    const bad = 'machine:\n  network:\n    interfaces:\n      - interface: eth0\n        addresses: [not-an-ip]\n';
    expect(() => apply(bad)).toThrow('machine configuration is invalid for a worker node (metal mode)');
    try { apply(bad); } catch (e: any) { expect(e.detail).toContain('failed to parse IP address "not-an-ip"'); }
  });
});

describeIfTool([...OFFLINE_TERRAFORM], 'the talos provider refuses bad data source patches, offline', () => {
  afterAll(() => validate.stopHost());
  const config = (patch: string): TfJson => tfJson(['talos'], {
    variable: { key: { type: 'string', sensitive: true } },
    resource: { talos_machine_secrets: { this: {} } },
    data: {
      talos_machine_configuration: {
        w: {
          cluster_name: 'lab', cluster_endpoint: 'https://10.0.0.10:6443', machine_type: 'worker',
          machine_secrets: '${talos_machine_secrets.this.machine_secrets}', config_patches: [patch],
        },
      },
    },
  });

  const tokenPatch = '${yamlencode({machine = {env = {K = var.key}}})}';

  test('talos provider 0.10.0: a patch holding a variable fails validate with the provider message (what TalosCluster avoids)', async () => {
    // The previous pin, served from its schema (__tests__/fixtures/upgrade): its data source reads an unknown patch
    // as "" and then as a file name.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-0.10.0-'));
    const schemas = path.join(tmp, 'schemas');
    fs.mkdirSync(schemas);
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'upgrade', 'siderolabs-talos-0.10.0.json'), path.join(schemas, 'siderolabs-talos-0.10.0.json'));
    const mirror = validate.writeMirror(path.join(tmp, 'mirror'), validate.schemaCatalog(schemas));
    const old = config(tokenPatch);
    (old.terraform as any).required_providers.talos.version = '0.10.0';
    const ws = validate.Workspace.create({ name: 'talos-token-patch-0.10.0', config: old, mirror });
    try {
      ok('init', await ws.init());
      const r = await ws.validate();
      expect(r.code).toBe(1);
      expect(flat(r.stderr)).toContain('Error: config_patches are invalid with data.talos_machine_configuration.w');
      expect(flat(r.stderr)).toContain('open : no such file or directory');
    } finally {
      ws.cleanup();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('talos provider 0.11.0 (pinned): the same patch passes validate (unknown patches are skipped)', async () => {
    const ws = await initialized('talos-token-patch', config(tokenPatch));
    try {
      ok('validate', await ws.validate());
    } finally {
      ws.cleanup();
    }
  });

  test("a patch with an unknown key fails with machinery's message", async () => {
    const ws = await initialized('talos-unknown-key', config('machine:\n  nosuchkey: 1\n'));
    try {
      const r = await ws.plan();
      expect(r.code).toBe(1);
      expect(flat(r.stderr)).toContain('Error: config_patches are invalid');
      expect(flat(r.stderr)).toContain('unknown keys found during decoding: machine: nosuchkey: 1');
    } finally {
      ws.cleanup();
    }
  });
});

describeIfTool([...OFFLINE_TERRAFORM], "talos_machine_configuration_apply plans the node's configuration like the provider's ModifyPlan", () => {
  afterAll(() => validate.stopHost());
  const config = (patch: string): TfJson => tfJson(['talos'], {
    resource: {
      talos_machine_secrets: { this: { talos_version: 'v1.11.5' } },
      talos_machine_configuration_apply: {
        n: {
          node: '10.0.0.21', client_configuration: '${talos_machine_secrets.this.client_configuration}',
          machine_configuration_input: '${data.talos_machine_configuration.w.machine_configuration}', config_patches: [patch],
        },
      },
    },
    data: {
      talos_machine_configuration: {
        w: {
          cluster_name: 'lab', cluster_endpoint: 'https://10.0.0.10:6443', machine_type: 'worker', talos_version: 'v1.11.5',
          machine_secrets: '${talos_machine_secrets.this.machine_secrets}',
        },
      },
    },
  });

  test('known input and patches: machine_configuration is in the plan, patched; a bad patch fails the plan', async () => {
    const ws = await initialized('talos-apply-plan', config('machine:\n  network:\n    hostname: n-1\n'));
    try {
      ok('apply secrets', await ws.applyTargets(['talos_machine_secrets.this']));
      const plan = await ws.planJson();
      const change = plan.resource_changes!.find((c) => c.address === 'talos_machine_configuration_apply.n')!.change as any;
      expect(change.after.machine_configuration).toContain('hostname: n-1');
      ws.writeConfig(config('machine:\n  nosuchkey: 1\n'));
      const r = await ws.plan();
      expect(r.code).toBe(1);
      expect(flat(r.stderr)).toContain('Error: Error loading config patches');
      expect(flat(r.stderr)).toContain('unknown keys found during decoding');
    } finally {
      ws.cleanup();
    }
  });
});

describeIfTool([...OFFLINE_TERRAFORM], 'Flatcar examples: the rendered Ignition', () => {
  afterAll(() => validate.stopHost());
  const examples: Record<string, (s: TerraformStack) => unknown> = {
    'flatcar-template': (s) => addFlatcarTemplate(s, new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', ssh: {} })),
    'flatcar-fwcfg': (s) => addFlatcarFwCfgTemplate(s, new ProxmoxConnection(s, 'Proxmox', {
      endpoint: 'https://pve1.home.arpa:8006/', authMode: 'api-token+root-password', ssh: {},
    })),
  };
  const states: Record<string, any[]> = {};
  beforeAll(async () => {
    for (const [name, build] of Object.entries(examples)) states[name] = await applied(name, synthStack(build).json);
  }, 120_000);
  const rendered = (name: string): string[] => states[name].filter((r) => r.type === 'ct_config').map((r) => r.values.rendered);

  test.each(Object.keys(examples))('%s: parses as Ignition 3.4.0 with Ignition\'s own parser', (name) => {
    expect(rendered(name).length).toBeGreaterThan(0);
    for (const text of rendered(name)) expect(libs.call('ignition_parse', { config: text })).toMatchObject({ version: '3.4.0' });
  });

  describeIfTool(['perl', 'qemu-system-x86_64'], 'flatcar-fwcfg through Proxmox and QEMU', () => {
    test('the guest reads the rendered Ignition byte for byte from fw_cfg', async () => {
      const [text] = rendered('flatcar-fwcfg');
      const vm = states['flatcar-fwcfg'].find((r) => r.type === 'proxmox_virtual_environment_vm' && r.values.kvm_arguments);
      const [words] = shellwords([vm.values.kvm_arguments]).results; // Proxmox splits `args` with shellwords
      expect(words.chars[0]).toBe('-fw_cfg');
      const blob = await qemuFwCfg(words.bytes[1], FLATCAR_IGNITION_FW_CFG_NAME);
      expect(blob?.equals(Buffer.from(text, 'utf8'))).toBe(true);
    }, 60_000);
  });
});

describeIfTool([...OFFLINE_TERRAFORM], 'the example Talos cluster: every node configuration, rendered and validated by machinery', () => {
  afterAll(() => validate.stopHost());
  let resources: any[];
  let config: TfJson;
  beforeAll(async () => {
    config = synthStack((s) => addTalosCluster(s, new ProxmoxConnection(s, 'Proxmox'))).json;
    // the state that run applied (provisioners left out, as applied() does)
    resources = (await validateStackOnce(config, 'talos-example-plan2')).state.values.root_module.resources;
  }, scaledTimeout(240_000)); // the whole validateStack run, when this file is the first to ask for it

  test('once the secrets exist (local-only apply), the second plan reads the Talos data sources for real', async () => {
    // the same run as talos/example.test.ts's, once per jest run
    const r = await validateStackOnce(config, 'talos-example-plan2');
    expect(r.timings.secrets).toBeGreaterThan(0);
    expect(r.dataSourcesRead).toBe(3); // both machine configurations and the client configuration
    const changes = r.planJson!.resource_changes!.filter((c) => c.type === 'talos_machine_configuration_apply');
    expect(changes).toHaveLength(5);
    for (const c of changes) {
      const change = c.change as any;
      // the role's configuration, generated by machinery from the real secrets, is in the plan ...
      const [input] = parseAllDocuments(change.after.machine_configuration_input).map((d) => d.toJS());
      expect(input.cluster.controlPlane.endpoint).toBe('https://10.0.0.20:6443');
      expect(input.machine.ca.crt).toMatch(/^LS0tLS1CRUdJTi/); // base64 of a real PEM certificate
      // ... while the node's own configuration waits for its schematic id (the install image), as the provider's
      // ModifyPlan does with an unknown patch
      expect(change.after_unknown.machine_configuration).toBe(true);
    }
  }, 120_000);

  const nodes = () => resources.filter((r) => r.type === 'talos_machine_configuration_apply');
  const docsOf = (r: any) => parseAllDocuments(r.values.machine_configuration).map((d) => d.toJS());

  test('five nodes; machine type, host name, KubePrism, no CNI, no kube-proxy, tailscale ExtensionServiceConfig', () => {
    expect(nodes()).toHaveLength(5);
    for (const n of nodes()) {
      const [main, ...rest] = docsOf(n);
      const cp = main.machine.type === 'controlplane';
      // Talos 1.12 and later: the host name is a HostnameConfig document (constructs/talos/patches.ts hostnamePatch)
      const hostnames = rest.filter((d) => d.kind === 'HostnameConfig');
      expect(hostnames).toHaveLength(1);
      expect(hostnames[0]).toMatchObject({ auto: 'off', hostname: expect.stringMatching(cp ? /^talos-cp-0\d$/ : /^talos-worker-0\d$/) });
      expect(main.machine.network?.hostname).toBeUndefined();
      expect(main.machine.features.kubePrism).toEqual({ enabled: true, port: 7445 });
      expect(main.cluster.network.cni).toEqual({ name: 'none' });
      expect(main.cluster.proxy.disabled).toBe(true);
      const ts = rest.find((d) => d.kind === 'ExtensionServiceConfig');
      expect(ts).toMatchObject({ apiVersion: 'v1alpha1', name: 'tailscale' });
      expect(ts.environment).toEqual(expect.arrayContaining(['TS_AUTHKEY=dummy-home_tailscale_auth_key', 'TS_AUTH_ONCE=true']));
    }
  });

  test('control planes carry the VIP and the Cilium install Job; workers neither', () => {
    for (const n of nodes()) {
      const [main] = docsOf(n);
      const cp = main.machine.type === 'controlplane';
      const vips = (main.machine.network?.interfaces ?? []).map((i: any) => i.vip?.ip).filter(Boolean);
      expect(vips).toEqual(cp ? ['10.0.0.20'] : []);
      const manifests = (main.cluster.inlineManifests ?? []).map((m: any) => m.name);
      expect(manifests).toEqual(cp ? ['cilium-install'] : []);
      expect(main.cluster.controlPlane.endpoint).toBe('https://10.0.0.20:6443');
    }
  });

  test("every node installs from its own schematic's factory installer, not the provider's default", () => {
    const urls = resources.filter((r) => r.type === 'talos_image_factory_urls');
    for (const n of nodes()) {
      const image = docsOf(n)[0].machine.install.image;
      expect(image).toMatch(new RegExp(`^factory\\.talos\\.dev/metal-installer/[0-9a-f]{64}:${TALOS_VERSION.replace(/\./g, '\\.')}$`));
      expect(image).not.toContain('ghcr.io/siderolabs/installer');
      expect(urls.map((u) => u.values.urls.installer)).toContain(image);
    }
    expect(new Set(nodes().map((n) => docsOf(n)[0].machine.install.image)).size).toBe(5); // META: one schematic per node
  });
});
