/** multipart/form-data uploads: avatars, documents, CSV imports and attachments, with real filenames. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { message } from '../lib/phrases.js';
import { csrfToken } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { SNIPPETS } from '../lib/snippets.js';
import { cookieHeader, multipartBody, withBody, type MultipartPart } from '../lib/wire.js';

interface FileShape {
  filename: string;
  contentType: string;
  content: string;
}

function filename(ctx: GenContext, locale: string, ext: string): string {
  const { rng, en } = ctx;
  const f = ctx.fakers.get(locale);
  return rng.weighted<() => string>([
    [() => `${en.system.commonFileName(ext).replace(/\.[^.]+$/, '')}.${ext}`, 3],
    [() => `IMG_${rng.int(1000, 9999)}.${ext}`, 2],
    [() => `Screenshot ${en.date.recent({ days: 90 }).toISOString().slice(0, 10)} at ${rng.int(1, 12)}.${String(rng.int(0, 59)).padStart(2, '0')}.${String(rng.int(0, 59)).padStart(2, '0')}.${ext}`, 1],
    [() => `${f.commerce.productName()}.${ext}`, 1],
    [() => `${f.person.lastName()}_${rng.pick(['CV', 'Lebenslauf', 'resume', '履歴書', 'Rechnung', 'invoice', 'contrato'])}_${rng.int(2023, 2025)}.${ext}`, 2],
    [() => `${rng.pick(['Q1 report (final)', 'budget v2 - copy', "John's notes", 'scan 0001', 'Rechnung Nr. 2025-118', '見積書', 'отчёт за май', 'תעודה'])}.${ext}`, 1],
    [() => `${rng.uuid()}.${ext}`, 1],
  ] as const)();
}

function file(ctx: GenContext, locale: string): FileShape {
  const { rng, en } = ctx;
  const p = () => makePerson(rng, ctx.fakers, locale);
  return rng.weighted<() => FileShape>([
    [() => ({ filename: filename(ctx, locale, 'csv'), contentType: rng.pick(['text/csv', 'application/vnd.ms-excel']), content: ['name,email,phone,city', ...Array.from({ length: rng.int(2, 8) }, () => { const x = p(); return `"${x.fullName}",${x.email},"${x.phone}","${x.city}"`; })].join('\r\n') }), 3],
    [() => ({ filename: filename(ctx, locale, 'txt'), contentType: 'text/plain', content: `${message(rng, locale)}\n\n${rng.pick(ctx.text.paragraphs)}` }), 2],
    [() => ({ filename: filename(ctx, locale, 'md'), contentType: 'text/markdown', content: `# ${rng.pick(ctx.text.headings)}\n\n${rng.pick(ctx.text.paragraphs)}\n\n\`\`\`\n${rng.pick(ctx.text.code).code}\n\`\`\`` }), 1],
    [() => ({ filename: `${rng.pick(['config', 'settings', 'export', 'package', 'data'])}.json`, contentType: 'application/json', content: JSON.stringify({ name: en.word.noun(), version: `${rng.int(0, 5)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, items: [en.word.noun(), en.word.noun()], enabled: true }, null, 2) }), 1],
    [() => { const s = rng.pick(SNIPPETS); return { filename: `${rng.pick(['main', 'query', 'script', 'deploy', 'schema', 'app'])}.${({ sql: 'sql', python: 'py', go: 'go', bash: 'sh', rust: 'rs', java: 'java', php: 'php', yaml: 'yml', js: 'js', ts: 'ts', html: 'html', css: 'css' } as Record<string, string>)[s.lang] ?? 'txt'}`, contentType: rng.pick(['application/octet-stream', 'text/plain', 'text/x-script']), content: s.code }; }, 2],
    [() => ({ filename: filename(ctx, locale, 'svg'), contentType: 'image/svg+xml', content: `<svg xmlns="http://www.w3.org/2000/svg" width="${rng.int(16, 512)}" height="${rng.int(16, 512)}" viewBox="0 0 24 24"><path fill="${en.color.rgb()}" d="M12 2L2 7l10 5 10-5-10-5zm0 13l-10-5v6l10 5 10-5v-6l-10 5z"/></svg>` }), 1],
    [() => ({ filename: filename(ctx, locale, 'vcf'), contentType: 'text/vcard', content: (() => { const x = p(); return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${x.fullName}\r\nEMAIL:${x.email}\r\nTEL:${x.phone}\r\nADR:;;${x.street};${x.city};;${x.zip};${x.country}\r\nEND:VCARD`; })() }), 1],
    [() => ({ filename: filename(ctx, locale, 'ics'), contentType: 'text/calendar', content: `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:${rng.uuid()}\r\nDTSTART:20250612T090000Z\r\nSUMMARY:${rng.pick(ctx.text.headings)}\r\nLOCATION:${ctx.fakers.get(locale).location.city()}\r\nEND:VEVENT\r\nEND:VCALENDAR` }), 0.5],
    // Binary uploads are represented by a short base64 stand-in to keep records valid UTF-8 text.
    [() => ({ filename: filename(ctx, locale, rng.pick(['jpg', 'png', 'pdf', 'heic', 'docx', 'xlsx', 'zip'])), contentType: 'application/octet-stream', content: rng.base64(rng.int(48, 300)) }), 3],
  ] as const)();
}

export const multipartUpload: Family = {
  name: 'multipart-upload',
  summary: 'multipart/form-data uploads with unicode and space-laden filenames, CSV/vCard/iCal/SVG/code files, and the form fields around them (titles, descriptions, CSRF).',
  perScale: 5_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const host = webHost(rng, en);
    const headers = browserHeaders(rng, pickBrowser(rng, locale), host, rng.chance(0.6) ? 'xhr' : 'form', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie: cookieHeader(cookieJar(rng, { session: true, locale })) });
    const parts: MultipartPart[] = [];
    if (rng.chance(0.5)) parts.push({ name: rng.pick(['_token', 'authenticity_token', 'csrfmiddlewaretoken']), value: csrfToken(rng) });
    const kind = rng.weighted([['attachment', 3], ['avatar', 2], ['import', 2], ['application', 1], ['media', 2]] as const);
    let path: string;
    if (kind === 'avatar') {
      path = rng.pick(['/account/avatar', '/api/users/me/avatar', '/profile/photo']);
    } else if (kind === 'import') {
      path = rng.pick(['/admin/import', '/contacts/import', '/api/v1/imports']);
      parts.push({ name: 'delimiter', value: rng.pick([',', ';', '\t']) }, { name: 'has_header', value: 'true' });
    } else if (kind === 'application') {
      const person = makePerson(rng, ctx.fakers, locale);
      path = rng.pick(['/careers/apply', '/jobs/apply', '/bewerbung']);
      parts.push({ name: 'name', value: person.fullName }, { name: 'email', value: person.email }, { name: 'phone', value: person.phone }, { name: 'cover_letter', value: `${message(rng, locale)}\n${rng.pick(ctx.text.paragraphs)}` }, { name: 'linkedin', value: `https://www.linkedin.com/in/${person.username.toLowerCase()}` });
    } else if (kind === 'media') {
      path = rng.pick(['/wp-admin/async-upload.php', '/wp-json/wp/v2/media', '/api/media', '/upload']);
      parts.push({ name: 'title', value: rng.pick(ctx.text.headings) }, { name: 'alt_text', value: en.commerce.productName() });
    } else {
      path = rng.pick([`/api/tickets/${rng.int(1, 99999)}/attachments`, '/support/upload', `/projects/${rng.int(1, 9999)}/uploads`, '/api/files']);
      if (rng.chance(0.6)) parts.push({ name: 'description', value: message(rng, locale) });
    }
    const n = kind === 'attachment' || kind === 'media' ? rng.int(1, 3) : 1;
    for (let i = 0; i < n; i++) {
      const f = file(ctx, locale);
      parts.push({ name: n > 1 ? rng.pick(['files[]', 'attachments[]', `file${i}`]) : rng.pick(['file', 'upload', 'attachment', 'avatar', 'document', 'async-upload']), value: f.content, filename: f.filename, contentType: f.contentType });
    }
    const mp = multipartBody(rng, parts);
    return withBody({ method: 'POST', path, query: '', headers }, mp.contentType, mp.body);
  },
};
