// tools/tf-schema-provider/libs.js keeps the answers of the pure provider-libs operations for the process (a plan asks
// for the same node configuration several times); talos_machine_secrets makes new keys on each call unless a test
// asks for them to be reused (helpers/shared-validation.ts reuseTalosSecrets).
import { describeIfTool } from '../helpers/tools';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const libs = require('../../tools/tf-schema-provider/libs');

describeIfTool('go', 'tools/provider-libs answers, kept per process', () => {
  test('a pure operation answers the same, as a copy: changing one answer does not change the next', () => {
    const args = { content: 'variant: flatcar\nversion: 1.1.0\n' };
    const first = libs.call('ct_config', args);
    first.rendered = 'changed by the caller';
    const second = libs.call('ct_config', args);
    expect(JSON.parse(second.rendered).ignition.version).toBe('3.4.0');
    expect(libs.call('ct_config', args)).toEqual(second);
  });

  test('talos_machine_secrets: new keys on each call, the same keys once a test asks to reuse them', () => {
    const request = { talos_version: 'v1.12.6' };
    const made = libs.call('talos_machine_secrets', request);
    libs.reuseTalosSecrets();
    const kept = libs.call('talos_machine_secrets', request);
    expect(kept.machine_secrets.secrets.bootstrap_token).not.toBe(made.machine_secrets.secrets.bootstrap_token);
    expect(libs.call('talos_machine_secrets', request)).toEqual(kept);
  });
});
