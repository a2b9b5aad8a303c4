// The schema-only provider speaks the plugin protocol for each of the five pinned schemas:
// Terraform hands-shakes with it, reads the schema back unchanged, and validates configurations
// synthesized by cdktf with the generated bindings and the prebuilt provider packages.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { LocalProvider } from '@cdktf/provider-local/lib/provider';
import { File as LocalFile } from '@cdktf/provider-local/lib/file';
import { ProxmoxProvider } from '../../.gen/providers/proxmox/provider';
import { VirtualEnvironmentVm } from '../../.gen/providers/proxmox/virtual-environment-vm';
import { TalosProvider } from '../../.gen/providers/talos/provider';
import { MachineSecrets } from '../../.gen/providers/talos/machine-secrets';
import { ImageFactorySchematic } from '../../.gen/providers/talos/image-factory-schematic';
import { CtProvider } from '../../.gen/providers/ct/provider';
import { DataCtConfig } from '../../.gen/providers/ct/data-ct-config';
import { networkDevice } from '../../constructs/proxmox/vm-hardware';
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { initialized, ok, validate } from './support';
import type { Workspace } from '../../scripts/validate';

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schemas');

/** Drop what Terraform does not round-trip: descriptions, and blocks Terraform 1.11 ignores. */
/**
 * Schema parts OpenTofu 1.10 does not know, so does not print: write-only attributes and ephemeral resources
 * (both Terraform 1.10/1.11 features; OpenTofu v1.10.6's configschema.Attribute has no WriteOnly field and its
 * `providers schema -json` has no ephemeral_resource_schemas).
 */
const OPENTOFU_1_10_UNKNOWN = ['write_only', 'ephemeral_resource_schemas'];

function comparable(x: any, dropWriteOnly = false): any {
  if (Array.isArray(x)) return x.map((v) => comparable(v, dropWriteOnly));
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x)
      .filter(([k]) => !['description', 'description_kind', 'action_schemas'].includes(k))
      // OpenTofu prints a function's empty summary ("summary": ""), Terraform leaves it out.
      .filter(([k, v]) => !(k === 'summary' && v === ''))
      .filter(([k]) => !(dropWriteOnly && OPENTOFU_1_10_UNKNOWN.includes(k)))
      .map(([k, v]) => [k, comparable(v, dropWriteOnly)]));
  }
  return x;
}

function stackUsingEveryProvider(): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'every-provider');
  new NullProvider(stack, 'null');
  new LocalProvider(stack, 'local');
  new ProxmoxProvider(stack, 'proxmox', { endpoint: 'https://pve.example.test:8006/', insecure: true });
  new TalosProvider(stack, 'talos');
  new CtProvider(stack, 'ct');

  new NullResource(stack, 'marker', { triggers: { version: '1' } });
  new LocalFile(stack, 'file', { filename: 'out/hello.txt', content: 'hello' });
  new VirtualEnvironmentVm(stack, 'vm', {
    nodeName: 'pve1',
    name: 'vm1',
    cpu: { cores: 2 },
    memory: { dedicated: 2048 },
    cdrom: { fileId: 'local:iso/talos.iso' },
    networkDevice: [networkDevice({ bridge: 'vmbr0' })],
    disk: [{ datastoreId: 'local-lvm', interface: 'virtio0', size: 20 }],
  });
  const secrets = new MachineSecrets(stack, 'secrets', {});
  new ImageFactorySchematic(stack, 'schematic', { schematic: 'customization: {}\n' });
  const ign = new DataCtConfig(stack, 'ignition', { content: 'variant: flatcar\nversion: 1.1.0\n', strict: true });
  new NullResource(stack, 'uses', { triggers: { ign: ign.rendered, secrets: secrets.id } });
  return JSON.parse(Testing.synth(stack));
}

