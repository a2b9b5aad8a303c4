import { Token } from 'cdktf';
import { stringify } from 'yaml';
import { Problems } from '../core/errors';
import { checkCidr } from '../core/net';
import { renderTemplateFile } from '../core/templates';
import { DEBIAN_RELEASES, DebianMajor } from './debian-release';

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

/** The i915-sriov-dkms release pinned by default (https://github.com/strongtz/i915-sriov-dkms/releases); a setting. */
export const DEFAULT_I915_SRIOV_VERSION = '2025.07.22';
/** Kernel parameters the SR-IOV driver needs in GRUB (https://github.com/strongtz/i915-sriov-dkms#readme). */
export const DEFAULT_I915_SRIOV_KERNEL_PARAMETERS: readonly string[] = ['intel_iommu=on', 'i915.enable_guc=3', 'i915.max_vfs=7'];
/** Download attempts: waits of 5, 10 and 20 s between them (GitHub release downloads fail transiently). */
export const DEFAULT_I915_SRIOV_DOWNLOAD_ATTEMPTS = 4;

/** Props of {@link I915Sriov.dkms}. */
export interface I915SriovProps {
  /** SHA-256 of the `.deb` (64 hex digits): the download is refused when it differs (a release asset can be replaced). */
  readonly sha256: string;
  /** i915-sriov-dkms release. @default DEFAULT_I915_SRIOV_VERSION */
  readonly version?: string;
  /** Where the `.deb` comes from. @default - the GitHub release of strongtz/i915-sriov-dkms for `version` */
  readonly debUrl?: string;
  /** Kernel parameters added to GRUB. @default DEFAULT_I915_SRIOV_KERNEL_PARAMETERS */
  readonly kernelParameters?: readonly string[];
  /** Download attempts, with exponential backoff from 5 s. @default DEFAULT_I915_SRIOV_DOWNLOAD_ATTEMPTS */
  readonly downloadAttempts?: number;
}

/**
 * The Intel i915 SR-IOV guest driver, built into the template once (a DKMS build takes minutes: on every
 * clone's boot otherwise). Needs the `generic` image: the `genericcloud` kernel has no i915 driver to replace.
 * @see https://github.com/strongtz/i915-sriov-dkms
 */
export class I915Sriov {
  /** Install the DKMS package at a pinned, checksum-verified version. */
  public static dkms(props: I915SriovProps): I915Sriov {
    const version = props.version ?? DEFAULT_I915_SRIOV_VERSION;
    return new I915Sriov(version, props.sha256,
      props.debUrl ?? `https://github.com/strongtz/i915-sriov-dkms/releases/download/${version}/i915-sriov-dkms_${version}_amd64.deb`,
      props.kernelParameters ?? DEFAULT_I915_SRIOV_KERNEL_PARAMETERS,
      props.downloadAttempts ?? DEFAULT_I915_SRIOV_DOWNLOAD_ATTEMPTS);
  }

  private constructor(
    public readonly version: string,
    public readonly sha256: string,
    public readonly debUrl: string,
    public readonly kernelParameters: readonly string[],
    public readonly downloadAttempts: number,
  ) {}
}

