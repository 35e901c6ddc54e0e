import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { readLogLines, waitForLogLine } from '../../helpers/log-lines.js';
import { startTestWarden } from '../../helpers/warden.js';
import { frame } from './frames.js';

/** A real WebSocket upstream on 127.0.0.1 that echoes each message and remembers what it received and how each connection closed. */
interface EchoUpstream {
  server: WebSocketServer;
  origin: string;
  received: string[];
  closes: { code: number; reason: string }[];
  extensions: string[];
}

async function startEchoUpstream(): Promise<EchoUpstream> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: true });
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  const upstream: EchoUpstream = { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, received: [], closes: [], extensions: [] };
  server.on('connection', (ws, req) => {
    upstream.extensions.push(req.headers['sec-websocket-extensions'] ?? '');
    ws.on('message', (m: RawData, binary: boolean) => {
      upstream.received.push(m.toString());
      ws.send(m, { binary });
    });
    ws.on('close', (code, reason) => upstream.closes.push({ code, reason: reason.toString() }));
  });
  return upstream;
}

const SQLI = JSON.stringify({ type: 'search', filter: { name: "x' UNION SELECT username, password FROM users-- -" } });

let upstream: EchoUpstream;
let prevent: Awaited<ReturnType<typeof startTestWarden>>;
let detect: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  upstream = await startEchoUpstream();
  const routes = [{ match: { pathPrefix: '/health-socket' }, mode: 'off' }];
  prevent = await startTestWarden(upstream.origin, { routes, websocket: { maxMessageBytes: 65_536 } });
  detect = await startTestWarden(upstream.origin, { mode: 'detect' });
});

afterAll(async () => {
  await prevent?.close();
  await detect?.close();
  upstream?.server.close();
});

