// The gRPC side of tools/tf-schema-provider (see provider.js for what and why): the protocol
// descriptor, the self-signed TLS certificate that go-plugin's AutoMTLS needs, and
// startPluginServer(), which serves one provider and returns go-plugin's handshake line.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { createServer } = require('./grpc');

// ---------- cache (TLS certificate, parsed protocol descriptor) ----------
const cacheDir = () => process.env.TF_SCHEMA_PROVIDER_CACHE
  || path.join(os.tmpdir(), `tf-schema-provider-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
/** The cache directory if it is ours and private (created if missing), else null: then nothing is cached. */
function privateCacheDir() {
  const dir = cacheDir();
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    return mine && st.isDirectory() && (st.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
}
/** Read a cache file, or null. */
function readCacheFile(name) {
  const dir = privateCacheDir();
  try { return dir ? fs.readFileSync(path.join(dir, name), 'utf8') : null; } catch { return null; }
}
/** Write a cache file atomically (several provider processes start at once), readable only by this user. */
function writeCacheFile(name, text, log = () => {}) {
  const dir = privateCacheDir();
  if (!dir) return;
  const file = path.join(dir, name);
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) { log(`cannot write cache file ${file}: ${e.message}`); }
}

// ---------- TLS (go-plugin AutoMTLS) ----------
// Terraform passes its client certificate in PLUGIN_CLIENT_CERT and expects the server's
// certificate (self-signed, SAN "localhost") in the handshake line. Generating an RSA key costs
// ~100 ms, so the key and certificate are cached in one file, written atomically.
function serverCertificate(log = () => {}) {
  const parse = (text) => {
    const key = /-----BEGIN RSA PRIVATE KEY-----[\s\S]+?-----END RSA PRIVATE KEY-----\n?/.exec(text);
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(text);
    return key && cert ? { key: Buffer.from(key[0]), cert: Buffer.from(cert[0]) } : null;
  };
  try {
    const cached = parse(readCacheFile('server.pem') || '');
    if (cached && Date.parse(new crypto.X509Certificate(cached.cert).validTo) > Date.now() + 86400e3) return cached;
  } catch { /* not cached yet, or unreadable: make a new one */ }
  const forge = require('node-forge');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }));
  cert.serialNumber = `01${crypto.randomBytes(12).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 3600e3);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86400e3);
  const subject = [{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'tf-schema-provider' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  writeCacheFile('server.pem', keyPem + certPem, log);
  return { key: Buffer.from(keyPem), cert: Buffer.from(certPem) };
}

// ---------- protocol descriptor ----------
// proto/*.proto is the source of truth. Parsing it needs the full protobufjs (~35 ms per start), so
// the parsed descriptor is cached as JSON (keyed by the .proto contents) and later starts load the
// light build from that cache.
const PROTO_DIR = path.join(__dirname, 'proto');
const PROTO_FILES = ['tfplugin6.proto', 'plugin_controller.proto'];
function loadProtocol(log = () => {}) {
  const sources = PROTO_FILES.map((f) => fs.readFileSync(path.join(PROTO_DIR, f), 'utf8'));
  const key = crypto.createHash('sha256').update(sources.join('\0')).digest('hex').slice(0, 16);
  const cached = `protocol-${key}.json`;
  try {
    const json = readCacheFile(cached);
    if (json) return require('protobufjs/light').Root.fromJSON(JSON.parse(json)).resolveAll();
  } catch { /* unreadable: parse again */ }
  const protobuf = require('protobufjs');
  const root = new protobuf.Root();
  for (const src of sources) protobuf.parse(src, root, { keepCase: true });
  root.resolveAll();
  writeCacheFile(cached, JSON.stringify(root.toJSON()), log);
  return root;
}

/** gRPC methods of a protobufjs service: path -> { decode, encode, handler } on plain objects (snake_case fields, enums as names, 64-bit ints as numbers). */
function serviceMethods(root, serviceName, handlers) {
  const service = root.lookupService(serviceName);
  const toObject = { longs: Number, enums: String, defaults: true, oneofs: true };
  return Object.fromEntries(Object.values(service.methods).filter((m) => handlers[m.name]).map((m) => {
    const req = service.lookupType(m.requestType);
    const res = service.lookupType(m.responseType);
    // request/response types are resolved relative to the service's package
    return [`/${serviceName}/${m.name}`, {
      decode: (b) => req.toObject(req.decode(b), toObject),
      encode: (o) => encodeResponse(res, o),
      handler: handlers[m.name],
    }];
  }));
}

/**
 * Encoded frozen responses, by message type: a handler that answers every call with the same frozen object (a
 * provider's schema: about 0.3 MB of protobuf for bpg/proxmox, 30-100 ms to encode, asked for by each Terraform
 * command) is encoded once per process, not once per call. A response that is not frozen is encoded each time.
 */
const encodedOnce = new Map();
function encodeResponse(type, o) {
  const encode = () => Buffer.from(type.encode(type.fromObject(o)).finish());
  if (!Object.isFrozen(o)) return encode();
  if (!encodedOnce.has(type.fullName)) encodedOnce.set(type.fullName, new WeakMap());
  const done = encodedOnce.get(type.fullName);
  if (!done.has(o)) done.set(o, encode());
  return done.get(o);
}
let protocolRoot;
/**
 * Serve a provider's handlers (service.js) on 127.0.0.1, with mutual TLS when `clientCert` (the
 * PEM that go-plugin passes in PLUGIN_CLIENT_CERT) is given. `onShutdown` runs when the client
 * calls go-plugin's GRPCController.Shutdown. Resolves to { port, handshake, close() }, where
 * `handshake` is the line the plugin process must print on stdout.
 */
async function startPluginServer({ handlers, clientCert, onShutdown = () => {}, log = () => {} }) {
  protocolRoot ||= loadProtocol(log);
  let tls = null;
  let certBase64 = '';
  if (clientCert) {
    const { key, cert } = serverCertificate(log);
    tls = { key, cert, clientCa: Buffer.from(clientCert) };
    // go-plugin wants the DER certificate in base64 without padding (base64.RawStdEncoding).
    certBase64 = new crypto.X509Certificate(cert).raw.toString('base64').replace(/=+$/, '');
  }
  const server = createServer({
    tls,
    log,
    methods: {
      ...serviceMethods(protocolRoot, 'tfplugin6.Provider', handlers),
      ...serviceMethods(protocolRoot, 'plugin.GRPCController', { Shutdown: () => { setImmediate(onShutdown); return {}; } }),
    },
  });
  const port = await server.listen('127.0.0.1');
  // CORE-PROTOCOL-VERSION | APP-PROTOCOL-VERSION | NETWORK | ADDRESS | PROTOCOL | SERVER-CERT
  return { port, handshake: `1|${PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${certBase64}`, close: () => server.close() };
}

/** go-plugin's handshake cookie for Terraform providers, and the protocol version we speak. */
const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const PROTOCOL_VERSION = '6';

module.exports = { startPluginServer, loadProtocol, encodeResponse, serverCertificate, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTOCOL_VERSION };
