import { TerraformStack, TerraformVariable } from 'cdktf';
import { DebianGoldenTemplate, DebianGoldenTemplateProps } from '../../constructs/debian/debian-golden-template';
import { I915Sriov } from '../../constructs/debian/cloud-config';
import { ProxmoxConnection, ProxmoxConnectionProps } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';
import { ClonedVm } from '../../constructs/proxmox/cloned-vm';
import { ProxmoxAccess } from '../../constructs/proxmox/access';
import { addDebianTemplateAndClone } from '../../examples/debian-template';
import * as validate from '../../scripts/validate';
import { onlyResource, resourcesOf, synthStack, warningsOf } from '../helpers/synth';
import { describeIfTool } from '../helpers/tools';

const SHA512 = 'cd'.repeat(64);
const BUILD = '20251117-2299';
const VM = 'proxmox_virtual_environment_vm';

function build(props: Partial<DebianGoldenTemplateProps> = {}, conn: ProxmoxConnectionProps = { ssh: { agent: true } }) {
  let template!: DebianGoldenTemplate;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', conn);
    template = new DebianGoldenTemplate(s, 'Golden', { connection, proxmoxNode: 'pve1', build: BUILD, checksum: Checksum.sha512(SHA512), ...props });
  });
  return { ...out, template };
}

