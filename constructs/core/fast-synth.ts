import Module = require('module');
import * as path from 'path';

/**
 * Faster equivalents of two cdktf 0.21 synthesis steps whose cost grows with the size of the JSON, not with what
 * it says. Both give byte-identical output (__tests__/core/fast-synth.test.ts compares them with the originals);
 * measured with `npm run bench` on a 2000-node Talos cluster they took more than half of synthesis.
 *
 * 1. Token resolution (cdktf/lib/tokens/private/resolve.js). cdktf resolves every element's JSON three times
 *    (prepareStack, each element's toTerraform, then the merged stack once more), and for every string, number,
 *    list and map it builds a fresh resolution context with two closures, a copy of the key path and a spread of
 *    the options, whether or not the value holds a token. {@link fastResolve} walks plain values without any of
 *    that and hands every value that is, or may be, a token to cdktf's own resolve with the same key path and
 *    context flags it would have had there: tokens resolve exactly as before, in the same order.
 * 2. Writing cdk.tf.json and manifest.json (json-stable-stringify 1.3.0, sorted keys, two-space indent). It
 *    joins every level's children into a new string, so the text is copied once per nesting level.
 *    {@link stableStringify} writes the same text in one pass.
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/tokens/private/resolve.ts
 * @see https://github.com/ljharb/json-stable-stringify/blob/v1.3.0/index.js
 */

/** Both token markers cdktf encodes into strings (`${TfToken[...]}`, `#{TfToken[...]}`, `&{TfToken[...]}`) contain this. */
const TOKEN_MARK = 'TfToken[';
/** cdktf's NUMBER_TOKEN_REGEX (encoding.js), without the global flag: a number token rendered inside a string. */
const NUMBER_IN_STRING = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;
/**
 * cdktf encodes number tokens as doubles with a marker in the top 16 bits (encoding.js: 0xfdff, lists 0xfbff):
 * negative, of magnitude above 2^960. Any number above this bound is plain, without decoding its bits.
 */
const TOKEN_DOUBLE_BOUND = -1e280;
/** Below cdktf's own limit (200), so that cdktf raises its "circular reference" error itself. */
const MAX_FAST_DEPTH = 150;

