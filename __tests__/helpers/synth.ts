// A thin layer over cdktf's Testing: synthesize a stack built by `build`, return the parsed Terraform JSON.
import { App, Testing, TerraformStack } from 'cdktf';

export interface Synthesized {
  readonly json: any;
  readonly text: string;
  readonly stack: TerraformStack;
}

/** Builds a fresh stack with `build`, synthesizes it (running deferred validations) and parses the JSON. */
export function synthStack(build: (stack: TerraformStack, app: App) => void, id = 'test'): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  build(stack, app);
  const text = Testing.synth(stack, true);
  return { json: JSON.parse(text), text, stack };
}

/** All resources of a Terraform type, as `[name, config]` pairs. */
export function resourcesOf(json: any, type: string): Array<[string, any]> {
  return Object.entries((json.resource ?? {})[type] ?? {});
}

/** All data sources of a type. */
export function dataOf(json: any, type: string): Array<[string, any]> {
  return Object.entries((json.data ?? {})[type] ?? {});
}

/** The single resource of `type`; fails the test when there is not exactly one. */
export function onlyResource(json: any, type: string): any {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0][1];
}

/** Every warning annotation in the construct tree below `scope`. */
export function warningsOf(scope: import('constructs').IConstruct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}

/** Resolves tokens (e.g. an attribute reference) to the text they synthesize to in `scope`'s stack. */
export function resolveIn(scope: import('constructs').Construct, value: unknown): any {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { resolve } = require('cdktf/lib/_tokens');
  return resolve(scope, value);
}
