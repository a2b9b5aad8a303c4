import * as fs from 'fs';
import { Fn, Token } from 'cdktf';
import * as YAML from 'yaml';
import { Problems } from '../core/errors';
import { loadTemplate } from '../core/templates';
import { ButaneVersion, checkButaneForFlatcar, FlatcarVersion } from './flatcar-release';
import { LINUX_USER_NAME_RE } from '../core/names';
import { escapeTerraformTemplate } from '../core/terraform-strings';

// Shared rules now in core/ (the Debian and Proxmox constructs use them too), re-exported for existing imports.
import { checkSshPublicKey } from '../core/ssh';

export { checkSshPublicKey, escapeTerraformTemplate };

/**
 * Butane for Flatcar as pure functions: typed props to a Butane YAML document, checks of user-supplied Butane,
 * and SSH public key checks. poseidon/ct turns the result into Ignition at plan time.
 * @see https://coreos.github.io/butane/config-flatcar-v1_1/
 */

/** A login user. */
export interface FlatcarUser {
  /** User name; `core` is Flatcar's default user (in groups sudo and docker). */
  readonly name: string;
  /** OpenSSH public keys (`ssh-ed25519 AAAA... comment`); the default way to log in. @default - none */
  readonly sshAuthorizedKeys?: readonly string[];
  /** Supplementary groups. @default - none */
  readonly groups?: readonly string[];
  /**
   * A crypt(3) password hash, only as a reference to a sensitive `TerraformVariable` (`variable.stringValue`):
   * a literal is refused, so no hash ever lands in the synthesized JSON or the code.
   * @default - no password: SSH keys only
   */
  readonly passwordHash?: string;
}

/** A file written by Ignition. */
export interface FlatcarFile {
  /** Absolute path, e.g. `/etc/sysctl.d/90-custom.conf`. */
  readonly path: string;
  /** The contents, inline. Do not put secrets here: they end up in the VM config (fw_cfg) or a snippet. */
  readonly contents: string;
  /** Permission bits, as an octal literal (`0o640`). @default 0o644 */
  readonly mode?: number;
}

/** A systemd unit, a drop-in for a shipped unit, or both. */
export interface FlatcarSystemdUnit {
  /** Unit name with its type suffix, e.g. `hello.service`. */
  readonly name: string;
  /** Unit file contents. @default - none: only `enabled`/`mask`/`dropins` apply to a unit Flatcar ships */
  readonly contents?: string;
  /** Enable the unit. @default - true when `contents` is set, unchanged otherwise */
  readonly enabled?: boolean;
  /** Mask the unit. @default false */
  readonly mask?: boolean;
  /** Drop-ins by file name (`10-foo.conf`) and contents. @default - none */
  readonly dropins?: ReadonlyArray<{ readonly name: string; readonly contents: string }>;
}

/** What {@link buildButane} renders. */
export interface ButaneSpec {
  /** Butane spec version of the document (`variant: flatcar`). */
  readonly version: ButaneVersion;
  /** Host name written to `/etc/hostname`. @default - none: DHCP or cloud-init names the machine */
  readonly hostname?: string;
  /** Users to create or modify. @default - none */
  readonly users?: readonly FlatcarUser[];
  /** Files to write. @default - none */
  readonly files?: readonly FlatcarFile[];
  /** systemd units to add or change. @default - none */
  readonly units?: readonly FlatcarSystemdUnit[];
}

/**
 * Butane written by the user, merged into the generated config by poseidon/ct as a `snippet` (Ignition merge
 * semantics: a later snippet's file replaces an earlier one at the same path, units merge by name). Each snippet
 * is a complete Butane document with `variant: flatcar` and its own `version`.
 */
export class ButaneSnippet {
  /** Butane text written in code (or a Terraform token, e.g. `Fn.templatefile(...)`, which is not checked). */
  public static inline(name: string, content: string): ButaneSnippet {
    return new ButaneSnippet(name, content);
  }

  /** A file of this library's `templates/` folder, e.g. `flatcar/kubernetes-node.bu`. */
  public static fromTemplate(relPath: string): ButaneSnippet {
    return new ButaneSnippet(`templates/${relPath}`, loadTemplate(relPath));
  }

