// Bad props of DebianGoldenTemplate: each row must fail with the construct path, the prop, the bad value and
// a fix sentence (see shape.ts).
import { DebianGoldenTemplate, DebianGoldenTemplateProps } from '../../constructs/debian/debian-golden-template';
import { I915Sriov } from '../../constructs/debian/cloud-config';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';
import { expectBadInput, Row } from './shape';

const SRIOV = I915Sriov.dkms({ sha256: 'ef'.repeat(32) });

describe('DebianGoldenTemplate bad input', () => {
  test.each<Row<Partial<DebianGoldenTemplateProps>>>([
    ['an unknown Debian release', { release: 11 }, 'release', '11'],
    ['an unknown image variant', { variant: 'nocloud' as any }, 'variant', '"nocloud"'],
    ['a build that is no dated folder', { build: 'trixie' }, 'build', '"trixie"'],
    ['no checksum', { checksum: undefined as any }, 'checksum', 'undefined'],
    ['a checksum opt-out', { checksum: Checksum.none('lazy') }, 'checksum', '"Checksum.none()"'],
    ['the i915 driver with the cloud kernel', { variant: 'genericcloud', i915Sriov: SRIOV }, 'variant', '"genericcloud"'],
    ['an i915 package hash that is no SHA-256', { i915Sriov: I915Sriov.dkms({ sha256: 'xyz' }) }, 'i915Sriov.sha256', '"xyz"'],
    ['an i915 .deb over http', { i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32), debUrl: 'http://example.com/x.deb' }) }, 'i915Sriov.debUrl', '"http://example.com/x.deb"'],
    ['an i915 kernel parameter with a space', { i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32), kernelParameters: ['a b'] }) }, 'i915Sriov.kernelParameters', '"a b"'],
    ['no i915 download attempt', { i915Sriov: I915Sriov.dkms({ sha256: 'ef'.repeat(32), downloadAttempts: 0 }) }, 'i915Sriov.downloadAttempts', '0'],
    ['memory below the package set', { memoryMiB: 768 }, 'memoryMiB', '768'],
    ['a disk below the package set', { diskSizeGiB: 6 }, 'diskSizeGiB', '6'],
    ['a proxmoxNode with a space', { proxmoxNode: 'pve 1' }, 'proxmoxNode', '"pve 1"'],
    ['a name Proxmox refuses', { name: 'Golden_Template' }, 'name', '"Golden_Template"'],
    ['a vmId below the range', { vmId: 99 }, 'vmId', '99'],
    ['a cloud-init bound too short', { cloudInitTimeoutSeconds: 10 }, 'cloudInitTimeoutSeconds', '10'],
    ['a package name with a version', { extraPackages: ['curl=8.0'] }, 'packages', '"curl=8.0"'],
    ['an NTP server URL', { ntpServers: ['ntp://time.example'] }, 'ntpServers', '"ntp://time.example"'],
    ['a chrony network without prefix', { chronyAllowCidrs: ['10.0.0.0'] }, 'chronyAllowCidrs', '"10.0.0.0"'],
    ['a tiny journal', { journalMaxUseMiB: 8 }, 'journalMaxUseMiB', '8'],
    ['a Kubernetes release without pause image', { kubernetesVersion: '1.99.0' }, 'kubernetesVersion', '"1.99.0"'],
    ['a malformed public key', { sshAuthorizedKeys: ['ssh-ed25519'] }, 'sshAuthorizedKeys[0]', '"ssh-ed25519"'],
  ])('%s', (_d, override, prop, value) => {
    expectBadInput((s) => new DebianGoldenTemplate(s, 'Golden', {
      connection: new ProxmoxConnection(s, 'Proxmox', { ssh: { agent: true } }), proxmoxNode: 'pve1', build: '20251117-2299',
      checksum: Checksum.sha512('cd'.repeat(64)), ...override,
    }), 'test/Golden', prop, value);
  });

  test('a connection without SSH', () => {
    expectBadInput((s) => new DebianGoldenTemplate(s, 'Golden', {
      connection: new ProxmoxConnection(s, 'Proxmox'), proxmoxNode: 'pve1', build: '20251117-2299', checksum: Checksum.sha512('cd'.repeat(64)),
    }), 'test/Golden', 'connection', '"test/Proxmox without ssh"');
  });
});
