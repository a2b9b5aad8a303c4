import * as fs from 'fs';
import * as path from 'path';

/**
 * The one loader for files in `templates/` (Butane, cloud-init, Talos patches).
 *
 * Resolves the folder from this module's location so it works from the TypeScript sources
 * (`constructs/core`) and from the compiled package (`dist/constructs/core`), and when the library is
 * installed into another app (`node_modules/<pkg>/dist/constructs/core`).
 */
function templatesDir(): string {
  const candidates = [path.resolve(__dirname, '..', '..', 'templates'), path.resolve(__dirname, '..', '..', '..', 'templates')];
  const found = candidates.find((d) => fs.existsSync(d));
  if (!found) throw new Error(`templates/ folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

const cache = new Map<string, string>();

/** The text of `templates/<relPath>`. Cached: synthesis of large apps reads each template once. */
export function loadTemplate(relPath: string): string {
  let text = cache.get(relPath);
  if (text === undefined) {
    const dir = templatesDir();
    const file = path.resolve(dir, relPath);
    if (!file.startsWith(dir + path.sep)) throw new Error(`template path escapes templates/: ${relPath}`);
    text = fs.readFileSync(file, 'utf8');
    cache.set(relPath, text);
  }
  return text;
}

/**
 * Replaces `{{name}}` placeholders with `vars[name]`. Every placeholder must have a value and every value a
 * placeholder, so a renamed variable fails loudly instead of rendering a silently wrong file.
 */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>, name = 'template'): string {
  const used = new Set<string>();
  const missing = new Set<string>();
  const out = text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, key: string) => {
    used.add(key);
    if (!(key in vars)) {
      missing.add(key);
      return '';
    }
    return vars[key];
  });
  const unused = Object.keys(vars).filter((k) => !used.has(k));
  if (missing.size || unused.length) {
    throw new Error(`${name}: ${missing.size ? `no value for {{${[...missing].join('}}, {{')}}}` : ''}` +
      `${missing.size && unused.length ? '; ' : ''}${unused.length ? `no placeholder for ${unused.join(', ')}` : ''}`);
  }
  return out;
}

/** `loadTemplate` then `renderTemplate`. */
export function renderTemplateFile(relPath: string, vars: Readonly<Record<string, string>>): string {
  return renderTemplate(loadTemplate(relPath), vars, `templates/${relPath}`);
}
