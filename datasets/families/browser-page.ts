/** Page loads from real browsers: navigations with referers, session/analytics/consent cookies. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, encodeSegment, slugify } from '../lib/wire.js';

function title(ctx: GenContext, locale: string): string {
  const { rng } = ctx;
  if (locale !== 'en_US' && rng.chance(0.5)) return ctx.fakers.get(locale).commerce.productName();
  return rng.weighted([
    [() => ctx.en.commerce.productName(), 3],
    [() => rng.pick(ctx.text.headings), 3],
    [() => `${ctx.en.company.buzzPhrase()}`, 1],
    [() => `${ctx.en.word.adjective()} ${ctx.en.word.noun()} ${rng.pick(['guide', 'review', 'tips', 'checklist', 'explained', 'in 2025'])}`, 2],
  ] as const)();
}

function pagePath(ctx: GenContext, locale: string): string {
  const { rng } = ctx;
  const slug = () => slugify(title(ctx, locale));
  const lang = rng.chance(0.15) ? `/${rng.pick(['en', 'de', 'fr', 'es', 'ja', 'pt-br', 'it', 'nl', 'zh-cn', 'ko'])}` : '';
  return lang + rng.weighted([
    [() => '/', 6],
    [() => `/products/${slug()}-${rng.int(100, 99999)}`, 6],
    [() => `/p/${slug()}/${rng.digits(rng.int(6, 9))}`, 2],
    [() => `/${rng.pick(['c', 'category', 'collections', 'shop'])}/${slug()}`, 4],
    [() => `/${2018 + rng.int(0, 7)}/${String(rng.int(1, 12)).padStart(2, '0')}/${String(rng.int(1, 28)).padStart(2, '0')}/${slug()}`, 3],
    [() => `/${rng.pick(['news', 'politik', 'sport', 'tech', 'business', 'culture'])}/${slug()}-${rng.digits(7)}.html`, 3],
    [() => `/docs/${rng.pick(['v2', 'v3', 'latest', 'stable'])}/${rng.pick(['guides', 'reference', 'api', 'tutorials'])}/${slug()}`, 3],
    [() => `/t/${slug()}/${rng.int(1000, 400000)}${rng.chance(0.3) ? `/${rng.int(2, 60)}` : ''}`, 2],
    [() => `/u/${ctx.en.internet.username().toLowerCase()}`, 1],
    [() => `/blog/${slug()}`, 3],
    [() => rng.pick(['/cart', '/checkout', '/account', '/account/orders', '/login', '/register', '/wishlist', '/help', '/contact', '/about-us', '/impressum', '/datenschutz', '/privacy-policy', '/terms', '/pricing', '/careers', '/faq', '/stores', '/search']), 5],
    [() => `/app/${rng.pick(['projects', 'workspaces', 'teams', 'boards'])}/${rng.chance(0.5) ? rng.uuid() : rng.int(1, 99999)}/${rng.pick(['settings', 'members', 'billing', 'overview', 'issues', 'activity'])}`, 3],
    [() => `/wiki/${encodeSegment(ctx.fakers.get(locale).location.city().replace(/ /g, '_'))}`, 2],
    [() => `/${rng.pick(['hotels', 'flights', 'restaurants', 'events'])}/${slugify(ctx.fakers.get(locale).location.city())}`, 2],
    [() => `/watch/${rng.alnum(11)}`, 1],
    [() => `/@${ctx.en.internet.username().toLowerCase()}/${slug()}-${rng.hex(12)}`, 1],
  ] as const)();
}

function pageQuery(ctx: GenContext): string {
  const { rng } = ctx;
  if (rng.chance(0.65)) return '';
  const pairs: [string, string | number][] = rng.weighted<() => [string, string | number][]>([
    [() => [['utm_source', rng.pick(['newsletter', 'google', 'facebook', 'twitter', 'linkedin', 'instagram', 'bing'])], ['utm_medium', rng.pick(['email', 'cpc', 'social', 'organic', 'referral'])], ['utm_campaign', rng.pick(['spring_sale_2025', 'black-friday', 'welcome_series_3', 'brand', 'q2-launch', 'retargeting_30d'])]], 4],
    [() => [['gclid', rng.base64(60, true)]], 2],
    [() => [['fbclid', `IwAR${rng.base64(45, true)}`]], 1],
    [() => [['ref', rng.pick(['homepage', 'nav', 'footer', 'producthunt', 'hn'])]], 1],
    [() => [['variant', rng.digits(14)]], 1],
    [() => [['lang', rng.pick(['en', 'de', 'fr', 'ja', 'es'])]], 1],
    [() => [['page', rng.skewed(30)]], 1],
    [() => [['tab', rng.pick(['reviews', 'specs', 'shipping', 'overview'])]], 1],
    [() => [['v', rng.alnum(11)], ['t', `${rng.int(1, 900)}s`]], 1],
    [() => [['srsltid', rng.base64(54, true)]], 1],
    [() => [['mc_cid', rng.hex(10)], ['mc_eid', rng.hex(10)]], 1],
  ] as const)();
  return encodePairs(pairs);
}

function referer(ctx: GenContext, host: string): string | undefined {
  const { rng } = ctx;
  return rng.weighted<() => string | undefined>([
    [() => undefined, 3],
    [() => `https://${host}${pagePath(ctx, 'en_US')}`, 5],
    [() => `https://${host}/`, 2],
    [() => rng.pick(['https://www.google.com/', 'https://www.bing.com/', 'https://duckduckgo.com/', 'https://www.google.de/', 'https://search.yahoo.co.jp/', 'https://yandex.ru/', 'https://www.baidu.com/']), 4],
    [() => rng.pick(['https://t.co/', 'https://l.facebook.com/', 'https://www.reddit.com/', 'https://news.ycombinator.com/', 'https://lm.facebook.com/', 'https://out.reddit.com/', 'android-app://com.google.android.gm/']), 1],
  ] as const)();
}

export const browserPage: Family = {
  name: 'browser-page',
  summary: 'Top-level page navigations: real user agents with matching client hints, session/analytics/consent cookies, referers, tracking parameters.',
  perScale: 10_000,
  make(ctx) {
    const { rng } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, ctx.en);
    const ref = referer(ctx, host);
    const cookies = rng.chance(0.8) ? cookieJar(rng, { locale }) : [];
    const headers = browserHeaders(rng, b, host, 'document', {
      referer: ref,
      cookie: cookies.length ? cookieHeader(cookies) : undefined,
      site: ref === undefined ? 'none' : ref.includes(host) ? 'same-origin' : 'cross-site',
    });
    if (rng.chance(0.05)) headers['If-None-Match'] = `W/"${rng.hex(rng.pick([8, 16, 27]))}"`;
    if (rng.chance(0.04)) headers.DNT = '1';
    return { method: 'GET', path: pagePath(ctx, locale), query: pageQuery(ctx), headers };
  },
};
