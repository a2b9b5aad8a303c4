#!/usr/bin/env node
// Generates docs/reference.md, the construct reference, from the package's public API (constructs/index.ts):
// every export, grouped by the module that declares it, with each member's doc comment summary, type and
// `@default`. The text comes from the TypeScript compiler API reading the doc comments, so the reference cannot
// drift from the source (__tests__/docs-reference.test.ts compares the committed file with a fresh run).
//
//   node scripts/gen-reference.js           writes docs/reference.md (`npm run docs`)
//   node scripts/gen-reference.js --check   exits 1 when docs/reference.md is stale or a prop lacks its docs
//
// Doc comment conventions (jsii's): `@default value` renders as code, `@default - text` as a description in
// italics (a computed default). A member or export tagged `@internal` is left out.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const INDEX = 'constructs/index.ts';
const OUTPUT = 'docs/reference.md';
const FIX_COMMAND = 'npm run docs';

const posix = (p) => p.split(path.sep).join('/');
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
// Table cells: a `|` would end the cell, even inside backticks (GitHub's table parser runs first).
const cell = (s) => oneLine(s).replace(/\|/g, '\\|');
// The summary is the first paragraph of the doc comment; the rest stays in the source.
const summaryOf = (text) => oneLine(text.split(/\n\s*\n/)[0] || '');

function createProgram(indexFile) {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options = { ...parsed.options, noEmit: true, incremental: false, composite: false, tsBuildInfoFile: undefined };
  return ts.createProgram([path.join(ROOT, indexFile)], options);
}

// Doc text with each `{@link X}` / `{@link X | text}` as code (the reference has no anchor per member).
function partsToText(parts) {
  let out = '';
  let link;
  for (const p of parts || []) {
    if (p.kind === 'link' && p.text.startsWith('{@link')) { link = { name: '', text: '' }; continue; }
    if (link && p.kind === 'link' && p.text === '}') { out += '`' + (link.text.trim() || link.name.trim()) + '`'; link = undefined; continue; }
    if (link) { if (p.kind === 'linkText') link.text += p.text; else link.name += p.text; continue; }
    out += p.text;
  }
  return out;
}

function docOf(checker, symbol) {
  return partsToText(symbol.getDocumentationComment(checker));
}

function tagsOf(checker, symbol) {
  return symbol.getJsDocTags(checker).map((t) => ({ name: t.name, text: partsToText(t.text) }));
}

function isInternal(checker, symbol) {
  return tagsOf(checker, symbol).some((t) => t.name === 'internal');
}

function defaultOf(checker, symbol) {
  const tag = tagsOf(checker, symbol).find((t) => t.name === 'default');
  if (!tag) return undefined;
  const text = oneLine(tag.text);
  if (text.startsWith('- ')) return `*${text.slice(2)}*`;
  if (text === '-') return '*none*';
  return '`' + text + '`';
}

function typeText(node) {
  return node ? oneLine(node.getText()) : '';
}

function sourceLink(decl) {
  return posix(path.relative(ROOT, decl.getSourceFile().fileName));
}

