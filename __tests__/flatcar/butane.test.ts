import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as YAML from 'yaml';
import { Problems } from '../../constructs/core/errors';
import { buildButane, ButaneSnippet, checkButaneDocument, checkButaneSpec, checkSshPublicKey, renderButaneYaml } from '../../constructs/flatcar/butane';
import { parseFlatcarVersion } from '../../constructs/flatcar/flatcar-release';
import { resolveIn } from '../helpers/synth';
import { publicKey } from './fixtures';

function problems(f: (p: Problems) => void): string[] {
  const p = new Problems('t');
  f(p);
  try { p.throwIfAny(); } catch (e: any) { return e.problems; }
  return [];
}
const FLATCAR = parseFlatcarVersion('4230.2.4');

describe('buildButane', () => {
  test('typed props become a flatcar Butane document', () => {
    const key = publicKey();
    const doc = YAML.parse(buildButane({
      version: '1.1.0',
      hostname: 'node1',
      users: [{ name: 'core', sshAuthorizedKeys: [key] }, { name: 'ops', groups: ['sudo'] }],
      files: [{ path: '/etc/motd', contents: 'hello\n', mode: 0o600 }],
      units: [{ name: 'hello.service', contents: '[Service]\nExecStart=/usr/bin/echo hi\n' }, { name: 'locksmithd.service', mask: true }],
    }));
    expect(doc).toEqual({
      variant: 'flatcar',
      version: '1.1.0',
      passwd: { users: [{ name: 'core', ssh_authorized_keys: [key] }, { name: 'ops', groups: ['sudo'] }] },
      storage: {
        files: [
          { path: '/etc/hostname', mode: 0o644, overwrite: true, contents: { inline: 'node1' } },
          { path: '/etc/motd', mode: 0o600, overwrite: true, contents: { inline: 'hello\n' } },
        ],
      },
      systemd: { units: [{ name: 'hello.service', enabled: true, contents: '[Service]\nExecStart=/usr/bin/echo hi\n' }, { name: 'locksmithd.service', mask: true }] },
    });
  });

  test('literal ${ and %{ are escaped for Terraform', () => {
    const text = buildButane({ version: '1.1.0', files: [{ path: '/etc/x', contents: 'a=${HOME} %{if}' }] });
    expect(text).toContain('a=$${HOME} %%{if}');
  });

  test('a token becomes ${jsonencode(...)}: a JSON string is a YAML double-quoted scalar, whatever it holds', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const hash = new TerraformVariable(stack, 'hash', { type: 'string', sensitive: true });
    const text = renderButaneYaml({ passwd: { users: [{ name: 'core', password_hash: hash.stringValue }] } });
    expect(resolveIn(stack, text)).toBe('passwd:\n  users:\n    - name: core\n      password_hash: ${jsonencode(var.hash)}\n');
    // What Terraform then produces for a hash with YAML-hostile characters still parses back to the value.
    const value = '$6$x: "y" #z\\';
    expect(YAML.parse(`password_hash: ${JSON.stringify(value)}`).password_hash).toBe(value);
  });
});

describe('checkSshPublicKey', () => {
  test('accepts the OpenSSH public key types', () => {
    for (const t of ['ssh-ed25519', 'ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
      'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com']) {
      expect(problems((p) => checkSshPublicKey(p, 'k', publicKey(t)))).toEqual([]);
    }
    expect(problems((p) => checkSshPublicKey(p, 'k', publicKey('ssh-ed25519', '')))).toEqual([]);
  });

  test('fails if the key looks like a private key, without echoing it', () => {
    const priv = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    const [msg] = problems((p) => checkSshPublicKey(p, 'sshAuthorizedKeys[0]', priv));
    expect(msg).toMatch(/^'sshAuthorizedKeys\[0\]' must be an OpenSSH public key, got a value that looks like a private key \(not shown\)/);
    expect(msg).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });

  test('fails if the type is unknown or the data does not encode it', () => {
    expect(problems((p) => checkSshPublicKey(p, 'k', 'ssh-dss AAAAB3NzaC1kc3M= x'))[0]).toMatch(/^'k' must be an OpenSSH public key, got "ssh-dss/);
    const swapped = publicKey('ssh-rsa').replace(/^ssh-rsa/, 'ssh-ed25519');
    expect(problems((p) => checkSshPublicKey(p, 'k', swapped))[0]).toMatch(/^'k' must be an OpenSSH public key whose data encodes its type 'ssh-ed25519'/);
  });

  test('tokens are not checked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'key', { type: 'string' });
    expect(problems((p) => checkSshPublicKey(p, 'k', v.stringValue))).toEqual([]);
  });
});

