/**
 * Non-Latin text as editors and old forms deliver it: numeric and named character references,
 * `&lt;br&gt;` and `<br>` line breaks, CRLF in textareas, bidi marks, zero-width joiners.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { message } from '../lib/phrases.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

const LOCALES = ['ja', 'zh_CN', 'ko', 'ru', 'ar', 'he', 'el', 'th', 'uk', 'fa', 'ka_GE', 'hy'];

function entityEncode(text: string, style: number): string {
  return [...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 128) return ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : ch;
    return style === 0 ? `&#${c};` : `&#x${c.toString(16).toUpperCase()};`;
  }).join('');
}

export const i18nEntities: Family = {
  name: 'i18n-entities',
  summary: 'Non-Latin text with character references (&#12354; &#x4E2D;), named entities (&nbsp; &rlm; &amp;), <br> and &lt;br&gt; line breaks, CRLF from textareas, bidi marks and zero-width joiners, in forms, JSON and query strings.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.pick(LOCALES);
    const b = pickBrowser(rng, locale);
    const lines = Array.from({ length: rng.int(1, 4) }, () => message(rng, locale));
    const sep = rng.pick(['\r\n', '\n', '<br>', '<br />', '&lt;br&gt;', '&#13;&#10;', '\u2028', ' &nbsp;']);
    let text = lines.join(sep);
    const style = rng.int(0, 3);
    if (style < 2) text = entityEncode(text, style).replace(/&lt;br(?: \/)?&gt;/g, (m) => (rng.chance(0.5) ? m : '<br>'));
    else if (style === 2) text = text.replace(/ /g, () => rng.pick([' ', '&nbsp;', '\u00a0', '&#160;'])) + rng.pick(['&rlm;', '\u200f', '\u200d', '&zwj;', '']);
    const site = webHost(rng, en);
    const field = rng.pick(['message', 'comment', 'body', 'description', 'bio', 'review[text]']);
    const h = browserHeaders(rng, b, site, 'form', { origin: `https://${site}`, referer: `https://${site}/`, site: 'same-origin' });
    switch (rng.int(0, 2)) {
      case 0:
        return withBody({ method: 'POST', path: rng.pick(['/contact', '/comments', '/profile', '/reviews']), query: '', headers: h }, 'application/x-www-form-urlencoded', encodePairs([[field, text], ['name', ctx.fakers.get(locale).person.fullName()], ['lang', locale]], 'form'));
      case 1:
        return withBody({ method: 'POST', path: rng.pick(['/api/messages', '/api/posts', '/wp-json/wp/v2/comments']), query: '', headers: browserHeaders(rng, b, site, 'xhr', { origin: `https://${site}`, site: 'same-origin' }) }, 'application/json', JSON.stringify({ [field]: text, html: `<p>${text.split(sep).join('</p><p>')}</p>`, locale }));
      default:
        return { method: 'GET', path: '/search', query: encodePairs([['q', lines[0].slice(0, 40)], ['hl', locale], ['snippet', entityEncode(lines[0].slice(0, 20), rng.int(0, 1))]], rng.pick(['form', 'component'])), headers: browserHeaders(rng, b, site, 'document', { referer: `https://${site}/`, site: 'same-origin' }) };
    }
  },
};
