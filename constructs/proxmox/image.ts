import { Annotations, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DownloadFile } from '../../.gen/providers/proxmox/download-file';
import { Problems, ValidationError } from '../core/errors';
import { movedFromLongProxmoxName } from '../core/moved';
import { IProxmoxConnection } from './connection';
import { PROXMOX_NODE_NAME_RE } from '../core/names';

/** A Proxmox storage, e.g. `local` (per node) or a Ceph/NFS storage shared by all nodes. */
export interface DatastoreRef {
  /** Storage id, e.g. `local`, `local-lvm`, `cephfs`. */
  readonly id: string;
  /**
   * Whether every node sees the same storage (Ceph, NFS, ...). A shared storage needs one download in total;
   * a local one, one per node.
   * @default false
   */
  readonly shared?: boolean;
}

export type ChecksumAlgorithm = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
const HEX_LENGTH: Record<ChecksumAlgorithm, number> = {
  md5: 32, sha1: 40, sha224: 56, sha256: 64, sha384: 96, sha512: 128,
};

/** How a download is verified. Required: an unverified image is an explicit, warned-about choice. */
export class Checksum {
  public static sha256(hex: string): Checksum { return new Checksum('sha256', hex); }
  public static sha512(hex: string): Checksum { return new Checksum('sha512', hex); }
  public static of(algorithm: ChecksumAlgorithm, hex: string): Checksum { return new Checksum(algorithm, hex); }
  /** No verification. Produces a synth-time warning carrying `reason`. */
  public static none(reason: string): Checksum { return new Checksum(undefined, undefined, reason); }

  private constructor(
    public readonly algorithm: ChecksumAlgorithm | undefined,
    public readonly value: string | undefined,
    public readonly optOutReason?: string,
  ) {}
}

/** Whether `c` is an all-zero placeholder (what the examples and the default homelab ship until set). */
export function isPlaceholderChecksum(c: Checksum | undefined): boolean {
  return c?.value !== undefined && !Token.isUnresolved(c.value) && /^0+$/.test(c.value);
}

/** The warning for a download verified against an all-zero placeholder, the same wherever the download is. */
export function placeholderChecksumWarning(scope: Construct, what: string): void {
  Annotations.of(scope).addWarning(`${scope.node.path}: the checksum of ${what} is an all-zero placeholder; ` +
    'the download will fail verification at deploy time. Set the published digest.');
}

/** `iso` for media attached as a cdrom (and for disk images imported over SSH with `file_id`); `import` for `disk.import_from`. */
export type ImageContentType = 'iso' | 'import';
export type Decompression = 'gz' | 'lzo' | 'zst' | 'bz2';

/** Props of {@link ProxmoxImage}. */
export interface ProxmoxImageProps {
  /** The Proxmox connection the download is made through. */
  readonly connection: IProxmoxConnection;
  /** Where to download from (http or https). */
  readonly url: string;
  /** Checksum of the file at `url` (before decompression). Use `Checksum.none(reason)` to opt out. */
  readonly checksum: Checksum;
  /** The Proxmox nodes that need the file. On a shared datastore it is downloaded once, on the first. */
  readonly proxmoxNodes: readonly string[];
  /**
   * Content type of the stored file.
   * @default - 'iso' for `.iso` URLs, 'import' otherwise
   */
  readonly contentType?: ImageContentType;
  /**
   * File name in the datastore.
   * @default - derived from the URL, without the compression suffix
   */
  readonly fileName?: string;
  /** How Proxmox decompresses the download. @default - derived from the URL suffix (.gz, .bz2, .zst, .lzo); none otherwise */
  readonly decompression?: Decompression;
  /** Datastore the file is stored on (needs `iso` or `import` content). @default { id: 'local' } */
  readonly datastore?: DatastoreRef;
  /** How long the download may take, in seconds. @default 1800 (large images on slow links; the provider's own default is 600) */
  readonly uploadTimeoutSeconds?: number;
  /**
   * Where the checksum warnings (no verification, all-zero placeholder) go, once per cause for every image given
   * the same construct: e.g. a Talos cluster whose every node downloads its own image warns once, not once per node.
   * @default - on this image
   */
  readonly checksumWarningScope?: IConstruct;
}

/** Causes already warned about, per checksumWarningScope. */
const warnedCauses = new WeakMap<IConstruct, Set<string>>();

