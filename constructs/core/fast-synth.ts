import * as path from 'path';
import { mergedStackTrees } from './stack-merge';

/**
 * Faster equivalents of cdktf 0.21 synthesis steps whose cost grows with the size of the JSON, not with what
 * it says. All give byte-identical output (__tests__/core/fast-synth.test.ts compares them with the originals);
 * measured with `npm run bench` on a 2000-node Talos cluster they took more than half of synthesis.
 *
 * 1. Token resolution (cdktf/lib/tokens/private/resolve.js). cdktf resolves every element's JSON three times
 *    (prepareStack, each element's toTerraform, then the merged stack once more), and for every string, number,
 *    list and map it builds a fresh resolution context with two closures, a copy of the key path and a spread of
 *    the options, whether or not the value holds a token. {@link fastResolve} walks plain values without any of
 *    that and hands every value that is, or may be, a token to cdktf's own resolve with the same key path and
 *    context flags it would have had there: tokens resolve exactly as before, in the same order.
 * 2. Writing cdk.tf.json and manifest.json: see core/stable-json.ts.
 * 3. Binary version checks ({@link memoizeBinaryVersionChecks}).
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/tokens/private/resolve.ts
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
 * objects itself. `isTokenNumber` is cdktf's check for an encoded number token (scalar or list). `resultUnused`
 * and `mayShare` name the outermost calls that may visit only, or keep unchanged parts (see below); `copied` is told
 * each result of an outermost call that returned a copy (see core/stack-merge.ts). In a call that may share,
 * `resolvedAlready` names objects and arrays that would resolve to themselves: they are kept without a walk.
 */
export function fastResolve(original: Resolve, isTokenNumber: (n: number) => boolean, specials: ReadonlySet<unknown>,
  resultUnused: (options: ResolveOptions) => boolean = () => false, mayShare: (obj: unknown) => boolean = () => false,
  copied: (result: unknown) => void = () => undefined, resolvedAlready: (obj: object) => boolean = () => false): Resolve {
  let active = 0;
  return function resolve(obj: unknown, options: ResolveOptions): unknown {
    // A call whose caller drops the result (cdktf's prepareStack) only needs the tokens resolved, for their side
    // effects (cross-stack references): plain data is then visited, not copied. A call whose input is a fresh tree
    // that nothing else holds (the stack's merged tree) keeps the plain arrays and objects it
    // would copy unchanged (see core/stack-merge.ts). Neither for nested calls, which tokens make while resolving
    // and whose results they use.
    const visitOnly = active === 0 && resultUnused(options);
    const share = active === 0 && !visitOnly && mayShare(obj);
    active++;
    try {
      const result = resolveWith(obj, options, visitOnly, share);
      if (!visitOnly && !share && active === 1) copied(result);
      return result;
    } finally {
      active--;
    }
  };

  function resolveWith(obj: unknown, options: ResolveOptions, visitOnly: boolean, share: boolean): unknown {
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
      if (share && resolvedAlready(x)) return x;
      if (x instanceof Date || root.length + keys.length > MAX_FAST_DEPTH) return delegate(x);
      if (Array.isArray(x)) {
        // A list token among the elements makes the whole list a token (cdktf's resolveList/resolveNumberList).
        for (const e of x) {
          if ((typeof e === 'string' && e.indexOf(TOKEN_MARK) !== -1) || (typeof e === 'number' && !(e > TOKEN_DOUBLE_BOUND) && isTokenNumber(e))) return delegate(x);
        }
        // Shared only when the copy would be alike: a plain array, each element kept as it is.
        let out: unknown[] | undefined = share && Object.getPrototypeOf(x) === Array.prototype ? undefined : [];
        for (let i = 0; i < x.length; i++) {
          const before = x[i];
          keys.push(`${i}`);
          const v = walk(before);
          keys.pop();
          if (visitOnly) continue;
          if (out === undefined && (v === undefined || v !== before)) out = x.slice(0, i);
          if (v !== undefined) out?.push(v);
        }
        return visitOnly ? undefined : out ?? x;
      }
      const o = x as Record<string, unknown>;
      // Resolvables, constructs (an error) and objects with a token in a key: cdktf's own path.
      if (typeof o.resolve === 'function' || (o._children !== undefined && o._metadata !== undefined)) return delegate(x);
      const names = Object.keys(o);
      for (const k of names) if (!plainString(k)) return delegate(x);
      const proto = Object.getPrototypeOf(o);
      let result: Record<string, unknown> | undefined = share && (proto === Object.prototype || proto === null) ? undefined : {};
      for (let j = 0; j < names.length; j++) {
        const k = names[j];
        const before = o[k];
        keys.push(k);
        const v = walk(before);
        keys.pop();
        if (visitOnly) continue;
        if (result === undefined && (v === undefined || v !== before)) {
          result = {};
          for (let i = 0; i < j; i++) result[names[i]] = o[names[i]];
        }
        if (v !== undefined && result !== undefined) result[k] = v;
      }
      return visitOnly ? undefined : result ?? o;
    };
    return walk(obj);
  }
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
  const trees = mergedStackTrees(cdktfDir);
  const fast = fastResolve(mod.resolve, (n) => extract(n, false) !== undefined || extract(n, true) !== undefined, specials,
    (options) => preparingStack > 0 && options.preparing === true, trees.mayShare, trees.resolved, trees.takenAsIs);
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
