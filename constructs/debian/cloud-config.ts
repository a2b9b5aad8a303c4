import { Token } from 'cdktf';
import { stringify } from 'yaml';
import { Problems } from '../core/errors';
import { checkCidr } from '../core/net';
import { renderTemplateFile } from '../core/templates';
import { DEBIAN_RELEASES, DebianMajor } from './debian-release';
import { I915Sriov } from './i915-sriov';
import { sandboxImage } from './kubernetes-pause';

// The i915 SR-IOV setting and the pause image table have their own modules; re-exported for existing imports.
export * from './i915-sriov';
export * from './kubernetes-pause';

/**
 * The golden template's cloud-init user-data (https://cloudinit.readthedocs.io/en/latest/reference/modules.html): packages, containerd, chrony, SSH hardening,
 * Kubernetes kernel settings, log rotation, the guest agent and, optionally, the i915 SR-IOV driver. Pure
 * functions: the construct validates and passes resolved settings; file contents come from `templates/debian/`.
 */

/** Features of the golden template that can be switched off. The QEMU guest agent is always on: the template is finalized through it. */
export interface DebianTemplateFeatures {
  /** containerd from Debian with the systemd cgroup driver (Kubernetes container runtime). @default true */
  readonly containerd?: boolean;
  /** chrony with several time sources, serving the local network; systemd-timesyncd masked. @default true */
  readonly chrony?: boolean;
  /** SSH ciphers and MACs restricted to modern algorithms, password login off. @default true */
  readonly sshHardening?: boolean;
  /** Kernel modules overlay and br_netfilter, IP forwarding and bridge netfilter sysctls. @default true */
  readonly kubernetesNetworking?: boolean;
  /** journald size cap with daily rotation. @default true */
  readonly logRotation?: boolean;
  /** Upgrade every package while building (a fresh template gets the latest fixes). @default true */
  readonly packageUpgrade?: boolean;
}

export const DEFAULT_DEBIAN_TEMPLATE_FEATURES: Required<DebianTemplateFeatures> = {
  containerd: true,
  chrony: true,
  sshHardening: true,
  kubernetesNetworking: true,
  logRotation: true,
  packageUpgrade: true,
};

/**
 * Packages of the golden template besides those a feature brings (build tools, Kubernetes node
 * tools, diagnostics). Names valid on Debian 12 and 13.
 */
export const DEBIAN_TEMPLATE_BASE_PACKAGES: readonly string[] = [
  // build tools (DKMS modules, node agents built on the node)
  // (pkgconf: Debian 13's pkg-config is a transitional package for it; Debian 12 has both names.)
  'build-essential', 'dkms', 'git', 'make', 'pkgconf',
  // Kubernetes node prerequisites (kubeadm preflight: conntrack, socat, iptables, ethtool)
  'conntrack', 'ebtables', 'ethtool', 'ipset', 'iptables', 'ipvsadm', 'nftables', 'socat',
  // storage for persistent volumes
  'lvm2', 'nfs-common', 'open-iscsi', 'xfsprogs', 'cloud-guest-utils', 'parted',
  // networking and diagnostics
  'bind9-dnsutils', 'curl', 'ca-certificates', 'gnupg', 'iproute2', 'iputils-ping', 'jq', 'lsof', 'mtr-tiny',
  'netcat-openbsd', 'rsync', 'strace', 'tcpdump', 'traceroute', 'wget',
  // operations
  'bash-completion', 'htop', 'iotop', 'less', 'logrotate', 'pciutils', 'sysstat', 'tmux', 'tree', 'unzip', 'vim',
  // the guest agent (always: the template is finalized through it)
  'qemu-guest-agent',
];

/** NTP servers: Cloudflare, Google and the NTP pool (https://chrony-project.org/doc/4.6/chrony.conf.html#server). */
export const DEFAULT_NTP_SERVERS: readonly string[] = ['time.cloudflare.com', 'time.google.com'];
export const DEFAULT_NTP_POOLS: readonly string[] = ['pool.ntp.org'];
/** The private IPv4 ranges (RFC 1918): chrony serves time to the local network by default (chrony.conf `allow`). */
export const DEFAULT_CHRONY_ALLOW_CIDRS: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Where the setup leaves its completion marker; the finalize step checks it. */
export const SETUP_MARKER = '/var/lib/golden-template/setup.done';

/**
 * Minimum VM resources for building the template, checked at synth time.
 * - base: the image is 3 GiB; the package set (build-essential, containerd, kernel headers ...) adds about
 *   1.5 GiB plus the apt cache while installing, and a template with no room left is of no use to clones:
 *   8 GiB. Memory: dpkg and containerd run fine in 1 GiB; cloud images have no swap, below that the OOM killer
 *   ends apt half-way.
 * - i915 SR-IOV: DKMS compiles the whole i915 driver (gcc peaks near 1.5 GiB with 2 jobs) against the headers
 *   of one or two kernels (about 250 MiB each) with a build tree of about 1.5 GiB: 2048 MiB and 10 GiB.
 */
