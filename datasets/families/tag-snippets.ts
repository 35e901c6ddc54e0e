/**
 * Tag-manager and analytics snippets saved in CMS and shop settings: Google Tag Manager's head script and
 * noscript iframe, gtag.js, Meta Pixel, Matomo, Hotjar, Microsoft Clarity, LinkedIn Insight, TikTok, Plausible
 * and Fathom tags, a consent banner's loader, a chat widget — pasted into WordPress header/footer plugins,
 * Ghost code injection, Shopify's theme.liquid, Magento's HTML head, Drupal, Joomla, HubSpot and Webflow
 * custom code. An administrator storing a script is what these fields are for. Issue 14's model-side false
 * positives of session 26: a GTM snippet in a CMS head field (0.9998).
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import type { Rng } from '../lib/rng.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';

function gtmId(rng: Rng): string {
  return `GTM-${rng.alnum(rng.pick([6, 7])).toUpperCase()}`;
}

/** One snippet as the vendor's console gives it, lightly varied (quotes, whitespace, comments, attributes). */
export function tagSnippet(rng: Rng): string {
  const q = rng.chance(0.85) ? "'" : '"';
  const ind = rng.pick(['', '  ', '\t']);
  const nl = rng.chance(0.1) ? '\r\n' : '\n';
  const j = (xs: string[]): string => xs.map((x) => ind + x).join(nl);
  const comment = (what: string, end = false): string => rng.chance(0.7) ? `<!-- ${end ? 'End ' : ''}${what} -->` : '';
  const site = rng.int(1, 99);
  switch (rng.int(0, 11)) {
    case 0: case 1: {
      const id = gtmId(rng);
      const layer = rng.chance(0.8) ? 'dataLayer' : rng.pick(['gtmDataLayer', 'dl']);
      const head = [comment('Google Tag Manager'), '<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({' + `${q}gtm.start${q}:` + nl + 'new Date().getTime(),event:' + `${q}gtm.js${q}` + '});var f=d.getElementsByTagName(s)[0],' + nl + `j=d.createElement(s),dl=l!=${q}dataLayer${q}?${q}&l=${q}+l:${q}${q};j.async=true;j.src=` + nl + `${q}https://www.googletagmanager.com/gtm.js?id=${q}+i+dl;f.parentNode.insertBefore(j,f);` + nl + `})(window,document,${q}script${q},${q}${layer}${q},${q}${id}${q});</script>`, comment('Google Tag Manager', true)];
      const body = [comment('Google Tag Manager (noscript)'), `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=${id}"`, 'height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>', comment('Google Tag Manager (noscript)', true)];
      return j(rng.chance(0.7) ? head.filter(Boolean) : body.filter(Boolean));
    }
    case 2: {
      const id = `G-${rng.alnum(10).toUpperCase()}`;
      return j([comment('Google tag (gtag.js)'), `<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>`, '<script>', '  window.dataLayer = window.dataLayer || [];', '  function gtag(){dataLayer.push(arguments);}', `  gtag(${q}js${q}, new Date());`, ...(rng.chance(0.4) ? [`  gtag(${q}consent${q}, ${q}default${q}, { ${q}ad_storage${q}: ${q}denied${q}, ${q}analytics_storage${q}: ${q}denied${q} });`] : []), '', `  gtag(${q}config${q}, ${q}${id}${q}${rng.chance(0.3) ? `, { ${q}anonymize_ip${q}: true }` : ''});`, '</script>'].filter(Boolean));
    }
    case 3: {
      const id = rng.digits(15);
      return j([comment('Meta Pixel Code'), '<script>', '!function(f,b,e,v,n,t,s)', '{if(f.fbq)return;n=f.fbq=function(){n.callMethod?', 'n.callMethod.apply(n,arguments):n.queue.push(arguments)};', "if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';", 'n.queue=[];t=b.createElement(e);t.async=!0;', 't.src=v;s=b.getElementsByTagName(e)[0];', "s.parentNode.insertBefore(t,s)}(window, document,'script',", "'https://connect.facebook.net/en_US/fbevents.js');", `fbq('init', '${id}');`, "fbq('track', 'PageView');", '</script>', `<noscript><img height="1" width="1" style="display:none"`, `src="https://www.facebook.com/tr?id=${id}&ev=PageView&noscript=1"`, '/></noscript>', comment('Meta Pixel Code', true)].filter(Boolean));
    }
    case 4: {
      const u = `https://${rng.pick(['analytics', 'stats', 'matomo'])}.${rng.pick(['example.com', 'example.org', 'shop.example'])}/`;
      return j([comment('Matomo'), '<script>', '  var _paq = window._paq = window._paq || [];', "  _paq.push(['trackPageView']);", "  _paq.push(['enableLinkTracking']);", '  (function() {', `    var u="${u}";`, "    _paq.push(['setTrackerUrl', u+'matomo.php']);", `    _paq.push(['setSiteId', '${site}']);`, "    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];", "    g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);", '  })();', '</script>', comment('Matomo Code', true)].filter(Boolean));
    }
    case 5:
      return j([comment('Hotjar Tracking Code'), '<script>', '    (function(h,o,t,j,a,r){', '        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};', `        h._hjSettings={hjid:${rng.int(1000000, 5999999)},hjsv:6};`, "        a=o.getElementsByTagName('head')[0];", "        r=o.createElement('script');r.async=1;", '        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;', '        a.appendChild(r);', "    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');", '</script>'].filter(Boolean));
    case 6:
      return j(['<script type="text/javascript">', '    (function(c,l,a,r,i,t,y){', '        c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};', '        t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;', '        y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);', `    })(window, document, "clarity", "script", "${rng.alnum(10).toLowerCase()}");`, '</script>']);
    case 7:
      return j(['<script type="text/javascript">', `_linkedin_partner_id = "${rng.digits(7)}";`, 'window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];', 'window._linkedin_data_partner_ids.push(_linkedin_partner_id);', '</script><script type="text/javascript">', '(function(l) {', 'if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};', 'window.lintrk.q=[]}', 'var s = document.getElementsByTagName("script")[0];', 'var b = document.createElement("script");', 'b.type = "text/javascript";b.async = true;', 'b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";', 's.parentNode.insertBefore(b, s);})(window.lintrk);', '</script>']);
    case 8: {
      const d = rng.pick(['example.com', 'shop.example', 'blog.example.org', 'acme.test']);
      return j([rng.pick([`<script defer data-domain="${d}" src="https://plausible.io/js/script.js"></script>`, `<script src="https://cdn.usefathom.com/script.js" data-site="${rng.alnum(8).toUpperCase()}" defer></script>`, `<script async src="https://${rng.pick(['umami', 'stats'])}.${d}/script.js" data-website-id="${rng.uuid()}"></script>`, `<script defer src="https://static.cloudflareinsights.com/beacon.min.js" data-cf-beacon='{"token": "${rng.hex(32)}"}'></script>`])]);
    }
    case 9:
      return j([`<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="${rng.uuid()}" data-blockingmode="auto" type="text/javascript"></script>`, ...(rng.chance(0.5) ? [`<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" type="text/javascript" charset="UTF-8" data-domain-script="${rng.uuid()}"></script>`, '<script type="text/javascript">', 'function OptanonWrapper() { }', '</script>'] : [])]);
    case 10:
      return j(['<script>', `  window.intercomSettings = { api_base: "https://api-iam.intercom.io", app_id: "${rng.alnum(8).toLowerCase()}" };`, '</script>', '<script>', "(function(){var w=window;var ic=w.Intercom;if(typeof ic===\"function\"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/' + w.intercomSettings.app_id;var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s, x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();", '</script>']);
    default:
      return j(['<script>', '!function (w, d, t) {', '  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);', '  ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js";ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};var o=document.createElement("script");o.type="text/javascript",o.async=!0,o.src=r+"?sdkid="+e+"&lib="+t;var a=document.getElementsByTagName("script")[0];a.parentNode.insertBefore(o,a)};', `  ttq.load('${rng.alnum(20).toUpperCase()}');`, '  ttq.page();', '}(window, document, \'ttq\');', '</script>']);
  }
}

