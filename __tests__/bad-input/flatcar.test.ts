// Bad props of the Flatcar constructs: each row must fail with the construct path, the prop, the bad value
// and a fix sentence (see shape.ts).
import { TerraformStack } from 'cdktf';
import { FlatcarImage, FlatcarImageProps } from '../../constructs/flatcar/flatcar-image';
import { FlatcarTemplate, FlatcarTemplateProps } from '../../constructs/flatcar/flatcar-template';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';
import { ButaneSnippet } from '../../constructs/flatcar/butane';
import { IgnitionDelivery } from '../../constructs/flatcar/ignition-delivery';
import { KubernetesProfile } from '../../constructs/flatcar/kubernetes-profile';
import { publicKey, SHA256, SHA512 } from './keys';
import { expectBadInput, Row } from './shape';

function build(s: TerraformStack, image: Partial<FlatcarImageProps>, template: Partial<FlatcarTemplateProps>): void {
  const connection = new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token', ssh: { agent: true } });
  const img = new FlatcarImage(s, 'Image', { connection, proxmoxNodes: ['pve1'], checksum: SHA512, ...image });
  new FlatcarTemplate(s, 'Flatcar', { connection, image: img, name: 'flatcar-base', proxmoxNode: 'pve1', sshAuthorizedKeys: [publicKey()], ...template });
}

describe('FlatcarTemplate bad input', () => {
  test.each<Row<Partial<FlatcarTemplateProps>>>([
    ['a name Proxmox refuses', { name: 'Flatcar_Base' }, 'name', '"Flatcar_Base"'],
    ['a proxmoxNode that is no node name', { proxmoxNode: 'pve 1' }, 'proxmoxNode', '"pve 1"'],
    ['a vmId below the Proxmox range', { vmId: 42 }, 'vmId', '42'],
    ['no cores', { cores: 0 }, 'cores', '0'],
    ['too little memory for Flatcar', { memoryMiB: 256 }, 'memoryMiB', '256'],
    ['a disk smaller than the image', { diskSizeGiB: 4 }, 'diskSizeGiB', '4'],
    ['a VLAN tag out of range', { vlanId: 4095 }, 'vlanId', '4095'],
    ['a MAC that is not one', { macAddress: '02:AB:CD' }, 'macAddress', '"02:AB:CD"'],
    ['a multicast MAC', { macAddress: '01:AB:CD:EF:01:23' }, 'macAddress', '"01:AB:CD:EF:01:23"'],
    ['a hook script that is no snippet volume id', { hookScriptFileId: 'hook.pl' }, 'hookScriptFileId', '"hook.pl"'],
    ['a clone node equal to proxmoxNode', { cloneProxmoxNodes: ['pve1'] }, 'cloneProxmoxNodes', '"pve1"'],
    ['a clone node listed twice', { cloneProxmoxNodes: ['pve2', 'pve2'] }, 'cloneProxmoxNodes', '["pve2","pve2"]'],
    ['a hostname with an underscore', { hostname: 'bad_host' }, 'hostname', '"bad_host"'],
    ['a private key where a public key belongs', { sshAuthorizedKeys: ['ssh-ed25519 not-base64!'] }, 'sshAuthorizedKeys[0]', '"ssh-ed25519 not-base64!"'],
    ['a file mode written in decimal', { files: [{ path: '/etc/x', contents: 'x', mode: 644 }] }, 'files./etc/x.mode', '644'],
    ['a relative file path', { files: [{ path: 'etc/x', contents: 'x' }] }, 'files', '"etc/x"'],
    ['a unit without type suffix', { units: [{ name: 'hello', contents: '[Unit]' }] }, 'units', '"hello"'],
    ['a user name Linux refuses', { users: [{ name: 'Admin' }] }, 'users', '"Admin"'],
    ['a user listed twice', { users: [{ name: 'ops' }, { name: 'ops' }] }, 'users', '"ops"'],
    ['core keys in two places', { users: [{ name: 'core', sshAuthorizedKeys: [publicKey()] }] }, 'sshAuthorizedKeys', JSON.stringify([publicKey()])],
    ['a Butane spec ct cannot render', { butaneVersion: '1.2.0' as any }, 'butaneVersion', '"1.2.0"'],
    ['a Butane snippet that is not YAML', { butaneSnippets: [ButaneSnippet.inline('broken', 'variant: flatcar\nversion: [1.1.0\n')] }, 'butaneSnippets[broken]', 'a parse error: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1'],
    ['a Butane snippet for another variant', { butaneSnippets: [ButaneSnippet.inline('fcos', 'variant: fcos\nversion: 1.5.0\n')] }, 'butaneSnippets[fcos].variant', '"fcos"'],
    ['a Kubernetes sysext version without v', { kubernetes: KubernetesProfile.sysext({ version: '1.33.5', checksum: SHA256 }) }, 'kubernetes.version', '"1.33.5"'],
    ['a Kubernetes sysext checksum opt-out', { kubernetes: KubernetesProfile.sysext({ version: 'v1.33.5', checksum: Checksum.none('x') }) }, 'kubernetes.checksum', '"x"'],
    ['fw_cfg delivery for the proxmoxve image', { ignitionDelivery: IgnitionDelivery.fwCfgString() }, 'ignitionDelivery', '"fw-cfg-string"'],
    ['a snippet datastore id with a space', { ignitionDelivery: IgnitionDelivery.cloudInitUserData({ snippetDatastore: { id: 'my store' } }) }, 'ignitionDelivery.snippetDatastore.id', '"my store"'],
    ['a hook script through an API token', { hookScriptFileId: 'local:snippets/hook.pl' }, 'hookScriptFileId', '"local:snippets/hook.pl"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => build(s, {}, override), 'test/Flatcar', prop, value);
  });
});

describe('FlatcarImage bad input', () => {
  test.each<Row<Partial<FlatcarImageProps>>>([
    ['an unknown channel', { channel: 'edge' as any }, 'channel', '"edge"'],
    ['a version that is not MAJOR.MINOR.PATCH', { version: '4230.2' }, 'version', '"4230.2"'],
    ['an unknown variant', { variant: 'vmware' as any }, 'variant', '"vmware"'],
    ['an unknown compression', { compression: 'xz' as any }, 'compression', '"xz"'],
    ['a mirror that is no URL', { baseUrl: 'mirror.example' }, 'baseUrl', '"mirror.example"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => build(s, override, {}), 'test/Image', prop, value);
  });

  test('a checksum of the wrong length is named by the download it verifies', () => {
    expectBadInput((s) => build(s, { checksum: Checksum.sha512('abc') }, {}), 'test/Image/Image', 'checksum', '"abc"');
  });
});
