import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { Problems } from '../../constructs/core/errors';
import {
  checkI915Sriov, checkKubernetesVersionForPause, checkUserDataSettings, DEBIAN_TEMPLATE_BASE_PACKAGES, DEFAULT_CHRONY_ALLOW_CIDRS,
  DEFAULT_DEBIAN_TEMPLATE_FEATURES, DEFAULT_NTP_POOLS, DEFAULT_NTP_SERVERS, DebianUserDataInput, I915Sriov, pauseImageFor, renderDebianUserData,
  templatePackages, templatePackageUnion,
} from '../../constructs/debian/cloud-config';
import { verificationChecks } from '../../constructs/debian/verification';
import { describeIfTool, testIfTool } from '../helpers/tools';

const SHA = 'ab'.repeat(32);
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFDYWOCYXsx/YEGKrwzFq1h/QsJXCohAlanozKzQ9lRc admin@example';
const base: DebianUserDataInput = {
  major: 13,
  features: DEFAULT_DEBIAN_TEMPLATE_FEATURES,
  packages: DEBIAN_TEMPLATE_BASE_PACKAGES,
  ntpServers: DEFAULT_NTP_SERVERS,
  ntpPools: DEFAULT_NTP_POOLS,
  chronyAllowCidrs: DEFAULT_CHRONY_ALLOW_CIDRS,
  sshAuthorizedKeys: [KEY],
  journalMaxUseMiB: 256,
  kubernetesVersion: '1.34.1',
};
const withI915: DebianUserDataInput = { ...base, i915Sriov: I915Sriov.dkms({ sha256: SHA.toUpperCase() }) };
const allOff: DebianUserDataInput = {
  ...base,
  features: { containerd: false, chrony: false, sshHardening: false, kubernetesNetworking: false, logRotation: false, packageUpgrade: false },
};

const doc = (i: DebianUserDataInput) => parse(renderDebianUserData(i));
const entry = (i: DebianUserDataInput, path: string): { content: string; defer?: boolean } | undefined =>
  doc(i).write_files.find((f: { path: string }) => f.path === path);
const file = (i: DebianUserDataInput, path: string): string | undefined => entry(i, path)?.content;

