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
  const text = JSON.stringify(copy, null, space);
  return text === undefined ? undefined : expandEmpty(text, space);
}

/** `text` with each stand-in for an empty object or array written as json-stable-stringify writes it. */
function expandEmpty(text: string, space: string): string {
  const pieces: string[] = [];
  let from = 0;
  // Searched for without the opening quote: a pattern that starts with a quote, the most frequent character of
  // the text, takes V8 about ten times longer to find (measured on a 27 MB cdk.tf.json).
  for (let esc = text.indexOf(ESCAPED_NUL); esc !== -1; esc = text.indexOf(ESCAPED_NUL, Math.max(from, esc + 1))) {
    const at = esc - 1;
    if (text.charCodeAt(at) !== 34 || at < from) continue; // not a stand-in: a NUL is only written in stand-ins (sortedCopy)
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
const ESCAPED_NUL = STAND_IN_JSON.slice(1);
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
