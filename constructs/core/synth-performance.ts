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
