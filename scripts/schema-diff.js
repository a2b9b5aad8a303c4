#!/usr/bin/env node
// Lists what changed between two schema snapshots (`terraform providers schema -json` format) for the
// resource / data source types given, so a provider bump shows its breaking changes before any stack fails:
// removed attributes/blocks, new required ones, type changes, block <-> attribute moves, new deprecations.
//
//   node scripts/schema-diff.js OLD.json NEW.json [old_type[=new_type]]...
//   (no types: every type present in both; "provider" compares the provider configuration)
'use strict';
const fs = require('fs');

const first = (f) => Object.values(JSON.parse(fs.readFileSync(f, 'utf8')).provider_schemas)[0];

/** Flattens a block into path -> description of what the path is. */
function flatten(block, prefix, out) {
  for (const [n, a] of Object.entries(block.attributes || {})) {
    const p = prefix + n;
    const flags = ['required', 'optional', 'computed', 'sensitive', 'deprecated', 'write_only'].filter((k) => a[k]).join(',');
    if (a.nested_type) {
      out[p] = `attribute nested ${a.nested_type.nesting_mode} [${flags}]`;
      flatten({ attributes: a.nested_type.attributes }, `${p}.`, out);
    } else {
      out[p] = `attribute ${JSON.stringify(a.type)} [${flags}]`;
    }
  }
  for (const [n, bt] of Object.entries(block.block_types || {})) {
    const p = prefix + n;
    out[p] = `block ${bt.nesting_mode} min=${bt.min_items || 0} max=${bt.max_items || 0}${bt.block.deprecated ? ' [deprecated]' : ''}`;
    flatten(bt.block, `${p}.`, out);
  }
  return out;
}

function diff(oldBlock, newBlock) {
  const a = flatten(oldBlock, '', {});
  const b = flatten(newBlock, '', {});
  const lines = [];
  for (const p of Object.keys(a)) {
    if (!(p in b)) lines.push(`  - ${p}: ${a[p]} (removed)`);
    else if (a[p] !== b[p]) lines.push(`  ~ ${p}: ${a[p]}  ->  ${b[p]}`);
  }
  for (const p of Object.keys(b)) {
    if (!(p in a)) lines.push(`  + ${p}: ${b[p]}${/required/.test(b[p]) ? '   <-- NEW REQUIRED' : ''}`);
  }
  if (!oldBlock.deprecated && newBlock.deprecated) lines.push('  ! the type itself is now deprecated');
  return lines;
}

function main(argv) {
  const [oldFile, newFile, ...types] = argv;
  if (!oldFile || !newFile) throw new Error('usage: schema-diff.js OLD.json NEW.json [old_type[=new_type]]...');
  const O = first(oldFile);
  const N = first(newFile);
  const pick = (s, t) => (t === 'provider' ? s.provider : (s.resource_schemas || {})[t] || (s.data_source_schemas || {})[t.replace(/^data\./, '')]);
  const list = types.length ? types : Object.keys(O.resource_schemas || {}).filter((t) => (N.resource_schemas || {})[t]);
  let changes = 0;
  for (const spec of list) {
    const [from, to = from] = spec.split('=');
    const o = pick(O, from);
    const n = pick(N, to);
    if (!o || !n) { console.log(`${spec}: ${!o ? 'absent in old' : 'absent in new'}`); changes++; continue; }
    const lines = diff(o.block || {}, n.block || {});
    if ((o.version || 0) !== (n.version || 0)) lines.unshift(`  schema version ${o.version || 0} -> ${n.version || 0}`);
    console.log(`${spec}: ${lines.length ? `${lines.length} change(s)` : 'unchanged'}`);
    for (const l of lines) console.log(l);
    changes += lines.length;
  }
  return changes;
}

if (require.main === module) {
  try { main(process.argv.slice(2)); } catch (e) { process.stderr.write(`${e.message}\n`); process.exit(2); }
}
module.exports = { flatten, diff };
