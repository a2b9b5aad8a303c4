// The example app: the reference homelab (Flatcar template, Debian golden template and a clone, a 5-node Talos
// cluster with VIP and Cilium), from DEFAULT_HOMELAB overlaid with homelab.json or $HOMELAB_CONFIG.
// `npm run synth` (or `npx cdktf synth`) writes cdktf.out/stacks/<stack>/cdk.tf.json.
import './constructs/core/fast-start'; // first: defers cdktf modules no stack uses (before cdktf loads)
import { App } from 'cdktf';
import { ValidationError } from './constructs/core/errors';
import { skipTokenCreationStacks } from './constructs/core/synth-performance';
import { buildHomelab } from './homelab/app';
import { synthReport } from './homelab/synth-report';
import { DEFAULT_CONFIG_FILE, HOMELAB_CONFIG_ENV, loadHomelabConfig } from './homelab/config';

skipTokenCreationStacks();
try {
  // No stack traces in cdktf.out/manifest.json: they hold the checkout's absolute path (output must not
  // depend on where the app was synthesized; warnings keep their construct path and message).
  const app = new App({ stackTraces: false });
  buildHomelab(app, loadHomelabConfig(), process.env[HOMELAB_CONFIG_ENV] || DEFAULT_CONFIG_FILE);
  app.synth();
  // cdktf keeps warnings in manifest.json only: print them (one per cause) and what each stack holds.
  process.stdout.write(synthReport(app.outdir).map((l) => `${l}\n`).join(''));
} catch (e) {
  // A configuration mistake is the user's to fix: print the message, not a stack trace from inside the library.
  if (e instanceof ValidationError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
