// Shared test inputs of the Flatcar tests. Checksums are fake but well-formed hex: tests never download anything.
import { TerraformStack } from 'cdktf';
import { FlatcarImage, FlatcarImageProps } from '../../constructs/flatcar/flatcar-image';
import { FlatcarTemplate, FlatcarTemplateProps } from '../../constructs/flatcar/flatcar-template';
import { ProxmoxAuthMode, ProxmoxConnection } from '../../constructs/proxmox/connection';
import { Checksum } from '../../constructs/proxmox/image';

export const FAKE_SHA512 = Checksum.sha512('ab'.repeat(64));
export const FAKE_SHA256 = Checksum.sha256('cd'.repeat(32));

/** A well-formed OpenSSH public key line of `type` (the key material is a fixed byte pattern, not a real key). */
export function publicKey(type = 'ssh-ed25519', comment = 'test@example', fill = 7): string {
  const u32 = (n: number) => { const x = Buffer.alloc(4); x.writeUInt32BE(n, 0); return x; };
  const str = (b: Buffer) => Buffer.concat([u32(b.length), b]);
  const blob = Buffer.concat([str(Buffer.from(type, 'latin1')), str(Buffer.alloc(32, fill))]);
  return `${type} ${blob.toString('base64')}${comment ? ` ${comment}` : ''}`;
}

export interface BuildOptions {
  readonly authMode?: ProxmoxAuthMode;
  readonly ssh?: boolean;
  readonly image?: Partial<FlatcarImageProps>;
  readonly template?: Partial<FlatcarTemplateProps>;
}

/** A connection, an image on pve1 and a template on pve1, with `o` applied. */
export function buildTemplate(stack: TerraformStack, o: BuildOptions = {}): FlatcarTemplate {
  const connection = new ProxmoxConnection(stack, 'Proxmox', {
    authMode: o.authMode ?? 'api-token+root-password',
    ssh: o.ssh === false ? undefined : { agent: true },
  });
  const image = new FlatcarImage(stack, 'FlatcarStable', {
    connection, proxmoxNodes: ['pve1', 'pve2'], checksum: FAKE_SHA512, ...o.image,
  });
  return new FlatcarTemplate(stack, 'Flatcar', {
    connection, image, name: 'flatcar-base', proxmoxNode: 'pve1', sshAuthorizedKeys: [publicKey()], ...o.template,
  });
}
