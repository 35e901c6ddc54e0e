/** Non-Latin scripts and emoji everywhere: chat, profiles, reviews, translation files, UTF-8 paths. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickAppUa, pickBrowser } from '../lib/clients.js';
import { LANG_TAG, makePerson } from '../lib/people.js';
import { EMOJI, MESSAGES, message, searchPhrase } from '../lib/phrases.js';
import { jwt } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, encodeSegment, pickQueryStyle, withBody } from '../lib/wire.js';

/** Mostly non-Latin-script locales. */
const SCRIPTS: readonly (readonly [string, number])[] = [
  ['ja', 5], ['zh_CN', 5], ['zh_TW', 2], ['ko', 3], ['ru', 4], ['uk', 2], ['ar', 3], ['he', 2], ['el', 2], ['th', 2], ['fa', 1], ['ne', 1], ['ka_GE', 1], ['hy', 1], ['vi', 2], ['tr', 1], ['pl', 1], ['de', 1], ['fr', 1],
];

function withEmoji(ctx: GenContext, text: string): string {
  const { rng } = ctx;
  if (rng.chance(0.4)) return `${text} ${rng.pick(EMOJI)}${rng.chance(0.3) ? rng.pick(EMOJI) : ''}`;
  if (rng.chance(0.1)) return `${rng.pick(EMOJI)} ${text}`;
  return text;
}

function hindiOr(ctx: GenContext, locale: string): string {
  // Faker has no Hindi locale; the phrase bank does.
  return ctx.rng.chance(0.1) ? message(ctx.rng, 'hi') : message(ctx.rng, locale);
}

export const i18nText: Family = {
  name: 'i18n-text',
  summary: 'Non-Latin scripts (CJK, Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari, Georgian, Armenian) and emoji in chat messages, profiles, reviews, translation bundles, and percent-encoded UTF-8 paths and queries.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(SCRIPTS);
    const f = ctx.fakers.get(locale);
    const host = webHost(rng, en);
    const app = rng.chance(0.25);
    const headers = app
      ? { Host: host, 'User-Agent': pickAppUa(rng), Accept: 'application/json', 'Accept-Language': LANG_TAG[locale] ?? 'en', Authorization: `Bearer ${jwt(rng)}` }
      : browserHeaders(rng, pickBrowser(rng, locale), host, 'xhr', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie: cookieHeader(cookieJar(rng, { session: true, locale })) });
    const kind = rng.weighted([['chat', 4], ['profile', 2], ['review', 2], ['path', 2], ['search', 2], ['translations', 1], ['post-form', 2]] as const);
    if (kind === 'chat') {
      const body = { conversation_id: rng.uuid(), text: withEmoji(ctx, hindiOr(ctx, locale)), client_msg_id: rng.uuid(), ...(rng.chance(0.2) ? { reply_to: rng.int(1, 999999) } : {}), ...(rng.chance(0.2) ? { reactions: [rng.pick(EMOJI)] } : {}) };
      return withBody({ method: 'POST', path: rng.pick(['/api/messages', '/api/v1/chat/send', `/api/conversations/${rng.int(1, 99999)}/messages`]), query: '', headers }, 'application/json', JSON.stringify(body));
    }
    if (kind === 'profile') {
      const p = makePerson(rng, ctx.fakers, locale);
      const body = { display_name: rng.chance(0.8) ? p.fullName : withEmoji(ctx, p.firstName), bio: withEmoji(ctx, `${f.person.jobTitle()} @ ${f.company.name()} · ${f.location.city()}`), location: `${f.location.city()}, ${f.location.country()}`, pronouns: rng.chance(0.2) ? rng.pick(['she/her', 'he/him', 'they/them']) : null, language: LANG_TAG[locale] ?? 'en', timezone: en.location.timeZone() };
      return withBody({ method: rng.pick(['PATCH', 'PUT']), path: rng.pick(['/api/me', '/api/users/me/profile', '/settings/profile']), query: '', headers }, 'application/json', JSON.stringify(body));
    }
    if (kind === 'review') {
      const pairs: [string, string][] = [['rating', String(rng.int(1, 5))], ['title', f.commerce.productName()], ['body', withEmoji(ctx, `${message(rng, locale)}${rng.chance(0.4) ? ` ${message(rng, locale)}` : ''}`)], ['nickname', f.person.firstName()]];
      return withBody({ method: 'POST', path: `/products/${rng.int(100, 99999)}/reviews`, query: '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs));
    }
    if (kind === 'path') {
      const segment = rng.weighted<() => string>([[() => f.location.city(), 3], [() => f.commerce.productName(), 3], [() => f.person.fullName(), 1], [() => searchPhrase(rng, locale), 2], [() => f.commerce.department(), 1]] as const)();
      const path = `${rng.pick(['/wiki/', '/tag/', '/c/', '/search/', '/品牌/', '/product/', '/city/', '/ru/каталог/'].map((s) => s.split('/').map(encodeSegment).join('/')))}${encodeSegment(segment.replace(/ /g, rng.pick(['_', '-', ' '])))}`;
      return { method: 'GET', path, query: rng.chance(0.3) ? encodePairs([['ref', rng.pick(['nav', 'search', 'related'])]]) : '', headers: browserHeaders(rng, pickBrowser(rng, locale), host, 'document', { cookie: rng.chance(0.5) ? cookieHeader(cookieJar(rng, { locale })) : undefined, referer: rng.chance(0.5) ? `https://${host}/` : undefined }) };
    }
    if (kind === 'search') {
      return { method: 'GET', path: rng.pick(['/search', '/s', '/api/suggest']), query: encodePairs([[rng.pick(['q', 'keyword', 'wd', 'query']), rng.chance(0.6) ? searchPhrase(rng, locale) : f.commerce.productName()], ...(rng.chance(0.4) ? [['city', f.location.city()] as [string, string]] : [])], pickQueryStyle(rng)), headers };
    }
    if (kind === 'translations') {
      const keys = ['checkout.title', 'cart.empty', 'errors.required', 'nav.home', 'footer.contact', 'auth.welcome', 'orders.shipped'];
      const bundle: Record<string, string> = {};
      for (const k of rng.sample(keys, rng.int(2, 5))) bundle[k] = rng.chance(0.5) ? message(rng, locale) : rng.chance(0.5) ? `${f.commerce.department()} {{count}}` : `${f.person.firstName()}, %s`;
      return withBody({ method: 'PUT', path: `/api/i18n/${(LANG_TAG[locale] ?? 'en').toLowerCase()}/messages`, query: '', headers }, 'application/json', JSON.stringify(bundle));
    }
    const others = Object.keys(MESSAGES).filter((l) => l !== locale);
    const pairs: [string, string][] = [['subject', withEmoji(ctx, message(rng, locale).slice(0, 30))], ['content', `${message(rng, locale)}\n\n${message(rng, rng.pick(others))}`], ['author', f.person.fullName()], ['city', f.location.city()]];
    return withBody({ method: 'POST', path: rng.pick(['/forum/post', '/board/write', '/bbs/new', '/guestbook']), query: '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs, rng.chance(0.85) ? 'form' : 'component'));
  },
};
