// Example: the bootstrap stack an admin applies once, as root@pam, to create the least-privilege role, user and
// API token that every other stack then uses (seed 001's privilege list, adjusted for Proxmox VE 9).
import '../constructs/core/fast-start'; // first: defers cdktf modules no stack uses (before cdktf loads)
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { skipTokenCreationStacks } from '../constructs/core/synth-performance';
import { ProxmoxAccess } from '../constructs/proxmox/access';
import { IProxmoxConnection, ProxmoxConnection } from '../constructs/proxmox/connection';

export function addLeastPrivilegeAccess(stack: TerraformStack, connection: IProxmoxConnection): ProxmoxAccess {
  const access = new ProxmoxAccess(stack, 'Automation', {
    connection,
    pveMajorVersion: 9,
    jobs: ['download-images', 'manage-templates', 'clone-vms', 'talos-cluster'],
  });
  // The token id is not a secret; the secret itself stays a sensitive attribute, read with `terraform output -raw`.
  new TerraformOutput(stack, 'token_id', { value: access.tokenId });
  new TerraformOutput(stack, 'token_secret', { value: access.tokenSecret, sensitive: true });
  return access;
}

if (require.main === module) {
  // Token creation stacks only serve a token resolution error's trace; skipping them halves synthesis time
  // (constructs/core/synth-performance.ts). The library is imported module by module for the same reason.
  skipTokenCreationStacks();
  const app = new App();
  const stack = new TerraformStack(app, 'example-access');
  addLeastPrivilegeAccess(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', authMode: 'root-password' }));
  app.synth();
}
