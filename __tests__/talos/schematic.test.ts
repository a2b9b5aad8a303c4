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

describe('renderSchematic with META values from a template', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const yaml = require('yaml');
  const direct = (spec: SchematicSpec) => {
    const customization: Record<string, unknown> = {};
    if (spec.kernelArgs?.length) customization.extraKernelArgs = [...new Set(spec.kernelArgs)];
    if (spec.meta?.length) customization.meta = [...spec.meta].sort((a, b) => a.key - b.key).map((m) => ({ key: m.key, value: m.value }));
    if (spec.extensions?.length) customization.systemExtensions = { officialExtensions: [...new Set(spec.extensions)].sort() };
    return yaml.stringify({ customization }, { lineWidth: 0 });
  };
  const values = [
    'addresses:\n  - address: 10.0.0.11/16\n    linkName: eth0\n', 'one line\n', 'a: b\n    deeper: "quoted"\n',
    // Forms YAML writes differently (indentation indicator, keep/strip chomping, quoted): the whole document then.
    ' leading blank\n', 'no final line break', 'two final breaks\n\n', 'empty\n\nline\n', 'trailing blank \n', 'tab\there\n', 'ünïcode\n',
  ];

  test('gives the yaml package\'s text for any META value', () => {
    for (const value of values) {
      for (const spec of [
        { extensions: ['siderolabs/qemu-guest-agent'], kernelArgs: ['net.ifnames=0'], meta: [{ key: 10, value }] },
        { meta: [{ key: 10, value }, { key: 3, value: 'x: 1\n' }] },
      ]) expect(renderSchematic(spec)).toBe(direct(spec));
    }
  });

  test('renders the document once per extensions, kernel arguments and META keys', () => {
    const spy = jest.spyOn(yaml, 'stringify');
    try {
      for (let i = 0; i < 50; i++) renderSchematic({ extensions: ['siderolabs/iscsi-tools'], meta: [{ key: 10, value: `hostnames:\n  - hostname: node-${i}\n` }] });
      expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
  });
});
