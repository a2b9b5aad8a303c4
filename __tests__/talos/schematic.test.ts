import { Token } from 'cdktf';
import { parse } from 'yaml';
import { Problems } from '../../constructs/core/errors';
import { checkSchematic, renderSchematic, SchematicSpec, schematicDigest } from '../../constructs/talos/schematic';

function check(spec: SchematicSpec): string {
  const p = new Problems('img');
  checkSchematic(p, spec);
  try {
    p.throwIfAny();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('schematic', () => {
  test('renders the Image Factory customization: kernel args in order, META by key, extensions sorted and unique', () => {
    const yaml = renderSchematic({
      extensions: ['siderolabs/tailscale', 'siderolabs/qemu-guest-agent', 'siderolabs/tailscale'],
      kernelArgs: ['net.ifnames=0', 'console=ttyS0'],
      meta: [{ key: 12, value: 'b' }, { key: 10, value: 'a: 1\n' }],
    });
    expect(parse(yaml)).toEqual({
      customization: {
        extraKernelArgs: ['net.ifnames=0', 'console=ttyS0'],
        meta: [{ key: 10, value: 'a: 1\n' }, { key: 12, value: 'b' }],
        systemExtensions: { officialExtensions: ['siderolabs/qemu-guest-agent', 'siderolabs/tailscale'] },
      },
    });
  });

  test('an empty spec is the vanilla image', () => {
    expect(parse(renderSchematic({}))).toEqual({ customization: {} });
  });

  test('digest: same content same digest, different content different digest, token numbering masked', () => {
    const a = renderSchematic({ extensions: ['siderolabs/qemu-guest-agent'] });
    expect(schematicDigest(a)).toMatch(/^[0-9a-f]{12}$/);
    expect(schematicDigest(a)).toBe(schematicDigest(renderSchematic({ extensions: ['siderolabs/qemu-guest-agent'] })));
    expect(schematicDigest(a)).not.toBe(schematicDigest(renderSchematic({ extensions: ['siderolabs/tailscale'] })));
    expect(schematicDigest('x=${TfToken[TOKEN.1]}')).toBe(schematicDigest('x=${TfToken[TOKEN.99]}'));
  });

  test.each<[SchematicSpec, string]>([
    [{ extensions: ['qemu-guest-agent'] }, "'extensions' must contain official extension names like \"siderolabs/qemu-guest-agent\", got \"qemu-guest-agent\"."],
    [{ kernelArgs: ['a b'] }, "'kernelArgs' must contain single arguments without whitespace, got \"a b\". Pass each argument as its own list element."],
    [{ kernelArgs: ['talos.config.inline=KLUv'] }, "'kernelArgs' must not contain talos.config.inline= or talos.config.early=, got \"talos.config.inline=KLUv\". Apply the machine configuration with TalosCluster"],
    [{ kernelArgs: ['talos.platform=nocloud'] }, "'kernelArgs' must not contain talos.platform=, got \"talos.platform=nocloud\". Choose the platform with the 'platform' prop"],
    [{ meta: [{ key: 256, value: '' }] }, "'meta' must use keys from 0 to 255, got 256."],
    [{ meta: [{ key: 10, value: '' }, { key: 10, value: '' }] }, "'meta' must not repeat a key, got 10."],
  ])('fails on bad input %#', (spec, message) => {
    expect(check(spec)).toContain(message);
  });

  test('tokens are not validated', () => {
    const t = Token.asString({ resolve: () => 'x' });
    expect(check({ extensions: [t], kernelArgs: [t] })).toBe('');
  });
});
