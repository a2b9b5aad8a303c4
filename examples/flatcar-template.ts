// Example: a Kubernetes-ready Flatcar template on pve1, cloneable on pve1 and pve2 (seeds 000 and 002).
import '../constructs/core/fast-start'; // first: defers cdktf modules no stack uses (before cdktf loads)
import { App, TerraformStack } from 'cdktf';
import { skipTokenCreationStacks } from '../constructs/core/synth-performance';
import { FlatcarImage } from '../constructs/flatcar/flatcar-image';
import { FlatcarTemplate } from '../constructs/flatcar/flatcar-template';
import { IgnitionDelivery } from '../constructs/flatcar/ignition-delivery';
import { KubernetesProfile } from '../constructs/flatcar/kubernetes-profile';
import { IProxmoxConnection, ProxmoxConnection } from '../constructs/proxmox/connection';
import { Checksum } from '../constructs/proxmox/image';

/**
 * The Flatcar `proxmoxve` image reads its Ignition from the cloud-init drive, so the template needs no QEMU
 * `args` and works with the API token; the Ignition snippet is uploaded over the connection's SSH.
 */
export function addFlatcarTemplate(stack: TerraformStack, connection: IProxmoxConnection): FlatcarTemplate {
  const image = new FlatcarImage(stack, 'FlatcarStable', {
    connection,
    nodes: ['pve1'],
    variant: 'proxmoxve',
    // FAKE placeholder, well-formed only: paste the SHA512 line of
    // https://stable.release.flatcar-linux.net/amd64-usr/4230.2.4/flatcar_production_proxmoxve_image.img.DIGESTS
    checksum: Checksum.sha512('0'.repeat(128)),
  });
  return new FlatcarTemplate(stack, 'FlatcarKubernetes', {
    connection,
    image,
    name: 'flatcar-k8s',
    nodeName: 'pve1',
    cloneNodeNames: ['pve2'],
    ignitionDelivery: IgnitionDelivery.cloudInitUserData(),
    memoryMiB: 4096,
    cores: 2,
    // An example public key: replace it with yours (the private half of this one was discarded).
    sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL6AddQgfWGf9/vtYym05Rqk8+3mJ74qvxctLLH+VEgx example@homelab'],
    kubernetes: KubernetesProfile.sysext({
      version: 'v1.33.5',
      // FAKE placeholder, well-formed only: take the line for kubernetes-v1.33.5-x86-64.raw from the SHA256SUMS of
      // https://github.com/flatcar/sysext-bakery/releases/tag/kubernetes-v1.33.5
      checksum: Checksum.sha256('0'.repeat(64)),
    }),
  });
}

if (require.main === module) {
  // Token creation stacks only serve a token resolution error's trace; skipping them halves synthesis time
  // (constructs/core/synth-performance.ts). The library is imported module by module for the same reason.
  skipTokenCreationStacks();
  const app = new App();
  const stack = new TerraformStack(app, 'example-flatcar');
  addFlatcarTemplate(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', ssh: {} }));
  app.synth();
}
