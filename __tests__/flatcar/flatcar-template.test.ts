import { Fn, TerraformVariable } from 'cdktf';
import { ButaneSnippet } from '../../constructs/flatcar/butane';
import { FlatcarImage } from '../../constructs/flatcar/flatcar-image';
import { FlatcarTemplate } from '../../constructs/flatcar/flatcar-template';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { IgnitionDelivery } from '../../constructs/flatcar/ignition-delivery';
import { KubernetesProfile } from '../../constructs/flatcar/kubernetes-profile';
import { deriveVmId } from '../../constructs/core/identity';
import { Checksum } from '../../constructs/proxmox/image';
import { dataOf, onlyResource, resolveIn, resourcesOf, synthStack, warningsOf } from '../helpers/synth';
import { buildTemplate, BuildOptions, FAKE_SHA256, publicKey } from './fixtures';

function synth(o: BuildOptions = {}) {
  let t!: FlatcarTemplate;
  const out = synthStack((s) => { t = buildTemplate(s, o); });
  return { ...out, t, vm: onlyResource(out.json, 'proxmox_virtual_environment_vm') };
}
const qemu = { image: { variant: 'qemu' as const } };
const ctRef = /data\.ct_config\.Flatcar_Ignition_[0-9A-F]+\.rendered/;