const SUFFIX_DECOMPRESSION: ReadonlyArray<[string, Decompression]> = [
  ['.gz', 'gz'], ['.bz2', 'bz2'], ['.zst', 'zst'], ['.lzo', 'lzo'],
];
/** Proxmox accepts these extensions per content type (PVE 8.4+ for `import`). */
const EXTENSIONS: Record<ImageContentType, readonly string[]> = {
  iso: ['.iso', '.img'],
  import: ['.qcow2', '.raw', '.vmdk'],
};

/** Pure: the decompression a URL implies, and the file name left after it. */
export function inferDecompression(url: string): { decompression?: Decompression; baseName: string } {
  const base = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  for (const [suffix, algo] of SUFFIX_DECOMPRESSION) {
    if (base.endsWith(suffix)) return { decompression: algo, baseName: base.slice(0, -suffix.length) };
  }
  return { baseName: base };
}

/**
 * An image downloaded to Proxmox storage with `proxmox_download_file`: once per node
 * that needs it, or once in total on shared storage; checksum-verified unless explicitly opted out.
 * @see https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/download_file
 */
export class ProxmoxImage extends Construct {
  public readonly contentType: ImageContentType;
  public readonly fileName: string;
  public readonly datastore: DatastoreRef;
  /** Downloads by node name (shared storage: the one download under every node name). */
  private readonly downloads = new Map<string, DownloadFile>();

