import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { startTestWarden } from '../../helpers/warden.js';
import { waitForLogLine } from '../../helpers/log-lines.js';
import { REDIS_BINARY, startRedis, type TestRedis } from '../../reputation/redis-server.js';
import { freePort } from '../../helpers/nginx.js';

let server: WebSocketServer;
let upstream: string;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  server.on('connection', (ws) => ws.on('message', (m: RawData, binary: boolean) => ws.send(m, { binary })));
  upstream = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => server?.close());

async function open(address: string, path = '/chat'): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${address}${path}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** Sends `n` messages one at a time, each waiting for its echo, until the connection closes; the echoes and the close. */
async function sendEach(ws: WebSocket, n: number): Promise<{ echoes: number; close: { code: number; reason: string } | null }> {
  let close: { code: number; reason: string } | null = null;
  const closed = new Promise<void>((resolve) =>
    ws.once('close', (code, reason) => {
      close = { code, reason: reason.toString() };
      resolve();
    }),
  );
  let echoes = 0;
  for (let i = 0; i < n && close === null; i++) {
    const echo = new Promise<boolean>((resolve) => {
      ws.once('message', () => resolve(true));
      void closed.then(() => resolve(false));
    });
    ws.send(JSON.stringify({ type: 'chat', seq: i, text: `message ${i}` }));
    if (await echo) echoes++;
  }
  if (close === null) ws.close();
  return { echoes, close };
}

const perConnection = { id: 'chat-messages', counts: 'websocketMessages', match: { pathPrefix: '/chat' }, key: 'connection', limit: 5, windowSeconds: 60 };

describe('rate limits on WebSocket messages', () => {
  it('closes a connection past its per-connection message limit with 1008, naming the rule and the wait, logged and counted', async () => {
    const warden = await startTestWarden(upstream, {
      // A request rule on the same path: handshakes are requests, messages are not counted by it.
      rateLimits: { rules: [{ id: 'chat-handshakes', match: { pathPrefix: '/chat' }, key: 'ip', limit: 3, windowSeconds: 60 }, perConnection] },
    });
    try {
      const first = await sendEach(await open(warden.address), 8);
      expect(first.echoes).toBe(5);
      expect(first.close?.code).toBe(1008);
      expect(first.close?.reason).toMatch(/^rate limited by chat-messages; retry in (59|60) s$/);
      const line = await waitForLogLine(warden.logFile, (l) => l.event === 'websocket-close' && l.code === 'WARDEN_WEBSOCKET_RATE_LIMITED');
      expect(line).toMatchObject({ closeCode: 1008, request: { path: '/chat' }, rateLimit: { rule: 'chat-messages', limit: 5, windowSeconds: 60, count: 6 } });
      expect((line.rateLimit as { key: string }).key).toBe(`connection=${line.incidentId}`);
      // Another connection has its own count; and the 40 messages did not use up the handshake rule's 3.
      const second = await sendEach(await open(warden.address), 5);
      expect(second).toEqual({ echoes: 5, close: null });
      const metrics = await warden.metrics.registry.metrics();
      expect(metrics).toMatch(/warden_ratelimit_limited_total\{rule="chat-messages"\} 1\b/);
      expect(metrics).not.toMatch(/warden_ratelimit_limited_total\{rule="chat-handshakes"\}/);
      expect(metrics).toMatch(/warden_websocket_closes_total\{code="1008"\} 1\b/);
    } finally {
      await warden.close();
    }
  });

  it('counts nothing and awaits nothing without a message rule (a request rule does not count messages)', async () => {
    const warden = await startTestWarden(upstream, { rateLimits: { rules: [{ id: 'chat-handshakes', match: { pathPrefix: '/chat' }, key: 'ip', limit: 2, windowSeconds: 60 }] } });
    try {
      expect(await sendEach(await open(warden.address), 12)).toEqual({ echoes: 12, close: null });
    } finally {
      await warden.close();
    }
  });

  describe.skipIf(!existsSync(REDIS_BINARY))('on Redis', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedis(await freePort());
    });
    afterAll(async () => redis?.stop());

    it('shares a per-source message limit between two instances', async () => {
      const rateLimits = {
        store: 'redis',
        // A generous command timeout: a timed-out count would fall back to this instance's own counters.
        redis: { url: redis.url, keyPrefix: 'wsmsg:rl:', timeoutMs: 2000 },
        rules: [{ id: 'source-messages', counts: 'websocketMessages', match: {}, key: 'ip', limit: 6, windowSeconds: 60 }],
      };
      const one = await startTestWarden(upstream, { rateLimits });
      const two = await startTestWarden(upstream, { rateLimits });
      try {
        expect(await sendEach(await open(one.address), 4)).toEqual({ echoes: 4, close: null });
        const onTwo = await sendEach(await open(two.address), 4);
        expect(onTwo.echoes).toBe(2);
        expect(onTwo.close?.code).toBe(1008);
        expect(onTwo.close?.reason).toMatch(/^rate limited by source-messages; retry in \d+ s$/);
      } finally {
        await one.close();
        await two.close();
      }
    });
  });
});