describe('checkButaneSpec', () => {
  test('fails on bad names, paths, modes and duplicates, all at once', () => {
    const got = problems((p) => checkButaneSpec(p, {
      hostname: 'bad_host',
      users: [{ name: 'Root' }, { name: 'ops', passwordHash: '$6$literal' }],
      files: [{ path: 'etc/x', contents: '' }, { path: '/etc/hostname', contents: '' }, { path: '/etc/y', contents: '', mode: 644 }],
      units: [{ name: 'hello', dropins: [{ name: 'x', contents: '' }] }],
    }));
    expect(got).toEqual([
      "'hostname' must be a host name of DNS labels (letters, digits, hyphens), got \"bad_host\". Use dot-separated labels of letters, digits and hyphens, at most 253 characters.",
      "'users' must hold Linux user names (lowercase, digits, _ and -, at most 32), got \"Root\". Rename the user: start with a lower-case letter or _, then lower-case letters, digits, _ or -.",
      expect.stringMatching(/^'users\.ops\.passwordHash' must be a reference to a sensitive TerraformVariable, got a literal string \(value not shown\)/),
      "'files' must hold absolute file paths, got \"etc/x\". Give the full path from /, without a trailing slash.",
      "'files' must not repeat a path (or write /etc/hostname when hostname is set), got \"/etc/hostname\". Merge the entries into one file, or drop the one that writes /etc/hostname.",
      "'files./etc/y.mode' must be permission bits from 0 to 0o777 (write 0o644, not 644), got 644. Write the mode in octal with the 0o prefix, e.g. 0o644.",
      "'units' must hold systemd unit names with a type suffix like \"hello.service\", got \"hello\". Name the unit with its type suffix, e.g. \"hello.service\" or \"backup.timer\".",
      "'units.hello.dropins' must hold file names ending in .conf, got \"x\". Name the drop-in with a .conf suffix, e.g. \"10-override.conf\".",
    ]);
    expect(got.join('\n')).not.toContain('$6$literal');
  });
});

describe('checkButaneDocument', () => {
  test('accepts a flatcar Butane document', () => {
    expect(problems((p) => checkButaneDocument(p, 's', 'variant: flatcar\nversion: 1.0.0\nstorage: {}\n', FLATCAR))).toEqual([]);
  });

  test('fails if it is not valid YAML', () => {
    expect(problems((p) => checkButaneDocument(p, 'butaneSnippets[x]', 'variant: flatcar\nstorage: [files\n', FLATCAR))[0]).toMatch(
      /^'butaneSnippets\[x\]' must be valid YAML, got a parse error: .+\. Fix the Butane file/);
  });

  test('fails if variant or version are missing or wrong', () => {
    expect(problems((p) => checkButaneDocument(p, 's', 'variant: fcos\n', FLATCAR))).toEqual([
      "'s.variant' must be 'flatcar', got \"fcos\". Add 'variant: flatcar' (fcos and other variants are not Flatcar configs).",
      "'s.version' must be set to a Butane spec version, got undefined. Add 'version: 1.1.0'.",
    ]);
    expect(problems((p) => checkButaneDocument(p, 's', '- a\n- b\n', FLATCAR))[0]).toMatch(/^'s' must be a YAML mapping \(a Butane config\)/);
    expect(problems((p) => checkButaneDocument(p, 's', 'a: 1\n---\nb: 2\n', FLATCAR))[0]).toMatch(/^'s' must hold exactly one YAML document, got "2 documents"/);
  });

  test('fails if the version pair cannot work, naming both versions', () => {
    expect(problems((p) => checkButaneDocument(p, 's', 'variant: flatcar\nversion: 1.1.0\n', parseFlatcarVersion('3510.2.6')))[0])
      .toMatch(/^'s\.version' must fit the Flatcar version, got Butane flatcar 1\.1\.0 for Flatcar 3510\.2\.6/);
  });

  test('fails on a literal password_hash, without echoing it', () => {
    const [msg] = problems((p) => checkButaneDocument(p, 's',
      'variant: flatcar\nversion: 1.1.0\npasswd:\n  users:\n    - name: core\n      password_hash: "$6$secret"\n', FLATCAR));
    expect(msg).toMatch(/^'s' must not hold a literal password_hash \(.*\), got one \(value not shown\)\. Use /);
    expect(msg).not.toContain('$6$secret');
  });

  test('tokens are not checked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'butane', { type: 'string' });
    expect(problems((p) => checkButaneDocument(p, 's', v.stringValue, FLATCAR))).toEqual([]);
  });
});

describe('ButaneSnippet', () => {
  test('from an app file, from this library\'s templates/, or inline', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bu-')), 'extra.bu');
    fs.writeFileSync(file, 'variant: flatcar\nversion: 1.1.0\n');
    expect(ButaneSnippet.fromFile(file)).toEqual(expect.objectContaining({ name: file, content: 'variant: flatcar\nversion: 1.1.0\n' }));
    expect(ButaneSnippet.fromTemplate('flatcar/kubernetes-node.bu').name).toBe('templates/flatcar/kubernetes-node.bu');
    expect(ButaneSnippet.inline('x', 'variant: flatcar').content).toBe('variant: flatcar');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
