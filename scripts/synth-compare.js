// Compares two synthesis output trees (cdktf.out layouts): the cdktf and the cdktn flavour of the same app.
//
// cdk.tf.json must be byte-identical except for two things cdktn does differently on purpose, which are
// normalised away here and documented in the README ("CDK Terrain"):
//   1. "//".metadata.version names the synthesizing library's version (cdktf 0.21.0 vs cdktn 0.24.0);
//   2. empty objects/arrays: cdktf's JSON writer prints them over two lines (`{` newline `}`), cdktn's prints `{}`.
// Terraform reads both the same: the parsed JSON is equal.
// manifest.json is compared as parsed JSON without its "version" (the library version again) and without the
// annotations' stack traces (they hold absolute file paths of whichever library and build produced them).
'use strict';
const fs = require('fs');
const path = require('path');

/** cdk.tf.json text with the two known cdktf/cdktn differences normalised. */
function normalizeStackText(text) {
  return text
    .replace(/^(\s*"version": )"[^"]*"(,?)$/m, (all, lead, comma) => `${lead}"<cdk version>"${comma}`) // first one: "//".metadata
    .replace(/\{\s+\}/g, '{}')
    .replace(/\[\s+\]/g, '[]');
}

function withoutStackTraces(manifest) {
  const { version: _version, ...rest } = manifest;
  return JSON.parse(JSON.stringify(rest, (key, value) => (key === 'stacktrace' ? undefined : value)));
}

function listTree(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listTree(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]))
    .sort();
}

/**
 * Differences between two synthesis trees, as human-readable lines (empty when they agree up to the documented
 * differences). `raw` also lists files that are not byte-identical before normalisation, for reporting.
 */
function compareSynthTrees(a, b) {
  const problems = [];
  const filesA = listTree(a);
  const filesB = listTree(b);
  for (const f of filesA.filter((x) => !filesB.includes(x))) problems.push(`${f}: only in ${a}`);
  for (const f of filesB.filter((x) => !filesA.includes(x))) problems.push(`${f}: only in ${b}`);
  for (const f of filesA.filter((x) => filesB.includes(x))) {
    const ta = fs.readFileSync(path.join(a, f), 'utf8');
    const tb = fs.readFileSync(path.join(b, f), 'utf8');
    if (path.posix.basename(f) === 'manifest.json') {
      if (JSON.stringify(withoutStackTraces(JSON.parse(ta))) !== JSON.stringify(withoutStackTraces(JSON.parse(tb)))) {
        problems.push(`${f}: manifests differ (other than stack traces)`);
      }
    } else if (f.endsWith('.tf.json')) {
      const na = normalizeStackText(ta);
      const nb = normalizeStackText(tb);
      if (na !== nb) {
        const la = na.split('\n');
        const lb = nb.split('\n');
        const i = la.findIndex((l, k) => l !== lb[k]);
        problems.push(`${f}: differs at line ${i + 1}: ${JSON.stringify(la[i])} vs ${JSON.stringify(lb[i])}`);
      }
    } else if (ta !== tb) {
      problems.push(`${f}: differs`);
    }
  }
  return problems;
}

module.exports = { normalizeStackText, compareSynthTrees, listTree };
