import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { addFlatcarTemplate } from '../../examples/flatcar-template';
import { dataOf, onlyResource, resourcesOf, synthStack } from '../helpers/synth';

describe('examples/flatcar-template', () => {
  test('synthesizes with the main.ts connection: token provider, snippets on both nodes, Kubernetes snippets', () => {
    let template: ReturnType<typeof addFlatcarTemplate> | undefined;
    const { json } = synthStack((s) => {
      const connection = new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token+root-password', ssh: { agent: true } });
      template = addFlatcarTemplate(s, connection);
    });
    expect(template!.ignitionDeliveryKind).toBe('cloud-init-user-data');
    expect(onlyResource(json, 'proxmox_virtual_environment_vm').provider).toBe('proxmox');
    expect(resourcesOf(json, 'proxmox_virtual_environment_file').map(([, f]) => f.node_name).sort()).toEqual(['pve1', 'pve2']);
    expect(dataOf(json, 'ct_config')[0][1].snippets).toHaveLength(2);
  });
});