describe('FlatcarTemplate', () => {
  test('default: proxmoxve image, Ignition as cloud-init user-data snippet, API token, never started', () => {
    const { json, vm, t, stack } = synth();
    expect(resourcesOf(json, 'proxmox_virtual_environment_vm')).toHaveLength(1);
    expect(resourcesOf(json, 'proxmox_virtual_environment_file')).toHaveLength(1);
    expect(resourcesOf(json, 'terraform_data')).toHaveLength(1);
    expect(dataOf(json, 'ct_config')).toHaveLength(1);
    expect(vm).toEqual(expect.objectContaining({
      provider: 'proxmox', name: 'flatcar-base', node_name: 'pve1', vm_id: deriveVmId('flatcar-base'),
      template: true, started: false, machine: 'q35', bios: 'ovmf', boot_order: ['scsi0'],
      efi_disk: { datastore_id: 'local-lvm', file_format: 'raw', type: '4m', pre_enrolled_keys: false },
    }));
    expect(vm.kvm_arguments).toBeUndefined();
    expect(vm.cdrom).toBeUndefined();
    expect(vm.disk[0]).toEqual(expect.objectContaining({
      interface: 'scsi0', import_from: expect.stringMatching(/^\$\{proxmox_download_file\.FlatcarStable_Image_Download-pve1_[0-9A-F]+\.id\}$/),
    }));
    expect(vm.initialization).toEqual({
      datastore_id: 'local-lvm', interface: 'ide2', type: 'nocloud',
      user_data_file_id: expect.stringMatching(/^\$\{proxmox_virtual_environment_file\.Flatcar_IgnitionSnippet-pve1_[0-9A-F]+\.id\}$/),
    });
    const [[, snippet]] = resourcesOf(json, 'proxmox_virtual_environment_file');
    expect(snippet).toEqual(expect.objectContaining({
      provider: 'proxmox', node_name: 'pve1', datastore_id: 'local', content_type: 'snippets',
      source_raw: { file_name: 'flatcar-base.ign', data: expect.stringMatching(new RegExp(`^\\$\\{${ctRef.source}\\}$`)) },
    }));
    const [[, ct]] = dataOf(json, 'ct_config');
    expect(ct).toEqual(expect.objectContaining({ strict: true, pretty_print: false, provider: 'ct' }));
    expect(ct.content).toContain('variant: flatcar\nversion: 1.1.0\n');
    expect(ct.content).toContain(publicKey());
    expect(json.provider.ct).toHaveLength(1);
    expect(t).toEqual(expect.objectContaining({
      templateVmId: deriveVmId('flatcar-base'), templateProxmoxNode: 'pve1', onSharedStorage: false,
      fromImportedDisk: true, osFamily: 'flatcar', ignitionDeliveryKind: 'cloud-init-user-data',
    }));
    expect(t.dependable).toBe(t.vm);
    expect(resolveIn(stack, t.renderedIgnition)).toMatch(new RegExp(`^\\$\\{${ctRef.source}\\}$`));
  });

  test('a changed Ignition replaces the template (Ignition only runs on first boot)', () => {
    const { json, vm, t, stack } = synth();
    const [[triggerName, trigger]] = resourcesOf(json, 'terraform_data');
    expect(trigger.triggers_replace).toEqual({ ignition_sha256: expect.stringMatching(new RegExp(`^\\$\\{sha256\\(${ctRef.source}\\)\\}$`)) });
    // A bare address: Terraform's JSON syntax refuses "${...}" in replace_triggered_by.
    expect(vm.lifecycle.replace_triggered_by).toEqual([`terraform_data.${triggerName}`]);
    expect(resolveIn(stack, t.ignitionTriggerAddress)).toBe(`terraform_data.${triggerName}`);
  });

  test('two Butane inputs: same resource addresses, different input to the replacement trigger', () => {
    const addresses = (json: any) => Object.entries(json.resource).flatMap(([type, rs]: [string, any]) => Object.keys(rs).map((n) => `${type}.${n}`)).sort();
    const a = synth({ template: { files: [{ path: '/etc/motd', contents: 'one\n' }] } }).json;
    const b = synth({ template: { files: [{ path: '/etc/motd', contents: 'two\n' }] } }).json;
    expect(addresses(b)).toEqual(addresses(a));
    const [[ctName, ctA]] = dataOf(a, 'ct_config');
    const [[ctNameB, ctB]] = dataOf(b, 'ct_config');
    expect(ctNameB).toBe(ctName);
    // The trigger hashes this data source's rendered Ignition, which is made from this content.
    expect(onlyResource(a, 'terraform_data').triggers_replace.ignition_sha256).toBe(`\${sha256(data.ct_config.${ctName}.rendered)}`);
    expect(ctA.content).toContain('inline: |\n          one\n');
    expect(ctB.content).toContain('inline: |\n          two\n');
    expect(ctB.content).not.toBe(ctA.content);
  });

  test('fw_cfg string: kvm_arguments carry the escaped rendered Ignition, through the root alias', () => {
    const { vm, t } = synth({ ...qemu, template: { ignitionDelivery: IgnitionDelivery.fwCfgString() } });
    expect(vm.provider).toBe('proxmox.proxmox_root');
    expect(vm.kvm_arguments).toMatch(/^-fw_cfg "name=opt\/org\.flatcar-linux\/config,string=\$\{replace\(/);
    expect(vm.kvm_arguments).toMatch(ctRef);
    expect(vm.initialization).toBeUndefined();
    expect(t.ignitionDeliveryKind).toBe('fw-cfg-string');
  });

  test('fw_cfg string: an Ignition larger than one QEMU argument fails at plan time (precondition)', () => {
    const { vm } = synth(qemu);
    const pre = vm.lifecycle.precondition;
    expect(pre).toHaveLength(3);
    const size = pre.find((x: any) => /131071 bytes/.test(x.error_message));
    expect(size.condition).toMatch(ctRef);
    expect(size.condition).toMatch(/<= 131071\)\}$/);
    expect(size.error_message).toMatch(/^The content of fw_cfg entry 'opt\/org\.flatcar-linux\/config' must make a QEMU argument of at most 131071 bytes \(Linux MAX_ARG_STRLEN\), got \$\{.+\} bytes\. Deliver large configs with the file form/);
  });

  test('auto picks fw_cfg string for the qemu image when the connection can set args; root-password uses the one provider', () => {
    const { vm, t } = synth({ ...qemu, authMode: 'root-password' });
    expect(t.ignitionDeliveryKind).toBe('fw-cfg-string');
    expect(vm.provider).toBe('proxmox');
    expect(vm.kvm_arguments).toMatch(ctRef);
  });

  test('fw_cfg file: the snippet is uploaded and QEMU reads it by host path', () => {
    const { json, vm } = synth({ ...qemu, template: { ignitionDelivery: IgnitionDelivery.fwCfgFile() } });
    expect(resourcesOf(json, 'proxmox_virtual_environment_file')).toHaveLength(1);
    expect(vm.kvm_arguments).toBe('-fw_cfg "name=opt/org.flatcar-linux/config,file=/var/lib/vz/snippets/flatcar-base.ign"');
    expect(vm.provider).toBe('proxmox.proxmox_root');
    expect(vm.lifecycle.precondition).toBeUndefined();
  });

  test('snippets go to every clone node, keyed by node name; a shared datastore needs one', () => {
    const { json, vm } = synth({ template: { cloneProxmoxNodes: ['pve2'] } });
    const files = resourcesOf(json, 'proxmox_virtual_environment_file');
    expect(files.map(([, f]) => f.node_name).sort()).toEqual(['pve1', 'pve2']);
    const pve2 = files.find(([, f]) => f.node_name === 'pve2')![0];
    expect(vm.depends_on).toEqual([`proxmox_virtual_environment_file.${pve2}`]);
    const shared = synth({ template: { cloneProxmoxNodes: ['pve2'], ignitionDelivery: IgnitionDelivery.cloudInitUserData({ snippetDatastore: { id: 'cephfs', shared: true } }) } });
    expect(resourcesOf(shared.json, 'proxmox_virtual_environment_file')).toHaveLength(1);
    expect(shared.vm.depends_on).toBeUndefined();
  });

  test('onSharedStorage is true only when the boot, EFI and cloud-init datastores are all shared', () => {
    const ceph = { id: 'rbd-vm', shared: true };
    const all = synth({ template: { diskDatastore: ceph } });
    expect(all.t.onSharedStorage).toBe(true);
    expect(all.vm.initialization.datastore_id).toBe('rbd-vm');
    expect(synth({ template: { diskDatastore: ceph, efiDatastore: { id: 'local-lvm' } } }).t.onSharedStorage).toBe(false);
    expect(synth({ template: { diskDatastore: ceph, cloudInitDatastore: { id: 'local-lvm', shared: false } } }).t.onSharedStorage).toBe(false);
    expect(synth({ template: { diskDatastore: { id: 'rbd-vm' } } }).t.onSharedStorage).toBe(false);
  });

  test('Secure Boot keys are configurable on the EFI disk; one ct provider per stack', () => {
    expect(synth({ template: { secureBoot: true } }).vm.efi_disk.pre_enrolled_keys).toBe(true);
    const { json } = synthStack((s) => {
      const first = buildTemplate(s);
      new FlatcarTemplate(s, 'Second', {
        connection: s.node.findChild('Proxmox') as ProxmoxConnection, image: s.node.findChild('FlatcarStable') as FlatcarImage,
        name: 'flatcar-other', proxmoxNode: 'pve1', sshAuthorizedKeys: [publicKey()],
      });
      expect(first.templateVmId).not.toBe(deriveVmId('flatcar-other'));
    });
    expect(json.provider.ct).toEqual([{}]);
    expect(resourcesOf(json, 'proxmox_virtual_environment_vm')).toHaveLength(2);
  });

  // qemu-server lets only root@pam set `hookscript` (it is in no privilege group of $check_vm_modify_config_perm and
  // falls to "only root can set '$opt' config"):
  // https://github.com/proxmox/qemu-server/blob/e6352be67f70042a7433a3a3c712b36d02f9f7cb/src/PVE/API2/Qemu.pm#L1037
  test('a hook script routes the template through the root alias; a token-only connection is refused', () => {
    const { json, vm } = synth({ template: { hookScriptFileId: 'local:snippets/flatcar-hook.pl' } });
    expect(vm.provider).toBe('proxmox.proxmox_root');
    expect(json.provider.proxmox.find((p: any) => p.alias === 'proxmox_root').username).toBe('root@pam');
    // The snippet upload keeps the token.
    expect(resourcesOf(json, 'proxmox_virtual_environment_file').map(([, f]) => f.provider)).toEqual(['proxmox']);
    expect(synth().vm.provider).toBe('proxmox');
    expect(synth({ authMode: 'root-password', template: { hookScriptFileId: 'local:snippets/h.pl' } }).vm.provider).toBe('proxmox');
    expect(() => synth({ authMode: 'api-token', template: { hookScriptFileId: 'local:snippets/h.pl' } })).toThrow(
      "'hookScriptFileId' must be set only with a connection that has root@pam (authMode 'root-password' or 'api-token+root-password'), " +
      'got "local:snippets/h.pl". Use a root@pam connection: Proxmox lets only root@pam set a VM\'s hookscript, never an API token (test/Proxmox is in \'api-token\' mode).');
  });

  test('hook script is set on the template (clones inherit it)', () => {
    expect(synth({ template: { hookScriptFileId: 'local:snippets/flatcar-hook.pl' } }).vm.hook_script_file_id).toBe('local:snippets/flatcar-hook.pl');
    expect(() => synth({ template: { hookScriptFileId: '/var/lib/vz/snippets/hook.pl' } })).toThrow(
      "'hookScriptFileId' must be a snippet volume id like \"local:snippets/hook.pl\", got \"/var/lib/vz/snippets/hook.pl\".");
  });

  test('Kubernetes profile: node basics and the install merged as ct snippets, before user snippets', () => {
    const { json } = synth({ template: {
      kubernetes: KubernetesProfile.sysext({ version: 'v1.33.5', checksum: FAKE_SHA256 }),
      butaneSnippets: [ButaneSnippet.inline('mine', 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/x\n      contents:\n        inline: ${HOME}\n')],
    } });
    const [[, ct]] = dataOf(json, 'ct_config');
    expect(ct.snippets).toHaveLength(3);
    expect(ct.snippets[0]).toContain('SystemdCgroup = true');
    expect(ct.snippets[1]).toContain('kubernetes-v1.33.5-x86-64.raw');
    expect(ct.snippets[2]).toContain('inline: $${HOME}');
    expect(() => synth({ template: { memoryMiB: 1024, kubernetes: KubernetesProfile.sysext({ version: 'v1.33.5', checksum: FAKE_SHA256 }) } }))
      .toThrow("'memoryMiB' must be an integer of at least 2048, got 1024.");
  });

  test('an all-zero checksum of a Kubernetes download is flagged like an image placeholder (Ignition would abort the first boot)', () => {
    const zero = Checksum.sha256('0'.repeat(64));
    const sysext = warningsOf(synth({ template: { kubernetes: KubernetesProfile.sysext({ version: 'v1.33.5', checksum: zero }) } }).stack);
    expect(sysext).toEqual([expect.stringMatching(new RegExp('^test/Flatcar: the checksum of https://github\\.com/flatcar/sysext-bakery/releases/download/' +
      'kubernetes-v1\\.33\\.5/kubernetes-v1\\.33\\.5-x86-64\\.raw is an all-zero placeholder; the download will fail verification at deploy time'))]);
    const binaries = warningsOf(synth({ template: { kubernetes: KubernetesProfile.binaries({
      version: 'v1.33.5', kubeadmChecksum: zero, kubeletChecksum: FAKE_SHA256, kubectlChecksum: FAKE_SHA256, cniPluginsVersion: 'v1.8.0', cniPluginsChecksum: zero,
    }) } }).stack);
    expect(binaries.map((w) => /checksum of (\S+) is an all-zero placeholder/.exec(w)?.[1])).toEqual([
      'https://dl.k8s.io/release/v1.33.5/bin/linux/amd64/kubeadm',
      'https://github.com/containernetworking/plugins/releases/download/v1.8.0/cni-plugins-linux-amd64-v1.8.0.tgz']);
    expect(warningsOf(synth({ template: { kubernetes: KubernetesProfile.sysext({ version: 'v1.33.5', checksum: FAKE_SHA256 }) } }).stack)).toEqual([]);
  });

  test('tokens are not validated: keys, hostname, password hash and snippets from variables', () => {
    const { json } = synthStack((s) => {
      const v = (name: string, sensitive = false) => new TerraformVariable(s, name, { type: 'string', sensitive }).stringValue;
      buildTemplate(s, { template: {
        sshAuthorizedKeys: [v('ssh_key')],
        hostname: v('hostname'),
        users: [{ name: 'ops', passwordHash: v('ops_password_hash', true) }],
        butaneSnippets: [ButaneSnippet.inline('from-file', Fn.file('extra.bu'))],
        hookScriptFileId: v('hook'),
      } });
    });
    const [[, ct]] = dataOf(json, 'ct_config');
    expect(ct.content).toContain('- ${jsonencode(var.ssh_key)}');
    expect(ct.content).toContain('password_hash: ${jsonencode(var.ops_password_hash)}');
    expect(ct.snippets).toEqual(['${file("extra.bu")}']);
  });

  test('warns when clones would have no way to log in', () => {
    const { stack } = synth({ template: { sshAuthorizedKeys: undefined } });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('no SSH key and no Butane snippet: clones will have no way to log in')]);
  });

  test('snapshot of the documented scenario (proxmoxve, cloud-init user-data)', () => {
    const { vm } = synth();
    expect(vm).toMatchSnapshot();
  });
});

