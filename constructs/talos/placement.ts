import { createHash } from 'crypto';

/**
 * Picks the Proxmox node for a new cluster node: the candidate running the fewest nodes of the same role
 * (so three control planes on three hosts land on three hosts), ties broken by rendezvous hashing of the
 * name (stable, and independent of the order candidates are listed in).
 *
 * Placement is decided when a node is added and depends on the nodes added before it: appending a node never
 * moves another, but removing one from the middle can move later ones. Pin `proxmoxNode` on nodes of a
 * multi-host cluster that you expect to remove or reorder.
 */
export function pickProxmoxNode(name: string, candidates: readonly string[], load: ReadonlyMap<string, number>): string {
  let best = '';
  let bestKey: [number, string] | undefined;
  for (const c of candidates) {
    const key: [number, string] = [load.get(c) ?? 0, createHash('sha256').update(`${c}\0${name}`, 'utf8').digest('hex')];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}
