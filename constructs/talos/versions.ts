import { Token } from 'cdktf';
import { Problems } from '../core/errors';

/**
 * Talos and Kubernetes versions: the pinned defaults and the support matrix that decides which Kubernetes
 * versions a Talos release can run. Pure; unit-tested in __tests__/talos/versions.test.ts.
 */

// The pinned defaults and the support matrix live with every other default version in ../versions.ts.
import { TALOS_KUBERNETES_SUPPORT } from '../versions';
export { DEFAULT_KUBERNETES_VERSION, TALOS_KUBERNETES_SUPPORT, TALOS_VERSION } from '../versions';

const TALOS_VERSION_RE = /^v(\d+)\.(\d+)\.(\d+)(-(alpha|beta)\.\d+)?$/;
const KUBERNETES_VERSION_RE = /^(\d+)\.(\d+)\.(\d+)$/;

/** `v1.11.5` -> `1.11`; undefined when malformed. */
export function talosMinor(version: string): string | undefined {
  const m = TALOS_VERSION_RE.exec(version);
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

/** `1.32.1` -> `1.32`; undefined when malformed. */
export function kubernetesMinor(version: string): string | undefined {
  const m = KUBERNETES_VERSION_RE.exec(version);
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

function minorNumber(minor: string): number {
  const [major, min] = minor.split('.').map(Number);
  return major * 1000 + min;
}

/** Adds a problem unless `version` looks like `v1.11.5` and its minor is in {@link TALOS_KUBERNETES_SUPPORT}. */
export function checkTalosVersion(p: Problems, prop: string, version: string): boolean {
  if (Token.isUnresolved(version)) return true;
  const minor = talosMinor(version);
  if (!p.check(minor !== undefined, prop, 'be a Talos release like "v1.11.5" (with the leading v)', version, 'Write the Talos tag with its leading v, e.g. "v1.11.5".')) return false;
  const known = Object.keys(TALOS_KUBERNETES_SUPPORT);
  return p.check(known.includes(minor!), prop, `be a release of a Talos minor in the support matrix (${known.join(', ')})`,
    version, 'Pick one of those releases, or extend TALOS_KUBERNETES_SUPPORT after checking the Talos support matrix.');
}

/**
 * Adds a problem unless `version` looks like `1.32.1` (no leading v: the talos provider and Talos' own
 * configuration take it bare) and the Talos minor of `talosVersion` supports it.
 */
export function checkKubernetesVersion(p: Problems, prop: string, version: string, talosVersion: string): boolean {
  if (Token.isUnresolved(version)) return true;
  const minor = kubernetesMinor(version);
  if (!p.check(minor !== undefined, prop, 'be a Kubernetes release like "1.32.1" (without a leading v)', version, 'Write the Kubernetes version without a leading v, e.g. "1.34.1".')) return false;
  const talos = Token.isUnresolved(talosVersion) ? undefined : talosMinor(talosVersion);
  const range = talos ? TALOS_KUBERNETES_SUPPORT[talos] : undefined;
  if (!range) return true; // the Talos version itself is reported by checkTalosVersion
  const k = minorNumber(minor!);
  return p.check(k >= minorNumber(range[0]) && k <= minorNumber(range[1]), prop,
    `be a Kubernetes version Talos ${talos} supports (${range[0]} to ${range[1]})`, version,
    `Pick a ${range[0]}.x to ${range[1]}.x release, or change talosVersion.`);
}
