import { Construct, IConstruct } from 'constructs';
import { ImageFactorySchematic } from '../../.gen/providers/talos/image-factory-schematic';
import { DataTalosImageFactoryUrls } from '../../.gen/providers/talos/data-talos-image-factory-urls';
import { Problems } from '../core/errors';
import { IProxmoxConnection } from '../proxmox/connection';
import { Checksum, DatastoreRef, ProxmoxImage } from '../proxmox/image';
import { talosProviderOf } from './providers';
import { checkSchematic, DEFAULT_EXTENSIONS, MetaEntry, renderSchematic, schematicDigest } from './schematic';
import { TalosPlatform } from './talos-network';
import { checkTalosVersion, TALOS_VERSION } from './versions';

/** The public Image Factory; must match the talos provider's `image_factory_url`. */
export const IMAGE_FACTORY_URL = 'https://factory.talos.dev';

/**
 * Why factory images are downloaded unverified: the factory builds them on demand per schematic and
 * publishes no checksum, and a checksum cannot be known before the schematic (with per-node META) exists.
 */
export const IMAGE_FACTORY_CHECKSUM_REASON =
  'the Talos Image Factory publishes no checksums; the image is addressed by schematic id and Talos version over HTTPS';

/** What the image is used as: a disk image imported as the boot disk, or an installer ISO. */
export type TalosImageFormat = 'disk-image' | 'iso';
export type TalosArchitecture = 'amd64' | 'arm64';

/** Props of {@link TalosImage}. */
export interface TalosImageProps {
  /** The Proxmox connection the downloads go through. */
  readonly connection: IProxmoxConnection;
  /** Talos release. @default TALOS_VERSION */
  readonly talosVersion?: string;
  /** Platform the image is built for. @default 'metal' */
  readonly platform?: TalosPlatform;
  /** CPU architecture of the image. @default 'amd64' */
  readonly architecture?: TalosArchitecture;
  /** Official system extensions. @default DEFAULT_EXTENSIONS */
  readonly extensions?: readonly string[];
  /** Extra kernel arguments baked into the image. @default [] */
  readonly kernelArgs?: readonly string[];
  /** META entries baked into the image (e.g. key 10 for static addressing). @default [] */
  readonly meta?: readonly MetaEntry[];
  /**
   * `disk-image`: an uncompressed `.qcow2` stored as `import` content and imported with `disk.import_from`
   * (API only, no SSH; the factory's default `.raw.xz`/`.raw.zst` cannot be imported, and Proxmox cannot
   * decompress xz). `iso`: the `.iso` stored as `iso` content. The storage must allow that content type.
   * @default 'disk-image'
   */
  readonly format?: TalosImageFormat;
  /** Storage the image is downloaded to. @default { id: 'local' } */
  readonly datastore?: DatastoreRef;
  /** Checksum of the download. @default Checksum.none(IMAGE_FACTORY_CHECKSUM_REASON) (a synth warning) */
  readonly checksum?: Checksum;
  /** Image Factory to build the image with (a self-hosted one works too). @default IMAGE_FACTORY_URL */
  readonly imageFactoryUrl?: string;
  /** Where the checksum warnings of the downloads go (see ProxmoxImageProps). @default - on each download */
  readonly checksumWarningScope?: IConstruct;
}

/**
 * A Talos image from the Image Factory: the schematic (extensions, kernel arguments, META), its installer
 * image reference, and the image file downloaded once per Proxmox node that asks for it ({@link fileIdFor};
 * once in total on shared storage).
 * @see https://registry.terraform.io/providers/siderolabs/talos/0.10.0/docs/resources/image_factory_schematic
 */
export class TalosImage extends Construct {
  public readonly talosVersion: string;
  public readonly platform: TalosPlatform;
  public readonly format: TalosImageFormat;
  public readonly extensions: readonly string[];
  /** The schematic YAML sent to the factory. */
  public readonly schematicYaml: string;
  /** The schematic id (a Terraform reference). */
  public readonly schematicId: string;
  /** Installer image for this schematic, e.g. for `talosctl upgrade --image` (a Terraform reference). */
  public readonly installerImage: string;
  /** Where the image is downloaded from (contains the schematic id reference). */
  public readonly url: string;
  /** File name in the datastore: unique per Talos version, platform and schematic content. */
  public readonly fileName: string;
  public readonly schematic: ImageFactorySchematic;
  private readonly connection: IProxmoxConnection;
  private readonly datastore: DatastoreRef;
  private readonly checksum: Checksum;
  private readonly checksumWarningScope?: IConstruct;
  /** Downloads by node name ('' for the one shared download), with the node each was made through. */
  private readonly downloads = new Map<string, { readonly image: ProxmoxImage; readonly node: string }>();