describe('DebianGoldenTemplate', () => {
  test('image download, user-data snippet, build VM, finalize step', () => {
    const { json, template } = build();
    expect(Object.keys(json.resource).sort()).toEqual([
      'proxmox_download_file', 'proxmox_virtual_environment_file', VM, 'terraform_data']);
    expect(onlyResource(json, 'proxmox_download_file')).toEqual(expect.objectContaining({
      url: `https://cloud.debian.org/images/cloud/trixie/${BUILD}/debian-13-genericcloud-amd64-${BUILD}.qcow2`,
      content_type: 'import', checksum: SHA512, checksum_algorithm: 'sha512', node_name: 'pve1',
    }));
    const snippet = onlyResource(json, 'proxmox_virtual_environment_file');
    expect(snippet).toEqual(expect.objectContaining({ content_type: 'snippets', datastore_id: 'local', node_name: 'pve1' }));
    expect(snippet.source_raw.file_name).toMatch(/^golden-user-data-[0-9a-f]{12}\.yaml$/);
    expect(snippet.source_raw.data.startsWith('#cloud-config\n')).toBe(true);

    const vm = onlyResource(json, VM);
    expect(vm).toEqual(expect.objectContaining({
      name: 'golden', node_name: 'pve1', vm_id: template.templateVmId, template: false, started: true, on_boot: false,
      machine: 'q35', bios: 'ovmf', scsi_hardware: 'virtio-scsi-single', cpu: { cores: 2, type: 'host' }, memory: { dedicated: 2048 },
      agent: { enabled: true, timeout: '2m', trim: true }, stop_on_destroy: true,
    }));
    expect(vm.efi_disk).toEqual(expect.objectContaining({ pre_enrolled_keys: false, datastore_id: 'local-lvm' }));
    expect(vm.disk).toEqual([expect.objectContaining({
      interface: 'scsi0', size: 16, cache: 'writeback', discard: 'on', iothread: true,
      import_from: expect.stringMatching(/^\$\{proxmox_download_file\.Golden_Image_Download-pve1_\w+\.id\}$/),
    })]);
    expect(vm.initialization).toEqual(expect.objectContaining({
      interface: 'ide2', ip_config: [{ ipv4: { address: 'dhcp' } }],
      user_data_file_id: expect.stringMatching(/^\$\{proxmox_virtual_environment_file\.Golden_UserData_\w+\.id\}$/),
    }));
    expect(vm.lifecycle.ignore_changes).toEqual(['template', 'started', 'initialization[0].user_data_file_id']);
    expect(vm.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^proxmox_virtual_environment_file\.Golden_UserData_\w+$/)]);

    const [[finalizeName, finalize]] = resourcesOf(json, 'terraform_data');
    expect(finalize.connection).toEqual({ type: 'ssh', host: 'pve1', user: 'root', agent: 'true' });
    expect(finalize.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^proxmox_virtual_environment_vm\.Golden_Vm_\w+$/)]);
    const inline: string = finalize.provisioner[0]['remote-exec'].inline[0];
    expect(inline.startsWith('#!/bin/bash\n')).toBe(true);
    expect(inline).toContain(`VMID=${template.templateVmId}\n`);
    expect(inline).toContain('CLOUD_INIT_TIMEOUT=900\n');
    expect(inline).toContain(`terraform apply -replace=proxmox_virtual_environment_vm.Golden_Vm_`);
    // Terraform would interpolate ${...}: every one is escaped.
    expect(inline).not.toMatch(/(^|[^$])\$\{/);
    expect(snippet.source_raw.data).not.toMatch(/(^|[^$])\$\{/);
    expect(inline.replace(/\$\$\{/g, '${')).toBe(template.finalizeScript);
    expect(snippet.source_raw.data.replace(/\$\$\{/g, '${')).toBe(template.userData);

    // IVmTemplate: clones wait for the finalize step; the disk was imported, so only full clones.
    expect(template.fromImportedDisk).toBe(true);
    expect(template.onSharedStorage).toBe(false);
    expect(template.osFamily).toBe('debian');
    expect(finalizeName).toMatch(/^Golden_Finalize_/);
  });

  test('the finalize step uses the connection\'s SSH user and node address', () => {
    const { json } = build({}, { ssh: { agent: false, username: 'root', proxmoxNodeAddresses: { pve1: '10.0.0.5' } } });
    const [[, finalize]] = resourcesOf(json, 'terraform_data');
    expect(finalize.connection).toEqual({ type: 'ssh', host: '10.0.0.5', user: 'root', agent: 'false', private_key: '${var.proxmox_ssh_private_key}' });
  });

  test('i915 SR-IOV picks the generic image and the larger build minimum', () => {
    const { json, template } = build({ i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32) }), diskSizeGiB: 20 });
    expect(onlyResource(json, 'proxmox_download_file').url).toContain('/debian-13-generic-amd64-');
    expect(template.userData).toContain('i915-sriov-dkms');
    expect(template.finalizeScript).toContain("check 'i915-sriov-dkms 2025.07.22 installed for the kernel the template boots next'");
  });

  test('shared datastores make the template clonable on every node; the hardware follows the props', () => {
    const { json, template } = build({
      diskDatastore: { id: 'rbd-vm', shared: true }, efiDatastore: { id: 'rbd-vm', shared: true }, cores: 4, memoryMiB: 4096, diskSizeGiB: 32,
    });
    expect(template.onSharedStorage).toBe(true);
    const vm = onlyResource(json, VM);
    expect(vm.initialization.datastore_id).toBe('rbd-vm');
    expect(vm.disk[0]).toEqual(expect.objectContaining({ datastore_id: 'rbd-vm', size: 32 }));
    expect(build({ diskDatastore: { id: 'rbd-vm', shared: true }, efiDatastore: { id: 'local' } }).template.onSharedStorage).toBe(false);
  });

  test('clones depend on the finalize step, never on the bare VM', () => {
    const { json } = synthStack((s) => {
      addDebianTemplateAndClone(s, new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } }));
    });
    const clone = resourcesOf(json, VM).find(([n]) => n.startsWith('K8sNode1'))![1];
    expect(clone.depends_on).toEqual([expect.stringMatching(/^terraform_data\.DebianGolden_Finalize_/)]);
    expect(clone.clone).toEqual(expect.objectContaining({ vm_id: 9000, node_name: 'pve1', full: true }));
  });

  test('warns about the latest build and a non-root SSH user', () => {
    const { stack } = build({ build: 'latest' }, { ssh: { agent: true, username: 'terraform' } });
    const w = warningsOf(stack).join('\n');
    expect(w).toContain("build 'latest' with a pinned checksum fails as soon as Debian publishes a new image");
    expect(w).toContain("as 'terraform'; qm needs root");
  });

  test('token values are not validated', () => {
    expect(() => synthStack((s) => {
      const connection = new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } });
      const mem = new TerraformVariable(s, 'mem', { type: 'number' });
      const disk = new TerraformVariable(s, 'disk', { type: 'number' });
      const cidr = new TerraformVariable(s, 'cidr', { type: 'string' });
      new DebianGoldenTemplate(s, 'Golden', {
        connection, proxmoxNode: 'pve1', build: BUILD, checksum: Checksum.sha512(SHA512),
        memoryMiB: mem.numberValue, diskSizeGiB: disk.numberValue, chronyAllowCidrs: [cidr.stringValue],
      });
    })).not.toThrow();
  });

  test.each<[string, Partial<DebianGoldenTemplateProps>, string]>([
    ['an unknown Debian release', { release: 11 }, "'release' must be a known Debian release (12, 13), got 11."],
    ['the checksum is missing', { checksum: undefined },
      `'checksum' must be set, got undefined. Copy the SHA-512 of the image from https://cloud.debian.org/images/cloud/trixie/${BUILD}/SHA512SUMS`],
    ['the checksum is opted out', { checksum: Checksum.none('lazy') }, "'checksum' must verify the image, got \"Checksum.none()\". Use Checksum.sha512('<hex>') from https://cloud.debian.org/images/cloud/trixie/"],
    ['i915 is wanted with the genericcloud image', { variant: 'genericcloud', i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32) }) },
      "'variant' must be 'generic' when i915Sriov is set, got \"genericcloud\". The genericcloud image runs Debian's cloud kernel, which has no i915 driver"],
    ['memory is below the package set', { memoryMiB: 768 }, "'memoryMiB' must be at least 1024 for the package set, got 768."],
    ['disk is below the package set', { diskSizeGiB: 6 }, "'diskSizeGiB' must be at least 8 for the package set, got 6."],
    ['memory is below the i915 build', { memoryMiB: 1536, i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32) }) },
      "'memoryMiB' must be at least 2048 for the package set with the i915 DKMS build, got 1536."],
    ['disk is below the i915 build', { diskSizeGiB: 8, i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32) }) },
      "'diskSizeGiB' must be at least 10 for the package set with the i915 DKMS build, got 8."],
    ['the cloud-init bound is too short', { cloudInitTimeoutSeconds: 10 }, "'cloudInitTimeoutSeconds' must be an integer from 60 to 7200, got 10."],
    ['the name is not a DNS name', { name: 'Golden_Template' }, "'name' must be a DNS name (lower case letters, digits, dashes), got \"Golden_Template\"."],
    ['a key is private', { sshAuthorizedKeys: ['-----BEGIN OPENSSH PRIVATE KEY-----'] }, "'sshAuthorizedKeys[0]' must be an OpenSSH public key, got a value that looks like a private key (not shown)."],
    ['the Kubernetes release has no known pause image', { kubernetesVersion: '1.99.0' },
      "'kubernetesVersion' must be a Kubernetes release like \"1.34.1\" of a known minor (1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35), got \"1.99.0\". Pick a release of one of those minors"],
  ])('fails if %s', (_what, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('containerd\'s sandbox image follows kubernetesVersion (default: the version the clusters pin)', () => {
    expect(build().template.userData).toContain('registry.k8s.io/pause:3.10.1');
    expect(build({ kubernetesVersion: '1.31.2' }).template.userData).toContain('registry.k8s.io/pause:3.10"');
    // Without containerd there is no sandbox image to pick, so any release passes.
    expect(() => build({ kubernetesVersion: '1.99.0', features: { containerd: false } })).not.toThrow();
  });

  test('fails without SSH, naming the fix', () => {
    expect(() => build({}, {})).toThrow(/'connection' must have SSH to the Proxmox nodes, got "test\/Proxmox without ssh". Set ssh \(e\.g\. `ssh: \{ agent: true \}`\) on the ProxmoxConnection: the user-data is a snippet, .*\./);
  });

  test('reports every problem at once', () => {
    expect(() => build({ release: 11, memoryMiB: 100, cloudInitTimeoutSeconds: 5 })).toThrow(/release[\s\S]*memoryMiB[\s\S]*cloudInitTimeoutSeconds/);
  });
});