  /** A file of the app, read at synth time. */
  public static fromFile(path: string): ButaneSnippet {
    return new ButaneSnippet(path, fs.readFileSync(path, 'utf8'));
  }

  private constructor(
    /** Where it came from, for messages. */
    public readonly name: string,
    public readonly content: string,
  ) {}
}

const UNIT_RE = /^[A-Za-z0-9:_.@-]+\.(service|socket|timer|mount|automount|path|target|slice|swap|device|scope)$/;
const LABEL_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/** Adds the problems of the typed Butane props. */
export function checkButaneSpec(p: Problems, spec: Omit<ButaneSpec, 'version'>): void {
  if (spec.hostname !== undefined && !Token.isUnresolved(spec.hostname)) {
    p.check(spec.hostname.length <= 253 && spec.hostname.split('.').every((l) => LABEL_RE.test(l)), 'hostname',
      'be a host name of DNS labels (letters, digits, hyphens)', spec.hostname, 'Use dot-separated labels of letters, digits and hyphens, at most 253 characters.');
  }
  const userNames = new Set<string>();
  for (const u of spec.users ?? []) {
    const at = `users.${u.name}`;
    p.check(LINUX_USER_NAME_RE.test(u.name), 'users', 'hold Linux user names (lowercase, digits, _ and -, at most 32)', u.name, 'Rename the user: start with a lower-case letter or _, then lower-case letters, digits, _ or -.');
    p.check(!userNames.has(u.name), 'users', 'not repeat a user', u.name, 'Merge the entries.');
    userNames.add(u.name);
    (u.sshAuthorizedKeys ?? []).forEach((k, i) => checkSshPublicKey(p, `${at}.sshAuthorizedKeys[${i}]`, k));
    if (u.passwordHash !== undefined && !Token.isUnresolved(u.passwordHash)) {
      p.addRaw(`'${at}.passwordHash' must be a reference to a sensitive TerraformVariable, got a literal string (value not ` +
        'shown). Declare `new TerraformVariable(this, "...", { type: "string", sensitive: true })` and pass its stringValue, ' +
        'or log in with SSH keys only.');
    }
  }
  const paths = new Set<string>(spec.hostname !== undefined ? ['/etc/hostname'] : []);
  for (const f of spec.files ?? []) {
    p.check(/^\/[^\0]*[^/]$/.test(f.path), 'files', 'hold absolute file paths', f.path, 'Give the full path from /, without a trailing slash.');
    p.check(!paths.has(f.path), 'files', 'not repeat a path (or write /etc/hostname when hostname is set)', f.path, 'Merge the entries into one file, or drop the one that writes /etc/hostname.');
    paths.add(f.path);
    if (f.mode !== undefined) {
      // 0o777 at most: setuid/setgid/sticky bits are rare in configs, and it catches decimal 644 (= 0o1204).
      p.check(Number.isInteger(f.mode) && f.mode >= 0 && f.mode <= 0o777, `files.${f.path}.mode`,
        'be permission bits from 0 to 0o777 (write 0o644, not 644)', f.mode, 'Write the mode in octal with the 0o prefix, e.g. 0o644.');
    }
  }
  const units = new Set<string>();
  for (const u of spec.units ?? []) {
    p.check(UNIT_RE.test(u.name), 'units', 'hold systemd unit names with a type suffix like "hello.service"', u.name, 'Name the unit with its type suffix, e.g. "hello.service" or "backup.timer".');
    p.check(!units.has(u.name), 'units', 'not repeat a unit', u.name, 'Put its drop-ins in one entry.');
    units.add(u.name);
    for (const d of u.dropins ?? []) {
      p.check(/^[A-Za-z0-9_.@-]+\.conf$/.test(d.name), `units.${u.name}.dropins`, 'hold file names ending in .conf', d.name, 'Name the drop-in with a .conf suffix, e.g. "10-override.conf".');
    }
  }
}

/**
 * Reads user Butane and adds its problems: YAML, one mapping document, `variant: flatcar`, a `version` that fits
 * the Flatcar version, no literal `password_hash`. Tokens (e.g. `Fn.templatefile`) are not checked.
 */
