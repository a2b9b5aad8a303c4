import { Token } from 'cdktf';
import { Problems } from '../core/errors';
import { loadTemplate } from '../core/templates';
import { Checksum } from '../proxmox/image';
import { ButaneSnippet, renderButaneYaml } from './butane';

/**
 * The opt-in Kubernetes-ready profile for Flatcar (https://www.flatcar.org/docs/latest/container-runtimes/getting-started-with-kubernetes/): pinned kubeadm, kubelet, kubectl and CNI plugins
 * installed the Flatcar way (`/usr` is read-only), containerd configured for the kubelet (systemd cgroups),
 * crictl pointed at containerd, and the kernel modules and sysctls kubeadm's preflight checks want. Clones can
 * run `kubeadm init` / `kubeadm join` right away. Every download is verified by Ignition against a required hash.
 *
 * Ignition fetches the files on first boot, so the clone needs network in the initramfs (DHCP; with the
 * proxmoxve image a static cloud-init address is not up yet then: flatcar/Flatcar#2002).
 * @see https://www.flatcar.org/docs/latest/container-runtimes/getting-started-with-kubernetes/
 */

/** Options of {@link KubernetesProfile.sysext}. */
export interface KubernetesSysextOptions {
  /** Kubernetes release, e.g. `v1.33.5`: the sysext-bakery release `kubernetes-<version>`. */
  readonly version: string;
  /**
   * Checksum of `kubernetes-<version>-x86-64.raw`, from the release's `SHA256SUMS`: `Checksum.sha256('<hex>')`
   * (Ignition verifies sha256 and sha512).
   */
  readonly checksum: Checksum;
  /**
   * Where the image is downloaded from; `<version>` is replaced.
   * @default KUBERNETES_SYSEXT_URL
   */
  readonly url?: string;
}

/** Options of {@link KubernetesProfile.binaries}. */
export interface KubernetesBinariesOptions {
  /** Kubernetes release, e.g. `v1.33.5`. */
  readonly version: string;
  /** Checksum of each binary at `dl.k8s.io/release/<version>/bin/linux/amd64/<name>` (its `.sha512`/`.sha256` file). */
  readonly kubeadmChecksum: Checksum;
  /** Checksum of the `kubelet` binary (as `kubeadmChecksum`). */
  readonly kubeletChecksum: Checksum;
  /** Checksum of the `kubectl` binary (as `kubeadmChecksum`). */
  readonly kubectlChecksum: Checksum;
  /** CNI plugins release, e.g. `v1.8.0`. */
  readonly cniPluginsVersion: string;
  /** Checksum of `cni-plugins-linux-amd64-<cniPluginsVersion>.tgz` (its `.sha256`/`.sha512` file). */
  readonly cniPluginsChecksum: Checksum;
}

/** The Flatcar sysext-bakery release of a Kubernetes version (x86-64). */
export const KUBERNETES_SYSEXT_URL =
  'https://github.com/flatcar/sysext-bakery/releases/download/kubernetes-<version>/kubernetes-<version>-x86-64.raw';
export const KUBERNETES_RELEASE_URL = 'https://dl.k8s.io/release/<version>/bin/linux/amd64/<name>';
export const CNI_PLUGINS_URL =
  'https://github.com/containernetworking/plugins/releases/download/<version>/cni-plugins-linux-amd64-<version>.tgz';

/** The static part of the profile (containerd, crictl, modules, sysctl), a Butane file in templates/. */
export const KUBERNETES_NODE_TEMPLATE = 'flatcar/kubernetes-node.bu';

/** How Kubernetes gets onto the node. */
export class KubernetesProfile {
  /**
   * Flatcar's current way: the sysext-bakery `kubernetes` system extension, merged over `/usr` at boot. It ships
   * kubelet.service with kubeadm's drop-in and the CNI plugins, and links the kubelet volume plugin dir to
   * `/var`, so kubeadm works with its defaults. Automatic sysupdate is left off: the version stays pinned.
   * @see https://flatcar.github.io/sysext-bakery/kubernetes
   */
  public static sysext(options: KubernetesSysextOptions): KubernetesProfile {
    return new KubernetesProfile('sysext', options.version, options);
  }