export const tagSnippets: Family = {
  name: 'tag-snippets',
  summary: 'Tag-manager and analytics snippets saved in CMS and shop settings (GTM head script and noscript iframe, gtag.js, Meta Pixel, Matomo, Hotjar, Clarity, LinkedIn, TikTok, Plausible/Fathom, consent and chat loaders) through WordPress header plugins, Ghost code injection, Shopify theme assets, Magento, Drupal, Joomla, HubSpot and Webflow.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const snippet = (): string => {
      const n = rng.chance(0.3) ? 2 : 1;
      return Array.from({ length: n }, () => tagSnippet(rng)).join(rng.pick(['\n', '\n\n', '\r\n']));
    };
    const origin = `https://${site}`;
    const cookie = rng.pick([`wordpress_logged_in_${rng.hex(32)}=${en.internet.username()}%7C${rng.digits(10)}%7C${rng.alnum(43)}%7C${rng.hex(64)}`, `ghost-admin-api-session=s%3A${rng.alnum(32)}.${rng.alnum(43)}`, `admin=${rng.hex(32)}`, `PHPSESSID=${rng.alnum(26).toLowerCase()}`, `SSESS${rng.hex(32)}=${rng.alnum(43)}`]);
    const h = (referer: string): Record<string, string> => browserHeaders(rng, b, site, 'xhr', { origin, referer: `${origin}${referer}`, site: 'same-origin', cookie });
    const f = (referer: string): Record<string, string> => browserHeaders(rng, b, site, 'form', { origin, referer: `${origin}${referer}`, site: 'same-origin', cookie });
    const urlenc = 'application/x-www-form-urlencoded';
    const nonce = rng.hex(10);
    switch (rng.int(0, 8)) {
      case 0:
        return withBody({ method: 'POST', path: '/wp-admin/options-general.php', query: 'page=insert-headers-and-footers', headers: f('/wp-admin/options-general.php?page=insert-headers-and-footers') }, urlenc, encodePairs([['ihaf_insert_header', snippet()], ['ihaf_insert_body', rng.chance(0.5) ? tagSnippet(rng) : ''], ['ihaf_insert_footer', ''], ['_wpnonce', nonce], ['_wp_http_referer', '/wp-admin/options-general.php?page=insert-headers-and-footers'], ['submit', 'Save']], 'form'));
      case 1:
        return withBody({ method: 'POST', path: '/wp-admin/admin-ajax.php', query: '', headers: h('/wp-admin/admin.php?page=wpcode-snippet-manager') }, urlenc, encodePairs([['action', rng.pick(['wpcode_save_snippet', 'wpcode_save_global_header'])], ['code', snippet()], ['code_type', 'html'], ['location', rng.pick(['site_wide_header', 'site_wide_body', 'site_wide_footer'])], ['title', rng.pick(['Google Tag Manager', 'Analytics', 'Pixel', 'Consent banner'])], ['_wpnonce', nonce]], 'form'));
      case 2:
        return withBody({ method: 'PUT', path: '/ghost/api/admin/settings/', query: '', headers: { ...h('/ghost/'), 'X-Ghost-Version': `5.${rng.int(80, 99)}`, 'App-Pragma': 'no-cache' } }, 'application/json', JSON.stringify({ settings: [{ key: rng.pick(['codeinjection_head', 'codeinjection_foot']), value: snippet() }] }));
      case 3: {
        const theme = `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n<head>\n${snippet()}\n  <meta charset="utf-8">\n  <title>{{ page_title }}</title>\n  {{ content_for_header }}\n  {{ 'base.css' | asset_url | stylesheet_tag }}\n</head>\n<body>\n  {% section 'header' %}\n  {{ content_for_layout }}\n</body>\n</html>`;
        return withBody({ method: 'PUT', path: `/admin/api/2024-${rng.pick(['04', '07', '10'])}/themes/${rng.digits(12)}/assets.json`, query: '', headers: { Host: `${rng.alnum(8).toLowerCase()}.myshopify.com`, 'User-Agent': rng.pick(['Shopify CLI/3.66.1', b.userAgent]), 'Content-Type': 'application/json', 'X-Shopify-Access-Token': `shpat_${rng.hex(32)}`, Accept: 'application/json' } }, 'application/json', JSON.stringify({ asset: { key: 'layout/theme.liquid', value: theme } }));
      }
      case 4:
        return withBody({ method: 'POST', path: `/admin/theme/design_config/save/scope/${rng.pick(['default', 'websites', 'stores'])}/`, query: '', headers: f(`/admin/theme/design_config/edit/scope/default/key/${rng.hex(32)}/`) }, urlenc, encodePairs([['form_key', rng.alnum(16)], ['head_includes', `<link rel="stylesheet" type="text/css" media="all" href="{{MEDIA_URL}}styles.css" />\n${snippet()}`], ['head_default_title', en.company.name()], ['footer_absolute_footer', ''], ['scope', 'default']], 'form'));
      case 5:
        return withBody({ method: 'POST', path: rng.pick(['/admin/config/system/google-tag/add', '/admin/config/services/asset-injector/js/add']), query: '', headers: f('/admin/config/system/google-tag') }, urlenc, encodePairs([['label', rng.pick(['Site tag', 'GTM', 'Analytics'])], ['code[value]', snippet()], ['code[format]', 'full_html'], ['form_build_id', `form-${rng.alnum(43)}`], ['form_token', rng.alnum(43)], ['form_id', 'asset_injector_js_add_form'], ['op', 'Save']], 'form'));
      case 6:
        return withBody({ method: 'POST', path: '/administrator/index.php', query: 'option=com_modules&view=module&layout=edit&id=' + rng.int(90, 199), headers: f('/administrator/index.php?option=com_modules&view=module&layout=edit') }, urlenc, encodePairs([['jform[title]', rng.pick(['Tracking', 'Analytics code', 'GTM'])], ['jform[content]', snippet()], ['jform[position]', rng.pick(['debug', 'footer'])], ['jform[module]', 'mod_custom'], ['task', 'module.apply'], [rng.hex(32), '1']], 'form'));
      case 7:
        return withBody({ method: 'PUT', path: `/settings/v1/${rng.pick(['site-settings', 'domains/head-html'])}`, query: `portalId=${rng.digits(8)}`, headers: { ...h(`/settings/${rng.digits(8)}/website/pages/all-domains/templates`), 'X-HubSpot-CSRF-hubspotapi': rng.alnum(40) } }, 'application/json', JSON.stringify({ headHtml: snippet(), footerHtml: rng.chance(0.4) ? tagSnippet(rng) : '', domain: site }));
      default:
        return withBody({ method: 'PATCH', path: `/api/sites/${rng.hex(24)}/settings`, query: '', headers: { ...h(`/dashboard/sites/${en.internet.domainWord()}/custom-code`), 'X-XSRF-Token': rng.alnum(40) } }, 'application/json', JSON.stringify({ customCode: { head: snippet(), footer: rng.chance(0.3) ? tagSnippet(rng) : '' } }));
    }
  },
};
