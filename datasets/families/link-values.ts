/** URLs, file paths and email addresses as parameter values: redirects, oEmbed, link previews, file managers, invites. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { jwt } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, pickQueryStyle, slugify, withBody } from '../lib/wire.js';

function url(ctx: GenContext, host: string): string {
  const { rng, en } = ctx;
  return rng.weighted<() => string>([
    [() => `https://${host}/${slugify(en.commerce.productName())}`, 3],
    [() => `https://${webHost(rng, en)}/${rng.pick(['blog', 'news', 'docs'])}/${slugify(rng.pick(ctx.text.headings))}`, 3],
    [() => `https://www.youtube.com/watch?v=${rng.alnum(11)}${rng.chance(0.3) ? `&t=${rng.int(1, 900)}s` : ''}`, 2],
    [() => `https://github.com/${en.internet.username().toLowerCase()}/${slugify(en.word.noun())}/blob/main/${rng.pick(['README.md', 'src/index.ts', 'docs/setup.md'])}${rng.chance(0.3) ? `#L${rng.int(1, 300)}` : ''}`, 2],
    [() => `https://${host}/search?q=${encodeURIComponent(en.commerce.product())}&page=${rng.int(1, 9)}`, 1],
    [() => `https://maps.google.com/?q=${en.location.latitude()},${en.location.longitude()}`, 1],
    [() => `https://docs.google.com/document/d/${rng.base64(33, true)}/edit`, 1],
    [() => `https://open.spotify.com/track/${rng.alnum(22)}?si=${rng.hex(16)}`, 1],
    [() => `https://twitter.com/${en.internet.username()}/status/${rng.digits(19)}`, 1],
    [() => `http://localhost:${rng.pick([3000, 5173, 8080, 4200])}/${rng.pick(['', 'callback', 'auth/redirect'])}`, 0.5],
    [() => `https://${en.internet.domainName()}/${en.system.directoryPath().replace(/^\//, '')}/${en.system.commonFileName('pdf')}`, 1],
  ] as const)();
}

function filePath(ctx: GenContext, locale: string): string {
  const { rng, en } = ctx;
  const f = ctx.fakers.get(locale);
  return rng.weighted<() => string>([
    [() => `${en.system.directoryPath()}/${en.system.commonFileName(rng.pick(['pdf', 'txt', 'png', 'json', 'log', 'conf']))}`, 3],
    [() => `/Documents/${f.commerce.department()}/${f.commerce.productName()}.${rng.pick(['docx', 'xlsx', 'pdf'])}`, 2],
    [() => `C:\\Users\\${f.person.firstName()}\\${rng.pick(['Desktop', 'Documents', 'Downloads', 'OneDrive - ' + en.company.name()])}\\${en.system.commonFileName(rng.pick(['pdf', 'xlsx', 'pptx']))}`, 2],
    [() => `src/${rng.pick(['components', 'pages', 'lib', 'utils', 'api'])}/${slugify(en.word.noun())}/${rng.pick(['index.ts', 'styles.css', 'README.md', `${slugify(en.word.noun())}.test.tsx`])}`, 2],
    [() => `~/Projects/${slugify(en.word.noun())}/${rng.pick(['.env.example', 'docker-compose.yml', 'Makefile', 'package.json'])}`, 1],
    [() => `/Shared/${f.person.lastName()}/${2020 + rng.int(0, 5)}/${f.commerce.productName()}.${rng.pick(['jpg', 'heic', 'mov'])}`, 1],
    [() => `${rng.pick(['s3://', 'gs://'])}${slugify(en.company.name())}-data/${rng.pick(['raw', 'exports', 'logs'])}/${en.date.recent({ days: 60 }).toISOString().slice(0, 10)}/${rng.uuid()}.parquet`, 1],
  ] as const)();
}

export const linkValues: Family = {
  name: 'link-values',
  summary: 'URLs, file paths (POSIX, Windows, cloud, repo-relative) and email addresses as values: return-to redirects, link previews and oEmbed, bookmarks, file-manager paths, invites and sharing.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const host = webHost(rng, en);
    const xhr = rng.chance(0.5);
    const headers = browserHeaders(rng, pickBrowser(rng, locale), host, xhr ? 'xhr' : 'document', { referer: `https://${host}/`, site: 'same-origin', cookie: cookieHeader(cookieJar(rng, { session: rng.chance(0.7), locale })) });
    const style = pickQueryStyle(rng);
    const kind = rng.weighted([['redirect', 3], ['preview', 2], ['files', 3], ['email', 2], ['bookmark', 1], ['share', 1], ['webhook-config', 1]] as const);
    if (kind === 'redirect') {
      const target = rng.chance(0.6) ? rng.pick(['/account', '/dashboard?tab=billing', `/checkout?step=${rng.int(1, 3)}`, `/orders/${rng.int(1000, 99999)}`, '/app/#/settings/profile', '/']) : url(ctx, host);
      return { method: 'GET', path: rng.pick(['/login', '/auth/login', '/signin', '/logout', '/sso/start', '/redirect', '/out']), query: encodePairs([[rng.pick(['next', 'returnUrl', 'return_to', 'redirect_uri', 'continue', 'ReturnUrl', 'redirect', 'dest', 'url']), target], ...(rng.chance(0.3) ? [['lang', rng.pick(['en', 'de'])] as [string, string]] : [])], style), headers };
    }
    if (kind === 'preview') {
      return { method: 'GET', path: rng.pick(['/oembed', '/api/unfurl', '/api/link-preview', '/embed', '/proxy/image']), query: encodePairs([['url', url(ctx, host)], ...(rng.chance(0.5) ? [['format', 'json'] as [string, string], ['maxwidth', String(rng.pick([480, 640, 800]))] as [string, string]] : [])], style), headers };
    }
    if (kind === 'files') {
      const path = filePath(ctx, locale);
      if (rng.chance(0.5)) return { method: 'GET', path: rng.pick(['/files', '/api/files/list', '/drive/browse', '/api/v2/fs/stat', '/download']), query: encodePairs([[rng.pick(['path', 'dir', 'file', 'p', 'name']), path], ...(rng.chance(0.3) ? [['recursive', 'false'] as [string, string]] : [])], style), headers };
      return withBody({ method: 'POST', path: rng.pick(['/api/files/move', '/api/files/rename', '/api/fs/copy']), query: '', headers: { ...headers, Authorization: `Bearer ${jwt(rng)}` } }, 'application/json', JSON.stringify({ from: path, to: filePath(ctx, locale), overwrite: rng.chance(0.2) }));
    }
    if (kind === 'email') {
      const people = Array.from({ length: rng.int(1, 4) }, () => makePerson(rng, ctx.fakers, rng.weighted(LOCALE_MIX)));
      const fmt = (p: (typeof people)[number]) => rng.pick([p.email, `${p.fullName} <${p.email}>`, `"${p.lastName}, ${p.firstName}" <${p.email}>`, p.email.replace('@', `+${rng.pick(['news', 'shop', 'work'])}@`)]);
      if (rng.chance(0.5)) return { method: 'GET', path: rng.pick(['/api/users/lookup', '/api/check-email', '/unsubscribe', '/account/exists']), query: encodePairs([['email', people[0].email]], style), headers };
      return withBody({ method: 'POST', path: rng.pick(['/api/invitations', '/team/invite', '/api/share']), query: '', headers }, 'application/json', JSON.stringify({ emails: people.map(fmt), role: rng.pick(['member', 'viewer', 'admin']), message: rng.chance(0.4) ? `Join us on ${en.company.name()}!` : null }));
    }
    if (kind === 'bookmark') return withBody({ method: 'POST', path: '/api/bookmarks', query: '', headers }, 'application/json', JSON.stringify({ url: url(ctx, host), title: rng.pick(ctx.text.headings), tags: en.word.words(2).split(' '), folder: filePath(ctx, locale).split(/[\\/]/).slice(0, 3).join('/') }));
    if (kind === 'share') return { method: 'GET', path: rng.pick(['/share', '/intent/tweet', '/sharer/sharer.php', '/shareArticle']), query: encodePairs([['url', url(ctx, host)], ['text', rng.pick(ctx.text.headings)]], style), headers };
    return withBody({ method: 'POST', path: '/api/integrations/webhooks', query: '', headers }, 'application/json', JSON.stringify({ url: rng.pick([`https://hooks.slack.com/services/T${rng.alnum(8).toUpperCase()}/B${rng.alnum(8).toUpperCase()}/${rng.alnum(24)}`, `https://${en.internet.domainName()}/webhooks/incoming`, `https://discord.com/api/webhooks/${rng.digits(18)}/${rng.base64(50, true)}`]), events: rng.sample(['order.created', 'order.paid', 'customer.updated', 'refund.created'], rng.int(1, 3)), secret: rng.hex(32) }));
  },
};