  /**
   * Plain binaries under `/opt/bin` and CNI plugins under `/opt/cni/bin` (`/usr` is read-only on Flatcar: https://www.flatcar.org/docs/latest/provisioning/sysext/), with a
   * kubelet unit and kubeadm's drop-in. `/usr` is read-only, so the kubeadm config must point the flex volume
   * plugin dir elsewhere (kubelet `volumePluginDir` and controller-manager `flex-volume-plugin-dir`, e.g.
   * `/opt/libexec/kubernetes/kubelet-plugins/volume/exec`).
   */
  public static binaries(options: KubernetesBinariesOptions): KubernetesProfile {
    return new KubernetesProfile('binaries', options.version, options);
  }

  private constructor(
    public readonly method: 'sysext' | 'binaries',
    /** The Kubernetes version. */
    public readonly version: string,
    private readonly options: KubernetesSysextOptions | KubernetesBinariesOptions,
  ) {}

  /** Adds the problems of the options (prop names under `prefix`). */
  public check(p: Problems, prefix: string): void {
    checkRelease(p, `${prefix}.version`, this.version, 'v1.33.5');
    if (this.method === 'sysext') {
      const o = this.options as KubernetesSysextOptions;
      checkIgnitionChecksum(p, `${prefix}.checksum`, o.checksum);
      if (o.url !== undefined) p.check(/^https?:\/\/\S+$/.test(o.url), `${prefix}.url`, 'be an http(s) URL', o.url, 'Give the download as an http(s) URL without spaces.');
    } else {
      const o = this.options as KubernetesBinariesOptions;
      checkIgnitionChecksum(p, `${prefix}.kubeadmChecksum`, o.kubeadmChecksum);
      checkIgnitionChecksum(p, `${prefix}.kubeletChecksum`, o.kubeletChecksum);
      checkIgnitionChecksum(p, `${prefix}.kubectlChecksum`, o.kubectlChecksum);
      checkRelease(p, `${prefix}.cniPluginsVersion`, o.cniPluginsVersion, 'v1.8.0');
      checkIgnitionChecksum(p, `${prefix}.cniPluginsChecksum`, o.cniPluginsChecksum);
    }
  }

  /** Every file Ignition downloads for the profile: the URL and the checksum it is verified against. */
  public downloads(): Array<{ readonly url: string; readonly checksum: Checksum }> {
    if (this.method === 'sysext') {
      const o = this.options as KubernetesSysextOptions;
      return [{ url: (o.url ?? KUBERNETES_SYSEXT_URL).split('<version>').join(o.version), checksum: o.checksum }];
    }
    const o = this.options as KubernetesBinariesOptions;
    const bin = (name: string, checksum: Checksum) => ({ url: KUBERNETES_RELEASE_URL.replace('<version>', o.version).replace('<name>', name), checksum });
    return [bin('kubeadm', o.kubeadmChecksum), bin('kubelet', o.kubeletChecksum), bin('kubectl', o.kubectlChecksum),
      { url: CNI_PLUGINS_URL.split('<version>').join(o.cniPluginsVersion), checksum: o.cniPluginsChecksum }];
  }

  /** The Butane snippets of the profile, in merge order: node basics first, then the install. */
  public snippets(): ButaneSnippet[] {
    const install = this.method === 'sysext'
      ? sysextButane(this.options as KubernetesSysextOptions)
      : binariesButane(this.options as KubernetesBinariesOptions);
    return [ButaneSnippet.fromTemplate(KUBERNETES_NODE_TEMPLATE), ButaneSnippet.inline(`kubernetes-${this.method}`, install)];
  }
}

function checkRelease(p: Problems, prop: string, v: string, example: string): void {
  if (Token.isUnresolved(v)) return;
  p.check(/^v\d+\.\d+\.\d+$/.test(v), prop, `be a pinned release like "${example}"`, v,
    "Use the exact tag with its leading 'v'; 'latest' or a minor version alone would change under you.");
}

