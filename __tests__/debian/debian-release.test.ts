import { Problems } from '../../constructs/core/errors';
import { checkDebianImage, debianChecksumsUrl, debianCloudImageUrl, DebianImageSpec } from '../../constructs/debian/debian-release';

describe('Debian cloud images', () => {
  test('dated build URL and its SHA512SUMS', () => {
    const spec: DebianImageSpec = { major: 13, variant: 'generic', build: '20251117-2299' };
    expect(debianCloudImageUrl(spec)).toBe('https://cloud.debian.org/images/cloud/trixie/20251117-2299/debian-13-generic-amd64-20251117-2299.qcow2');
    expect(debianChecksumsUrl(spec)).toBe('https://cloud.debian.org/images/cloud/trixie/20251117-2299/SHA512SUMS');
  });

  test('latest and bookworm', () => {
    expect(debianCloudImageUrl({ major: 12, variant: 'genericcloud', build: 'latest' }))
      .toBe('https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2');
  });

  test.each<[DebianImageSpec, string]>([
    [{ major: 14, variant: 'generic', build: 'latest' }, "'release' must be a known Debian release (12, 13), got 14."],
    [{ major: 13, variant: 'nocloud' as never, build: 'latest' }, "'variant' must be 'generic' or 'genericcloud', got \"nocloud\"."],
    [{ major: 13, variant: 'generic', build: '2025-11-17' }, "'build' must be a dated build like \"20251117-2299\" or \"latest\", got \"2025-11-17\"."],
  ])('fails if %j', (spec, message) => {
    const p = new Problems('t');
    checkDebianImage(p, spec);
    expect(() => p.throwIfAny()).toThrow(message);
  });

  test('an unknown release has no URL', () => {
    expect(() => debianCloudImageUrl({ major: 11, variant: 'generic', build: 'latest' })).toThrow('unknown Debian release 11');
  });
});
