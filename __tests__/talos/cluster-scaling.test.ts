// Synthesis cost grows linearly with cluster size. Counted, not timed: every token cdktf creates is registered in
// its process-wide TokenMap (kept for the life of the process), so a per-add rebuild of something that lists all
// nodes shows up as a quadratic token count long before it shows up as a slow synth on a busy machine.
import { Aspects, Testing, TerraformStack } from 'cdktf';
import { resolveIn } from '../helpers/synth';
import { skipTokenCreationStacks } from '../../constructs/core/synth-performance';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCni } from '../../constructs/talos/cilium';
import { TalosCluster } from '../../constructs/talos/talos-cluster';

// cdktf's token registry (cdktf/lib/tokens/private/token-map.js): `tokenCounter` counts every string, list, map
// and number token ever registered. Not public API, so the test checks that the field exists before relying on it.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { TokenMap } = require('cdktf/lib/tokens/private/token-map');
const tokenMap = TokenMap.instance();

function tokensRegistered(): number {
  expect(typeof tokenMap.tokenCounter).toBe('number');
  return tokenMap.tokenCounter;
}

/** Tokens registered while building a cluster of `n` nodes (3 control planes; synthesis adds ~2 per node). */
function build(n: number): { tokens: number; stack: TerraformStack; cluster: TalosCluster } {
  const before = tokensRegistered();
  const app = Testing.app();
  const stack = new TerraformStack(app, `scale-${n}`);
  const cluster = new TalosCluster(stack, 'Talos', {
    connection: new ProxmoxConnection(stack, 'Proxmox'),
    clusterName: 'scale',
    proxmoxNodes: ['pve1', 'pve2', 'pve3'],
    network: { subnet: '10.20.0.0/16', gateway: '10.20.255.254' },
    vip: '10.20.255.1',
    cni: TalosCni.cilium(),
  });
  for (let i = 0; i < n; i++) {
    const address = `10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`;
    if (i < 3) cluster.addControlPlane(`cp-${i}`, { address });
    else cluster.addWorker(`w-${i}`, { address });
  }
  return { tokens: tokensRegistered() - before, stack, cluster };
}

describe('TalosCluster at scale', () => {
  // Token creation stacks cost seconds at this size and do not change what is counted.
  beforeAll(() => skipTokenCreationStacks());

  test('tokens registered grow linearly with the number of nodes (1000 vs 500)', () => {
    const half = build(500);
    const full = build(1000);
    // Quadratic growth (one dependable per node per add) gave a ratio near 4 (128,759 -> 507,509 tokens).
    expect(full.tokens / half.tokens).toBeLessThanOrEqual(2.2);
    // Still one dependency per node: bootstrap plus every config apply, in the order the nodes were added.
    const dependsOn = full.cluster.health.dependsOn ?? [];
    expect(dependsOn).toHaveLength(1 + 1000);
    const at = (i: number) => String(resolveIn(full.stack, dependsOn[i]));
    expect(at(0)).toMatch(/^talos_machine_bootstrap\./);
    expect(at(1)).toMatch(/^talos_machine_configuration_apply\.Talos_Node-cp-0_ConfigApply_/);
    expect(at(1000)).toMatch(/^talos_machine_configuration_apply\.Talos_Node-w-999_ConfigApply_/);
    expect(new Set(dependsOn).size).toBe(1001);
    expect(full.cluster.controlPlanes).toHaveLength(3);
    // Placement from the running counts: 997 workers over 3 hosts by fewest workers first.
    const perHost = new Map<string, number>();
    for (const w of full.cluster.workers) perHost.set(w.proxmoxNode, (perHost.get(w.proxmoxNode) ?? 0) + 1);
    expect([...perHost.values()].sort()).toEqual([332, 332, 333]);
  });

  test('the cluster\'s synth-time hooks are visited once, not handed down to every construct of every node', () => {
    // cdktf gives an aspect to each construct below the one holding it (and records each visit by path); the
    // cluster's two hooks (warnings and scheduling once complete, the upgrade order) sit on leaves made before any node.
    const { stack, cluster } = build(20);
    const holders = [stack, ...stack.node.findAll()].filter((c) => Aspects.of(c).all.length > 0);
    expect(holders.map((c) => c.node.path).sort()).toEqual([cluster.secrets.node.path, cluster.upgrades.kubernetes!.node.path].sort());
    for (const c of holders) expect(c.node.children).toEqual([]);
    // Both still run at synthesis: the upgrade steps are ordered (first control plane first) and the workers' scheduling patch is added.
    Testing.synth(stack);
    expect(String(resolveIn(stack, cluster.upgrades.kubernetes!.dependsOn![0]))).toMatch(/^data\.talos_cluster_health\./);
  });
});
