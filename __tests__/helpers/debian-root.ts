// The Debian 13 root of the real-root test (__tests__/debian/real-root.test.ts): where its cached tarball is,
// and a throw-away copy of it to run the template's user-data in, with /proc, /sys and /dev mounted.
// The tarball is built by `node scripts/debian-root.js` (.ci/run does it before `npm test`).
import { spawnSync, SpawnSyncReturns } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { templatePackageUnion } from '../../constructs/debian/cloud-config';
import { scaledTimeout } from './timeouts';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'debian-root.sh');

/** Where the tarballs are cached: $DEBIAN_ROOT_CACHE, default /var/cache/proxmox-cdktf (outside the work tree). */
export const debianRootCache = (): string => process.env.DEBIAN_ROOT_CACHE || '/var/cache/proxmox-cdktf';

/** The tarball path for the template's current package set (whether it exists or not). */
export function debianRootTarball(): string {
  const r = spawnSync('bash', [SCRIPT, 'path', debianRootCache(), ...templatePackageUnion(13)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`debian-root.sh path failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Builds the tarball (debootstrap + apt, several minutes) unless cached; returns its path. */
export function buildDebianRoot(): string {
  const r = spawnSync('bash', [SCRIPT, 'build', debianRootCache(), ...templatePackageUnion(13)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`debian-root.sh build failed (exit ${r.status}): ${r.stdout}`);
  return r.stdout.trim().split('\n').pop()!;
}

const run = (cmd: string, args: string[]): SpawnSyncReturns<string> => spawnSync(cmd, args, { encoding: 'utf8' });
const must = (cmd: string, args: string[]): void => {
  const r = run(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
};

/** The tarball unpacked once next to it (read-only lower layer of every run). */
function unpacked(tarball: string): string {
  const dir = tarball.replace(/\.tar\.zst$/, '');
  if (existsSync(join(dir, '.unpacked'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  must('tar', ['-C', dir, '--numeric-owner', '--xattrs', '--acls', '-I', 'zstd', '-xf', tarball]);
  writeFileSync(join(dir, '.unpacked'), '');
  return dir;
}

/** A writable copy of the cached root (overlayfs over the unpacked tarball, else cp -a) with proc/sys/dev mounted. */
export class DebianRoot {
  public readonly path: string;
  private readonly mounts: string[] = [];
  private readonly tmp: string;

  constructor(tarball: string) {
    const lower = unpacked(tarball);
    this.tmp = mkdtempSync(join(debianRootCache(), 'run-'));
    this.path = join(this.tmp, 'root');
    for (const d of ['root', 'upper', 'work']) mkdirSync(join(this.tmp, d));
    try {
      const o = run('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${lower},upperdir=${this.tmp}/upper,workdir=${this.tmp}/work`, this.path]);
      if (o.status === 0) {
        this.mounts.push(this.path);
      } else {
        must('cp', ['-a', `${lower}/.`, this.path]);
      }
      this.mount(['-t', 'proc', 'proc'], 'proc');
      this.mount(['-t', 'sysfs', 'sysfs'], 'sys');
      // systemd-journald needs a cgroup file system (it runs in the root for the cleanup test).
      this.mount(['-t', 'cgroup2', 'cgroup2'], 'sys/fs/cgroup');
      this.mount(['--bind', '/dev'], 'dev');
      this.mount(['--bind', '/dev/pts'], 'dev/pts');
      // Name resolution for apt inside the root, as debootstrap sets it up.
      // (Removed first: a symlink there would point into the host's /run.)
      rmSync(join(this.path, 'etc', 'resolv.conf'), { force: true });
      writeFileSync(join(this.path, 'etc', 'resolv.conf'), readFileSync('/etc/resolv.conf'));
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  private mount(args: string[], at: string): void {
    must('mount', [...args, join(this.path, at)]);
    this.mounts.push(join(this.path, at));
  }

  /**
   * The `unshare` arguments that run `argv` as root inside the root with a clean environment (`path` prepended
   * to PATH), in namespaces of its own, because a chroot shares the host's kernel state:
   * - UTS: cloud-init sets the hostname; PID (killed with the command): no daemon started inside outlives it;
   * - network, unless `network` is set: cloud-init's network stage starts a DHCP client on the interfaces it
   *   sees, which would reconfigure the host's. Only apt (the package module, the setup scripts) gets the host's.
   * `daemon`: no PID namespace (systemd-journald refuses its varlink clients from inside one); the caller
   * stops the process.
   */
  command(argv: string[], opts: { path?: string; network?: boolean; daemon?: boolean } = {}): string[] {
    const PATH = `${opts.path ? `${opts.path}:` : ''}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;
    return ['--uts', '--ipc', ...(opts.daemon ? [] : ['--pid', '--fork', '--kill-child']), ...(opts.network ? [] : ['--net']), 'chroot', this.path, '/usr/bin/env', '-i', `PATH=${PATH}`, 'HOME=/root', 'LC_ALL=C.UTF-8', 'TERM=dumb',
      'DEBIAN_FRONTEND=noninteractive', ...argv];
  }

  /** Runs a bash command inside the root (see {@link command}). */
  exec(command: string, opts: { path?: string; network?: boolean; input?: string; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
    return spawnSync('unshare', this.command(['/bin/bash', '-c', command], opts),
      // SIGKILL on timeout: unshare --fork ignores SIGTERM, and --kill-child then takes the whole PID namespace down.
      { encoding: 'utf8', input: opts.input, timeout: scaledTimeout(opts.timeoutMs ?? 300000), killSignal: 'SIGKILL' });
  }

  /** Unmounts (innermost first, lazily if busy) and removes the copy. Safe to call twice. */
  dispose(): void {
    for (const m of this.mounts.splice(0).reverse()) {
      if (run('umount', [m]).status !== 0) run('umount', ['-l', m]);
    }
    const left = run('findmnt', ['-rn', '-o', 'TARGET']).stdout.split('\n').filter((t) => t.startsWith(this.tmp));
    if (left.length) throw new Error(`still mounted, not removing ${this.tmp}: ${left.join(', ')}`);
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
