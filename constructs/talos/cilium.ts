import { Problems } from '../core/errors';
import { renderTemplateFile } from '../core/templates';
import { CILIUM_CLI_IMAGE, CILIUM_VERSION } from '../versions';
import { KUBEPRISM_PORT, TalosConfigPatch } from './patches';

// Cilium and CLI defaults: ../versions.ts (with their sources).
export { CILIUM_CLI_IMAGE, CILIUM_VERSION };
/** Template of the install Job, relative to `templates/`. */
export const CILIUM_INSTALL_TEMPLATE = 'talos/cilium-install.yaml';

/** Options of {@link TalosCni.cilium}. */
export interface CiliumOptions {
  /** Cilium release, without a leading v. @default CILIUM_VERSION */
  readonly version?: string;
  /** Image with the cilium CLI at /usr/local/bin/cilium. @default CILIUM_CLI_IMAGE */
  readonly cliImage?: string;
}

/**
 * The cluster's CNI.
 * - {@link TalosCni.flannel}: Talos' default, nothing to install.
 * - {@link TalosCni.cilium}: Talos' CNI and kube-proxy off, KubePrism on, and Cilium installed by a Job that
 *   Talos applies from an inline manifest on the control planes (no helm, no network access from Terraform).
 * @see https://www.talos.dev/v1.11/kubernetes-guides/network/deploying-cilium/
 */
export class TalosCni {
  public static flannel(): TalosCni {
    return new TalosCni('flannel');
  }

  public static cilium(options: CiliumOptions = {}): TalosCni {
    return new TalosCni('cilium', options.version ?? CILIUM_VERSION, options.cliImage ?? CILIUM_CLI_IMAGE);
  }

  private constructor(
    public readonly name: 'flannel' | 'cilium',
    public readonly ciliumVersion?: string,
    public readonly cliImage?: string,
  ) {}

  /** Whether Kubernetes checks must be skipped until the CNI is up (Talos ships no CNI then). */
  public get installedAfterBootstrap(): boolean {
    return this.name !== 'flannel';
  }

  /** Adds the problems of the options to `p`. */
  public check(p: Problems, prop: string): void {
    if (this.name !== 'cilium') return;
    p.check(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/.test(this.ciliumVersion!), `${prop}.version`, 'be a Cilium release like "1.16.5" (no leading v)', this.ciliumVersion, 'Use a Cilium release number such as "1.16.5", without the leading v.');
    p.check(/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?$/.test(this.cliImage!), `${prop}.cliImage`,
      'be an image reference like "quay.io/cilium/cilium-cli:v0.18.7"', this.cliImage, 'Give a registry/repository:tag reference, e.g. "quay.io/cilium/cilium-cli:v0.18.7".');
  }
}

/** The install Job manifest (ServiceAccount, ClusterRoleBinding, Job) for `cni`, without the file's header comment. */
export function ciliumInstallManifest(cni: TalosCni): string {
  return renderTemplateFile(CILIUM_INSTALL_TEMPLATE, {
    cliImage: cni.cliImage!,
    ciliumVersion: cni.ciliumVersion!,
    kubePrismPort: String(KUBEPRISM_PORT),
  }).replace(/^(#.*\n)+/, '');
}

/** Patches a CNI needs: for every node, and for control planes only (inline manifests run there). */
export interface CniPatches {
  readonly all: readonly TalosConfigPatch[];
  readonly controlPlane: readonly TalosConfigPatch[];
}

/** The machine-configuration patches of `cni`. */
export function cniPatches(cni: TalosCni): CniPatches {
  if (cni.name === 'flannel') return { all: [], controlPlane: [] };
  return {
    all: [{
      machine: { features: { kubePrism: { enabled: true, port: KUBEPRISM_PORT } } },
      cluster: { network: { cni: { name: 'none' } }, proxy: { disabled: true } },
    }],
    // Talos: "Only add the Cilium inline manifest to the control plane nodes machine configuration".
    controlPlane: [{ cluster: { inlineManifests: [{ name: 'cilium-install', contents: ciliumInstallManifest(cni) }] } }],
  };
}
