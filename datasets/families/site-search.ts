/**
 * A site's own search, and everything that carries the search afterwards: the results page, the
 * analytics beacons whose page URL and title repeat it (GA4 `dl=`/`dt=`, Matomo `url=`, a pixel's
 * `dl=` and `cd[search_string]`, a page event's JSON `properties.url`), and the next navigation whose
 * Referer is the results page. A third of the terms are the ones shoppers and learners really type that
 * share words with query and shell syntax — `select tables`, `drop leaf table`, `order by price`,
 * `sleep mask`, `cat food`, `wget vs curl`, `1 or 2 bedrooms` — built from parts, so a WAF that takes
 * the words (or a URL's `?q=` around them) for an attack blocks the search and every beacon after it.
 */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { searchPhrase } from '../lib/phrases.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, slugify, withBody, type WireRequest } from '../lib/wire.js';
import type { Rng } from '../lib/rng.js';

/** Words of ordinary shopping and learning that are also keywords of SQL, shells or markup. */
const CODE_WORDS = [
  'select', 'union', 'table', 'drop', 'order', 'group', 'case', 'join', 'insert', 'update', 'delete', 'exec', 'sleep', 'shadow', 'cat',
  'echo', 'curl', 'ping', 'script', 'alert', 'frame', 'char', 'null', 'version', 'admin', 'system', 'shell', 'cast', 'convert', 'where',
  'having', 'from', 'like', 'limit', 'passwd', 'root', 'kill', 'find', 'head', 'tail', 'top', 'less', 'more', 'sort', 'split', 'chmod',
] as const;

const NOUNS = ['table', 'chair', 'lamp', 'mask', 'pan', 'frame', 'box', 'food', 'bed', 'flag', 'station', 'sheet', 'shipping', 'earrings', 'engine', 'hair', 'song', 'dot', 'fit', 'kit', 'tree', 'boots', 'dress', 'guide', 'course'];
const ADJECTIVES = ['oak', 'leaf', 'folding', 'silk', 'cast iron', 'wireless', 'kids', 'vintage', 'black', 'organic', 'large', 'cheap', 'best', 'used', 'waterproof'];

/** A term built from parts: the grammar of real searches, with code words where shoppers put them. */
function codeWordTerm(rng: Rng): string {
  const w = rng.pick(CODE_WORDS);
  const n = rng.pick(NOUNS);
  const a = rng.pick(ADJECTIVES);
  return rng.pick([
    () => `${w} ${n}`,
    () => `${a} ${w} ${n}`,
    () => `${w} ${a} ${n}`,
    () => `${n} ${w}`,
    () => `${w} meaning`,
    () => `how to ${w} ${rng.pick(['in excel', 'in sql', 'a file', 'on mac', 'in python', 'a picture', 'cells'])}`,
    () => `${w} vs ${rng.pick(CODE_WORDS)}`,
    () => `${rng.pick(['order', 'sort', 'group'])} by ${rng.pick(['price', 'date', 'size', 'color', 'rating', 'name'])}`,
    () => `${rng.int(1, 4)} or ${rng.int(2, 6)} ${rng.pick(['bedrooms', 'seater sofa', 'person tent', 'pack', 'doors'])}`,
    () => `${w} ${rng.int(2, 2030)}`,
    () => `${n} ${rng.pick(['-', '&', '+', '/'])} ${rng.pick(NOUNS)}`,
  ])();
}

function term(ctx: GenContext, rng: Rng, locale: string): string {
  return rng.chance(0.33) ? codeWordTerm(rng) : searchPhrase(rng, locale);
}

/** `q=select+tables&page=2` as browsers write a GET form. */
function searchQuery(rng: Rng, name: string, text: string): string {
  const q = `${name}=${encodeURIComponent(text).replace(/%20/g, '+')}`;
  return rng.chance(0.4) ? `${q}&page=${rng.int(2, 9)}` : q;
}

const SEARCH_PATHS = ['/search', '/s', '/catalogsearch/result/', '/shop/search', '/find', '/results', '/kb/search', '/help/search'];
const LOCALES = ['en_US', 'en_US', 'en_GB', 'de', 'fr', 'es', 'nl', 'sv'] as const;

