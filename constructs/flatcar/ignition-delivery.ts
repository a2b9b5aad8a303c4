import { Problems } from '../core/errors';
import { DatastoreRef } from '../proxmox/image';
import { FlatcarImageVariant } from './flatcar-release';

/**
 * How the rendered Ignition reaches a Flatcar VM. Three ways exist on Proxmox; which one works depends on the
 * image and on how Terraform authenticates:
 *
 * | delivery              | image     | needs                      | how                                            |
 * |-----------------------|-----------|----------------------------|------------------------------------------------|
 * | `fwCfgString()`       | qemu      | root@pam password          | `args: -fw_cfg name=opt/org.flatcar-linux/config,string=<json>` |
 * | `fwCfgFile()`         | qemu      | root@pam password + SSH    | snippet on the host, `args: -fw_cfg ...,file=<path>` |
 * | `cloudInitUserData()` | proxmoxve | SSH (API token is enough)  | snippet as the cloud-init drive's `user-data`  |
 *
 * The string form has a size limit (one argv element: 128 KiB); the file forms do not.
 * @see https://www.flatcar.org/docs/latest/installing/vms/qemu/
 */
export type IgnitionDeliveryKind = 'fw-cfg-string' | 'fw-cfg-file' | 'cloud-init-user-data';

/** Options of the snippet-based deliveries. */
export interface IgnitionSnippetOptions {
  /**
   * Datastore the Ignition snippet is uploaded to; it must have content type `snippets` enabled. On a shared
   * datastore one upload serves every node.
   * @default { id: 'local' }
   */
  readonly snippetDatastore?: DatastoreRef;
}

/** Options of {@link IgnitionDelivery.fwCfgFile}. */
export interface IgnitionFwCfgFileOptions extends IgnitionSnippetOptions {
  /**
   * Directory of the datastore's snippets on the Proxmox host (QEMU reads the file by path).
   * @default - '/var/lib/vz/snippets' for the `local` datastore; required for any other
   */
  readonly hostSnippetDirectory?: string;
}

/** The snippet directory of Proxmox's default `local` directory storage. */
export const LOCAL_SNIPPET_DIRECTORY = '/var/lib/vz/snippets';

/** How the rendered Ignition is handed to the VM. See {@link IgnitionDeliveryKind} for the trade-offs. */
export class IgnitionDelivery {
  /** fw_cfg `string=` in QEMU args: qemu image, root@pam password, no SSH; Ignition up to ~128 KiB. */
  public static fwCfgString(): IgnitionDelivery {
    return new IgnitionDelivery('fw-cfg-string', undefined, {});
  }

  /** fw_cfg `file=` pointing at a snippet uploaded over SSH: qemu image, root@pam password, SSH; any size. */
  public static fwCfgFile(options: IgnitionFwCfgFileOptions = {}): IgnitionDelivery {
    return new IgnitionDelivery('fw-cfg-file', undefined, options);
  }

  /** The cloud-init drive's user-data, a snippet uploaded over SSH: proxmoxve image; works with an API token. */
  public static cloudInitUserData(options: IgnitionSnippetOptions = {}): IgnitionDelivery {
    return new IgnitionDelivery('cloud-init-user-data', undefined, options);
  }

  /**
   * Chosen from the image: fw_cfg `string=` for the qemu image, the cloud-init user-data for the proxmoxve image.
   * The qemu image has no other way to receive Ignition, so with a token-only connection synthesis stops and the
   * message names the alternatives (the proxmoxve image, or a connection that can set QEMU args).
   */
  public static auto(options: IgnitionSnippetOptions = {}): IgnitionDelivery {
    return new IgnitionDelivery(undefined, 'auto', options);
  }

  private constructor(
    /** The explicit choice; undefined for {@link IgnitionDelivery.auto}. */
    public readonly kind: IgnitionDeliveryKind | undefined,
    private readonly mode: 'auto' | undefined,
    private readonly options: IgnitionFwCfgFileOptions,
  ) {}

