/** Sub-resource loads a page triggers: bundles with content hashes, images, fonts, CDN resizes. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser, type Fetch } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, slugify } from '../lib/wire.js';

type Asset = { path: string; query?: string; fetch: Fetch };

function asset(ctx: GenContext): Asset {
  const { rng, en } = ctx;
  const word = () => slugify(en.word.noun());
  const chunk = () => rng.pick(['main', 'vendor', 'runtime', 'app', 'polyfills', 'framework', 'commons', 'index', word(), `${rng.int(100, 9999)}`]);
  return rng.weighted<() => Asset>([
    [() => ({ path: `/static/js/${chunk()}.${rng.hex(8)}.js`, fetch: 'script' }), 4],
    [() => ({ path: `/_next/static/chunks/${rng.pick(['pages/', 'app/', ''])}${chunk()}-${rng.hex(16)}.js`, fetch: 'script' }), 4],
    [() => ({ path: `/_next/static/css/${rng.hex(16)}.css`, fetch: 'style' }), 2],
    [() => ({ path: `/assets/${chunk()}-${rng.alnum(8)}.${rng.pick(['js', 'css'])}`, fetch: rng.chance(0.6) ? 'script' : 'style' }), 4],
    [() => ({ path: `/wp-content/themes/${rng.pick(['astra', 'twentytwentyfour', 'generatepress', 'kadence', 'storefront'])}/${rng.pick(['style.css', 'assets/js/navigation.js', 'assets/css/minified/main.min.css'])}`, query: encodePairs([['ver', rng.pick(['6.5.2', '4.6.3', '1.2', '6.4.3'])]]), fetch: 'style' }), 2],
    [() => ({ path: `/wp-includes/js/${rng.pick(['jquery/jquery.min.js', 'jquery/jquery-migrate.min.js', 'wp-emoji-release.min.js', 'dist/hooks.min.js'])}`, query: encodePairs([['ver', rng.pick(['3.7.1', '6.5.2', '4.0.1'])]]), fetch: 'script' }), 2],
    [() => ({ path: `/wp-content/uploads/${2019 + rng.int(0, 6)}/${String(rng.int(1, 12)).padStart(2, '0')}/${slugify(en.commerce.productName())}${rng.chance(0.5) ? `-${rng.pick(['300x200', '1024x683', '768x512', '150x150'])}` : ''}.${rng.pick(['jpg', 'png', 'webp', 'jpeg'])}`, fetch: 'image' }), 3],
    [() => ({ path: `/images/products/${rng.int(1000, 99999)}/${slugify(en.commerce.productName())}-${rng.pick(['800x800', '400x400', 'thumb', 'large', 'zoom'])}.${rng.pick(['webp', 'jpg', 'avif'])}`, fetch: 'image' }), 3],
    [() => ({ path: `/media/catalog/product/cache/${rng.hex(32)}/${rng.alnum(1).toLowerCase()}/${rng.alnum(1).toLowerCase()}/${rng.alnum(8).toLowerCase()}.jpg`, fetch: 'image' }), 2],
    [() => ({ path: `/cdn-cgi/image/${rng.pick(['width=640,quality=75', 'format=auto,width=1200', 'fit=cover,width=320,height=320', 'w=800,q=80,f=webp'])}/uploads/${rng.hex(12)}.jpg`, fetch: 'image' }), 2],
    [() => ({ path: '/_next/image', query: encodePairs([['url', `/images/${word()}/${slugify(en.commerce.productName())}.${rng.pick(['jpg', 'png'])}`], ['w', rng.pick([384, 640, 750, 828, 1080, 1200, 1920, 3840])], ['q', 75]]), fetch: 'image' }), 3],
    [() => ({ path: `/fonts/${rng.pick(['Inter', 'Roboto', 'OpenSans', 'NotoSansJP', 'SourceSerif4', 'IBMPlexMono'])}-${rng.pick(['Regular', 'Bold', 'Medium', 'var', 'Italic'])}.woff2`, fetch: 'font' }), 2],
    [() => ({ path: `/s/${rng.pick(['roboto', 'inter', 'notosans', 'lato', 'opensans'])}/v${rng.int(18, 50)}/${rng.base64(24, true).replace(/[-_]/g, 'x')}.woff2`, fetch: 'font' }), 1],
    [() => ({ path: rng.pick(['/favicon.ico', '/favicon-32x32.png', '/apple-touch-icon.png', '/apple-touch-icon-precomposed.png', '/site.webmanifest', '/manifest.json', '/robots.txt', '/sitemap.xml', '/sw.js', '/browserconfig.xml', '/.well-known/security.txt', '/ads.txt']), fetch: 'image' }), 3],
    [() => ({ path: `/static/${rng.pick(['img', 'images', 'icons', 'media'])}/${word()}${rng.pick(['', '@2x', '-dark', '-sm'])}.${rng.pick(['svg', 'png', 'gif', 'webp'])}`, fetch: 'image' }), 3],
    [() => ({ path: `/build/${rng.pick(['app', 'vendor', 'runtime'])}.${rng.pick(['js', 'css'])}`, query: encodePairs([['id', rng.hex(20)]]), fetch: 'script' }), 1],
    [() => ({ path: `/bundles/${word()}/${rng.pick(['js', 'css'])}/${word()}.min.${rng.pick(['js', 'css'])}`, query: rng.chance(0.5) ? `v=${rng.hex(7)}` : rng.digits(10), fetch: 'script' }), 1],
    [() => ({ path: `/npm/${rng.pick(['bootstrap@5.3.3/dist/css/bootstrap.min.css', 'swiper@11/swiper-bundle.min.js', 'alpinejs@3.14.1/dist/cdn.min.js', 'chart.js@4.4.0/dist/chart.umd.min.js', '@popperjs/core@2.11.8/dist/umd/popper.min.js'])}`, fetch: 'script' }), 1],
    [() => ({ path: `/ajax/libs/${rng.pick(['jquery/3.7.1/jquery.min.js', 'font-awesome/6.5.1/css/all.min.css', 'lodash.js/4.17.21/lodash.min.js', 'moment.js/2.30.1/moment.min.js'])}`, fetch: 'script' }), 1],
    [() => ({ path: `/${rng.pick(['videos', 'media'])}/${slugify(en.commerce.productName())}.${rng.pick(['mp4', 'webm'])}`, fetch: 'image' }), 1],
    [() => ({ path: `/avatars/${rng.int(1, 999999)}`, query: encodePairs([['s', rng.pick([40, 64, 96, 120, 460])], ['v', rng.int(1, 4)]]), fetch: 'image' }), 1],
  ] as const)();
}

export const browserAsset: Family = {
  name: 'browser-asset',
  summary: 'Sub-resource fetches (scripts, styles, images, fonts, icons, CDN resizes) with content hashes, cache validators and page referers.',
  perScale: 10_000,
  make(ctx) {
    const { rng } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, ctx.en);
    const a = asset(ctx);
    const cdn = rng.chance(0.2);
    const assetHost = cdn ? rng.pick(['cdn.jsdelivr.net', 'cdnjs.cloudflare.com', `static.${host.replace(/^www\./, '')}`, `cdn.${host.replace(/^www\./, '')}`, `${rng.alnum(14).toLowerCase()}.cloudfront.net`]) : host;
    const cookies = !cdn && rng.chance(0.7) ? cookieJar(rng, { locale }) : [];
    const headers = browserHeaders(rng, b, assetHost, a.fetch, {
      referer: `https://${host}${rng.pick(['/', `/${slugify(ctx.en.commerce.department())}`, `/products/${rng.int(100, 9999)}`, '/blog/', '/checkout'])}`,
      cookie: cookies.length ? cookieHeader(cookies) : undefined,
      site: cdn ? 'cross-site' : 'same-origin',
    });
    if (rng.chance(0.15)) headers['If-Modified-Since'] = ctx.en.date.recent({ days: 60 }).toUTCString();
    if (rng.chance(0.1)) headers['If-None-Match'] = `"${rng.hex(rng.pick([16, 32, 40]))}"`;
    if (a.fetch === 'image' && rng.chance(0.05)) headers.Range = 'bytes=0-';
    return { method: 'GET', path: a.path, query: a.query ?? '', headers };
  },
};
