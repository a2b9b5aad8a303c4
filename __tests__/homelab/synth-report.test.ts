import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatWarning, groupWarnings } from '../../homelab/synth-report';

const ROOT = path.resolve(__dirname, '..', '..');
const warn = (constructPath: string, message: string) => ({ constructPath, level: '@cdktf/warn', message });

describe('synth report', () => {
  test('one warning per cause, its construct path printed once', () => {
    const groups = groupWarnings([
      warn('s/Talos/Node-a/Image', 's/Talos/Node-a/Image: the image is downloaded without checksum verification.'),
      warn('s/Talos/Node-b/Image', 's/Talos/Node-b/Image: the image is downloaded without checksum verification.'),
      warn('s/Talos', 's/Talos: 2 control planes cannot keep etcd quorum.'),
      { constructPath: 's/X', level: '@cdktf/info', message: 'not a warning' },
      warn('s/Y', 'no path prefix here'),
    ]);
    expect(groups.map(formatWarning)).toEqual([
      'warning: s/Talos/Node-a/Image and 1 more: the image is downloaded without checksum verification.',
      'warning: s/Talos: 2 control planes cannot keep etcd quorum.',
      'warning: s/Y: no path prefix here',
    ]);
  });

  test('npm run synth prints a line per stack and the warnings, each cause once', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-report-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/app.js'], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir, HOMELAB_CONFIG: '' }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      for (const s of ['homelab-talos', 'homelab-templates', 'homelab-vms']) {
        expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${s}: \\d+ resources?, \\d+ data sources?, \\d+ outputs? -> .*stacks/${s}/cdk\\.tf\\.json$`)));
      }
      const warnings = lines.filter((l) => l.startsWith('warning: '));
      // The default homelab's seven Talos nodes share one cause (Image Factory images have no checksum): the cluster
      // raises it once, naming the first download.
      expect(warnings.filter((l) => l.includes('downloaded without checksum verification'))).toEqual([
        expect.stringMatching(/^warning: homelab-talos\/Talos: its images \(the first: homelab-talos\/Talos\/Node-talos-cp-01\/Image\/Proxmox-pve1, the image\) are downloaded/)]);
      // Flatcar image and Kubernetes sysext (the Debian image has its published SHA-512, constructs/versions.ts).
      expect(warnings.filter((l) => l.includes('all-zero placeholder')).length).toBeGreaterThanOrEqual(2);
      // No construct path twice on a line.
      for (const w of warnings) expect(w).not.toMatch(/(homelab-[a-z]+\/\S+): .*\1: /);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
