// The example app: `npm run synth` (or `npx cdktf synth`) writes cdktf.out/stacks/<stack>/cdk.tf.json.
import { App, TerraformStack } from 'cdktf';
import { Checksum, ProxmoxConnection, ProxmoxImage } from './constructs';

const app = new App();
const stack = new TerraformStack(app, 'homelab-images');
const proxmox = new ProxmoxConnection(stack, 'Proxmox', {
  endpoint: 'https://pve1.home.arpa:8006/',
  authMode: 'api-token+root-password',
  ssh: { agent: true },
});
new ProxmoxImage(stack, 'DebianTrixie', {
  connection: proxmox,
  url: 'https://cloud.debian.org/images/cloud/trixie/20251117-2299/debian-13-genericcloud-amd64-20251117-2299.qcow2',
  checksum: Checksum.sha512('0'.repeat(128)),
  nodes: ['pve1', 'pve2'],
});
app.synth();
