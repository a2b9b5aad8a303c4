// A local state backend whose path does not depend on where the app was synthesized. cdktf's default backend
// (a stack without one) writes `path.join(process.cwd(), 'terraform.<stack>.tfstate')`, an absolute path of the
// synthesizing machine, into cdk.tf.json (cdktf lib/backends/local-backend.ts,
// https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/backends/local-backend.ts): the JSON
// then works only in that checkout. Terraform resolves a relative `path` against its working directory
// (https://developer.hashicorp.com/terraform/language/backend/local), which for `cdktf deploy` is the stack's
// directory `<outdir>/stacks/<stack id>`.
import * as path from 'path';
import { App, LocalBackend, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems, ValidationError } from './errors';

/** Options of {@link relativeLocalBackend}. */
export interface RelativeLocalBackendOptions {
  /**
   * Directory of the state file, which is then `<directory>/<stateName>.tfstate`. A relative path is taken from
   * the directory the app runs in and written relative to the stack's directory; an absolute path is written as
   * given (a fixed place on every machine that runs the JSON).
   * @default - `terraform.<stateName>.tfstate` in the directory the app runs in: the file of cdktf's default backend
   */
  readonly directory?: string;
  /**
   * Name of the state file (without `.tfstate`); every stack needs its own.
   * @default - the stack's id
   */
  readonly stateName?: string;
}

/**
 * Gives `stack` a local backend whose `path` is relative to the stack's directory (`<outdir>/stacks/<id>`, where
 * `cdktf deploy` runs Terraform), with `/` on every OS: the same state file as cdktf's default backend, but the
 * same cdk.tf.json in any checkout. Stack directories are siblings, so a cross-stack reference's
 * `terraform_remote_state`, read from the consumer's directory, finds the producer's file by the same path.
 * Refuses two stacks of one app writing one state file (each would destroy the other's resources).
 */
export function relativeLocalBackend(stack: TerraformStack, options: RelativeLocalBackendOptions = {}): LocalBackend {
  return localBackendAt(stack, options.stateName ?? stack.node.id, options.directory, 'stateName');
}

/**
 * {@link relativeLocalBackend} for a caller whose own prop names the state (`stateProp`, blamed in messages).
 * @internal
 */
export function localBackendAt(stack: TerraformStack, stateName: string, directory: string | undefined, stateProp: string): LocalBackend {
  const p = new Problems(stack);
  if (directory !== undefined && Token.isUnresolved(directory)) {
    p.add('directory', 'be a literal path (a backend cannot use variables or references)', directory, 'Write the path in the app.');
  } else if (directory !== undefined) {
    p.check(directory.trim() !== '', 'directory', 'be a non-empty path', directory, 'Leave it out for the default.');
  }
  checkStateName(p, stateName, /^[\w.-]+$/, 'be usable as a file name (letters, digits, ".", "_", "-")', stateProp);
  p.throwIfAny();
  const file = directory === undefined ? path.resolve(`terraform.${stateName}.tfstate`) : path.resolve(directory, `${stateName}.tfstate`);
  claimState(stack, `state file ${file}`, stateProp);
  const stackDir = path.resolve(App.of(stack).outdir, 'stacks', stack.node.id);
  return new LocalBackend(stack, { path: localStatePath(stackDir, file, directory !== undefined && path.isAbsolute(directory)) });
}

/**
 * Pure: the `path` of a local backend whose state file is `file` (absolute), for Terraform running in
 * `stackDir` (absolute): relative to `stackDir`, with `/` on every OS, unless `keepAbsolute`.
 */
export function localStatePath(stackDir: string, file: string, keepAbsolute = false): string {
  if (keepAbsolute) return file;
  return path.relative(stackDir, file).split(path.sep).join('/');
}

/** Adds a problem unless `name` (a state's name, a literal) follows `rule`. */
export function checkStateName(p: Problems, name: string, rule: RegExp, ruleText: string, prop = 'stateName'): void {
  if (Token.isUnresolved(name)) p.add(prop, 'be a literal string', name, 'Use the stack\'s id.');
  else p.check(rule.test(name), prop, ruleText, name, 'Use the stack\'s id.');
}

// Two stacks writing one state destroy each other's resources on the next apply: refused at synth time.
const claims = new WeakMap<IConstruct, Map<string, string>>();

/** Records that `stack` writes the state `what` (a file, a database schema); throws when another stack of the app does. */
export function claimState(stack: TerraformStack, what: string, prop = 'stateName'): void {
  const root = stack.node.root;
  let taken = claims.get(root);
  if (!taken) claims.set(root, (taken = new Map()));
  const holder = taken.get(what);
  if (holder !== undefined && holder !== stack.node.path) {
    throw new ValidationError(stack, `'${prop}' must give each stack its own state, got the ${what} of stack ${holder}. `
      + `Pass each stack's own id as ${prop}.`);
  }
  taken.set(what, stack.node.path);
}
