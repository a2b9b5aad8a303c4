import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems, ValidationError } from './errors';

/**
 * Stable identities for machines: VM ids and MAC addresses derived from a name alone.
 *
 * Why a pure hash and not "next free id": with a counter, removing one machine shifts every later one,
 * and Terraform replaces VMs whose id or MAC changed. A hash of the name depends on nothing else, so
 * adding or removing a machine never changes another's identity. The price is possible collisions,
 * which {@link IdentityRegistry} detects at synth time with a message that says how to fix them.
 */

/** The range VM ids are derived into. Proxmox accepts 100..999999999; the low range is left to humans. */
export const DERIVED_VM_ID_MIN = 10000;
export const DERIVED_VM_ID_MAX = 99999999;

function digest(salt: string, name: string): Buffer {
  return createHash('sha256').update(`${salt}\0${name}`, 'utf8').digest();
}

/** A VM id in [DERIVED_VM_ID_MIN, DERIVED_VM_ID_MAX] derived from `name` (and an optional salt). */
export function deriveVmId(name: string, salt = 'vmid'): number {
  const span = DERIVED_VM_ID_MAX - DERIVED_VM_ID_MIN + 1;
  return DERIVED_VM_ID_MIN + (digest(salt, name).readUInt32BE(0) % span);
}

/**
 * A locally administered, unicast MAC address derived from `name`.
 * First octet: bit 1 set (locally administered, never clashes with a vendor OUI such as Proxmox's
 * BC:24:11), bit 0 clear (unicast).
 */
export function deriveMacAddress(name: string, salt = 'mac'): string {
  const b = digest(salt, name).subarray(0, 6);
  b[0] = (b[0] & 0xfc) | 0x02;
  return [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

const MAC_RE = /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/i;

/** Returns the problems of a MAC address as a user would write it in props. */
export function checkMacAddress(p: Problems, prop: string, mac: string): void {
  if (!MAC_RE.test(mac)) {
    p.add(prop, 'be a MAC address like "02:AB:CD:EF:01:23"', mac, 'Write six hex pairs separated by colons, or leave it out to get a MAC derived from the name.');
    return;
  }
  const first = parseInt(mac.slice(0, 2), 16);
  p.check((first & 0x01) === 0, prop, 'be a unicast MAC (lowest bit of the first octet clear)', mac,
    'Use an even first octet, e.g. 02.');
}

/** Returns the problems of a VM id. */
export function checkVmId(p: Problems, prop: string, vmId: number): void {
  p.check(Number.isInteger(vmId) && vmId >= 100 && vmId <= 999999999, prop,
    'be an integer from 100 to 999999999 (Proxmox VM id range)', vmId, 'Pick an unused VM id from 100 to 999999999.');
}

/**
 * Per-stack registry of VM ids and MACs in use, so that two constructs never claim the same one.
 * One per `TerraformStack`, found by {@link IdentityRegistry.of}.
 */
export class IdentityRegistry {
  private static readonly registries = new WeakMap<IConstruct, IdentityRegistry>();

  /** The registry of the stack that contains `scope`. */
  public static of(scope: IConstruct): IdentityRegistry {
    const stack = TerraformStack.of(scope);
    let reg = IdentityRegistry.registries.get(stack);
    if (!reg) {
      reg = new IdentityRegistry();
      IdentityRegistry.registries.set(stack, reg);
    }
    return reg;
  }

  private readonly vmIds = new Map<number, string>();
  private readonly macs = new Map<string, string>();

  /**
   * Claims `vmId` for the construct at `owner`; throws when another construct already holds it.
   * `derived` says whether the id came from a name hash (the fix is then to set one explicitly).
   */
  public claimVmId(owner: IConstruct, prop: string, vmId: number, derived: boolean): void {
    const holder = this.vmIds.get(vmId);
    if (holder !== undefined && holder !== owner.node.path) {
      throw new ValidationError(owner,
        `'${prop}' must be unique in the stack, got ${vmId}, already used by ${holder}. ` +
        (derived ? `The id was derived from the name and collides: set '${prop}' explicitly.`
          : `Choose another VM id.`));
    }
    this.vmIds.set(vmId, owner.node.path);
  }

  /** Claims a MAC address; throws when another construct already holds it. */
  public claimMac(owner: IConstruct, prop: string, mac: string, derived: boolean): void {
    const key = mac.toUpperCase();
    const holder = this.macs.get(key);
    if (holder !== undefined && holder !== owner.node.path) {
      throw new ValidationError(owner,
        `'${prop}' must be unique in the stack, got "${key}", already used by ${holder}. ` +
        (derived ? `The MAC was derived from the name and collides: set '${prop}' explicitly.`
          : 'Choose another MAC address.'));
    }
    this.macs.set(key, owner.node.path);
  }
}
