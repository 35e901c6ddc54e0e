import type { Verdict } from '../decision/types.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * The 429 (or 503 while the store is down with `onStoreDown: closed`) in the block page's shape, with
 * the incident id and the headers a client needs to back off. It names neither the rule's key nor the count.
 */
export function renderRateLimited(
  verdict: Verdict,
  html: boolean,
  headers: readonly string[],
  retryAfter: number,
): { status: number; contentType: string; body: string; headers: Record<string, string> } {
  const status = verdict.status;
  const out: Record<string, string> = { 'retry-after': String(retryAfter) };
  for (let i = 0; i < headers.length; i += 2) out[headers[i].toLowerCase()] = headers[i + 1];
  const [error, title] = status === 429 ? ['rate_limited', 'Too many requests'] : ['unavailable', 'Service temporarily unavailable'];
  if (html) {
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      headers: out,
      body:
        `<!doctype html><html><head><meta charset="utf-8"><title>${status} ${title}</title></head>` +
        `<body><h1>${title}</h1><p>Retry after ${retryAfter} s.</p><p>Incident ID: <code>${escapeHtml(verdict.incidentId)}</code></p></body></html>\n`,
    };
  }
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    headers: out,
    body: `${JSON.stringify({ error, status, message: `${title}.`, retryAfter, incidentId: verdict.incidentId })}\n`,
  };
}
