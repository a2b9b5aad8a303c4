import { createHash } from 'crypto';

/**
 * Where a clone runs. Pure: the node is decided at synth time from names alone, so the plan never moves a
 * VM because of an unrelated change.
 */
export class ClonePlacement {
  /** On the template's node (works with any storage and with linked clones). The default. */
  public static templateNode(): ClonePlacement {
    return new ClonePlacement('template-node', []);
  }

  /** On a given node (another node than the template's needs the template on shared storage). */
  public static node(proxmoxNode: string): ClonePlacement {
    return new ClonePlacement('node', [proxmoxNode]);
  }

  /**
   * Spread over `proxmoxNodes` by the clone's name with rendezvous hashing: each clone takes the node that scores
   * highest for its name. A clone's node depends only on its own name and the node set, so adding or removing
   * clones never moves another one, and adding a node moves only the clones that now score highest on it.
   * The price: the spread is even on average, not exactly; pin clones that must be on distinct nodes (e.g.
   * three control planes) with {@link ClonePlacement.node}.
   */
  public static spread(proxmoxNodes: readonly string[]): ClonePlacement {
    return new ClonePlacement('spread', [...proxmoxNodes]);
  }

  private constructor(
    public readonly kind: 'template-node' | 'node' | 'spread',
    public readonly proxmoxNodes: readonly string[],
  ) {}

  /** The node for the clone named `cloneName` of a template on `templateNode`. */
  public resolve(cloneName: string, templateNode: string): string {
    if (this.kind === 'template-node') return templateNode;
    if (this.kind === 'node') return this.proxmoxNodes[0];
    return spreadNode(cloneName, this.proxmoxNodes);
  }
}

/** Pure: the rendezvous-hashing choice of a node for `name` (highest SHA-256 of name and node; ties by node name). */
export function spreadNode(name: string, nodes: readonly string[]): string {
  if (nodes.length === 0) throw new Error('spreadNode: no nodes');
  let best = '';
  let bestScore = '';
  for (const node of [...new Set(nodes)].sort()) {
    const score = createHash('sha256').update(`${name}\0${node}`, 'utf8').digest('hex');
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}
