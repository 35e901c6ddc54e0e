/**
 * A tag manager's or analytics vendor's snippet saved in a site's head/footer setting is what that setting is
 * for, not a stored XSS (issue 14, session 26's `tag-snippets` family: a GTM or Matomo snippet in
 * `ihaf_insert_header`, Ghost's `codeinjection_head`, HubSpot's `headHtml` 1.0; blind benign set 7's
 * cmsadmin/16 and set 13's marketing/12, read). CRS ships such exclusions per application; this is the
 * mechanism instead: each vendor's loader is a fixed skeleton in which only IDs, a locale, a self-hosted
 * tracker's address or plain option objects vary.
 *
 * `textAroundTagSnippets(text)`: the text with every recognised snippet element (and the HTML comments
 * beside them) taken out, or null when it holds none. An element is recognised only whole, from its `<script`
 * or `<noscript>` to its closing tag, against one skeleton: GTM's head script and noscript iframe, gtag.js's
 * loader and its `gtag(…)` calls, Universal Analytics, the Meta Pixel and its noscript image, Matomo,
 * Hotjar, Microsoft Clarity, LinkedIn Insight, TikTok, Intercom, OneTrust's wrapper, and a `<script src>`
 * of a vendor's host (Plausible, Fathom, Cloudflare Web Analytics, Cookiebot, OneTrust, HubSpot, Umami Cloud),
 * and a self-hosted Umami's tag (its `script.js` on a named host with a UUID `data-website-id`; any other
 * self-hosted tracker's script tag is any script tag, and stays scored). Whitespace between tokens and the kind of quote are free; nothing else is.
 * What stays — another script, an `onload=` attribute, a call or cookie access added to a skeleton, markup
 * after it — is returned and scored as before, so `<script>…fbq('init','1');document.location=…</script>`
 * is not a snippet.
 */

import { textOutsidePageLayout } from './page-layout.js';

const MAX_CHARS = 16_384;

/** Values a skeleton's slot may take: no quote, no parenthesis, no `<`, `=` or `;` — nothing that runs. */
const SLOT: Record<string, string> = {
  ID: '[A-Za-z0-9_-]{1,40}',
  NUM: '\\d{1,20}',
  NAME: '[A-Za-z_$][\\w$]{0,30}',
  LOCALE: '[a-z]{2}_[A-Z]{2}',
  // A self-hosted tracker's base address (Matomo): scheme, host, port, a path of plain segments.
  URL: 'https?://[A-Za-z0-9.-]{1,100}(?::\\d{1,5})?/(?:[A-Za-z0-9._~-]{1,60}/){0,4}',
  // An option object of quoted words, numbers and booleans: `{ 'anonymize_ip': true }`.
  OBJ: '\\{[\\w\\s\'":,.@/+-]{0,400}\\}',
  // GTM's environment parameters appended to the loader URL.
  GTMENV: '(?:\\s*\\+\\s*["\'][\\w&=.-]{0,200}["\'])?',
  // The `<script>` tag that opens an inline snippet.
  OPEN: '<script(?:\\s+type\\s*=\\s*["\']text/javascript["\']|\\s+async|\\s+defer|\\s+data-cfasync\\s*=\\s*["\']false["\']|\\s+nonce\\s*=\\s*["\'][\\w+/=-]{1,64}["\'])*\\s*>',
};