  constructor(scope: Construct, id: string, props: ProxmoxImageProps) {
    super(scope, id);
    const p = new Problems(this);
    let parsed: { decompression?: Decompression; baseName: string } = { baseName: '' };
    try {
      if (!/^https?:\/\//.test(props.url)) throw new Error('scheme');
      parsed = inferDecompression(props.url);
    } catch {
      p.add('url', 'be an http(s) URL', props.url, 'Give the download as an http:// or https:// URL.');
    }
    const contentType = props.contentType ?? (parsed.baseName.endsWith('.iso') ? 'iso' : 'import');
    const decompression = props.decompression ?? parsed.decompression;
    const fileName = props.fileName ?? parsed.baseName;
    const datastore = props.datastore ?? { id: 'local' };

    p.check(['iso', 'import'].includes(contentType), 'contentType', "be 'iso' or 'import'", contentType, 'Use \'iso\' for installer images or \'import\' for disk images.');
    const exts = EXTENSIONS[contentType] ?? [];
    p.check(exts.some((e) => fileName.endsWith(e)), 'fileName', `end with ${exts.join(' or ')} for content type '${contentType}'`,
      fileName, 'Proxmox refuses other extensions ("wrong file extension"): set fileName with the real format, ' +
      "e.g. 'flatcar.qcow2' (Flatcar's qemu '.img' is qcow2).");
    p.check(!/\.xz$/.test(parsed.baseName), 'url', 'not need xz decompression (Proxmox only decompresses gz, lzo, zst, bz2)',
      props.url, 'Pick the .zst, .bz2 or uncompressed (.qcow2/.raw) variant of the image.');
    p.check(!(contentType === 'import' && decompression), 'decompression',
      "be unset for content type 'import' (disk.import_from needs an uncompressed image)", decompression,
      "Use contentType 'iso' with a '.img' file name and import the disk with file_id over SSH, or an uncompressed URL.");
    p.check(props.proxmoxNodes.length > 0, 'proxmoxNodes', 'name at least one Proxmox node', props.proxmoxNodes, 'Name the Proxmox nodes to download the image to.');
    for (const n of props.proxmoxNodes) p.check(PROXMOX_NODE_NAME_RE.test(n), 'proxmoxNodes', 'contain Proxmox node names', n, 'Use node names as shown by `pvecm nodes` (letters, digits, hyphens).');
    p.check(new Set(props.proxmoxNodes).size === props.proxmoxNodes.length, 'proxmoxNodes', 'not repeat a node', props.proxmoxNodes, 'List each node once.');
    const cs = props.checksum;
    if (!cs) {
      p.add('checksum', 'be set', cs, 'Use Checksum.sha256("<hex>") (or Checksum.none("<reason>") to opt out explicitly).');
    } else if (cs.algorithm) {
      const len = HEX_LENGTH[cs.algorithm];
      p.check(new RegExp(`^[0-9a-fA-F]{${len}}$`).test(cs.value ?? ''), 'checksum',
        `be ${len} hex digits for ${cs.algorithm}`, cs.value, 'Copy the hash from the image\'s checksum file.');
    } else {
      p.check((cs.optOutReason ?? '').trim().length > 0, 'checksum', 'give a reason when opting out with Checksum.none()', cs.optOutReason, 'Say in Checksum.none("<reason>") why the download cannot be verified.');
    }
    const timeout = props.uploadTimeoutSeconds ?? 1800;
    p.check(Number.isInteger(timeout) && timeout > 0, 'uploadTimeoutSeconds', 'be a positive integer', timeout, 'Give a whole number of seconds, 1 or more (the default is 1800).');
    p.throwIfAny();

    checksumWarnings(this, props.url, cs, props.checksumWarningScope);
    this.contentType = contentType;
    this.fileName = fileName;
    this.datastore = datastore;
    this.addDownloads(props, { contentType, fileName, datastore, decompression, timeout });
  }

  /** One download per node (one in total on shared storage), keyed by node name. */
  private addDownloads(props: ProxmoxImageProps, r: {
    contentType: ImageContentType; fileName: string; datastore: DatastoreRef; decompression?: Decompression; timeout: number;
  }): void {
    const { contentType, fileName, datastore, decompression, timeout } = r;
    const cs = props.checksum;
    // Shared storage: one download, made through the first node (any node sees it).
    const targets = datastore.shared ? [props.proxmoxNodes[0]] : [...props.proxmoxNodes];
    for (const node of targets) {
      // Keyed by node name, never by index: adding a node must not rename another node's download.
      // Renamed from proxmox_virtual_environment_download_file in bpg 0.111: the moved block keeps the state.
      const dl = movedFromLongProxmoxName(new DownloadFile(this, datastore.shared ? 'Download' : `Download-${node}`, {
        provider: props.connection.provider,
        nodeName: node,
        datastoreId: datastore.id,
        contentType,
        url: props.url,
        fileName,
        checksum: cs.value?.toLowerCase(),
        checksumAlgorithm: cs.algorithm,
        decompressionAlgorithm: decompression,
        uploadTimeout: timeout,
        overwrite: true,
        overwriteUnmanaged: true,
      }));
      this.downloads.set(node, dl);
    }
    if (datastore.shared) for (const node of props.proxmoxNodes) this.downloads.set(node, this.downloads.get(targets[0])!);
  }

  /** The volume id (`<datastore>:<content>/<file>`) to use on `node`; a Terraform reference. */
  public fileIdFor(proxmoxNode: string): string {
    const dl = this.downloads.get(proxmoxNode);
    if (!dl) {
      throw new ValidationError(this, `'proxmoxNode' must be one of the Proxmox nodes this image is downloaded to ` +
        `(${[...this.downloads.keys()].join(', ')}), got "${proxmoxNode}". Add it to the image's 'proxmoxNodes'.`);
    }
    return dl.id;
  }

  /** The download resources, by node name (shared storage: one resource under every name). */
  public get resources(): ReadonlyMap<string, DownloadFile> {
    return this.downloads;
  }
}

/**
 * The warnings of `image`'s checksum: on the image itself, or once per cause on `scope` (naming the first image;
 * the others share the cause).
 */
function checksumWarnings(image: ProxmoxImage, url: string, cs: Checksum, scope: IConstruct | undefined): void {
  // A URL built from a deploy-time value (e.g. a factory schematic id) is named by the construct path.
  const what = Token.isUnresolved(url) ? 'the image' : url;
  const first = (cause: string): boolean => {
    if (!scope) return true;
    const seen = warnedCauses.get(scope) ?? new Set<string>();
    warnedCauses.set(scope, seen);
    if (seen.has(cause)) return false;
    seen.add(cause);
    return true;
  };
  // Examples ship all-zero placeholders (no registry access to read the real digests): say so loudly.
  if (isPlaceholderChecksum(cs) && first(`placeholder ${what}`)) placeholderChecksumWarning(scope ?? image, what);
  if (!cs.algorithm && first(`none ${cs.optOutReason}`)) {
    const on = scope ?? image;
    const subject = scope ? `its images (the first: ${image.node.path}, ${what}) are` : `${what} is`;
    Annotations.of(on).addWarning(`${on.node.path}: ${subject} downloaded without checksum verification ` +
      `(${cs.optOutReason}). A changed or tampered file would be used as it is.`);
  }
}
