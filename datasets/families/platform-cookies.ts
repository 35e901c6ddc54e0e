/**
 * Browser requests carrying the cookies that the platforms under most sites set, in the formats those
 * platforms write: a shop's session (WooCommerce's `id||expiry||expiring||hash`, Magento's JSON
 * `section_data_ids`, Shopify's `cart` and URL-encoded `_tracking_consent` JSON), CMS logins
 * (`wordpress_logged_in_<hash>=user|expiry|token|hmac`, Drupal's `SSESS<hash>`), marketing and analytics
 * trackers (HubSpot's dotted `__hstc`, Marketo's `id:…&token:…`, Clarity's pipe records with a URL in
 * them, TikTok's `1|…|…`, Amplitude's base64 of URL-encoded JSON, VWO's `$`/`|` lists, LinkedIn's
 * quoted `"v=2&…"`), and the load balancers and bot managers in front (AWS ALB, F5 BIG-IP's
 * `pool=ip.port.0000`, Imperva's `incap_ses_…==`, Akamai's `~`-separated sensor cookies).
 * Delimiters that are also shell and SQL operators (`||`, `|`, `$`, `~`, `;` inside quotes) are how these
 * formats are written, on every page view of a returning visitor.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, slugify, type WireRequest } from '../lib/wire.js';
import type { Rng } from '../lib/rng.js';

type Cookie = [string, string];

const now = (rng: Rng): number => rng.int(1_727_000_000, 1_765_000_000);
const millis = (rng: Rng): string => `${now(rng)}${rng.digits(3)}`;
const pct = (s: string): string => encodeURIComponent(s);

/** A shop's cookies, by platform. */
const SHOP: ReadonlyArray<(rng: Rng) => Cookie[]> = [
  // WooCommerce: customer id || session expiry || expiring || hash, URL-encoded by PHP's setcookie or not.
  (rng) => {
    const t = now(rng);
    const raw = `${rng.chance(0.5) ? rng.int(1, 99999) : `t_${rng.hex(30)}`}||${t + 172_800}||${t + 169_200}||${rng.hex(32)}`;
    return [
      [`wp_woocommerce_session_${rng.hex(32)}`, rng.chance(0.6) ? raw.replace(/\|/g, '%7C') : raw],
      ['woocommerce_items_in_cart', '1'],
      ['woocommerce_cart_hash', rng.hex(32)],
    ];
  },
  // Magento 2: JSON section timestamps, a URL-encoded messages array, the private-content version.
  (rng) => {
    const t = now(rng);
    return [
      ['PHPSESSID', rng.alnum(26).toLowerCase()],
      ['form_key', rng.alnum(16)],
      ['mage-cache-sessid', 'true'],
      ['mage-cache-storage', '{}'],
      ['mage-cache-storage-section-invalidation', '{}'],
      ['section_data_ids', pct(JSON.stringify({ cart: t, customer: t, compare_products: t, 'directory-data': t, messages: t }))],
      ['mage-messages', rng.chance(0.5) ? '' : pct(JSON.stringify([{ type: 'success', text: rng.pick(['You added Blue Shoes to your shopping cart.', 'Thank you for your purchase!']) }]))],
      ['private_content_version', rng.hex(32)],
      ['X-Magento-Vary', rng.hex(40)],
    ];
  },
  // Shopify: cart token with its key, consent JSON, the visit and session ids.
  (rng) => [
    ['cart', `${rng.alnum(24)}${rng.chance(0.5) ? `%3Fkey%3D${rng.hex(32)}` : ''}`],
    ['_tracking_consent', pct(JSON.stringify({ con: { CMP: { a: '1', m: '1', p: '1', s: '' } }, v: '2.1', region: rng.pick(['DEBY', 'USCA', 'GBENG', 'FRIDF']), reg: 'GDPR', purposes: { a: true, p: true, m: true, t: true }, display_banner: false, sale_of_data_region: false, consent_id: rng.uuid() }))],
    ['_shopify_y', rng.uuid()],
    ['_shopify_s', rng.uuid()],
    ['cart_currency', rng.pick(['EUR', 'USD', 'GBP'])],
    ['localization', rng.pick(['DE', 'US', 'GB', 'FR'])],
    ['keep_alive', rng.uuid()],
  ],
  // PrestaShop: one cookie named by a hash, its value a defuse/php-encryption token.
  (rng) => [[`PrestaShop-${rng.hex(32)}`, `def50200${rng.hex(rng.int(200, 400))}`]],
];

