import { renderTemplateFile } from '../core/templates';
import { SETUP_MARKER } from './cloud-config';
import { VerificationCheck } from './verification';

/**
 * The finalize script of the golden template (wait for cloud-init, verify, clean up, convert), rendered from
 * `templates/debian/finalize-template.sh`. It runs as root on the Proxmox node and reaches the guest only
 * through the QEMU guest agent (`qm guest exec`), so no SSH into the guest is needed.
 */

/** Default bound on the wait for cloud-init: 15 minutes (a DKMS build plus package installs on a slow mirror). */
export const DEFAULT_CLOUD_INIT_TIMEOUT_SECONDS = 900;
/** How long a clean shutdown of the build VM may take before the step fails. */
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 300;

/** What {@link renderFinalizeScript} needs. */
export interface FinalizeScriptInput {
  readonly vmId: number;
  readonly cloudInitTimeoutSeconds: number;
  readonly shutdownTimeoutSeconds: number;
  readonly checks: readonly VerificationCheck[];
  /** Printed after a failure: how to retry (e.g. which Terraform address to replace). */
  readonly retryHint: string;
}

/** Quotes `s` as one word for bash (single quotes; a single quote becomes '\''). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Pure: the finalize script, ready to run on the node. */
export function renderFinalizeScript(i: FinalizeScriptInput): string {
  const checks = i.checks.map((c) => `check ${shellQuote(c.name)} ${shellQuote(c.command)}`).join('\n');
  return renderTemplateFile('debian/finalize-template.sh', {
    vmId: String(i.vmId),
    cloudInitTimeoutSeconds: String(i.cloudInitTimeoutSeconds),
    shutdownTimeoutSeconds: String(i.shutdownTimeoutSeconds),
    marker: SETUP_MARKER,
    retryHint: shellQuote(i.retryHint),
    checks: checks || "echo '  (no checks enabled)'",
  });
}