/** Adds the problems of an {@link I915Sriov} setting (prop names under `prefix`). */
export function checkI915Sriov(p: Problems, i: I915Sriov, prefix = 'i915Sriov.'): void {
  p.check(/^[0-9a-fA-F]{64}$/.test(i.sha256 ?? ''), `${prefix}sha256`, 'be 64 hex digits (SHA-256 of the .deb)', i.sha256,
    'Take it from the release page, or run sha256sum on the downloaded .deb.');
  p.check(/^[0-9A-Za-z][0-9A-Za-z.+~-]*$/.test(i.version), `${prefix}version`, 'be a release like "2025.07.22"', i.version, 'Use the release tag of the i915 SR-IOV package, e.g. "2025.07.22".');
  p.check(/^https:\/\/[^\s'"\\]+\.deb$/.test(i.debUrl), `${prefix}debUrl`, 'be an https URL of a .deb without quotes or spaces', i.debUrl, 'Link the release\'s .deb asset over https.');
  for (const k of i.kernelParameters) {
    p.check(/^[A-Za-z0-9_.,:=/-]+$/.test(k), `${prefix}kernelParameters`, 'contain parameters like "i915.enable_guc=3"', k, 'Write each kernel parameter as key=value without spaces or quotes.');
  }
  p.check(Number.isInteger(i.downloadAttempts) && i.downloadAttempts >= 1 && i.downloadAttempts <= 10,
    `${prefix}downloadAttempts`, 'be an integer from 1 to 10', i.downloadAttempts, 'Set it to a whole number from 1 to 10.');
}

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

/**
 * The pause (sandbox) image kubeadm pulls and expects, by Kubernetes minor release: `PauseVersion` in
 * kubeadm's constants. containerd's own default (3.8 in Debian's containerd 1.7) differs, and kubeadm warns
 * when the runtime's sandbox image is not its own.
 * @see https://github.com/kubernetes/kubernetes/blob/release-1.34/cmd/kubeadm/app/constants/constants.go
 * @see https://github.com/kubernetes/kubernetes/pull/130713 (3.10.1 from 1.34)
 */
export const PAUSE_VERSION_BY_KUBERNETES_MINOR: Readonly<Record<number, string>> = {
  29: '3.9', 30: '3.9', 31: '3.10', 32: '3.10', 33: '3.10', 34: '3.10.1', 35: '3.10.1',
};

/** Pure: the pause image for a Kubernetes release like "1.34.1", or undefined for a release not in the table. */
export function pauseImageFor(kubernetesVersion: string): string | undefined {
  const m = /^v?1\.(\d+)\.\d+$/.exec(kubernetesVersion);
  const pause = m ? PAUSE_VERSION_BY_KUBERNETES_MINOR[Number(m[1])] : undefined;
  return pause && `registry.k8s.io/pause:${pause}`;
}

/** Adds the problem of a Kubernetes version without a known pause image. */
export function checkKubernetesVersionForPause(p: Problems, prop: string, kubernetesVersion: string): void {
  const minors = Object.keys(PAUSE_VERSION_BY_KUBERNETES_MINOR).map((m) => `1.${m}`).join(', ');
  p.check(pauseImageFor(kubernetesVersion) !== undefined, prop, `be a Kubernetes release like "1.34.1" of a known minor (${minors})`,
    kubernetesVersion, 'Pick a release of one of those minors, or add its minor to PAUSE_VERSION_BY_KUBERNETES_MINOR from kubeadm\'s constants.go (containerd\'s sandbox image follows it).');
}

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

/** One verification of the template: a name for messages and a guest command that exits 0 when it holds. */
export interface VerificationCheck {
  readonly name: string;
  readonly command: string;
}

const sandboxImage = (kubernetesVersion: string): string => {
  const image = pauseImageFor(kubernetesVersion);
  if (!image) throw new Error(`no pause image known for Kubernetes ${kubernetesVersion} (checkKubernetesVersionForPause reports it)`);
  return image;
};

/** The kernel the template boots next, in the guest's /bin/sh: the newest installed (see setup.d/60-i915-sriov.sh). */
const NEXT_KERNEL = '$(linux-version list | linux-version sort --reverse | sed -n 1p)';

/** Pure: the checks the finalize step runs in the guest before cleaning up: a template that fails one is never made. */
export function verificationChecks(i: Pick<DebianUserDataInput, 'major' | 'features' | 'i915Sriov' | 'packages' | 'kubernetesVersion'>): VerificationCheck[] {
  const f = i.features;
  const checks: VerificationCheck[] = [
    { name: 'qemu guest agent running', command: 'systemctl is-active --quiet qemu-guest-agent && test -e /dev/virtio-ports/org.qemu.guest_agent.0' },
    { name: 'packages installed', command: `dpkg -s ${templatePackages(i).join(' ')} >/dev/null` },
  ];
  if (f.chrony) {
    checks.push(
      { name: 'chrony running', command: 'systemctl is-active --quiet chrony && chronyc -n tracking >/dev/null' },
      { name: 'systemd-timesyncd masked', command: 'test "$(systemctl is-enabled systemd-timesyncd 2>/dev/null)" = masked' },
    );
  }
  if (f.containerd) {
    checks.push(
      { name: 'containerd running with SystemdCgroup', command: 'systemctl is-active --quiet containerd && containerd config dump | grep -q "SystemdCgroup = true"' },
      {
        name: 'containerd CNI plugins from /opt/cni/bin, loopback there',
        command: 'containerd config dump | grep -q \'bin_dir = "/opt/cni/bin"\' && test -x /opt/cni/bin/loopback',
      },
      { name: `containerd sandbox image ${sandboxImage(i.kubernetesVersion)}`, command: `containerd config dump | grep -qF 'sandbox_image = "${sandboxImage(i.kubernetesVersion)}"'` },
    );
  }
  if (f.kubernetesNetworking) {
    checks.push(
      { name: 'kernel modules overlay and br_netfilter loaded', command: 'grep -q "^overlay " /proc/modules && grep -q "^br_netfilter " /proc/modules' },
      { name: 'Kubernetes sysctls set', command: 'test "$(sysctl -n net.ipv4.ip_forward)" = 1 && test "$(sysctl -n net.bridge.bridge-nf-call-iptables)" = 1' },
    );
  }
  if (f.sshHardening) {
    checks.push({
      name: 'sshd ciphers and MACs restricted',
      command: 'sshd -T | grep -qx "ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com" && ' +
        'sshd -T | grep -qx "macs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com"',
    });
  }
  if (f.logRotation) {
    checks.push({ name: 'journald size cap configured', command: 'grep -q "^SystemMaxUse=" /etc/systemd/journald.conf.d/golden-template.conf' });
  }
  if (i.i915Sriov) {
    const s = i.i915Sriov;
    checks.push(
      // The kernel the clones boot, not the running one (package_upgrade may have installed a newer one).
      { name: `i915-sriov-dkms ${s.version} installed for the kernel the template boots next`, command: `dkms status -k "${NEXT_KERNEL}" i915-sriov-dkms/${s.version} | grep -q installed` },
      { name: 'i915 resolves to the DKMS module', command: `modinfo -k "${NEXT_KERNEL}" -n i915 | grep -q /updates/` },
      { name: 'GRUB has the SR-IOV kernel parameters', command: s.kernelParameters.map((k) => `grep -qF -- "${k}" /boot/grub/grub.cfg`).join(' && ') || 'true' },
    );
  }
  return checks;
}
