import * as path from 'path';
import { mergeSharing } from '../../constructs/core/stack-merge';

const CDKTF_DIR = path.dirname(require.resolve('cdktf/package.json'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deepMerge } = require(path.join(CDKTF_DIR, 'lib', 'util.js')) as { deepMerge: (t: unknown, ...s: unknown[]) => unknown };

type Obj = Record<string, unknown>;
/** Plain objects and arrays copied, anything else kept. */
const clone = (v: unknown): unknown => (Array.isArray(v) ? v.map(clone)
  : v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) : v);
const freeze = (v: unknown): unknown => {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    Object.values(v).forEach(freeze);
    Object.freeze(v);
  }
  return v;
};
/** Text that shows key order, undefined values and the type of every value. */
const show = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? '<undefined>' : x instanceof Date ? `<date ${x.getTime()}>` : x));

describe('mergeSharing', () => {
  test('gives the tree deepMerge gives, without changing any source object', () => {
    const target = { '//': { m: 1 }, resource: { a: { x: { p: 1 } } } };
    const resolvable = { resolve: () => 'r' };
    const sources: Obj[] = [
      { resource: { a: { y: { q: [1], n: { deep: true } } }, b: { z: { d: new Date(0) } } } },
      { resource: { a: { y: { r: 2, n: { more: 'x' } } } } }, // into objects taken from the first source
      { data: { u: undefined, l: [1], k: { v: undefined } } }, // undefined: deepMerge leaves the keys out
      { data: { l: [2], k: { w: 1 } }, 10: { n: 1 }, 9: 'nine' }, // arrays concatenated; index-like keys
      { token: resolvable, '//': { m: 2 } },
      { resource: { b: { z: { d: { later: 1 } } } } },
    ];
    const expected = clone(target) as Obj;
    for (const s of sources) deepMerge(expected, clone(s));
    const actual = clone(target) as Obj;
    const owned = new Set<object>([actual]);
    for (const s of sources) mergeSharing(actual, freeze(clone(s)) as Obj, owned, deepMerge);
    expect(show(actual)).toBe(show(expected));
    expect(actual).toEqual(expected);
    // Taken as they are where deepMerge would have written a copy alike; a Date is written as {} by deepMerge.
    const first = freeze(clone(sources[0])) as { resource: { a: Obj; b: Obj } };
    const fresh = {};
    mergeSharing(fresh, first, new Set([fresh]), deepMerge);
    expect((fresh as typeof first).resource.a).toBe(first.resource.a);
    expect((fresh as typeof first).resource.b).not.toBe(first.resource.b);
    expect((fresh as typeof first).resource.b).toEqual({ z: { d: {} } });
  });

  test("hands deepMerge's errors through", () => {
    const run = (merge: (t: Obj, s: Obj) => void) => {
      try {
        merge({ a: null }, { a: { b: 1 } });
      } catch (e) {
        return String(e);
      }
      return 'no error';
    };
    expect(run((t, s) => mergeSharing(t, s, new Set([t]), deepMerge))).toBe(run((t, s) => deepMerge(t, s)));
  });
});
