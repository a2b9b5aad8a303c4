// Example: a Kubernetes-ready Flatcar template on pve1, cloneable on pve1 and pve2.
// Run: npm run example -- flatcar-template   (writes cdktf.out/examples/flatcar-template/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  Checksum, FlatcarImage, FlatcarTemplate, IgnitionDelivery, IProxmoxConnection, KubernetesProfile, PLACEHOLDER_SSH_PUBLIC_KEY,
  ProxmoxConnection,
} from '../constructs';

/**
 * The Flatcar `proxmoxve` image reads its Ignition from the cloud-init drive, so the template needs no QEMU
 * `args` and works with the API token; the Ignition snippet is uploaded over the connection's SSH.
 */
export function addFlatcarTemplate(stack: TerraformStack, connection: IProxmoxConnection): FlatcarTemplate {
  const image = new FlatcarImage(stack, 'FlatcarStable', {
    connection,
    proxmoxNodes: ['pve1'],
    variant: 'proxmoxve',
    // FAKE placeholder, well-formed only: paste the SHA512 line of
    // https://stable.release.flatcar-linux.net/amd64-usr/4593.2.5/flatcar_production_proxmoxve_image.img.DIGESTS
    // (Stable 4593.2.5 is the default release, constructs/versions.ts; its digests were not available offline)
    checksum: Checksum.sha512('0'.repeat(128)),
  });
  const template = new FlatcarTemplate(stack, 'FlatcarKubernetes', {
    connection,
    image,
    name: 'flatcar-k8s',
    proxmoxNode: 'pve1',
    cloneProxmoxNodes: ['pve2'],
    ignitionDelivery: IgnitionDelivery.cloudInitUserData(),
    memoryMiB: 4096,
    cores: 2,
    // Flagged at synth: put your own public key here.
    sshAuthorizedKeys: [PLACEHOLDER_SSH_PUBLIC_KEY],
    kubernetes: KubernetesProfile.sysext({
      version: 'v1.33.5',
      // FAKE placeholder, well-formed only: take the line for kubernetes-v1.33.5-x86-64.raw from the SHA256SUMS of
      // https://github.com/flatcar/sysext-bakery/releases/tag/kubernetes-v1.33.5
      checksum: Checksum.sha256('0'.repeat(64)),
    }),
  });
  new TerraformOutput(stack, 'template_vm_id', { value: template.templateVmId });
  return template;
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-flatcar');
  addFlatcarTemplate(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', ssh: {} }));
  app.synth();
}
