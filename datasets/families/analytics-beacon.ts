/** Analytics and telemetry beacons: GA4, Matomo, pixel GETs, Segment/Plausible JSON, Sentry envelopes, CSP and RUM reports. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, pickBrowser, type Browser } from '../lib/clients.js';
import { LANG_TAG, LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, slugify, withBody, type WireRequest } from '../lib/wire.js';

type Maker = (ctx: GenContext, b: Browser, site: string, page: string, title: string, locale: string) => WireRequest;

const ga4: Maker = (ctx, b, site, page, title, locale) => {
  const { rng } = ctx;
  const pairs: [string, string][] = [['v', '2'], ['tid', `G-${rng.alnum(10).toUpperCase()}`], ['gtm', `45je${rng.alnum(5)}v${rng.digits(9)}`], ['_p', rng.digits(13)], ['gcd', `13l3l3l3l1l1`], ['npa', '0'], ['dma', '0'], ['cid', `${rng.int(100000000, 2147483647)}.${rng.int(1700000000, 1748000000)}`], ['ul', (LANG_TAG[locale] ?? 'en-US').toLowerCase()], ['sr', rng.pick(['1920x1080', '2560x1440', '390x844', '1440x900', '412x915'])], ['_s', String(rng.int(1, 9))], ['sid', String(rng.int(1700000000, 1748000000))], ['sct', String(rng.int(1, 40))], ['seg', String(rng.int(0, 1))], ['dl', `https://${site}${page}`], ['dt', title], ['en', rng.pick(['page_view', 'scroll', 'user_engagement', 'view_item', 'add_to_cart', 'click'])]];
  if (rng.chance(0.5)) pairs.push(['dr', rng.pick(['https://www.google.com/', `https://${site}/`, 'https://t.co/'])]);
  if (rng.chance(0.4)) pairs.push(['epn.percent_scrolled', '90'], ['_et', String(rng.int(10, 60000))]);
  if (rng.chance(0.3)) pairs.push(['pr1', `id${rng.alnum(8)}~nm${ctx.en.commerce.productName()}~pr${ctx.en.commerce.price()}~qt1`]);
  return { method: 'POST', path: '/g/collect', query: encodePairs(pairs, 'component'), headers: { ...browserHeaders(rng, b, rng.pick(['region1.google-analytics.com', 'www.google-analytics.com', `sgtm.${site.replace(/^www\./, '')}`]), 'xhr', { origin: `https://${site}`, referer: `https://${site}/`, site: 'cross-site' }), 'Content-Length': '0' } };
};

const matomo: Maker = (ctx, b, site, page, title) => {
  const { rng } = ctx;
  const pairs: [string, string][] = [['action_name', title], ['idsite', String(rng.int(1, 40))], ['rec', '1'], ['r', rng.digits(6)], ['h', String(rng.int(0, 23))], ['m', String(rng.int(0, 59))], ['s', String(rng.int(0, 59))], ['url', `https://${site}${page}`], ['_id', rng.hex(16)], ['_idn', '0'], ['send_image', '0'], ['_refts', '0'], ['cookie', '1'], ['res', rng.pick(['1920x1080', '1366x768', '390x844'])], ['pv_id', rng.alnum(6)], ['pf_net', String(rng.int(0, 300))], ['pf_srv', String(rng.int(10, 900))]];
  if (rng.chance(0.3)) pairs.push(['search', ctx.en.commerce.product()], ['search_count', String(rng.int(0, 80))]);
  return { method: 'GET', path: rng.pick(['/matomo.php', '/piwik.php', '/js/']), query: encodePairs(pairs, 'component'), headers: browserHeaders(rng, b, `analytics.${site.replace(/^www\./, '')}`, 'image', { referer: `https://${site}${page}`, site: 'same-site' }) };
};

const pixel: Maker = (ctx, b, site, page) => {
  const { rng } = ctx;
  const pairs: [string, string][] = [['id', rng.digits(15)], ['ev', rng.pick(['PageView', 'ViewContent', 'AddToCart', 'Purchase', 'Lead'])], ['dl', `https://${site}${page}`], ['rl', rng.chance(0.5) ? 'https://www.google.com/' : ''], ['if', 'false'], ['ts', rng.digits(13)], ['sw', '1920'], ['sh', '1080'], ['v', '2.9.156'], ['r', 'stable'], ['a', rng.pick(['tmwordpress', 'plshopify1.2', 'tmgoogletagmanager'])], ['ec', String(rng.int(0, 5))], ['o', '4126'], ['fbp', `fb.1.${rng.digits(13)}.${rng.digits(10)}`], ['it', rng.digits(13)], ['coo', 'false']];
  if (rng.chance(0.3)) pairs.push(['cd[value]', ctx.en.commerce.price()], ['cd[currency]', rng.pick(['EUR', 'USD'])], ['cd[content_ids]', JSON.stringify([rng.alnum(8)])]);
  return { method: 'GET', path: '/tr/', query: encodePairs(pairs, 'form'), headers: browserHeaders(rng, b, 'www.facebook.com', 'image', { referer: `https://${site}/`, site: 'cross-site' }) };
};

const segment: Maker = (ctx, b, site, page, title, locale) => {
  const { rng, en } = ctx;
  const event = rng.pick(['Product Viewed', 'Order Completed', 'Signed Up', 'Button Clicked', 'Products Searched']);
  const body = { timestamp: en.date.recent({ days: 1 }).toISOString(), integrations: {}, type: 'track', event, properties: { product_id: rng.alnum(10), name: en.commerce.productName(), price: Number(en.commerce.price()), query: rng.chance(0.3) ? en.commerce.product() : undefined }, context: { page: { path: page, referrer: '', search: '', title, url: `https://${site}${page}` }, userAgent: b.userAgent, locale: LANG_TAG[locale] ?? 'en-US', library: { name: 'analytics.js', version: 'next-1.70.0' } }, messageId: `ajs-next-${rng.hex(32)}`, anonymousId: rng.uuid(), writeKey: rng.alnum(32), userId: rng.chance(0.3) ? String(rng.int(1, 999999)) : null, sentAt: en.date.recent({ days: 1 }).toISOString(), _metadata: { bundled: ['Segment.io'], unbundled: [], bundledIds: [] } };
  return withBody({ method: 'POST', path: '/v1/t', query: '', headers: browserHeaders(rng, b, 'api.segment.io', 'xhr', { origin: `https://${site}`, referer: `https://${site}/`, site: 'cross-site' }) }, 'text/plain', JSON.stringify(body));
};

const plausible: Maker = (ctx, b, site, page) => {
  const { rng } = ctx;
  const body = { n: rng.pick(['pageview', 'pageview', 'Signup', 'Outbound Link: Click']), u: `https://${site}${page}`, d: site.replace(/^www\./, ''), r: rng.chance(0.5) ? 'https://news.ycombinator.com/' : null, p: rng.chance(0.3) ? { url: `https://github.com/${ctx.en.internet.username()}` } : undefined };
  return withBody({ method: 'POST', path: '/api/event', query: '', headers: browserHeaders(rng, b, 'plausible.io', 'xhr', { origin: `https://${site}`, referer: `https://${site}${page}`, site: 'cross-site' }) }, 'text/plain', JSON.stringify(body));
};

const sentry: Maker = (ctx, b, site, page) => {
  const { rng, en } = ctx;
  const eventId = rng.hex(32);
  const error = rng.pick([
    ["TypeError", "Cannot read properties of undefined (reading 'map')"],
    ['ReferenceError', 'gtag is not defined'],
    ['ChunkLoadError', `Loading chunk ${rng.int(100, 999)} failed.\n(error: https://${site}/_next/static/chunks/${rng.int(100, 999)}.${rng.hex(16)}.js)`],
    ['SyntaxError', "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"],
    ['Error', 'Network request failed'],
    ['UnhandledRejection', 'Non-Error promise rejection captured with value: Object Not Found Matching Id:3, MethodName:update, ParamCount:4'],
  ]);
  const event = { event_id: eventId, timestamp: en.date.recent({ days: 1 }).getTime() / 1000, platform: 'javascript', level: 'error', environment: 'production', release: `web@${rng.hex(7)}`, request: { url: `https://${site}${page}`, headers: { 'User-Agent': b.userAgent } }, exception: { values: [{ type: error[0], value: error[1], stacktrace: { frames: [{ filename: `https://${site}/assets/index-${rng.alnum(8)}.js`, function: rng.pick(['onClick', 'render', 'r', 'Array.map', '?']), lineno: 1, colno: rng.int(1000, 90000), in_app: true }] } }] }, breadcrumbs: { values: [{ category: 'navigation', data: { from: '/', to: page } }, { category: 'ui.click', message: `button.btn.btn-primary[type="submit"]` }] } };
  const body = `${JSON.stringify({ event_id: eventId, sent_at: en.date.recent({ days: 1 }).toISOString(), sdk: { name: 'sentry.javascript.react', version: '8.9.2' } })}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify(event)}\n`;
  return withBody({ method: 'POST', path: `/api/${rng.int(1, 4999999)}/envelope/`, query: encodePairs([['sentry_key', rng.hex(32)], ['sentry_version', '7'], ['sentry_client', 'sentry.javascript.react/8.9.2']]), headers: browserHeaders(rng, b, `o${rng.int(10000, 999999)}.ingest.sentry.io`, 'xhr', { origin: `https://${site}`, referer: `https://${site}/`, site: 'cross-site' }) }, 'text/plain;charset=UTF-8', body);
};

const cspReport: Maker = (ctx, b, site, page) => {
  const { rng } = ctx;
  const report = { 'csp-report': { 'document-uri': `https://${site}${page}`, referrer: '', 'violated-directive': rng.pick(['script-src-elem', 'img-src', 'connect-src', 'style-src-elem']), 'effective-directive': 'script-src-elem', 'original-policy': `default-src 'self'; script-src 'self' https://www.googletagmanager.com; report-uri /csp-report`, disposition: 'enforce', 'blocked-uri': rng.pick(['inline', 'eval', 'https://connect.facebook.net/en_US/fbevents.js', 'chrome-extension', 'data']), 'line-number': rng.int(1, 400), 'source-file': `https://${site}${page}`, 'status-code': 200, 'script-sample': '' } };
  return withBody({ method: 'POST', path: rng.pick(['/csp-report', '/api/csp', '/_/csp']), query: '', headers: browserHeaders(rng, b, site, 'xhr', { origin: `https://${site}`, site: 'same-origin' }) }, 'application/csp-report', JSON.stringify(report));
};

const vitals: Maker = (ctx, b, site, page) => {
  const { rng } = ctx;
  const body = [{ name: rng.pick(['LCP', 'CLS', 'INP', 'TTFB', 'FCP']), value: Math.round(rng.float() * 4000) / 10, rating: rng.pick(['good', 'needs-improvement', 'poor']), id: `v4-${rng.digits(13)}-${rng.digits(13)}`, navigationType: rng.pick(['navigate', 'reload', 'back-forward']), page, attribution: { element: rng.pick(['#hero>img', 'main>h1', 'div.product-grid>div:nth-child(2)', 'button.add-to-cart']) } }];
  return withBody({ method: 'POST', path: rng.pick(['/_vitals', '/api/rum', '/rum', '/beacon']), query: '', headers: browserHeaders(rng, b, site, 'xhr', { origin: `https://${site}`, site: 'same-origin' }) }, rng.chance(0.5) ? 'text/plain;charset=UTF-8' : 'application/json', JSON.stringify(body));
};

export const analyticsBeacon: Family = {
  name: 'analytics-beacon',
  summary: 'Telemetry browsers send in the background: GA4 collect, Matomo, pixel GETs with URL/title parameters, Segment and Plausible text/plain JSON, Sentry envelopes with stack traces, CSP reports, web-vitals beacons.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const site = webHost(rng, en);
    const title = rng.chance(0.5) ? `${ctx.fakers.get(locale).commerce.productName()} | ${en.company.name()}` : rng.pick(ctx.text.headings);
    const page = rng.pick(['/', `/products/${slugify(en.commerce.productName())}`, `/blog/${slugify(rng.pick(ctx.text.headings))}`, '/checkout', '/cart', `/search?q=${encodeURIComponent(en.commerce.product())}`]);
    return rng.weighted<Maker>([[ga4, 4], [matomo, 1], [pixel, 2], [segment, 2], [plausible, 1], [sentry, 2], [cspReport, 1], [vitals, 1]])(ctx, b, site, page, title, locale);
  },
};
