// Computed values that constructs decode or chain are real (or realistic) enough for Terraform's own
// functions (jsondecode, yamldecode) and for replacement chains:
//   - data.ct_config.rendered is the real Butane library's compact Ignition 3.4.0 JSON (tools/provider-libs),
//     so changing the Butane changes `rendered` and replaces what depends on it
//     (replace_triggered_by through terraform_data);
//   - the talos secrets / machine configuration / talosconfig come from Talos machinery (tools/provider-libs);
//     kubeconfig and image URLs are fakes; all decode.
import { describeIfTool, OFFLINE_TERRAFORM } from '../helpers/tools';
import { actionsOf, apply, initialized, nic, ok, tfJson, validate } from './support';
import type { TfJson, Workspace } from '../../scripts/validate';

const butane = (hostname: string) => [
  'variant: flatcar',
  'version: 1.1.0',
  'passwd:',
  '  users:',
  '    - name: core',
  '      ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITEST test@example"]',
  'storage:',
  '  files:',
  '    - path: /etc/hostname',
  '      mode: 0644',
  '      contents:',
  `        inline: ${hostname}`,
  '',
].join('\n');

const ns = (expr: string) => `\${nonsensitive(${expr})}`;

const config = (hostname: string): TfJson => tfJson(['proxmox', 'ct', 'talos'], {
  data: {
    ct_config: { node: { content: butane(hostname), strict: true } },
    talos_machine_configuration: {
      cp: {
        cluster_name: 'lab',
        cluster_endpoint: 'https://10.0.0.10:6443',
        machine_type: 'controlplane',
        machine_secrets: '${talos_machine_secrets.this.machine_secrets}',
        config_patches: ['machine:\n  network:\n    hostname: cp-1\n'],
        // A v1.11 contract makes one YAML document; the provider's default (its machinery's v1.12) adds more
        // documents, which yamldecode() refuses (see the test below).
        talos_version: 'v1.11.5',
      },
      multidoc: {
        cluster_name: 'lab',
        cluster_endpoint: 'https://10.0.0.10:6443',
        machine_type: 'worker',
        machine_secrets: '${talos_machine_secrets.this.machine_secrets}',
      },
    },
    talos_client_configuration: {
      this: { cluster_name: 'lab', client_configuration: '${talos_machine_secrets.this.client_configuration}', endpoints: ['10.0.0.10'] },
    },
    talos_image_factory_urls: {
      this: { schematic_id: '${talos_image_factory_schematic.this.id}', talos_version: 'v1.11.0', platform: 'nocloud' },
    },
  },
  resource: {
    talos_machine_secrets: { this: {} },
    talos_image_factory_schematic: { this: { schematic: 'customization:\n  systemExtensions:\n    officialExtensions: [siderolabs/qemu-guest-agent]\n' } },
    talos_cluster_kubeconfig: { this: { node: '10.0.0.10', client_configuration: '${talos_machine_secrets.this.client_configuration}' } },
    terraform_data: { ignition: { input: '${data.ct_config.node.rendered}' } },
    proxmox_virtual_environment_vm: {
      node: {
        node_name: 'pve1',
        name: 'flatcar-1',
        network_device: [nic({ bridge: 'vmbr0' })],
        lifecycle: { replace_triggered_by: ['terraform_data.ignition'] },
      },
    },
  },
  output: {
    rendered: { value: '${data.ct_config.node.rendered}' },
    ignition_version: { value: '${jsondecode(data.ct_config.node.rendered).ignition.version}' },
    machine_type: { value: ns('yamldecode(data.talos_machine_configuration.cp.machine_configuration).machine.type') },
    patched_hostname: { value: ns('yamldecode(data.talos_machine_configuration.cp.machine_configuration).machine.network.hostname') },
    cluster_endpoint: { value: ns('yamldecode(data.talos_machine_configuration.cp.machine_configuration).cluster.controlPlane.endpoint') },
    talos_context: { value: ns('yamldecode(data.talos_client_configuration.this.talos_config).context') },
    kube_server: { value: ns('yamldecode(talos_cluster_kubeconfig.this.kubeconfig_raw).clusters[0].cluster.server') },
    kube_host: { value: '${talos_cluster_kubeconfig.this.kubernetes_client_configuration.host}' },
    bootstrap_token: { value: ns('talos_machine_secrets.this.machine_secrets.secrets.bootstrap_token') },
    ca_pem: { value: '${base64decode(talos_machine_secrets.this.client_configuration.ca_certificate)}' },
    multidoc_kinds: { value: ns('[for d in split("\\n---\\n", data.talos_machine_configuration.multidoc.machine_configuration) : try(yamldecode(d).kind, yamldecode(d).version)]') },
    schematic_id: { value: '${talos_image_factory_schematic.this.id}' },
    urls: { value: '${data.talos_image_factory_urls.this.urls}' },
  },
});

