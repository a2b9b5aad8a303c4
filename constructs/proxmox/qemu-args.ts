import { Fn, IResolvable, Op, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail, Problems } from '../core/errors';
import type { ProxmoxAuthMode } from './connection';

/*
 * QEMU `-fw_cfg` arguments for a Proxmox VM's `args` (bpg: `kvm_arguments`), e.g. to hand Flatcar its Ignition
 * config. The guest must read the content byte for byte, so every parser on the way is undone by one layer:
 *
 *  1. QEMU QemuOpts reads `name=<key>,string=<value>`: a single comma ends the value, `,,` is a literal comma.
 *  2. Proxmox splits `args` with PVE::Tools::split_args = Perl Text::ParseWords::shellwords (pve-common
 *     src/PVE/Cmd.pm). We use double quotes: inside them `\X` gives X and nothing else (`$`, backquote, `'`)
 *     is special. Single quotes cannot carry a `'` and keep backslashes. An unbalanced quote makes shellwords
 *     return NO arguments at all, silently.
 *  3. Terraform: content known only at plan time (e.g. `data.ct_config.x.rendered`) is escaped by `replace()`
 *     calls in the synthesized JSON; literal text we emit is a Terraform template, so `${`/`%{` are escaped.
 *
 * Both the TypeScript and the Terraform escaping come from the rule tables below, so they cannot drift.
 */

/** Linux limit of one argv element, including its terminating NUL (include/uapi/linux/binfmts.h). */
export const MAX_ARG_STRLEN = 131072;
/** QEMU FW_CFG_MAX_FILE_PATH is 56 including the NUL; QEMU rejects longer names ("name too long"). */
export const FW_CFG_MAX_NAME_LENGTH = 55;
/** The fw_cfg key Flatcar's Ignition reads its config from on QEMU. */
export const FLATCAR_IGNITION_FW_CFG_NAME = 'opt/org.flatcar-linux/config';

/**
 * Perl iterates `(?:\\.[^\\"]*)*`, the body of a double-quoted word in parse_line, at most 65534 times
 * ("Complex regular subexpression recursion limit"); Perl 5.36 returns no arguments at all for 70000 `\"`.
 * Closing and reopening the quotes (`""`) after every 100 escapes keeps each quoted segment far below that.
 * 100, not 1000: the Terraform (RE2) and JavaScript regexes below cost time linear in the repeat count.
 */
const ESCAPES_PER_QUOTED_SEGMENT = 100;

/** One replacement; `regex` rules use a pattern both RE2 (Terraform) and JavaScript read the same way. */
interface Rule {
  readonly search: string;
  readonly replace: string;
  readonly regex?: true;
}

/** Layer 1, QemuOpts: a literal comma inside a value is doubled. */
const QEMU_OPT_VALUE_RULES: readonly Rule[] = [{ search: ',', replace: ',,' }];

/** Layer 2, the body of a Perl shellwords double-quoted word; the caller adds the surrounding quotes. */
const PROXMOX_SHELL_RULES: readonly Rule[] = [
  { search: '\\', replace: '\\\\' }, // first, so that the backslashes added next are not doubled again
  { search: '"', replace: '\\"' },
  // After the two rules every backslash starts a 2-character escape, so each match is a run of exactly
  // N escapes (each with the plain text after it); the match is followed by a fresh `""` segment break.
  { search: `((?:\\\\[\\\\"][^\\\\]*){${ESCAPES_PER_QUOTED_SEGMENT}})`, replace: '$1""', regex: true },
];

function applyRules(rules: readonly Rule[], s: string): string {
  return rules.reduce(
    (acc, r) => (r.regex ? acc.replace(new RegExp(r.search, 'g'), r.replace) : acc.split(r.search).join(r.replace)),
    s,
  );
}

/** A token that synthesizes to `hcl` verbatim, wherever cdktf places it in an expression. */
function hclRaw(hcl: string): string {
  return Token.asString({ creationStack: [], resolve: () => hcl, toString: () => hcl } as IResolvable);
}