/** A vendor's calls after its loader: the function's name, a quoted command, then quoted words, numbers or option objects. */
function calls(fn: string): string {
  const arg = `(?:\\s*,\\s*(?:["'][\\w .:/@-]{0,100}["']|${SLOT.OBJ}|-?\\d{1,20}(?:\\.\\d{1,6})?|true|false|new\\s+Date\\(\\)))`;
  return `(?:\\s*${fn}\\(\\s*["'][\\w]{1,30}["']${arg}{0,4}\\s*\\)\\s*;?)`;
}
SLOT.GTAG = `${calls('gtag')}{1,12}`;
SLOT.FBQ = `${calls('fbq')}{1,12}`;
SLOT.GA = `${calls('ga')}{1,12}`;
SLOT.TTQ = `(?:\\s*ttq\\.(?:load|page|track|identify)\\(\\s*(?:["'][\\w .:/@-]{0,100}["'](?:\\s*,\\s*${SLOT.OBJ})?)?\\s*\\)\\s*;?){1,12}`;
SLOT.PAQ = `(?:\\s*(?:/\\*[\\w\\s"',.-]{0,200}\\*/|_paq\\.push\\(\\s*\\[\\s*["'][A-Za-z]{1,40}["'](?:\\s*,\\s*(?:["'][\\w .:/@-]{0,100}["']|-?\\d{1,20}|true|false))*\\s*\\]\\s*\\)\\s*;?)){0,16}`;
SLOT.MATOMOSRC = '(?:u\\s*\\+\\s*["\']matomo\\.js["\']|["\']https://cdn\\.matomo\\.cloud/[\\w.-]{1,80}/matomo\\.js["\'])';
SLOT.MATOMOURL = '(?:u\\s*\\+\\s*["\']matomo\\.php["\']|["\']https://[\\w.-]{1,80}\\.matomo\\.cloud/matomo\\.php["\'])';

/**
 * The vendors' snippets as they hand them out. A space stands for any whitespace between two words (at
 * least one); between any other two tokens whitespace may be present or not; `'` is either quote.
 */
const SKELETONS: readonly string[] = [
  // Google Tag Manager, head and body.
  "{OPEN}(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl{GTMENV};f.parentNode.insertBefore(j,f);})(window,document,'script','{NAME}','GTM-{ID}');</script>",
  "<noscript><iframe src='https://www.googletagmanager.com/ns.html?id=GTM-{ID}' height='0' width='0' style='display:none;visibility:hidden'></iframe></noscript>",
  // gtag.js: the loader, and the inline part with its calls.
  "<script async src='https://www.googletagmanager.com/gtag/js?id={ID}'></script>",
  '{OPEN}window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}{GTAG}</script>',
  // Universal Analytics (analytics.js).
  "{OPEN}(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');{GA}</script>",
  // Meta Pixel and its noscript image.
  "{OPEN}!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/{LOCALE}/fbevents.js');{FBQ}</script>",
  "<noscript><img height='1' width='1' style='display:none' src='https://www.facebook.com/tr?id={NUM}&ev=PageView&noscript=1'/></noscript>",
  // Matomo (self-hosted or Matomo Cloud).
  "{OPEN}var _paq=window._paq=window._paq||[];{PAQ}(function(){var u='{URL}';_paq.push(['setTrackerUrl',{MATOMOURL}]);_paq.push(['setSiteId','{NUM}']);var d=document,g=d.createElement('script'),s=d.getElementsByTagName('script')[0];g.async=true;g.src={MATOMOSRC};s.parentNode.insertBefore(g,s);})();</script>",
  // Hotjar.
  "{OPEN}(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:{NUM},hjsv:{NUM}};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>",
  // Microsoft Clarity.
  "{OPEN}(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;t.src='https://www.clarity.ms/tag/'+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})(window,document,'clarity','script','{ID}');</script>",
  // LinkedIn Insight: the partner id, the loader, the noscript pixel.
  "{OPEN}_linkedin_partner_id='{NUM}';window._linkedin_data_partner_ids=window._linkedin_data_partner_ids||[];window._linkedin_data_partner_ids.push(_linkedin_partner_id);</script>",
  "{OPEN}(function(l){if(!l){window.lintrk=function(a,b){window.lintrk.q.push([a,b])};window.lintrk.q=[]}var s=document.getElementsByTagName('script')[0];var b=document.createElement('script');b.type='text/javascript';b.async=true;b.src='https://snap.licdn.com/li.lms-analytics/insight.min.js';s.parentNode.insertBefore(b,s);})(window.lintrk);</script>",
  "<noscript><img height='1' width='1' style='display:none;' alt='' src='https://px.ads.linkedin.com/collect/?pid={NUM}&fmt=gif'/></noscript>",
  // TikTok Pixel, with or without its `ttq.instance` helper.
  "{OPEN}!function(w,d,t){w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=['page','track','identify','instances','debug','on','off','once','ready','alias','group','enableCookie','disableCookie'],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);{TTQINSTANCE}ttq.load=function(e,n){var {NAME}='https://analytics.tiktok.com/i18n/pixel/events.js';ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u={NAME},ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};var o=document.createElement('script');o.type='text/javascript',o.async=!0,o.src={NAME}+'?sdkid='+e+'&lib='+t;var a=document.getElementsByTagName('script')[0];a.parentNode.insertBefore(o,a)};{TTQ}}(window,document,'ttq');</script>",
  // Intercom: its settings and its loader.
  '{OPEN}window.intercomSettings={OBJ};</script>',
  "{OPEN}(function(){var w=window;var ic=w.Intercom;if(typeof ic==='function'){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/'+{APPID};var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();</script>",
  // OneTrust's callback stub.
  '{OPEN}function OptanonWrapper(){}</script>',
];
SLOT.TTQINSTANCE = '(?:ttq\\.instance\\s*=\\s*function\\s*\\(t\\)\\s*\\{\\s*for\\s*\\(var\\s+e\\s*=\\s*ttq\\._i\\[t\\]\\s*\\|\\|\\s*\\[\\]\\s*,\\s*n\\s*=\\s*0\\s*;\\s*n\\s*<\\s*ttq\\.methods\\.length\\s*;\\s*n\\+\\+\\)\\s*ttq\\.setAndDefer\\(e\\s*,\\s*ttq\\.methods\\[n\\]\\)\\s*;\\s*return\\s+e\\s*\\}\\s*,\\s*)?';
SLOT.APPID = '(?:w\\.intercomSettings\\.app_id|["\'][a-z0-9]{1,20}["\'])';

