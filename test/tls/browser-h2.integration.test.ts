/**
 * A real browser over Warden's TLS listener: headless Chromium negotiates HTTP/2 by ALPN with Warden
 * (certificate from a test CA; Chromium trusts exactly that key, by its SPKI pin), which terminates TLS
 * and forwards to NGINX over HTTP/1.1. The page, its assets, a JSON fetch and a form post travel as h2
 * streams on one connection and pass; HSTS is sent; an injection typed into the page's search form is
 * answered 403 over h2 with an incident id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CertificateDir, opensslPin } from '../helpers/certificates.js';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { CHROMIUM, launchLoopbackChromium, REVIEW, SHOP_SITE } from '../helpers/shop-site.js';
import { startTestWarden } from '../helpers/warden.js';

// Run in the page (strings: this project's TypeScript has no DOM library).
const RESOURCE_COUNT = "performance.getEntriesByType('resource').length";
const PROTOCOLS = "[performance.getEntriesByType('navigation')[0].nextHopProtocol, ...performance.getEntriesByType('resource').map((e) => e.nextHopProtocol)]";

let certs: CertificateDir;
let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (nginxBinary() === null || CHROMIUM === null) return;
  certs = new CertificateDir();
  const leaf = certs.ca('shop-ca').issue('shop', ['127.0.0.1']);
  nginx = await startNginx({ extraHtml: SHOP_SITE });
  warden = await startTestWarden(nginx.origin, { tls: { certificates: [leaf], hsts: { maxAgeSeconds: 600 } }, logging: { logAllowed: true } });
  origin = `https://127.0.0.1:${warden.address.split(':').pop()}`;
  browser = await launchLoopbackChromium([`--ignore-certificate-errors-spki-list=${opensslPin(leaf.cert)}`]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await warden?.close();
  await nginx?.stop();
  certs?.remove();
});

describe.skipIf(nginxBinary() === null || CHROMIUM === null)('a real browser over TLS and HTTP/2 (headless Chromium)', () => {
  it('loads the page and its assets as h2 streams, posts JSON and a form through them, and gets a 403 with an incident id for an injection', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const statuses: number[] = [];
    page.on('response', (r) => statuses.push(r.status()));

    const landing = await page.goto(`${origin}/static/shop.html?utm_source=newsletter`);
    expect(landing?.status()).toBe(200);
    expect((await landing!.allHeaders())['strict-transport-security']).toBe('max-age=600');
    expect(await landing!.securityDetails()).toMatchObject({ protocol: expect.stringMatching(/^TLS 1\.[23]$/) });
    // The protocol each resource came over, as the page's own Resource Timing reports it.
    for (let i = 0; i < 100 && ((await page.evaluate(RESOURCE_COUNT)) as number) < 5; i++) await page.waitForTimeout(50);
    const protocols = (await page.evaluate(PROTOCOLS)) as string[];
    expect(protocols.length).toBeGreaterThanOrEqual(5);
    expect(new Set(protocols)).toEqual(new Set(['h2']));
    expect(await nginx.logged((l) => l.uri === '/api/cart')).toBeDefined();

    await page.fill('#review', REVIEW);
    const review = page.waitForResponse((r) => r.url().endsWith('/api/reviews'));
    await page.click('#send-review');
    expect((await review).status()).toBe(200);
    await page.fill('#email', "siobhan.o'brien+shop@example.ie");
    await page.fill('#password', 'Tr0ub4dor&3 "x" <y> 100%!');
    const [login] = await Promise.all([page.waitForNavigation(), page.click('#signin')]);
    expect(login?.status()).toBe(200);
    expect(statuses.filter((s) => s >= 400)).toEqual([]);

    await page.goto(`${origin}/static/shop.html`);
    await page.fill('#q', "1' UNION SELECT username, password FROM users--");
    const [attack] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
    expect(attack?.status()).toBe(403);
    expect(await attack!.text()).toMatch(/Incident ID: <code>[0-9a-z]{16,}<\/code>/i);
    expect(((await page.evaluate(PROTOCOLS)) as string[])[0]).toBe('h2');
    await context.close();
  }, 120_000);
});
