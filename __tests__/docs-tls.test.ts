// `insecure: false` against a stock Proxmox certificate fails at the first plan, and bpg/proxmox (v0.90.0) has no
// CA-file option (proxmox/api/client.go builds its tls.Config with InsecureSkipVerify only, so the system roots
// apply). The user must learn the way out where they look: the prop's doc, homelab.json's doc, the README.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

test.each(['README.md', 'constructs/proxmox/connection.ts', 'homelab/config.ts'])('%s explains insecure: false against the Proxmox CA', (file) => {
  const text = read(file).replace(/\s*\n\s*(\*\s*)?/g, ' ');
  expect(text).toContain('x509: certificate signed by unknown authority');
  expect(text).toContain('pve-root-ca.pem');
  expect(text).toMatch(/no (option for a )?CA-file option|has no option for a CA file/);
});
