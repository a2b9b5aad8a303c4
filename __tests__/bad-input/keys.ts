// Inputs shared by the bad-input tables: fake but well-formed checksums and SSH keys (nothing is downloaded).
import { Checksum } from '../../constructs/proxmox/image';

export const SHA512 = Checksum.sha512('ab'.repeat(64));
export const SHA256 = Checksum.sha256('cd'.repeat(32));

/** A well-formed ssh-ed25519 public key line (a fixed byte pattern, not a real key). */
export function publicKey(): string {
  const field = (b: Buffer) => { const n = Buffer.alloc(4); n.writeUInt32BE(b.length, 0); return Buffer.concat([n, b]); };
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(Buffer.alloc(32, 7))]).toString('base64')} test@example`;
}
