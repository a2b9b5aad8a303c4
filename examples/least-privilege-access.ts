// Example: the bootstrap stack an admin applies once, as root@pam, to create the least-privilege role, user and
// API token that every other stack then uses (privileges per job and Proxmox VE version: privileges.ts).
// Run: npm run example -- least-privilege-access   (writes cdktf.out/examples/least-privilege-access/)
// In your own app, import the same names from 'proxmox-cdktf-constructs' (here: the package root, ../constructs).
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { IProxmoxConnection, ProxmoxAccess, ProxmoxConnection, relativeLocalBackend } from '../constructs';

export function addLeastPrivilegeAccess(stack: TerraformStack, connection: IProxmoxConnection): ProxmoxAccess {
  const access = new ProxmoxAccess(stack, 'Automation', {
    connection,
    pveMajorVersion: 9,
    jobs: ['download-images', 'manage-templates', 'clone-vms', 'talos-cluster'],
  });
  // The token id is not a secret. The secret is the UUID alone, what the other stacks read from
  // TF_VAR_proxmox_api_token_secret: `export TF_VAR_proxmox_api_token_secret=$(terraform output -raw token_secret)`.
  new TerraformOutput(stack, 'token_id', { value: access.tokenId });
  new TerraformOutput(stack, 'token_secret', { value: access.tokenSecret, sensitive: true });
  return access;
}

if (require.main === module) {
  const app = new App();
  const stack = new TerraformStack(app, 'example-access');
  // State in terraform.<stack>.tfstate next to the app, written relative to the stack's directory (no absolute path).
  relativeLocalBackend(stack);
  addLeastPrivilegeAccess(stack, new ProxmoxConnection(stack, 'Proxmox', { endpoint: 'https://pve1.home.arpa:8006/', authMode: 'root-password' }));
  app.synth();
}
