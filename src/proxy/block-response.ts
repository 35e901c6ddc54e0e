import type { Verdict } from '../decision/types.js';
import type { SchemaViolation } from '../schema/types.js';
import { schemaViolationBody } from '../schema/violation-body.js';

export interface BlockBody {
  status: number;
  contentType: string;
  body: string;
  /** Extra response headers (WWW-Authenticate of a 401). */
  headers?: Record<string, string>;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

export function wantsHtml(format: 'json' | 'html' | 'auto', accept: string | undefined): boolean {
  if (format !== 'auto') return format === 'html';
  // Browsers ask for text/html first; API clients ask for JSON or anything.
  return accept !== undefined && accept.includes('text/html') && !accept.startsWith('application/json');
}

/**
 * The block page: small, with the incident id the operator can grep in the decision log. Detection
 * details never reach the client; schema violations name the failing location only with schema.exposeViolations.
 */
export function renderBlock(
  verdict: Verdict,
  format: 'json' | 'html' | 'auto',
  accept: string | undefined,
  schemaViolations: readonly SchemaViolation[] | null,
  exposeSchemaDetails: boolean,
): BlockBody {
  const status = verdict.status;
  const title = schemaViolations !== null ? 'Request does not match the API' : 'Request blocked';
  const details = schemaViolations !== null && exposeSchemaDetails ? schemaViolations.map((v) => `${v.location}: ${v.message}`) : [];
  if (wantsHtml(format, accept)) {
    const items = details.map((d) => `<li>${escapeHtml(d)}</li>`).join('');
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      body:
        `<!doctype html><html><head><meta charset="utf-8"><title>${status} ${title}</title></head>` +
        `<body><h1>${title}</h1><p>This request was refused by the web application firewall.</p>` +
        (items !== '' ? `<ul>${items}</ul>` : '') +
        `<p>Incident ID: <code>${escapeHtml(verdict.incidentId)}</code></p></body></html>\n`,
    };
  }
  // A schema refusal is the body src/schema/README.md documents (schemaViolationBody), at the verdict's status.
  const payload =
    schemaViolations !== null
      ? { ...schemaViolationBody(schemaViolations, exposeSchemaDetails, verdict.incidentId), status }
      : { error: 'request_blocked', status, message: `${title} by the web application firewall.`, incidentId: verdict.incidentId };
  return { status, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(payload)}\n` };
}

const ACCESS_TITLES: Record<number, [string, string]> = {
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Access denied'],
  503: ['unavailable', 'Authentication temporarily unavailable'],
};

/**
 * The answer to a request access control refused: the block page's shape and incident id, with the
 * challenge a 401 must carry. It says neither which check failed nor why (the decision log does).
 */
export function renderAccessDenied(verdict: Verdict, format: 'json' | 'html' | 'auto', accept: string | undefined, challenge: string | null): BlockBody {
  const status = verdict.status;
  const [error, title] = ACCESS_TITLES[status] ?? ACCESS_TITLES[403];
  const headers = challenge !== null && challenge !== '' ? { 'www-authenticate': challenge } : undefined;
  if (wantsHtml(format, accept)) {
    return {
      status,
      contentType: 'text/html; charset=utf-8',
      headers,
      body:
        `<!doctype html><html><head><meta charset="utf-8"><title>${status} ${title}</title></head>` +
        `<body><h1>${title}</h1><p>Incident ID: <code>${escapeHtml(verdict.incidentId)}</code></p></body></html>\n`,
    };
  }
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    headers,
    body: `${JSON.stringify({ error, status, message: `${title}.`, incidentId: verdict.incidentId })}\n`,
  };
}

/** Plain error answers for requests that never reached the gates (body too large, upstream down). */
export function renderError(status: number, code: string, message: string, incidentId: string): BlockBody {
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify({ error: code, status, message, incidentId })}\n`,
  };
}
