// Example: the seed 000 way, without its manual steps: the Flatcar qemu image reads Ignition from QEMU fw_cfg,
// which needs `args`, which Proxmox only accepts from root@pam by password. The combined auth mode keeps the
// least-privilege token for everything and routes only this VM through a root@pam provider alias.
import '../constructs/core/fast-start'; // first: defers cdktf modules no stack uses (before cdktf loads)
import { App, TerraformStack } from 'cdktf';
import { skipTokenCreationStacks } from '../constructs/core/synth-performance';
import { FlatcarImage } from '../constructs/flatcar/flatcar-image';
import { FlatcarTemplate } from '../constructs/flatcar/flatcar-template';
import { IgnitionDelivery } from '../constructs/flatcar/ignition-delivery';
import { IProxmoxConnection, ProxmoxConnection } from '../constructs/proxmox/connection';
import { Checksum } from '../constructs/proxmox/image';

export function addFlatcarFwCfgTemplate(stack: TerraformStack, connection: IProxmoxConnection): FlatcarTemplate {
  const image = new FlatcarImage(stack, 'FlatcarQemu', {
    connection,
    nodes: ['pve1'],
    variant: 'qemu',
    // FAKE placeholder (flagged at synth): the SHA512 from the release's .DIGESTS file.
    checksum: Checksum.sha512('0'.repeat(128)),
  });
  return new FlatcarTemplate(stack, 'Flatcar', {
    connection,
    image,
    name: 'flatcar-fwcfg',
    nodeName: 'pve1',
    ignitionDelivery: IgnitionDelivery.fwCfgString(),
    sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL6AddQgfWGf9/vtYym05Rqk8+3mJ74qvxctLLH+VEgx admin@homelab'],
  });
}

if (require.main === module) {
  // Token creation stacks only serve a token resolution error's trace; skipping them halves synthesis time
  // (constructs/core/synth-performance.ts). The library is imported module by module for the same reason.
  skipTokenCreationStacks();
  const app = new App();
  const stack = new TerraformStack(app, 'example-flatcar-fwcfg');
  addFlatcarFwCfgTemplate(stack, new ProxmoxConnection(stack, 'Proxmox', {
    endpoint: 'https://pve1.home.arpa:8006/', authMode: 'api-token+root-password', ssh: {},
  }));
  app.synth();
}
