import * as path from 'path';

type Merge = (target: unknown, ...sources: unknown[]) => unknown;
type Obj = Record<string, unknown>;

/**
 * cdktf's TerraformStack.toTerraform resolves each element's fragment, merges the fragments into a fresh tree with
 * its deepMerge (which copies every object of every fragment; arrays are taken as they are), merges the stack's
 * overrides (`deepMerge(tf, this.rawOverrides)`), and resolves that tree once more, which copies all of it again.
 * Those copies are the largest allocations of a synthesis. This wraps TerraformStack.prototype.toTerraform and
 * util.deepMerge so that, while a stack's toTerraform runs:
 * - an object of a fragment (a result of resolve) is taken into the tree instead of a copy of it when deepMerge would write a copy alike
 *   (see {@link mergeSharing}); an object taken so is copied, one level, before anything is merged into it, so
 *   no fragment's object is ever changed (as with deepMerge);
 * - for a stack without overrides, returns a check that names the merged tree, which fastResolve then resolves
 *   keeping the parts that resolve unchanged (the tree and its parts are fresh results of resolve and deepMerge);
 * - and a check that names the objects and arrays of that tree taken as they are from the fragments: results of
 *   resolve hold no token (cdktf resolves what a token returns until no token is left) and nothing changes them
 *   after the merge, so resolving them once more would walk them only to give them back as they are; fastResolve
 *   leaves them out of that walk. In a 2000-node cluster that is nearly the whole tree (every resource's body).
 * Returns those checks; checks that say no when cdktf's modules are not as expected.
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/terraform-stack.ts
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/util.ts
 */
export function mergedStackTrees(cdktfDir: string): StackTreeHooks {
  let util: { deepMerge?: Merge };
  let stack: { prototype: { toTerraform?: () => unknown } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    util = require(path.join(cdktfDir, 'lib', 'util.js'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    stack = require(path.join(cdktfDir, 'lib', 'terraform-stack.js')).TerraformStack;
  } catch {
    return NO_HOOKS;
  }
  const merge = util.deepMerge;
  const toTerraform = stack?.prototype.toTerraform;
  if (typeof merge !== 'function' || typeof toTerraform !== 'function') return NO_HOOKS;
  const stacks: Array<{ rawOverrides?: unknown }> = [];
  let merged: object | undefined;
  let owned = new Set<object>();
  // Results of resolve in the running stack's toTerraform: its elements' fragments and metadata.
  let resolved = new WeakSet<object>();
  // Objects and arrays of those results that the merge put into the stack's tree as they are.
  let taken = new WeakSet<object>();
  stack.prototype.toTerraform = function stackToTerraform(this: { rawOverrides?: unknown }): unknown {
    stacks.push(this);
    const outer = [owned, resolved, taken] as const;
    owned = new Set();
    resolved = new WeakSet();
    taken = new WeakSet();
    try {
      return toTerraform.call(this);
    } finally {
      stacks.pop();
      [owned, resolved, taken] = outer;
      merged = undefined;
    }
  };
  util.deepMerge = function deepMerge(target: unknown, ...sources: unknown[]): unknown {
    const s = stacks[stacks.length - 1];
    const overrides = s?.rawOverrides;
    const source = sources[0];
    merged = s && sources.length === 1 && source === overrides && plainObject(overrides)
      && Object.keys(overrides as Obj).length === 0 && plainObject(target) ? target as object : undefined;
    if (!s || sources.length !== 1 || !resolved.has(source as object) || !plainObject(target) || !plainObject(source)
      || typeof (target as Obj).resolve === 'function') return merge(target, ...sources);
    owned.add(target as object);
    mergeSharing(target as Obj, source as Obj, owned, merge, (o) => taken.add(o));
    return target;
  };
  return {
    mayShare: (obj) => obj !== undefined && obj === merged,
    takenAsIs: (obj) => merged !== undefined && taken.has(obj),
    resolved: (result) => {
      if (stacks.length > 0 && typeof result === 'object' && result !== null) resolved.add(result);
    },
  };
}

/** See {@link mergedStackTrees}. */
export interface StackTreeHooks {
  /** Whether `obj` is the merged tree of the running stack's toTerraform, that nothing else holds. */
  readonly mayShare: (obj: unknown) => boolean;
  /** Takes note of a fresh result of a resolve call (not one of its nested calls). */
  readonly resolved: (result: unknown) => void;
  /** Whether `obj`, met in the merged tree, was taken into it as it is from a result of resolve (see above). */
  readonly takenAsIs: (obj: object) => boolean;
}

const NO_HOOKS: StackTreeHooks = { mayShare: () => false, resolved: () => undefined, takenAsIs: () => false };

/**
 * `deepMerge(target, source)` (cdktf 0.21) giving the same tree, but taking a plain object of `source` as it is
 * where deepMerge would write a copy of it into a fresh object ({@link copiedAlike}). `owned` holds the objects of
 * the tree that may be changed (made here or by the caller); any other object is copied one level before a merge
 * goes into it. Anything else is deepMerge's own step. `took` is told each object or array of `source` put into
 * the tree as it is.
 */
export function mergeSharing(target: Obj, source: Obj, owned: Set<object>, merge: Merge, took: (o: object) => void = () => undefined): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    let t = target[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as Obj).resolve === 'function'
      || key === '__proto__' || (typeof t === 'object' && t !== null && !plainObject(t))) {
      merge(target, { [key]: value });
      if (Array.isArray(value) && target[key] === value) took(value); // deepMerge keeps an array it does not concatenate
      continue;
    }
    if (typeof t !== 'object') {
      // deepMerge: a fresh object for the key, then value's keys copied into it.
      if (copiedAlike(value as Obj)) {
        target[key] = value;
        took(value as object);
        continue;
      }
      t = {};
      target[key] = t;
      owned.add(t as object);
    } else if (t === null) {
      merge(target, { [key]: value }); // deepMerge's own error
      continue;
    } else if (!owned.has(t)) {
      const copy: Obj = {};
      for (const k of Object.keys(t as Obj)) copy[k] = (t as Obj)[k];
      target[key] = copy;
      owned.add(copy);
      t = copy;
    }
    mergeSharing(t as Obj, value as Obj, owned, merge, took);
  }
}

function plainObject(o: unknown): boolean {
  return typeof o === 'object' && o !== null && Object.getPrototypeOf(o) === Object.prototype;
}

/**
 * Whether deepMerge, merging `o` into a fresh object, writes a tree alike to `o`: plain objects all the way down
 * (arrays and what they hold are taken as they are either way), no undefined value (deepMerge leaves the key out),
 * no resolvable, no `__proto__` key.
 */
function copiedAlike(o: Obj): boolean {
  if (!plainObject(o) || typeof o.resolve === 'function') return false;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || k === '__proto__') return false;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !copiedAlike(v as Obj)) return false;
  }
  return true;
}