describeIfTool([...OFFLINE_TERRAFORM], 'tf-schema-provider serves each pinned schema', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await initialized('schemas', stackUsingEveryProvider());
  });
  afterAll(async () => {
    ws?.cleanup();
    await validate.stopHost();
  });

  test('terraform validate accepts a cdktf stack using all five providers', async () => {
    const r = ok('validate', await ws.validate());
    expect(r.stdout).toContain('Success! The configuration is valid.');
  });

  test('terraform providers schema -json returns the schema files unchanged', async () => {
    const r = ok('providers schema', await ws.run(['providers', 'schema', '-json']));
    const served = JSON.parse(r.stdout).provider_schemas;
    const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(5);
    for (const f of files) {
      const expected = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')).provider_schemas;
      for (const [address, schema] of Object.entries(expected)) {
        // OpenTofu (TF_BINARY=tofu) names a short source "bpg/proxmox" registry.opentofu.org/bpg/proxmox.
        const tofuAddress = address.replace(/^registry\.terraform\.io\//, 'registry.opentofu.org/');
        const asServed = served[address] ?? served[tofuAddress];
        // Under OpenTofu 1.10: compare without what it does not know (OPENTOFU_1_10_UNKNOWN).
        const byTofu = !served[address] && !!served[tofuAddress];
        expect({ [address]: comparable(asServed, byTofu) }).toEqual({ [address]: comparable(schema, byTofu) });
      }
    }
  });

  test('a plan of the stack creates every resource and reads the data source', async () => {
    const plan = await ws.planJson();
    const actions = Object.fromEntries((plan.resource_changes ?? []).map((c) => [c.address, c.change.actions.join(',')]));
    expect(actions).toEqual({
      'null_resource.marker': 'create',
      'null_resource.uses': 'create',
      'local_file.file': 'create',
      'proxmox_virtual_environment_vm.vm': 'create',
      'talos_machine_secrets.secrets': 'create',
      'talos_image_factory_schematic.schematic': 'create',
    });
    // the ct_config data source was read at plan time: its result is known
    const ign = plan.prior_state?.values?.root_module?.resources?.find((r: any) => r.address === 'data.ct_config.ignition');
    expect(JSON.parse(ign.values.rendered).ignition.version).toBe('3.4.0');
  });

  test('providers were served by the in-process host (no Node start-up per provider launch)', async () => {
    const host = await validate.ensureHost();
    expect(host).not.toBeNull();
    expect(host!.launches()).toBeGreaterThan(5);
  });

  test('the provider also works as a plain plugin process (provider.js), as without the host', async () => {
    const host = await validate.ensureHost();
    const before = host!.launches();
    const plain = validate.Workspace.create({
      name: 'plain-process',
      useHost: false,
      config: { terraform: { required_providers: { null: { source: 'hashicorp/null', version: '3.2.4' } } }, resource: { null_resource: { a: { triggers: { x: '1' } } } } },
    });
    try {
      ok('init', await plain.init());
      ok('validate', await plain.validate());
      const plan = await plain.planJson();
      expect(plan.resource_changes!.map((c) => c.change.actions)).toEqual([['create']]);
    } finally {
      plain.cleanup();
    }
    expect(host!.launches()).toBe(before);
  });

  test('provider.js refuses to run outside Terraform, with a helpful message', () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'tools', 'tf-schema-provider', 'provider.js'), '--schema', path.join(SCHEMA_DIR, 'hashicorp-null-3.2.4.json')], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this is a Terraform provider plugin; it is started by Terraform');
  });

  test('the example-app path works: App synth to a directory, then validateStackDir', async () => {
    const outdir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdktf-out-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'tiny');
      new NullProvider(stack, 'null');
      new NullResource(stack, 'r', { triggers: { a: 'b' } });
      app.synth();
      const [s] = validate.stacksOf(outdir);
      expect(s.name).toBe('tiny');
      const result = await validate.validateStackDir(s.dir);
      expect(result).toMatchObject({ name: 'tiny', resources: 1, dataSources: 0, plan: { add: 1, change: 0, destroy: 0 } });
      // the stack's local backend pointed into the project: the check must not write state there
      expect(fs.existsSync(path.join(process.cwd(), 'terraform.tiny.tfstate'))).toBe(false);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
