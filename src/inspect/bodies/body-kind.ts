import type { BodyKind } from '../types.js';

/** JSON-lines media types: the JSON walker reads one document per line. */
const JSON_LINES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines', 'application/x-sentry-envelope']);

/** The kind a Content-Type announces; 'none' when there is no Content-Type at all. */
export function declaredBodyKind(essence: string): BodyKind {
  if (essence === '') return 'none';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence.startsWith('multipart/')) return 'multipart';
  if (essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json') || essence === 'application/csp-report' || JSON_LINES.has(essence)) return 'json';
  if (essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml')) return 'xml';
  if (essence.startsWith('text/')) return 'text';
  return 'binary';
}

function firstNonWhitespace(body: Buffer): number {
  let i = 0;
  // UTF-8 BOM
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) i = 3;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d)) i++;
  return i;
}

/**
 * What the body's first bytes say it is, whatever the label: attackers send JSON as text/plain (or
 * as a form) to slip past a WAF that trusts the label, and many frameworks parse it as JSON anyway.
 * Only a shape; the caller confirms by parsing.
 */
export function structuredShape(body: Buffer): 'json' | 'xml' | null {
  const i = firstNonWhitespace(body);
  const c = body[i];
  if (c === 0x7b || c === 0x5b) return 'json';
  if (c === 0x3c) {
    const next = body[i + 1];
    if (next === 0x3f || next === 0x21) return 'xml'; // <?xml, <!DOCTYPE, <!--
    if (next !== undefined && ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a || next === 0x5f)) return 'xml';
  }
  return null;
}

/**
 * Confirms a JSON shape with the native parser (fast, and only on the sniffing path): one document,
 * or JSON lines — two or more documents, one per line, as beacons and error reporters send them as
 * text/plain (a Sentry envelope, a batch of log records).
 */
export function isValidJson(body: Buffer): boolean {
  const text = body.toString('utf8');
  try {
    JSON.parse(text);
    return true;
  } catch {
    return isJsonLines(text);
  }
}

function isJsonLines(text: string): boolean {
  let documents = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const c = trimmed.charCodeAt(0);
    if (c !== 0x7b && c !== 0x5b) return false;
    try {
      JSON.parse(trimmed);
    } catch {
      return false;
    }
    documents++;
  }
  return documents >= 2;
}

const FORM_SHAPE = /^[A-Za-z0-9_.\-~%+*[\]]+=[^&\s]*(?:&[A-Za-z0-9_.\-~%+*[\]]+=[^&\s]*)*&?$/;

/**
 * One base64 token with its padding (`eyJxIjoiO2NhdCAvZXRjL3Bhc3N3ZCJ9`…`==`): the form shape reads it as a field named
 * by the token with an empty value, and a field name gets no base64 decoding, so a command in the JSON it encodes passed
 * (ws37, session 37: allowed as a text/plain or untyped body, blocked in a query). An application reads it as the token.
 */
const PADDED_BASE64 = /^[A-Za-z0-9+/_-]{14,}={1,2}$/;

/** `a=1&b=two`: a body any form parser would read as fields, whatever its label. `latin1`: the body as latin1, when the caller has it. */
export function looksLikeForm(body: Buffer, latin1?: string): boolean {
  if (body.length > 1_048_576) return false;
  const text = latin1 ?? body.toString('latin1');
  return FORM_SHAPE.test(text) && !(text.length % 4 === 0 && PADDED_BASE64.test(text));
}
