// Example: a Talos cluster by one `terraform apply`: 3 control planes and 2 workers on the single Proxmox host
// `atlas`, static addresses baked into each node's image (META key 10), a Talos VIP in front of the API
// servers, Cilium as CNI, the QEMU guest agent, and the tailscale extension (Tailscale's own coordination
// server; set `loginServer` to use your Headscale).
// Run: npm run example -- talos-cluster   (writes cdktf.out/examples/talos-cluster/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IProxmoxConnection, ProxmoxConnection, relativeLocalBackend, TalosCluster, TalosCni } from '../constructs';

/** The layout: name -> [address, VM id] (VM ids 300-304). */
const CONTROL_PLANES: ReadonlyArray<[string, string, number]> = [
  ['talos-cp-01', '10.0.0.11', 300],
  ['talos-cp-02', '10.0.0.12', 301],
  ['talos-cp-03', '10.0.0.13', 302],
];
const WORKERS: ReadonlyArray<[string, string, number]> = [
  ['talos-worker-01', '10.0.0.21', 303],
  ['talos-worker-02', '10.0.0.22', 304],
];

/** Adds the Talos cluster to `stack`. The tailscale auth key comes from `TF_VAR_home_tailscale_auth_key`. */
export function addTalosCluster(stack: Construct, connection: IProxmoxConnection): TalosCluster {
  const cluster = new TalosCluster(stack, 'TalosHome', {
    connection,
    clusterName: 'home',
    proxmoxNodes: ['atlas'],
    // The home LAN, 10.0.0.0/16 with gateway 10.0.0.1; static addresses via META.
    network: { subnet: '10.0.0.0/16', gateway: '10.0.0.1', nameservers: ['1.1.1.1', '8.8.8.8'], addressing: 'meta' },
    vip: '10.0.0.20',
    // Talos, Kubernetes and Cilium: the library's defaults (constructs/versions.ts).
    cni: TalosCni.cilium(),
    tailscale: {},
    // home.kubeconfig and home.talosconfig (mode 0600) in the stack's directory; without it, no files.
    outputDirectory: '.',
  });
  for (const [name, address, vmId] of CONTROL_PLANES) cluster.addControlPlane(name, { address, vmId });
  for (const [name, address, vmId] of WORKERS) cluster.addWorker(name, { address, vmId });
  new TerraformOutput(stack, 'cluster_endpoint', { value: cluster.clusterEndpoint });
  new TerraformOutput(stack, 'kubeconfig', { value: cluster.kubeconfigRaw, sensitive: true });
  return cluster;
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-talos');
  // State in terraform.<stack>.tfstate next to the app, written relative to the stack's directory (no absolute path).
  relativeLocalBackend(stack);
  addTalosCluster(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://atlas.home.arpa:8006/' }));
  app.synth();
}
