import { Problems } from '../core/errors';
import { DEFAULT_FLATCAR_CHANNEL, DEFAULT_FLATCAR_VERSION } from '../versions';

/**
 * Flatcar releases, images and the version pairs that can work, as pure functions.
 *
 * Flatcar versions are MAJOR.MINOR.PATCH where MINOR names the channel a release was built for (0 alpha,
 * 1 beta, 2 stable, 3 LTS), so a version and a channel that disagree would only fail later as a 404.
 * @see https://www.flatcar.org/releases
 */

/** A Flatcar release channel. */
export type FlatcarChannel = 'stable' | 'beta' | 'alpha' | 'lts';
export const FLATCAR_CHANNELS: readonly FlatcarChannel[] = ['stable', 'beta', 'alpha', 'lts'];

/** The MINOR number each channel's versions carry. */
const CHANNEL_MINOR: Record<FlatcarChannel, number> = { alpha: 0, beta: 1, stable: 2, lts: 3 };

/**
 * Which Flatcar disk image a template boots.
 * - `qemu`: `flatcar_production_qemu_uefi_image.img` (qcow2 despite `.img`), reads Ignition from QEMU fw_cfg,
 *   which Proxmox only sets through `args` (root@pam by password).
 * - `proxmoxve`: `flatcar_production_proxmoxve_image.img`, reads Ignition from the cloud-init drive's
 *   `user-data` (works with an API token; the snippet upload needs SSH). Since Stable 4152.2.0.
 */
export type FlatcarImageVariant = 'qemu' | 'proxmoxve';

/** How the image file is published: as it is, or bzip2-compressed (`.bz2`). */
export type FlatcarImageCompression = 'none' | 'bz2';

// The default channel and release: ../versions.ts (with their sources).
export { DEFAULT_FLATCAR_CHANNEL, DEFAULT_FLATCAR_VERSION };

/** Butane `variant: flatcar` spec versions poseidon/ct 0.14.0 can render (1.2.0-experimental it cannot merge). */
export const SUPPORTED_BUTANE_VERSIONS = ['1.0.0', '1.1.0'] as const;
export type ButaneVersion = (typeof SUPPORTED_BUTANE_VERSIONS)[number];
export const DEFAULT_BUTANE_VERSION: ButaneVersion = '1.1.0';

/**
 * poseidon/ct 0.14.0 parses every rendered config into Ignition spec 3.4.0 before merging snippets
 * (internal/data_config.go: `ignition/v2/config/v3_4`), so whatever the Butane version, the guest gets 3.4.0.
 * Spec 3.4.0 needs Ignition >= 2.15 (coreos.github.io/ignition/specs), which Flatcar ships from major 3602
 * (Stable 3602.2.0). An older Flatcar (e.g. 3510.2.6, Ignition 2.14) fails on first boot with an unsupported spec.
 */
export const RENDERED_IGNITION_SPEC = '3.4.0';
export const MIN_FLATCAR_MAJOR_FOR_IGNITION_3_4 = 3602;
/** The first major with the `proxmoxve` image (Stable 4152.2.0, 2025-01; flatcar/init#115). */
export const MIN_FLATCAR_MAJOR_FOR_PROXMOXVE = 4152;

/** The release file server; `<channel>` is substituted. */
export const FLATCAR_RELEASE_BASE_URL = 'https://<channel>.release.flatcar-linux.net/amd64-usr';

