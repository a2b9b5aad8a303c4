// The i915 SR-IOV guest driver setting of DebianGoldenTemplate: built into the template once with DKMS, from a
// pinned, checksum-verified release (https://github.com/strongtz/i915-sriov-dkms).
import { Problems } from '../core/errors';

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
