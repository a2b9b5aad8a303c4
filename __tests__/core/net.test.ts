import { Problems } from '../../constructs/core/errors';
import { checkCidr, checkInSubnet, checkIp, cidrContains, isIpAddress, networkAddress, parseCidr } from '../../constructs/core/net';

describe('net', () => {
  test('isIpAddress is strict about IPv4 forms', () => {
    expect(isIpAddress('10.0.0.11')).toBe(true);
    expect(isIpAddress('fd00::1')).toBe(true);
    expect(isIpAddress('10.1')).toBe(false);
    expect(isIpAddress('0x0a.0.0.1')).toBe(false);
    expect(isIpAddress('10.0.0.256')).toBe(false);
  });

  test('parseCidr and containment', () => {
    const c = parseCidr('10.0.0.11/24')!;
    expect(c).toEqual({ address: '10.0.0.11', prefixLength: 24, kind: 'ipv4' });
    expect(networkAddress(c)).toBe('10.0.0.0');
    expect(cidrContains(c, '10.0.0.254')).toBe(true);
    expect(cidrContains(c, '10.0.1.1')).toBe(false);
    expect(cidrContains(c, 'fd00::1')).toBe(false);
    expect(parseCidr('10.0.0.1/33')).toBeUndefined();
    expect(parseCidr('10.0.0.1')).toBeUndefined();
  });

  test('checks collect messages in the standard shape', () => {
    const p = new Problems('s');
    checkIp(p, 'gateway', '10.0.0');
    checkCidr(p, 'address', '10.0.0.11');
    checkInSubnet(p, 'vip', '10.0.1.20', parseCidr('10.0.0.11/24')!);
    expect(() => p.throwIfAny()).toThrow([
      's: ',
      "  - 'gateway' must be an IP address like \"10.0.0.11\", got \"10.0.0\". Write a plain IPv4 or IPv6 address, without prefix length or host name.",
      "  - 'address' must be an address with prefix length like \"10.0.0.11/24\", got \"10.0.0.11\". Write the address followed by a slash and the prefix length, e.g. \"10.0.0.0/16\".",
      "  - 'vip' must be inside the subnet 10.0.0.0/24, got \"10.0.1.20\". Pick an address inside 10.0.0.0/24, or change the subnet.",
    ].join('\n'));
  });
});
