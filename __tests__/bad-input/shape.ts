// The shape every bad-input message must have, so that a user can act on it without reading the library:
// `<construct path>: '<prop>' must <rule>, got <value>. <Fix sentence>.` (several problems: one per `\n  - ` line).
import { App, Testing, TerraformStack } from 'cdktf';
import { ValidationError } from '../../constructs/core/errors';

/** One bad-input row: what is wrong, the props to override, and what the message must name. */
export type Row<P> = [description: string, override: P, prop: string, value: string];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `'<prop>' must <rule>, got <value>. <Fix>.`: the rule, the value shown and a fix sentence after it. */
export const PROBLEM = /^'([^']+)' must (.+?), got (.+?)\. ([A-Z].*[.!])$/s;

/**
 * Asserts `problem` has the standard shape, names `prop` and shows `value` (as rendered: strings quoted) and
 * ends with a fix sentence: capitalised, ending with a full stop, at least three words.
 */
export function expectProblemShape(problem: string, prop: string, value: string): void {
  expect(problem).toMatch(new RegExp(`^'${escape(prop)}' must .+?, got ${escape(value)}\\. [A-Z][^]*\\.$`));
  const fix = problem.slice(problem.indexOf(`, got ${value}. `) + `, got ${value}. `.length);
  expect(fix.split(/\s+/).length).toBeGreaterThanOrEqual(3);
}

/** Runs `build`; synthesizes the stack when it did not throw (deferred checks). Returns what was thrown. */
function thrown(build: (stack: TerraformStack, app: App) => void): unknown {
  try {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    build(stack, app);
    Testing.synth(stack);
  } catch (e) {
    return e;
  }
  return undefined;
}

/**
 * Asserts that `build` fails with a ValidationError on `path` whose problem for `prop` shows `value` and a fix,
 * every problem of it in the standard shape, and no stack frame in its stack or message.
 */
export function expectBadInput(build: (stack: TerraformStack, app: App) => void, path: string, prop: string, value: string): void {
  const e = thrown(build);
  expect(e).toBeInstanceOf(ValidationError);
  const err = e as ValidationError;
  expect(err.message).toMatch(new RegExp(`^${escape(path)}: `));
  expect(err.constructPath).toBe(path);
  expect(err.problems).toContainEqual(expect.stringMatching(new RegExp(`^'${escape(prop)}' must .*, got ${escape(value)}\\. `)));
  expectProblemShape(err.problems.find((p) => p.startsWith(`'${prop}' must `) && p.includes(`, got ${value}. `))!, prop, value);
  for (const p of err.problems) expect(p).toMatch(PROBLEM);
  expect(err.stack).not.toMatch(/\n\s+at /);
  expect(err.message).not.toMatch(/\n\s+at /);
}
