import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems } from '../core/errors';
import { isIpAddress } from '../core/net';
import type { TalosClusterNodeProps } from './talos-cluster-props';
import type { TalosMachineRole, TalosNode } from './talos-node';

/**
 * Node pools: `count` identical nodes named `<name>-01` ... `<name>-NN`. A node's name, address and hence its VM
 * id, MAC and construct ids depend only on its number, so raising `count` only adds nodes and lowering it removes
 * only the highest-numbered ones.
 */
export interface TalosNodePoolProps extends Omit<TalosClusterNodeProps, 'address' | 'vmId'> {
  /** How many nodes (1 to 99). */
  readonly count: number;
  /** Role of every node of the pool. @default 'worker' */
  readonly role?: TalosMachineRole;
  /** Address of `<name>-01`; node NN gets this address + NN - 1 (so reserve `count` consecutive addresses). */
  readonly firstAddress: string;
}

/** Most nodes in one pool (two-digit numbers). */
export const MAX_POOL_SIZE = 99;
const POOL_NAME_RE = /^[a-z]([a-z0-9-]{0,56}[a-z0-9])?$/;

/** Pure: `<name>-01` ... `<name>-<count>`. */
export function poolNodeNames(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(2, '0')}`);
}

/** Pure: `first` + i, for i in 0..count-1; undefined when the last octet would pass 254. */
export function poolAddresses(first: string, count: number): string[] | undefined {
  const parts = first.split('.').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3] + i;
    if (n % 256 === 255 || n % 256 === 0 || n >= 2 ** 32) return undefined;
    out.push([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return out;
}

/** Validates pool props; returns the nodes' names and addresses in order. */
export function planPool(scope: IConstruct, name: string, props: TalosNodePoolProps): Array<{ name: string; address: string }> {
  const what = `addPool("${name}")`;
  const p = new Problems(scope);
  p.check(POOL_NAME_RE.test(name), `${what}.name`, 'be a lower-case DNS label of at most 58 characters (the nodes are <name>-01 ...)', name, 'Use lower-case letters, digits and hyphens, at most 58 characters.');
  p.check(Number.isInteger(props.count) && props.count >= 1 && props.count <= MAX_POOL_SIZE, `${what}.count`,
    `be a whole number from 1 to ${MAX_POOL_SIZE}`, props.count, 'Use a second pool for more nodes.');
  p.check(!Token.isUnresolved(props.firstAddress) && isIpAddress(props.firstAddress) && !props.firstAddress.includes(':'),
    `${what}.firstAddress`, 'be a literal IPv4 address', props.firstAddress, 'Give the first node\'s IPv4 address as a literal, e.g. "10.0.0.31".');
  p.throwIfAny();
  const addresses = poolAddresses(props.firstAddress, props.count);
  p.check(addresses !== undefined, `${what}.count`, `fit ${props.count} consecutive host addresses from ${props.firstAddress} without crossing a .0 or .255`,
    props.count, 'Lower count or start the pool lower.');
  p.throwIfAny();
  return poolNodeNames(name, props.count).map((n, i) => ({ name: n, address: addresses![i] }));
}

/** What addPool needs of the cluster. */
export type AddPoolNode = (name: string, role: TalosMachineRole, props: TalosClusterNodeProps) => TalosNode;

/** Adds the pool's nodes through `add` (the cluster's addNode). */
export function addNodePool(scope: IConstruct, name: string, props: TalosNodePoolProps, add: AddPoolNode): TalosNode[] {
  const nodes = planPool(scope, name, props);
  const { count: _c, role, firstAddress: _f, ...nodeProps } = props;
  return nodes.map((n) => add(n.name, role ?? 'worker', { ...nodeProps, address: n.address }));
}
