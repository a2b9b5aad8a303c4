// What `npm run synth` prints after writing the stacks: one line per stack and each distinct warning once.
// cdktf keeps annotations in manifest.json only; without this a placeholder checksum goes unseen until deploy.
import * as fs from 'fs';
import * as path from 'path';

/** An annotation as cdktf writes it to manifest.json. */
export interface ManifestAnnotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

/** One cause of warnings: the message without its construct path, and every construct it was raised on. */
export interface WarningGroup {
  readonly message: string;
  readonly paths: readonly string[];
}

/**
 * Pure: the warnings grouped by cause. Constructs often start their message with their own path (so it stands
 * alone in a log); that prefix is dropped so the path is printed once, and equal messages from several
 * constructs (one per node, say) become one group. Order: first appearance.
 */
export function groupWarnings(annotations: readonly ManifestAnnotation[]): WarningGroup[] {
  const groups = new Map<string, string[]>();
  for (const a of annotations) {
    if (a.level !== '@cdktf/warn') continue;
    const m = /^([^\s:]+\/[^\s:]+): /.exec(a.message);
    const message = m && (m[1] === a.constructPath || a.constructPath.startsWith(`${m[1]}/`) || m[1].startsWith(`${a.constructPath}/`))
      ? a.message.slice(m[0].length) : a.message;
    const paths = groups.get(message) ?? [];
    if (!paths.includes(a.constructPath)) paths.push(a.constructPath);
    groups.set(message, paths);
  }
  return [...groups].map(([message, paths]) => ({ message, paths }));
}

/** Pure: the printed line of a warning group. */
export function formatWarning(g: WarningGroup): string {
  const where = g.paths.length > 1 ? `${g.paths[0]} and ${g.paths.length - 1} more` : g.paths[0];
  return `warning: ${where}: ${g.message}`;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const count = (o: unknown) => Object.values((o ?? {}) as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);

/**
 * The report of a synthesized app in `outdir` (cdktf's manifest.json and the stacks it lists): a line per stack
 * (`<stack>: N resources, N data sources, N outputs -> <file>`, the file relative to `cwd`), then each warning group.
 */
export function synthReport(outdir: string, cwd = process.cwd()): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { name: string; synthesizedStackPath: string; annotations?: ManifestAnnotation[] }>;
  };
  const lines: string[] = [];
  const annotations: ManifestAnnotation[] = [];
  for (const s of Object.values(manifest.stacks)) {
    const file = path.join(outdir, s.synthesizedStackPath);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: object; data?: object; output?: object };
    const outputs = Object.keys(json.output ?? {}).length;
    lines.push(`${s.name}: ${plural(count(json.resource), 'resource')}, ${plural(count(json.data), 'data source')}, ` +
      `${plural(outputs, 'output')} -> ${path.relative(cwd, file)}`);
    annotations.push(...(s.annotations ?? []));
  }
  return [...lines, ...groupWarnings(annotations).map(formatWarning)];
}