describeIfTool([...OFFLINE_TERRAFORM], 'realistic fake values', () => {
  let ws: Workspace;
  let out: Record<string, any>;

  beforeAll(async () => {
    ws = await initialized('fake-values', config('node-a'));
    await apply(ws);
    out = Object.fromEntries(Object.entries(await ws.outputs()).map(([k, v]) => [k, v.value]));
  });
  afterAll(async () => {
    ws?.cleanup();
    await validate.stopHost();
  });

  test('ct_config.rendered is compact Ignition 3.4.0 JSON that follows the Butane content', () => {
    expect(out.ignition_version).toBe('3.4.0');
    expect(out.rendered).not.toMatch(/\n/);
    const ign = JSON.parse(out.rendered);
    expect(ign.passwd.users[0]).toMatchObject({ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITEST test@example'] });
    expect(ign.storage.files[0]).toMatchObject({ path: '/etc/hostname', mode: 0o644, contents: { source: 'data:,node-a' } });
  });

  test("without talos_version the configuration has the provider's machinery's (v1.12) extra documents", () => {
    // yamldecode() of the whole text fails on these ("unexpected extra content after value"): decode per document.
    expect(out.multidoc_kinds[0]).toBe('v1alpha1');
    expect(out.multidoc_kinds.length).toBeGreaterThan(1);
  });

  test('talos values decode with yamldecode / base64decode', () => {
    expect(out.machine_type).toBe('controlplane');
    expect(out.patched_hostname).toBe('cp-1'); // config_patches are merged
    expect(out.cluster_endpoint).toBe('https://10.0.0.10:6443');
    expect(out.talos_context).toBe('lab');
    expect(out.kube_server).toBe('https://10.0.0.10:6443');
    expect(out.kube_host).toBe('https://10.0.0.10:6443');
    expect(out.bootstrap_token).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(out.ca_pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(out.schematic_id).toMatch(/^[0-9a-f]{64}$/);
    expect(out.urls.installer).toBe(`factory.talos.dev/nocloud-installer/${out.schematic_id}:v1.11.0`);
    expect(out.urls.iso).toBe(`https://factory.talos.dev/image/${out.schematic_id}/v1.11.0/nocloud-amd64.iso`);
  });

  test('the same configuration converges (no changes on re-plan)', async () => {
    const r = await ws.plan(['-detailed-exitcode']);
    expect(r.code).toBe(0);
  });

  test('a changed Butane config changes rendered and replaces the VM through replace_triggered_by', async () => {
    ws.writeConfig(config('node-b'));
    const plan = await ws.planJson();
    const before = JSON.parse(out.rendered);
    const after = JSON.parse(plan.output_changes!.rendered.after);
    expect(after.storage.files[0].contents.source).toBe('data:,node-b');
    expect(after).not.toEqual(before);
    expect(actionsOf(plan, 'terraform_data.ignition')).toEqual(['update']);
    expect(actionsOf(plan, 'proxmox_virtual_environment_vm.node')).toEqual(['delete', 'create']);
    const vm = plan.resource_changes!.find((c) => c.address === 'proxmox_virtual_environment_vm.node')!;
    expect(vm.action_reason).toBe('replace_by_triggers');
    // nothing else moves
    expect(actionsOf(plan, 'talos_machine_secrets.this')).toEqual(['no-op']);
  });

  test('invalid Butane fails the plan with the provider error, like the real ct provider', async () => {
    const broken = config('node-a');
    broken.data.ct_config.node.content = 'variant: flatcar\nversion: 9.9.9\n';
    ws.writeConfig(broken);
    const r = await ws.plan();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('No translator exists for variant flatcar with version 9.9.9'); // Butane's own message
    ws.writeConfig(config('node-a'));
    ok('plan', await ws.plan());
  });
});
