import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Host header Warden will put into a Location: a DNS name or an IP literal, with an optional port. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$/;

/**
 * The plain-HTTP listener of `redirectHttp`: every request gets 308 to the same host and
 * request-target over https (308 keeps the method and body, unlike 301/302). No request reaches the
 * upstream from here, so nothing needs inspecting.
 */
export function createRedirectServer(httpsPort: () => number): Server {
  return createServer({ headersTimeout: 10_000, requestTimeout: 10_000, maxHeaderSize: 16 * 1024 }, (req, res) => {
    const m = HOST.exec(req.headers.host ?? '');
    const target = req.url !== undefined && req.url.startsWith('/') ? req.url : '/';
    if (m === null) {
      res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' });
      res.end('a Host header is needed to redirect to https\n');
      return;
    }
    const port = httpsPort();
    const location = `https://${m[1]}${port === 443 ? '' : `:${port}`}${target}`;
    // A body is not read: close after answering rather than parse it as the next request.
    const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    res.writeHead(308, { location, 'content-type': 'text/plain', 'content-length': 0, 'cache-control': 'no-store', ...(hasBody ? { connection: 'close' } : {}) });
    res.end();
  });
}

export function listenRedirect(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
