/**
 * Text in pre-UTF-8 URL encodings, as older pages, ASP.NET 1.x–4.x helpers and long-lived analytics
 * tags still send it: JavaScript `escape()` (Latin-1 bytes as `%E9`, everything above U+00FF as
 * `%uXXXX`, emoji as surrogate pairs `%uD83D%uDE00`), .NET `HttpUtility.UrlEncodeUnicode` (`%u00e9`
 * for every non-ASCII character), and ISO-8859-1 / windows-1252 form posts (one `%XX` byte per
 * character, `€` as `%80`, curly quotes as `%92`/`%93`). None of these bytes decode as UTF-8; a WAF that
 * reads them as overlong UTF-8 or `%u` evasion blocks real users of such sites.
 */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { makePerson } from '../lib/people.js';
import { message, searchPhrase } from '../lib/phrases.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, withBody, type WireRequest } from '../lib/wire.js';
import type { Rng } from '../lib/rng.js';

/** Locales whose text fits Latin-1/windows-1252 (the single-byte encodings these sites used). */
const LATIN_LOCALES = ['fr', 'de', 'es', 'es_MX', 'it', 'pt_BR', 'nl', 'sv', 'en_GB', 'en_US'] as const;
/** Locales an `escape()`/`%u` page serves beyond Latin-1. */
const WIDE_LOCALES = ['ja', 'zh_CN', 'zh_TW', 'ko', 'ru', 'el', 'pl', 'cs_CZ', 'tr', 'vi', 'uk', 'ar', 'he', 'th'] as const;

/** windows-1252's printable characters in 0x80–0x9F (Latin-1 has control codes there). */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

const hex2 = (n: number, upper: boolean): string => {
  const h = n.toString(16).padStart(2, '0');
  return upper ? h.toUpperCase() : h;
};

/** JavaScript's `escape()`: ASCII letters, digits and `@*_+-./` stay, other bytes below 0x100 are `%XX`, the rest `%uXXXX`. */
export function jsEscape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (/[A-Za-z0-9@*_+\-./]/.test(text[i])) out += text[i];
    else if (c < 0x100) out += `%${hex2(c, true)}`;
    else out += `%u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** .NET's `HttpUtility.UrlEncodeUnicode`: spaces as `+`, ASCII as `UrlEncode` does, every other character `%uxxxx` (lower case). */
export function urlEncodeUnicode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (ch === ' ') out += '+';
    else if (/[A-Za-z0-9\-_.!*()]/.test(ch)) out += ch;
    else if (c < 0x80) out += `%${hex2(c, false)}`;
    else out += `%u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/**
 * A form value as a windows-1252 page posts it: unreserved ASCII stays, space is `+`, every other
 * character one `%XX` byte; characters the code page lacks become `&#NNNN;` (what browsers send), encoded.
 */
export function cp1252Form(text: string, upper: boolean): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 63;
    if (ch === ' ') out += '+';
    else if (/[A-Za-z0-9\-_.*]/.test(ch)) out += ch;
    else if (c < 0x80 || (c >= 0xa0 && c < 0x100)) out += `%${hex2(c, upper)}`;
    else if (CP1252[ch] !== undefined) out += `%${hex2(CP1252[ch], upper)}`;
    else out += `%26%23${c}%3B`;
  }
  return out;
}

/** Text that fits Latin-1 for a locale: a name, a city, a search, a message. */
function latinText(ctx: GenContext, rng: Rng, locale: string): string {
  const p = makePerson(rng, ctx.fakers, locale);
  const f = ctx.fakers.get(locale);
  return rng.pick([
    () => p.fullName,
    () => `${p.street}, ${p.zip} ${p.city}`,
    () => searchPhrase(rng, locale),
    () => message(rng, locale),
    () => f.commerce.productName(),
    () => `${f.commerce.productName()} – ${rng.int(5, 400)},${rng.int(10, 99)} €`,
    () => `“${f.commerce.productAdjective()}” ${f.commerce.product()}`,
  ])();
}

function wideText(ctx: GenContext, rng: Rng, locale: string): string {
  const p = makePerson(rng, ctx.fakers, locale);
  return rng.pick([() => p.fullName, () => p.city, () => searchPhrase(rng, locale), () => message(rng, locale), () => ctx.fakers.get(locale).commerce.productName()])();
}

const SEARCH_PATHS = ['/recherche.asp', '/suche.aspx', '/buscar.php', '/search.do', '/cgi-bin/search.pl', '/catalogo/busca.asp', '/zoeken.aspx', '/Search/Results.aspx'];
const FORM_PATHS = ['/contact.asp', '/kontakt.php', '/inscription.aspx', '/Default.aspx', '/guestbook.pl', '/commande/valider.asp', '/anmeldung.php'];