/** A CMS login, by platform. */
const CMS: ReadonlyArray<(rng: Rng) => Cookie[]> = [
  // WordPress: user|expiry|token|hmac, URL-encoded pipes, and the editor settings as a query string.
  (rng) => {
    const hash = rng.hex(32);
    const user = rng.pick(['admin', 'editor', 'jane.doe', 'shopmanager', 'mkt-team']);
    return [
      [`wordpress_logged_in_${hash}`, `${user}%7C${now(rng)}%7C${rng.alnum(43)}%7C${rng.hex(64)}`],
      ['wp-settings-1', pct(`libraryContent=browse&editor=${rng.pick(['tinymce', 'html'])}&posts_list_mode=list&hidetb=1`)],
      ['wp-settings-time-1', String(now(rng))],
      ['wordpress_test_cookie', 'WP%20Cookie%20check'],
    ];
  },
  // Drupal: SSESS + hash, and its toolbar state.
  (rng) => [[`SSESS${rng.hex(32)}`, rng.base64(36, true).replace(/=+$/, '')], ['Drupal.visitor.name', rng.pick(['Jane', 'admin', 'Ann%20Lee'])]],
  // Joomla: a hash-named session and its language.
  (rng) => [[rng.hex(32), rng.alnum(26).toLowerCase()], ['joomla_user_state', 'logged_in']],
];

/** Marketing, analytics and support widgets. */
const TRACKERS: ReadonlyArray<(rng: Rng, host: string) => Cookie> = [
  (rng) => ['__hstc', `${rng.int(10_000_000, 99_999_999)}.${rng.hex(32)}.${millis(rng)}.${millis(rng)}.${millis(rng)}.${rng.int(1, 40)}`],
  (rng) => ['hubspotutk', rng.hex(32)],
  (rng) => ['__hssc', `${rng.int(10_000_000, 99_999_999)}.${rng.int(1, 9)}.${millis(rng)}`],
  (rng, host) => ['_mkto_trk', `id:${rng.int(100, 999)}-${rng.alnum(3).toUpperCase()}-${rng.int(100, 999)}&token:_mch-${host.replace(/^www\./, '')}-${millis(rng)}-${rng.int(10000, 99999)}`],
  (rng) => ['_clck', `${rng.alnum(7).toLowerCase()}%7C2%7C${rng.pick(['fpr', 'fq2', 'fs1'])}%7C0%7C${rng.int(1500, 1900)}`],
  (rng) => ['_clsk', `${rng.alnum(7).toLowerCase()}%7C${millis(rng)}%7C${rng.int(1, 9)}%7C1%7C${rng.pick(['x', 'y', 'z', 'k'])}.clarity.ms%2Fcollect`],
  (rng) => ['_clsk', `${rng.alnum(7).toLowerCase()}|${millis(rng)}|${rng.int(1, 9)}|1|${rng.pick(['x', 'y', 'z'])}.clarity.ms/collect`],
  (rng) => ['ttwid', `1%7C${rng.base64(32, true).replace(/=+$/, '')}%7C${now(rng)}%7C${rng.hex(64)}`],
  (rng) => ['_ttp', rng.base64(20, true).replace(/=+$/, '')],
  () => ['_tt_enable_cookie', '1'],
  (rng) => [`AMP_${rng.hex(10)}`, Buffer.from(pct(JSON.stringify({ deviceId: rng.uuid(), sessionId: Number(millis(rng)), optOut: false, lastEventTime: Number(millis(rng)), lastEventId: rng.int(1, 400) }))).toString('base64')],
  (rng) => ['_vwo_uuid_v2', `D${rng.hex(31, true)}|${rng.hex(32)}`],
  (rng) => ['_vwo_ds', `3%24${now(rng)}%3A${rng.int(10, 99)}.${rng.int(10000000, 99999999)}%3A%3A`],
  (rng) => ['_vis_opt_s', `${rng.int(1, 5)}%7C`],
  (rng) => ['optimizelyEndUserId', `oeu${millis(rng)}r0.${rng.digits(16)}`],
  (rng) => ['bcookie', `"v=2&${rng.uuid()}"`],
  (rng) => ['lidc', `"b=VB${rng.int(10, 99)}:s=V:r=V:a=V:p=V:g=${rng.int(1000, 9999)}:u=${rng.int(1, 9)}:x=1:i=${now(rng)}:t=${now(rng)}:v=2:sig=AQ${rng.base64(24, true).replace(/=+$/, '')}"`],
  (rng) => ['li_sugr', rng.uuid()],
  (rng) => ['_pin_unauth', Buffer.from(`uid=${rng.uuid()}`).toString('base64')],
  (rng) => ['_rdt_uuid', `${millis(rng)}.${rng.uuid()}`],
  (rng) => ['_ym_uid', `${now(rng)}${rng.digits(9)}`],
  (rng) => ['_ym_d', String(now(rng))],
  (rng) => ['__kla_id', Buffer.from(JSON.stringify({ cid: rng.base64(30).replace(/=+$/, ''), $referrer: { ts: now(rng), value: '', first_page: 'https://shop.example/' }, $last_referrer: { ts: now(rng), value: '', first_page: 'https://shop.example/' } })).toString('base64')],
  (rng) => ['cto_bundle', rng.base64(150, true).replace(/=+$/, '')],
  (rng) => [`intercom-device-id-${rng.alnum(8).toLowerCase()}`, rng.uuid()],
  (rng) => [`intercom-session-${rng.alnum(8).toLowerCase()}`, rng.chance(0.5) ? '' : rng.base64(60).replace(/=+$/, '')],
  (rng) => ['__stripe_mid', `${rng.uuid()}${rng.hex(6)}`],
  (rng) => ['ts_c', `vr%3D${rng.hex(32)}%26vt%3D${rng.hex(32)}`],
  (rng) => ['crisp-client%2Fsession%2F' + rng.uuid(), `session_${rng.uuid()}`],
];

