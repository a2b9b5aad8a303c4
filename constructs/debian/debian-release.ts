import { Problems } from '../core/errors';
import { DEFAULT_DEBIAN_MAJOR } from '../versions';

/**
 * Debian cloud images: the releases this library knows, the two image variants, and the download URL.
 * @see https://cloud.debian.org/images/cloud/
 */

/** Debian major versions with a known codename. */
export type DebianMajor = 12 | 13;

/**
 * Debian cloud image variant.
 * - `genericcloud`: the cloud kernel (`linux-image-cloud-amd64`), small, without most hardware drivers.
 * - `generic`: the full kernel (`linux-image-amd64`), with drivers such as i915; needed for an Intel GPU
 *   (SR-IOV virtual function) passed to the guest.
 */
export type DebianImageVariant = 'generic' | 'genericcloud';

/** Codename by major version. */
export const DEBIAN_RELEASES: Readonly<Record<DebianMajor, { readonly codename: string }>> = {
  12: { codename: 'bookworm' },
  13: { codename: 'trixie' },
};

/** The release the golden template uses unless told otherwise: Debian 13 "trixie", the current stable (https://www.debian.org/releases/). */
// The default major version: ../versions.ts.
export { DEFAULT_DEBIAN_MAJOR };

/** A dated build like `20251117-2299` (the folder name under `images/cloud/<codename>/`), or `latest`. */
const BUILD_RE = /^(latest|\d{8}-\d{1,6})$/;

/** What identifies one Debian cloud image. */
export interface DebianImageSpec {
  /** Debian major release (a key of `DEBIAN_RELEASES`). */
  readonly major: number;
  /** Cloud image variant. */
  readonly variant: DebianImageVariant;
  /** A dated build (`20251117-2299`) or `latest`. */
  readonly build: string;
}

/** Whether `major` is a release this library knows. */
export function isKnownDebianMajor(major: number): major is DebianMajor {
  return Object.prototype.hasOwnProperty.call(DEBIAN_RELEASES, major);
}

/** Adds the problems of an image spec to `p`. */
export function checkDebianImage(p: Problems, spec: DebianImageSpec): void {
  const known = Object.keys(DEBIAN_RELEASES).join(', ');
  p.check(isKnownDebianMajor(spec.major), 'release', `be a known Debian release (${known})`, spec.major,
    'Use 13 (trixie, the default), or add the release to DEBIAN_RELEASES once Debian publishes it.');
  p.check(spec.variant === 'generic' || spec.variant === 'genericcloud', 'variant', "be 'generic' or 'genericcloud'", spec.variant, 'Use \'genericcloud\' for VMs, or \'generic\' when you need its extra drivers.');
  p.check(BUILD_RE.test(spec.build), 'build', 'be a dated build like "20251117-2299" or "latest"', spec.build,
    'Pick a folder from https://cloud.debian.org/images/cloud/<codename>/.');
}

/**
 * Pure: the download URL of a Debian cloud image (qcow2, uncompressed, so it can be imported with
 * `disk.import_from`).
 * - dated: `https://cloud.debian.org/images/cloud/trixie/20251117-2299/debian-13-generic-amd64-20251117-2299.qcow2`
 * - latest: `https://cloud.debian.org/images/cloud/trixie/latest/debian-13-generic-amd64.qcow2`
 */
export function debianCloudImageUrl(spec: DebianImageSpec): string {
  if (!isKnownDebianMajor(spec.major)) throw new Error(`unknown Debian release ${spec.major}`);
  const { codename } = DEBIAN_RELEASES[spec.major];
  const suffix = spec.build === 'latest' ? '' : `-${spec.build}`;
  return `https://cloud.debian.org/images/cloud/${codename}/${spec.build}/debian-${spec.major}-${spec.variant}-amd64${suffix}.qcow2`;
}

/** Pure: the `SHA512SUMS` file that lists the checksum of the image (the user copies it into the code). */
export function debianChecksumsUrl(spec: DebianImageSpec): string {
  if (!isKnownDebianMajor(spec.major)) throw new Error(`unknown Debian release ${spec.major}`);
  return `https://cloud.debian.org/images/cloud/${DEBIAN_RELEASES[spec.major].codename}/${spec.build}/SHA512SUMS`;
}
