// The provider host of tools/tf-schema-provider: many provider "processes" served from ONE Node
// process (scripts/validate.js, or a test), to avoid paying Node's start-up (~100 ms) on each of
// the dozens of provider launches of a plan/apply.
//
// How: Terraform still starts the provider executable of the filesystem mirror, but that is a tiny
// bash script (see scripts/validate.js writeMirror) which, when TF_SCHEMA_PROVIDER_HOST=host:port
// is set, connects to this host over TCP and sends
//     launch\n<provider address>\n<schema file>\n<working directory>\n<PLUGIN_PROTOCOL_VERSIONS>\n<PLUGIN_CLIENT_CERT PEM>\n.\n
// The host starts a gRPC server for that provider (plugin-server.js) trusting that client
// certificate, and answers with go-plugin's handshake line, which the script prints. The script
// then waits until the host closes the connection - when Terraform calls Shutdown - and exits,
// exactly like a plugin process would. If the script is killed instead, the connection drops and
// the host closes that provider's server. Without the variable, or when the host cannot be reached,
// the script runs provider.js itself.
'use strict';
const net = require('net');
const { createProviderService } = require('./service');
const { startPluginServer, PROTOCOL_VERSION } = require('./plugin-server');

/**
 * Start the host on 127.0.0.1 (random port). Returns a promise of
 * { address: "127.0.0.1:PORT", env: { TF_SCHEMA_PROVIDER_HOST }, launches(), close() }.
 * The listening socket is unref()'d: it does not keep the Node process alive.
 */
function startHost({ log = () => {} } = {}) {
  const live = new Set();
  let launches = 0;
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    let buf = '';
    let plugin = null;
    let closed = false;
    const stop = () => {
      if (closed) return;
      closed = true;
      if (plugin) { plugin.close(); live.delete(plugin); }
      socket.end();
    };
    socket.on('error', () => stop());
    socket.on('close', () => stop());
    const onData = async (chunk) => {
      buf += chunk;
      if (!buf.endsWith('\n.\n')) return;
      socket.off('data', onData);
      const [cmd, address, schemaFile, cwd, versions, ...certLines] = buf.replace(/\n\.\n$/, '').split('\n');
      try {
        if (cmd !== 'launch') throw new Error(`unknown request ${cmd}`);
        if (!versions.split(',').includes(PROTOCOL_VERSION)) throw new Error(`only plugin protocol ${PROTOCOL_VERSION} is supported; Terraform offered ${versions}`);
        const service = createProviderService(schemaFile, address, { log, cwd }); // schemas are parsed once per process
        const cert = certLines.join('\n').trim();
        plugin = await startPluginServer({ handlers: service.handlers, clientCert: cert || undefined, onShutdown: stop, log });
        if (closed) { plugin.close(); return; }
        live.add(plugin);
        launches++;
        socket.write(`${plugin.handshake}\n`);
      } catch (e) {
        socket.end(`ERROR ${String(e.message).replace(/\n/g, ' ')}\n`);
      }
    };
    socket.on('data', onData);
    socket.setEncoding('utf8');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      const address = `127.0.0.1:${server.address().port}`;
      resolve({
        address,
        env: { TF_SCHEMA_PROVIDER_HOST: address },
        launches: () => launches,
        close: () => new Promise((r) => { for (const p of live) p.close(); server.close(() => r()); }),
      });
    });
  });
}

module.exports = { startHost };
