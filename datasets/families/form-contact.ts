/** Contact, support, feedback and newsletter forms: free text in many languages, with emoji and punctuation. */
import type { Family } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { EMOJI, message } from '../lib/phrases.js';
import { csrfToken } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, withBody } from '../lib/wire.js';

export const formContact: Family = {
  name: 'form-contact',
  summary: 'Contact, support-ticket, feedback, newsletter and booking-enquiry forms in many locales: names, emails, phones, subjects and multi-line messages with emoji, quotes and punctuation.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const p = makePerson(rng, ctx.fakers, locale);
    const host = webHost(rng, en);
    const json = rng.chance(0.25);
    const headers = browserHeaders(rng, pickBrowser(rng, locale), host, json ? 'xhr' : 'form', { referer: `https://${host}/contact`, origin: `https://${host}`, site: 'same-origin', cookie: rng.chance(0.8) ? cookieHeader(cookieJar(rng, { locale })) : undefined });
    const kind = rng.weighted([['contact', 4], ['ticket', 2], ['newsletter', 2], ['feedback', 1], ['enquiry', 1]] as const);
    const pairs: [string, string][] = [];
    const text = () => {
      let t = message(rng, locale);
      if (rng.chance(0.4)) t += `\n\n${message(rng, locale)}`;
      if (rng.chance(0.2)) t += `\n\n${rng.pick(ctx.text.sentences)}`;
      if (rng.chance(0.15)) t += ` ${rng.pick(EMOJI)}`;
      if (rng.chance(0.3)) t += `\n\n${rng.pick(['Best regards', 'Thanks', 'Mit freundlichen Grüßen', 'Cordialement', 'よろしくお願いします', 'С уважением', 'Saludos', '谢谢'])},\n${p.fullName}`;
      if (rng.chance(0.1)) t += `\nOrder #${rng.int(10000, 999999)} · ${p.phone}`;
      return rng.chance(0.5) ? t.replace(/\n/g, '\r\n') : t;
    };
    if (kind === 'newsletter') {
      pairs.push(['email', p.email]);
      if (rng.chance(0.4)) pairs.push(['first_name', p.firstName]);
      if (rng.chance(0.3)) pairs.push(['interests[]', rng.pick(['news', 'offers', 'events'])], ['interests[]', rng.pick(['product-updates', 'blog'])]);
      if (rng.chance(0.4)) pairs.push(['consent', 'yes'], ['source', rng.pick(['footer', 'popup', 'checkout', 'blog-sidebar'])]);
      if (rng.chance(0.3)) pairs.push(['u', rng.hex(25)], ['id', rng.hex(10)]);
    } else {
      pairs.push([rng.pick(['name', 'your-name', 'fullname', 'contact[name]']), p.fullName], [rng.pick(['email', 'your-email', 'contact[email]']), p.email]);
      if (rng.chance(0.5)) pairs.push([rng.pick(['phone', 'tel', 'your-phone']), p.phone]);
      if (rng.chance(0.3)) pairs.push(['company', p.company]);
      if (kind !== 'feedback') pairs.push([rng.pick(['subject', 'your-subject', 'topic']), rng.pick([message(rng, locale).slice(0, 50), rng.pick(['Order question', 'Partnership', 'Press', 'Rückfrage zur Bestellung', 'Question sur la livraison', 'お問い合わせ', 'Вопрос по заказу', 'Billing', 'Bug report'])])]);
      pairs.push([rng.pick(['message', 'your-message', 'body', 'comments', 'contact[body]', 'description']), text()]);
      if (kind === 'ticket') pairs.push(['priority', rng.pick(['low', 'normal', 'high'])], ['category', rng.pick(['billing', 'technical', 'account', 'shipping'])], ['order_number', String(rng.int(10000, 999999))]);
      if (kind === 'feedback') pairs.push(['rating', String(rng.int(1, 5))], ['page', `/${rng.pick(['pricing', 'docs/getting-started', 'checkout', ''])}`]);
      if (kind === 'enquiry') pairs.push(['arrival', en.date.soon({ days: 120 }).toISOString().slice(0, 10)], ['departure', en.date.soon({ days: 140 }).toISOString().slice(0, 10)], ['adults', String(rng.int(1, 4))], ['children', String(rng.int(0, 3))]);
      if (rng.chance(0.4)) pairs.push(['_wpcf7', String(rng.int(10, 9999))], ['_wpcf7_version', '5.9.3'], ['_wpcf7_locale', p.locale], ['_wpcf7_unit_tag', `wpcf7-f${rng.int(10, 999)}-p${rng.int(10, 999)}-o1`]);
      if (rng.chance(0.3)) pairs.push(['h-captcha-response', `P1_${rng.base64(400, true)}`]);
      if (rng.chance(0.2)) pairs.push([rng.pick(['website', 'url', 'hp_field']), '']);
      if (rng.chance(0.4)) pairs.push(['gdpr', rng.pick(['1', 'on', 'accepted'])]);
    }
    const path = kind === 'newsletter' ? rng.pick(['/newsletter/subscribe', '/subscribe/post', '/api/newsletter', '/?na=s']) : rng.pick(['/contact', '/kontakt', '/contact-us', '/support/tickets/new', '/wp-json/contact-form-7/v1/contact-forms/42/feedback', '/feedback', '/api/contact', '/enquiry']);
    const [p2, q] = path.includes('?') ? path.split('?') : [path, ''];
    if (json) return withBody({ method: 'POST', path: p2, query: q, headers }, 'application/json', JSON.stringify(Object.fromEntries(pairs)));
    if (rng.chance(0.6)) pairs.unshift([rng.pick(['_token', 'csrf_token', 'csrfmiddlewaretoken']), csrfToken(rng)]);
    return withBody({ method: 'POST', path: p2, query: q, headers }, 'application/x-www-form-urlencoded', encodePairs(pairs, rng.chance(0.9) ? 'form' : 'component'));
  },
};
