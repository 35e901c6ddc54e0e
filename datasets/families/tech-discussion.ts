/**
 * Technical discussion: developers and technical users quoting code in ordinary text fields — issue and
 * pull-request comments (markdown with fenced blocks), review comments with the diff hunk they are about,
 * forum and Q&A posts in many languages with inline SQL or shell, chat messages, gist and snippet uploads
 * (JSON, form and multipart), CMS posts whose block markup wraps a code block, BI and analytics query APIs
 * (a whole SQL statement as the request's purpose, and the analytics event that records the BI page), and
 * log searches (LogQL, Lucene, SPL, Datadog) for paths and error strings. The code comes from the installed
 * packages' READMEs (`quotableReadmeCode`: attack demonstrations left out) and from
 * `lib/discussion-code.ts`'s grammar; a quoted statement is whole, never a value breaking out of a quote.
 */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser, pickServerUa } from '../lib/clients.js';
import { diffHunk, gutenbergPost, logQuery, programSnippet, quotableReadmeCode, reviewChange, shellLine, sqlStatement } from '../lib/discussion-code.js';
import { LOCALE_MIX } from '../lib/people.js';
import { EMOJI } from '../lib/phrases.js';
import type { Rng } from '../lib/rng.js';
import { csrfToken } from '../lib/secrets.js';
import { cookieHeader, encodePairs, multipartBody, pickQueryStyle, slugify, withBody, type WireRequest } from '../lib/wire.js';

/** Question frames by language; `{}` is where the inline code goes. */
const FRAMES: Record<string, readonly string[]> = {
  en: ['Why is `{}` so slow on a table with 2M rows?', 'Running `{}` gives me a permission error on CI, any idea?', 'Is `{}` the right way to do this or is there something cleaner?', 'After upgrading, `{}` returns nothing. Works locally.', 'Quick question: does `{}` lock the table?'],
  de: ['Warum dauert `{}` bei uns über 30 Sekunden?', 'Bei `{}` bekomme ich seit dem Update einen Fehler. Hat jemand eine Idee?', 'Ist `{}` so richtig oder geht das eleganter?'],
  fr: ['Pourquoi `{}` est-elle si lente en production ?', 'Quand je lance `{}`, j\'ai une erreur de droits. Une idée ?', 'Est-ce que `{}` est la bonne façon de faire ?'],
  es: ['¿Por qué `{}` tarda tanto con muchos registros?', 'Al ejecutar `{}` me sale un error de permisos, ¿alguna idea?', '¿Es correcto usar `{}` aquí?'],
  pt_BR: ['Por que `{}` está tão lenta no banco de produção?', 'Rodando `{}` dá erro de permissão no servidor. Alguém sabe?'],
  ja: ['`{}` が本番環境でとても遅いです。インデックスは張っています。', '`{}` を実行すると権限エラーになります。原因がわかりません。'],
  zh_CN: ['为什么 `{}` 在生产环境这么慢？', '执行 `{}` 时报权限错误，有人遇到过吗？'],
  ko: ['[질문] `{}` 쿼리가 너무 느려요', '`{}` 실행하면 권한 오류가 나요. 어떻게 해결하나요?', '인덱스를 걸었는데도 `{}` 이 풀스캔이네요 ㅠㅠ'],
  ru: ['Почему `{}` так медленно работает на проде?', 'При запуске `{}` получаю ошибку доступа. Есть идеи?'],
};

function lang(locale: string): string {
  if (FRAMES[locale]) return locale;
  const base = locale.split('_')[0];
  return FRAMES[base] ? base : 'en';
}

/** One piece of code: README code (half), or the grammar's statements, command lines and programs. */
function code(ctx: GenContext): { lang: string; code: string } {
  const { rng } = ctx;
  return rng.chance(0.45) ? rng.pick(quotableReadmeCode(ctx.text)) : programSnippet(rng);
}

/** A one-line piece of code for inline quotation. */
function inlineCode(rng: Rng): string {
  return rng.weighted<() => string>([[() => sqlStatement(rng).split('\n').join(' '), 3], [() => shellLine(rng), 2]] as const)();
}

