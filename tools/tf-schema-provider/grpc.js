// A minimal gRPC server for tools/tf-schema-provider: unary calls only, on Node's built-in http2.
//
// Why not @grpc/grpc-js: Terraform starts a fresh provider process for almost every step
// (schema, validate walk, plan walk, apply walk), so start-up time is paid 2-3 times per provider
// per command. Loading grpc-js costs ~35 ms of each start; this file costs ~7 ms. Everything the
// provider protocol needs from gRPC here is unary request/response:
//   request:  POST /<package>.<Service>/<Method>, content-type application/grpc,
//             body = 1 byte compressed-flag (0) + 4 bytes big-endian length + protobuf message;
//   response: HTTP 200 + content-type application/grpc, the same framing, then trailers
//             grpc-status (0 = OK) / grpc-message.
// Unknown methods (e.g. go-plugin's GRPCStdio stream, GRPCBroker) answer UNIMPLEMENTED, which
// go-plugin and Terraform accept.
'use strict';
const http2 = require('http2');

const STATUS = { OK: 0, INTERNAL: 13, UNIMPLEMENTED: 12 };

/**
 * @param {object} o
 * @param {Record<string, {decode(b: Buffer): any, encode(o: any): Buffer, handler(req: any): any}>} o.methods
 *   by path, e.g. "/tfplugin6.Provider/GetProviderSchema"
 * @param {{key: Buffer, cert: Buffer, clientCa: Buffer} | null} o.tls  mutual TLS: only clients
 *   with a certificate signed by clientCa are accepted
 * @param {(msg: string) => void} [o.log]
 */
function createServer({ methods, tls, log = () => {} }) {
  const server = tls
    ? http2.createSecureServer({ key: tls.key, cert: tls.cert, ca: tls.clientCa, requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'] })
    : http2.createServer();
  const sessions = new Set();
  server.on('session', (s) => { sessions.add(s); s.on('close', () => sessions.delete(s)); });
  server.on('sessionError', (e) => log(`http2 session error: ${e.message}`));
  server.on('tlsClientError', (e) => log(`TLS client error: ${e.message}`));
  server.on('stream', (stream, headers) => {
    stream.on('error', (e) => log(`stream error: ${e.message}`));
    const trailersOnly = (code, message) => {
      if (stream.destroyed || stream.headersSent) return;
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) }, { endStream: true });
    };
    const method = methods[headers[':path']];
    if (!method || headers[':method'] !== 'POST') {
      stream.resume();
      trailersOnly(STATUS.UNIMPLEMENTED, `unknown method ${headers[':path']}`);
      return;
    }
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (body.length < 5 || body[0] !== 0) {
        trailersOnly(STATUS.INTERNAL, body.length < 5 ? 'truncated message' : 'compressed messages are not supported');
        return;
      }
      let payload;
      try {
        const request = method.decode(body.subarray(5, 5 + body.readUInt32BE(1)));
        payload = method.encode(await method.handler(request));
      } catch (e) {
        log(`${headers[':path']}: ${e.stack || e}`);
        trailersOnly(STATUS.INTERNAL, String(e.message || e));
        return;
      }
      const frame = Buffer.allocUnsafe(5 + payload.length);
      frame[0] = 0;
      frame.writeUInt32BE(payload.length, 1);
      payload.copy(frame, 5);
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(STATUS.OK) }));
      stream.end(frame);
    });
  });
  return {
    /** Listen on host:0; resolves to the port. */
    listen(host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => resolve(server.address().port));
      });
    },
    /** Stop listening and close the open connections (gracefully: answers in flight are sent). */
    close() {
      server.close();
      for (const s of sessions) s.close();
    },
  };
}

module.exports = { createServer };
