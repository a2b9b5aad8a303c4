/**
 * YAML for the smallest documents the library writes, without the yaml package's document model: mappings of
 * plain words, nested, such as a node's host name patch (`machine: network: hostname: worker-017`) or its
 * HostnameConfig document. A cluster writes a few per node, each different, so neither caching nor the general
 * writer is cheap for them.
 *
 * The text is what `stringify(value, { lineWidth: 0 })` of yaml 2 writes for such a value (keys in insertion order,
 * two spaces of indentation, a plain scalar for each word, a final line break); __tests__/core/plain-yaml.test.ts
 * compares the two on generated trees. A word is a string that YAML 1.2's core schema reads back as that string
 * without quotes: a letter or underscore, then letters, digits and `_ . / -`, and not true, false or null in any
 * case (yaml quotes those); or a whole cdktf string token, `${TfToken[TOKEN.<n>]}` (a node's installer image, a
 * reference resolved later in the whole text: `$` starts a plain scalar, and brackets inside one are plain in block
 * context). Anything else (other strings, numbers, lists, empty mappings) returns undefined, for the
 * yaml package to write.
 * @see https://yaml.org/spec/1.2.2/#1032-tag-resolution
 * @see https://eemeli.org/yaml/#tostring-options
 */
export function plainWordsYaml(value: unknown): string | undefined {
  const lines: string[] = [];
  const write = (o: unknown, indent: string, depth: number): boolean => {
    if (typeof o !== 'object' || o === null || depth > MAX_DEPTH) return false;
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(o);
    if (keys.length === 0) return false;
    for (const k of keys) {
      if (!isWord(k)) return false;
      const v = (o as Record<string, unknown>)[k];
      if (typeof v === 'string') {
        if (!isWord(v)) return false;
        lines.push(`${indent}${k}: ${v}`);
      } else {
        lines.push(`${indent}${k}:`);
        if (!write(v, `${indent}  `, depth + 1)) return false;
      }
    }
    return true;
  };
  return write(value, '', 0) ? `${lines.join('\n')}\n` : undefined;
}

const MAX_DEPTH = 16;
const WORD = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const KEYWORD = /^(?:true|false|null)$/i;
/** How cdktf 0.21 writes a string token into a string (cdktf/lib/tokens/private/encoding.js). */
const STRING_TOKEN = /^\$\{TfToken\[TOKEN\.\d+\]\}$/;
const isWord = (s: string): boolean => (WORD.test(s) && !KEYWORD.test(s)) || STRING_TOKEN.test(s);