describe('renderDebianUserData', () => {
  test('a #cloud-config document with packages, hardening and one setup command', () => {
    const text = renderDebianUserData(base);
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    const d = parse(text);
    expect(d).toEqual(expect.objectContaining({ package_update: true, package_upgrade: true, ssh_pwauth: false, disable_root: true }));
    expect(d.packages).toEqual(expect.arrayContaining(['containerd', 'chrony', 'qemu-guest-agent', 'build-essential', 'conntrack']));
    expect(d.packages).toEqual([...d.packages].sort());
    expect(d.ssh_authorized_keys).toEqual([KEY]);
    expect(d.runcmd).toEqual([['/usr/local/sbin/golden-template-setup']]);
    expect(renderDebianUserData(base)).toBe(text);
  });

  test('chrony: the default sources, serving the allowed networks', () => {
    const conf = file({ ...base, chronyAllowCidrs: ['10.0.0.0/24'] }, '/etc/chrony/chrony.conf')!;
    expect(conf).toContain('server time.cloudflare.com iburst\nserver time.google.com iburst\npool pool.ntp.org iburst\n');
    expect(conf).toContain('allow 10.0.0.0/24\n');
    expect(file({ ...base, chronyAllowCidrs: [] }, '/etc/chrony/chrony.conf')).not.toMatch(/^allow/m);
    expect(file(base, '/usr/local/lib/golden-template/setup.d/20-chrony')).toContain('systemctl mask systemd-timesyncd.service');
  });

  test('chrony: replaces Debian\'s chrony.conf after the package is installed (no Debian pool, no DHCP sources, one makestep)', () => {
    const e = entry(base, '/etc/chrony/chrony.conf')!;
    // defer: written in the final stage, after apt installed the package's own chrony.conf.
    expect(e.defer).toBe(true);
    expect(e.content.match(/^makestep /gm)).toHaveLength(1);
    const directives = e.content.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(directives).not.toMatch(/debian\.pool\.ntp\.org|chrony-dhcp/);
    expect(e.content.match(/^(server|pool|peer) /gm)).toEqual(['server ', 'server ', 'pool ']);
    // Nothing is appended through conf.d any more.
    expect(doc(base).write_files.map((f: { path: string }) => f.path).filter((p: string) => p.startsWith('/etc/chrony/conf.d/'))).toEqual([]);
  });

  test('containerd: CNI plugins from /opt/cni/bin with Debian\'s loopback linked there, and the pause image of the pinned Kubernetes', () => {
    const s = file(base, '/usr/local/lib/golden-template/setup.d/50-containerd')!;
    expect(s).toContain('sed -i -E \'s#^([[:space:]]*bin_dir = ).*#\\1"/opt/cni/bin"#\' /etc/containerd/config.toml');
    expect(s).toContain('ln -sfn /usr/lib/cni/loopback /opt/cni/bin/loopback');
    expect(s).toContain('"registry.k8s.io/pause:3.10.1"');
    expect(file({ ...base, kubernetesVersion: '1.32.4' }, '/usr/local/lib/golden-template/setup.d/50-containerd')).toContain('"registry.k8s.io/pause:3.10"');
    expect(s).not.toContain('pause:3.8');
    expect(templatePackages(base)).toContain('containernetworking-plugins');
    expect(verificationChecks(base).map((c) => c.name)).toEqual(expect.arrayContaining([
      'containerd CNI plugins from /opt/cni/bin, loopback there', 'containerd sandbox image registry.k8s.io/pause:3.10.1',
    ]));
  });

  test('pause image by Kubernetes minor (kubeadm\'s PauseVersion); unknown minors are refused', () => {
    expect(pauseImageFor('1.34.1')).toBe('registry.k8s.io/pause:3.10.1');
    expect(pauseImageFor('1.31.0')).toBe('registry.k8s.io/pause:3.10');
    expect(pauseImageFor('1.30.9')).toBe('registry.k8s.io/pause:3.9');
    expect(pauseImageFor('1.99.0')).toBeUndefined();
    expect(pauseImageFor('1.34')).toBeUndefined();
    const p = new Problems('Tpl');
    checkKubernetesVersionForPause(p, 'kubernetesVersion', '1.99.0');
    expect(() => p.throwIfAny()).toThrow(/'kubernetesVersion' must be a Kubernetes release like "1.34.1" of a known minor \(1.29, .*1.35\), got "1.99.0"/);
  });

  test('package names valid on Debian 13: pkgconf (pkg-config is only a transitional package there)', () => {
    expect(DEBIAN_TEMPLATE_BASE_PACKAGES).toContain('pkgconf');
    expect(DEBIAN_TEMPLATE_BASE_PACKAGES).not.toContain('pkg-config');
    // The real-root test's package set is every variant's packages.
    expect(templatePackageUnion(13)).toEqual(expect.arrayContaining(['pkgconf', 'containerd', 'containernetworking-plugins', 'firmware-intel-graphics', 'dkms']));
  });

  test('sysctl comment: the kernel default of max_user_instances is 128', () => {
    const conf = file(base, '/etc/sysctl.d/90-golden-template-kubernetes.conf')!;
    expect(conf).toContain("the kernel's default of 128 inotify instances");
    expect(conf).not.toMatch(/default of 8192/);
  });

  test('SSH ciphers and MACs of the hardening; Kubernetes modules and sysctls; containerd with SystemdCgroup; journald cap', () => {
    expect(file(base, '/etc/ssh/sshd_config.d/10-golden-template.conf')).toMatch(
      /^Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com\nMACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com$/m);
    expect(file(base, '/etc/modules-load.d/golden-template.conf')).toMatch(/^overlay\nbr_netfilter$/m);
    expect(file(base, '/etc/sysctl.d/90-golden-template-kubernetes.conf')).toMatch(/^net.bridge.bridge-nf-call-iptables = 1$/m);
    expect(file(base, '/usr/local/lib/golden-template/setup.d/50-containerd')).toContain("sed -i 's/SystemdCgroup = false/SystemdCgroup = true/'");
    expect(file(base, '/etc/systemd/journald.conf.d/golden-template.conf')).toContain('SystemMaxUse=256M');
  });

  test('every feature can be switched off; the guest agent, setup and cleanup stay', () => {
    const d = doc(allOff);
    expect(d.package_upgrade).toBe(false);
    expect(d.write_files.map((f: { path: string }) => f.path)).toEqual([
      '/usr/local/sbin/golden-template-setup', '/usr/local/sbin/golden-template-cleanup', '/usr/local/lib/golden-template/setup.d/10-guest-agent',
    ]);
    expect(d.packages).not.toContain('containerd');
    expect(d.packages).not.toContain('chrony');
    expect(verificationChecks(allOff).map((c) => c.name)).toEqual(['qemu guest agent running', 'packages installed']);
  });

  test('i915 SR-IOV: pinned version, SHA-256 verified, exponential backoff, GRUB parameters, firmware', () => {
    const s = file(withI915, '/usr/local/lib/golden-template/setup.d/60-i915-sriov')!;
    expect(s).toContain("version='2025.07.22'");
    expect(s).toContain("url='https://github.com/strongtz/i915-sriov-dkms/releases/download/2025.07.22/i915-sriov-dkms_2025.07.22_amd64.deb'");
    expect(s).toContain(`expected_sha256='${SHA}'`);
    expect(s).toContain('attempts=4');
    expect(s).toMatch(/delay=\$\(\(delay \* 2\)\)/);
    expect(s).toContain('"linux-headers-$kernel"');
    // Built for the kernel the template boots next (the newest installed), not the running one.
    expect(s).toContain('kernel=$(linux-version sort --reverse <<<"$kernels" | sed -n 1p)');
    expect(s).not.toMatch(/kernel=\$\(uname -r\)/);
    expect(s).toContain('dkms install i915-sriov-dkms/"$version" -k "$kernel"');
    // trixie's dkms has no dkms.service: masking it proved nothing (a rebuild only follows a kernel install).
    expect(s).not.toContain('dkms.service');
    expect(file(withI915, '/etc/default/grub.d/60-i915-sriov.cfg')).toContain('$GRUB_CMDLINE_LINUX_DEFAULT intel_iommu=on i915.enable_guc=3 i915.max_vfs=7"');
    expect(file(withI915, '/etc/apt/sources.list.d/golden-template-non-free-firmware.sources')).toContain('Suites: trixie trixie-updates');
    expect(templatePackages(withI915)).toContain('firmware-intel-graphics');
    expect(templatePackages({ ...withI915, major: 12 })).toContain('firmware-misc-nonfree');
    expect(file(withI915, '/etc/modules-load.d/golden-template.conf')).toMatch(/^overlay\nbr_netfilter\ni915$/m);
    expect(verificationChecks(withI915).map((c) => c.name)).toEqual(expect.arrayContaining([
      'i915-sriov-dkms 2025.07.22 installed for the kernel the template boots next', 'GRUB has the SR-IOV kernel parameters',
    ]));
    expect(verificationChecks(withI915).map((c) => c.command).join('\n')).not.toMatch(/uname -r|dkms\.service/);
  });

  testIfTool('bash', 'the download retry loop waits 5, 10, 20 s and gives up after the last attempt', () => {
    const s = file({ ...base, i915Sriov: I915Sriov.dkms({ sha256: SHA, downloadAttempts: 4 }) }, '/usr/local/lib/golden-template/setup.d/60-i915-sriov')!;
    // Run the loop alone with curl and sleep stubbed: the waits are recorded, not slept.
    const loop = s.slice(s.indexOf('delay=5'), s.indexOf('actual_sha256='));
    const r = spawnSync('bash', ['-c', `curl() { return 1; }\nsleep() { echo "sleep $1"; }\nattempts=4; url=u; deb=/dev/null\n${loop}`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual(['sleep 5', 'sleep 10', 'sleep 20']);
    expect(r.stderr).toContain('failed 4 times, giving up');
  });

  testIfTool('bash', 'cleanup: the log truncation spares the journal (journald\'s open files), the DKMS signing key goes', () => {
    const s = file(base, '/usr/local/sbin/golden-template-cleanup')!;
    expect(s).toContain('rm -f /var/lib/dkms/mok.key /var/lib/dkms/mok.pub');
    expect(s).toContain('journalctl --relinquish-var');
    // Run the cleanup's /var/log lines on a copy of /var/log: a journal file keeps its bytes, other logs are emptied.
    const d = mkdtempSync(join(tmpdir(), 'varlog-'));
    try {
      mkdirSync(join(d, 'journal', 'abc'), { recursive: true });
      writeFileSync(join(d, 'journal', 'abc', 'system.journal'), Buffer.alloc(4096, 1));
      writeFileSync(join(d, 'syslog'), 'x\n');
      writeFileSync(join(d, 'syslog.1'), 'x\n');
      const lines = s.split('\n').filter((l) => l.startsWith('find /var/log ')).map((l) => l.split('/var/log').join(d));
      expect(lines).toHaveLength(2);
      const r = spawnSync('bash', ['-euc', lines.join('\n')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(statSync(join(d, 'journal', 'abc', 'system.journal')).size).toBe(4096);
      expect(readFileSync(join(d, 'syslog'), 'utf8')).toBe('');
      expect(() => statSync(join(d, 'syslog.1'))).toThrow();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  test('holds no secret: no password anywhere, password login off', () => {
    const text = renderDebianUserData(withI915);
    expect(text).not.toMatch(/passw(or)?d\s*:|chpasswd|hashed_passwd|plain_text_passwd/i);
    expect(doc(withI915).ssh_pwauth).toBe(false);
  });
});

describe('settings checks', () => {
  const problems = (f: (p: Problems) => void) => {
    const p = new Problems('t');
    f(p);
    try { p.throwIfAny(); } catch (e) { return (e as Error).message; }
    return '';
  };

  test.each<[Partial<Parameters<typeof checkUserDataSettings>[1]>, string]>([
    [{ packages: ['Bad Name'] }, "'packages' must contain Debian package names, got \"Bad Name\"."],
    [{ ntpServers: ['time .example'] }, "'ntpServers' must contain host names, got \"time .example\"."],
    [{ chronyAllowCidrs: ['10.0.0.0'] }, "'chronyAllowCidrs' must be an address with prefix length like \"10.0.0.11/24\", got \"10.0.0.0\"."],
    [{ journalMaxUseMiB: 4 }, "'journalMaxUseMiB' must be an integer of at least 16, got 4."],
  ])('fails if %j', (s, message) => {
    expect(problems((p) => checkUserDataSettings(p, { ...base, ...s }))).toContain(message);
  });

  test.each<[Parameters<typeof I915Sriov.dkms>[0], string]>([
    [{ sha256: 'abc' }, "'i915Sriov.sha256' must be 64 hex digits (SHA-256 of the .deb), got \"abc\"."],
    [{ sha256: SHA, version: '1.0; rm -rf /' }, "'i915Sriov.version' must be a release like \"2025.07.22\", got \"1.0; rm -rf /\"."],
    [{ sha256: SHA, debUrl: "http://x/a'.deb" }, "'i915Sriov.debUrl' must be an https URL of a .deb without quotes or spaces"],
    [{ sha256: SHA, downloadAttempts: 0 }, "'i915Sriov.downloadAttempts' must be an integer from 1 to 10, got 0."],
  ])('i915Sriov fails if %j', (props, message) => {
    expect(problems((p) => checkI915Sriov(p, I915Sriov.dkms(props)))).toContain(message);
  });
});

describeIfTool('cloud-init', 'cloud-init schema accepts the user-data', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'user-data-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each<[string, DebianUserDataInput]>([
    ['defaults', base],
    ['with i915 SR-IOV on Debian 12', { ...withI915, major: 12 }],
    ['every feature off', { ...allOff, sshAuthorizedKeys: [] }],
  ])('%s', (name, input) => {
    const f = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(f, renderDebianUserData(input));
    const r = spawnSync('cloud-init', ['schema', '--config-file', f], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/Valid cloud-config/);
    expect(r.status).toBe(0);
  });

  test('and refuses a broken document (the check can fail)', () => {
    const f = join(dir, 'broken.yaml');
    writeFileSync(f, `${renderDebianUserData(base)}ssh_pwauth: [not, a, boolean]\n`);
    const r = spawnSync('cloud-init', ['schema', '--config-file', f], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });
});
