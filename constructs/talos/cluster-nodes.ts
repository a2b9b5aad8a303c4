import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { MachineConfigurationApply } from '../../.gen/providers/talos/machine-configuration-apply';
import { Problems } from '../core/errors';
import { checkInSubnet, checkIp, Cidr, networkAddress } from '../core/net';
import { pickProxmoxNode } from './placement';
import { TalosClusterNodeProps, TalosClusterProps } from './talos-cluster-props';
import type { TalosMachineRole, TalosNode } from './talos-node';

/**
 * The nodes of a cluster: by name and role, with their addresses and Proxmox placement. Kept up to date as nodes are
 * added so that adding one costs the same at any cluster size: a scan of every node per add, or a fresh dependable
 * per node per add (each one a token cdktf keeps for the life of the process), made a 2000-node cluster quadratic
 * in time and memory.
 */
export class ClusterNodes {
  public readonly byRole: Record<TalosMachineRole, TalosNode[]> = { controlplane: [], worker: [] };
  private readonly nodes = new Map<string, { node: TalosNode; address: string; apply: MachineConfigurationApply }>();
  /** Node name by literal address, for the uniqueness check. */
  private readonly addressHolders = new Map<string, string>();
  /** Nodes of each role per Proxmox node, for placement. */
  private readonly load: Record<TalosMachineRole, Map<string, number>> = { controlplane: new Map(), worker: new Map() };

  /** The address of the node named `name` (added before). */
  public address(name: string): string {
    return this.nodes.get(name)!.address;
  }

  /** Throws (on `scope`) every problem of new node `name`'s name, address and Proxmox node; `what` names the call. */
  public check(scope: IConstruct, name: string, what: string, props: TalosClusterNodeProps, cluster: TalosClusterProps, subnet?: Cidr): void {
    const net = cluster.network;
    const p = new Problems(scope);
    const existing = this.nodes.get(name);
    p.check(!existing, `${what}.name`, 'be unique in the cluster', name, `Pick another name: it is already a ${existing?.node.role}.`);
    if (!Token.isUnresolved(props.address) && checkIp(p, `${what}.address`, props.address)) {
      if (subnet && checkInSubnet(p, `${what}.address`, props.address, subnet) && subnet.prefixLength < 31) {
        p.check(props.address !== networkAddress(subnet), `${what}.address`, 'be a host address, not the network address', props.address, 'Pick an address of a host in the subnet, not its first one.');
      }
      p.check(props.address !== cluster.vip, `${what}.address`, 'differ from the cluster VIP', props.address, 'Give the node its own address: the VIP moves between control planes.');
      p.check(props.address !== net.gateway, `${what}.address`, 'differ from the gateway', props.address, 'Give the node an address of its own; the gateway belongs to the router.');
      const holder = this.addressHolders.get(props.address);
      p.check(!holder, `${what}.address`, 'be unique in the cluster', props.address, `Pick another address: ${holder} already uses it.`);
    }
    if (props.proxmoxNode !== undefined) {
      p.check(cluster.proxmoxNodes.includes(props.proxmoxNode), `${what}.proxmoxNode`, `be one of the cluster's proxmoxNodes (${cluster.proxmoxNodes.join(', ')})`, props.proxmoxNode, 'Pick one of those nodes, or add it to the cluster\'s proxmoxNodes.');
    }
    p.throwIfAny();
  }

  /** The Proxmox node of a new node: its own, else the least loaded for its role (pickProxmoxNode). */
  public place(name: string, role: TalosMachineRole, props: TalosClusterNodeProps, proxmoxNodes: readonly string[]): string {
    return props.proxmoxNode ?? pickProxmoxNode(name, proxmoxNodes, this.load[role]);
  }

  /** Records an added node. */
  public add(node: TalosNode, address: string, apply: MachineConfigurationApply): void {
    this.nodes.set(node.hostname, { node, address, apply });
    this.byRole[node.role].push(node);
    // Only literal addresses are checked for uniqueness (a token is unknown until deploy).
    if (!Token.isUnresolved(address) && !this.addressHolders.has(address)) this.addressHolders.set(address, node.hostname);
    const load = this.load[node.role];
    load.set(node.proxmoxNode, (load.get(node.proxmoxNode) ?? 0) + 1);
  }
}
