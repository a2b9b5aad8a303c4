import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum, inferDecompression, ProxmoxImage, ProxmoxImageProps } from '../../constructs/proxmox/image';
import { resolveIn, resourcesOf, synthStack, warningsOf } from '../helpers/synth';

const SHA256 = 'ab'.repeat(32);
const FLATCAR = 'https://stable.release.flatcar-linux.net/amd64-usr/4230.2.3/flatcar_production_qemu_uefi_image.img.bz2';

function image(props: Partial<ProxmoxImageProps> & { url: string }) {
  let img!: ProxmoxImage;
  const out = synthStack((s) => {
    const connection = new ProxmoxConnection(s, 'Proxmox');
    img = new ProxmoxImage(s, 'Img', { connection, checksum: Checksum.sha256(SHA256), proxmoxNodes: ['pve1'], ...props });
  });
  return { ...out, img };
}

describe('ProxmoxImage', () => {
  test('one download per node, keyed by node name, checksum verified', () => {
    const { json, img, stack } = image({ url: 'https://example.com/talos.iso', proxmoxNodes: ['pve1', 'pve2'] });
    const dls = resourcesOf(json, 'proxmox_download_file');
    expect(dls).toHaveLength(2);
    expect(dls.map(([, r]) => r.node_name).sort()).toEqual(['pve1', 'pve2']);
    for (const [, r] of dls) {
      expect(r).toEqual(expect.objectContaining({
        content_type: 'iso', datastore_id: 'local', file_name: 'talos.iso', checksum: SHA256, checksum_algorithm: 'sha256',
      }));
    }
    expect(resolveIn(stack, img.fileIdFor('pve2'))).toMatch(/^\$\{proxmox_download_file\.Img_Download-pve2_[0-9A-F]+\.id\}$/);
  });

  test('adding a node leaves the existing download untouched', () => {
    const one = image({ url: 'https://example.com/talos.iso', proxmoxNodes: ['pve1'] }).json;
    const two = image({ url: 'https://example.com/talos.iso', proxmoxNodes: ['pve1', 'pve2'] }).json;
    const [[name1, r1]] = resourcesOf(one, 'proxmox_download_file');
    const byName = Object.fromEntries(resourcesOf(two, 'proxmox_download_file'));
    expect(byName[name1]).toEqual(r1);
  });

  test('shared datastore: a single download serves every node', () => {
    const { json, img, stack } = image({ url: 'https://example.com/talos.iso', proxmoxNodes: ['pve1', 'pve2', 'pve3'], datastore: { id: 'cephfs', shared: true } });
    expect(resourcesOf(json, 'proxmox_download_file')).toHaveLength(1);
    expect(resolveIn(stack, img.fileIdFor('pve3'))).toBe(resolveIn(stack, img.fileIdFor('pve1')));
  });

  test('compressed disk image: iso content type, decompression inferred, name without suffix', () => {
    const { json } = image({ url: FLATCAR, contentType: 'iso' });
    const [[, r]] = resourcesOf(json, 'proxmox_download_file');
    expect(r).toEqual(expect.objectContaining({ content_type: 'iso', decompression_algorithm: 'bz2', file_name: 'flatcar_production_qemu_uefi_image.img' }));
  });

  test('uncompressed qcow2 defaults to content type import', () => {
    const { json } = image({ url: 'https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2' });
    const [[, r]] = resourcesOf(json, 'proxmox_download_file');
    expect(r.content_type).toBe('import');
    expect(r.decompression_algorithm).toBeUndefined();
  });

  test('Checksum.none warns, naming the reason', () => {
    const { stack } = image({ url: 'https://example.com/talos.iso', checksum: Checksum.none('factory publishes no checksum') });
    expect(warningsOf(stack).join('\n')).toMatch(/downloaded without checksum verification \(factory publishes no checksum\)/);
  });

  test('an all-zero placeholder checksum is flagged', () => {
    const { stack } = image({ url: 'https://example.com/talos.iso', checksum: Checksum.sha256('0'.repeat(64)) });
    expect(warningsOf(stack).join('\n')).toMatch(/all-zero placeholder; the download will fail verification at deploy time/);
    expect(warningsOf(image({ url: 'https://example.com/talos.iso' }).stack)).toEqual([]);
  });

  test('inferDecompression', () => {
    expect(inferDecompression('https://x/y/a.raw.zst')).toEqual({ decompression: 'zst', baseName: 'a.raw' });
    expect(inferDecompression('https://x/y/a.iso')).toEqual({ baseName: 'a.iso' });
  });

  test.each<[Partial<ProxmoxImageProps> & { url: string }, string]>([
    [{ url: 'ftp://x/a.iso' }, "'url' must be an http(s) URL, got \"ftp://x/a.iso\"."],
    [{ url: 'https://x/a.qcow2', checksum: undefined as any }, "'checksum' must be set, got undefined. Use Checksum.sha256(\"<hex>\")"],
    [{ url: 'https://x/a.qcow2', checksum: Checksum.sha256('abc') }, "'checksum' must be 64 hex digits for sha256, got \"abc\"."],
    [{ url: 'https://x/a.qcow2', checksum: Checksum.none(' ') }, "'checksum' must give a reason when opting out with Checksum.none(), got \" \"."],
    [{ url: 'https://x/flatcar.img.bz2' }, "'fileName' must end with .qcow2 or .raw or .vmdk for content type 'import', got \"flatcar.img\"."],
    [{ url: 'https://x/flatcar.qcow2.bz2' }, "'decompression' must be unset for content type 'import' (disk.import_from needs an uncompressed image), got \"bz2\"."],
    [{ url: 'https://x/talos.raw.xz' }, "'url' must not need xz decompression (Proxmox only decompresses gz, lzo, zst, bz2)"],
    [{ url: 'https://x/a.iso', proxmoxNodes: [] }, "'proxmoxNodes' must name at least one Proxmox node, got []."],
    [{ url: 'https://x/a.iso', proxmoxNodes: ['pve1', 'pve1'] }, "'proxmoxNodes' must not repeat a node, got [\"pve1\",\"pve1\"]."],
    [{ url: 'https://x/a.iso', proxmoxNodes: ['pve_1'] }, "'proxmoxNodes' must contain Proxmox node names, got \"pve_1\"."],
  ])('bad input %#', (props, message) => {
    expect(() => image(props)).toThrow(message);
  });

  test('fileIdFor an unknown node names the known ones', () => {
    const { img } = image({ url: 'https://example.com/talos.iso' });
    expect(() => img.fileIdFor('pve9')).toThrow("'proxmoxNode' must be one of the Proxmox nodes this image is downloaded to (pve1), got \"pve9\". Add it to the image's 'proxmoxNodes'.");
  });
});
