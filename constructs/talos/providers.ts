import { IConstruct } from 'constructs';
import { LocalProvider } from '@cdktf/provider-local/lib/provider';
import { TalosProvider } from '../../.gen/providers/talos/provider';
import { defaultProviderOf } from '../core/providers';

/** The stack's default siderolabs/talos provider. */
export function talosProviderOf(scope: IConstruct): TalosProvider {
  return defaultProviderOf(scope, 'talos', (stack) => new TalosProvider(stack, 'TalosProvider', {}));
}

/** The stack's default hashicorp/local provider. */
export function localProviderOf(scope: IConstruct): LocalProvider {
  return defaultProviderOf(scope, 'local', (stack) => new LocalProvider(stack, 'LocalProvider', {}));
}