export function checkButaneDocument(p: Problems, prop: string, text: string, flatcar: FlatcarVersion | undefined): void {
  if (Token.isUnresolved(text)) return;
  const docs = YAML.parseAllDocuments(text);
  const errors = docs.flatMap((d) => ('errors' in d ? d.errors : []));
  if (errors.length > 0) {
    p.addRaw(`'${prop}' must be valid YAML, got a parse error: ${errors[0].message.split('\n')[0].replace(/:$/, '')}. Fix the Butane file (indentation, ` +
      'quoting, unbalanced brackets).');
    return;
  }
  if (!p.check(docs.length === 1, prop, 'hold exactly one YAML document', `${docs.length} documents`,
    'Split several configs into several snippets.')) return;
  const doc = docs[0].toJS() as unknown;
  if (!p.check(doc !== null && typeof doc === 'object' && !Array.isArray(doc), prop, 'be a YAML mapping (a Butane config)',
    typeof doc === 'string' ? doc : doc, 'Start with "variant: flatcar" and "version: 1.1.0".')) return;
  const d = doc as Record<string, unknown>;
  p.check(d.variant === 'flatcar', `${prop}.variant`, "be 'flatcar'", d.variant,
    "Add 'variant: flatcar' (fcos and other variants are not Flatcar configs).");
  if (p.check(typeof d.version === 'string', `${prop}.version`, 'be set to a Butane spec version', d.version,
    "Add 'version: 1.1.0'.")) {
    checkButaneForFlatcar(p, `${prop}.version`, d.version as string, flatcar);
  }
  const users = ((d.passwd as any)?.users ?? []) as Array<Record<string, unknown>>;
  if (Array.isArray(users) && users.some((u) => u && typeof u === 'object' && 'password_hash' in u)) {
    p.addRaw(`'${prop}' must not hold a literal password_hash (it would be stored in the code and the synthesized JSON), ` +
      "got one (value not shown). Use the users prop with passwordHash from a sensitive TerraformVariable, or SSH keys.");
  }
}

/**
 * Renders a Butane document as a Terraform string. Literal text is escaped for Terraform; a string holding a
 * Terraform token becomes `${jsonencode(<token>)}`, which Terraform replaces by a JSON string literal, and every
 * JSON string is a valid YAML double-quoted scalar, whatever the value holds (quotes, colons, line breaks).
 */
export function renderButaneYaml(doc: unknown): string {
  const tokens: string[] = [];
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!Token.isUnresolved(v)) return v;
      tokens.push(v);
      return `__cdktf_token_${tokens.length - 1}__`;
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  // lineWidth 0: never fold long lines (SSH keys, URLs); multi-line strings become literal blocks.
  const text = escapeTerraformTemplate(YAML.stringify(swap(doc), { lineWidth: 0 }));
  // Embedded in a string, the function token synthesizes as `${jsonencode(...)}`.
  return text.replace(/__cdktf_token_(\d+)__/g, (_m, i: string) => Fn.jsonencode(tokens[Number(i)]));
}

/** The Butane document for the typed props (variant flatcar), as a Terraform string. */
export function buildButane(spec: ButaneSpec): string {
  const files = [
    ...(spec.hostname !== undefined ? [{ path: '/etc/hostname', contents: spec.hostname, mode: 0o644 }] : []),
    ...(spec.files ?? []),
  ];
  const doc: Record<string, unknown> = { variant: 'flatcar', version: spec.version };
  if (spec.users?.length) {
    doc.passwd = {
      users: spec.users.map((u) => compact({
        name: u.name,
        ssh_authorized_keys: u.sshAuthorizedKeys?.length ? [...u.sshAuthorizedKeys] : undefined,
        groups: u.groups?.length ? [...u.groups] : undefined,
        password_hash: u.passwordHash,
      })),
    };
  }
  if (files.length) {
    doc.storage = {
      files: files.map((f) => ({ path: f.path, mode: f.mode ?? 0o644, overwrite: true, contents: { inline: f.contents } })),
    };
  }
  if (spec.units?.length) {
    doc.systemd = {
      units: spec.units.map((u) => compact({
        name: u.name,
        enabled: u.enabled ?? (u.contents !== undefined ? true : undefined),
        mask: u.mask || undefined,
        contents: u.contents,
        dropins: u.dropins?.length ? u.dropins.map((d) => ({ name: d.name, contents: d.contents })) : undefined,
      })),
    };
  }
  return renderButaneYaml(doc);
}

/** Drops undefined fields so the YAML holds only what was set. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
