// The finalize script (wait for cloud-init, verify, clean up, convert) and the shell scripts cloud-init runs: syntax with `bash -n`, and the
// finalize script's control flow against a stubbed `qm` on PATH that plays the Proxmox node and the guest agent.
import { spawnSync } from 'child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_DEBIAN_TEMPLATE_FEATURES, I915Sriov } from '../../constructs/debian/cloud-config';
import { verificationChecks } from '../../constructs/debian/verification';
import { renderFinalizeScript, shellQuote } from '../../constructs/debian/finalize-script';
import { describeIfTool, testIfTool } from '../helpers/tools';
import { scaledTimeout } from '../helpers/timeouts';

const TEMPLATES = join(__dirname, '..', '..', 'templates', 'debian');
const checks = verificationChecks({
  major: 13, features: DEFAULT_DEBIAN_TEMPLATE_FEATURES, packages: ['jq'], kubernetesVersion: '1.34.1',
  i915Sriov: I915Sriov.dkms({ sha256: 'a'.repeat(64) }),
});
const script = (cloudInitTimeoutSeconds = 60) => renderFinalizeScript({
  vmId: 9000, cloudInitTimeoutSeconds, shutdownTimeoutSeconds: 30, checks, retryHint: "rebuild: terraform apply -replace='x.y'",
});

