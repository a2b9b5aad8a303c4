import { createHash } from 'crypto';
import { Token } from 'cdktf';
import { stringify } from 'yaml';
import { Problems } from '../core/errors';

/**
 * Image Factory schematics as typed values: system extensions, extra kernel arguments and META entries,
 * rendered to the YAML that `talos_image_factory_schematic.schematic` takes. Pure.
 * @see https://github.com/siderolabs/image-factory#post-schematics
 */

/** Lets Proxmox read the node's IP addresses and shut it down cleanly. */
export const QEMU_GUEST_AGENT_EXTENSION = 'siderolabs/qemu-guest-agent';
/** Tailscale as a Talos system extension, configured by an ExtensionServiceConfig document. */
export const TAILSCALE_EXTENSION = 'siderolabs/tailscale';
/** What every node gets unless it asks otherwise. */
export const DEFAULT_EXTENSIONS: readonly string[] = [QEMU_GUEST_AGENT_EXTENSION];

/** One META entry baked into the image (key 0-255, value as Talos reads it). */
export interface MetaEntry {
  /** META key, 0 to 255 (10 is the metal network configuration). */
  readonly key: number;
  /** The value, as Talos reads it. */
  readonly value: string;
}

/** What goes into a schematic. */
export interface SchematicSpec {
  /** Official extensions, e.g. `siderolabs/qemu-guest-agent`. Sorted and deduplicated in the output. @default [] */
  readonly extensions?: readonly string[];
  /** Extra kernel arguments, in order (a later argument can override an earlier one). @default [] */
  readonly kernelArgs?: readonly string[];
  /** META entries, e.g. key 10 for the metal network configuration. @default [] */
  readonly meta?: readonly MetaEntry[];
}

const EXTENSION_RE = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;
/**
 * Kernel arguments that never belong in a schematic: the Image Factory is a public service that serves the
 * image to anyone who knows the schematic id, so an inline machine configuration (cluster secrets) would
 * leak; and the platform is chosen by the image itself.
 */
const FORBIDDEN_KERNEL_ARGS: ReadonlyArray<[RegExp, string, string]> = [
  [/^talos\.config\.(inline|early)=/, 'talos.config.inline= or talos.config.early=', 'Apply the machine configuration with TalosCluster (talos_machine_configuration_apply) instead: ' +
    'a schematic is stored by the public Image Factory, and QEMU cannot append kernel arguments to a kernel the firmware boots from disk or ISO.'],
  [/^talos\.platform=/, 'talos.platform=', "Choose the platform with the 'platform' prop; it selects the image."],
];

/** Adds the problems of a schematic spec to `p`; token values are left to deploy time. */
export function checkSchematic(p: Problems, spec: SchematicSpec, prefix = ''): void {
  for (const e of spec.extensions ?? []) {
    if (Token.isUnresolved(e)) continue;
    p.check(EXTENSION_RE.test(e), `${prefix}extensions`, 'contain official extension names like "siderolabs/qemu-guest-agent"', e, 'Use an extension name from the Talos image factory, e.g. "siderolabs/qemu-guest-agent".');
  }
  for (const a of spec.kernelArgs ?? []) {
    if (Token.isUnresolved(a)) continue;
    if (!p.check(a.length > 0 && !/\s/.test(a), `${prefix}kernelArgs`, 'contain single arguments without whitespace', a,
      'Pass each argument as its own list element.')) continue;
    for (const [re, label, fix] of FORBIDDEN_KERNEL_ARGS) {
      p.check(!re.test(a), `${prefix}kernelArgs`, `not contain ${label}`, a, fix);
    }
  }
  const keys = new Set<number>();
  for (const m of spec.meta ?? []) {
    p.check(Number.isInteger(m.key) && m.key >= 0 && m.key <= 255, `${prefix}meta`, 'use keys from 0 to 255', m.key, 'Use a META key from 0 to 255.');
    p.check(!keys.has(m.key), `${prefix}meta`, 'not repeat a key', m.key, 'Give each META key once.');
    keys.add(m.key);
  }
}

/**
 * The schematic YAML. Deterministic: extensions sorted and deduplicated, META sorted by key.
 *
 * META values (one per node with TalosNetwork.meta()) are multi-line YAML that the schematic holds as literal
 * block scalars (`|`), copied line by line with the block's indentation. So the document is rendered once per
 * extensions, kernel arguments and META keys, and each value is put in place of a stand-in, when it has the form
 * YAML writes that way as it is: printable ASCII lines without leading or trailing blanks on the first, trailing
 * blanks or empty lines anywhere, ending in exactly one line break. Any other value renders the whole document.
 */
export function renderSchematic(spec: SchematicSpec): string {
  const meta = spec.meta ?? [];
  if (meta.length === 0 || !meta.every((m) => BLOCK_LITERAL_RE.test(m.value))) return renderSchematicDocument(spec);
  const key = JSON.stringify([spec.extensions ?? [], spec.kernelArgs ?? [], meta.map((m) => m.key)]);
  let template = SCHEMATIC_TEMPLATES.get(key);
  if (template === undefined) {
    const text = renderSchematicDocument({ ...spec, meta: meta.map((m, i) => ({ key: m.key, value: `${standIn(i)}\n` })) });
    const lines = text.split('\n');
    const at = meta.map((_, i) => lines.findIndex((l) => l.trimStart() === standIn(i)));
    const once = meta.every((_, i) => lines.filter((l) => l.includes(standIn(i))).length === 1);
    template = once && at.every((i) => i >= 0) ? { lines, at, indent: at.map((i) => lines[i].length - standIn(0).length) } : null;
    SCHEMATIC_TEMPLATES.set(key, template);
  }
  if (template === null) return renderSchematicDocument(spec);
  const out = [...template.lines];
  meta.forEach((m, i) => {
    const pad = ' '.repeat(template!.indent[i]);
    out[template!.at[i]] = m.value.slice(0, -1).split('\n').map((l) => pad + l).join('\n');
  });
  return out.join('\n');
}

/** Lines of printable ASCII, none empty or ending in a blank, the first not starting with one, and a final line break. */
const BLOCK_LITERAL_RE = /^[!-~](?:[ -~]*[!-~])?(?:\n[ -~]*[!-~])*\n$/;
/** Rendered schematic lines with the line index and indentation of each META value's stand-in, by shape. */
const SCHEMATIC_TEMPLATES = new Map<string, { lines: string[]; at: number[]; indent: number[] } | null>();
const standIn = (i: number) => `zzmetavalue${i}zz`;

function renderSchematicDocument(spec: SchematicSpec): string {
  const extensions = [...new Set(spec.extensions ?? [])].sort();
  const kernelArgs = [...new Set(spec.kernelArgs ?? [])];
  const meta = [...(spec.meta ?? [])].sort((a, b) => a.key - b.key).map((m) => ({ key: m.key, value: m.value }));
  const customization: Record<string, unknown> = {};
  if (kernelArgs.length) customization.extraKernelArgs = kernelArgs;
  if (meta.length) customization.meta = meta;
  if (extensions.length) customization.systemExtensions = { officialExtensions: extensions };
  return stringify({ customization }, { lineWidth: 0 });
}

/**
 * A short digest of a schematic's content, for file names that must differ when the image differs. Token
 * placeholders are masked: their text depends on token numbering, which other constructs can shift.
 */
export function schematicDigest(yaml: string): string {
  const masked = yaml.replace(/\$\{TfToken\[[^\]]*\]\}/g, '<token>');
  return createHash('sha256').update(masked, 'utf8').digest('hex').slice(0, 12);
}
