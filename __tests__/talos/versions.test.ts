import { Problems } from '../../constructs/core/errors';
import {
  checkKubernetesVersion, checkTalosVersion, DEFAULT_KUBERNETES_VERSION, kubernetesMinor, TALOS_KUBERNETES_SUPPORT, TALOS_VERSION, talosMinor,
} from '../../constructs/talos/versions';

function problems(f: (p: Problems) => void): string {
  const p = new Problems('x');
  f(p);
  try {
    p.throwIfAny();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('versions', () => {
  test('minors', () => {
    expect(talosMinor('v1.11.5')).toBe('1.11');
    expect(talosMinor('v1.10.0-beta.1')).toBe('1.10');
    expect(talosMinor('1.11.5')).toBeUndefined();
    expect(kubernetesMinor('1.32.1')).toBe('1.32');
    expect(kubernetesMinor('v1.32.1')).toBeUndefined();
  });

  test('the defaults are consistent with the support matrix', () => {
    expect(problems((p) => {
      checkTalosVersion(p, 'talosVersion', TALOS_VERSION);
      checkKubernetesVersion(p, 'kubernetesVersion', DEFAULT_KUBERNETES_VERSION, TALOS_VERSION);
    })).toBe('');
    expect(TALOS_KUBERNETES_SUPPORT['1.11']).toEqual(['1.29', '1.34']);
  });

  test.each([
    ['v1.9.5', '1.27.0'], ['v1.9.5', '1.32.3'], ['v1.10.7', '1.28.1'], ['v1.10.7', '1.33.0'], ['v1.11.2', '1.29.0'], ['v1.11.5', '1.34.1'],
  ])('Talos %s supports Kubernetes %s', (talos, k8s) => {
    expect(problems((p) => checkKubernetesVersion(p, 'kubernetesVersion', k8s, talos))).toBe('');
  });

  test.each<[string, string, string]>([
    ['v1.11.5', '1.28.9', "'kubernetesVersion' must be a Kubernetes version Talos 1.11 supports (1.29 to 1.34), got \"1.28.9\". Pick a 1.29.x to 1.34.x release, or change talosVersion."],
    ['v1.9.0', '1.33.0', "'kubernetesVersion' must be a Kubernetes version Talos 1.9 supports (1.27 to 1.32), got \"1.33.0\"."],
    ['v1.11.5', 'v1.32.1', "'kubernetesVersion' must be a Kubernetes release like \"1.32.1\" (without a leading v), got \"v1.32.1\"."],
    ['v1.11.5', '1.32', "'kubernetesVersion' must be a Kubernetes release like \"1.32.1\" (without a leading v), got \"1.32\"."],
  ])('fails if Talos %s runs Kubernetes %s', (talos, k8s, message) => {
    expect(problems((p) => checkKubernetesVersion(p, 'kubernetesVersion', k8s, talos))).toContain(message);
  });

  test.each<[string, string]>([
    ['1.11.5', "'talosVersion' must be a Talos release like \"v1.11.5\" (with the leading v), got \"1.11.5\"."],
    ['v1.11', "'talosVersion' must be a Talos release like \"v1.11.5\" (with the leading v), got \"v1.11\"."],
    ['v1.8.3', "'talosVersion' must be a release of a Talos minor in the support matrix (1.9, 1.10, 1.11, 1.12, 1.13), got \"v1.8.3\"."],
  ])('fails if the Talos version is %s', (talos, message) => {
    expect(problems((p) => checkTalosVersion(p, 'talosVersion', talos))).toContain(message);
  });

  test('tokens are left to deploy time', () => {
    const { Token } = require('cdktf');
    const t = Token.asString({ resolve: () => 'x' });
    expect(problems((p) => {
      checkTalosVersion(p, 'talosVersion', t);
      checkKubernetesVersion(p, 'kubernetesVersion', t, 'v1.11.5');
    })).toBe('');
  });
});
