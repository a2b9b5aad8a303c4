import { FlatcarImage, FlatcarImageProps } from '../../constructs/flatcar/flatcar-image';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { resolveIn, resourcesOf, synthStack } from '../helpers/synth';
import { FAKE_SHA512 } from './fixtures';

function build(props: Partial<FlatcarImageProps> = {}) {
  let image!: FlatcarImage;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox', { ssh: {} });
    image = new FlatcarImage(s, 'Flatcar', { connection, proxmoxNodes: ['pve1', 'pve2'], checksum: FAKE_SHA512, ...props });
  });
  return { ...out, image };
}

describe('FlatcarImage', () => {
  test('default: pinned Stable proxmoxve image, uncompressed, content type import, one verified download per node', () => {
    const { json, image, stack } = build();
    const dls = resourcesOf(json, 'proxmox_download_file');
    expect(dls.map(([, r]) => r.node_name).sort()).toEqual(['pve1', 'pve2']);
    for (const [, r] of dls) {
      expect(r).toEqual(expect.objectContaining({
        url: 'https://stable.release.flatcar-linux.net/amd64-usr/4593.2.5/flatcar_production_proxmoxve_image.img',
        content_type: 'import',
        file_name: 'flatcar-stable-4593.2.5-proxmoxve.qcow2',
        checksum: 'ab'.repeat(64),
        checksum_algorithm: 'sha512',
      }));
      expect(r.decompression_algorithm).toBeUndefined();
    }
    const disk = image.bootDiskFor('pve2');
    expect(disk.route).toBe('import_from');
    expect(resolveIn(stack, disk.fileId)).toMatch(/^\$\{proxmox_download_file\.Flatcar_Image_Download-pve2_[0-9A-F]+\.id\}$/);
  });

  test('bz2: content type iso, Proxmox decompresses, the VM imports with file_id over SSH', () => {
    const { json, image } = build({ variant: 'qemu', compression: 'bz2', proxmoxNodes: ['pve1'] });
    const [[, r]] = resourcesOf(json, 'proxmox_download_file');
    expect(r).toEqual(expect.objectContaining({
      url: 'https://stable.release.flatcar-linux.net/amd64-usr/4593.2.5/flatcar_production_qemu_uefi_image.img.bz2',
      content_type: 'iso', decompression_algorithm: 'bz2', file_name: 'flatcar-stable-4593.2.5-qemu.img',
    }));
    expect(image.bootDiskRoute).toBe('file_id');
  });

  test('shared datastore: one download', () => {
    const { json } = build({ datastore: { id: 'cephfs', shared: true } });
    expect(resourcesOf(json, 'proxmox_download_file')).toHaveLength(1);
  });

  test('fails if channel, version and variant do not fit, all at once', () => {
    expect(() => build({ channel: 'nightly' as any, version: 'current' })).toThrow(
      /Flatcar: \n  - 'channel' must be one of 'stable', 'beta', 'alpha', 'lts', got "nightly"\. Pick the channel your version is published in\.\n  - 'version' must be a Flatcar version MAJOR\.MINOR\.PATCH like "4230\.2\.4", got "current"/);
    expect(() => build({ version: '4081.2.1' })).toThrow(/'variant' must be 'qemu' for Flatcar 4081\.2\.1/);
  });

  test('fails if a template asks for a node the image is not on', () => {
    expect(() => build().image.bootDiskFor('pve9')).toThrow(
      "'proxmoxNode' must be one of the Proxmox nodes this image is downloaded to (pve1, pve2), got \"pve9\". Add it to the image's 'proxmoxNodes'.");
  });
});