/** Adds a problem unless the checksum is one Ignition can verify (sha256 or sha512). */
export function checkIgnitionChecksum(p: Problems, prop: string, c: Checksum | undefined): void {
  if (!p.check(c !== undefined && (c.algorithm === 'sha256' || c.algorithm === 'sha512'), prop,
    'be Checksum.sha256(...) or Checksum.sha512(...) (what Ignition can verify)', c?.algorithm ?? c?.optOutReason ?? c,
    'Every download of the profile is verified; take the hash from the release\'s checksum file.')) return;
  if (Token.isUnresolved(c!.value!)) return;
  const len = c!.algorithm === 'sha256' ? 64 : 128;
  p.check(new RegExp(`^[0-9a-fA-F]{${len}}$`).test(c!.value ?? ''), prop, `be ${len} hex digits for ${c!.algorithm}`, c!.value, 'Copy the hash from the release\'s checksum file.');
}

/** Ignition's `verification.hash`: `<algorithm>-<hex>`. */
export function ignitionHash(c: Checksum): string {
  return `${c.algorithm}-${(c.value ?? '').toLowerCase()}`;
}

function sysextButane(o: KubernetesSysextOptions): string {
  const file = `kubernetes-${o.version}-x86-64.raw`;
  const stored = `/opt/extensions/kubernetes/${file}`;
  return renderButaneYaml({
    variant: 'flatcar',
    version: '1.0.0',
    storage: {
      files: [{
        path: stored,
        mode: 0o644,
        contents: { source: (o.url ?? KUBERNETES_SYSEXT_URL).split('<version>').join(o.version), verification: { hash: ignitionHash(o.checksum) } },
      }],
      // systemd-sysext merges images found in /etc/extensions at boot.
      links: [{ path: '/etc/extensions/kubernetes.raw', target: stored, hard: false }],
    },
  });
}

function binariesButane(o: KubernetesBinariesOptions): string {
  const bin = (name: string, c: Checksum) => ({
    path: `/opt/bin/${name}`,
    mode: 0o755,
    contents: { source: KUBERNETES_RELEASE_URL.replace('<version>', o.version).replace('<name>', name), verification: { hash: ignitionHash(c) } },
  });
  const tgz = `/opt/cni/cni-plugins-linux-amd64-${o.cniPluginsVersion}.tgz`;
  return renderButaneYaml({
    variant: 'flatcar',
    version: '1.0.0',
    storage: {
      files: [
        bin('kubeadm', o.kubeadmChecksum),
        bin('kubelet', o.kubeletChecksum),
        bin('kubectl', o.kubectlChecksum),
        {
          path: tgz,
          mode: 0o644,
          contents: { source: CNI_PLUGINS_URL.split('<version>').join(o.cniPluginsVersion), verification: { hash: ignitionHash(o.cniPluginsChecksum) } },
        },
      ],
    },
    systemd: {
      units: [
        {
          // Ignition cannot unpack archives: a oneshot unpacks the verified tarball once.
          name: 'cni-plugins-unpack.service',
          enabled: true,
          contents: [
            '[Unit]',
            `Description=Unpack CNI plugins ${o.cniPluginsVersion} into /opt/cni/bin`,
            'ConditionPathExists=!/opt/cni/bin/loopback',
            'Before=kubelet.service',
            '[Service]',
            'Type=oneshot',
            'RemainAfterExit=true',
            'ExecStart=/usr/bin/mkdir -p /opt/cni/bin',
            `ExecStart=/usr/bin/tar -C /opt/cni/bin -xzf ${tgz}`,
            '[Install]',
            'WantedBy=multi-user.target',
            '',
          ].join('\n'),
        },
        {
          name: 'kubelet.service',
          enabled: true,
          contents: loadTemplate('flatcar/kubelet.service'),
          dropins: [{ name: '10-kubeadm.conf', contents: loadTemplate('flatcar/10-kubeadm.conf') }],
        },
      ],
    },
  });
}
