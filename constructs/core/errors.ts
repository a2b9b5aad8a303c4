import { IConstruct } from 'constructs';

/**
 * A configuration mistake found at synth time.
 *
 * Carries the construct path so that the user can find the offending construct in a large app, and one
 * line per problem of the form `'<prop>' must <rule>, got <value>. <fix>`. Constructs collect every
 * problem of their props with {@link Problems} and throw once, so a user fixes everything in one pass.
 */
export class ValidationError extends Error {
  public readonly constructPath: string;
  public readonly problems: readonly string[];

  constructor(scope: IConstruct | string, problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const path = typeof scope === 'string' ? scope : scope.node.path || '<root>';
    const body = list.length === 1 ? list[0] : list.map((p) => `\n  - ${p}`).join('');
    super(`${path}: ${body}`);
    this.name = 'ValidationError';
    this.constructPath = path;
    this.problems = list;
    // Keep the message the user's only concern: the stack points into this library, not their code.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Renders a value for an error message: strings quoted, objects as compact JSON, long values cut. */
export function show(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value === undefined) s = 'undefined';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) s = String(value);
  else {
    try {
      s = JSON.stringify(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * Collects the problems of a set of props; `throwIfAny` raises one {@link ValidationError} for all of them.
 *
 * @example
 *   const p = new Problems(this);
 *   p.check(cores >= 1, 'cores', 'be at least 1', cores, 'Set cores to 1 or more.');
 *   p.throwIfAny();
 */
export class Problems {
  private readonly list: string[] = [];

  constructor(private readonly scope: IConstruct | string) {}

  /** Records `'<prop>' must <rule>, got <value>. <fix>` unless `ok`. Returns `ok`. */
  public check(ok: boolean, prop: string, rule: string, value: unknown, fix: string): boolean {
    if (!ok) this.add(prop, rule, value, fix);
    return ok;
  }

  /** Records a problem unconditionally, in the standard shape. */
  public add(prop: string, rule: string, value: unknown, fix: string): void {
    this.list.push(`'${prop}' must ${rule}, got ${show(value)}. ${fix}`);
  }

  /** Records a free-form problem (for rules that span several props). */
  public addRaw(message: string): void {
    this.list.push(message);
  }

  public get count(): number {
    return this.list.length;
  }

  public throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.scope, this.list);
  }
}

/** Throws a single-problem {@link ValidationError} in the standard shape. */
export function fail(scope: IConstruct | string, prop: string, rule: string, value: unknown, fix: string): never {
  const p = new Problems(scope);
  p.add(prop, rule, value, fix);
  p.throwIfAny();
  throw new Error('unreachable');
}
