/**
 * An Apache `.htaccess` saved whole through a hosting panel's file editor is the site's own routing and access
 * rules (issue 14, session 23: blind benign set 5's DirectAdmin save of `RewriteEngine On` / `RewriteRule ^(.*)$
 * https://%{HTTP_HOST}/$1 [R=301,L]` / `<FilesMatch "\.(env|ini|log)$"> Require all denied`, 0.95).
 *
 * A routing file (`routingQueries(text)` is not null): three lines or more, each empty, a `#` comment in words, a section opening or
 * closing (`<IfModule mod_rewrite.c>`, `<FilesMatch "…">`, `<Files "x">`, `</…>`), or a directive of the routing,
 * access, header and caching kind — `RewriteEngine`, `RewriteBase`, `RewriteCond`, `RewriteRule`, `Require`,
 * `Order`, `Allow`, `Deny`, `Satisfy`, `DirectoryIndex`, `ErrorDocument` to a path or status, `Redirect`,
 * `RedirectMatch`, `RedirectPermanent`, `Header`, `ExpiresActive`, `ExpiresByType`, `ExpiresDefault`,
 * `AddDefaultCharset`, `DefaultLanguage`, `FileETag`, `Options` with `-` options or `+FollowSymLinks`,
 * `+SymLinksIfOwnerMatch`, `+MultiViews`. What an uploaded `.htaccess` exploit needs is outside the list and keeps
 * the file scored: handing files to an interpreter (`AddType`, `AddHandler`, `SetHandler`, `ForceType`, `Action`,
 * `php_value`/`php_flag` such as `auto_prepend_file`), `Options +ExecCGI`/`+Includes`, environment variables
 * (`SetEnv`), a rule that proxies (`[P]`) or sets the environment (`[E=…]`, `[H=…]`), an `ErrorDocument` text,
 * and any line holding a quote other than a section's pattern, a backtick, `<?`, `${` or a script.
 * A body value that is one is not scored as a whole, as a settings file is not (ini-settings.ts); the query strings
 * its rewrite and redirect targets pass on are (`routingQueries`), and a blocking rule's hit (9001362 on an uploaded
 * `.htaccess` handing files to PHP) still decides.
 */

const MAX_CHARS = 8192;

const DIRECTIVE = /^([A-Za-z]+)(?:[ \t]+(.*))?$/;
const SECTION_OPEN = /^<(?:IfModule|FilesMatch|Files|LocationMatch|Location|Limit|LimitExcept|IfDefine)[ \t]+(?:"[^"<>`$]{1,200}\$?"|[^\s"<>`$]{1,200})[ \t]*>$/i;
const SECTION_CLOSE = /^<\/(?:IfModule|FilesMatch|Files|LocationMatch|Location|Limit|LimitExcept|IfDefine)>$/i;
const COMMENT = /^#[\p{L}\p{N} .,:()/'-]*$/u;

/** Directives that route, restrict, redirect or set headers and caching; the value checks below apply on top. */
const ROUTING = new Set([
  'rewriteengine', 'rewritebase', 'rewritecond', 'rewriterule', 'require', 'order', 'allow', 'deny', 'satisfy', 'directoryindex', 'errordocument',
  'redirect', 'redirectmatch', 'redirectpermanent', 'redirecttemp', 'header', 'expiresactive', 'expiresbytype', 'expiresdefault', 'adddefaultcharset',
  'defaultlanguage', 'fileetag', 'options',
]);

/** What no routing line holds: quotes (outside a section's pattern), backticks, PHP or shell openers, a script file handed over. */
const UNSAFE_VALUE = /['"`]|<\?|\$\{|\$\(|\.(?:phtml|phar|cgi|pl|sh)\b/i;

function directiveIsRouting(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (!ROUTING.has(lower) || UNSAFE_VALUE.test(value)) return false;
  if (lower === 'options') return /^(?:[-+]?(?:FollowSymLinks|SymLinksIfOwnerMatch|MultiViews|Indexes|None)[ \t]*)+$/i.test(value) && !/\+Indexes/i.test(value);
  if (lower === 'errordocument') return /^\d{3}[ \t]+(?:\/[\w./-]*|https?:\/\/[\w.-]+\/[\w./-]*)$/.test(value);
  if (lower === 'header') return !/\bset(?:ifempty)?[ \t]+set-cookie\b/i.test(value);
  // A rule's flags: no proxying, no environment or handler set.
  if (lower === 'rewriterule') {
    const flags = /\[([^\]]*)\]\s*$/.exec(value)?.[1] ?? '';
    return !/(?:^|,)\s*(?:P|proxy|E=|env=|H=|handler=|T=|type=)/i.test(flags);
  }
  return true;
}

/** The first line such a file can open with (a comment, a section, a directive of the list): checked before the text is split. */
const FIRST_LINE = /^\s*(?:#|<|(?:Rewrite|Require|Order|Allow|Deny|Satisfy|DirectoryIndex|ErrorDocument|Redirect|Header|Expires|AddDefaultCharset|DefaultLanguage|FileETag|Options)[A-Za-z]*[ \t])/i;

/** Rewrite and redirect directives: how many fields (flags aside) Apache reads in their value. */
const FIELDS: Readonly<Record<string, readonly [number, number]>> = {
  rewriterule: [2, 2],
  rewritecond: [2, 2],
  redirect: [1, 3],
  redirectmatch: [2, 3],
  redirectpermanent: [2, 2],
  redirecttemp: [2, 2],
};

/**
 * The query strings of an `.htaccess`'s rewrite and redirect targets (`/index.php?id=$1`: `id=$1`), joined by
 * spaces, when `text` is such a file of routing and access rules (see the module comment); null when it is not,
 * or when a rewrite or redirect line has more fields than Apache reads (`RewriteRule ^x$ /a?id=1 union select
 * … [L]` is no rule Apache would load). The directives are the site's own; what a target passes on to the
 * application is scored as any value, so a routing file is no wrapper for an injection.
 */
export function routingQueries(text: string): string | null {
  if (text.length > MAX_CHARS || !FIRST_LINE.test(text) || !text.includes('\n')) return null;
  let directives = 0;
  let content = 0;
  const queries: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    content++;
    if (COMMENT.test(line) || SECTION_CLOSE.test(line)) continue;
    if (line.startsWith('<')) {
      if (!SECTION_OPEN.test(line)) return null;
      continue;
    }
    const m = DIRECTIVE.exec(line);
    if (m === null || !directiveIsRouting(m[1], m[2] ?? '')) return null;
    const name = m[1].toLowerCase();
    const fields = FIELDS[name];
    if (fields !== undefined) {
      const parts = (m[2] ?? '').split(/[ \t]+/).filter((f) => f !== '');
      const flagged = name.startsWith('rewrite') && parts.length > 0 && /^\[[^\]]*\]$/.test(parts[parts.length - 1]);
      const n = parts.length - (flagged ? 1 : 0);
      if (n < fields[0] || n > fields[1]) return null;
      // A condition's pattern is no target; a rule's substitution and a redirect's URL are.
      const target = name === 'rewritecond' ? '' : parts[n - 1];
      const q = target.indexOf('?');
      if (q >= 0 && q + 1 < target.length) queries.push(target.slice(q + 1));
    }
    directives++;
  }
  return content >= 3 && directives >= 2 ? queries.join(' ') : null;
}