export const MINIMUM_BUILD_RESOURCES = {
  base: { memoryMiB: 1024, diskSizeGiB: 8 },
  i915Sriov: { memoryMiB: 2048, diskSizeGiB: 10 },
} as const;

/** Everything {@link renderDebianUserData} needs, resolved. */
export interface DebianUserDataInput {
  readonly major: DebianMajor;
  readonly features: Required<DebianTemplateFeatures>;
  readonly i915Sriov?: I915Sriov;
  /** Packages besides those the features bring. */
  readonly packages: readonly string[];
  readonly ntpServers: readonly string[];
  readonly ntpPools: readonly string[];
  readonly chronyAllowCidrs: readonly string[];
  /** Public keys for the default user of the build VM (removed again before templating). */
  readonly sshAuthorizedKeys: readonly string[];
  /** journald cap. */
  readonly journalMaxUseMiB: number;
  /** Kubernetes release the nodes run: containerd's sandbox image is the pause image of this release. */
  readonly kubernetesVersion: string;
}

const PACKAGE_RE = /^[a-z0-9][a-z0-9+.-]+$/;
const HOST_RE = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** Adds the problems of the user-data settings. Token values are not checked. */
export function checkUserDataSettings(p: Problems, s: Pick<DebianUserDataInput, 'packages' | 'ntpServers' | 'ntpPools' | 'chronyAllowCidrs' | 'journalMaxUseMiB'>): void {
  for (const pkg of s.packages) {
    if (!Token.isUnresolved(pkg)) p.check(PACKAGE_RE.test(pkg), 'packages', 'contain Debian package names', pkg, 'Use the package name as `apt-cache show` lists it (lower case, no version or spaces).');
  }
  for (const [prop, hosts] of [['ntpServers', s.ntpServers], ['ntpPools', s.ntpPools]] as const) {
    for (const h of hosts) if (!Token.isUnresolved(h)) p.check(HOST_RE.test(h), prop, 'contain host names', h, 'Write a host name or IP address without scheme, port or spaces.');
  }
  for (const c of s.chronyAllowCidrs) if (!Token.isUnresolved(c)) checkCidr(p, 'chronyAllowCidrs', c);
  p.check(Number.isInteger(s.journalMaxUseMiB) && s.journalMaxUseMiB >= 16, 'journalMaxUseMiB', 'be an integer of at least 16', s.journalMaxUseMiB, 'Set it to 16 or more (journald needs room for at least a few files).');
}

/** Pure: every package the template installs, sorted and de-duplicated. */
export function templatePackages(i: Pick<DebianUserDataInput, 'major' | 'features' | 'i915Sriov' | 'packages'>): string[] {
  const extra: string[] = [];
  // containerd's CRI needs the loopback CNI plugin (Debian ships it in containernetworking-plugins, under /usr/lib/cni).
  if (i.features.containerd) extra.push('containerd', 'containernetworking-plugins');
  if (i.features.chrony) extra.push('chrony');
  // GuC/HuC firmware the SR-IOV driver loads: split out of firmware-misc-nonfree in Debian 13.
  if (i.i915Sriov) extra.push('intel-gpu-tools', i.major >= 13 ? 'firmware-intel-graphics' : 'firmware-misc-nonfree');
  return [...new Set([...i.packages, 'qemu-guest-agent', 'curl', 'ca-certificates', ...extra])].sort();
}

/**
 * Pure: every package any variant of the template installs on `major` (all features on, with and without
 * the i915 SR-IOV driver): the package set of the real-root test's cached Debian root.
 */
export function templatePackageUnion(major: DebianMajor, packages: readonly string[] = DEBIAN_TEMPLATE_BASE_PACKAGES): string[] {
  return templatePackages({ major, features: DEFAULT_DEBIAN_TEMPLATE_FEATURES, packages, i915Sriov: I915Sriov.dkms({ sha256: '0'.repeat(64) }) });
}

/** `defer`: written in cloud-init's final stage, after the packages are installed (write_files `defer`). */
interface WriteFile { path: string; content: string; permissions: string; defer?: boolean }

const script = (name: string, rel: string, vars: Record<string, string> = {}): WriteFile => ({
  path: `/usr/local/lib/golden-template/setup.d/${name}`, content: renderTemplateFile(rel, vars), permissions: '0755',
});
const config = (path: string, rel: string, vars: Record<string, string> = {}): WriteFile => ({
  path, content: renderTemplateFile(rel, vars), permissions: '0644',
});

