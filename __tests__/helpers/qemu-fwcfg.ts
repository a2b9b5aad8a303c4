// QEMU fw_cfg read-back and Proxmox's argument splitting, shared by the tests that check what a guest reads:
// real QEMU (qtest, no guest code) and real Perl `shellwords` (what Proxmox runs on a VM's `args`).
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as path from 'path';
import { scaledTimeout } from './timeouts';
import { findTool } from './tools';

const PERL = findTool('perl') ?? 'perl';
const QEMU = findTool('qemu-system-x86_64') ?? 'qemu-system-x86_64';

// Real QEMU, read back through the guest-visible fw_cfg interface with qtest (I/O ports + DMA, no guest code).

export const QEMU_TIMEOUT_MS = scaledTimeout(20_000);

export class QemuQtest {
  private readonly proc: ChildProcess;
  private buffered = '';
  private stderr = '';
  private readonly waiting: Array<{ resolve: (l: string) => void; reject: (e: Error) => void }> = [];
  private exited: Error | undefined;

  constructor(args: string[]) {
    this.proc = spawn(QEMU, [
      '-machine', 'pc', '-m', '64', '-nodefaults', '-no-user-config', '-display', 'none', '-S',
      '-qtest', 'stdio', '-qtest-log', '/dev/null', ...args,
    ], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.setEncoding('latin1');
    this.proc.stdout!.on('data', (d: string) => {
      this.buffered += d;
      for (let i = this.buffered.indexOf('\n'); i >= 0; i = this.buffered.indexOf('\n')) {
        const line = this.buffered.slice(0, i);
        this.buffered = this.buffered.slice(i + 1);
        if (!line.startsWith('IRQ')) this.waiting.shift()?.resolve(line);
      }
    });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', (code) => {
      this.exited = new Error(`QEMU exited with ${code}: ${this.stderr.trim()}`);
      this.waiting.splice(0).forEach((w) => w.reject(this.exited!));
    });
  }

  /** Sends one qtest command and returns the text after "OK". */
  async cmd(line: string): Promise<string> {
    if (this.exited) throw this.exited;
    const reply = new Promise<string>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.proc.stdin!.write(`${line}\n`);
    const r = await reply;
    if (!r.startsWith('OK')) throw new Error(`qtest ${line.slice(0, 40)}: ${r}`);
    return r.slice(2).trim();
  }

  /** fw_cfg DMA read of `length` bytes of item `select` (docs/specs/fw_cfg.rst; x86 ports 0x510/0x514). */
  async dmaRead(select: number, length: number): Promise<Buffer> {
    const DESC = 0x1000;
    const DEST = 0x200000;
    const desc = Buffer.alloc(16);
    desc.writeUInt32BE(((select << 16) | 0x08 /* select */ | 0x02 /* read */) >>> 0, 0);
    desc.writeUInt32BE(length, 4);
    desc.writeBigUInt64BE(BigInt(DEST), 8);
    await this.cmd(`write 0x${DESC.toString(16)} 16 0x${desc.toString('hex')}`);
    // The address register is big-endian; port writes are little-endian, so the guest writes it byte-swapped.
    const swapped = Buffer.alloc(4);
    swapped.writeUInt32BE(DESC);
    await this.cmd('outl 0x514 0x0');
    await this.cmd(`outl 0x518 0x${swapped.readUInt32LE().toString(16)}`);
    const control = await this.cmd(`read 0x${DESC.toString(16)} 4`);
    if (BigInt(control) !== 0n) throw new Error(`fw_cfg DMA failed, control ${control}`);
    if (length === 0) return Buffer.alloc(0);
    return Buffer.from(await this.cmd(`b64read 0x${DEST.toString(16)} ${length}`), 'base64');
  }

  /** The blob of the fw_cfg file `name`, found through the file directory (item 0x19). */
  async readFile(name: string): Promise<Buffer | undefined> {
    const count = (await this.dmaRead(0x19, 4)).readUInt32BE(0);
    const dir = await this.dmaRead(0x19, 4 + 64 * count);
    for (let i = 0; i < count; i++) {
      const e = dir.subarray(4 + 64 * i, 4 + 64 * (i + 1));
      const entryName = e.subarray(8).toString('latin1').replace(/\0.*$/s, '');
      if (entryName === name) return this.dmaRead(e.readUInt16BE(4), e.readUInt32BE(0));
    }
    return undefined;
  }

  /** Resolves with QEMU's exit error if it stops on its own (e.g. rejects an option) before `ms`. */
  async exitWithin(ms: number): Promise<Error | undefined> {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.proc.on('exit', () => (clearTimeout(t), resolve()));
    });
    return this.exited;
  }

  close(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

/** Starts QEMU with `-fw_cfg element` and returns the blob the guest would read for `name`. */
export async function qemuFwCfg(element: string, name: string): Promise<Buffer | undefined> {
  const q = new QemuQtest(['-fw_cfg', element]);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      q.readFile(name),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('QEMU timed out')), QEMU_TIMEOUT_MS))),
    ]);
  } finally {
    clearTimeout(timer);
    q.close();
  }
}

export interface SplitResult {
  readonly chars: string[];
  readonly bytes: string[];
}

/** One Perl process for all strings; see fixtures/shellwords.pl. */
export function shellwords(strings: string[]): { results: SplitResult[]; warnings: string[] } {
  const out = execFileSync(PERL, [path.join(__dirname, '..', 'proxmox', 'fixtures', 'shellwords.pl')], {
    input: JSON.stringify(strings),
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out.toString('utf8'));
}
