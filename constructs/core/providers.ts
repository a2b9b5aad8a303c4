import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * The default (un-aliased) provider of a Terraform type in a stack: the one the app declared, else one created
 * once at the stack root. Two default providers of one type in a stack are a Terraform error, and several
 * constructs (two clusters, a cluster and a template) must share them.
 *
 * The lookup is cached per stack: searching the construct tree for every node made a 500-node cluster
 * quadratic (about 0.8 s of a 7.5 s synthesis).
 */
const cache = new WeakMap<TerraformStack, Map<string, TerraformProvider>>();

export function defaultProviderOf<T extends TerraformProvider>(
  scope: IConstruct, type: string, create: (stack: TerraformStack) => T,
): T {
  const stack = TerraformStack.of(scope);
  let byType = cache.get(stack);
  if (!byType) {
    byType = new Map();
    cache.set(stack, byType);
  }
  let provider = byType.get(type);
  if (!provider) {
    provider = stack.node.findAll().find((c): c is T =>
      c instanceof TerraformProvider && c.terraformResourceType === type && c.alias === undefined) ?? create(stack);
    byType.set(type, provider);
  }
  return provider as T;
}