const isWordChar = (c: string): boolean => /[\w$]/.test(c);
const escapeChar = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);

/** A skeleton as a sticky regular expression: free whitespace between tokens, either quote, slots by name. */
function compileSkeleton(skeleton: string): RegExp {
  let out = '';
  let prev = ''; // the last skeleton character emitted ('' at the start; 'w' after a slot)
  let space = false;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton[i];
    if (c === ' ') {
      space = true;
      continue;
    }
    let token: string;
    let first: string;
    let last: string;
    const slot = c === '{' ? /^\{([A-Z]+)\}/.exec(skeleton.slice(i)) : null;
    if (slot !== null && SLOT[slot[1]] !== undefined) {
      token = SLOT[slot[1]];
      first = last = '(';
      i += slot[0].length - 1;
    } else {
      token = c === "'" || c === '"' ? `["']` : escapeChar(c);
      first = last = c;
    }
    if (prev !== '') {
      if (isWordChar(prev) && isWordChar(first)) out += space ? '\\s+' : '';
      else out += '\\s*';
    }
    out += token;
    prev = last;
    space = false;
  }
  return new RegExp(out, 'y');
}

const COMPILED: readonly RegExp[] = SKELETONS.map(compileSkeleton);

/** Attributes a vendor's `<script src>` tag carries (no event handler, no other `src`). */
const SCRIPT_ATTRIBUTE = /\s+(?:(async|defer)|(src)\s*=\s*(["'])([^"'<>\s]{1,200})\3|(type|charset|id|crossorigin|referrerpolicy)\s*=\s*(["'])[\w/.-]{1,40}\6|(data-[a-z][\w-]{0,40})\s*=\s*(?:(["'])([\w.:/-]{0,100})\8|'\{[\w\s":,.-]{0,200}\}'))/y;
const SCRIPT_TAG_END = /\s*>\s*<\/script\s*>/y;
/** The hosts of the vendors whose whole snippet is one `<script src>`. */
const VENDOR_SCRIPT = /^https:\/\/(?:plausible\.io\/js\/[\w.-]{1,60}\.js|cdn\.usefathom\.com\/script\.js|static\.cloudflareinsights\.com\/beacon\.min\.js|consent\.cookiebot\.com\/uc\.js|cdn\.cookielaw\.org\/(?:scripttemplates\/otSDKStub\.js|consent\/[\w-]{1,60}\/OtAutoBlock\.js)|www\.googletagmanager\.com\/gtag\/js\?id=[\w-]{1,40}|js\.hs-scripts\.com\/\d{1,12}\.js|cloud\.umami\.is\/script\.js)$/;

/**
 * A self-hosted Umami's tracker (its docs' tag, `<script defer src="https://stats.example.com/script.js"
 * data-website-id="…"></script>`): the loader is the instance's own `script.js` (or `umami.js`, the name its
 * TRACKER_SCRIPT_NAME setting offers) at an https address of a named host — a DNS name whose last label is letters,
 * an optional port, plain path segments before it, no user info, query or `..` — and the tag names the site by
 * `data-website-id`, a UUID, which Umami requires. Host and UUID vary, nothing else: any other `src` stays a
 * script of an unknown host, scored (adm32's rule); so does a handler or a second `src`, which the attribute
 * grammar refuses. A self-hosted tracker's address is already a slot of Matomo's skeleton (`{URL}`).
 */
const SELF_HOSTED_UMAMI = /^https:\/\/(?![\d.]+(?::|\/))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24}(?::\d{1,5})?(?:\/[a-z0-9_][\w.~-]{0,59}){0,3}\/(?:script|umami)\.js$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The end of a vendor's `<script src …></script>` at `at`, or -1. */
function vendorScriptTagEnd(text: string, at: number): number {
  if (!text.startsWith('<script', at)) return -1;
  let p = at + 7;
  let src: string | null = null;
  let websiteId: string | null = null;
  for (let n = 0; n < 12; n++) {
    SCRIPT_ATTRIBUTE.lastIndex = p;
    const m = SCRIPT_ATTRIBUTE.exec(text);
    if (m === null) break;
    if (m[2] !== undefined) {
      if (src !== null) return -1;
      src = m[4];
    }
    if (m[7] === 'data-website-id') websiteId = m[9] ?? null;
    p = SCRIPT_ATTRIBUTE.lastIndex;
  }
  if (src === null) return -1;
  if (!VENDOR_SCRIPT.test(src) && !(websiteId !== null && UUID.test(websiteId) && SELF_HOSTED_UMAMI.test(src))) return -1;
  SCRIPT_TAG_END.lastIndex = p;
  return SCRIPT_TAG_END.test(text) ? SCRIPT_TAG_END.lastIndex : -1;
}

/** A word every skeleton holds near its start: elements without one are not tried against the skeletons. */
const VENDOR_HINT = /gtm\.start|googletagmanager|dataLayer|GoogleAnalyticsObject|fbq|_paq|hjSettings|clarity|linkedin|lintrk|Tiktok|intercom|Optanon|facebook\.com|\bsrc\s*=/i;

/** The end of a snippet element starting at `at`, or -1. */
function snippetEnd(text: string, at: number): number {
  if (!VENDOR_HINT.test(text.slice(at, at + 400))) return -1;
  const end = vendorScriptTagEnd(text, at);
  if (end >= 0) return end;
  for (const re of COMPILED) {
    re.lastIndex = at;
    if (re.test(text)) return re.lastIndex;
  }
  return -1;
}

const ELEMENT_START = /<(?:no)?script\b/g;
/** A stylesheet link of a head setting (Magento's `head_includes`). */
const STYLESHEET_LINK = /<link\s+rel=["']stylesheet["'][^<>]{0,300}>/gi;
/** Markup or script that runs, left outside the recognised snippets. */
const RUNNING_MARKUP = /<\s*(?:script|iframe|frame|object|embed|svg|math|img|video|audio|form|base|link\s[^>]*\bimport)\b|javascript:|\bon[a-z]{3,}\s*=|document\s*\.|\beval\s*\(|\bFunction\s*\(|\bimport\s*\(/i;
/**
 * A script's words left as text beside the snippets (adm33b: `<GTM><Umami tag>navigator.sendBeacon(…)` scored 0.91
 * whole, its text alone under the block point): a browser API, a storage or cookie read, a call that decodes or
 * opens. Such a value is scored whole, as before, and that text apart too (textAroundSnippetStatements).
 */
const SCRIPT_WORDS = /\b(?:navigator|localStorage|sessionStorage|XMLHttpRequest|WebSocket|postMessage)\b|\b(?:fetch|atob|btoa|setTimeout|setInterval|alert|prompt|confirm)\s*\(|\b(?:window|top|self|parent)\s*(?:\.\s*|\[\s*["'])(?:location|name|open)\b|\blocation\s*\.\s*(?:href|hash|replace|assign)\b|\bnew\s+Image\b|\.\s*cookie\b/;
/** Markup, or a template's output, tag or code block, left around the snippets. */
const MARKUP_OR_TEMPLATE = /<[A-Za-z!/%]|\{[{%]|@[a-z]{2,}\(/;
/** A comment of words beside a snippet (`<!-- Google Tag Manager -->`); one holding markup stays. */
const PLAIN_COMMENT = /<!--[\w\s().,:/&+-]{0,120}-->/g;

/** A route of a site's administration: a segment naming admin (wp-admin, administrator, ghost/api/admin, Shopify's admin/api) or a back end. */
const ADMIN_ROUTE = /(?:^|\/)(?:admin(?:istrator|html)?|backend|[a-z]+[-_]admin|admin[-_][a-z]+)(?:\/|$|\.)/i;
/** A field named for the code a site puts in its pages: head/footer includes, custom HTML, tracking or analytics code, pixels. */
const SITE_CODE_FIELD = /head|footer|script|code|html|track|analytic|snippet|pixel|inject|insert/i;

/**
 * Where a vendor's tag loader is what the field is for: a site's code setting, saved on an admin route or in a
 * field named for page code. Anywhere else (a comment, a profile's bio, a search) the same loader is an
 * attacker's script: a GTM container, a self-hosted Matomo or Umami address, runs whatever its owner serves
 * (`<script async src="https://attacker/script.js" data-website-id="<uuid>">` in a blog comment scored 0 and
 * passed, session 33). Every request of the tag-snippets family, seeds 7 and 13, is one or the other.
 */
export function isSiteCodeSetting(rawPath: string, fieldName: string): boolean {
  return ADMIN_ROUTE.test(rawPath) || SITE_CODE_FIELD.test(fieldName);
}

/** The text outside the vendors' snippets it holds, or null when it holds none. */
export function textAroundTagSnippets(text: string): string | null {
  const around = textOutsideSnippetElements(text);
  if (around === null) return null;
  // Another script, a frame or a handler beside the snippets: the whole value is scored, the snippets with it, as
  // before. Scored alone, such a script may lack the evidence the whole gave (a gtag call list with an `eval` added).
  if (RUNNING_MARKUP.test(around) || SCRIPT_WORDS.test(around)) return null;
  // Beside a stylesheet link a snippet is taken out. Inside a page layout (a Shopify theme.liquid) the page's skeleton
  // goes too (page-layout.ts): scored whole, the skeleton measured higher than the page with its snippet. Anything
  // else around it — another element, a template output that is no plain variable — keeps the whole value scored.
  const outside = around.replace(STYLESHEET_LINK, '');
  if (!/<[A-Za-z!/]/.test(outside)) return around;
  const page = textOutsidePageLayout(outside);
  return page === null || MARKUP_OR_TEMPLATE.test(page) || RUNNING_MARKUP.test(page) ? null : page;
}

/** The text with every whole vendor element and the plain comments beside them taken out, or null when it holds none. */
function textOutsideSnippetElements(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes('script')) return null;
  const rest: string[] = [];
  let from = 0;
  let found = 0;
  ELEMENT_START.lastIndex = 0;
  for (let m = ELEMENT_START.exec(text); m !== null; m = ELEMENT_START.exec(text)) {
    if (m.index < from) continue;
    const end = snippetEnd(text, m.index);
    if (end < 0) continue;
    rest.push(text.slice(from, m.index));
    from = end;
    ELEMENT_START.lastIndex = end;
    found++;
  }
  if (found === 0) return null;
  rest.push(text.slice(from));
  return rest.join('\n').replace(PLAIN_COMMENT, '');
}

/**
 * A vendor's statements as they stand inside an inline script: gtag.js's `dataLayer` set-up, its `gtag` function and
 * calls, Meta's `fbq`, Universal Analytics' `ga`, TikTok's `ttq` and Matomo's `_paq` calls, each whole (its arguments
 * quoted words, numbers or option objects, as in the skeletons).
 */
const VENDOR_STATEMENT = new RegExp(
  [
    '(?:window\\.)?dataLayer\\s*=\\s*window\\.dataLayer\\s*\\|\\|\\s*\\[\\]\\s*;?',
    'function\\s+gtag\\s*\\(\\s*\\)\\s*\\{\\s*dataLayer\\.push\\(\\s*arguments\\s*\\)\\s*;?\\s*\\}',
    'var\\s+_paq\\s*=\\s*window\\._paq\\s*=\\s*window\\._paq\\s*\\|\\|\\s*\\[\\]\\s*;?',
    SLOT.GTAG.replace(/\{1,12\}$/, ''),
    SLOT.FBQ.replace(/\{1,12\}$/, ''),
    SLOT.GA.replace(/\{1,12\}$/, ''),
    SLOT.TTQ.replace(/\{1,12\}$/, ''),
    "_paq\\.push\\(\\s*\\[\\s*[\"'][A-Za-z]{1,40}[\"'](?:\\s*,\\s*(?:[\"'][\\w .:/@-]{0,100}[\"']|-?\\d{1,20}|true|false))*\\s*\\]\\s*\\)\\s*;?",
  ].join('|'),
  'g',
);
const INLINE_SCRIPT = /(<script\b[^>]{0,200}>)([\s\S]*?)(<\/script\s*>)/gi;
/** A `<script src>` tag with no content and no handler. */
const BARE_SCRIPT_SRC = /<script(?:\s+(?:async|defer|(?:src|type|id|charset|crossorigin|referrerpolicy|data-[\w-]{1,40})\s*=\s*(["'])[^"'<>]{0,200}\1))+\s*>\s*<\/script\s*>/gi;

/**
 * The value with its vendors' elements (as `textAroundTagSnippets` takes them) and, inside any other inline script,
 * its vendors' statements taken out; null when nothing was. Session 33 (adv33, datasets/shape-carriers.ts): a gtag
 * snippet with `new Image().src='https://…/c?'+document.cookie` added to its calls is no snippet, so it is scored whole,
 * and the model scored it 0.001 (the same statement alone 0.99): the snippet's statements outweigh the one added. The
 * model gate scores this remainder beside the whole value (shape-remainder.ts); nothing is left unscored.
 */
export function textAroundSnippetStatements(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes('<script') || !VENDOR_HINT.test(text)) return null;
  // Only a script that holds a vendor's statements and something else makes a remainder: a value of whole snippets
  // beside other markup (a self-hosted tracker's `<script src>`) is scored whole, as textAroundTagSnippets leaves it.
  let added = false;
  let out = textAroundTagSnippets(text);
  if (out === null) {
    // Whole snippets beside something that runs (a handler, a frame, an inline script; not a bare `<script src>` tag,
    // a self-hosted tracker's, which the whole value is scored with as before): what runs is scored apart too.
    const around = textOutsideSnippetElements(text);
    // Script words left as text beside them (SCRIPT_WORDS: the whole is scored, and they are scored apart too).
    added = around !== null && (RUNNING_MARKUP.test(around.replace(BARE_SCRIPT_SRC, '')) || SCRIPT_WORDS.test(around));
    out = added && around !== null ? around : text;
  }
  out = out.replace(INLINE_SCRIPT, (whole, open: string, body: string, close: string) => {
    const rest = body.replace(VENDOR_STATEMENT, '');
    if (rest === body) return whole;
    if (rest.trim() === '') return '';
    added = true;
    return `${open}${rest}${close}`;
  });
  if (!added) return null;
  // A vendor's loader `<script src>` left beside the rest (textAroundTagSnippets gave up on the whole) goes too.
  out = out.replace(/<script\b[^>]{0,300}>\s*<\/script\s*>/gi, (tag) => (vendorScriptTagEnd(tag, 0) === tag.length ? '' : tag));
  return out.trim() === '' ? null : out;
}