function open(address: string, path: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${address}${path}`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends `messages` one after another and collects `count` echoes (or fewer, when the socket closes first) and the close. */
function exchange(ws: WebSocket, send: (ws: WebSocket) => void, count: number): Promise<{ echoes: string[]; close: { code: number; reason: string } | null }> {
  const echoes: string[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ echoes, close: null }), 8_000);
    ws.on('message', (m: RawData) => {
      echoes.push(m.toString());
      if (echoes.length === count) {
        clearTimeout(timer);
        resolve({ echoes, close: null });
      }
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ echoes, close: { code, reason: reason.toString() } });
    });
    send(ws);
  });
}

describe('WebSocket messages through Warden to a real upstream', () => {
  it('forwards benign text, JSON and binary messages in order, and negotiates no permessage-deflate', async () => {
    const ws = await open(prevent.address, '/chat?room=lobby');
    // ws offers permessage-deflate and the upstream accepts it: Warden stripped the offer.
    expect(ws.extensions).toBe('');
    const sent = [
      JSON.stringify({ type: 'chat', text: 'Hello everyone, how is the SELECT committee meeting going?' }),
      'plain text: see you at 5 or 6',
      ...Array.from({ length: 30 }, (_, i) => JSON.stringify({ seq: i, text: `message number ${i}` })),
    ];
    const { echoes, close } = await exchange(
      ws,
      (w) => {
        for (const m of sent) w.send(m);
        w.send(Buffer.from([0, 1, 2, 3, 250, 251]));
      },
      sent.length + 1,
    );
    expect(close).toBeNull();
    expect(echoes.slice(0, sent.length)).toEqual(sent);
    expect(Buffer.from(echoes[sent.length], 'utf8').length).toBeGreaterThan(0);
    expect(upstream.extensions.at(-1)).toBe('');
    ws.close();
  });

  it('closes with 1008 and the incident id on a SQL injection in a JSON message, which never reaches the upstream', async () => {
    const before = upstream.received.length;
    const ws = await open(prevent.address, '/graphql-ws');
    expect((await exchange(ws, (w) => w.send(JSON.stringify({ type: 'hello' })), 1)).echoes).toEqual([JSON.stringify({ type: 'hello' })]);
    const { echoes, close } = await exchange(
      ws,
      (w) => {
        w.send(SQLI);
        w.send(JSON.stringify({ type: 'after' }));
      },
      2,
    );
    expect(echoes).toEqual([]);
    expect(close?.code).toBe(1008);
    expect(close?.reason).toMatch(/^[0-9a-z]{12,32}$/);
    const line = await waitForLogLine(prevent.logFile, (l) => l.incidentId === close?.reason);
    expect(line).toMatchObject({ event: 'verdict', action: 'block', request: { path: '/graphql-ws' }, websocket: { messageIndex: 1, opcode: 1, bytes: Buffer.byteLength(SQLI) } });
    expect(upstream.received.slice(before)).toEqual([JSON.stringify({ type: 'hello' })]);
    // The upstream was closed too, with the same code.
    await expect.poll(() => upstream.closes.at(-1)?.code, { timeout: 5_000 }).toBe(1008);
  });

  it('blocks an attack split over fragments with pings between them', async () => {
    const before = upstream.received.length;
    const ws = await open(prevent.address, '/chat');
    const parts = [SQLI.slice(0, 20), SQLI.slice(20, 45), SQLI.slice(45)];
    const { close } = await exchange(
      ws,
      (w) => {
        w.send(parts[0], { fin: false });
        w.ping('p1');
        w.send(parts[1], { fin: false });
        w.ping('p2');
        w.send(parts[2], { fin: true });
      },
      1,
    );
    expect(close?.code).toBe(1008);
    await waitForLogLine(prevent.logFile, (l) => l.incidentId === close?.reason && l.action === 'block');
    expect(upstream.received.slice(before)).toEqual([]);
  });

  it('closes with 1002 and a log line on an unmasked client frame, and keeps serving', async () => {
    const socket = connect(Number(prevent.address.split(':').pop()), '127.0.0.1');
    const got: Buffer[] = [];
    socket.on('data', (c) => got.push(c));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /raw HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    await expect.poll(() => Buffer.concat(got).toString('latin1'), { timeout: 5_000 }).toMatch(/^HTTP\/1\.1 101[\s\S]*\r\n\r\n/);
    socket.write(frame(1, 'hello', { masked: false }));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const all = Buffer.concat(got);
    const body = all.subarray(all.indexOf('\r\n\r\n') + 4);
    expect(body[0]).toBe(0x88);
    expect(body.readUInt16BE(2)).toBe(1002);
    await waitForLogLine(prevent.logFile, (l) => l.event === 'websocket-close' && l.closeCode === 1002 && l.code === 'WARDEN_WEBSOCKET_PROTOCOL_ERROR');
    const ws = await open(prevent.address, '/chat');
    expect((await exchange(ws, (w) => w.send('still here'), 1)).echoes).toEqual(['still here']);
    ws.close();
  });

  it('closes with 1009 on a message over websocket.maxMessageBytes', async () => {
    const ws = await open(prevent.address, '/chat');
    const { close } = await exchange(ws, (w) => w.send('a'.repeat(70_000)), 1);
    expect(close?.code).toBe(1009);
    await waitForLogLine(prevent.logFile, (l) => l.event === 'websocket-close' && l.closeCode === 1009);
  });

  it('splices a mode: off route as before: no judgement, the extension negotiated', async () => {
    const ws = await open(prevent.address, '/health-socket');
    expect(ws.extensions).toContain('permessage-deflate');
    const { echoes, close } = await exchange(ws, (w) => w.send(SQLI), 1);
    expect(close).toBeNull();
    expect(echoes).toEqual([SQLI]);
    ws.close();
  });

  it('forwards the attack in detect mode and logs it as monitor', async () => {
    const ws = await open(detect.address, '/chat');
    const { echoes, close } = await exchange(ws, (w) => w.send(SQLI), 1);
    expect(close).toBeNull();
    expect(echoes).toEqual([SQLI]);
    const line = await waitForLogLine(detect.logFile, (l) => l.action === 'monitor' && (l.websocket as { messageIndex?: number } | undefined)?.messageIndex === 0);
    expect(line).toMatchObject({ request: { path: '/chat' }, websocket: { opcode: 1 } });
    ws.close();
    expect(readLogLines(detect.logFile).some((l) => l.action === 'block')).toBe(false);
  });
});

describe("a message's verdict rests on the message, the handshake's taken once", () => {
  it("judges a benign message allow after a handshake whose query was an attack (detect mode lets it open)", async () => {
    const ws = await open(detect.address, `/chat?q=${encodeURIComponent("x' UNION SELECT password FROM users-- -")}`);
    const handshakeLine = await waitForLogLine(detect.logFile, (l) => l.action === 'monitor' && (l.request as { path?: string }).path === '/chat' && l.websocket === undefined);
    const { echoes } = await exchange(
      ws,
      (w) => {
        w.send(JSON.stringify({ type: 'chat', text: 'good morning' }));
        w.send(SQLI);
      },
      2,
    );
    expect(echoes).toEqual([JSON.stringify({ type: 'chat', text: 'good morning' }), SQLI]);
    // Lines are written in order: once message 1's is there, message 0 had its verdict (allow, not logged).
    const attack = await waitForLogLine(detect.logFile, (l) => l.action === 'monitor' && (l.websocket as { handshakeId?: string } | undefined)?.handshakeId === handshakeLine.incidentId);
    expect(attack.websocket).toMatchObject({ messageIndex: 1 });
    const ofConnection = readLogLines(detect.logFile).filter((l) => (l.websocket as { handshakeId?: string } | undefined)?.handshakeId === handshakeLine.incidentId);
    expect(ofConnection.map((l) => (l.websocket as { messageIndex: number }).messageIndex)).toEqual([1]);
    // Every reason of the message's verdict points into the message.
    for (const reason of attack.reasons as { target?: { location: string } }[]) if (reason.target !== undefined) expect(reason.target.location).toBe('body');
    ws.close();
  });
});

describe('WebSocket messages over the limit with overLimit: pass', () => {
  it('passes the message on unjudged and logs it', async () => {
    const w = await startTestWarden(upstream.origin, { websocket: { maxMessageBytes: 1_000, overLimit: 'pass' } });
    try {
      const ws = await open(w.address, '/chat');
      const big = `${'b'.repeat(1_500)}${SQLI}`;
      const { echoes, close } = await exchange(
        ws,
        (s) => {
          s.send(big);
          s.send('small and benign');
        },
        2,
      );
      expect(close).toBeNull();
      expect(echoes).toEqual([big, 'small and benign']);
      await waitForLogLine(w.logFile, (l) => l.event === 'websocket-unjudged' && (l.websocket as { bytes: number }).bytes === Buffer.byteLength(big));
      ws.close();
    } finally {
      await w.close();
    }
  });
});

describe('an idle WebSocket (websocket.idleTimeoutMs)', () => {
  it('is closed with 1001 on both sides after no frame either way for the timeout, logged', async () => {
    const w = await startTestWarden(upstream.origin, { websocket: { idleTimeoutMs: 600 } });
    try {
      const ws = await open(w.address, '/idle');
      const closesBefore = upstream.closes.length;
      expect((await exchange(ws, (s) => s.send('hello'), 1)).echoes).toEqual(['hello']);
      const started = Date.now();
      const close = await new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
      expect(close.code).toBe(1001);
      expect(close.reason).toMatch(/^idle for \d+ s \(websocket\.idleTimeoutMs\)$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      await expect.poll(() => upstream.closes.slice(closesBefore).map((c) => c.code), { timeout: 5_000 }).toEqual([1001]);
      await waitForLogLine(w.logFile, (l) => l.event === 'websocket-close' && l.closeCode === 1001 && l.code === 'WARDEN_WEBSOCKET_IDLE');
    } finally {
      await w.close();
    }
  });

  it('stays open while pings and pongs keep crossing it', async () => {
    const w = await startTestWarden(upstream.origin, { websocket: { idleTimeoutMs: 600 } });
    try {
      const ws = await open(w.address, '/pinged');
      let closed = false;
      ws.once('close', () => (closed = true));
      // 2.4 s, four timeouts' worth, a ping every 200 ms (the ws upstream answers each with a pong).
      for (let i = 0; i < 12 && !closed; i++) {
        ws.ping('keepalive');
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(closed).toBe(false);
      expect((await exchange(ws, (s) => s.send('still open'), 1)).echoes).toEqual(['still open']);
      ws.close();
    } finally {
      await w.close();
    }
  });
});