export const legacyEncoding: Family = {
  name: 'legacy-encoding',
  summary: 'Pre-UTF-8 URL encodings of real text: JavaScript escape() (%E9, %u4E2D, surrogate pairs), .NET UrlEncodeUnicode (%u00e9), windows-1252/ISO-8859-1 form posts and analytics tags (Latin-1 bytes, %80 for the euro, %92 quotes).',
  perScale: 1_500,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const wide = rng.chance(0.35);
    const locale = wide ? rng.pick(WIDE_LOCALES) : rng.pick(LATIN_LOCALES);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, en);
    const text = () => (wide ? wideText(ctx, rng, locale) : latinText(ctx, rng, locale));
    const cookie = rng.chance(0.6) ? cookieHeader(cookieJar(rng, { session: true, locale })) : undefined;
    switch (rng.int(0, 4)) {
      case 0: {
        // A search box wired with escape() (old AJAX suggest and site-search scripts).
        const path = rng.pick(SEARCH_PATHS);
        const query = `${rng.pick(['q', 'query', 'mots', 'suchbegriff', 'texto', 'kw'])}=${jsEscape(text())}${rng.chance(0.5) ? `&page=${rng.int(1, 9)}` : ''}${rng.chance(0.3) ? `&_=${rng.int(1700000000000, 1760000000000)}` : ''}`;
        return { method: 'GET', path, query, headers: browserHeaders(rng, b, host, rng.chance(0.5) ? 'xhr' : 'document', { referer: `https://${host}${path}`, cookie }) };
      }
      case 1: {
        // ASP.NET pages and web services that encode with UrlEncodeUnicode.
        const path = rng.pick(['/Services/Lookup.asmx/Suggest', '/Handlers/Search.ashx', '/Default.aspx', '/Products/List.aspx']);
        const query = `${rng.pick(['term', 'prefixText', 'name', 'city'])}=${urlEncodeUnicode(text())}&${rng.pick(['count=10', 'lang=' + locale.slice(0, 2), 'contextKey=' + rng.int(1, 99)])}`;
        return { method: 'GET', path, query, headers: browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/Default.aspx`, cookie }) };
      }
      case 2: {
        // A windows-1252 / ISO-8859-1 form post (page served in that charset; the browser encodes in it).
        const upper = rng.chance(0.8);
        const p = makePerson(rng, ctx.fakers, wide ? 'fr' : locale);
        const fields: Array<[string, string]> = [
          ['nom', p.lastName], ['prenom', p.firstName], ['adresse', p.street], ['ville', p.city], ['cp', p.zip],
          ['message', wide ? latinText(ctx, rng, 'fr') : message(rng, locale)],
        ];
        const body = rng.sample(fields, rng.int(3, fields.length)).map(([k, v]) => `${k}=${cp1252Form(v, upper)}`).join('&') + `&${rng.pick(['envoyer=Envoyer', 'submit=Absenden', 'enviar=Enviar', 'ok=OK'])}`;
        const charset = rng.pick(['ISO-8859-1', 'windows-1252', 'iso-8859-15']);
        return withBody(
          { method: 'POST', path: rng.pick(FORM_PATHS), query: '', headers: browserHeaders(rng, b, host, 'form', { referer: `https://${host}/`, origin: `https://${host}`, cookie }) },
          rng.chance(0.4) ? `application/x-www-form-urlencoded; charset=${charset}` : 'application/x-www-form-urlencoded',
          body,
        );
      }
      case 3: {
        // A legacy analytics tag: page title and path escape()d, Latin-1 charset declared.
        const title = `${en.company.name()} - ${text()}`;
        const pairs = [
          `utmwv=${rng.pick(['4.9.2', '5.7.2', '5.4.6'])}`, `utmn=${rng.int(100000000, 2147483647)}`, `utmhn=${host}`, `utmcs=${rng.pick(['ISO-8859-1', 'windows-1252', 'UTF-8'])}`,
          `utmsr=${rng.pick(['1920x1080', '1366x768', '1280x1024'])}`, `utmul=${locale.toLowerCase().replace('_', '-')}`, `utmdt=${jsEscape(title)}`,
          `utmp=${jsEscape(`/${rng.pick(['produits', 'katalog', 'productos', 'news'])}/${text().slice(0, 30)}`)}`, `utmac=UA-${rng.int(100000, 9999999)}-${rng.int(1, 9)}`,
        ];
        return { method: 'GET', path: rng.pick(['/__utm.gif', '/stats/pixel.gif', '/track.asp']), query: pairs.join('&'), headers: browserHeaders(rng, b, host, 'image', { referer: `https://${host}/`, site: 'same-origin' }) };
      }
      default: {
        // Chat or comment widgets that escape() the whole message, emoji included (surrogate pairs).
        const emoji = rng.pick(['\u{1F600}', '\u{1F44D}', '\u{2764}\u{FE0F}', '\u{1F64F}', '\u{1F389}']);
        const msg = `${text()}${rng.chance(0.5) ? ` ${emoji}` : ''}`;
        const body = `${rng.pick(['msg', 'comment', 'texte', 'nachricht'])}=${jsEscape(msg)}&${rng.pick(['room', 'thread', 'article'])}=${rng.int(1, 9999)}&nick=${jsEscape(makePerson(rng, ctx.fakers, locale).firstName)}`;
        return withBody(
          { method: 'POST', path: rng.pick(['/chat/send.asp', '/comments/post.php', '/ajax/guestbook.aspx']), query: '', headers: browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/`, origin: `https://${host}`, cookie }) },
          'application/x-www-form-urlencoded',
          body,
        );
      }
    }
  },
};