// `export *` and named re-exports resolve to the declaring symbol.
function resolve(checker, symbol) {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function isPublicMember(decl) {
  const mods = ts.getCombinedModifierFlags(decl);
  if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
  const name = decl.name;
  if (!name) return false;
  if (ts.isPrivateIdentifier(name)) return false;
  return !name.getText().startsWith('_');
}

function memberName(decl) {
  return decl.name.getText();
}

function describeInterface(checker, symbol, decl, problems) {
  const lines = [];
  const heritage = (decl.heritageClauses || []).flatMap((h) => h.types.map((t) => oneLine(t.getText())));
  if (heritage.length) lines.push(`Extends ${heritage.map((h) => '`' + h + '`').join(', ')}.`, '');
  const rows = [];
  for (const m of decl.members) {
    if (!m.name || !isPublicMember(m)) continue;
    const ms = checker.getSymbolAtLocation(m.name);
    if (!ms || isInternal(checker, ms)) continue;
    const name = memberName(m);
    const optional = !!m.questionToken;
    const doc = summaryOf(docOf(checker, ms));
    const def = defaultOf(checker, ms);
    const where = `${symbol.name}.${name} (${sourceLink(decl)})`;
    if (!doc) problems.push(`${where}: no doc comment`);
    if (ts.isPropertySignature(m)) {
      if (optional && def === undefined) problems.push(`${where}: optional prop without @default`);
      rows.push(`| \`${name}\` | \`${cell(typeText(m.type))}\` | ${optional ? (def === undefined ? '' : cell(def)) : '**required**'} | ${cell(doc)} |`);
    } else if (ts.isMethodSignature(m)) {
      const sig = `(${m.parameters.map((p) => oneLine(p.getText())).join(', ')})${m.type ? ': ' + typeText(m.type) : ''}`;
      rows.push(`| \`${name}${cell(sig)}\` | method | | ${cell(doc)} |`);
    }
  }
  if (rows.length) lines.push('| member | type | default | description |', '|---|---|---|---|', ...rows);
  return lines;
}

function describeClass(checker, symbol, decl, typeOnly) {
  const lines = [];
  const heritage = (decl.heritageClauses || []).flatMap((h) => h.types.map((t) => oneLine(t.getText())));
  if (heritage.length) lines.push(`Extends/implements ${heritage.map((h) => '`' + h + '`').join(', ')}.`, '');
  const ctor = decl.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
  const ctorFlags = ctor ? ts.getCombinedModifierFlags(ctor) : 0;
  const constructible = !typeOnly && !(ctorFlags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
  if (ctor && constructible) {
    const params = ctor.parameters.map((p) => oneLine(p.getText()).replace(/^((public|private|protected|readonly)\s+)+/, ''));
    lines.push(`\`new ${symbol.name}(${cell(params.join(', '))})\``, '');
  } else if (typeOnly) {
    lines.push('Exported as a type: the library creates it.', '');
  }
  const rows = [];
  // Constructor parameter properties (`public readonly kind: ...`) are attributes too.
  for (const p of ctor ? ctor.parameters : []) {
    const flags = ts.getCombinedModifierFlags(p);
    if (!(flags & (ts.ModifierFlags.Public | ts.ModifierFlags.Readonly)) || flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
    const ps = checker.getSymbolAtLocation(p.name);
    rows.push(`| \`${p.name.getText()}${p.questionToken ? '?' : ''}\` | \`${cell(typeText(p.type))}\` | ${cell(summaryOf(ps ? docOf(checker, ps) : ''))} |`);
  }
  for (const m of decl.members) {
    if (ts.isConstructorDeclaration(m) || ts.isIndexSignatureDeclaration(m) || ts.isClassStaticBlockDeclaration(m)) continue;
    if (ts.isSemicolonClassElement(m) || !isPublicMember(m)) continue;
    const ms = checker.getSymbolAtLocation(m.name);
    if (!ms || isInternal(checker, ms)) continue;
    const isStatic = !!(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static);
    const name = (isStatic ? `${symbol.name}.` : '') + memberName(m);
    const doc = cell(summaryOf(docOf(checker, ms)));
    if (ts.isMethodDeclaration(m)) {
      const sig = `(${m.parameters.map((p) => oneLine(p.getText())).join(', ')})${m.type ? ': ' + typeText(m.type) : ''}`;
      rows.push(`| \`${name}${cell(sig)}\` | ${isStatic ? 'static method' : 'method'} | ${doc} |`);
    } else if (ts.isPropertyDeclaration(m)) {
      const type = m.type ? typeText(m.type) : checker.typeToString(checker.getTypeAtLocation(m));
      const opt = m.questionToken ? '?' : '';
      rows.push(`| \`${name}${opt}\` | \`${cell(type)}\` | ${doc} |`);
    } else if (ts.isGetAccessorDeclaration(m)) {
      const type = m.type ? typeText(m.type) : checker.typeToString(checker.getTypeAtLocation(m));
      rows.push(`| \`${name}\` | \`${cell(type)}\` | ${doc} |`);
    }
  }
  // One row per name: an overloaded method keeps its first signature.
  const seen = new Set();
  const unique = rows.filter((r) => { const k = r.split('` |')[0].replace(/\(.*$/, ''); if (seen.has(k)) return false; seen.add(k); return true; });
  if (unique.length) lines.push('| member | type | description |', '|---|---|---|', ...unique);
  return lines;
}

function describeFunction(checker, symbol, decl) {
  const sig = `${symbol.name}(${decl.parameters.map((p) => oneLine(p.getText())).join(', ')})${decl.type ? ': ' + typeText(decl.type) : ''}`;
  return ['```ts', `function ${sig}`, '```'];
}

function describeVariable(checker, symbol, decl) {
  const type = decl.type ? typeText(decl.type) : checker.typeToString(checker.getTypeAtLocation(decl.name));
  const init = decl.initializer ? oneLine(decl.initializer.getText()) : '';
  // Short literal values are part of the contract a `@default` names; longer ones stay in the source.
  const literal = init && init.length <= 100 && /^(['"`].*['"`]|-?[\d_.]+|true|false|\[[^()]*\]|\{[^()]*\})( as const)?$/.test(init);
  return [literal ? `\`${symbol.name} = ${cell(init.replace(/ as const$/, ''))}\`` : `\`${symbol.name}: ${cell(type)}\``];
}

function describeTypeAlias(checker, symbol, decl) {
  const text = oneLine(decl.type.getText().replace(/\/\*\*[\s\S]*?\*\//g, ''));
  return ['```ts', `type ${symbol.name} = ${text.length > 300 ? text.slice(0, 300) + ' …' : text}`, '```'];
}

// `export type { X }`: the name is usable as a type only (e.g. a class only the library instantiates).
function isTypeOnlyExport(exp) {
  return (exp.declarations || []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
}

function kindOf(decl) {
  if (ts.isClassDeclaration(decl)) return 'class';
  if (ts.isInterfaceDeclaration(decl)) return 'interface';
  if (ts.isFunctionDeclaration(decl)) return 'function';
  if (ts.isVariableDeclaration(decl)) return 'const';
  if (ts.isTypeAliasDeclaration(decl)) return 'type';
  if (ts.isEnumDeclaration(decl)) return 'enum';
  return undefined;
}

/** Reads the public API and returns the reference text and the doc problems found (props without docs). */
function generate(indexFile = INDEX) {
  const program = createProgram(indexFile);
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(ROOT, indexFile));
  const moduleSymbol = checker.getSymbolAtLocation(index);
  const entries = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = resolve(checker, exp);
    // A name exported as a value and a type (a class, or a const plus a type alias) lists each declaration.
    for (const decl of symbol.declarations || []) {
      const kind = kindOf(decl);
      if (!kind || isInternal(checker, symbol)) continue;
      if (kind === 'function' && !decl.body && symbol.declarations.some((d) => d !== decl && ts.isFunctionDeclaration(d) && d.body)) continue;
      entries.push({ name: exp.name, symbol, decl, kind, file: sourceLink(decl), pos: decl.getStart(), typeOnly: isTypeOnlyExport(exp) });
    }
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.pos - b.pos));

  const problems = [];
  const out = [
    '# Construct reference',
    '',
    '<!-- Generated by scripts/gen-reference.js from the doc comments in constructs/: do not edit; run `npm run docs`. -->',
    '',
    `Everything the package root exports ([\`${indexFile}\`](../${indexFile})), grouped by the module that declares it.`,
    'Summaries are the first paragraph of each doc comment; the source has the rest. **required** marks a prop',
    'without default; a default in *italics* is computed, as its text describes.',
    '',
  ];
  const files = [...new Set(entries.map((e) => e.file))];
  out.push('## Modules', '', ...files.map((f) => `- [\`${f}\`](#${anchor(f)}): ${entries.filter((e) => e.file === f).map((e) => e.name).join(', ')}`), '');
  for (const file of files) {
    out.push(`## ${file}`, '', `[source](../${file})`, '');
    for (const e of entries.filter((x) => x.file === file)) {
      const doc = docOf(checker, e.symbol).trim();
      out.push(`### ${e.name}`, '', `*${e.kind}*${doc ? ' — ' + summaryOf(doc) : ''}`, '');
      let body = [];
      if (e.kind === 'interface') body = describeInterface(checker, e.symbol, e.decl, problems);
      else if (e.kind === 'class') body = describeClass(checker, e.symbol, e.decl, e.typeOnly);
      else if (e.kind === 'function') body = describeFunction(checker, e.symbol, e.decl);
      else if (e.kind === 'const') body = describeVariable(checker, e.symbol, e.decl);
      else if (e.kind === 'type') body = describeTypeAlias(checker, e.symbol, e.decl);
      if (body.length) out.push(...body, '');
    }
  }
  return { markdown: out.join('\n').replace(/\n+$/, '\n'), problems: [...new Set(problems)].sort() };
}

// GitHub's heading anchors: lower case, punctuation other than `-` and `_` dropped, spaces to `-`.
function anchor(heading) {
  return heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

module.exports = { generate, OUTPUT, FIX_COMMAND, ROOT };

if (require.main === module) {
  const { markdown, problems } = generate();
  const target = path.join(ROOT, OUTPUT);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    let ok = true;
    if (current !== markdown) { console.error(`${OUTPUT} is out of date: run \`${FIX_COMMAND}\``); ok = false; }
    for (const p of problems) { console.error(p); ok = false; }
    process.exit(ok ? 0 : 1);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, markdown);
  console.log(`wrote ${OUTPUT} (${markdown.split('\n').length} lines)`);
  for (const p of problems) console.warn(`warning: ${p}`);
}
