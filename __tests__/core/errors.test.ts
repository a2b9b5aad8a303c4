import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { fail, Problems, show, ValidationError } from '../../constructs/core/errors';

describe('ValidationError', () => {
  const app = new App();
  const stack = new TerraformStack(app, 'stack');
  const scope = new Construct(stack, 'Thing');

  test('names the construct path and every problem, in the standard shape', () => {
    const p = new Problems(scope);
    p.check(false, 'cores', 'be at least 1', 0, 'Set cores to 1 or more.');
    p.check(true, 'memoryMiB', 'be at least 512', 1024, 'Set memoryMiB to 512 or more.');
    p.add('name', 'be a DNS label', 'Bad_Name', 'Use lower-case letters, digits and hyphens.');
    expect(p.count).toBe(2);
    let err: unknown;
    try { p.throwIfAny(); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ValidationError);
    const v = err as ValidationError;
    expect(v.constructPath).toBe('stack/Thing');
    expect(v.problems).toEqual([
      "'cores' must be at least 1, got 0. Set cores to 1 or more.",
      "'name' must be a DNS label, got \"Bad_Name\". Use lower-case letters, digits and hyphens.",
    ]);
    expect(v.message).toBe("stack/Thing: \n  - 'cores' must be at least 1, got 0. Set cores to 1 or more.\n  - 'name' must be a DNS label, got \"Bad_Name\". Use lower-case letters, digits and hyphens.");
    // No stack frames from deep inside the library.
    expect(v.stack).not.toMatch(/\n\s+at /);
  });

  test('the fix sentence is a required argument (checked by the type checker: tsc -b tsconfig.test.json)', () => {
    const p = new Problems(scope);
    // @ts-expect-error every problem must tell the user what to change
    p.check(false, 'cores', 'be at least 1', 0);
    // @ts-expect-error every problem must tell the user what to change
    p.add('cores', 'be at least 1', 0);
    // @ts-expect-error every problem must tell the user what to change
    expect(() => fail(scope, 'cores', 'be at least 1', 0)).toThrow(ValidationError);
    expect(p.count).toBe(2);
  });

  test('does not throw when there is no problem', () => {
    expect(() => new Problems(scope).throwIfAny()).not.toThrow();
  });

  test('fail() throws one problem', () => {
    expect(() => fail(scope, 'vmId', 'be unique', 100, 'Pick another.')).toThrow(
      "stack/Thing: 'vmId' must be unique, got 100. Pick another.");
  });

  test('show() renders values compactly and cuts long ones', () => {
    expect(show('a')).toBe('"a"');
    expect(show(undefined)).toBe('undefined');
    expect(show([1, 'x'])).toBe('[1,"x"]');
    expect(show('x'.repeat(500))).toHaveLength(120);
  });
});