function question(ctx: GenContext, locale: string): string {
  return ctx.rng.pick(FRAMES[lang(locale)]).replace('{}', inlineCode(ctx.rng));
}

/** Markdown as a tracker or forum stores it: prose, a fenced block, maybe an inline question or a thanks. */
function markdown(ctx: GenContext, locale: string): string {
  const { rng } = ctx;
  const c = code(ctx);
  const parts = [rng.chance(0.5) ? question(ctx, locale) : rng.pick(ctx.text.paragraphs), `\`\`\`${c.lang}\n${c.code}\n\`\`\``];
  if (rng.chance(0.5)) parts.push(rng.pick(ctx.text.sentences));
  if (rng.chance(0.2)) parts.push(`Thanks! ${rng.pick(EMOJI)}`);
  return parts.join('\n\n');
}

function owner(ctx: GenContext): string {
  return ctx.en.internet.username().toLowerCase().replace(/[^a-z0-9-]/g, '');
}

export const techDiscussion: Family = {
  name: 'tech-discussion',
  summary: 'Code quoted in ordinary text fields: issue/PR and review comments (fenced blocks, diff hunks), forum and Q&A posts in many languages with inline SQL or shell, chat messages, gist/snippet uploads (JSON, form, multipart), CMS block markup around code, BI/analytics query APIs, log searches (LogQL, Lucene, SPL, Datadog).',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const kind = rng.weighted([['issue', 3], ['review', 2], ['forum', 3], ['chat', 2], ['snippet', 2], ['cms', 2], ['bi', 2], ['analytics', 1], ['logs', 2]] as const);
    const host = {
      issue: 'git.example.com', review: 'git.example.com', forum: rng.pick(['forum.example.org', 'community.example.dev', 'qa.example-kr.com']),
      chat: rng.pick(['chat.example.com', 'matrix.example.org', 'mattermost.example.io']), snippet: rng.pick(['paste.example.dev', 'gist.example.com']),
      cms: rng.pick(['blog.example.dev', 'docs.example.io']), bi: rng.pick(['bi.example.io', 'metabase.example.com', 'redash.internal.example']),
      analytics: rng.pick(['eu.posthog.example.com', 'analytics.example.net']), logs: rng.pick(['grafana.example.io', 'kibana.example.net', 'splunk.example.com', 'logs.example.dev']),
    }[kind];
    const cookie = cookieHeader(cookieJar(rng, { session: true, csrf: rng.chance(0.5), locale }));
    const xhr = browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie });
    const json = (method: string, path: string, body: unknown, query = ''): WireRequest => withBody({ method, path, query, headers: xhr }, 'application/json', JSON.stringify(body));
    const repo = `${owner(ctx)}/${slugify(en.word.noun())}`;
    switch (kind) {
      case 'issue': {
        const n = rng.int(1, 9999);
        if (rng.chance(0.6)) return json('POST', rng.pick([`/api/v3/repos/${repo}/issues/${n}/comments`, `/repos/${repo}/issues/${n}/comments`]), { body: markdown(ctx, locale) });
        return json('POST', `/api/v4/projects/${rng.int(1, 9000)}/${rng.pick(['issues', 'merge_requests'])}/${n}/notes`, { body: markdown(ctx, locale), internal: rng.chance(0.1) });
      }
      case 'review': {
        const ch = reviewChange(rng);
        const body = rng.pick([`Could we use this instead?\n\n\`\`\`suggestion\n${ch.after.trim()}\n\`\`\``, `This was \`${ch.before.trim()}\` before — why the change?`, 'nit: this can go into a helper', `LGTM once CI passes ${rng.pick(EMOJI)}`]);
        return json('POST', `/api/v3/repos/${repo}/pulls/${rng.int(1, 9999)}/comments`, { body, commit_id: rng.hex(40), path: ch.file, line: rng.int(2, 300), side: 'RIGHT', diff_hunk: diffHunk(rng, ch.before, ch.after) });
      }
      case 'forum': {
        // Titles are at most 150 characters: a longer question becomes a README heading.
        const asked = question(ctx, locale);
        const title = asked.length <= 150 ? asked : rng.pick(ctx.text.headings);
        const headers = browserHeaders(rng, b, host, 'form', { referer: `https://${host}/new-topic`, origin: `https://${host}`, site: 'same-origin', cookie });
        const style = rng.int(0, 2);
        if (style === 0) return json('POST', '/posts.json', { title, raw: markdown(ctx, locale), category: rng.int(1, 30), archetype: 'regular' });
        if (style === 1) return withBody({ method: 'POST', path: '/questions/ask', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['title', title], ['post-text', markdown(ctx, locale)], ['tagnames', rng.sample(['sql', 'postgresql', 'mysql', 'bash', 'python', 'java', 'regex', 'javascript'], 2).join(' ')], ['fkey', rng.hex(32)]], 'form'));
        return withBody({ method: 'POST', path: '/posts', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['title', title], ['body', rng.chance(0.5) ? question(ctx, locale) : markdown(ctx, locale)], ['board', rng.pick(['qna', 'dev', 'db'])], ['_token', csrfToken(rng)]], 'form'));
      }
      case 'chat': {
        const c = code(ctx);
        const text = rng.chance(0.5) ? `${rng.pick(['anyone seen this?', 'this fixed it for me:', 'try', 'fwiw we run'])} \`\`\`${c.code}\`\`\`` : question(ctx, locale);
        const style = rng.int(0, 2);
        if (style === 0) return json('POST', '/api/chat.postMessage', { channel: `C${rng.alnum(10).toUpperCase()}`, text, ...(rng.chance(0.4) ? { thread_ts: `${rng.int(1733000000, 1733999999)}.${rng.digits(6)}` } : {}) });
        if (style === 1) return json('POST', '/api/v4/posts', { channel_id: rng.alnum(26).toLowerCase(), message: text });
        const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        return json('PUT', `/_matrix/client/v3/rooms/!${rng.alnum(18)}:${host}/send/m.room.message/m${rng.digits(13)}`, { msgtype: 'm.text', body: text, format: 'org.matrix.custom.html', formatted_body: `<pre><code class="language-${c.lang || 'text'}">${esc(c.code)}</code></pre>` });
      }
      case 'snippet': {
        const c = code(ctx);
        const ext = ({ sql: 'sql', python: 'py', bash: 'sh', sh: 'sh', java: 'java', js: 'js', javascript: 'js', ts: 'ts', typescript: 'ts', go: 'go', php: 'php', regex: 'txt' } as Record<string, string>)[c.lang] ?? 'txt';
        const name = `${rng.pick(['query', 'snippet', 'example', 'repro', 'fix', 'notes'])}.${ext}`;
        const style = rng.int(0, 3);
        if (style === 0) return json('POST', '/api/v3/gists', { description: rng.pick(ctx.text.headings), public: rng.chance(0.5), files: { [name]: { content: c.code } } });
        if (style === 1) return json('POST', '/api/v1/snippets', { title: rng.pick(ctx.text.headings), lang: c.lang || 'text', code: c.code });
        const headers = browserHeaders(rng, b, host, 'form', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie });
        if (style === 2) return withBody({ method: 'POST', path: '/paste', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['title', rng.pick(ctx.text.headings)], ['syntax', c.lang || 'text'], ['content', c.code], ['expiry', rng.pick(['1d', '1w', 'never'])]], 'form'));
        const mp = multipartBody(rng, [{ name: 'title', value: rng.pick(ctx.text.headings) }, { name: 'file', filename: name, contentType: 'text/plain', value: c.code }, { name: 'visibility', value: rng.pick(['public', 'unlisted']) }]);
        return withBody({ method: 'POST', path: '/upload', query: '', headers }, mp.contentType, mp.body);
      }
      case 'cms': {
        const content = gutenbergPost(rng, [rng.pick(ctx.text.paragraphs), rng.pick(ctx.text.sentences)], code(ctx));
        return json(rng.pick(['POST', 'PUT']), rng.pick(['/wp-json/wp/v2/posts', `/wp-json/wp/v2/posts/${rng.int(1, 9000)}`]), { title: rng.pick(ctx.text.headings), content, status: rng.pick(['draft', 'publish']) }, rng.chance(0.5) ? '_locale=user' : '');
      }
      case 'bi': {
        const sql = sqlStatement(rng);
        const style = rng.int(0, 4);
        if (style === 0) return json('POST', '/api/dataset', { database: rng.int(1, 9), type: 'native', native: { query: sql, 'template-tags': {} } });
        if (style === 1) return json('POST', '/api/queries', { name: rng.pick(['Weekly revenue', 'Signups by country', 'Churn check']), query: sql, data_source_id: rng.int(1, 9), options: { parameters: [] } });
        if (style === 2) return json('POST', '/api/v1/sqllab/execute/', { database_id: rng.int(1, 9), schema: rng.pick(['public', 'analytics']), sql, runAsync: false, queryLimit: 1000 });
        if (style === 3) return json('POST', '/api/ds/query', { queries: [{ refId: 'A', datasource: { type: 'postgres', uid: `pg-${rng.alnum(6)}` }, rawSql: sql, format: 'table' }], from: 'now-24h', to: 'now' });
        // The BI page itself, the statement in its URL (a browser navigation).
        return { method: 'GET', path: '/questions/new', query: encodePairs([['db', String(rng.int(1, 9))], ['query', sql]], 'component'), headers: browserHeaders(rng, b, host, 'document', { referer: `https://${host}/`, cookie, site: 'same-origin' }) };
      }
      case 'analytics': {
        const bi = rng.pick(['bi.example.io', 'metabase.example.com']);
        const url = `https://${bi}/questions/new?${encodePairs([['db', String(rng.int(1, 9))], ['query', sqlStatement(rng).split('\n').join(' ')]], rng.pick(['component', 'form'] as const))}`;
        const event = { event: rng.pick(['$pageview', '$autocapture', 'query_run']), properties: { $current_url: url, $host: bi, $pathname: '/questions/new', distinct_id: rng.uuid(), $lib: 'web', $lib_version: `1.${rng.int(100, 200)}.${rng.int(0, 9)}` }, timestamp: new Date(Date.UTC(2025, 5, 1) + rng.int(0, 86400000)).toISOString() };
        return withBody({ method: 'POST', path: '/e/', query: encodePairs([['ip', '1'], ['_', String(rng.int(1733000000000, 1733999999999))], ['ver', `1.${rng.int(100, 200)}.0`]]), headers: browserHeaders(rng, b, host, 'xhr', { referer: `https://${bi}/`, origin: `https://${bi}`, site: 'cross-site' }) }, 'application/json', JSON.stringify([event]));
      }
      default: {
        const q = logQuery(rng);
        const now = 1733390000 + rng.int(0, 86400);
        if (q.backend === 'loki') return { method: 'GET', path: rng.pick(['/loki/api/v1/query_range', '/api/datasources/proxy/uid/loki/loki/api/v1/query_range']), query: encodePairs([['query', q.query], ['start', String(now - 3600)], ['end', String(now)], ['limit', String(rng.pick([100, 1000]))], ['direction', 'backward']], pickQueryStyle(rng)), headers: xhr };
        if (q.backend === 'lucene') return json('POST', '/internal/search/ese', { params: { index: rng.pick(['logs-*', 'filebeat-*']), body: { query: { bool: { filter: [{ query_string: { query: q.query } }, { range: { '@timestamp': { gte: 'now-15m' } } }] } } } } });
        if (q.backend === 'splunk') return withBody({ method: 'POST', path: '/services/search/jobs', query: 'output_mode=json', headers: { Host: host, 'User-Agent': pickServerUa(rng), Authorization: `Splunk ${rng.uuid()}`, Accept: 'application/json' } }, 'application/x-www-form-urlencoded', encodePairs([['search', q.query], ['earliest_time', '-24h'], ['latest_time', 'now']], 'form'));
        return { method: 'GET', path: '/api/v2/logs/events', query: encodePairs([['filter[query]', q.query], ['filter[from]', 'now-1h'], ['page[limit]', '50']], pickQueryStyle(rng)), headers: { Host: host, 'User-Agent': pickServerUa(rng), 'DD-API-KEY': rng.hex(32), 'DD-APPLICATION-KEY': rng.hex(40), Accept: 'application/json' } };
      }
    }
  },
};