/** Pure: the files cloud-init writes, in a fixed order. */
function writeFiles(i: DebianUserDataInput): WriteFile[] {
  const f = i.features;
  const files: WriteFile[] = [
    { path: '/usr/local/sbin/golden-template-setup', content: renderTemplateFile('debian/golden-template-setup.sh', { marker: SETUP_MARKER }), permissions: '0755' },
    { path: '/usr/local/sbin/golden-template-cleanup', content: renderTemplateFile('debian/golden-template-cleanup.sh', {}), permissions: '0755' },
    script('10-guest-agent', 'debian/setup.d/10-guest-agent.sh'),
  ];
  if (f.chrony) {
    const sources = [...i.ntpServers.map((h) => `server ${h} iburst`), ...i.ntpPools.map((h) => `pool ${h} iburst`)];
    const allow = i.chronyAllowCidrs.length ? i.chronyAllowCidrs.map((c) => `allow ${c}`) : ['# (serving disabled: no allowed networks)'];
    // Replaces the package's chrony.conf, so it is written after the package is installed (a conffile the
    // admin changed: later chrony upgrades keep it).
    files.push({ ...config('/etc/chrony/chrony.conf', 'debian/chrony.conf', { sources: sources.join('\n'), allow: allow.join('\n') }), defer: true },
      script('20-chrony', 'debian/setup.d/20-chrony.sh'));
  }
  if (f.sshHardening) {
    files.push(config('/etc/ssh/sshd_config.d/10-golden-template.conf', 'debian/sshd-hardening.conf'), script('30-ssh', 'debian/setup.d/30-ssh.sh'));
  }
  const modules = [...(f.kubernetesNetworking ? ['overlay', 'br_netfilter'] : []), ...(i.i915Sriov ? ['i915'] : [])];
  if (modules.length) files.push(config('/etc/modules-load.d/golden-template.conf', 'debian/kernel-modules.conf', { modules: modules.join('\n') }));
  if (f.kubernetesNetworking) {
    files.push(config('/etc/sysctl.d/90-golden-template-kubernetes.conf', 'debian/kubernetes-sysctl.conf'), script('40-kubernetes', 'debian/setup.d/40-kubernetes.sh'));
  }
  if (f.containerd) files.push(script('50-containerd', 'debian/setup.d/50-containerd.sh', { sandboxImage: sandboxImage(i.kubernetesVersion) }));
  if (f.logRotation) {
    files.push(config('/etc/systemd/journald.conf.d/golden-template.conf', 'debian/journald.conf', {
      maxUseMiB: String(i.journalMaxUseMiB), maxFileMiB: String(Math.max(8, Math.floor(i.journalMaxUseMiB / 8))),
    }));
  }
  if (i.i915Sriov) {
    const s = i.i915Sriov;
    files.push(
      config('/etc/apt/sources.list.d/golden-template-non-free-firmware.sources', 'debian/non-free-firmware.sources', { codename: DEBIAN_RELEASES[i.major].codename }),
      config('/etc/default/grub.d/60-i915-sriov.cfg', 'debian/grub-i915-sriov.cfg', { kernelParameters: s.kernelParameters.join(' ') }),
      script('60-i915-sriov', 'debian/setup.d/60-i915-sriov.sh', {
        version: s.version, url: s.debUrl, sha256: s.sha256.toLowerCase(), attempts: String(s.downloadAttempts),
      }));
  }
  return files;
}

/**
 * Pure: the `#cloud-config` user-data of the golden template. Holds no secret: public keys only, no password
 * (password login is off). Deterministic: same input, same bytes (the snippet's name carries its hash).
 */
export function renderDebianUserData(i: DebianUserDataInput): string {
  const doc: Record<string, unknown> = {
    package_update: true,
    package_upgrade: i.features.packageUpgrade,
    packages: templatePackages(i),
    ssh_pwauth: false,
    disable_root: true,
    ...(i.sshAuthorizedKeys.length ? { ssh_authorized_keys: [...i.sshAuthorizedKeys] } : {}),
    write_files: writeFiles(i).map((w) => ({ path: w.path, permissions: w.permissions, owner: 'root:root', content: w.content, ...(w.defer ? { defer: true } : {}) })),
    // One command that fails as a whole: runcmd lines run on after a failure, a failing script stops cloud-init.
    runcmd: [['/usr/local/sbin/golden-template-setup']],
  };
  return `#cloud-config\n# Debian golden template, rendered by DebianGoldenTemplate. Holds no secrets.\n${stringify(doc, { lineWidth: 0 })}`;
}
