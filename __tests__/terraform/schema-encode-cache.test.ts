// tools/tf-schema-provider/plugin-server.js encodes a frozen response once per process (a provider's schema, asked
// for by every Terraform command), and any other response on each call.
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const server = require(path.join(__dirname, '..', '..', 'tools', 'tf-schema-provider', 'plugin-server.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createProviderService } = require(path.join(__dirname, '..', '..', 'tools', 'tf-schema-provider', 'service.js'));

const root = server.loadProtocol();
const type = root.lookupType('tfplugin6.GetProviderSchema.Response');
const fresh = (o: unknown): Buffer => Buffer.from(type.encode(type.fromObject(o)).finish());

test('the schema answer is frozen and encoded once: the same bytes as a fresh encoding', () => {
  const service = createProviderService(path.join(__dirname, '..', '..', 'schemas', 'hashicorp-null-3.2.4.json'));
  const answer = service.handlers.GetProviderSchema({});
  expect(Object.isFrozen(answer)).toBe(true);
  const first = server.encodeResponse(type, answer);
  expect(server.encodeResponse(type, answer)).toBe(first);
  expect(first.equals(fresh(answer))).toBe(true);
});

test('a response that is not frozen is encoded on each call', () => {
  const answer = { diagnostics: [{ severity: 'ERROR', summary: 'a' }] };
  const first = server.encodeResponse(type, answer);
  answer.diagnostics[0].summary = 'b';
  const second = server.encodeResponse(type, answer);
  expect(second.equals(first)).toBe(false);
  expect(second.equals(fresh(answer))).toBe(true);
});
