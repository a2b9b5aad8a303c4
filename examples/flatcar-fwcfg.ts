// Example: the classic Flatcar-on-Proxmox way, without its manual steps: the Flatcar qemu image reads Ignition from QEMU fw_cfg,
// which needs `args`, which Proxmox only accepts from root@pam by password. The combined auth mode keeps the
// least-privilege token for everything and routes only this VM through a root@pam provider alias.
// Run: npm run example -- flatcar-fwcfg   (writes cdktf.out/examples/flatcar-fwcfg/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  Checksum, FlatcarImage, FlatcarTemplate, IgnitionDelivery, IProxmoxConnection, PLACEHOLDER_SSH_PUBLIC_KEY, ProxmoxConnection,
} from '../constructs';

export function addFlatcarFwCfgTemplate(stack: TerraformStack, connection: IProxmoxConnection): FlatcarTemplate {
  const image = new FlatcarImage(stack, 'FlatcarQemu', {
    connection,
    proxmoxNodes: ['pve1'],
    variant: 'qemu',
    // FAKE placeholder (flagged at synth): the SHA512 from the release's .DIGESTS file.
    checksum: Checksum.sha512('0'.repeat(128)),
  });
  const template = new FlatcarTemplate(stack, 'Flatcar', {
    connection,
    image,
    name: 'flatcar-fwcfg',
    proxmoxNode: 'pve1',
    ignitionDelivery: IgnitionDelivery.fwCfgString(),
    // Flagged at synth: put your own public key here.
    sshAuthorizedKeys: [PLACEHOLDER_SSH_PUBLIC_KEY],
  });
  new TerraformOutput(stack, 'template_vm_id', { value: template.templateVmId });
  return template;
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-flatcar-fwcfg');
  addFlatcarFwCfgTemplate(stack, new ProxmoxConnection(stack, 'Proxmox', {
    endpoint: 'https://pve1.home.arpa:8006/', authMode: 'api-token+root-password', ssh: {},
  }));
  app.synth();
}
