import { createServer, connect, type Server, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarden } from '../helpers/warden.js';
import { CertificateDir } from '../helpers/certificates.js';

/**
 * An upstream that switches to any protocol asked for (as an h2c-capable server does) and then records every
 * byte it gets on that connection; a request without Upgrade gets a plain 200. Real sockets on 127.0.0.1.
 */
interface SwitchingUpstream {
  server: Server;
  origin: string;
  heads: string[];
  bodies: string[];
  afterSwitch: string[];
}

async function startSwitchingUpstream(): Promise<SwitchingUpstream> {
  const up: SwitchingUpstream = { server: createServer(), origin: '', heads: [], bodies: [], afterSwitch: [] };
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
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      up.heads.push(head);
      up.bodies.push(buffered.slice(end + 4, end + 4 + length));
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

const SMUGGLED = "GET /admin?q=1'%20UNION%20SELECT%20username,password%20FROM%20users--%20- HTTP/1.1\r\nHost: app.test\r\nConnection: close\r\n\r\n";

/** Writes `bytes` on a plain or TLS connection and collects what comes back until it closes or `waitMs` passes. */
function collect(socket: Socket, bytes: string, waitMs = 4_000): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.write(bytes);
  });
}

const ATTACK_FORM = "q=1'%20UNION%20SELECT%20username,password%20FROM%20users--%20-";
/** A POST as Java's HttpClient and `curl --http2 -d` send their first request to an http:// origin. */
function h2cPost(path: string, body: string, close = true): string {
  return `POST ${path} HTTP/1.1\r\nHost: app.test\r\nConnection: Upgrade, HTTP2-Settings${close ? ', close' : ''}\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
}

let upstream: SwitchingUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let tlsWarden: Awaited<ReturnType<typeof startTestWarden>>;
let certs: CertificateDir;

beforeAll(async () => {
  upstream = await startSwitchingUpstream();
  warden = await startTestWarden(upstream.origin, { routes: [{ match: { pathPrefix: '/raw' }, mode: 'off' }] });
  certs = new CertificateDir();
  const pair = certs.selfSigned('app', ['app.test', '127.0.0.1']);
  tlsWarden = await startTestWarden(upstream.origin, { tls: { certificates: [pair], http2: true } });
}, 60_000);

afterAll(async () => {
  await warden?.close();
  await tlsWarden?.close();
  await new Promise<void>((resolve) => upstream?.server.close(() => resolve()));
  certs?.remove();
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
    expect(head).not.toMatch(/^connection:.*upgrade/im);
    // What the client wrote after the answer never reached the upstream unread: it is a request of its own, judged.
    expect(upstream.afterSwitch.slice(before).join('')).not.toContain('UNION SELECT');
    expect(answer).toMatch(/HTTP\/1\.1 403 /);
    expect(upstream.heads.some((h) => h.includes('UNION'))).toBe(false);
  });

  it('serves a POST that asks for h2c as a plain request, body and all, and judges its body (it was refused 400)', async () => {
    const [host, port] = warden.address.split(':');
    const answer = await collect(connect(Number(port), host), h2cPost('/form', 'q=red+shoes'));
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('plain');
    const at = upstream.heads.findIndex((h) => h.startsWith('POST /form '));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(upstream.heads[at]).not.toMatch(/^(upgrade|http2-settings):/im);
    expect(upstream.bodies[at]).toBe('q=red+shoes');
    const blocked = await collect(connect(Number(port), host), h2cPost('/form-attack', ATTACK_FORM));
    expect(blocked).toMatch(/^HTTP\/1\.1 403 /);
    expect(blocked).toContain('incidentId');
    expect(upstream.heads.some((h) => h.startsWith('POST /form-attack'))).toBe(false);
  });

  it('keeps the connection an HTTP/1.1 one: a request pipelined behind the h2c POST is parsed and judged as a request', async () => {
    const [host, port] = warden.address.split(':');
    const answer = await collect(connect(Number(port), host), h2cPost('/first', 'a=1', false) + SMUGGLED);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/HTTP\/1\.1 403 /);
    expect(upstream.heads.some((h) => h.startsWith('POST /first'))).toBe(true);
    expect(upstream.heads.some((h) => h.includes('UNION'))).toBe(false);
  });

  it('does the same on a TLS listener (HTTP/1.1 over TLS beside h2)', async () => {
    const port = Number(tlsWarden.address.split(':').pop());
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const s = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => resolve(s));
      });
    const ok = await collect(await open(), h2cPost('/tls-form', 'q=blue+hats'));
    expect(ok).toMatch(/^HTTP\/1\.1 200 /);
    const at = upstream.heads.findIndex((h) => h.startsWith('POST /tls-form '));
    expect(upstream.bodies[at]).toBe('q=blue+hats');
    const blocked = await collect(await open(), h2cPost('/tls-attack', ATTACK_FORM));
    expect(blocked).toMatch(/^HTTP\/1\.1 403 /);
    expect(upstream.heads.some((h) => h.startsWith('POST /tls-attack'))).toBe(false);
  });

  it('refuses a WebSocket handshake with two Host lines (RFC 9112 §3.2), as any request', async () => {
    const [host, port] = warden.address.split(':');
    const answer = await collect(
      connect(Number(port), host),
      'GET /chat HTTP/1.1\r\nHost: app.test\r\nHost: admin.internal\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"error":"bad_host"');
    expect(upstream.heads.some((h) => h.startsWith('GET /chat'))).toBe(false);
  });

  it('is still spliced on a route with mode: off, as documented', async () => {
    const before = upstream.afterSwitch.length;
    const answer = await exchange(warden.address, 'GET /raw/tunnel HTTP/1.1\r\nHost: app.test\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n', 'raw bytes');
    expect(answer).toMatch(/^HTTP\/1\.1 101 /);
    for (let i = 0; i < 50 && upstream.afterSwitch.slice(before).join('') === ''; i++) await new Promise((r) => setTimeout(r, 100));
    expect(upstream.afterSwitch.slice(before).join('')).toContain('raw bytes');
  });
});
