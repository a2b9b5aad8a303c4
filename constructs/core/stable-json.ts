import Module = require('module');

/**
 * cdktf 0.21 writes cdk.tf.json and manifest.json with json-stable-stringify 1.3.0 (sorted keys, two-space
 * indent), which joins every level's children into a new string, so the text is copied once per nesting level.
 * {@link stableStringify} writes the same text through the built-in JSON.stringify; {@link replaceStableStringify}
 * puts it in cdktf's place (see core/fast-synth.ts and useFastSynthesis in core/synth-performance.ts).
 * @see https://github.com/ljharb/json-stable-stringify/blob/v1.3.0/index.js
 */

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
  const text = JSON.stringify(copy.value, null, space);
  return text === undefined ? undefined : expandEmpty(text, space, copy.standIns);
}

/** `text` with its `count` stand-ins for empty objects and arrays written as json-stable-stringify writes them. */
function expandEmpty(text: string, space: string, count: number): string {
  // No stand-in, no search: a 27 MB cdk.tf.json (2000 Talos nodes) has none, and scanning it cost 0.2 s.
  if (count === 0) return text;
  // Built by concatenation, not join: V8 keeps the pieces as a tree (slices of `text`) that writing the file
  // flattens once; a join would copy the whole text once more (0.15 s at 27 MB).
  let out = '';
  let from = 0;
  // The marker is one character that no other string holds (sortedCopy), so each hit is a stand-in, and a
  // one-character search is V8's fastest; the search stops at the last stand-in.
  for (let found = 0; found < count; found++) {
    const mark = text.indexOf(MARK, from);
    if (mark === -1) break;
    const at = mark - 1; // the opening quote
    const brackets = text.substr(mark + 1, 2); // '{}' or '[]'
    let indent = '';
    if (space) {
      // Closing bracket at the indentation of the line the value starts on.
      const lineStart = text.lastIndexOf('\n', at) + 1;
      let end = lineStart;
      while (text.charCodeAt(end) === 32) end++;
      indent = `\n${text.slice(lineStart, end)}`;
    }
    out += text.slice(from, at) + brackets[0] + indent + brackets[1];
    from = mark + 4; // the marker, the brackets and the closing quote
  }
  return out + text.slice(from);
}

/** The indentation string of `opts`, or undefined for options this module does not implement. */
function spaceOf(opts: unknown): string | undefined {
  if (opts === undefined) return '';
  if (typeof opts !== 'object' || opts === null || Object.keys(opts).some((k) => k !== 'space')) return undefined;
  const space = (opts as { space?: unknown }).space;
  return typeof space === 'number' ? ' '.repeat(space) : typeof space === 'string' ? space : space === undefined ? '' : undefined;
}

/**
 * Marks the stand-ins for empty containers: U+0085 (NEXT LINE, a C1 control), which JSON.stringify writes as it is
 * (it escapes only C0 controls, quotes, backslashes and lone surrogates) and which keeps the text one byte per
 * character. A string or key that holds it makes the text be written piece by piece (sortedCopy).
 * @see https://tc39.es/ecma262/#sec-quotejsonstring
 */
const MARK = '\u0085';
const EMPTY_OBJECT = `${MARK}{}`;
const EMPTY_ARRAY = `${MARK}[]`;
const UNSUITABLE = Symbol('unsuitable');
const ARRAY_INDEX_RE = /^(?:0|[1-9]\d*)$/;
/** `v.toJSON()` when `v` has one, else `v`: what JSON writers do first with every value. */
export const prep = (v: unknown): unknown => (v && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v);

/**
 * `obj` with sorted keys, empty containers as stand-ins, toJSON applied; UNSUITABLE when the built-in cannot write it
 * alike. Copy on write: an array or object that is already as needed (cdktf's bindings write attributes in sorted
 * order) is used as it is, so most of a stack is not copied.
 */
function sortedCopy(obj: unknown): { value: unknown; standIns: number } | typeof UNSUITABLE {
  const seen: object[] = [];
  let standIns = 0;
  const copy = (raw: unknown): unknown => {
    const v = prep(raw);
    if (typeof v === 'string') {
      if (v.indexOf(MARK) !== -1) throw UNSUITABLE;
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        standIns++;
        return EMPTY_ARRAY;
      }
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
      if (ARRAY_INDEX_RE.test(k) || k.indexOf(MARK) !== -1) throw UNSUITABLE;
      const before = (v as Record<string, unknown>)[k];
      const child = copy(before);
      kids.push(child);
      if (child !== before) changed = true;
      if (!(child === undefined || typeof child === 'function' || typeof child === 'symbol')) any = true;
    }
    seen.pop();
    if (!any) {
      standIns++;
      return EMPTY_OBJECT;
    }
    if (!changed) return v;
    const out: Record<string, unknown> = {};
    order.forEach((k, i) => {
      const child = kids[i];
      if (!(child === undefined || typeof child === 'function' || typeof child === 'symbol')) out[k] = child;
    });
    return out;
  };
  try {
    const value = copy(obj);
    return { value, standIns };
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

/** Returns a stand-in for the text of `obj`, or undefined to have the text written now (core/stack-writer.ts). */
export type StringifyDeferral = (obj: unknown, opts: unknown) => string | undefined;
let deferral: StringifyDeferral | undefined;

/** Makes the stand-in of json-stable-stringify ask `next` first; returns the one it asked before. */
export function deferStringify(next: StringifyDeferral | undefined): StringifyDeferral | undefined {
  const before = deferral;
  deferral = next;
  return before;
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
  m.exports = (obj: unknown, opts?: unknown) => deferral?.(obj, opts) ?? stableStringify(obj, opts, loadReal);
  require.cache[file] = m;
  return true;
}
