import { TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';
import { TAILSCALE_EXTENSION } from '../../constructs/talos/schematic';
import { TalosImage, TalosImageProps } from '../../constructs/talos/talos-image';
import { dataOf, onlyResource, resolveIn, resourcesOf, synthStack, warningsOf } from '../helpers/synth';

function image(props: Partial<TalosImageProps> = {}, nodes: string[] = ['pve1']) {
  let img!: TalosImage;
  const out = synthStack((s: TerraformStack) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    img = new TalosImage(s, 'Img', { connection, ...props });
    for (const n of nodes) img.fileIdFor(n);
  });
  return { ...out, img };
}

describe('TalosImage', () => {
  test('schematic, installer URL data source and a qcow2 import download, verified by nothing but a warning', () => {
    const { json, img, stack } = image();
    expect(parse(onlyResource(json, 'talos_image_factory_schematic').schematic)).toEqual({
      customization: { systemExtensions: { officialExtensions: ['siderolabs/qemu-guest-agent'] } },
    });
    const [[, urls]] = dataOf(json, 'talos_image_factory_urls');
    expect(urls).toEqual(expect.objectContaining({ platform: 'metal', architecture: 'amd64', talos_version: 'v1.13.10' }));
    expect(urls.schematic_id).toMatch(/^\$\{talos_image_factory_schematic\.Img_Schematic_[0-9A-F]+\.id\}$/);
    const dl = onlyResource(json, 'proxmox_download_file');
    expect(dl).toEqual(expect.objectContaining({ content_type: 'import', datastore_id: 'local', node_name: 'pve1' }));
    expect(dl.url).toMatch(/^https:\/\/factory\.talos\.dev\/image\/\$\{talos_image_factory_schematic\.Img_Schematic_[0-9A-F]+\.id\}\/v1\.13\.10\/metal-amd64\.qcow2$/);
    expect(dl.file_name).toMatch(/^talos-v1\.13\.10-metal-amd64-[0-9a-f]{12}\.qcow2$/);
    expect(dl.checksum).toBeUndefined();
    expect(dl.decompression_algorithm).toBeUndefined();
    expect(warningsOf(stack).join('\n')).toContain('downloaded without checksum verification (the Talos Image Factory publishes no checksums');
    expect(resolveIn(stack, img.installerImage)).toMatch(/^\$\{data\.talos_image_factory_urls\.Img_Urls_[0-9A-F]+\.urls\.installer\}$/);
    expect(Object.keys(json.provider).sort()).toEqual(['proxmox', 'talos']);
  });

  test('one download per Proxmox node that asks, keyed by node name; asking twice downloads once', () => {
    const { json, img, stack } = image({}, ['pve1', 'pve2', 'pve1']);
    const dls = resourcesOf(json, 'proxmox_download_file');
    expect(dls.map(([, r]) => r.node_name).sort()).toEqual(['pve1', 'pve2']);
    expect(dls.map(([n]) => n).sort()[1]).toMatch(/^Img_Proxmox-pve2_Download-pve2_/);
    expect(resolveIn(stack, img.fileIdFor('pve2'))).toMatch(/Img_Proxmox-pve2_Download-pve2_[0-9A-F]+\.id\}$/);
  });

  test('shared storage: one download for every node', () => {
    const { json, img, stack } = image({ datastore: { id: 'cephfs', shared: true } }, ['pve1', 'pve2', 'pve3']);
    expect(resourcesOf(json, 'proxmox_download_file')).toHaveLength(1);
    expect(resolveIn(stack, img.fileIdFor('pve3'))).toBe(resolveIn(stack, img.fileIdFor('pve1')));
  });

  test('ISO format, nocloud platform, extensions and a checksum', () => {
    const { json, stack } = image({ format: 'iso', platform: 'nocloud', extensions: [TAILSCALE_EXTENSION], checksum: Checksum.sha256('ab'.repeat(32)) });
    const dl = onlyResource(json, 'proxmox_download_file');
    expect(dl).toEqual(expect.objectContaining({ content_type: 'iso', checksum: 'ab'.repeat(32), checksum_algorithm: 'sha256' }));
    expect(dl.url).toMatch(/\/nocloud-amd64\.iso$/);
    expect(dl.file_name).toMatch(/^talos-v1\.13\.10-nocloud-amd64-[0-9a-f]{12}\.iso$/);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('different schematics get different file names in the same storage', () => {
    const a = onlyResource(image().json, 'proxmox_download_file').file_name;
    const b = onlyResource(image({ kernelArgs: ['console=ttyS0'] }).json, 'proxmox_download_file').file_name;
    expect(a).not.toBe(b);
  });

  test.each<[Partial<TalosImageProps>, string]>([
    [{ talosVersion: '1.11.5' }, "'talosVersion' must be a Talos release like \"v1.11.5\" (with the leading v), got \"1.11.5\"."],
    [{ platform: 'aws' as any }, "'platform' must be 'metal' or 'nocloud', got \"aws\"."],
    [{ architecture: 'riscv64' as any }, "'architecture' must be 'amd64' or 'arm64', got \"riscv64\"."],
    [{ imageFactoryUrl: 'http://factory.local' }, "'imageFactoryUrl' must be an https URL without a path like \"https://factory.talos.dev\", got \"http://factory.local\"."],
    [{ extensions: ['tailscale'] }, "'extensions' must contain official extension names"],
  ])('fails on bad input %#', (props, message) => {
    expect(() => image(props)).toThrow(message);
  });
});