describe('renderFinalizeScript', () => {
  test('fills every placeholder and lists one check line per verification', () => {
    const s = script();
    expect(s).not.toMatch(/\{\{/);
    expect(s).toContain('VMID=9000\n');
    expect(s).toContain('CLOUD_INIT_TIMEOUT=60\n');
    expect(s).toContain("RETRY_HINT='rebuild: terraform apply -replace='\\''x.y'\\'''\n");
    expect(s.match(/^check '/gm)).toHaveLength(checks.length);
    const cni = checks.find((c) => c.name.startsWith('containerd CNI plugins'))!;
    expect(s).toContain(`check ${shellQuote(cni.name)} ${shellQuote(cni.command)}`);
  });

  testIfTool('bash', 'shellQuote survives quotes, $ and backslashes', () => {
    const r = spawnSync('bash', ['-c', `printf %s ${shellQuote(`it's "$HOME" \\n`)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(`it's "$HOME" \\n`);
  });
});

describeIfTool('bash', 'shell scripts pass bash -n', () => {
  const files = ['finalize-template.sh', 'golden-template-setup.sh', 'golden-template-cleanup.sh',
    ...readdirSync(join(TEMPLATES, 'setup.d')).map((f) => join('setup.d', f))];
  test.each(files)('%s', (f) => {
    // Placeholders are replaced by plain words, as the renderer does.
    const text = readFileSync(join(TEMPLATES, f), 'utf8').replace(/\{\{\w+\}\}/g, 'X');
    const r = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('the rendered finalize script', () => {
    const r = spawnSync('bash', ['-n'], { input: script(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

// A fake `qm`: VM state in files under $STATE, every call logged to $STATE/log. The guest agent answers
// `qm guest exec` like Proxmox does (pretty JSON with exitcode/exited/out-data), or with only a pid after a timeout.
const FAKE_QM = `#!/bin/bash
echo "qm $*" >> "$STATE/log"
case "$1 $2" in
  "config "*)
    if [ -f "$STATE/template" ]; then echo 'template: 1'; fi
    [ -f "$STATE/no-cicustom" ] || echo 'cicustom: user=local:snippets/golden.yaml'
    echo 'name: debian-golden' ;;
  "status "*) echo "status: \${QM_STATUS:-running}" ;;
  "guest cmd")
    if [ -f "$STATE/agent-up" ]; then exit 0; fi
    n=$(cat "$STATE/pings" 2>/dev/null || echo 0); echo $((n + 1)) > "$STATE/pings"
    if [ "$((n + 1))" -ge "\${AGENT_UP_AFTER:-1}" ]; then touch "$STATE/agent-up"; exit 0; fi
    echo "QEMU guest agent is not running" >&2; exit 255 ;;
  "guest exec")
    cmd="\${@: -1}"
    echo "$cmd" >> "$STATE/guest"
    if [ -n "\${TIMEOUT_ON:-}" ] && [[ "$cmd" == *"$TIMEOUT_ON"* ]]; then printf '{\\n   "pid" : 4242\\n}\\n'; echo 'timeout reached, returning pid' >&2; exit 0; fi
    code=0; out='ok\\n'
    if [ -n "\${CLOUD_INIT_RC:-}" ] && [[ "$cmd" == *"cloud-init status"* ]]; then code=$CLOUD_INIT_RC; out='status: degraded done\\n'; fi
    if [ -n "\${FAIL_ON:-}" ] && [[ "$cmd" == *"$FAIL_ON"* ]]; then code=1; out='containerd.service inactive\\n'; fi
    printf '{\\n   "exitcode" : %d,\\n   "exited" : 1,\\n   "out-data" : "%s"\\n}\\n' "$code" "$out" ;;
  "shutdown "*) ;;
  "set "*) touch "$STATE/no-cicustom" ;;
  "template "*) touch "$STATE/template" ;;
  *) echo "fake qm: unexpected $*" >&2; exit 2 ;;
esac
`;

describeIfTool(['bash', 'perl'], 'finalize script control flow (fake qm)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'finalize-'));
    writeFileSync(join(dir, 'qm'), FAKE_QM);
    // The script insists on root; the tests need not run as root.
    writeFileSync(join(dir, 'id'), '#!/bin/sh\necho 0\n');
    chmodSync(join(dir, 'qm'), 0o755);
    chmodSync(join(dir, 'id'), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string> = {}, timeout = 60) => {
    const r = spawnSync('bash', ['-s'], {
      input: script(timeout), encoding: 'utf8', timeout: scaledTimeout(20000),
      env: { PATH: `${dir}:${process.env.PATH}`, STATE: dir, GOLDEN_TEMPLATE_POLL_SECONDS: '0', ...env },
    });
    const log = readFileSync(join(dir, 'log'), 'utf8');
    return { ...r, log };
  };

  test('success: waits for the agent and cloud-init, verifies, cleans up, converts, verifies the template', () => {
    const r = run({ AGENT_UP_AFTER: '3' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/step 4: wait for cloud-init[\s\S]*step 5: verify the template[\s\S]*step 6: clean up[\s\S]*step 7: convert to template[\s\S]*step 8: verify template state[\s\S]*template 9000 is ready/);
    expect(r.stdout.match(/^ {2}ok: /gm)).toHaveLength(checks.length);
    expect(readFileSync(join(dir, 'pings'), 'utf8').trim()).toBe('3');
    const guest = readFileSync(join(dir, 'guest'), 'utf8');
    expect(guest).toContain('cloud-init status --wait --long');
    expect(guest).toContain('/usr/local/sbin/golden-template-cleanup');
    // The order of the node-side steps: shutdown, drop the build user-data, convert.
    const tail = r.log.split('\n').filter((l) => /^qm (shutdown|set|template) /.test(l));
    expect(tail).toEqual(['qm shutdown 9000 --timeout 30', 'qm set 9000 --delete cicustom', 'qm template 9000']);
  });

  test('a failed check stops at step 5, names the check, prints the retry hint and converts nothing', () => {
    const r = run({ FAIL_ON: 'SystemdCgroup' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^step 5: verify: containerd running with SystemdCgroup: FAILED \(exit 1\) containerd.service inactive/m);
    expect(r.stderr).toContain("rebuild: terraform apply -replace='x.y'");
    expect(r.log).not.toMatch(/qm (template|shutdown)/);
  });

  test('cloud-init that does not finish in time fails step 4', () => {
    const r = run({ TIMEOUT_ON: 'cloud-init status' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^step 4: wait for cloud-init \(at most 60 s\): FAILED cloud-init did not finish within 60 s/m);
  });

  // cloud-init 23.4+ exit codes: https://docs.cloud-init.io/en/latest/explanation/failure_states.html
  test('cloud-init "degraded" (exit 2) is a warning in the log: the template is still built', () => {
    const r = run({ CLOUD_INIT_RC: '2' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('warning: cloud-init finished degraded (exit 2), continuing: status: degraded done');
    expect(r.stdout).toContain('template 9000 is ready');
  });

  test('cloud-init "error" (exit 1) fails step 4', () => {
    const r = run({ CLOUD_INIT_RC: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^step 4: wait for cloud-init \(at most 60 s\): FAILED cloud-init reported errors \(exit 1\)/m);
    expect(r.log).not.toMatch(/qm (template|shutdown)/);
  });

  test('a guest agent that never answers fails step 4 once the bound is reached', () => {
    const r = run({ AGENT_UP_AFTER: '1000000' }, 1);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^step 4: wait for cloud-init \(at most 1 s\): FAILED the guest agent did not answer within 1 s/m);
  });

  test('a stopped VM fails step 4 at once', () => {
    const r = run({ QM_STATUS: 'stopped' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/step 4: .*FAILED VM 9000 is not running \(status: stopped\)/);
  });

  test('a VM that already is a template is left alone (re-run of the step)', () => {
    writeFileSync(join(dir, 'template'), '');
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('already is a template');
    expect(r.log.trim().split('\n')).toEqual(['qm config 9000']);
  });
});
