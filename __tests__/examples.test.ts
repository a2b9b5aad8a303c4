// Every app in examples/ synthesizes as it is (run the way a user would: `node dist/examples/<name>.js`), its
// stack holds the resources the example is about, and its warnings are only the documented placeholder ones.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES: Record<string, { stack: string; expect: Record<string, number> }> = {
  'flatcar-template': { stack: 'example-flatcar', expect: { proxmox_virtual_environment_vm: 1, proxmox_download_file: 1 } },
  'flatcar-fwcfg': { stack: 'example-flatcar-fwcfg', expect: { proxmox_virtual_environment_vm: 1 } },
  'debian-template': { stack: 'example-debian', expect: { proxmox_virtual_environment_vm: 2, terraform_data: 1 } },
  'talos-cluster': { stack: 'example-talos', expect: { proxmox_virtual_environment_vm: 5, talos_machine_configuration_apply: 5, talos_machine_bootstrap: 1 } },
  'talos-day2': { stack: 'example-talos-day2', expect: { proxmox_virtual_environment_vm: 6, terraform_data: 7 } },
  'least-privilege-access': { stack: 'example-access', expect: { proxmox_virtual_environment_role: 1, proxmox_user_token: 1 } },
};

describe('examples/', () => {
  test('every example file is listed here', () => {
    const files = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  test.each(Object.entries(EXAMPLES))('%s synthesizes as an app', (name, { stack, expect: counts }) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
    try {
      // `npm test` compiles dist/ first.
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'examples', `${name}.js`)], {
        cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      for (const [type, n] of Object.entries(counts)) expect([type, Object.keys(json.resource?.[type] ?? {}).length]).toEqual([type, n]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
