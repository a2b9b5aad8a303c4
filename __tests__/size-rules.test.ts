// Size rules of the library's sources: a construct file holds at most 300 lines and a constructor at most 60
// (resolve defaults, validate, build: each in a named helper), so that each file reads as one concern.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const MAX_FILE_LINES = 300;
const MAX_CONSTRUCTOR_LINES = 60;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  }).sort();
}

/** Lines of `text` (a final newline ends the last line, it does not start another). */
const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

interface Oversize { readonly where: string; readonly lines: number }

/** Every constructor of `file` longer than the limit, as `file:line Class.constructor`. */
function longConstructors(rel: string, text: string): Oversize[] {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
  const found: Oversize[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isConstructorDeclaration(node) && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const cls = ts.isClassLike(node.parent) && node.parent.name ? node.parent.name.text : '(anonymous class)';
      if (lines > MAX_CONSTRUCTOR_LINES) found.push({ where: `${rel}:${first + 1} ${cls}.constructor`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const files = sources('constructs');

test('the rules look at every construct file', () => {
  expect(files.length).toBeGreaterThan(40);
  expect(files).toContain('constructs/index.ts');
  expect(files).toContain('constructs/talos/talos-cluster.ts');
});

test(`no construct file is longer than ${MAX_FILE_LINES} lines`, () => {
  const long = files.map((f) => ({ where: f, lines: lineCount(fs.readFileSync(path.join(ROOT, f), 'utf8')) }))
    .filter((f) => f.lines > MAX_FILE_LINES);
  expect(long).toEqual([]);
});

test(`no constructor is longer than ${MAX_CONSTRUCTOR_LINES} lines`, () => {
  const long = files.flatMap((f) => longConstructors(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
  expect(long).toEqual([]);
});

test('the counts are right on a sample', () => {
  expect(lineCount('a\nb\n')).toBe(2);
  expect(lineCount('a\nb')).toBe(2);
  const body = Array.from({ length: MAX_CONSTRUCTOR_LINES - 2 }, (_, i) => `    this.x${i} = ${i};`).join('\n');
  const ok = `class A {\n  constructor() {\n${body}\n  }\n}\n`;
  expect(longConstructors('ok.ts', ok)).toEqual([]);
  const over = `class B {\n  constructor() {\n${body}\n    this.y = 1;\n  }\n}\n`;
  expect(longConstructors('over.ts', over)).toEqual([{ where: 'over.ts:2 B.constructor', lines: MAX_CONSTRUCTOR_LINES + 1 }]);
});
