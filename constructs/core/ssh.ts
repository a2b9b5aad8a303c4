// The SSH public key rule every construct that installs keys shares (Flatcar users, Debian templates, clones).
import { Token } from 'cdktf';
import { Problems } from './errors';

/** Key types OpenSSH writes to authorized_keys. */
const SSH_KEY_TYPES = [
  'ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
];

/**
 * Adds a problem unless `key` is an OpenSSH public key: a known type, base64 data whose embedded type name matches
 * it, an optional comment. Private keys are refused without echoing them. Tokens are not checked.
 */
export function checkSshPublicKey(p: Problems, prop: string, key: string): void {
  if (Token.isUnresolved(key)) return;
  if (/PRIVATE KEY|^\s*-----BEGIN|PuTTY-User-Key-File/.test(key)) {
    p.addRaw(`'${prop}' must be an OpenSSH public key, got a value that looks like a private key (not shown). Never put ` +
      'a private key in props: pass the public half (the .pub file, e.g. "ssh-ed25519 AAAA... you@host"), and rotate ' +
      'this key if it was committed anywhere.');
    return;
  }
  const m = /^(\S+) ([A-Za-z0-9+/]+={0,2})( [^\r\n]*)?$/.exec(key.trim());
  const fix = `Use one line "<type> <base64> [comment]" with type ${SSH_KEY_TYPES.join(', ')}.`;
  if (!m || !SSH_KEY_TYPES.includes(m[1])) {
    p.add(prop, 'be an OpenSSH public key', key, fix);
    return;
  }
  const blob = Buffer.from(m[2], 'base64');
  const len = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  const embedded = len > 0 && len + 4 <= blob.length ? blob.subarray(4, 4 + len).toString('latin1') : undefined;
  p.check(embedded === m[1] && blob.length > 4 + len, prop, `be an OpenSSH public key whose data encodes its type '${m[1]}'`,
    key, 'The base64 part is damaged or belongs to another key type; copy the .pub file again.');
}
