// Terraform values on the provider wire, for tools/tf-schema-provider.
//
// Terraform sends and expects `DynamicValue`s: msgpack (or JSON) shaped by the schema, with
// cty semantics (docs/plugin-protocol/object-wire-format.md in the Terraform repository):
//   - null is msgpack nil;
//   - an unknown value is any msgpack extension (code 0 = plain unknown, code 12 = "refined"
//     unknown whose payload is a msgpack map: 1 nullness, 2 string prefix, 3/4 number bounds,
//     5/6 collection length bounds);
//   - a "dynamic" value is a 2-element array [type JSON as bytes, value].
// Here a value is plain JS data (objects, arrays, strings, numbers, booleans, null) where
// unknowns stay the `ExtData` objects the msgpack decoder produces.
'use strict';
const { encode, decode, ExtData } = require('@msgpack/msgpack');

/** A plain (unrefined) unknown, encoded the way cty itself does: extension 0, one zero byte. */
const UNKNOWN = new ExtData(0, new Uint8Array([0]));

const isUnknown = (v) => v instanceof ExtData;

/** Refinements of an unknown value: { notNull, prefix, lower: [n, incl], upper, minLen, maxLen }. */
function refinements(v) {
  if (!isUnknown(v) || v.type !== 12) return {};
  let m;
  try { m = decode(v.data); } catch { return {}; }
  if (!m || typeof m !== 'object') return {};
  return { notNull: m[1] === false, prefix: m[2], lower: m[3], upper: m[4], minLen: m[5], maxLen: m[6] };
}

const mapValues = (o, f) => Object.fromEntries(Object.entries(o || {}).map(([k, v]) => [k, f(v, k)]));

/** The cty type (JSON type constraint) of one schema attribute. */
function attributeType(a) {
  if (a.type !== undefined) return a.type;
  const obj = ['object', mapValues(a.nested_type.attributes, attributeType)];
  const mode = a.nested_type.nesting_mode;
  return mode === 'single' ? obj : [mode, obj];
}

/** The cty object type that a schema block (resource, data source, provider config) implies. */
function blockType(block = {}) {
  const attrs = mapValues(block.attributes, attributeType);
  for (const [name, bt] of Object.entries(block.block_types || {})) {
    const inner = blockType(bt.block);
    const mode = bt.nesting_mode;
    attrs[name] = mode === 'single' || mode === 'group' ? inner : [mode, inner];
  }
  return ['object', attrs];
}

/** JSON-encoded value (states, DynamicValue.json) -> the msgpack-shaped value, directed by type. */
function fromJSON(type, j) {
  if (j === null || j === undefined) return null;
  if (type === 'dynamic') return [Buffer.from(JSON.stringify(j.type)), fromJSON(j.type, j.value)];
  if (typeof type === 'string') return j;
  const [kind, arg] = type;
  switch (kind) {
    case 'list':
    case 'set': return j.map((e) => fromJSON(arg, e));
    case 'map': return mapValues(j, (e) => fromJSON(arg, e));
    case 'tuple': return arg.map((t, i) => fromJSON(t, j[i]));
    case 'object': return mapValues(arg, (t, n) => fromJSON(t, j[n]));
    default: throw new Error(`unsupported type ${JSON.stringify(type)}`);
  }
}

function decodeDynamic(dv, type) {
  if (dv && dv.msgpack && dv.msgpack.length) return decode(dv.msgpack);
  if (dv && dv.json && dv.json.length) return fromJSON(type, JSON.parse(Buffer.from(dv.json).toString('utf8')));
  return null;
}

const encodeDynamic = (v) => ({ msgpack: Buffer.from(encode(v)) });

/** The same value with unknowns replaced by a marker: for hashing, logging and comparing. */
function plain(v) {
  if (isUnknown(v)) return { '(unknown)': true };
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return mapValues(v, plain);
  return v;
}

/** Canonical JSON (sorted keys) for equality and hashing. */
function canonical(v) {
  const p = plain(v);
  const walk = (x) => {
    if (Array.isArray(x)) return `[${x.map(walk).join(',')}]`;
    if (x && typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${walk(x[k])}`).join(',')}}`;
    return JSON.stringify(x === undefined ? null : x);
  };
  return walk(p);
}

function containsUnknown(v) {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) return Object.values(v).some(containsUnknown);
  return false;
}

/** An object of the block's type with every attribute null and every block collection empty. */
function emptyObject(block = {}) {
  const out = mapValues(block.attributes, () => null);
  for (const [name, bt] of Object.entries(block.block_types || {})) {
    const mode = bt.nesting_mode;
    out[name] = mode === 'list' || mode === 'set' ? [] : mode === 'map' ? {} : mode === 'group' ? emptyObject(bt.block) : null;
  }
  return out;
}

/** Value at an attribute path (array of names / indexes); undefined if absent. */
function getPath(v, path) {
  let cur = v;
  for (const step of path) {
    if (cur === null || cur === undefined || isUnknown(cur)) return cur;
    cur = cur[step];
  }
  return cur;
}

module.exports = {
  UNKNOWN, isUnknown, refinements, attributeType, blockType, fromJSON, decodeDynamic, encodeDynamic,
  plain, canonical, containsUnknown, emptyObject, getPath, mapValues,
};
