/**
 * A small site for real-browser tests (test/proxy/browser-traffic, test/tls/browser-h2): a shop page with
 * its stylesheet, script and logo, whose script sets cookies, fetches JSON, posts a cart and sends a
 * beacon on load, and posts a review on a click; forms for search (GET), sign-in (urlencoded) and an
 * avatar upload (multipart); and a rich-text editor page. Served by the NGINX test helper under /static/.
 */
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Debian's chromium, when installed (`.ci/run` installs it). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;

/**
 * Headless Chromium that reaches loopback only (127.0.0.1, localhost): every other host name resolves to nothing, and no
 * background traffic (updates, sync). Root in CI has no user namespace for the sandbox.
 */
export function launchLoopbackChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM ?? undefined,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
    timeout: 60_000,
  });
}

export const SHOP_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trail &amp; Road — Shop</title>
<link rel="stylesheet" href="/static/shop.css"><script src="/static/shop.js" defer></script></head>
<body>
<img src="/static/logo.svg" alt="Trail &amp; Road" width="120" height="40">
<form id="search" action="/search" method="get"><input name="q" id="q"><input type="hidden" name="sort" value="price_asc"><button id="go">Search</button></form>
<form id="login" action="/account/login" method="post">
  <input name="email" id="email"><input name="password" id="password" type="password">
  <input type="hidden" name="csrf_token" value="k3JpX0u9dGQ4Wm1hQ2x2eXZ0c1Zk"><input type="checkbox" name="remember" value="1" checked>
  <button id="signin">Sign in</button></form>
<form id="upload" action="/account/avatar" method="post" enctype="multipart/form-data">
  <input type="file" name="avatar" id="avatar"><input name="caption" id="caption"><button id="send-avatar">Upload</button></form>
<textarea id="review"></textarea><button id="send-review" type="button">Send review</button>
</body></html>`;

export const EDITOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>New post</title></head>
<body>
<input id="title" value="">
<div id="editor" contenteditable="true"></div>
<button id="publish" type="button">Publish</button>
<script>
document.getElementById('publish').addEventListener('click', () => {
  fetch('/api/posts', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: document.getElementById('title').value, html: document.getElementById('editor').innerHTML, status: 'draft' }) })
    .then((r) => { document.title = 'published ' + r.status; });
});
</script>
</body></html>`;

export const SHOP_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; } form { margin: 1rem 0; } .price::before { content: "€"; }`;
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" rx="6" fill="#2a6"/><text x="10" y="26" fill="#fff">T&amp;R</text></svg>`;
export const SHOP_JS = `
document.cookie = 'consent=' + encodeURIComponent(JSON.stringify({ analytics: true, ads: false })) + '; path=/';
document.cookie = 'theme=dark; path=/';
document.cookie = '_ga=GA1.1.1938475610.1764892800; path=/';
fetch('/api/products?fields=id,name,price&filter[brand]=acme&page[size]=20&sort=-rating', { headers: { accept: 'application/json' } });
fetch('/api/cart', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ items: [{ sku: 'TR-42-BLK', qty: 2, options: { size: '42', colour: 'black/white' } }], coupon: 'WINTER-25%' }) });
navigator.sendBeacon('/collect', JSON.stringify({ event: 'page_view', page: location.pathname + location.search, title: document.title, viewport: innerWidth + 'x' + innerHeight }));
document.getElementById('send-review').addEventListener('click', () => {
  fetch('/api/reviews', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ productId: 4711, rating: 5, text: document.getElementById('review').value, tags: ['fit', 'comfort'] }) })
    .then((r) => { document.title = 'review ' + r.status; });
});
`;

export const REVIEW =
  "Great shoes! Fits true to size — I'm 42 EU / 8.5 US. Ordered 2× after reading https://blog.example.com/sizing?ref=shop&lang=en#fit " +
  "(the \"wide\" model). Très confortables, 很舒服, очень удобные 👟 5/5 — would buy again & recommend to anyone who runs 10-20 km/week.";

/** The files for `startNginx({ extraHtml })`. */
export const SHOP_SITE: Record<string, string> = { 'shop.html': SHOP_HTML, 'shop.css': SHOP_CSS, 'shop.js': SHOP_JS, 'logo.svg': LOGO_SVG, 'editor.html': EDITOR_HTML };
