// `npm run cdktf -- <command>` (scripts/cdktf.js) runs the project's cdktf CLI without its checkpoint call, which
// offline logs ENOTFOUND or "request timeout" (after ~10 s) on every command.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scaledTimeout } from './helpers/timeouts';

const ROOT = path.resolve(__dirname, '..');

test('npm run cdktf -- synth: no checkpoint request, the stacks are written', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.cdktf).toBe('node scripts/cdktf.js');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-cli-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, HOMELAB_CONFIG: '', CI: 'true' };
    delete env.CHECKPOINT_DISABLE;
    const r = spawnSync(process.execPath, ['scripts/cdktf.js', 'synth', '--output', out], { cwd: ROOT, env, encoding: 'utf8', timeout: scaledTimeout(120_000) });
    const all = `${r.stdout}${r.stderr}`;
    expect(all).not.toMatch(/request timeout|ENOTFOUND|checkpoint/i);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'stacks', 'homelab-talos', 'cdk.tf.json'))).toBe(true);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
