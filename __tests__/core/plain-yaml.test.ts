import { stringify } from 'yaml';
import { plainWordsYaml } from '../../constructs/core/plain-yaml';
import { patchYaml } from '../../constructs/talos/patches';

// Strings around the edges of YAML's plain scalars: keywords in every case, numbers, indicators, spaces, empties.
const WORDS = [
  'cp-001', 'worker-017', 'v1alpha1', 'HostnameConfig', 'off', 'on', 'yes', 'no', 'y', 'n', 'nan', 'inf', 'e5', '_x',
  'a.b', 'a/b', 'ab.', 'x--y', 'A', 'z9', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'null', 'Null', 'NULL',
  '~', '', ' ', 'a b', 'a:b', 'a: b', 'a #b', 'a#b', '#a', '-a', '.a', '1', '1e5', '0x1f', '0o17', '.inf', '-.inf', '.nan',
  '@a', '`a', "'a", '"a', 'a"', '[a]', '{a}', '*a', '&a', '!a', '|a', '>a', '%a', 'a,b', 'é', 'a\nb', 'a\tb',
  'x'.repeat(120), `long-${'y'.repeat(200)}`,
  '${TfToken[TOKEN.38]}', '${TfToken[TOKEN.1]}x', 'x${TfToken[TOKEN.1]}', '#{TfToken[TOKEN.2]}', '${TfToken[TOKEN.a]}', '${a}',
];
/** Words it writes itself, drawn more often so that whole trees of them come up. */
const PLAIN = [...WORDS.filter((w) => /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(w) && !/^(?:true|false|null)$/i.test(w)), '${TfToken[TOKEN.38]}'];

/** A deterministic pseudo-random generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('plainWordsYaml', () => {
  test('writes what yaml writes (lineWidth 0) for every tree it takes, and refuses what it cannot write alike', () => {
    const next = random(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const word = () => (next() < 0.9 ? pick(PLAIN) : pick(WORDS));
    const tree = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.45) return r < 0.02 ? pick([1, true, null, [], ['a'], undefined]) : word();
      const o: Record<string, unknown> = {};
      const n = Math.floor(next() * 4);
      for (let i = 0; i < n; i++) o[word()] = tree(depth + 1);
      return o;
    };
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const v = tree(0);
      const mine = plainWordsYaml(v);
      if (mine === undefined) continue;
      written++;
      expect([v, mine]).toEqual([v, stringify(v, { lineWidth: 0 })]);
    }
    // The generator reaches both sides: trees it writes, and trees it leaves to yaml.
    expect(written).toBeGreaterThan(200);
    expect(written).toBeLessThan(5000);
  });

  test('takes a node\'s host name and installer image patches and HostnameConfig document; refuses lists, numbers, keywords and empties', () => {
    const hostname = { machine: { network: { hostname: 'worker-017' } } };
    expect(plainWordsYaml(hostname)).toBe('machine:\n  network:\n    hostname: worker-017\n');
    const image = { machine: { install: { image: '${TfToken[TOKEN.38]}' } } }; // the installer image, a reference
    expect(plainWordsYaml(image)).toBe('machine:\n  install:\n    image: ${TfToken[TOKEN.38]}\n');
    const doc = { apiVersion: 'v1alpha1', kind: 'HostnameConfig', auto: 'off', hostname: 'cp-001' };
    expect(plainWordsYaml(doc)).toBe(stringify(doc, { lineWidth: 0 }));
    expect(patchYaml(doc)).toBe(stringify(doc, { lineWidth: 0 }));
    for (const v of [{ a: ['x'] }, { a: 1 }, { a: 'True' }, { a: {} }, {}, 'word', null, { a: 'x y' }, { 'a b': 'x' }, new Map([['a', 'b']])]) {
      expect([v, plainWordsYaml(v)]).toEqual([v, undefined]);
    }
  });
});
