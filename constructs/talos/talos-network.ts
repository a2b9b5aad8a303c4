import { Fn, Token } from 'cdktf';
import { Problems } from '../core/errors';
import { checkIp, parseCidr } from '../core/net';
import { checkStaticAddress, StaticAddress } from './meta-network';

/**
 * The Talos platform an image is built for. `metal` reads META (static addressing baked into the image);
 * `nocloud` reads the Proxmox cloud-init drive (`initialization` block).
 */
export type TalosPlatform = 'metal' | 'nocloud';

/** How a node gets its address. */
export type TalosAddressing = 'meta' | 'cloud-init' | 'dhcp';

/**
 * A node's static address as TalosCluster hands it to TalosNode: the parts the user set (address, the cluster's
 * subnet and gateway), checked once by the cluster where the user called it, so that every message names a prop
 * the user set (`addWorker("w-1").address`, `network.subnet`); TalosNode neither parses nor checks it again.
 * Any part may be a Terraform token: with a token subnet the prefix length is a Terraform expression over it.
 */
export class CheckedAddress {
  /**
   * The address `ip` in `subnet` (e.g. `"10.0.0.0/16"`), after the caller checked `ip`, `subnet` and `gateway`
   * (TalosCluster does, in its constructor and in addControlPlane/addWorker).
   */
  public static inSubnet(ip: string, subnet: string, gateway: string, nameservers?: readonly string[]): CheckedAddress {
    const prefixLength = Token.isUnresolved(subnet)
      ? Token.asString(Fn.element(Fn.split('/', subnet), 1))
      : parseCidr(subnet)!.prefixLength;
    return new CheckedAddress(ip, prefixLength, gateway, nameservers);
  }

  private constructor(
    /** IPv4 address without prefix length. */
    public readonly ip: string,
    /** The subnet's prefix length; a Terraform expression (string token) when the subnet is a token. */
    public readonly prefixLength: number | string,
    public readonly gateway: string,
    public readonly nameservers?: readonly string[],
  ) {}

  /** The address with prefix length, gateway and resolvers, as the META value and the cloud-init drive take them. */
  public get staticAddress(): StaticAddress {
    return { address: `${this.ip}/${this.prefixLength}`, gateway: this.gateway, nameservers: this.nameservers };
  }
}

/**
 * How a Talos node gets its address before any machine configuration exists.
 *
 * - {@link TalosNetwork.meta}: baked into the image as META key 10 (metal platform; one image per node).
 * - {@link TalosNetwork.cloudInit}: the Proxmox cloud-init drive (nocloud platform; one image for all nodes).
 * - {@link TalosNetwork.dhcp}: the LAN's DHCP server; the deterministic MAC makes a reservation possible.
 */
export class TalosNetwork {
  /** A static address baked into the image through META key 10. Needs the `metal` platform. */
  public static meta(address: StaticAddress | CheckedAddress): TalosNetwork {
    return TalosNetwork.withAddress('meta', address);
  }

  /** A static address from the Proxmox cloud-init drive. Needs the `nocloud` platform. */
  public static cloudInit(address: StaticAddress | CheckedAddress): TalosNetwork {
    return TalosNetwork.withAddress('cloud-init', address);
  }

  /**
   * DHCP. `reservedAddress` is the address the DHCP server hands out for the node's MAC; a cluster needs it
   * to reach the node, a lone node does not.
   */
  public static dhcp(options: { readonly reservedAddress?: string } = {}): TalosNetwork {
    return new TalosNetwork('dhcp', undefined, options.reservedAddress);
  }

  private static withAddress(addressing: TalosAddressing, a: StaticAddress | CheckedAddress): TalosNetwork {
    return a instanceof CheckedAddress
      ? new TalosNetwork(addressing, a.staticAddress, undefined, a)
      : new TalosNetwork(addressing, a);
  }

  private constructor(
    public readonly addressing: TalosAddressing,
    public readonly staticAddress?: StaticAddress,
    public readonly reservedAddress?: string,
    /** Set when the address was checked where the user gave it (TalosCluster): not checked again. */
    private readonly checked?: CheckedAddress,
  ) {}

  /** The address without prefix length, when known at synth time. */
  public get ipAddress(): string | undefined {
    if (this.checked) return Token.isUnresolved(this.checked.ip) ? undefined : this.checked.ip;
    if (this.staticAddress) return Token.isUnresolved(this.staticAddress.address) ? undefined : this.staticAddress.address.split('/')[0];
    return this.reservedAddress;
  }

  /** The platform this addressing works on, if it constrains it. */
  public get requiredPlatform(): TalosPlatform | undefined {
    return this.addressing === 'meta' ? 'metal' : this.addressing === 'cloud-init' ? 'nocloud' : undefined;
  }

  /** Adds this network's problems to `p`, and a problem if `platform` cannot carry it. */
  public check(p: Problems, prop: string, platform: TalosPlatform): void {
    if (this.staticAddress && !this.checked) checkStaticAddress(p, this.staticAddress, `${prop}.`);
    if (this.reservedAddress !== undefined && !Token.isUnresolved(this.reservedAddress)) {
      checkIp(p, `${prop}.reservedAddress`, this.reservedAddress);
    }
    const required = this.requiredPlatform;
    if (required === 'metal') {
      p.check(platform === 'metal', 'platform', "be 'metal' when the network is TalosNetwork.meta() (only the metal platform reads META key 10)",
        platform, "Use platform 'metal', or TalosNetwork.cloudInit() for the nocloud platform.");
    } else if (required === 'nocloud') {
      p.check(platform === 'nocloud', 'platform', "be 'nocloud' when the network is TalosNetwork.cloudInit() (only nocloud reads the cloud-init drive)",
        platform, "Use platform 'nocloud', or TalosNetwork.meta() for the metal platform.");
    }
  }
}
