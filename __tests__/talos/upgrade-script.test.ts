// The upgrade scripts run by the local-exec provisioners, against a fake `talosctl` on PATH that plays one node:
// its version and schematic in files under $STATE, every call logged to $STATE/log.
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { describeIfTool } from '../helpers/tools';

const TEMPLATES = join(__dirname, '..', '..', 'templates', 'talos');
const SCHEMATIC_OLD = 'a'.repeat(64);
const SCHEMATIC_NEW = 'b'.repeat(64);
const IMAGE = `factory.talos.dev/metal-installer/${SCHEMATIC_NEW}:v1.13.10`;
const TALOSCONFIG = 'context: home\ncontexts:\n  home:\n    key: SECRET-KEY-MATERIAL\n';

// `upgrade` records the talosconfig it was given (to prove the file exists while talosctl runs) and, unless
// $STATE/upgrade-fails exists, switches the node to the image's version and schematic.
const FAKE_TALOSCTL = `#!/bin/bash
echo "talosctl $*" >> "$STATE/log"
args=" $* "
case "$args" in
  *" version --client "*) echo "Client:"; echo "	Tag:         $(cat "$STATE/client")"; exit 0 ;;
  *" version "*)
    [ -f "$STATE/down" ] && exit 1
    printf 'Client:\\n\\tTag:         %s\\nServer:\\n\\tNODE:        x\\n\\tTag:         %s\\n' "$(cat "$STATE/client")" "$(cat "$STATE/version")"; exit 0 ;;
  *" get extensions "*) printf 'metadata:\\n  name: schematic\\n  version: %s\\n' "$(cat "$STATE/schematic")"; exit 0 ;;
  *" upgrade-k8s "*) cp "$TALOSCONFIG" "$STATE/seen-config"; exit 0 ;;
  *" upgrade "*)
    cp "$TALOSCONFIG" "$STATE/seen-config"
    [ -f "$STATE/upgrade-fails" ] && { echo "rpc error: image pull failed" >&2; exit 1; }
    image="\${args#* --image }"; image="\${image%% *}"
    echo "\${image##*:}" > "$STATE/version"; s="\${image%:*}"; echo "\${s##*/}" > "$STATE/schematic"; exit 0 ;;
  *" health "*) [ -f "$STATE/unhealthy" ] && exit 1; exit 0 ;;
esac
echo "fake talosctl: unexpected $*" >&2; exit 2
`;

