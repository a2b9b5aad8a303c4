import { Token } from 'cdktf';
import { parse } from 'yaml';
import { Problems } from '../../constructs/core/errors';
import { checkStaticAddress, META_LINK_NAME, metalNetworkMetaValue, StaticAddress } from '../../constructs/talos/meta-network';

function check(a: StaticAddress): string {
  const p = new Problems('n');
  checkStaticAddress(p, a);
  try {
    p.throwIfAny();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('META key 10 network configuration', () => {
  test('is a PlatformNetworkConfig: address, link, default route, host name, resolvers at the platform layer', () => {
    const value = parse(metalNetworkMetaValue({ address: '10.0.0.11/16', gateway: '10.0.0.1', hostname: 'talos-cp-01' }));
    expect(value.addresses).toEqual([{ address: '10.0.0.11/16', linkName: 'eth0', family: 'inet4', scope: 'global', flags: 'permanent', layer: 'platform' }]);
    expect(value.links).toEqual([expect.objectContaining({ name: META_LINK_NAME, up: true, layer: 'platform' })]);
    expect(value.routes).toEqual([expect.objectContaining({
      family: 'inet4', dst: '', gateway: '10.0.0.1', outLinkName: 'eth0', table: 'main', priority: 1024, protocol: 'static', layer: 'platform',
    })]);
    expect(value.hostnames).toEqual([{ hostname: 'talos-cp-01', layer: 'platform' }]);
    expect(value.resolvers).toEqual([{ dnsServers: ['1.1.1.1', '8.8.8.8'], layer: 'platform' }]);
  });

  test('custom resolvers', () => {
    expect(parse(metalNetworkMetaValue({ address: '192.168.1.5/24', gateway: '192.168.1.1', nameservers: ['192.168.1.1'] })).resolvers)
      .toEqual([{ dnsServers: ['192.168.1.1'], layer: 'platform' }]);
  });

  test('a valid address passes', () => {
    expect(check({ address: '10.0.0.11/16', gateway: '10.0.0.1' })).toBe('');
  });

  test.each<[StaticAddress, string]>([
    [{ address: '10.0.0.11', gateway: '10.0.0.1' }, "'address' must be an address with prefix length like \"10.0.0.11/24\", got \"10.0.0.11\"."],
    [{ address: '10.0.0.0/16', gateway: '10.0.0.1' }, "'address' must be a host address, not the network address, got \"10.0.0.0/16\"."],
    [{ address: 'fd00::5/64', gateway: 'fd00::1' }, "'address' must be an IPv4 address with prefix length, got \"fd00::5/64\"."],
    [{ address: '10.0.0.11/24', gateway: '10.0.1.1' }, "'gateway' must be inside the subnet 10.0.0.0/24, got \"10.0.1.1\"."],
    [{ address: '10.0.0.11/24', gateway: '10.0.0.11' }, "'gateway' must differ from the address, got \"10.0.0.11\"."],
    [{ address: '10.0.0.11/24', gateway: '10.0.0.1', nameservers: ['dns.google'] }, "'nameservers' must be an IP address like \"10.0.0.11\", got \"dns.google\"."],
    [{ address: '10.0.0.11/24', gateway: '10.0.0.1', nameservers: [] }, "'nameservers' must name at least one resolver, got []."],
  ])('fails on bad input %#', (a, message) => {
    expect(check(a)).toContain(message);
  });

  test('tokens are not validated', () => {
    const t = Token.asString({ resolve: () => 'x' });
    expect(check({ address: t, gateway: t, nameservers: [t] })).toBe('');
  });
});

describe('metalNetworkMetaValue rendered from a template', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const yaml = require('yaml');
  /** The document written field by field with the yaml package (what the template must reproduce). */
  const direct = (c: { address: string; gateway: string; nameservers?: string[]; hostname?: string }) => yaml.stringify({
    addresses: [{ address: c.address, linkName: 'eth0', family: 'inet4', scope: 'global', flags: 'permanent', layer: 'platform' }],
    links: [{ name: 'eth0', logical: false, up: true, mtu: 0, kind: '', type: 'ether', layer: 'platform' }],
    routes: [{ family: 'inet4', dst: '', src: '', gateway: c.gateway, outLinkName: 'eth0', table: 'main', priority: 1024, scope: 'global', type: 'unicast', flags: '', protocol: 'static', layer: 'platform' }],
    hostnames: c.hostname ? [{ hostname: c.hostname, layer: 'platform' }] : [],
    resolvers: [{ dnsServers: c.nameservers ?? ['1.1.1.1', '8.8.8.8'], layer: 'platform' }],
  }, { lineWidth: 0 });

  test('gives the yaml package\'s text for host names YAML quotes or not, and any gateway and resolvers', () => {
    for (const hostname of ['worker-001', 'a', 'yes', 'no', 'nan', 'true', 'null', '123', '1e3', undefined]) {
      for (const gateway of ['10.0.0.1', Token.asString(Token.asAny('${var.gw}'))]) {
        for (const nameservers of [undefined, ['9.9.9.9'], ['zzaddresszz']]) {
          for (const address of ['10.0.0.11/16', '192.168.100.200/24']) {
            const c = { address, gateway, nameservers, hostname };
            expect(metalNetworkMetaValue(c)).toBe(direct(c));
          }
        }
      }
    }
  });

  test('renders the document once per gateway and resolvers, not once per node', () => {
    const spy = jest.spyOn(yaml, 'stringify');
    try {
      for (let i = 0; i < 50; i++) metalNetworkMetaValue({ address: `10.9.0.${i + 2}/16`, gateway: '10.9.255.254', hostname: `node-${i}` });
      expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
  });
});