export const siteSearch: Family = {
  name: 'site-search',
  summary: "A site's search and what carries it afterwards: results pages, GA4/Matomo/pixel beacons and page events repeating the results URL and title, the next page's Referer; a third of the terms share words with SQL/shell syntax (select tables, order by price, sleep mask, wget vs curl).",
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const locale = rng.pick(LOCALES);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, en);
    const text = term(ctx, rng, locale);
    const path = rng.pick(SEARCH_PATHS);
    const param = rng.pick(['q', 'q', 'query', 'search', 'term', 'k']);
    const resultsUrl = `https://${host}${path}?${searchQuery(rng, param, text)}`;
    const title = `${rng.pick(['Search results for', 'Results:', 'You searched for'])} ${text} | ${en.company.name()}`;
    const cookie = rng.chance(0.7) ? cookieHeader(cookieJar(rng, { session: rng.chance(0.5), locale })) : undefined;
    switch (rng.int(0, 5)) {
      case 0:
        return { method: 'GET', path, query: searchQuery(rng, param, text), headers: browserHeaders(rng, b, host, 'document', { referer: `https://${host}/`, cookie }) };
      case 1: {
        // GA4's collect hit: the page URL, title and the search term as an event parameter.
        const pairs = [
          'v=2', `tid=G-${rng.hex(10, true)}`, `gtm=45je${rng.int(1000, 9999)}`, `_p=${rng.int(1000000000, 1999999999)}`, `cid=${rng.int(100000000, 2147483647)}.${rng.int(1690000000, 1748000000)}`,
          `ul=${locale.toLowerCase().replace('_', '-')}`, `sr=${rng.pick(['1920x1080', '1440x900', '390x844'])}`, `en=${rng.pick(['page_view', 'view_search_results', 'search'])}`,
          `dl=${encodeURIComponent(resultsUrl)}`, `dr=${encodeURIComponent(`https://${host}/`)}`, `dt=${encodeURIComponent(title)}`, `ep.search_term=${encodeURIComponent(text)}`,
        ];
        return { method: 'POST', path: '/g/collect', query: pairs.join('&'), headers: browserHeaders(rng, b, rng.pick(['region1.google-analytics.com', 'www.google-analytics.com', host]), 'xhr', { referer: `https://${host}/`, site: 'cross-site' }) };
      }
      case 2: {
        // Matomo's tracker: the URL, the action name and its site-search fields.
        const pairs = [
          `idsite=${rng.int(1, 40)}`, 'rec=1', `r=${rng.int(100000, 999999)}`, `h=${rng.int(0, 23)}`, `m=${rng.int(0, 59)}`, `s=${rng.int(0, 59)}`,
          `url=${encodeURIComponent(resultsUrl)}`, `action_name=${encodeURIComponent(title)}`, `search=${encodeURIComponent(text)}`, `search_count=${rng.int(0, 240)}`,
          `_id=${rng.hex(16)}`, `send_image=0`, `res=${rng.pick(['1920x1080', '2560x1440', '1366x768'])}`,
        ];
        return { method: 'GET', path: rng.pick(['/matomo.php', '/piwik.php', '/js/']), query: pairs.join('&'), headers: browserHeaders(rng, b, host, 'image', { referer: resultsUrl, site: 'same-origin' }) };
      }
      case 3: {
        // A page event in JSON (Segment/RudderStack style), the results URL in its properties.
        const body = JSON.stringify({
          type: 'page',
          anonymousId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
          properties: { url: resultsUrl, path, search: resultsUrl.slice(resultsUrl.indexOf('?')), title, referrer: `https://${host}/` },
          context: { page: { url: resultsUrl, title }, locale: locale.replace('_', '-'), userAgent: b.userAgent },
          timestamp: new Date(Date.UTC(2026, rng.int(0, 10), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59))).toISOString(),
        });
        return withBody({ method: 'POST', path: rng.pick(['/v1/p', '/v1/page', '/api/collect']), query: '', headers: browserHeaders(rng, b, rng.pick(['api.segment.io', 'events.example-cdp.test', host]), 'xhr', { referer: resultsUrl, origin: `https://${host}`, site: 'cross-site' }) }, 'text/plain', body);
      }
      case 4: {
        // An ad pixel's search event: the page URL and the search string.
        const pairs = [`id=${rng.int(100000000000000, 999999999999999)}`, 'ev=Search', `dl=${encodeURIComponent(resultsUrl)}`, `rl=${encodeURIComponent(`https://${host}/`)}`, `if=false`, `ts=${rng.int(1700000000000, 1760000000000)}`, `cd[search_string]=${encodeURIComponent(text)}`, 'v=2.9.156'];
        return { method: 'GET', path: '/tr/', query: pairs.join('&'), headers: browserHeaders(rng, b, rng.pick(['www.facebook.com', 'px.ads.example.test']), 'image', { referer: resultsUrl, site: 'cross-site' }) };
      }
      default:
        // The next click: a product or article, the results page as its Referer.
        return { method: 'GET', path: `/${rng.pick(['product', 'p', 'kb/article', 'item'])}/${slugify(`${rng.pick(NOUNS)} ${rng.int(10, 99999)}`)}`, query: '', headers: browserHeaders(rng, b, host, 'document', { referer: resultsUrl, cookie }) };
    }
  },
};
