import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate, renderTemplate } from '../../constructs/core/templates';

describe('templates', () => {
  test('loadTemplate reads from templates/ and refuses paths outside it', () => {
    const dir = path.resolve(__dirname, '..', '..', 'templates');
    const files = fs.readdirSync(dir, { recursive: true } as any).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(loadTemplate(f)).toBe(fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(() => loadTemplate('../package.json')).toThrow('template path escapes templates/: ../package.json');
  });

  test('renderTemplate fills placeholders and fails on missing or unused values', () => {
    expect(renderTemplate('a {{x}} b {{ y }}', { x: '1', y: '2' })).toBe('a 1 b 2');
    expect(() => renderTemplate('{{x}} {{z}}', { x: '1' }, 't')).toThrow('t: no value for {{z}}');
    expect(() => renderTemplate('{{x}}', { x: '1', w: '2' }, 't')).toThrow('t: no placeholder for w');
  });
});
