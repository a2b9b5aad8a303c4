// Every app in examples/ synthesizes as a user runs it (`npm run example -- <name>`, i.e. scripts/example.js), into
// its own directory, with its own outputs; its stack holds the resources the example is about, and its warnings
// are the placeholder ones (checksums, SSH key) a user must replace.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_HOMELAB } from '../homelab/config';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES: Record<string, { stack: string; expect: Record<string, number>; outputs: string[]; placeholderKey: boolean }> = {
  'flatcar-template': { stack: 'example-flatcar', expect: { proxmox_virtual_environment_vm: 1, proxmox_download_file: 1 }, outputs: ['template_vm_id'], placeholderKey: true },
  'flatcar-fwcfg': { stack: 'example-flatcar-fwcfg', expect: { proxmox_virtual_environment_vm: 1 }, outputs: ['template_vm_id'], placeholderKey: true },
  'debian-template': { stack: 'example-debian', expect: { proxmox_virtual_environment_vm: 2, terraform_data: 1 }, outputs: ['clone_vm_id', 'template_vm_id'], placeholderKey: true },
  'talos-cluster': { stack: 'example-talos', expect: { proxmox_virtual_environment_vm: 5, talos_machine_configuration_apply: 5, talos_machine_bootstrap: 1 }, outputs: ['cluster_endpoint', 'kubeconfig'], placeholderKey: false },
  'talos-day2': { stack: 'example-talos-day2', expect: { proxmox_virtual_environment_vm: 6, terraform_data: 13 }, outputs: ['cluster_endpoint', 'kubeconfig'], placeholderKey: false },
  'least-privilege-access': { stack: 'example-access', expect: { proxmox_virtual_environment_role: 2, proxmox_user_token: 1 }, outputs: ['token_id', 'token_secret'], placeholderKey: false },
};
const source = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', `${name}.ts`), 'utf8');

describe('examples/', () => {
  let outRoot: string;
  beforeAll(() => { outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-')); });
  afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

  test('every example file is listed here, and `npm run example` lists them all', () => {
    const files = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(EXAMPLES).sort());
    const r = spawnSync(process.execPath, ['scripts/example.js'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`usage: npm run example -- <name>\nexamples: ${files.sort().join(', ')}\n`);
    const bad = spawnSync(process.execPath, ['scripts/example.js', 'nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });

  test.each(Object.keys(EXAMPLES))('%s says how to run it and imports only from the package root', (name) => {
    const text = source(name);
    expect(text).toContain(`// Run: npm run example -- ${name}   (writes cdktf.out/examples/${name}/)`);
    const imports = [...text.matchAll(/\bfrom '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toContain('../constructs');
    expect(imports.filter((i) => !['cdktf', 'constructs', '../constructs'].includes(i))).toEqual([]);
  });

  test.each(Object.entries(EXAMPLES))('%s synthesizes into its own directory, with its outputs', (name, { stack, expect: counts, outputs, placeholderKey }) => {
    const r = spawnSync(process.execPath, ['scripts/example.js', name], {
      cwd: ROOT, env: { ...process.env, EXAMPLES_OUTDIR: outRoot }, encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = path.join(outRoot, name, 'stacks', stack, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [type, n] of Object.entries(counts)) expect([type, Object.keys(json.resource?.[type] ?? {}).length]).toEqual([type, n]);
    expect(Object.keys(json.output ?? {}).sort()).toEqual(outputs);
    expect(r.stdout).toMatch(new RegExp(`^${stack}: \\d+ resources?, .* -> .*${name}/stacks/${stack}/cdk\\.tf\\.json$`, 'm'));
    // A placeholder SSH key is flagged like a placeholder checksum.
    expect(/^warning: .*'sshAuthorizedKeys' holds the placeholder SSH key/m.test(r.stdout)).toBe(placeholderKey);
  });
});

describe('no personal servers or keys in examples and defaults', () => {
  // Hosts a user's deployment may reach: public release servers, and reserved names (RFC 8375 home.arpa, RFC 2606).
  const PUBLIC = ['cloud.debian.org', 'stable.release.flatcar-linux.net', 'github.com'];
  const reserved = (host: string) => /(^|\.)(home\.arpa|example\.(com|org|net)|invalid)$/.test(host);
  test.each([...Object.keys(EXAMPLES).map((n) => [n, source(n)]), ['DEFAULT_HOMELAB', JSON.stringify(DEFAULT_HOMELAB)]])('%s', (_n, text) => {
    const hosts = [...text.matchAll(/https?:\/\/([^/:'"`\s]+)/g)].map((m) => m[1]);
    expect(hosts.filter((h) => !reserved(h) && !PUBLIC.includes(h))).toEqual([]);
    // Every SSH public key is the flagged placeholder.
    const keys = [...text.matchAll(/ssh-(?:ed25519|rsa) (AAAA[A-Za-z0-9+/]+=*)/g)].map((m) => m[1]);
    for (const k of keys) expect(k).toMatch(/^AAAAC3NzaC1lZDI1NTE5AAAAIA+$/);
  });
});