type Resolve = (obj: unknown, options: ResolveOptions) => unknown;
interface ResolveOptions {
  readonly prefix?: string[];
  readonly previousContext?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * `resolve(obj, options)` with cdktf's semantics: returns what `original` returns for every input, calling it
 * for each value that holds (or may hold) a token, and walking plain strings, numbers, booleans, arrays and
 * objects itself. `isTokenNumber` is cdktf's check for an encoded number token (scalar or list).
 */
export function fastResolve(original: Resolve, isTokenNumber: (n: number) => boolean, specials: ReadonlySet<unknown>,
  resultUnused: (options: ResolveOptions) => boolean = () => false): Resolve {
  let active = 0;
  return function resolve(obj: unknown, options: ResolveOptions): unknown {
    // A call whose caller drops the result (cdktf's prepareStack) only needs the tokens resolved, for their side
    // effects (cross-stack references): plain data is then visited, not copied. Never for nested calls, which tokens
    // make while resolving and whose results they use.
    const visitOnly = active === 0 && resultUnused(options);
    active++;
    try {
      return resolveWith(obj, options, visitOnly);
    } finally {
      active--;
    }
  };

  function resolveWith(obj: unknown, options: ResolveOptions, visitOnly: boolean): unknown {
    const root = options.prefix ?? [];
    const keys: string[] = [];
    // What cdktf's resolve passes down: each nested context copies these four flags from its parent's.
    const prev = options.previousContext;
    const inherited = {
      suppressBraces: prev?.suppressBraces, ignoreEscapes: prev?.ignoreEscapes,
      warnEscapes: prev?.warnEscapes, iteratorContext: prev?.iteratorContext,
    };
    const delegate = (x: unknown): unknown => (keys.length === 0 ? original(x, options)
      : original(x, { ...options, prefix: root.concat(keys), previousContext: inherited }));
    const plainString = (s: string): boolean => s.indexOf(TOKEN_MARK) === -1 && !specials.has(s)
      && (s.indexOf('e') === -1 || !NUMBER_IN_STRING.test(s));

    const walk = (x: unknown): unknown => {
      if (x === undefined || x === null) return x;
      switch (typeof x) {
        case 'string': return plainString(x) ? x : delegate(x);
        case 'number': return x > TOKEN_DOUBLE_BOUND && !specials.has(x) ? x : specials.has(x) || isTokenNumber(x) ? delegate(x) : x;
        case 'object': break;
        case 'function': return delegate(x); // cdktf's error
        default: return x;
      }
      if (x instanceof Date || root.length + keys.length > MAX_FAST_DEPTH) return delegate(x);
      if (Array.isArray(x)) {
        // A list token among the elements makes the whole list a token (cdktf's resolveList/resolveNumberList).
        for (const e of x) {
          if ((typeof e === 'string' && e.indexOf(TOKEN_MARK) !== -1) || (typeof e === 'number' && !(e > TOKEN_DOUBLE_BOUND) && isTokenNumber(e))) return delegate(x);
        }
        const out: unknown[] = [];
        for (let i = 0; i < x.length; i++) {
          keys.push(`${i}`);
          const v = walk(x[i]);
          keys.pop();
          if (v !== undefined && !visitOnly) out.push(v);
        }
        return visitOnly ? undefined : out;
      }
      const o = x as Record<string, unknown>;
      // Resolvables, constructs (an error) and objects with a token in a key: cdktf's own path.
      if (typeof o.resolve === 'function' || (o._children !== undefined && o._metadata !== undefined)) return delegate(x);
      const names = Object.keys(o);
      for (const k of names) if (!plainString(k)) return delegate(x);
      const result: Record<string, unknown> = {};
      for (const k of names) {
        keys.push(k);
        const v = walk(o[k]);
        keys.pop();
        if (v !== undefined && !visitOnly) result[k] = v;
      }
      return visitOnly ? undefined : result;
    };
    return walk(obj);
  }
}

/**
 * json-stable-stringify 1.3.0 for the options cdktf passes (`{ space }`): keys sorted, `space` indentation,
 * empty objects and arrays over two lines, `toJSON` honoured, undefined and functions left out of objects and
 * `null` in arrays, and the same error on a cycle. Other options go to the real package.
 *
 * Writes a copy with sorted keys through the built-in JSON.stringify (one pass in native code), empty objects
 * and arrays as stand-in strings that are then written out over two lines. A key that is an array index (the
 * built-in writes those first, whatever the insertion order) or a string that could be taken for a stand-in
 * makes it write the text piece by piece instead ({@link stableStringifyPieces}).
 */
export function stableStringify(obj: unknown, opts?: unknown, real?: () => (o: unknown, p?: unknown) => string): string | undefined {
  const space = spaceOf(opts);
  if (space === undefined) {
    if (!real) throw new Error('stableStringify: unsupported options');
    return real()(obj, opts);
  }
  // The built-in indents with at most 10 characters; the stand-ins are found by their indentation of spaces.
  const copy = /^ {0,10}$/.test(space) ? sortedCopy(obj) : UNSUITABLE;
  if (copy === UNSUITABLE) return stableStringifyPieces(obj, space);
  const text = JSON.stringify(copy, null, space);
  return text === undefined ? undefined : expandEmpty(text, space);
}

/** `text` with each stand-in for an empty object or array written as json-stable-stringify writes it. */
function expandEmpty(text: string, space: string): string {
  const pieces: string[] = [];
  let from = 0;
  for (let at = text.indexOf(STAND_IN_JSON); at !== -1; at = text.indexOf(STAND_IN_JSON, from)) {
    const brackets = text.substr(at + STAND_IN_JSON.length, 2); // '{}' or '[]'
    let indent = '';
    if (space) {
      // Closing bracket at the indentation of the line the value starts on.
      const lineStart = text.lastIndexOf('\n', at) + 1;
      let end = lineStart;
      while (text.charCodeAt(end) === 32) end++;
      indent = `\n${text.slice(lineStart, end)}`;
    }
    pieces.push(text.slice(from, at), brackets[0], indent, brackets[1]);
    from = at + STAND_IN_JSON.length + 3; // the brackets and the closing quote
  }
  if (from === 0) return text;
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** The indentation string of `opts`, or undefined for options this module does not implement. */
function spaceOf(opts: unknown): string | undefined {
  if (opts === undefined) return '';
  if (typeof opts !== 'object' || opts === null || Object.keys(opts).some((k) => k !== 'space')) return undefined;
  const space = (opts as { space?: unknown }).space;
  return typeof space === 'number' ? ' '.repeat(space) : typeof space === 'string' ? space : space === undefined ? '' : undefined;
}

const EMPTY_OBJECT = '\u0000{}';
const EMPTY_ARRAY = '\u0000[]';
/** How JSON.stringify starts a stand-in: a quote, then the escaped NUL (no other string holds a NUL: see sortedCopy). */
const STAND_IN_JSON = '"\\u0000';
const UNSUITABLE = Symbol('unsuitable');
const ARRAY_INDEX_RE = /^(?:0|[1-9]\d*)$/;
const prep = (v: unknown): unknown => (v && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v);

/**
 * `obj` with sorted keys, empty containers as stand-ins, toJSON applied; UNSUITABLE when the built-in cannot write it
 * alike. Copy on write: an array or object that is already as needed (cdktf's bindings write attributes in sorted
 * order) is used as it is, so most of a stack is not copied.
 */
function sortedCopy(obj: unknown): unknown {
  const seen: object[] = [];
  const copy = (raw: unknown): unknown => {
    const v = prep(raw);
    if (typeof v === 'string') {
      if (v.indexOf('\u0000') !== -1) throw UNSUITABLE;
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      if (v.length === 0) return EMPTY_ARRAY;
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const c = copy(v[i]);
        if (out === undefined && c !== v[i]) out = v.slice(0, i);
        out?.push(c);
      }
      return out ?? v;
    }
    if (seen.includes(v)) throw new TypeError('Converting circular structure to JSON');
    seen.push(v);
    const keys = Object.keys(v);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
    const order = sorted ? keys : [...keys].sort();
    const kids: unknown[] = [];
    let changed = !sorted;
    let any = false;
    for (const k of order) {
      if (ARRAY_INDEX_RE.test(k) || k.indexOf('\u0000') !== -1) throw UNSUITABLE;
      const before = (v as Record<string, unknown>)[k];
      const child = copy(before);
      kids.push(child);
      if (child !== before) changed = true;
      if (!(child === undefined || typeof child === 'function' || typeof child === 'symbol')) any = true;
    }
    seen.pop();
    if (!any) return EMPTY_OBJECT;
    if (!changed) return v;
    const out: Record<string, unknown> = {};
    order.forEach((k, i) => {
      const child = kids[i];
      if (!(child === undefined || typeof child === 'function' || typeof child === 'symbol')) out[k] = child;
    });
    return out;
  };
  try {
    return copy(obj);
  } catch (e) {
    if (e === UNSUITABLE) return UNSUITABLE;
    throw e;
  }
}

/** json-stable-stringify's text written piece by piece (for what {@link stableStringify} cannot copy). */
export function stableStringifyPieces(obj: unknown, space: string): string | undefined {
  const colon = space ? ': ' : ':';
  const seen: object[] = [];
  const parts: string[] = [];
  const indentOf = (level: number) => (space ? `\n${space.repeat(level)}` : '');
  // `v` already went through prep; returns false when nothing was written (undefined, function, symbol).
  const write = (v: unknown, level: number): boolean => {
    if (typeof v !== 'object' || v === null) {
      const s = JSON.stringify(v);
      if (s === undefined) return false;
      parts.push(s);
      return true;
    }
    const inner = indentOf(level + 1);
    if (Array.isArray(v)) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        parts.push(i > 0 ? ',' : '', inner);
        if (!write(prep(v[i]), level + 1)) parts.push('null');
      }
      parts.push(indentOf(level), ']');
      return true;
    }
    if (seen.includes(v)) throw new TypeError('Converting circular structure to JSON');
    seen.push(v);
    parts.push('{');
    let first = true;
    for (const k of Object.keys(v).sort()) {
      const child = prep((v as Record<string, unknown>)[k]);
      if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
      parts.push(first ? '' : ',', inner, JSON.stringify(k), colon);
      first = false;
      write(child, level + 1);
    }
    parts.push(indentOf(level), '}');
    seen.pop();
    return true;
  };
  return write(prep(obj), 0) ? parts.join('') : undefined;
}