  constructor(scope: Construct, id: string, props: TalosImageProps) {
    super(scope, id);
    const talosVersion = props.talosVersion ?? TALOS_VERSION;
    const platform = props.platform ?? 'metal';
    const architecture = props.architecture ?? 'amd64';
    const format = props.format ?? 'disk-image';
    const factory = (props.imageFactoryUrl ?? IMAGE_FACTORY_URL).replace(/\/+$/, '');
    const spec = { extensions: props.extensions ?? DEFAULT_EXTENSIONS, kernelArgs: props.kernelArgs ?? [], meta: props.meta ?? [] };

    const p = new Problems(this);
    checkTalosVersion(p, 'talosVersion', talosVersion);
    p.check(['metal', 'nocloud'].includes(platform), 'platform', "be 'metal' or 'nocloud'", platform, 'Use \'nocloud\' for cloud-init addressing, else \'metal\'.');
    p.check(['amd64', 'arm64'].includes(architecture), 'architecture', "be 'amd64' or 'arm64'", architecture, 'Use \'amd64\' for x86-64 hosts, or \'arm64\'.');
    p.check(['disk-image', 'iso'].includes(format), 'format', "be 'disk-image' or 'iso'", format, 'Use \'disk-image\' to boot from disk, or \'iso\' to boot the installer.');
    p.check(/^https:\/\/[^\s/]+$/.test(factory), 'imageFactoryUrl', 'be an https URL without a path like "https://factory.talos.dev"', factory, 'Give only the scheme and host of the factory, e.g. "https://factory.talos.dev".');
    checkSchematic(p, spec);
    p.throwIfAny();

    this.talosVersion = talosVersion;
    this.platform = platform;
    this.format = format;
    this.extensions = spec.extensions;
    this.connection = props.connection;
    this.datastore = props.datastore ?? { id: 'local' };
    this.checksum = props.checksum ?? Checksum.none(IMAGE_FACTORY_CHECKSUM_REASON);
    this.checksumWarningScope = props.checksumWarningScope;
    this.schematicYaml = renderSchematic(spec);

    const provider = talosProviderOf(this);
    this.schematic = new ImageFactorySchematic(this, 'Schematic', { provider, schematic: this.schematicYaml });
    this.schematicId = this.schematic.id;
    const urls = new DataTalosImageFactoryUrls(this, 'Urls', {
      provider, schematicId: this.schematicId, talosVersion, platform, architecture,
    });
    this.installerImage = urls.urls.installer;
    // Built here rather than taken from `urls.disk_image`: the data source only offers the default
    // `.raw.zst`/`.raw.xz`, while an `import` volume must be an uncompressed qcow2 or raw.
    const ext = format === 'iso' ? 'iso' : 'qcow2';
    this.url = `${factory}/image/${this.schematicId}/${talosVersion}/${platform}-${architecture}.${ext}`;
    this.fileName = `talos-${talosVersion}-${platform}-${architecture}-${schematicDigest(this.schematicYaml)}.${ext}`;
  }

  /** The volume id of the image on Proxmox node `node`, downloading it there on first use. */
  public fileIdFor(node: string): string {
    const key = this.datastore.shared ? '' : node;
    let download = this.downloads.get(key);
    if (!download) {
      // Keyed by node name (or one shared download): a new node never renames another node's download.
      const image = new ProxmoxImage(this, this.datastore.shared ? 'Proxmox' : `Proxmox-${node}`, {
        connection: this.connection,
        url: this.url,
        fileName: this.fileName,
        contentType: this.format === 'iso' ? 'iso' : 'import',
        checksum: this.checksum,
        proxmoxNodes: [node],
        datastore: this.datastore,
        checksumWarningScope: this.checksumWarningScope,
      });
      download = { image, node };
      this.downloads.set(key, download);
    }
    // On shared storage the volume id made through the first node is valid on every node.
    return download.image.fileIdFor(download.node);
  }
}