describe('FlatcarTemplate bad input', () => {
  test('fails if fw_cfg is asked of a token-only connection, naming the alternatives', () => {
    for (const delivery of [IgnitionDelivery.fwCfgString(), IgnitionDelivery.auto()]) {
      expect(() => synth({ ...qemu, authMode: 'api-token', template: { ignitionDelivery: delivery } })).toThrow(
        "test/Flatcar: 'ignitionDelivery.fwCfg' must be empty unless the connection is root@pam by password, got an entry for " +
        "\"opt/org.flatcar-linux/config\": fw_cfg goes through QEMU args, which Proxmox refuses from API tokens. Use authMode " +
        "'api-token+root-password' or 'root-password', or deliver the config through the cloud-init drive.");
    }
  });

  test('fails if a snippet delivery has no SSH', () => {
    expect(() => synth({ ssh: false })).toThrow(
      /'ignitionDelivery' must have SSH on the connection to upload the Ignition snippet, got "cloud-init-user-data"/);
  });

  test('fails if two ISOs need the one cdrom on a token connection', () => {
    const iso = (purpose: string) => ({ fileId: `local:iso/${purpose}.iso`, purpose });
    expect(() => synth({ authMode: 'api-token', template: { extraIsos: [iso('tools'), iso('drivers')] } })).toThrow(
      "'ignitionDelivery' must fit in one cdrom, got 2 ISOs (tools, drivers): bpg/proxmox allows a single cdrom block (issue #718).");
    // One ISO fits: it takes ide0, next to the cloud-init drive on ide2.
    expect(synth({ template: { extraIsos: [iso('tools')] } }).vm.cdrom).toEqual({ file_id: 'local:iso/tools.iso', interface: 'ide0' });
  });

  test('fails if a Butane snippet is not valid YAML', () => {
    expect(() => synth({ template: { butaneSnippets: [ButaneSnippet.inline('broken', 'variant: flatcar\nversion: 1.1.0\nstorage: [files\n')] } }))
      .toThrow(/'butaneSnippets\[broken\]' must be valid YAML, got a parse error: /);
  });

  test('fails if the channel is unknown or the version malformed', () => {
    expect(() => synth({ image: { channel: 'edge' as any } })).toThrow("'channel' must be one of 'stable', 'beta', 'alpha', 'lts', got \"edge\". Pick the channel your version is published in.");
    expect(() => synth({ image: { version: '4230.2' } })).toThrow(/'version' must be a Flatcar version MAJOR\.MINOR\.PATCH like "4230\.2\.4", got "4230\.2"/);
  });

  test('fails if the Butane/Flatcar pair cannot work, naming both versions', () => {
    expect(() => synth({ image: { variant: 'qemu', version: '3510.2.6' } })).toThrow(
      /'butaneVersion' must fit the Flatcar version, got Butane flatcar 1\.1\.0 for Flatcar 3510\.2\.6: poseidon\/ct 0\.14\.0 renders every Butane version as Ignition spec 3\.4\.0/);
  });

  test('fails if the VM id is already used in the stack', () => {
    expect(() => synthStack((s) => {
      buildTemplate(s, { template: { vmId: 9000 } });
      new FlatcarTemplate(s, 'Second', {
        connection: s.node.findChild('Proxmox') as ProxmoxConnection, image: s.node.findChild('FlatcarStable') as FlatcarImage,
        name: 'flatcar-other', proxmoxNode: 'pve1', vmId: 9000, sshAuthorizedKeys: [publicKey()],
      });
    })).toThrow("test/Second: 'vmId' must be unique in the stack, got 9000, already used by test/Flatcar. Choose another VM id.");
  });

  test('fails if an SSH key is a private key, without echoing it', () => {
    const priv = '-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0\n-----END OPENSSH PRIVATE KEY-----';
    let message = '';
    try { synth({ template: { sshAuthorizedKeys: [priv] } }); } catch (e: any) { message = e.message; }
    expect(message).toContain("'sshAuthorizedKeys[0]' must be an OpenSSH public key, got a value that looks like a private key (not shown).");
    expect(message).not.toContain('c2VjcmV0');
  });

  test('collects every problem of the props at once', () => {
    let err: any;
    try { synth({ template: { name: 'bad_name', diskSizeGiB: 4, butaneVersion: '1.2.0' as any } }); } catch (e) { err = e; }
    expect(err.problems).toEqual([
      expect.stringMatching(/^'name' must be a DNS label/),
      "'diskSizeGiB' must be an integer of at least 10, got 4. Give 10 GiB or more.",
      expect.stringMatching(/^'butaneVersion' must be a Butane 'flatcar' spec version/),
    ]);
  });
});
