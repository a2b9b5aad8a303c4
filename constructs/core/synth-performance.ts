import Module = require('module');
import * as path from 'path';
import { memoizeBinaryVersionChecks, replaceResolve } from './fast-synth';
import { replaceStableStringify } from './stable-json';
import { skipLoneStackPreparingRun } from './lone-stack';
import { streamStackFiles } from './stack-writer';

/**
 * cdktf records a complete JavaScript stack trace (with `Error.stackTraceLimit` raised to infinity) for every
 * token it creates, only to print it if that token later fails to resolve. Measured with `npm run bench`: for a
 * 500-node Talos cluster that is two thirds of synthesis time (7.0 s -> 2.3 s) and more than half of peak memory
 * (420 MB -> 183 MB). Apps opt out by calling {@link skipTokenCreationStacks} before building their stacks; the
 * synthesized JSON is the same, only a token resolution error loses the "created at" trace.
 *
 * Set `PROXMOX_CDKTF_TOKEN_TRACES=1` to keep the traces while debugging such an error.
 */
export const TOKEN_TRACES_ENV = 'PROXMOX_CDKTF_TOKEN_TRACES';

/** Stops cdktf from capturing token creation stacks. Returns whether it did (false when opted out or unsupported). */
export function skipTokenCreationStacks(): boolean {
  if (process.env[TOKEN_TRACES_ENV] === '1') return false;
  let mod: { captureStackTrace?: unknown; captureCreationStack?: unknown };
  try {
    // cdktf 0.21 (final release) calls this module's export through the exports object on every token.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    mod = require('cdktf/lib/tokens/private/stack-trace');
  } catch {
    return false; // another cdktf layout: leave it alone
  }
  if (typeof mod.captureStackTrace !== 'function') return false;
  mod.captureStackTrace = (): string[] => [];
  // CDK Terrain (cdktn, the build of flavours/cdktn) calls captureCreationStack instead, which calls
  // captureStackTrace directly: replace that export too (https://github.com/open-constructs/cdk-terrain,
  // packages/cdktn/src/tokens/private/stack-trace.ts).
  if (typeof mod.captureCreationStack === 'function') mod.captureCreationStack = (): string[] => [];
  return true;
}

/**
 * Packages cdktf loads with its index that no stack of this project calls: `archiver` (zip archives of
 * TerraformAsset directories, cdktf/lib/private/fs.js, which cdktf even runs in a child process that loads it
 * itself) and `semver` (Terraform version checks of cdktf's own terraform_data, which core/terraform-data.ts
 * replaces, and of stacks with `moved` blocks, which core/engine-version.ts skips where the stack declares the
 * release). Together about 120 ms of the ~210 ms CPU it takes to load cdktf, measured with `npm run bench`.
 */
export const DEFERRED_CDKTF_MODULES: readonly string[] = ['archiver', 'semver'];

/**
 * Defers loading {@link DEFERRED_CDKTF_MODULES} until something uses them: each is replaced by a stand-in that
 * loads the real package on first call or property access, so behaviour is unchanged.
 *
 * Must run before cdktf is first loaded (see constructs/core/fast-start.ts); leaves a package alone when it is
 * already loaded or cannot be found, and does nothing with PROXMOX_CDKTF_EAGER_MODULES=1. Returns the names of
 * the packages it deferred.
 */
export function deferUnusedCdktfModules(): string[] {
  if (process.env.PROXMOX_CDKTF_EAGER_MODULES === '1') return [];
  const cdktfDir = cdktfPackageDir();
  if (cdktfDir === undefined) return [];
  return DEFERRED_CDKTF_MODULES.filter((name) => deferModule(name, cdktfDir));
}

/** The directory of the cdktf package this process loads, or undefined when there is none. */
function cdktfPackageDir(): string | undefined {
  try {
    return path.dirname(require.resolve('cdktf/package.json'));
  } catch {
    return undefined;
  }
}

function deferModule(name: string, fromDir: string): boolean {
  let file: string;
  try {
    file = require.resolve(name, { paths: [fromDir] });
  } catch {
    return false;
  }
  if (require.cache[file]) return false;
  let real: any;
  const load = (): any => {
    if (real === undefined) {
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      real = require(file);
    }
    return real;
  };
  const standIn = new Proxy(function deferred() { /* replaced by the real package on first use */ }, {
    apply: (_t, self, args) => Reflect.apply(load(), self, args),
    construct: (_t, args) => Reflect.construct(load(), args),
    get: (_t, prop) => Reflect.get(load(), prop),
    has: (_t, prop) => Reflect.has(load(), prop),
  });
  const m = new Module(file, module);
  m.filename = file;
  m.loaded = true;
  m.exports = standIn;
  require.cache[file] = m;
  return true;
}

/**
 * Replaces cdktf synthesis steps by equivalents with the same output (see core/fast-synth.ts, core/stable-json.ts): token resolution
 * of plain values, the sorted JSON writer of cdk.tf.json, one run per process of each binary version check, and no
 * preparing run for an app's only stack (core/lone-stack.ts). Must run before cdktf is first loaded (see
 * constructs/core/fast-start.ts); does nothing with PROXMOX_CDKTF_PLAIN_SYNTH=1 or with another package than cdktf 0.21
 * (such as the CDK Terrain flavour's cdktn). Returns what it replaced.
 */
export function useFastSynthesis(): string[] {
  if (process.env.PROXMOX_CDKTF_PLAIN_SYNTH === '1') return [];
  const cdktfDir = cdktfPackageDir();
  if (cdktfDir === undefined) return [];
  // The replacements mirror cdktf 0.21's internals (core/fast-synth.ts): any other package or release keeps its own.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const pkg: { name?: string; version?: string } = require(path.join(cdktfDir, 'package.json'));
  if (pkg.name !== 'cdktf' || !/^0\.21\./.test(pkg.version ?? '')) return [];
  const done: string[] = [];
  if (replaceStableStringify(cdktfDir, module)) done.push('json-stable-stringify');
  if (done.includes('json-stable-stringify') && streamStackFiles(cdktfDir)) done.push('stack-files');
  if (replaceResolve(cdktfDir)) done.push('resolve');
  if (memoizeBinaryVersionChecks(cdktfDir)) done.push('binary-version-checks');
  if (skipLoneStackPreparingRun(cdktfDir)) done.push('lone-stack-prepare');
  return done;
}