/**
 * Puts {@link stableStringify} in place of the json-stable-stringify that cdktf (resolved from `cdktfDir`) loads.
 * Must run before cdktf is loaded (it binds the package when it loads). Returns whether it did.
 */
export function replaceStableStringify(cdktfDir: string, parent: NodeModule): boolean {
  let file: string;
  try {
    file = require.resolve('json-stable-stringify', { paths: [cdktfDir] });
  } catch {
    return false;
  }
  if (require.cache[file]) return false;
  let real: ((o: unknown, p?: unknown) => string) | undefined;
  const loadReal = () => {
    if (!real) {
      // The stand-in stays bound in cdktf; the real package takes its place in the cache from here on.
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      real = require(file);
    }
    return real!;
  };
  const m = new Module(file, parent);
  m.filename = file;
  m.loaded = true;
  m.exports = (obj: unknown, opts?: unknown) => stableStringify(obj, opts, loadReal);
  require.cache[file] = m;
  return true;
}

/** Puts {@link fastResolve} in place of cdktf's resolve (the one Tokenization.resolve calls). Returns whether it did. */
export function replaceResolve(cdktfDir: string): boolean {
  let mod: { resolve?: Resolve };
  let enc: { extractTokenDouble?: (n: number, list: boolean) => number | undefined };
  let token: { Token?: Record<string, unknown> };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    mod = require(path.join(cdktfDir, 'lib', 'tokens', 'private', 'resolve.js'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    enc = require(path.join(cdktfDir, 'lib', 'tokens', 'private', 'encoding.js'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    token = require(path.join(cdktfDir, 'lib', 'tokens', 'token.js'));
  } catch {
    return false; // another cdktf layout: leave it alone
  }
  const extract = enc.extractTokenDouble;
  const T = token.Token;
  if (typeof mod.resolve !== 'function' || typeof extract !== 'function' || !T || (mod.resolve as { fast?: boolean }).fast) return false;
  // Values cdktf's resolve rejects with its own error (map tokens used as a scalar).
  const specials = new Set([T.STRING_MAP_TOKEN_VALUE, T.ANY_MAP_TOKEN_VALUE, T.NUMBER_MAP_TOKEN_VALUE]);
  // cdktf's TerraformStack.prepareStack resolves every element in a preparing run and drops the results.
  let preparingStack = 0;
  let stack: { prototype: { prepareStack?: () => void } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    stack = require(path.join(cdktfDir, 'lib', 'terraform-stack.js')).TerraformStack;
  } catch {
    stack = undefined;
  }
  const prepare = stack?.prototype.prepareStack;
  if (stack && typeof prepare === 'function') {
    stack.prototype.prepareStack = function prepareStack(this: unknown): void {
      preparingStack++;
      try {
        prepare.call(this);
      } finally {
        preparingStack--;
      }
    };
  }
  const fast = fastResolve(mod.resolve, (n) => extract(n, false) !== undefined || extract(n, true) !== undefined, specials,
    (options) => preparingStack > 0 && options.preparing === true);
  (fast as { fast?: boolean }).fast = true;
  mod.resolve = fast;
  return true;
}

/**
 * Makes cdktf's binary version checks (ValidateBinaryVersion, e.g. the `terraform version` run that every stack
 * with a `moved` block validates against) run each distinct check once per process: the binary does not change
 * during a synthesis, and each run starts a Terraform process (the example app's stacks ran it once each).
 * Returns whether it did.
 */
export function memoizeBinaryVersionChecks(cdktfDir: string): boolean {
  type Check = { binary: string; versionConstraint: string; versionCommand: string; hint?: string; validate(): string[] };
  let proto: Check & { memoized?: boolean };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    proto = require(path.join(cdktfDir, 'lib', 'validations', 'validate-binary-version.js')).ValidateBinaryVersion.prototype;
  } catch {
    return false;
  }
  if (typeof proto?.validate !== 'function' || proto.memoized) return false;
  const original = proto.validate;
  const results = new Map<string, string[]>();
  proto.validate = function validate(this: Check): string[] {
    const key = JSON.stringify([this.binary, this.versionCommand, this.versionConstraint, this.hint]);
    let r = results.get(key);
    if (!r) {
      r = original.call(this);
      results.set(key, r);
    }
    return [...r];
  };
  proto.memoized = true;
  return true;
}
