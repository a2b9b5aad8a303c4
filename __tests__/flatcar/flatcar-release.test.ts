import { Problems } from '../../constructs/core/errors';
import {
  checkButaneForFlatcar, checkFlatcarRelease, checkImageVariant, DEFAULT_FLATCAR_VERSION, flatcarImageUrl, flatcarStoredFileName,
  parseFlatcarVersion,
} from '../../constructs/flatcar/flatcar-release';

function problems(f: (p: Problems) => void): string[] {
  const p = new Problems('t');
  f(p);
  try { p.throwIfAny(); } catch (e: any) { return e.problems; }
  return [];
}

describe('Flatcar releases', () => {
  test('the default is a Stable release', () => {
    expect(parseFlatcarVersion(DEFAULT_FLATCAR_VERSION)).toEqual({ major: 4593, minor: 2, patch: 5 });
    expect(problems((p) => checkFlatcarRelease(p, 'stable', DEFAULT_FLATCAR_VERSION))).toEqual([]);
  });

  test('image URLs follow the release server layout', () => {
    expect(flatcarImageUrl('stable', '4230.2.4', 'qemu', 'bz2')).toBe(
      'https://stable.release.flatcar-linux.net/amd64-usr/4230.2.4/flatcar_production_qemu_uefi_image.img.bz2');
    expect(flatcarImageUrl('beta', '4459.1.0', 'proxmoxve', 'none', 'https://mirror.lan/flatcar/<channel>/')).toBe(
      'https://mirror.lan/flatcar/beta/4459.1.0/flatcar_production_proxmoxve_image.img');
  });

  test('stored names carry the version and the extension Proxmox wants (qemu .img is qcow2)', () => {
    expect(flatcarStoredFileName('stable', '4230.2.4', 'qemu', 'none')).toBe('flatcar-stable-4230.2.4-qemu.qcow2');
    expect(flatcarStoredFileName('stable', '4230.2.4', 'qemu', 'bz2')).toBe('flatcar-stable-4230.2.4-qemu.img');
  });

  test('fails if the channel is unknown', () => {
    expect(problems((p) => checkFlatcarRelease(p, 'edge', '4230.2.4'))).toEqual([
      "'channel' must be one of 'stable', 'beta', 'alpha', 'lts', got \"edge\". Pick the channel your version is published in.",
    ]);
  });

  test('fails if the version is not MAJOR.MINOR.PATCH', () => {
    for (const v of ['current', '4230.2', '4230.2.4.1', 'v4230.2.4']) {
      expect(problems((p) => checkFlatcarRelease(p, 'stable', v))[0]).toMatch(
        new RegExp(`^'version' must be a Flatcar version MAJOR.MINOR.PATCH like "4230.2.4", got "${v.replace(/\./g, '\\.')}"`));
    }
  });

  test('fails if the version belongs to another channel', () => {
    expect(problems((p) => checkFlatcarRelease(p, 'beta', '4230.2.4'))[0]).toMatch(
      /^'version' must be a 'beta' release \(MAJOR\.1\.PATCH\), got "4230\.2\.4"\. Flatcar's middle number names the channel/);
    expect(problems((p) => checkFlatcarRelease(p, 'lts', '4081.3.6'))).toEqual([]);
  });

  test('fails if the proxmoxve image is asked of a release without it', () => {
    expect(problems((p) => checkImageVariant(p, 'proxmoxve', parseFlatcarVersion('4081.2.1')))[0]).toMatch(
      /^'variant' must be 'qemu' for Flatcar 4081\.2\.1: the 'proxmoxve' image exists from 4152 \(Stable 4152\.2\.0\) on/);
    expect(problems((p) => checkImageVariant(p, 'proxmoxve', parseFlatcarVersion('4152.2.0')))).toEqual([]);
  });

  test('fails if the Butane version cannot work on the Flatcar version (Ignition older than the rendered spec)', () => {
    const [msg] = problems((p) => checkButaneForFlatcar(p, 'butaneVersion', '1.0.0', parseFlatcarVersion('3510.2.6')));
    expect(msg).toContain("'butaneVersion' must fit the Flatcar version, got Butane flatcar 1.0.0 for Flatcar 3510.2.6");
    expect(msg).toContain('Ignition spec 3.4.0, which needs Ignition >= 2.15, shipped from Flatcar 3602 (Stable 3602.2.0) on');
    expect(problems((p) => checkButaneForFlatcar(p, 'butaneVersion', '1.1.0', parseFlatcarVersion('3602.2.0')))).toEqual([]);
  });

  test('fails if the Butane version is not one ct 0.14.0 renders', () => {
    expect(problems((p) => checkButaneForFlatcar(p, 'v', '1.2.0-experimental', undefined))[0]).toMatch(
      /^'v' must be a Butane 'flatcar' spec version poseidon\/ct 0\.14\.0 renders \(1\.0\.0, 1\.1\.0\), got "1\.2\.0-experimental"/);
  });
});
