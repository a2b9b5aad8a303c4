// Benchmark app: one Talos cluster of BENCH_NODES nodes (3 control planes, the rest workers) spread over
// BENCH_PROXMOX_NODES Proxmox hosts. Used by `npm run bench` (scripts/bench.js); not part of the example app.
import '../constructs/core/fast-start'; // first: defers cdktf modules no stack uses (before cdktf loads)
import { App, TerraformStack } from 'cdktf';
import { skipTokenCreationStacks } from '../constructs/core/synth-performance';
import { ProxmoxConnection } from '../constructs/proxmox/connection';
import { TalosCni } from '../constructs/talos/cilium';
import { TalosCluster } from '../constructs/talos/talos-cluster';

const total = Number(process.env.BENCH_NODES ?? '10');
const hosts = Number(process.env.BENCH_PROXMOX_NODES ?? '4');
if (!Number.isInteger(total) || total < 3) throw new Error(`BENCH_NODES must be an integer >= 3, got ${process.env.BENCH_NODES}`);

skipTokenCreationStacks();
const app = new App();
const stack = new TerraformStack(app, `bench-cluster-${total}`);
const connection = new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.bench.arpa:8006/', ssh: {} });
const cluster = new TalosCluster(stack, 'Bench', {
  connection,
  clusterName: 'bench',
  proxmoxNodes: Array.from({ length: hosts }, (_, i) => `pve${i + 1}`),
  // A /16 holds 500 nodes: addresses 10.20.<i / 250>.<i % 250 + 2>.
  network: { subnet: '10.20.0.0/16', gateway: '10.20.255.254', addressing: 'meta' },
  vip: '10.20.255.1',
  cni: TalosCni.cilium({ version: '1.16.5' }),
});
const address = (i: number) => `10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`;
for (let i = 0; i < total; i++) {
  if (i < 3) cluster.addControlPlane(`cp-${String(i + 1).padStart(3, '0')}`, { address: address(i) });
  else cluster.addWorker(`worker-${String(i - 2).padStart(3, '0')}`, { address: address(i) });
}
app.synth();
