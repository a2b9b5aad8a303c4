import * as YAML from 'yaml';
import { Problems } from '../../constructs/core/errors';
import { checkButaneDocument } from '../../constructs/flatcar/butane';
import { parseFlatcarVersion } from '../../constructs/flatcar/flatcar-release';
import { KubernetesProfile } from '../../constructs/flatcar/kubernetes-profile';
import { Checksum } from '../../constructs/proxmox/image';
import { FAKE_SHA256, FAKE_SHA512 } from './fixtures';

function problems(f: (p: Problems) => void): string[] {
  const p = new Problems('t');
  f(p);
  try { p.throwIfAny(); } catch (e: any) { return e.problems; }
  return [];
}

const sysext = KubernetesProfile.sysext({ version: 'v1.33.5', checksum: FAKE_SHA256 });
const binaries = KubernetesProfile.binaries({
  version: 'v1.33.5', kubeadmChecksum: FAKE_SHA512, kubeletChecksum: FAKE_SHA512, kubectlChecksum: FAKE_SHA512,
  cniPluginsVersion: 'v1.8.0', cniPluginsChecksum: FAKE_SHA256,
});

describe('KubernetesProfile', () => {
  test('every snippet is a valid flatcar Butane document (incl. templates/flatcar/kubernetes-node.bu)', () => {
    for (const profile of [sysext, binaries]) {
      for (const s of profile.snippets()) {
        expect(problems((p) => checkButaneDocument(p, s.name, s.content, parseFlatcarVersion('4230.2.4')))).toEqual([]);
      }
    }
  });

  test('node basics: containerd with systemd cgroups, crictl, modules and sysctls', () => {
    const doc = YAML.parse(sysext.snippets()[0].content);
    const files = Object.fromEntries(doc.storage.files.map((f: any) => [f.path, f.contents.inline]));
    expect(files['/etc/containerd/config.toml']).toMatch(/\[plugins\."io\.containerd\.grpc\.v1\.cri"\.containerd\.runtimes\.runc\.options\]\nSystemdCgroup = true/);
    expect(files['/etc/crictl.yaml']).toContain('runtime-endpoint: unix:///run/containerd/containerd.sock');
    expect(files['/etc/modules-load.d/kubernetes.conf']).toBe('overlay\nbr_netfilter\n');
    expect(files['/etc/sysctl.d/90-kubernetes.conf']).toContain('net.ipv4.ip_forward = 1');
    expect(doc.systemd.units[0].dropins[0].contents).toContain('Environment=CONTAINERD_CONFIG=/etc/containerd/config.toml');
  });

  test('sysext: the pinned bakery image, verified, linked into /etc/extensions', () => {
    const doc = YAML.parse(sysext.snippets()[1].content);
    expect(doc.storage.files).toEqual([{
      path: '/opt/extensions/kubernetes/kubernetes-v1.33.5-x86-64.raw',
      mode: 0o644,
      contents: {
        source: 'https://github.com/flatcar/sysext-bakery/releases/download/kubernetes-v1.33.5/kubernetes-v1.33.5-x86-64.raw',
        verification: { hash: `sha256-${'cd'.repeat(32)}` },
      },
    }]);
    expect(doc.storage.links).toEqual([{ path: '/etc/extensions/kubernetes.raw', target: '/opt/extensions/kubernetes/kubernetes-v1.33.5-x86-64.raw', hard: false }]);
  });

  test('binaries: /opt/bin with SHA-512 verification, CNI unpacked by a oneshot, kubelet with the kubeadm drop-in', () => {
    const doc = YAML.parse(binaries.snippets()[1].content);
    const byPath = Object.fromEntries(doc.storage.files.map((f: any) => [f.path, f]));
    expect(byPath['/opt/bin/kubeadm']).toEqual({
      path: '/opt/bin/kubeadm', mode: 0o755,
      contents: { source: 'https://dl.k8s.io/release/v1.33.5/bin/linux/amd64/kubeadm', verification: { hash: `sha512-${'ab'.repeat(64)}` } },
    });
    expect(byPath['/opt/cni/cni-plugins-linux-amd64-v1.8.0.tgz'].contents.source).toBe(
      'https://github.com/containernetworking/plugins/releases/download/v1.8.0/cni-plugins-linux-amd64-v1.8.0.tgz');
    const units = Object.fromEntries(doc.systemd.units.map((u: any) => [u.name, u]));
    expect(units['cni-plugins-unpack.service'].contents).toContain('ExecStart=/usr/bin/tar -C /opt/cni/bin -xzf /opt/cni/cni-plugins-linux-amd64-v1.8.0.tgz');
    expect(units['kubelet.service'].contents).toContain('ExecStart=/opt/bin/kubelet');
    expect(units['kubelet.service'].dropins[0].contents).toContain(
      'ExecStart=/opt/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS');
  });

  test('fails on unpinned versions and checksums Ignition cannot verify', () => {
    const bad = KubernetesProfile.binaries({
      version: 'latest', kubeadmChecksum: Checksum.of('md5', 'ab'.repeat(16)), kubeletChecksum: Checksum.none('trust me'),
      kubectlChecksum: Checksum.sha512('xyz'), cniPluginsVersion: '1.8', cniPluginsChecksum: FAKE_SHA256,
    });
    expect(problems((p) => bad.check(p, 'kubernetes'))).toEqual([
      expect.stringMatching(/^'kubernetes\.version' must be a pinned release like "v1\.33\.5", got "latest"/),
      expect.stringMatching(/^'kubernetes\.kubeadmChecksum' must be Checksum\.sha256\(\.\.\.\) or Checksum\.sha512\(\.\.\.\) \(what Ignition can verify\), got "md5"/),
      expect.stringMatching(/^'kubernetes\.kubeletChecksum' must be Checksum\.sha256\(\.\.\.\) or Checksum\.sha512\(\.\.\.\) .*got "trust me"/),
      "'kubernetes.kubectlChecksum' must be 128 hex digits for sha512, got \"xyz\". Copy the hash from the release's checksum file.",
      expect.stringMatching(/^'kubernetes\.cniPluginsVersion' must be a pinned release like "v1\.8\.0", got "1\.8"/),
    ]);
    expect(problems((p) => sysext.check(p, 'kubernetes'))).toEqual([]);
  });
});
