import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface SessionUpstream {
  origin: string;
  /** The Cookie header of every request that reached it (null: none), in order, by path. */
  seen: { path: string; cookie: string | null }[];
  close(): Promise<void>;
}

/**
 * A real application server that issues sessions the way PHP does: `GET /login` answers with
 * `Set-Cookie: PHPSESSID=<fresh random id>`; every other path answers with the Cookie header it
 * received, so a test sees exactly what Warden forwarded.
 */
export async function startSessionUpstream(): Promise<SessionUpstream> {
  const seen: SessionUpstream['seen'] = [];
  const server: Server = createServer((req, res) => {
    const cookie = req.headers.cookie ?? null;
    seen.push({ path: req.url ?? '/', cookie });
    if (req.url === '/logout') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'PHPSESSID=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0; path=/' });
      res.end(JSON.stringify({ cookie }));
      return;
    }
    if (req.url === '/login') {
      const id = randomBytes(16).toString('hex');
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': [`PHPSESSID=${id}; Path=/; HttpOnly`, 'theme=dark; Path=/'] });
      res.end(JSON.stringify({ issued: id }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cookie }));
  });
  // WebSocket handshakes: `/ws-login` answers 101 with a fresh PHPSESSID, any other path a plain 101.
  server.on('upgrade', (req, socket) => {
    seen.push({ path: req.url ?? '/', cookie: req.headers.cookie ?? null });
    const setCookie = req.url === '/ws-login' ? `Set-Cookie: PHPSESSID=${randomBytes(16).toString('hex')}; Path=/\r\n` : '';
    socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${setCookie}\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The PHPSESSID a /login answer set, from its Set-Cookie lines. */
export function issuedSessionId(setCookie: string | string[] | undefined): string {
  const lines = typeof setCookie === 'string' ? [setCookie] : (setCookie ?? []);
  const line = lines.find((l) => l.startsWith('PHPSESSID='));
  if (line === undefined) throw new Error(`no PHPSESSID in ${JSON.stringify(setCookie)}`);
  return line.slice('PHPSESSID='.length, line.indexOf(';'));
}
