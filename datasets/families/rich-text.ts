/**
 * Rich text as editors and trackers submit it: markdown with fenced code (SQL, shell, paths and
 * stack traces as documentation), editor HTML with escaped code blocks, and editor JSON documents.
 */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { EMOJI, message } from '../lib/phrases.js';
import { csrfToken } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { SNIPPETS } from '../lib/snippets.js';
import { cookieHeader, encodePairs, slugify, withBody } from '../lib/wire.js';

function codeBlock(ctx: GenContext): { lang: string; code: string } {
  const { rng } = ctx;
  return rng.chance(0.5) ? rng.pick(SNIPPETS) : rng.pick(ctx.text.code);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function markdown(ctx: GenContext, locale: string): string {
  const { rng, en } = ctx;
  const parts: string[] = [];
  const n = rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    parts.push(rng.weighted<() => string>([
      [() => rng.pick(ctx.text.paragraphs), 5],
      [() => message(rng, locale), 2],
      [() => `## ${rng.pick(ctx.text.headings)}`, 1],
      [() => { const c = codeBlock(ctx); return `\`\`\`${c.lang}\n${c.code}\n\`\`\``; }, 3],
      [() => Array.from({ length: rng.int(2, 4) }, () => `- ${rng.chance(0.3) ? `[${rng.pick([' ', 'x'])}] ` : ''}${rng.pick(ctx.text.sentences)}`).join('\n'), 2],
      [() => `Steps to reproduce:\n1. Open \`${rng.pick(['/settings/profile', '~/.config/app/settings.json', 'C:\\Program Files\\App\\app.exe', './src/index.ts', '/etc/nginx/nginx.conf'])}\`\n2. Run \`${rng.pick(SNIPPETS.filter((s) => s.lang === 'bash')).code.split('\n')[0]}\`\n3. See the error`, 1],
      [() => `> ${rng.pick(ctx.text.sentences)}`, 1],
      [() => `See [${rng.pick(ctx.text.headings)}](https://${en.internet.domainName()}/docs/${slugify(rng.pick(ctx.text.headings))}) and ![screenshot](https://user-images.example-cdn.com/${rng.int(10000, 99999)}/${rng.uuid()}.png)`, 1],
      [() => `| Option | Default |\n| --- | --- |\n| \`${en.hacker.noun().replace(/ /g, '_')}\` | \`${rng.pick(['true', 'null', '0', '"auto"', '[]'])}\` |\n| \`${en.hacker.noun().replace(/ /g, '_')}\` | \`${rng.int(1, 1000)}\` |`, 1],
      [() => `Thanks ${rng.pick(EMOJI)} @${en.internet.username()}`, 0.5],
    ] as const)());
  }
  return parts.join('\n\n');
}

function editorHtml(ctx: GenContext, locale: string): string {
  const { rng, en } = ctx;
  const out: string[] = [];
  const n = rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    out.push(rng.weighted<() => string>([
      [() => `<p>${escapeHtml(rng.pick(ctx.text.paragraphs))}</p>`, 5],
      [() => `<p>${escapeHtml(message(rng, locale))}</p>`, 2],
      [() => `<h2>${escapeHtml(rng.pick(ctx.text.headings))}</h2>`, 1],
      [() => `<p>${escapeHtml(rng.pick(ctx.text.sentences))} <strong>${escapeHtml(en.word.words(2))}</strong> <em>${escapeHtml(en.word.words(2))}</em></p>`, 2],
      [() => { const c = codeBlock(ctx); return `<pre><code class="language-${c.lang || 'plaintext'}">${escapeHtml(c.code)}</code></pre>`; }, 2],
      [() => `<ul>${Array.from({ length: rng.int(2, 4) }, () => `<li>${escapeHtml(rng.pick(ctx.text.sentences))}</li>`).join('')}</ul>`, 2],
      [() => `<p><a href="https://${en.internet.domainName()}/${slugify(rng.pick(ctx.text.headings))}" target="_blank" rel="noopener noreferrer">${escapeHtml(rng.pick(ctx.text.headings))}</a></p>`, 1],
      [() => `<figure class="image"><img src="/uploads/${rng.int(2020, 2025)}/${rng.hex(10)}.jpg" alt="${escapeHtml(en.commerce.productName())}" width="${rng.pick([640, 800, 1200])}"><figcaption>${escapeHtml(en.commerce.productName())}</figcaption></figure>`, 1],
      [() => `<blockquote><p>${escapeHtml(rng.pick(ctx.text.sentences))}</p></blockquote>`, 1],
      [() => `<table><tbody><tr><td>${escapeHtml(en.commerce.product())}</td><td>${rng.int(1, 99)}</td></tr><tr><td>${escapeHtml(en.commerce.product())}</td><td>${rng.int(1, 99)}</td></tr></tbody></table>`, 0.5],
      [() => `<p>${escapeHtml(rng.pick(ctx.text.sentences))}<br></p><p><br></p>`, 0.5],
      [() => `<div style="text-align: center;"><span style="color: rgb(${rng.int(0, 255)}, ${rng.int(0, 255)}, ${rng.int(0, 255)});">${escapeHtml(en.company.catchPhrase())}</span></div>`, 0.5],
    ] as const)());
  }
  return out.join(rng.pick(['', '\n']));
}

