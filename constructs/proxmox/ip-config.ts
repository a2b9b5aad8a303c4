import { Token } from 'cdktf';
import { Problems } from '../core/errors';
import { checkCidr, checkInSubnet, checkIp } from '../core/net';

/**
 * The IPv4 setting of a cloud-init VM (Proxmox `ipconfig0`, bpg `initialization.ip_config.ipv4`): DHCP or a
 * static address with its gateway.
 */
export class IpConfig {
  /** Address from DHCP. */
  public static dhcp(): IpConfig {
    return new IpConfig('dhcp');
  }

  /** A static address with prefix length (`10.0.0.21/24`) and, usually, the gateway of that subnet. */
  public static static(cidr: string, gateway?: string): IpConfig {
    return new IpConfig('static', cidr, gateway);
  }

  private constructor(
    public readonly kind: 'dhcp' | 'static',
    public readonly cidr?: string,
    public readonly gateway?: string,
  ) {}

  /** Adds the problems of this setting under `prop`; token values are not checked. */
  public check(p: Problems, prop: string): void {
    if (this.kind === 'dhcp' || this.cidr === undefined || Token.isUnresolved(this.cidr)) return;
    const c = checkCidr(p, `${prop}.cidr`, this.cidr);
    if (this.gateway === undefined || Token.isUnresolved(this.gateway)) return;
    if (checkIp(p, `${prop}.gateway`, this.gateway) && c) checkInSubnet(p, `${prop}.gateway`, this.gateway, c);
  }

  /** The bpg `ipv4` block. */
  public toIpv4(): { address: string; gateway?: string } {
    return this.kind === 'dhcp' ? { address: 'dhcp' } : { address: this.cidr!, gateway: this.gateway };
  }
}