/** What sits in front of the site: load balancers, CDNs, bot managers. */
const EDGE: ReadonlyArray<(rng: Rng) => Cookie[]> = [
  (rng) => [['AWSALB', rng.base64(120).replace(/=+$/, '')], ['AWSALBCORS', rng.base64(120).replace(/=+$/, '')]],
  (rng) => [[`BIGipServer${rng.pick(['pool_web', '~Common~www_pool', 'app-443'])}`, `${rng.int(100_000_000, 4_294_967_295)}.${rng.pick([20480, 47873, 36895])}.0000`]],
  (rng) => [[`TS01${rng.hex(6)}`, `01${rng.hex(rng.int(100, 180))}`]],
  (rng) => {
    const site = rng.int(100000, 2999999);
    return [[`visid_incap_${site}`, rng.base64(48)], [`incap_ses_${rng.int(100, 1500)}_${site}`, rng.base64(48)], [`nlbi_${site}`, rng.base64(36)]];
  },
  (rng) => [['ak_bmsc', `${rng.hex(32, true)}~${rng.int(100000000, 999999999)}~${rng.base64(200).replace(/=+$/, '')}`], ['bm_sv', `${rng.hex(32, true)}~${rng.base64(90)}~1`]],
  (rng) => [['bm_sz', `${rng.hex(32, true)}~${rng.base64(60)}~${rng.int(3000000, 4999999)}~${rng.int(3000000, 4999999)}`], ['_abck', `${rng.hex(32, true)}~-1~${rng.base64(90)}~-1~-1~-1`]],
  (rng) => [['__cflb', rng.alnum(40)], ['__cf_bm', `${rng.base64(32, true)}-${now(rng)}-1.0.1.1-${rng.base64(60, true)}`]],
  (rng) => [[`NSC_${rng.alnum(20)}`, rng.hex(64)]],
];

const PAGES = ['/', '/cart', '/checkout', '/my-account', '/product', '/products', '/collections/all', '/blog', '/wp-admin/', '/admin/', '/customer/account/', '/category', '/p'];

/** The request: a page view, an asset, or a same-origin XHR, with the visitor's whole jar. */
export const platformCookies: Family = {
  name: 'platform-cookies',
  summary:
    "Browser requests with the cookie jars of the platforms under most sites: shop sessions (WooCommerce id||expiry||hash, Magento JSON section ids, Shopify cart and consent JSON), CMS logins (WordPress user|expiry|token|hmac), trackers (HubSpot, Marketo, Clarity pipe records with a URL, TikTok, Amplitude, VWO $ and | lists, LinkedIn quoted values) and edge cookies (ALB, BIG-IP, Imperva, Akamai ~ lists).",
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const locale = rng.pick(['en_US', 'en_GB', 'de', 'fr', 'nl', 'es']);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, en);
    const jar: Cookie[] = [];
    if (rng.chance(0.7)) jar.push(['_ga', `GA1.1.${rng.int(100000000, 2147483647)}.${now(rng)}`]);
    if (rng.chance(0.75)) jar.push(...rng.pick(SHOP)(rng));
    if (rng.chance(0.3)) jar.push(...rng.pick(CMS)(rng));
    for (const make of rng.sample(TRACKERS, rng.int(1, 6))) jar.push(make(rng, host));
    if (rng.chance(0.5)) jar.push(...rng.pick(EDGE)(rng));
    const cookie = cookieHeader(rng.chance(0.5) ? jar : rng.shuffle(jar));
    const page = rng.pick(PAGES);
    const path = page === '/product' || page === '/p' || page === '/category' ? `${page}/${slugify(`${en.commerce.productName()}`)}` : page;
    switch (rng.int(0, 2)) {
      case 0:
        return { method: 'GET', path, query: '', headers: browserHeaders(rng, b, host, 'document', { referer: `https://${host}/`, cookie }) };
      case 1:
        return {
          method: 'GET',
          path: rng.pick(['/wp-content/themes/storefront/style.css', '/static/version1727000000/frontend/Magento/luma/en_US/requirejs/require.js', '/cdn/shop/t/3/assets/theme.js', '/assets/app.js', '/favicon.ico']),
          query: rng.chance(0.5) ? `ver=${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}` : '',
          headers: browserHeaders(rng, b, host, rng.pick(['script', 'style', 'image'] as const), { referer: `https://${host}${path}`, cookie, site: 'same-origin' }),
        };
      default:
        return {
          method: 'GET',
          path: rng.pick(['/?wc-ajax=get_refreshed_fragments', '/customer/section/load/', '/cart.js', '/wp-json/wc/store/v1/cart', '/api/session']).split('?')[0],
          query: rng.pick(['wc-ajax=get_refreshed_fragments', `sections=cart%2Cmessages&force_new_section_timestamp=false&_=${millis(rng)}`, '', '']),
          headers: browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}${path}`, cookie, site: 'same-origin' }),
        };
    }
  },
};
