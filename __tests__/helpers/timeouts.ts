// Fixed time limits of the tests that spawn tools (QEMU, bash, the cdktf CLI, the real-root commands), scaled by
// $JEST_TIMEOUT_SCALE (default 1; jest.config.js scales jest's own testTimeout by the same factor). The limits are
// set for a quiet 2-core machine; on one loaded by other work, e.g. JEST_TIMEOUT_SCALE=3.
export const TIMEOUT_SCALE: number = Number(process.env.JEST_TIMEOUT_SCALE) > 0 ? Number(process.env.JEST_TIMEOUT_SCALE) : 1;

/** `ms` times $JEST_TIMEOUT_SCALE. */
export const scaledTimeout = (ms: number): number => Math.round(ms * TIMEOUT_SCALE);
