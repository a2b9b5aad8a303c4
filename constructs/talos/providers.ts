import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { LocalProvider } from '@cdktf/provider-local/lib/provider';
import { TalosProvider } from '../../.gen/providers/talos/provider';

/**
 * The default (un-aliased) provider of a type in a stack, created once at the stack root when nobody made one.
 * Two default providers of one type in a stack are a Terraform error, and two Talos clusters (or a cluster
 * and another construct writing local files) must share them.
 */
function defaultProvider<T extends TerraformProvider>(scope: IConstruct, type: string, create: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  const found = stack.node.findAll().find((c): c is T =>
    c instanceof TerraformProvider && c.terraformResourceType === type && c.alias === undefined);
  return found ?? create(stack);
}

/** The stack's default siderolabs/talos provider. */
export function talosProviderOf(scope: IConstruct): TalosProvider {
  return defaultProvider(scope, 'talos', (stack) => new TalosProvider(stack, 'TalosProvider', {}));
}

/** The stack's default hashicorp/local provider. */
export function localProviderOf(scope: IConstruct): LocalProvider {
  return defaultProvider(scope, 'local', (stack) => new LocalProvider(stack, 'LocalProvider', {}));
}