function editorJson(ctx: GenContext): unknown {
  const { rng } = ctx;
  if (rng.chance(0.5)) {
    // ProseMirror / TipTap document
    const c = codeBlock(ctx);
    return { type: 'doc', content: [
      { type: 'paragraph', content: [{ type: 'text', text: rng.pick(ctx.text.sentences) }, { type: 'text', marks: [{ type: 'bold' }], text: ` ${ctx.en.word.words(2)}` }] },
      { type: 'codeBlock', attrs: { language: c.lang || null }, content: [{ type: 'text', text: c.code }] },
    ] };
  }
  // Quill Delta
  return { ops: [{ insert: `${rng.pick(ctx.text.headings)}\n` }, { attributes: { header: 2 }, insert: '\n' }, { insert: rng.pick(ctx.text.paragraphs) }, { attributes: { bold: true }, insert: ctx.en.word.words(3) }, { insert: '\n' }] };
}

export const richText: Family = {
  name: 'rich-text',
  summary: 'Markdown issues and comments with fenced SQL/shell/code, editor HTML with escaped code blocks, ProseMirror/Quill JSON documents, wiki and forum edit forms.',
  perScale: 7_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const host = webHost(rng, en);
    const headers = browserHeaders(rng, b, host, rng.chance(0.6) ? 'xhr' : 'form', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie: cookieHeader(cookieJar(rng, { session: true, csrf: rng.chance(0.5), locale })) });
    const title = rng.chance(0.7) ? rng.pick(ctx.text.headings) : message(rng, locale).slice(0, 80);
    const kind = rng.weighted([['issue-json', 3], ['comment-form', 3], ['cms-json', 3], ['wiki-form', 1], ['editor-json', 1], ['forum-form', 2], ['review-json', 1]] as const);
    if (kind === 'issue-json') {
      const body = { title, body: markdown(ctx, locale), labels: rng.sample(['bug', 'question', 'enhancement', 'docs', 'needs-triage'], rng.int(0, 2)), ...(rng.chance(0.3) ? { assignees: [en.internet.username()] } : {}) };
      return withBody({ method: 'POST', path: rng.pick([`/api/v4/projects/${rng.int(1, 90000)}/issues`, `/repos/${en.internet.username()}/${slugify(en.word.noun())}/issues`, '/api/issues', `/api/tickets/${rng.int(1, 99999)}/comments`]), query: '', headers }, 'application/json', JSON.stringify(body));
    }
    if (kind === 'cms-json') {
      const html = editorHtml(ctx, locale);
      const body = rng.chance(0.5)
        ? { title: { raw: title }, content: { raw: html }, status: rng.pick(['draft', 'publish', 'pending']), excerpt: rng.pick(ctx.text.sentences), categories: [rng.int(1, 40)] }
        : { post: { title, slug: slugify(title), body_html: html, tags: en.word.words(2).split(' '), published_at: rng.chance(0.5) ? en.date.soon({ days: 10 }).toISOString() : null } };
      return withBody({ method: rng.pick(['POST', 'PUT']), path: rng.pick([`/wp-json/wp/v2/posts/${rng.int(1, 9000)}`, '/wp-json/wp/v2/posts', `/admin/api/2024-04/blogs/${rng.int(1, 99)}/articles.json`, `/ghost/api/admin/posts/${rng.hex(24)}/`, '/api/cms/pages']), query: rng.chance(0.2) ? '_locale=user' : '', headers }, 'application/json', JSON.stringify(body));
    }
    if (kind === 'editor-json') {
      return withBody({ method: 'PUT', path: `/api/documents/${rng.uuid()}`, query: '', headers }, 'application/json', JSON.stringify({ title, content: editorJson(ctx), version: rng.int(1, 300) }));
    }
    if (kind === 'review-json') {
      return withBody({ method: 'POST', path: `/api/products/${rng.int(100, 99999)}/reviews`, query: '', headers }, 'application/json', JSON.stringify({ rating: rng.int(1, 5), title: message(rng, locale).slice(0, 40), text: `${message(rng, locale)}${rng.chance(0.3) ? ` ${rng.pick(EMOJI)}` : ''}`, author: ctx.fakers.get(locale).person.firstName(), recommend: rng.chance(0.8) }));
    }
    let pairs: [string, string][];
    let path: string;
    if (kind === 'comment-form') {
      path = rng.pick(['/wp-comments-post.php', `/blog/${slugify(title)}/comments`, `/articles/${rng.int(1, 9999)}/comments`, '/comment/reply']);
      pairs = path === '/wp-comments-post.php'
        ? [['comment', rng.chance(0.5) ? markdown(ctx, locale) : message(rng, locale)], ['author', ctx.fakers.get(locale).person.fullName()], ['email', en.internet.email()], ['url', rng.chance(0.3) ? `https://${en.internet.domainName()}/` : ''], ['submit', 'Post Comment'], ['comment_post_ID', String(rng.int(1, 9999))], ['comment_parent', String(rng.chance(0.7) ? 0 : rng.int(1, 9999))]]
        : [['authenticity_token', csrfToken(rng)], ['comment[body]', markdown(ctx, locale)]];
    } else if (kind === 'wiki-form') {
      path = '/index.php';
      const wikitext = `== ${rng.pick(ctx.text.headings)} ==\n${rng.pick(ctx.text.paragraphs)}\n\n<syntaxhighlight lang="${codeBlock(ctx).lang || 'text'}">\n${codeBlock(ctx).code}\n</syntaxhighlight>\n\n[[Category:${en.word.noun()}]]`;
      pairs = [['wpTextbox1', wikitext], ['wpSummary', rng.pick(['typo', 'update example', 'add section', 'fix link', ''])], ['wpEditToken', `${rng.hex(32)}+\\`], ['wpSave', 'Save changes'], ['wpStarttime', '20250601120000'], ['wpEdittime', '20250530091500']];
    } else {
      path = rng.pick(['/posting.php', '/forum/new-topic', `/t/${rng.int(1, 99999)}/reply`, '/discussions/create']);
      pairs = [['subject', title], ['message', rng.chance(0.5) ? markdown(ctx, locale) : `[quote]${rng.pick(ctx.text.sentences)}[/quote]\n${message(rng, locale)}\n[code]${codeBlock(ctx).code}[/code]`], ['post', 'Submit']];
      if (path === '/posting.php') pairs.push(['mode', 'reply'], ['f', String(rng.int(1, 40))], ['t', String(rng.int(1, 99999))], ['form_token', rng.hex(40)], ['creation_time', String(rng.int(1746000000, 1748000000))]);
    }
    return withBody({ method: 'POST', path, query: path === '/index.php' ? encodePairs([['title', slugify(title)], ['action', 'submit']]) : '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs, 'form'));
  },
};