describe('secrets', () => {
  const SECRETS = {
    TF_VAR_proxmox_api_token_secret: '0f1e2d3c-token-secret-5a6b7c8d',
    TF_VAR_proxmox_root_password: 'root-password-Zq9!',
    PROXMOX_VE_PASSWORD: 'env-password-Xy7?',
    PROXMOX_VE_API_TOKEN: 'terraform@pve!cdktf=env-token-Wv5',
  };
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => { for (const [k, v] of Object.entries(SECRETS)) { saved[k] = process.env[k]; process.env[k] = v; } });
  afterAll(() => { for (const k of Object.keys(SECRETS)) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; } });

  test('no secret value from the environment appears in the synthesized JSON; secrets are sensitive variables', () => {
    const { text, json } = synthStack((s: TerraformStack) => {
      const connection = new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token+root-password', ssh: { agent: false } });
      const { template } = addDebianTemplateAndClone(s, connection);
      new ClonedVm(s, 'Extra', { connection, template });
      new ProxmoxAccess(s, 'Access', { connection, pveMajorVersion: 9, jobs: ['clone-vms', 'manage-templates'] });
    });
    for (const v of Object.values(SECRETS)) expect(text).not.toContain(v);
    for (const v of Object.values(json.variable)) expect(v).toEqual(expect.objectContaining({ sensitive: true }));
    // The example's outputs are VM ids only.
    expect(Object.values(json.output ?? {}).every((o: any) => typeof o.value === 'number')).toBe(true);
    // The one password is the provider's, and it is a reference to a sensitive variable.
    expect(text.match(/"password":\s*"[^"]*"/g)).toEqual(['"password": "${var.proxmox_root_password}"']);
  });
});

describeIfTool('terraform', 'DebianGoldenTemplate with Terraform', () => {
  afterAll(() => validate.stopHost());

  test('validates and plans; Terraform reads the escaped user-data back byte for byte', async () => {
    let template!: DebianGoldenTemplate;
    const { json } = synthStack((s) => {
      ({ template } = addDebianTemplateAndClone(s, new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } })));
    });
    const ws = validate.Workspace.create({ name: 'debian-golden', config: json });
    try {
      validate.check('init', await ws.init());
      validate.check('validate', await ws.validate());
      const plan = await ws.planJson();
      const adds = (plan.resource_changes ?? []).map((c) => `${c.type}:${c.change.actions.join('+')}`).sort();
      expect(adds).toEqual([
        'proxmox_download_file:create', 'proxmox_virtual_environment_file:create',
        'proxmox_virtual_environment_vm:create', 'proxmox_virtual_environment_vm:create', 'terraform_data:create',
      ]);
      const snippet = plan.resource_changes!.find((c) => c.type === 'proxmox_virtual_environment_file')!;
      expect(snippet.change.after.source_raw[0].data).toBe(template.userData);
    } finally {
      ws.cleanup();
    }
  });
});