/**
 * An HCL string literal as a token. cdktf 0.21 does not escape backslashes in string arguments of `Fn.*`
 * (`Fn.replace(x, '\\', ...)` synthesizes the broken literal `"\"`), rejects `"` unless wrapped in
 * `Fn.rawString` (which still leaves backslashes alone) and passes a literal that starts and ends with `"`
 * through unquoted. A token resolving to the finished literal is passed through verbatim instead. cdktf turns
 * `$${` back into `${` inside function arguments, so literals must not contain `${` or `%{` (ours do not).
 */
function hclString(s: string): string {
  if (/[$%]\{/.test(s)) throw new Error(`internal: HCL literal ${JSON.stringify(s)} contains a template sequence`);
  return hclRaw(`"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`);
}

/** The Terraform version of {@link applyRules}: nested `replace()` calls around `expr` (a single token). */
function tfApplyRules(rules: readonly Rule[], expr: string): string {
  return rules.reduce(
    (acc, r) => Fn.replace(acc, hclString(r.regex ? `/${r.search}/` : r.search), hclString(r.replace)),
    expr,
  );
}

/** Escapes a value for a QemuOpts option (`-fw_cfg`, `-name`, `-smbios` ...): commas are doubled. */
export function escapeForQemuOptValue(s: string): string {
  return applyRules(QEMU_OPT_VALUE_RULES, s);
}

/** Quotes one argument so that Proxmox's `split_args` (Perl shellwords) yields exactly `s`. */
export function shellQuoteForProxmox(s: string): string {
  return `"${applyRules(PROXMOX_SHELL_RULES, s)}"`;
}

/** Above this many `${`/`%{` sequences, synth-time text is emitted through base64decode(); see fwCfgArgument. */
const TEMPLATE_ESCAPES_INLINE_MAX = 1000;

/** Escapes literal text for a Terraform template string (what every string in cdk.tf.json is). */
function escapeTemplate(s: string): string {
  // A function replacement: in a replacement string '$$' would mean a single '$'.
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** One `-fw_cfg` entry: exactly one of `content` (a `string=` blob) or `file` (a path on the Proxmox host). */
export interface FwCfgEntry {
  /** fw_cfg key, e.g. {@link FLATCAR_IGNITION_FW_CFG_NAME}; see {@link validateFwCfgName}. */
  readonly name: string;
  /** The blob itself; a plain string or one Terraform token (e.g. `ctConfig.rendered`). @default - none: `file` is set */
  readonly content?: string;
  /** Host path QEMU reads the blob from, e.g. `/var/lib/vz/snippets/node1.ign`; plain string or one token. @default - none: `content` is set */
  readonly file?: string;
}

/** Throws a {@link ValidationError} unless `name` is a synth-time fw_cfg key QEMU accepts for user blobs. */
export function validateFwCfgName(scope: IConstruct | string, name: string, prop: string): void {
  const p = new Problems(scope);
  const fix = `Use a key like '${FLATCAR_IGNITION_FW_CFG_NAME}'.`;
  const known = typeof name === 'string' && !Token.isUnresolved(name);
  if (!p.check(known, prop, 'be a string known at synth time', name, fix)) p.throwIfAny();
  // QEMU warns about names outside opt/ (they may clash with its own entries); the charset keeps the name
  // free of everything the three escaping layers care about.
  p.check(/^opt\/[A-Za-z0-9._/-]+$/.test(name), prop, "start with 'opt/' and contain only [A-Za-z0-9._/-]", name,
    fix);
  p.check(name.length <= FW_CFG_MAX_NAME_LENGTH, prop,
    `be at most ${FW_CFG_MAX_NAME_LENGTH} characters (QEMU FW_CFG_MAX_FILE_PATH)`, name, fix);
  p.throwIfAny();
}

// qemu-server check_type() and parse_vm_config() (src/PVE/QemuServer.pm): "property contains a line feed".
const LINE_BREAK_FIX =
  'Proxmox stores args on one line of /etc/pve/qemu-server/<vmid>.conf and refuses line breaks. Use compact ' +
  "JSON (ct_config with pretty_print = false), the 'file' form with a snippet on the host, or deliver the " +
  'config through the cloud-init drive instead.';
const SIZE_RULE = `make a QEMU argument of at most ${MAX_ARG_STRLEN - 1} bytes (Linux MAX_ARG_STRLEN)`;
const SIZE_FIX = 'Deliver large configs with the file form (a snippet on the host) or the cloud-init drive.';

interface Parts {
  readonly key: 'string' | 'file';
  readonly prop: 'content' | 'file';
  readonly value: string;
  /** `name=<key>,string=` / `,file=`: plain ASCII that needs no escaping in any layer (name is validated). */
  readonly prefix: string;
}

function parts(entry: FwCfgEntry, scope: IConstruct | string): Parts {
  validateFwCfgName(scope, entry.name, 'name');
  if ((entry.content === undefined) === (entry.file === undefined)) {
    fail(scope, 'content', "be set, or 'file' instead, but not both", { content: entry.content, file: entry.file }, 'Set exactly one of \'content\' and \'file\'.');
  }
  const [key, prop, value] = entry.content !== undefined
    ? (['string', 'content', entry.content] as const)
    : (['file', 'file', entry.file!] as const);
  if (Token.isUnresolved(value)) {
    const f = Tokenization.reverseString(value);
    // A mixed string would hand its literal parts to cdktf's (incorrect) literal escaping; see hclString.
    if (f.literals.length > 0 || f.tokens.length + f.intrinsic.length !== 1) {
      fail(scope, prop, 'be a plain string or a single Terraform token', value,
        'Build composite values in a TerraformLocal and pass its token.');
    }
  }
  return { key, prop, value, prefix: `name=${entry.name},${key}=` };
}

/**
 * The `-fw_cfg "name=<key>,string=<content>"` (or `,file=<path>`) text for `kvm_arguments`, as a Terraform
 * string value: an expression when the value is a token, escaped literal text otherwise. Plain values are
 * checked here; for tokens add {@link fwCfgPreconditions} to the VM resource.
 */
export function fwCfgArgument(entry: FwCfgEntry, scope: IConstruct | string = 'fw_cfg'): string {
  const p = parts(entry, scope);
  if (Token.isUnresolved(p.value)) {
    // The prefix passes all rules unchanged and holds no backslash, so the segment breaks land where they
    // would if the rules ran on prefix + value: the result equals the pure-TypeScript one.
    const escaped = tfApplyRules(PROXMOX_SHELL_RULES, tfApplyRules(QEMU_OPT_VALUE_RULES, p.value));
    return `-fw_cfg "${p.prefix}${escaped}"`;
  }
  const problems = new Problems(scope);
  problems.check(p.value !== '', p.prop, 'not be empty (QEMU refuses an empty fw_cfg blob)', p.value, 'Give the blob some content, or leave the entry out.');
  problems.check(!/[\r\n\0]/.test(p.value), p.prop, 'not contain a line feed, carriage return or NUL', p.value,
    LINE_BREAK_FIX);
  if (p.key === 'file') {
    problems.check(p.value.startsWith('/'), 'file', 'be an absolute path on the Proxmox host', p.value, 'Give the full path from /, as the Proxmox host sees it.');
  }
  // The QEMU argv element; Terraform NFC-normalizes every string, so measure what it will pass on.
  const bytes = Buffer.byteLength(p.prefix + escapeForQemuOptValue(p.value.normalize('NFC')), 'utf8');
  problems.check(bytes < MAX_ARG_STRLEN, p.prop, SIZE_RULE, bytes, SIZE_FIX);
  problems.throwIfAny();
  const text = `-fw_cfg ${shellQuoteForProxmox(p.prefix + escapeForQemuOptValue(p.value))}`;
  // Terraform parses a template with N `$${`/`%%{` escapes in O(N^2) time (16000 take 4.5 s in 1.11), so
  // text with many of them is passed through base64decode(), whose argument needs no escaping at all.
  if ((text.match(/[$%]\{/g)?.length ?? 0) > TEMPLATE_ESCAPES_INLINE_MAX) {
    return `\${base64decode("${Buffer.from(text, 'utf8').toString('base64')}")}`;
  }
  return escapeTemplate(text);
}

/** A Terraform `lifecycle.precondition` entry; `condition` is a boolean expression token. */
export interface TerraformPrecondition {
  /** Terraform expression that must be true. */
  readonly condition: string;
  /** Message Terraform shows when it is false. */
  readonly errorMessage: string;
}

/**
 * Terraform preconditions for a token value of {@link fwCfgArgument} (none for plain values, which that
 * function checks at synth time): not empty, no line breaks or NUL, and the QEMU argv element at most
 * MAX_ARG_STRLEN - 1 bytes. Attach them to the resource that sets `kvm_arguments`.
 */
export function fwCfgPreconditions(
  entry: FwCfgEntry,
  scope: IConstruct | string = 'fw_cfg',
): TerraformPrecondition[] {
  const p = parts(entry, scope);
  if (!Token.isUnresolved(p.value)) return [];
  const what = `The ${p.prop} of fw_cfg entry '${entry.name}'`;
  // length() counts grapheme clusters, not bytes. base64 has 4 characters per 3 bytes; without its '='
  // padding, floor(chars * 3 / 4) is exactly the byte count.
  const b64 = Fn.replace(Fn.base64encode(tfApplyRules(QEMU_OPT_VALUE_RULES, p.value)), hclString('='),
    hclString(''));
  const bytes = Op.add(Fn.floor(Op.div(Op.mul(Fn.lengthOf(b64), 3), 4)), Buffer.byteLength(p.prefix));
  return [
    {
      condition: Token.asString(Op.neq(p.value, hclString(''))),
      errorMessage: `${what} must not be empty: QEMU refuses an empty fw_cfg blob and the VM would not start.`,
    },
    {
      // hclRaw('0'): cdktf 0.21 drops a falsy operand, so Op.eq(x, 0) would synthesize `x == undefined`.
      condition: Token.asString(
        Op.eq(Fn.lengthOf(Fn.regexall(hclString('[\\r\\n\\x00]'), p.value)), hclRaw('0')),
      ),
      errorMessage: `${what} must not contain a line feed, carriage return or NUL. ${LINE_BREAK_FIX}`,
    },
    {
      condition: Token.asString(Op.lte(bytes, MAX_ARG_STRLEN - 1)),
      errorMessage: `${what} must ${SIZE_RULE}, got ${Token.asString(bytes)} bytes. ${SIZE_FIX}`,
    },
  ];
}

/**
 * Joins argument strings (Terraform string values, e.g. from {@link fwCfgArgument}) into one
 * `kvm_arguments` value; undefined and blank parts are dropped, and undefined is returned if none remain.
 */
export function joinKvmArguments(
  args: readonly (string | undefined)[],
  scope: IConstruct | string = 'kvm_arguments',
): string | undefined {
  const kept = args
    .filter((a): a is string => a !== undefined)
    .map((a) => (Token.isUnresolved(a) ? a : a.trim()))
    .filter((a) => a !== '');
  const problems = new Problems(scope);
  for (const a of kept) {
    if (Token.isUnresolved(a)) continue;
    problems.check(!/[\r\n]/.test(a), 'kvm_arguments', 'not contain line breaks', a, LINE_BREAK_FIX);
  }
  problems.throwIfAny();
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/**
 * Throws unless the connection may set `args`: Proxmox lets only root@pam set it, and not through an API token
 * (qemu-server src/PVE/API2/Qemu.pm: "only root can set 'args' config").
 */
export function assertKvmArgumentsAllowed(scope: IConstruct, authMode: ProxmoxAuthMode, prop: string): void {
  if (authMode === 'root-password' || authMode === 'api-token+root-password') return;
  fail(
    scope,
    prop,
    "be set only through a root@pam password connection (Proxmox refuses 'args' from API tokens and other users)",
    authMode,
    "Use a 'root-password' connection, or the 'api-token+root-password' mode and its root alias for this VM; " +
      "or deliver the config through the cloud-init drive (Flatcar 'proxmoxve' image) or a cicustom snippet.",
  );
}
