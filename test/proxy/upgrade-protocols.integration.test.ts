import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarden } from '../helpers/warden.js';

/**
 * An upstream that switches to any protocol asked for (as an h2c-capable server does) and then records every
 * byte it gets on that connection; a request without Upgrade gets a plain 200. Real sockets on 127.0.0.1.
 */
interface SwitchingUpstream {
  server: Server;
  origin: string;
  heads: string[];
  afterSwitch: string[];
}

async function startSwitchingUpstream(): Promise<SwitchingUpstream> {
  const up: SwitchingUpstream = { server: createServer(), origin: '', heads: [], afterSwitch: [] };
  up.server.on('connection', (socket: Socket) => {
    let buffered = '';
    let switched = false;
    socket.on('data', (chunk: Buffer) => {
      if (switched) {
        up.afterSwitch.push(chunk.toString('latin1'));
        return;
      }
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.slice(0, end);
      up.heads.push(head);
      const upgrade = /^upgrade:\s*(\S+)/im.exec(head);
      if (upgrade !== null) {
        switched = true;
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: ${upgrade[1]}\r\n\r\n`);
        const rest = buffered.slice(end + 4);
        if (rest.length > 0) up.afterSwitch.push(rest);
      } else {
        socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nplain\r\n0\r\n\r\n');
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => up.server.listen(0, '127.0.0.1', resolve));
  up.origin = `http://127.0.0.1:${(up.server.address() as { port: number }).port}`;
  return up;
}

/** Sends `head`, then after the first answer's head `then`, and collects everything until the connection closes (bounded). */
function exchange(address: string, head: string, then: string): Promise<string> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host);
    let got = '';
    let sent = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, 8_000);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString('latin1');
      if (!sent && got.includes('\r\n\r\n')) {
        sent = true;
        socket.write(then);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
  });
}

const SMUGGLED = "GET /admin?q=1'%20UNION%20SELECT%20username,password%20FROM%20users--%20- HTTP/1.1\r\nHost: app.test\r\n\r\n";

let upstream: SwitchingUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  upstream = await startSwitchingUpstream();
  warden = await startTestWarden(upstream.origin, { routes: [{ match: { pathPrefix: '/raw' }, mode: 'off' }] });
});

afterAll(async () => {
  await warden?.close();
  await new Promise<void>((resolve) => upstream?.server.close(() => resolve()));
});

describe('an Upgrade to another protocol than WebSocket', () => {
  it('is not upgraded on an inspected route: the request goes on without it and the client stays on HTTP/1.1 (no h2c smuggling)', async () => {
    const before = upstream.afterSwitch.length;
    const answer = await exchange(warden.address, 'GET /page HTTP/1.1\r\nHost: app.test\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n', SMUGGLED);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('plain');
    expect(answer).not.toContain('101 Switching');
    const head = upstream.heads.at(-1) ?? '';
    expect(head).toMatch(/^GET \/page HTTP\/1\.1/);
    expect(head).not.toMatch(/^upgrade:/im);
    expect(head).not.toMatch(/^http2-settings:/im);
    // What the client wrote after the answer never reached the upstream unread.
    expect(upstream.afterSwitch.slice(before).join('')).not.toContain('UNION SELECT');
  });

  it('is still spliced on a route with mode: off, as documented', async () => {
    const before = upstream.afterSwitch.length;
    const answer = await exchange(warden.address, 'GET /raw/tunnel HTTP/1.1\r\nHost: app.test\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n', 'raw bytes');
    expect(answer).toMatch(/^HTTP\/1\.1 101 /);
    for (let i = 0; i < 50 && upstream.afterSwitch.slice(before).join('') === ''; i++) await new Promise((r) => setTimeout(r, 100));
    expect(upstream.afterSwitch.slice(before).join('')).toContain('raw bytes');
  });
});
