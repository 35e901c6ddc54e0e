/**
 * A cross-origin single-page app calling a JWT-protected API through Warden, in a real browser: the page
 * comes from http://127.0.0.1:<port>, the API is http://localhost:<port> (another origin), so Chromium
 * first sends a CORS preflight (OPTIONS, no credentials: the Fetch standard forbids them on it), then the
 * call with its bearer token. With `access.corsPreflight: pass` (the default) the preflight reaches the
 * API (NGINX answers it) and the call is verified as usual; with `authenticate` the preflight is refused
 * with 401 and the browser never sends the call: the app breaks, as it would behind a gateway that
 * authenticates preflights.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { CHROMIUM, launchLoopbackChromium } from '../helpers/shop-site.js';
import { startTestWarden } from '../helpers/warden.js';

const SECRET = 'browser-cors-test-secret-0123456789abcdef';
const SPA = `<!doctype html><html><head><meta charset="utf-8"><title>orders</title></head><body><pre id="out"></pre></body></html>`;

let nginx: NginxUpstream;
let browser: Browser;
const wardens: Array<Awaited<ReturnType<typeof startTestWarden>>> = [];

async function wardenWith(corsPreflight: 'pass' | 'authenticate'): Promise<{ port: string; logFile: string }> {
  const w = await startTestWarden(nginx.origin, {
    access: {
      jwt: { secret: { env: 'WARDEN_TEST_CORS_SECRET' }, algorithms: ['HS256'] },
      routes: [{ match: { pathPrefix: '/static/' }, require: 'none' }],
      corsPreflight,
    },
    logging: { logAllowed: true },
  });
  wardens.push(w);
  return { port: w.address.split(':').pop()!, logFile: w.logFile };
}

/** What the page's fetch of the API gave: the status and body, or the browser's CORS failure. */
async function callFromPage(port: string, token: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/static/spa.html`);
  const result = (await page.evaluate(
    `fetch('http://localhost:${port}/api/orders/7', { headers: { authorization: 'Bearer ${token}' } })
       .then((r) => r.text().then((t) => r.status + ' ' + t), (e) => 'failed: ' + e.message)`,
  )) as string;
  await context.close();
  return result;
}

beforeAll(async () => {
  if (nginxBinary() === null || CHROMIUM === null) return;
  process.env.WARDEN_TEST_CORS_SECRET = SECRET;
  nginx = await startNginx({ cors: true, extraHtml: { 'spa.html': SPA } });
  browser = await launchLoopbackChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  for (const w of wardens) await w.close();
  await nginx?.stop();
});

describe.skipIf(nginxBinary() === null || CHROMIUM === null)('a cross-origin app calling a JWT-protected API (headless Chromium)', () => {
  it('works with corsPreflight: pass — the preflight reaches the API, the call is verified — and breaks with authenticate', async () => {
    const token = await new SignJWT({ scope: 'orders:read' }).setProtectedHeader({ alg: 'HS256' }).setSubject('user-42').setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));

    const open = await wardenWith('pass');
    expect(await callFromPage(open.port, token)).toBe('200 {"ok":true}');
    const preflight = await nginx.logged((l) => l.method === 'OPTIONS' && l.uri === '/api/orders/7');
    expect(preflight).toBeDefined();
    const call = await nginx.logged((l) => l.method === 'GET' && l.uri === '/api/orders/7');
    expect(call?.wsubject).toBe('user-42');
    // The call itself still needs its token: a forged one is refused (the browser reports the 401 it could not read).
    expect(await callFromPage(open.port, 'not.a.token')).toMatch(/^failed: /);

    const strict = await wardenWith('authenticate');
    expect(await callFromPage(strict.port, token)).toMatch(/^failed: /);
    expect(nginx.accessLog().filter((l) => l.method === 'GET' && l.uri === '/api/orders/7')).toHaveLength(1);
  }, 120_000);
});
