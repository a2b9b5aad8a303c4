import { Problems } from '../../constructs/core/errors';
import { isPlaceholderSshKey, PLACEHOLDER_SSH_PUBLIC_KEY } from '../../constructs/core/placeholders';
import { checkSshPublicKey } from '../../constructs/flatcar/butane';
import { publicKey } from '../flatcar/fixtures';

describe('placeholder SSH key', () => {
  test('is a well-formed OpenSSH key (examples synthesize) with all-zero key material', () => {
    const p = new Problems('t');
    checkSshPublicKey(p, 'k', PLACEHOLDER_SSH_PUBLIC_KEY);
    expect(p.count).toBe(0);
    expect(isPlaceholderSshKey(PLACEHOLDER_SSH_PUBLIC_KEY)).toBe(true);
    expect(isPlaceholderSshKey(publicKey('ssh-ed25519', 'x', 0))).toBe(true);
  });

  test('real-looking keys and junk are not placeholders', () => {
    expect(isPlaceholderSshKey(publicKey())).toBe(false);
    expect(isPlaceholderSshKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL6AddQgfWGf9/vtYym05Rqk8+3mJ74qvxctLLH+VEgx a@b')).toBe(false);
    expect(isPlaceholderSshKey('not a key')).toBe(false);
    expect(isPlaceholderSshKey('ssh-ed25519 AAAA')).toBe(false);
  });
});
