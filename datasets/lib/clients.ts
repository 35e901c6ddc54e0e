/**
 * Clients and their header sets: real browser user agents (the `user-agents` package's data, picked
 * by its own weights with our Rng), client hints that agree with them, mobile apps, SDKs and servers,
 * and the cookies a site accumulates (session, CSRF, analytics, consent, A/B, cart).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rng } from './rng.js';
import { acceptLanguage } from './people.js';

interface UaEntry {
  userAgent: string;
  platform: string;
  deviceCategory: string;
  weight: number;
}

const require = createRequire(import.meta.url);
let uaTable: { entries: UaEntry[]; cumulative: number[]; total: number } | undefined;

function table() {
  if (!uaTable) {
    // The package's exports hide its data file; read it beside the resolved entry point.
    const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as UaEntry[];
    const entries = raw.map((e) => ({ userAgent: e.userAgent, platform: e.platform, deviceCategory: e.deviceCategory, weight: e.weight }));
    const cumulative: number[] = [];
    let total = 0;
    for (const e of entries) {
      total += e.weight;
      cumulative.push(total);
    }
    uaTable = { entries, cumulative, total };
  }
  return uaTable;
}

export interface Browser {
  userAgent: string;
  mobile: boolean;
  /** Client-hint headers Chromium browsers send (empty for Firefox and Safari). */
  hints: Record<string, string>;
  acceptLanguage: string;
  kind: 'chromium' | 'firefox' | 'safari';
}

export function pickBrowser(rng: Rng, locale: string): Browser {
  const t = table();
  const x = rng.float() * t.total;
  let lo = 0;
  let hi = t.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  const e = t.entries[lo];
  const ua = e.userAgent;
  const mobile = e.deviceCategory !== 'desktop';
  // Every iOS browser is WebKit underneath and sends no client hints.
  const kind = /Firefox\//.test(ua) ? 'firefox' : /Chrome\//.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua) ? 'chromium' : 'safari';
  const hints: Record<string, string> = {};
  const chrome = /Chrome\/(\d+)/.exec(ua);
  if (kind === 'chromium' && chrome) {
    const v = chrome[1];
    const brand = /Edg\//.test(ua) ? 'Microsoft Edge' : /OPR\//.test(ua) ? 'Opera' : 'Google Chrome';
    const grease = rng.pick(['Not)A;Brand', 'Not/A)Brand', 'Not_A Brand', 'Not?A_Brand', 'Not.A/Brand']);
    hints['sec-ch-ua'] = `"${brand}";v="${v}", "Chromium";v="${v}", "${grease}";v="${rng.pick(['8', '24', '99'])}"`;
    hints['sec-ch-ua-mobile'] = mobile ? '?1' : '?0';
    const platform = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /Mac OS X/.test(ua) ? 'macOS' : /CrOS/.test(ua) ? 'Chrome OS' : 'Linux';
    hints['sec-ch-ua-platform'] = `"${platform}"`;
  }
  return { userAgent: ua, mobile, hints, acceptLanguage: acceptLanguage(rng, locale), kind };
}

export type Fetch = 'document' | 'script' | 'style' | 'image' | 'font' | 'xhr' | 'form';

const ACCEPT: Record<Fetch, (b: Browser) => string> = {
  document: (b) => b.kind === 'firefox'
    ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
    : b.kind === 'safari'
      ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
      : 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  form: (b) => ACCEPT.document(b),
  script: () => '*/*',
  style: () => 'text/css,*/*;q=0.1',
  image: (b) => b.kind === 'firefox' ? 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5' : 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
  font: () => '*/*',
  xhr: () => 'application/json, text/plain, */*',
};

/** Browser headers for one fetch, in the order a browser sends them. */
export function browserHeaders(
  rng: Rng,
  b: Browser,
  host: string,
  fetch: Fetch,
  opts: { referer?: string; cookie?: string; origin?: string; site?: 'same-origin' | 'same-site' | 'cross-site' | 'none' } = {},
): Record<string, string> {
  const h: Record<string, string> = { Host: host };
  if (fetch === 'document' || fetch === 'form') {
    if (b.kind !== 'safari') h['Cache-Control'] = rng.pick(['max-age=0', 'no-cache', 'max-age=0']);
    Object.assign(h, b.hints);
    h['Upgrade-Insecure-Requests'] = '1';
  } else Object.assign(h, b.hints);
  h['User-Agent'] = b.userAgent;
  h.Accept = ACCEPT[fetch](b);
  if (opts.origin) h.Origin = opts.origin;
  if (b.kind !== 'safari' || rng.chance(0.5)) {
    h['Sec-Fetch-Site'] = opts.site ?? (opts.referer ? 'same-origin' : 'none');
    h['Sec-Fetch-Mode'] = fetch === 'document' || fetch === 'form' ? 'navigate' : fetch === 'xhr' ? 'cors' : 'no-cors';
    if (fetch === 'document' || fetch === 'form') h['Sec-Fetch-User'] = '?1';
    h['Sec-Fetch-Dest'] = fetch === 'form' ? 'document' : fetch === 'xhr' ? 'empty' : fetch;
  }
  if (opts.referer) h.Referer = opts.referer;
  h['Accept-Encoding'] = b.kind === 'safari' ? 'gzip, deflate, br' : rng.pick(['gzip, deflate, br, zstd', 'gzip, deflate, br']);
  h['Accept-Language'] = b.acceptLanguage;
  if (opts.cookie) h.Cookie = opts.cookie;
  if (rng.chance(0.1)) h.Priority = fetch === 'document' ? 'u=0, i' : 'u=1';
  return h;
}