describeIfTool('bash', 'upgrade-node.sh against a fake talosctl', () => {
  let dir: string;
  let state: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'talos-upgrade-'));
    state = join(dir, 'state');
    spawnSync('mkdir', ['-p', state, join(dir, 'bin'), join(dir, 'tmp')]);
    writeFileSync(join(dir, 'bin', 'talosctl'), FAKE_TALOSCTL);
    chmodSync(join(dir, 'bin', 'talosctl'), 0o755);
    writeFileSync(join(state, 'client'), 'v1.13.10');
    writeFileSync(join(state, 'version'), 'v1.13.9');
    writeFileSync(join(state, 'schematic'), SCHEMATIC_OLD);
    writeFileSync(join(state, 'log'), '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (script = 'upgrade-node.sh', env: Record<string, string> = {}, path = `${join(dir, 'bin')}:/usr/bin:/bin`) => spawnSync('bash', ['-c', readFileSync(join(TEMPLATES, script), 'utf8')], {
    encoding: 'utf8',
    // stdin from /dev/null: bash sources ~/.bashrc when stdin looks like a remote shell's socket.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: path, STATE: state, TMPDIR: join(dir, 'tmp'), TALOS_NODE: '10.0.0.21', TALOS_IMAGE: IMAGE, TALOS_HEALTH_NODE: '10.0.0.11',
      TALOS_TIMEOUT_SECONDS: '60', TALOSCONFIG_DATA: TALOSCONFIG, TALOS_CONTROL_PLANE: '10.0.0.11', KUBERNETES_VERSION: '1.36.3',
      TALOS_VERSION: 'v1.13.10', ...env,
    },
  });
  const log = () => readFileSync(join(state, 'log'), 'utf8').trim().split('\n').filter(Boolean);

  test('upgrades an old node with --preserve --wait, waits for the version, then for cluster health', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(log()).toEqual([
      'talosctl version --client',
      'talosctl --nodes 10.0.0.21 version',
      `talosctl upgrade --nodes 10.0.0.21 --image ${IMAGE} --preserve --wait --timeout 60s`,
      'talosctl --nodes 10.0.0.21 version',
      'talosctl --nodes 10.0.0.21 get extensions -o yaml',
      'talosctl --nodes 10.0.0.11 health --wait-timeout 60s',
    ]);
    // talosctl read the talosconfig from a private temporary file, removed afterwards; it is never printed.
    expect(readFileSync(join(state, 'seen-config'), 'utf8')).toBe(TALOSCONFIG);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(r.stdout).not.toContain('SECRET-KEY-MATERIAL');
    expect(log().join('\n')).not.toContain('SECRET');
  });

  test('a node already on the target version and schematic is skipped (idempotent re-run)', () => {
    writeFileSync(join(state, 'version'), 'v1.13.10');
    writeFileSync(join(state, 'schematic'), SCHEMATIC_NEW);
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('already on v1.13.10 with schematic');
    expect(log().some((l) => l.startsWith('talosctl upgrade'))).toBe(false);
  });

  test('same version, another schematic (extensions or kernel args changed): upgraded', () => {
    writeFileSync(join(state, 'version'), 'v1.13.10');
    expect(run().status).toBe(0);
    expect(log()).toContain(`talosctl upgrade --nodes 10.0.0.21 --image ${IMAGE} --preserve --wait --timeout 60s`);
  });

  test('a failed upgrade fails the step with the way out; the re-run then upgrades', () => {
    writeFileSync(join(state, 'upgrade-fails'), '');
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('talos upgrade of 10.0.0.21: talosctl upgrade failed; fix the cause and run terraform apply again');
    expect(log().some((l) => l.includes(' health '))).toBe(false);
    rmSync(join(state, 'upgrade-fails'));
    expect(run().status).toBe(0);
    expect(readFileSync(join(state, 'version'), 'utf8').trim()).toBe('v1.13.10');
  });

  test('an unhealthy cluster after the upgrade fails the step (the next nodes wait)', () => {
    writeFileSync(join(state, 'unhealthy'), '');
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the cluster is not healthy after upgrading this node; the next nodes were not touched');
  });

  test('no talosctl on PATH: a clear message with the version to install', () => {
    const r = run('upgrade-node.sh', {}, '/usr/bin:/bin');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('talosctl is not on PATH. Install talosctl v1.13.10 on the machine running Terraform');
  });

  test('a talosctl older than the target: a clear message, nothing touched', () => {
    writeFileSync(join(state, 'client'), 'v1.12.6');
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('talosctl v1.12.6 is older than the target Talos v1.13.10: install talosctl v1.13.10');
    expect(log()).toEqual(['talosctl version --client']);
  });

  test('a node that never answers times out with the command to look at', () => {
    writeFileSync(join(state, 'down'), '');
    const r = run('upgrade-node.sh', { TALOS_TIMEOUT_SECONDS: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the node does not answer on the Talos API');
  });

  test('upgrade-kubernetes.sh: checks talosctl, then upgrade-k8s --to through a control plane with the talosconfig file', () => {
    const r = run('upgrade-kubernetes.sh');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(log()).toEqual(['talosctl version --client', 'talosctl --nodes 10.0.0.11 upgrade-k8s --to 1.36.3']);
    expect(readFileSync(join(state, 'seen-config'), 'utf8')).toBe(TALOSCONFIG);
    expect(existsSync(join(dir, 'tmp')) && readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  test('upgrade-kubernetes.sh: an old talosctl is refused', () => {
    writeFileSync(join(state, 'client'), 'v1.11.0');
    const r = run('upgrade-kubernetes.sh');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("talosctl v1.11.0 is older than the cluster's Talos v1.13.10");
  });
});
