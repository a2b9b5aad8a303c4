// docs/reference.md is generated from the doc comments of the package's public API (scripts/gen-reference.js):
// it must be the generator's current output, and every prop of an exported interface must say what it is and,
// when optional, what happens without it (`@default`).
import * as fs from 'fs';
import * as path from 'path';
import { scaledTimeout } from './helpers/timeouts';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const gen = require('../scripts/gen-reference.js') as {
  generate(index?: string): { markdown: string; problems: string[] };
  OUTPUT: string;
  FIX_COMMAND: string;
  ROOT: string;
};

describe('the committed reference', () => {
  let result: { markdown: string; problems: string[] };
  beforeAll(() => { result = gen.generate(); }, scaledTimeout(120000));

  test(`${gen.OUTPUT} is what \`${gen.FIX_COMMAND}\` generates`, () => {
    const file = path.join(gen.ROOT, gen.OUTPUT);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed === result.markdown) return;
    const a = committed.split('\n');
    const b = result.markdown.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    throw new Error(`${gen.OUTPUT} is out of date (first difference at line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}).\n`
      + `Run \`${gen.FIX_COMMAND}\` and commit ${gen.OUTPUT}.`);
  });

  test('every public prop has a doc comment, and every optional prop a @default', () => {
    if (result.problems.length === 0) return;
    throw new Error(`${result.problems.length} public props lack docs:\n  ${result.problems.join('\n  ')}\n`
      + `Add the doc comment (its first sentence says what the prop is) or \`@default\` (a value, or \`@default - what happens without it\`) in the source, then run \`${gen.FIX_COMMAND}\`.`);
  });
});

describe('the generator', () => {
  let result: { markdown: string; problems: string[] };
  beforeAll(() => { result = gen.generate('__tests__/fixtures/docs-reference/index.ts'); }, scaledTimeout(120000));

  test('names each prop without a doc comment, and each optional prop without @default', () => {
    expect(result.problems).toEqual([
      'WidgetProps.colour (__tests__/fixtures/docs-reference/widget.ts): optional prop without @default',
      'WidgetProps.label (__tests__/fixtures/docs-reference/widget.ts): no doc comment',
    ]);
  });

  test('renders props with type, default and summary; leaves out private and @internal members', () => {
    const md = result.markdown;
    expect(md).toContain('| `name` | `string` | **required** | Name of the widget. |');
    expect(md).toContain('| `size` | `number` | *as large as the name* | Size in GiB. |');
    expect(md).toContain('| `level` | `number` | `1` | Kept. |');
    expect(md).not.toContain('hidden');
    expect(md).not.toContain('secret');
    expect(md).toContain('*class* — A widget. More text that stays in the source.');
    expect(md).toContain('| `double(): number` | method | Twice the size, at most `the limit`. |');
    expect(md).toContain('| `name` | `string` |  |');
    expect(md).toContain('`WIDGET_LIMIT = 3`');
    expect(md).toContain('*interface* — Props of `Widget`.');
  });

  test('is deterministic', () => {
    expect(gen.generate('__tests__/fixtures/docs-reference/index.ts').markdown).toBe(result.markdown);
  }, scaledTimeout(120000));
});