function gaCookie(rng: Rng): string {
  return `GA1.1.${rng.int(100000000, 2147483647)}.${rng.int(1690000000, 1748000000)}`;
}

/** Session-cookie styles of common stacks. */
export function sessionCookie(rng: Rng): [string, string] {
  return rng.pick<() => [string, string]>([
    () => ['JSESSIONID', rng.hex(32, true)],
    () => ['JSESSIONID', `${rng.hex(32, true)}.node${rng.int(1, 4)}`],
    () => ['PHPSESSID', rng.alnum(26).toLowerCase()],
    () => ['ASP.NET_SessionId', rng.alnum(24).toLowerCase()],
    () => ['connect.sid', `s%3A${rng.base64(24, true)}.${rng.base64(32, false).replace(/=+$/, '')}`.replace(/\+/g, '%2B').replace(/\//g, '%2F')],
    () => ['sessionid', rng.alnum(32).toLowerCase()],
    () => ['_session_id', rng.hex(32)],
    () => [`_${rng.pick(['myapp', 'shop', 'portal', 'app'])}_session`, `${rng.base64(96).replace(/=+$/, '')}--${rng.hex(40)}`.replace(/\+/g, '%2B').replace(/\//g, '%2F')],
    () => ['laravel_session', `eyJpdiI6${rng.base64(150).replace(/=+$/, '')}%3D`],
    () => ['SESSION', rng.base64(36).replace(/=+$/, '')],
    () => ['sid', rng.uuid()],
    () => ['__Host-session', rng.base64(32, true)],
  ])();
}

/** A realistic cookie jar for a returning visitor of `host`. */
export function cookieJar(rng: Rng, opts: { session?: boolean; csrf?: boolean; locale?: string } = {}): [string, string][] {
  const jar: [string, string][] = [];
  if (rng.chance(0.75)) {
    jar.push(['_ga', gaCookie(rng)]);
    if (rng.chance(0.7)) jar.push([`_ga_${rng.alnum(10).toUpperCase()}`, `GS1.1.${rng.int(1700000000, 1748000000)}.${rng.int(1, 40)}.1.${rng.int(1700000000, 1748000000)}.0.0.0`]);
    if (rng.chance(0.4)) jar.push(['_gid', `GA1.2.${rng.int(100000000, 2147483647)}.${rng.int(1746000000, 1748000000)}`]);
  }
  if (rng.chance(0.35)) jar.push(['_fbp', `fb.1.${rng.digits(13)}.${rng.digits(10)}`]);
  if (rng.chance(0.2)) jar.push(['_gcl_au', `1.1.${rng.digits(10)}.${rng.digits(10)}`]);
  if (rng.chance(0.15)) jar.push(['_hjSessionUser_' + rng.digits(7), rng.base64(90).replace(/=+$/, '')]);
  if (rng.chance(0.5)) {
    jar.push(rng.pick<() => [string, string]>([
      () => ['OptanonConsent', encodeURIComponent(`isGpcEnabled=0&datestamp=Mon Jun 02 2025 10:${rng.int(10, 59)}:${rng.int(10, 59)} GMT+0200&version=202409.1.0&isIABGlobal=false&hosts=&consentId=${rng.uuid()}&interactionCount=1&landingPath=NotLandingPage&groups=C0001:1,C0002:${rng.int(0, 1)},C0003:${rng.int(0, 1)},C0004:${rng.int(0, 1)}`)],
      () => ['CookieConsent', encodeURIComponent(`{stamp:'${rng.base64(42).replace(/=+$/, '')}',necessary:true,preferences:${rng.chance(0.5)},statistics:${rng.chance(0.5)},marketing:${rng.chance(0.3)},method:'explicit',ver:1,utc:${rng.digits(13)},region:'de'}`)],
      () => ['cookieyes-consent', `consentid:${rng.base64(24).replace(/=+$/, '')},consent:yes,action:yes,necessary:yes,functional:yes,analytics:${rng.pick(['yes', 'no'])},performance:no,advertisement:no`],
      () => ['cc_cookie', encodeURIComponent(JSON.stringify({ categories: ['necessary', 'analytics'], revision: 0, data: null, consentTimestamp: '2025-05-14T09:12:33.412Z', consentId: rng.uuid() }))],
      () => ['euconsent-v2', `CQ${rng.base64(60, true)}`],
    ])());
  }
  if (opts.locale && rng.chance(0.3)) jar.push([rng.pick(['locale', 'lang', 'NEXT_LOCALE', 'i18n_redirected']), opts.locale.replace('_', '-')]);
  if (rng.chance(0.15)) jar.push(['ab_test', rng.pick(['checkout_v2:b', 'hero_copy:control', 'price_anchor:variant_2', 'A', 'B'])]);
  if (rng.chance(0.15)) jar.push(['cart_id', rng.uuid()]);
  if (rng.chance(0.1)) jar.push(['theme', rng.pick(['dark', 'light', 'system'])]);
  if (rng.chance(0.1)) jar.push(['tz', rng.pick(['Europe%2FBerlin', 'America%2FNew_York', 'Asia%2FTokyo', 'UTC'])]);
  if (opts.session ?? rng.chance(0.6)) jar.push(sessionCookie(rng));
  if (opts.csrf) jar.push([rng.pick(['csrftoken', 'XSRF-TOKEN', '_csrf', 'csrf_token']), rng.base64(32, true)]);
  if (rng.chance(0.08)) jar.push(['__cf_bm', `${rng.base64(32, true)}-${rng.int(1746000000, 1748000000)}-1.0.1.1-${rng.base64(60, true)}`]);
  return rng.chance(0.5) ? jar : rng.shuffle(jar);
}

export const MOBILE_APP_UAS = [
  (rng: Rng) => `okhttp/${rng.pick(['4.12.0', '4.9.3', '5.0.0-alpha.14', '3.14.9'])}`,
  (rng: Rng) => `${rng.pick(['ShopApp', 'Komoot', 'MyBank', 'Tasker', 'Lieferheld', 'NewsReader'])}/${rng.int(1, 9)}.${rng.int(0, 40)}.${rng.int(0, 9)} (iPhone; iOS ${rng.int(15, 18)}.${rng.int(0, 6)}; Scale/3.00)`,
  (rng: Rng) => `${rng.pick(['ShopApp', 'FitTrack', 'Travelly'])}/${rng.int(100, 999)} CFNetwork/${rng.pick(['1494.0.7', '1498.700.2', '3826.500.131'])} Darwin/${rng.pick(['23.4.0', '24.1.0', '22.6.0'])}`,
  (rng: Rng) => `Dalvik/2.1.0 (Linux; U; Android ${rng.int(10, 15)}; ${rng.pick(['SM-S918B', 'Pixel 8', 'M2101K6G', 'CPH2451', 'moto g(60)'])} Build/${rng.alnum(6).toUpperCase()})`,
  (rng: Rng) => `Dart/${rng.pick(['3.3', '3.5', '2.19'])} (dart:io)`,
];

export const SERVER_CLIENT_UAS = [
  (rng: Rng) => `axios/${rng.pick(['1.7.9', '1.6.8', '0.27.2'])}`,
  (rng: Rng) => `node-fetch/${rng.pick(['1.0', '2.7.0'])} (+https://github.com/bitinn/node-fetch)`,
  (rng: Rng) => `python-requests/${rng.pick(['2.31.0', '2.32.3', '2.28.1'])}`,
  (rng: Rng) => `Go-http-client/${rng.pick(['1.1', '2.0'])}`,
  (rng: Rng) => `curl/${rng.pick(['8.5.0', '7.88.1', '8.7.1', '7.81.0'])}`,
  (rng: Rng) => `PostmanRuntime/7.${rng.int(29, 43)}.${rng.int(0, 4)}`,
  (rng: Rng) => `Java/${rng.pick(['17.0.9', '21.0.2', '1.8.0_402'])}`,
  (rng: Rng) => `Apache-HttpClient/${rng.pick(['4.5.14', '5.2.1'])} (Java/17.0.8)`,
  () => `undici`,
  () => `Ruby`,
  (rng: Rng) => `Faraday v${rng.pick(['2.9.0', '1.10.3'])}`,
  () => `GuzzleHttp/7`,
];

export function pickServerUa(rng: Rng): string {
  return rng.pick(SERVER_CLIENT_UAS)(rng);
}

export function pickAppUa(rng: Rng): string {
  return rng.pick(MOBILE_APP_UAS)(rng);
}
