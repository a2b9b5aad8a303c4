import { Construct } from 'constructs';
import { Problems } from '../core/errors';
import { IProxmoxConnection } from '../proxmox/connection';
import { Checksum, DatastoreRef, ProxmoxImage } from '../proxmox/image';
import { BootDiskImage } from '../proxmox/media';
import {
  checkFlatcarRelease, checkImageVariant, DEFAULT_FLATCAR_CHANNEL, DEFAULT_FLATCAR_VERSION, FLATCAR_RELEASE_BASE_URL,
  FlatcarChannel, FlatcarImageCompression, FlatcarImageVariant, FlatcarVersion, flatcarImageUrl, flatcarStoredFileName,
} from './flatcar-release';

/** Props of {@link FlatcarImage}. */
export interface FlatcarImageProps {
  /** The Proxmox connection the downloads go through. */
  readonly connection: IProxmoxConnection;
  /** The Proxmox nodes that build templates from this image (one download each; one in total on shared storage). */
  readonly proxmoxNodes: readonly string[];
  /**
   * Checksum of the published file (the `.bz2` one when compressed), from the release's `<file>.DIGESTS`
   * (e.g. its SHA512 line): `Checksum.sha512('<hex>')`. Required: never inferred, never fetched at synth time.
   */
  readonly checksum: Checksum;
  /**
   * Release channel.
   * @default DEFAULT_FLATCAR_CHANNEL ('stable')
   */
  readonly channel?: FlatcarChannel;
  /**
   * Pinned release, `MAJOR.MINOR.PATCH` of `channel`; `current` is refused (reproducible plans).
   * @default DEFAULT_FLATCAR_VERSION ('4593.2.5', constructs/versions.ts)
   */
  readonly version?: string;
  /**
   * Which image: `proxmoxve` reads Ignition from the cloud-init drive (API token is enough), `qemu` from fw_cfg
   * through QEMU `args` (root@pam by password) or a snippet file.
   * @default 'proxmoxve'
   */
  readonly variant?: FlatcarImageVariant;
  /**
   * `none` downloads the uncompressed image as content type `import` and the VM imports it with
   * `disk.import_from` over the API (Proxmox VE 8.4+). `bz2` downloads the `.bz2` file as content type `iso`,
   * Proxmox decompresses it, and the VM imports it with `disk.file_id`, which needs SSH to the node.
   * @default 'none'
   */
  readonly compression?: FlatcarImageCompression;
  /** Datastore the image is downloaded to (`iso` or `import` content). @default { id: 'local' } */
  readonly datastore?: DatastoreRef;
  /**
   * Release server (a mirror), `<channel>` is replaced by the channel.
   * @default FLATCAR_RELEASE_BASE_URL ('https://<channel>.release.flatcar-linux.net/amd64-usr')
   */
  readonly baseUrl?: string;
}

/**
 * A pinned, checksum-verified Flatcar disk image in Proxmox storage: downloaded once per node that needs it (or
 * once on shared storage), ready to be imported as the boot disk of a {@link FlatcarTemplate}. Several templates
 * on a node share one download.
 * @see https://www.flatcar.org/docs/latest/installing/community-platforms/notes-for-distributors
 */
export class FlatcarImage extends Construct {
  public readonly channel: FlatcarChannel;
  /** The release, e.g. `4230.2.4`. */
  public readonly version: string;
  public readonly parsedVersion: FlatcarVersion;
  public readonly variant: FlatcarImageVariant;
  public readonly compression: FlatcarImageCompression;
  /** Where the file comes from. */
  public readonly url: string;
  /** The download(s); escape hatch. */
  public readonly image: ProxmoxImage;
  /** How the VM imports the disk: `import_from` (API) for uncompressed images, `file_id` (SSH) for `.bz2`. */
  public readonly bootDiskRoute: BootDiskImage['route'];

  constructor(scope: Construct, id: string, props: FlatcarImageProps) {
    super(scope, id);
    const channel = props.channel ?? DEFAULT_FLATCAR_CHANNEL;
    const version = props.version ?? DEFAULT_FLATCAR_VERSION;
    const variant = props.variant ?? 'proxmoxve';
    const compression = props.compression ?? 'none';

    const p = new Problems(this);
    const parsed = checkFlatcarRelease(p, channel, version);
    checkImageVariant(p, variant, parsed);
    p.check(compression === 'none' || compression === 'bz2', 'compression', "be 'none' or 'bz2'", compression, 'Use \'bz2\' for the published .img.bz2 images, or \'none\' for an uncompressed mirror.');
    if (props.baseUrl !== undefined) {
      p.check(/^https?:\/\/[^\s]+$/.test(props.baseUrl), 'baseUrl', 'be an http(s) URL', props.baseUrl, 'Give the mirror as an http(s) URL without spaces.');
    }
    p.throwIfAny();

    this.channel = channel;
    this.version = version;
    this.parsedVersion = parsed!;
    this.variant = variant;
    this.compression = compression;
    this.url = flatcarImageUrl(channel, version, variant, compression, props.baseUrl ?? FLATCAR_RELEASE_BASE_URL);
    this.bootDiskRoute = compression === 'bz2' ? 'file_id' : 'import_from';
    this.image = new ProxmoxImage(this, 'Image', {
      connection: props.connection,
      url: this.url,
      checksum: props.checksum,
      proxmoxNodes: props.proxmoxNodes,
      contentType: compression === 'bz2' ? 'iso' : 'import',
      fileName: flatcarStoredFileName(channel, version, variant, compression),
      decompression: compression === 'bz2' ? 'bz2' : undefined,
      datastore: props.datastore,
    });
  }

  /** The boot disk to import on `proxmoxNode` (throws naming the image's nodes when it is not downloaded there). */
  public bootDiskFor(proxmoxNode: string): BootDiskImage {
    return { fileId: this.image.fileIdFor(proxmoxNode), route: this.bootDiskRoute };
  }
}
