/** Search and listing URLs: free-text queries, facets, sorts, pagination, tracking, encoded state. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { searchPhrase } from '../lib/phrases.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, pickQueryStyle, slugify } from '../lib/wire.js';

type P = [string, string | number];

function term(ctx: GenContext, locale: string): string {
  const { rng } = ctx;
  const f = ctx.fakers.get(locale);
  return rng.weighted<() => string>([
    [() => searchPhrase(rng, locale), 5],
    [() => f.commerce.productName(), 3],
    [() => ctx.en.commerce.product().toLowerCase(), 2],
    [() => f.location.city(), 1],
    [() => f.person.fullName(), 1],
    [() => rng.pick(ctx.text.headings), 2],
    [() => `${ctx.en.commerce.productMaterial()} ${ctx.en.commerce.product()}`.toLowerCase(), 1],
    [() => rng.alnum(rng.int(6, 10)).toUpperCase(), 0.5],
    [() => `"${ctx.en.commerce.productName()}"`, 0.3],
    [() => `${ctx.en.word.noun()} -${ctx.en.word.noun()}`, 0.2],
  ] as const)();
}

function facets(ctx: GenContext): P[] {
  const { rng, en } = ctx;
  const out: P[] = [];
  const style = rng.int(0, 3);
  const add = (name: string, value: string | number) => {
    if (style === 0) out.push([`filter[${name}]`, value]);
    else if (style === 1) out.push([name, value]);
    else if (style === 2) out.push([`${name}[]`, value]);
    else out.push([`f.${name}`, value]);
  };
  for (const kind of rng.sample(['brand', 'color', 'size', 'price', 'rating', 'category', 'material', 'in_stock', 'shipping', 'year', 'condition'], rng.int(0, 4))) {
    if (kind === 'brand') for (let i = rng.int(1, 3); i > 0; i--) add('brand', rng.chance(0.5) ? en.company.name().split(/[ ,]/)[0] : slugify(en.company.name()));
    else if (kind === 'color') add('color', rng.pick(['black', 'white', 'navy', 'red', 'olive', 'beige', 'multi']));
    else if (kind === 'size') add('size', rng.pick(['S', 'M', 'L', 'XL', '42', '10.5', 'EU 39', '32/34']));
    else if (kind === 'price') {
      const lo = rng.int(0, 200);
      if (style === 1) out.push(['price', rng.pick([`${lo}-${lo + rng.int(10, 500)}`, `${lo}..${lo + 100}`, `${lo}:${lo + 250}`])]);
      else {
        out.push([style === 0 ? 'filter[price][min]' : 'price_min', lo]);
        out.push([style === 0 ? 'filter[price][max]' : 'price_max', lo + rng.int(10, 900)]);
      }
    } else if (kind === 'rating') add('rating', rng.pick(['4', '4+', '3', 'gte:4']));
    else if (kind === 'category') add('category', rng.chance(0.5) ? slugify(en.commerce.department()) : rng.int(10, 9999));
    else if (kind === 'material') add('material', en.commerce.productMaterial().toLowerCase());
    else if (kind === 'in_stock') add('in_stock', rng.pick(['1', 'true', 'yes', 'on']));
    else if (kind === 'shipping') add('shipping', rng.pick(['free', 'prime', 'express', 'pickup']));
    else if (kind === 'year') add('year', `${rng.int(1995, 2020)}-${rng.int(2021, 2025)}`);
    else add('condition', rng.pick(['new', 'used', 'refurbished']));
  }
  return out;
}

function sortParam(ctx: GenContext): P[] {
  const { rng } = ctx;
  return rng.weighted<() => P[]>([
    [() => [['sort', rng.pick(['price_asc', 'price_desc', 'newest', 'relevance', 'popularity', 'rating', 'bestseller'])]], 4],
    [() => [['sort', rng.pick(['price', '-price', 'created_at', '-created_at', 'name', '-updated_at', 'score'])]], 3],
    [() => [['sort', rng.pick(['price', 'createdAt', 'title'])], ['order', rng.pick(['asc', 'desc', 'ASC', 'DESC'])]], 3],
    [() => [['orderby', rng.pick(['date', 'title', 'menu_order', 'popularity', 'rating'])], ['order', rng.pick(['asc', 'desc'])]], 2],
    [() => [['sort_by', rng.pick(['relevance', 'date', 'distance'])], ['dir', rng.pick(['asc', 'desc'])]], 1],
    [() => [['s', rng.pick(['p', 'r', 'n', 'd'])]], 0.5],
    [() => [], 4],
  ] as const)();
}

function paging(ctx: GenContext): P[] {
  const { rng } = ctx;
  return rng.weighted<() => P[]>([
    [() => [['page', rng.skewed(40)]], 5],
    [() => [['page', rng.skewed(40)], ['per_page', rng.pick([12, 20, 24, 36, 48, 50, 100])]], 3],
    [() => [['offset', rng.pick([0, 20, 40, 60, 100, 200])], ['limit', rng.pick([10, 20, 25, 50, 100])]], 2],
    [() => [['p', rng.skewed(20)]], 1],
    [() => [['start', rng.pick([0, 10, 20, 30, 40])], ['rows', rng.pick([10, 20])]], 1],
    [() => [['cursor', rng.base64(rng.int(16, 40), true)]], 1],
    [() => [['after', rng.chance(0.5) ? rng.base64(12).replace(/=+$/, '') : `${rng.alnum(3)}_${rng.alnum(10)}`]], 1],
    [() => [], 4],
  ] as const)();
}

function tracking(ctx: GenContext): P[] {
  const { rng } = ctx;
  return rng.weighted<() => P[]>([
    [() => [], 8],
    [() => [['utm_source', rng.pick(['google', 'newsletter', 'facebook', 'criteo', 'awin', 'tiktok'])], ['utm_medium', rng.pick(['cpc', 'email', 'display', 'affiliate', 'paid_social'])], ['utm_campaign', rng.pick(['summer_sale', 'brand_search_de', '2025-05-newsletter', 'retargeting', `pmax_${rng.digits(10)}`])], ...(rng.chance(0.4) ? [['utm_term', term(ctx, 'en_US')] as P] : []), ...(rng.chance(0.3) ? [['utm_content', rng.pick(['hero_banner', 'cta-button', 'text_link', 'image_2'])] as P] : [])], 3],
    [() => [['gclid', rng.base64(66, true)]], 1],
    [() => [['msclkid', rng.hex(32)]], 0.3],
    [() => [['_ga', `2.${rng.int(1000000, 99999999)}.${rng.int(100000000, 999999999)}.${rng.digits(10)}-${rng.int(100000000, 999999999)}.${rng.digits(10)}`]], 0.3],
    [() => [['ttclid', rng.base64(48, true)]], 0.3],
    [() => [['ref_', rng.pick(['sr_1_1', 'nav_logo', 'sr_pg_2'])], ['qid', rng.digits(10)], ['sr', `8-${rng.int(1, 48)}`]], 0.5],
  ] as const)();
}

function encodedState(ctx: GenContext): P[] {
  const { rng, en } = ctx;
  const state = {
    filters: { category: slugify(en.commerce.department()), priceRange: [rng.int(0, 50), rng.int(60, 900)], tags: [en.word.adjective(), en.word.noun()] },
    view: rng.pick(['grid', 'list', 'map']),
    page: rng.skewed(10),
  };
  return rng.weighted<() => P[]>([
    [() => [['filters', JSON.stringify(state.filters)]], 2],
    [() => [['state', Buffer.from(JSON.stringify(state)).toString('base64')]], 2],
    [() => [['q', Buffer.from(JSON.stringify({ t: en.commerce.product(), p: state.page })).toString('base64url')]], 1],
    [() => [['searchState', JSON.stringify({ query: en.commerce.product(), refinementList: { brand: [en.company.name()] }, page: state.page })]], 1],
    [() => [['bounds', `${(rng.float() * 180 - 90).toFixed(5)},${(rng.float() * 360 - 180).toFixed(5)},${(rng.float() * 180 - 90).toFixed(5)},${(rng.float() * 360 - 180).toFixed(5)}`], ['zoom', rng.int(3, 18)]], 1],
    [() => [['dates', `${en.date.soon({ days: 60 }).toISOString().slice(0, 10)}_${en.date.soon({ days: 90 }).toISOString().slice(0, 10)}`], ['guests', rng.int(1, 6)], ['rooms', rng.int(1, 3)]], 1],
    [() => [], 12],
  ] as const)();
}

export const searchListing: Family = {
  name: 'search-listing',
  summary: 'Search and listing query strings: multilingual terms, facets in four naming styles, sorts, pagination and cursors, UTM/click ids, JSON and base64 state in parameters.',
  perScale: 12_000,
  make(ctx) {
    const { rng } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, ctx.en);
    const qName = rng.weighted([['q', 6], ['query', 2], ['search', 1], ['s', 1], ['k', 0.5], ['keyword', 0.5], ['term', 0.5], ['text', 0.3], ['wd', 0.2]] as const);
    const listing = rng.chance(0.35);
    const pairs: P[] = [];
    if (!listing) pairs.push([qName, term(ctx, locale)]);
    pairs.push(...facets(ctx), ...sortParam(ctx), ...paging(ctx), ...encodedState(ctx), ...tracking(ctx));
    if (rng.chance(0.1)) pairs.push(['lang', rng.pick(['en', 'de', 'ja', 'fr', 'zh-CN'])]);
    if (rng.chance(0.08)) pairs.push(['currency', rng.pick(['EUR', 'USD', 'GBP', 'JPY', 'BRL'])]);
    if (rng.chance(0.1)) pairs.push(['_', rng.digits(13)]);
    const xhr = rng.chance(0.3);
    const path = listing
      ? rng.pick([`/c/${slugify(ctx.en.commerce.department())}`, `/category/${slugify(ctx.en.commerce.department())}/${slugify(ctx.en.commerce.product())}`, '/products', '/shop', `/collections/${slugify(ctx.en.commerce.productAdjective())}-${slugify(ctx.en.commerce.product())}`, '/jobs', '/listings', '/hotels', '/events', '/used-cars'])
      : xhr
        ? rng.pick(['/api/search', '/api/v1/search', '/search/suggest', '/autocomplete', '/api/products/search', '/graphql/search', '/_search'])
        : rng.pick(['/search', '/search', '/s', '/suche', '/recherche', '/buscar', '/catalogsearch/result/', '/find', '/results']);
    const cookies = rng.chance(0.75) ? cookieJar(rng, { locale }) : [];
    const headers = browserHeaders(rng, b, host, xhr ? 'xhr' : 'document', {
      referer: `https://${host}${rng.pick(['/', '/search', `/c/${slugify(ctx.en.commerce.department())}`])}`,
      cookie: cookies.length ? cookieHeader(cookies) : undefined,
      site: 'same-origin',
    });
    if (xhr && rng.chance(0.5)) headers['X-Requested-With'] = 'XMLHttpRequest';
    return { method: 'GET', path, query: encodePairs(pairs, pickQueryStyle(rng)), headers };
  },
};