/** A parsed Flatcar version. */
export interface FlatcarVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** Parses `4230.2.4`; undefined when the text is not a Flatcar version. */
export function parseFlatcarVersion(v: string): FlatcarVersion | undefined {
  const m = /^(\d{1,6})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

/**
 * Adds the problems of a channel/version pair: a known channel, a `MAJOR.MINOR.PATCH` version, and a MINOR
 * that belongs to the channel. Returns the parsed version when it is usable.
 */
export function checkFlatcarRelease(p: Problems, channel: string, version: string, prefix = ''): FlatcarVersion | undefined {
  const channelOk = p.check((FLATCAR_CHANNELS as readonly string[]).includes(channel), `${prefix}channel`,
    `be one of ${FLATCAR_CHANNELS.map((c) => `'${c}'`).join(', ')}`, channel, 'Pick the channel your version is published in.');
  const parsed = parseFlatcarVersion(version);
  if (!p.check(parsed !== undefined, `${prefix}version`, 'be a Flatcar version MAJOR.MINOR.PATCH like "4230.2.4"', version,
    "Pick one from https://www.flatcar.org/releases; 'current' is not allowed: a pinned version keeps plans reproducible.")) {
    return undefined;
  }
  if (channelOk) {
    const want = CHANNEL_MINOR[channel as FlatcarChannel];
    p.check(parsed!.minor === want, `${prefix}version`, `be a '${channel}' release (MAJOR.${want}.PATCH)`, version,
      `Flatcar's middle number names the channel (0 alpha, 1 beta, 2 stable, 3 lts); set the channel that ` +
      'published this version, or a version of this channel.');
  }
  return parsed;
}

/** Adds a problem when `variant` does not exist yet in `version`. */
export function checkImageVariant(p: Problems, variant: string, version: FlatcarVersion | undefined, prefix = ''): void {
  if (!p.check(variant === 'qemu' || variant === 'proxmoxve', `${prefix}variant`, "be 'qemu' or 'proxmoxve'", variant, 'Use \'proxmoxve\' for Ignition from the cloud-init drive, or \'qemu\' for fw_cfg.')) return;
  if (variant === 'proxmoxve' && version) {
    p.check(version.major >= MIN_FLATCAR_MAJOR_FOR_PROXMOXVE, `${prefix}variant`,
      `be 'qemu' for Flatcar ${formatVersion(version)}: the 'proxmoxve' image exists from ${MIN_FLATCAR_MAJOR_FOR_PROXMOXVE} ` +
      `(Stable ${MIN_FLATCAR_MAJOR_FOR_PROXMOXVE}.2.0) on`, variant, 'Use a newer Flatcar version, or the qemu image.');
  }
}

/**
 * Adds a problem when a Butane config of `butaneVersion` cannot work on Flatcar `version` (each Butane
 * spec renders an Ignition spec that needs a minimum Ignition, https://coreos.github.io/butane/specs/): an unknown Butane version, or a Flatcar whose Ignition is older than the spec ct renders.
 */
export function checkButaneForFlatcar(p: Problems, prop: string, butaneVersion: string, version: FlatcarVersion | undefined): void {
  if (!p.check((SUPPORTED_BUTANE_VERSIONS as readonly string[]).includes(butaneVersion), prop,
    `be a Butane 'flatcar' spec version poseidon/ct 0.14.0 renders (${SUPPORTED_BUTANE_VERSIONS.join(', ')})`, butaneVersion,
    'Experimental specs (e.g. 1.2.0-experimental) are refused by ct when it merges snippets.')) {
    return;
  }
  if (version && version.major < MIN_FLATCAR_MAJOR_FOR_IGNITION_3_4) {
    p.addRaw(`'${prop}' must fit the Flatcar version, got Butane flatcar ${butaneVersion} for Flatcar ${formatVersion(version)}: ` +
      `poseidon/ct 0.14.0 renders every Butane version as Ignition spec ${RENDERED_IGNITION_SPEC}, which needs Ignition >= 2.15, ` +
      `shipped from Flatcar ${MIN_FLATCAR_MAJOR_FOR_IGNITION_3_4} (Stable ${MIN_FLATCAR_MAJOR_FOR_IGNITION_3_4}.2.0) on; ` +
      `Flatcar ${formatVersion(version)} would ignore the config. Use Flatcar ${DEFAULT_FLATCAR_VERSION} or newer.`);
  }
}

export function formatVersion(v: FlatcarVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** The published file name of an image. */
export function flatcarImageFileName(variant: FlatcarImageVariant, compression: FlatcarImageCompression): string {
  const base = variant === 'qemu' ? 'flatcar_production_qemu_uefi_image.img' : 'flatcar_production_proxmoxve_image.img';
  return compression === 'bz2' ? `${base}.bz2` : base;
}

/** `https://<channel>.release.flatcar-linux.net/amd64-usr/<version>/<file>` (or below `baseUrl`). */
export function flatcarImageUrl(channel: FlatcarChannel, version: string, variant: FlatcarImageVariant,
  compression: FlatcarImageCompression, baseUrl = FLATCAR_RELEASE_BASE_URL): string {
  const base = baseUrl.replace('<channel>', channel).replace(/\/+$/, '');
  return `${base}/${version}/${flatcarImageFileName(variant, compression)}`;
}

/**
 * The file name in the Proxmox datastore: versioned, so two releases never overwrite each other, and with the
 * extension Proxmox wants for the content type (the qemu `.img` is qcow2, https://www.flatcar.org/docs/latest/installing/vms/qemu/):
 * `.qcow2` for `import` (uncompressed, `disk.import_from`), `.img` for `iso` (decompressed by Proxmox, `file_id`).
 */
export function flatcarStoredFileName(channel: FlatcarChannel, version: string, variant: FlatcarImageVariant,
  compression: FlatcarImageCompression): string {
  return `flatcar-${channel}-${version}-${variant}.${compression === 'bz2' ? 'img' : 'qcow2'}`;
}
