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
