import { Annotations, Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Well-formed placeholders for values only the user has, and their synth-time warnings: an example or a default
 * configuration must synthesize, but must never deploy something nobody can use or that belongs to someone else.
 */

/**
 * An ed25519 public key whose key material is all zeros: accepted by every OpenSSH parser, matched by no private
 * key. Flagged at synth time wherever it is used (see {@link warnPlaceholderSshKeys}).
 */
export const PLACEHOLDER_SSH_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA replace-me@example.invalid';

/** Pure: whether an OpenSSH public key line carries all-zero key material (a placeholder, never a real key). */
export function isPlaceholderSshKey(key: string): boolean {
  if (Token.isUnresolved(key)) return false;
  const m = /^\S+ ([A-Za-z0-9+/]+={0,2})/.exec(key.trim());
  if (!m) return false;
  const blob = Buffer.from(m[1], 'base64');
  // Fields: u32 length + bytes. The first is the type name; the key material follows.
  let i = 0;
  let fields = 0;
  let zeros = true;
  while (i + 4 <= blob.length) {
    const len = blob.readUInt32BE(i);
    if (i + 4 + len > blob.length) return false;
    if (fields > 0 && blob.subarray(i + 4, i + 4 + len).some((b) => b !== 0)) zeros = false;
    i += 4 + len;
    fields++;
  }
  return i === blob.length && fields > 1 && zeros;
}

/** Warns on `scope` for every placeholder key in `keys` (`prop` names where they were given). */
export function warnPlaceholderSshKeys(scope: IConstruct, prop: string, keys: readonly string[] | undefined): void {
  if ((keys ?? []).some(isPlaceholderSshKey)) {
    Annotations.of(scope).addWarning(`${scope.node.path}: '${prop}' holds the placeholder SSH key (all-zero key material); ` +
      'nobody can log in with it. Set your own public key.');
  }
}
