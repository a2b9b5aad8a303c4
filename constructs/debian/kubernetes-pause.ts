// containerd's sandbox (pause) image on the Debian template must be the one kubeadm expects for the Kubernetes minor.
import { Problems } from '../core/errors';

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

/** The pause image of a Kubernetes release that checkKubernetesVersionForPause accepted (throws for any other). */
export function sandboxImage(kubernetesVersion: string): string {
  const image = pauseImageFor(kubernetesVersion);
  if (!image) throw new Error(`no pause image known for Kubernetes ${kubernetesVersion} (checkKubernetesVersionForPause reports it)`);
  return image;
}
