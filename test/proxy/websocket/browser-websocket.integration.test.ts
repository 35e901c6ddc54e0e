/**
 * A real browser's WebSocket through Warden: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) loads a chat page from a Node upstream on 127.0.0.1 and opens a socket to it through
 * Warden with its defaults. The browser offers permessage-deflate and the upstream would accept it;
 * through Warden nothing is negotiated and the chat works; then a SQL injection typed into the chat
 * closes the socket with 1008 and the incident id, which the page sees.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { CHROMIUM, launchLoopbackChromium } from '../../helpers/shop-site.js';
import { waitForLogLine } from '../../helpers/log-lines.js';
import { startTestWarden } from '../../helpers/warden.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body><ul id="log"></ul></body></html>`;

let server: Server;
let wss: WebSocketServer;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let browser: Browser;
const received: string[] = [];

beforeAll(async () => {
  if (CHROMIUM === null) return;
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  wss = new WebSocketServer({ server, perMessageDeflate: true });
  wss.on('connection', (ws) => ws.on('message', (m) => {
    received.push(m.toString());
    ws.send(`echo ${m.toString()}`);
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  warden = await startTestWarden(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  browser = await launchLoopbackChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await warden?.close();
  wss?.close();
  server?.close();
});

describe.skipIf(CHROMIUM === null)('a browser WebSocket through Warden (headless Chromium)', () => {
  it('chats through Warden uncompressed, and is closed with 1008 and the incident id on an injection', async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${warden.origin}/chat.html`))?.status()).toBe(200);
    const outcome = await page.evaluate(async (host) => {
      const ws = new WebSocket(`ws://${host}/socket?room=lobby`);
      const echoes: string[] = [];
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const extensions = ws.extensions;
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        ws.onclose = (e) => resolve({ code: e.code, reason: e.reason });
      });
      const benign = [JSON.stringify({ type: 'chat', text: "Let's meet at O'Brien's — 5 or 6?" }), 'plain: select the blue one & drop me a line'];
      for (const m of benign) {
        const echo = new Promise<string>((resolve) => {
          ws.onmessage = (e) => resolve(String(e.data));
        });
        ws.send(m);
        echoes.push(await echo);
      }
      ws.onmessage = (e) => echoes.push(String(e.data));
      ws.send(JSON.stringify({ type: 'search', q: "x' UNION SELECT username, password FROM users-- -" }));
      const close = await Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 8_000))]);
      return { extensions, echoes, close };
    }, warden.address);
    expect(outcome.extensions).toBe('');
    expect(outcome.echoes).toEqual([`echo {"type":"chat","text":"Let's meet at O'Brien's — 5 or 6?"}`, 'echo plain: select the blue one & drop me a line']);
    expect(outcome.close?.code).toBe(1008);
    const line = await waitForLogLine(warden.logFile, (l) => l.incidentId === outcome.close?.reason);
    expect(line).toMatchObject({ action: 'block', request: { path: '/socket' }, websocket: { messageIndex: 2 } });
    expect(received.some((m) => m.includes('UNION'))).toBe(false);
    await page.close();
  }, 60_000);
});