  /** Whether the choice is left to {@link resolveIgnitionDelivery}. */
  public get isAuto(): boolean {
    return this.mode === 'auto';
  }

  public get snippetDatastore(): DatastoreRef {
    return this.options.snippetDatastore ?? { id: 'local' };
  }

  public get hostSnippetDirectory(): string | undefined {
    return this.options.hostSnippetDirectory ?? (this.snippetDatastore.id === 'local' ? LOCAL_SNIPPET_DIRECTORY : undefined);
  }
}

/** What the delivery depends on. */
export interface IgnitionDeliveryContext {
  readonly variant: FlatcarImageVariant;
  readonly canSetKvmArguments: boolean;
  readonly hasSsh: boolean;
}

/** A resolved delivery. */
export interface ResolvedIgnitionDelivery {
  readonly kind: IgnitionDeliveryKind;
  /** Whether the Ignition is uploaded as a snippet (over SSH). */
  readonly usesSnippet: boolean;
  readonly snippetDatastore: DatastoreRef;
  /** Absolute host directory of the snippet, for `fw-cfg-file`. */
  readonly hostSnippetDirectory?: string;
}

/**
 * Resolves `auto` and adds the problems of a delivery that cannot work with this image or connection. The
 * root@pam requirement of fw_cfg is left to planVmMedia / the connection, which name the alternatives.
 */
export function resolveIgnitionDelivery(p: Problems, prop: string, d: IgnitionDelivery, ctx: IgnitionDeliveryContext): ResolvedIgnitionDelivery {
  let kind: IgnitionDeliveryKind;
  if (d.isAuto) {
    kind = ctx.variant === 'proxmoxve' ? 'cloud-init-user-data' : 'fw-cfg-string';
  } else {
    kind = d.kind!;
  }
  const fwCfg = kind === 'fw-cfg-string' || kind === 'fw-cfg-file';
  if (fwCfg && ctx.variant === 'proxmoxve') {
    p.add(prop, "be IgnitionDelivery.cloudInitUserData() (or auto()) for the 'proxmoxve' image", kind,
      "The proxmoxve image reads Ignition from the cloud-init drive and ignores fw_cfg; use the 'qemu' image for fw_cfg.");
  }
  if (kind === 'cloud-init-user-data' && ctx.variant === 'qemu') {
    p.add(prop, "be a fw_cfg delivery for the 'qemu' image", kind,
      "The qemu image reads Ignition from fw_cfg only; use the 'proxmoxve' image (Flatcar 4152.2.0+) for the cloud-init drive.");
  }
  const usesSnippet = kind !== 'fw-cfg-string';
  if (usesSnippet && !ctx.hasSsh) {
    p.add(prop, 'have SSH on the connection to upload the Ignition snippet', kind,
      'The Proxmox API cannot upload snippets (Bugzilla #2208); bpg/proxmox uploads them over SSH. Configure ssh on the ' +
      "ProxmoxConnection, or use IgnitionDelivery.fwCfgString() with the 'qemu' image and a root@pam password connection.");
  }
  const ds = d.snippetDatastore;
  p.check(/^[A-Za-z][A-Za-z0-9._-]*$/.test(ds.id), `${prop}.snippetDatastore.id`, 'be a Proxmox storage id', ds.id, 'Use the storage id from the Proxmox datastore list, e.g. "local".');
  const dir = kind === 'fw-cfg-file' ? d.hostSnippetDirectory : undefined;
  if (kind === 'fw-cfg-file') {
    p.check(dir !== undefined && /^\/[^\s"\\,]*$/.test(dir), `${prop}.hostSnippetDirectory`,
      `be the absolute path of the '${ds.id}' datastore's snippets on the host (no spaces, quotes or commas)`, dir,
      "Set it, e.g. to '/mnt/pve/<storage>/snippets'; only 'local' has a known default.");
  }
  return { kind, usesSnippet, snippetDatastore: ds, hostSnippetDirectory: dir?.replace(/\/+$/, '') };
}
