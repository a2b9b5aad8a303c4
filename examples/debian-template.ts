// Example: a Kubernetes-ready Debian 13 golden template and one VM cloned from it.
// Run: npm run example -- debian-template   (writes cdktf.out/examples/debian-template/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  Checksum, ClonedVm, DEBIAN_13_BUILD, DEBIAN_13_GENERIC_AMD64_SHA512, DebianGoldenTemplate, IpConfig, IProxmoxConnection,
  PLACEHOLDER_SSH_PUBLIC_KEY, ProxmoxConnection,
} from '../constructs';

/** What {@link addDebianTemplateAndClone} creates. */
export interface DebianTemplateExample {
  readonly template: DebianGoldenTemplate;
  readonly clone: ClonedVm;
}

/**
 * Adds the golden template on `pve1` and a clone of it. `connection` needs SSH (snippet upload and the finalize
 * step). Replace the build and its SHA-512 with a current pair from https://cloud.debian.org/images/cloud/trixie/
 * (the image's line in that build's SHA512SUMS).
 */
export function addDebianTemplateAndClone(stack: TerraformStack, connection: IProxmoxConnection): DebianTemplateExample {
  const template = new DebianGoldenTemplate(stack, 'DebianGolden', {
    connection,
    proxmoxNode: 'pve1',
    build: DEBIAN_13_BUILD,
    checksum: Checksum.sha512(DEBIAN_13_GENERIC_AMD64_SHA512),
    vmId: 9000,
    chronyAllowCidrs: ['10.0.0.0/24'],
  });
  const clone = new ClonedVm(stack, 'K8sNode1', {
    connection,
    template,
    memoryMiB: 4096,
    cores: 4,
    ipConfig: IpConfig.static('10.0.0.21/24', '10.0.0.1'),
    dnsServers: ['10.0.0.1'],
    sshAuthorizedKeys: [PLACEHOLDER_SSH_PUBLIC_KEY],
  });
  new TerraformOutput(stack, 'template_vm_id', { value: template.templateVmId });
  new TerraformOutput(stack, 'clone_vm_id', { value: clone.vmId });
  return { template, clone };
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-debian');
  addDebianTemplateAndClone(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', ssh: {} }));
  app.synth();
}
