/**
 * How values are put on the wire: query strings and form bodies in the encodings real clients use,
 * cookies, multipart bodies, and the request shape families return.
 */
import type { Rng } from './rng.js';

/** What a family produces for one request; the engine adds id, source, label and category. */
export interface WireRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
  /** `base64`: `body` is the base64 of the bytes sent (a binary body: a Java stream, an archive), as eval records carry it. */
  bodyEncoding?: 'base64';
}

export type Pairs = readonly (readonly [string, string | number | boolean])[];

/**
 * Query/form encodings seen in the wild:
 * - `form`: application/x-www-form-urlencoded as browsers submit forms (space → +).
 * - `component`: encodeURIComponent per key and value (fetch/axios-built URLs, space → %20).
 * - `typed`: what a browser sends for a URL typed or pasted in the address bar, leaving
 *   `/ : , ' ( ) @ ! $ ; [ ]` as they are and escaping only spaces, quotes, angle brackets and non-ASCII.
 */
export type QueryStyle = 'form' | 'component' | 'typed';

function encodeTyped(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c <= 0x20 || ch === '"' || ch === '#' || ch === '<' || ch === '>' || ch === '&' || ch === '=' || ch === '%' || ch === '+') {
      out += encodeURIComponent(ch);
    } else out += ch;
  }
  return out;
}

export function encodePairs(pairs: Pairs, style: QueryStyle = 'form'): string {
  if (style === 'form') {
    const p = new URLSearchParams();
    for (const [k, v] of pairs) p.append(k, String(v));
    return p.toString();
  }
  const enc = style === 'component' ? encodeURIComponent : encodeTyped;
  return pairs.map(([k, v]) => `${enc(k)}=${enc(String(v))}`).join('&');
}

export function pickQueryStyle(rng: Rng): QueryStyle {
  return rng.weighted([['form', 6], ['component', 3], ['typed', 1]] as const);
}

/** Percent-encodes one path segment the way browsers do (UTF-8, keeps sub-delims and `@ :`). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%40/g, '@').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%24/g, '$').replace(/%3B/g, ';');
}

/** Turns a title into a URL slug: lower-case ASCII words joined by dashes, or encoded UTF-8 if none. */
export function slugify(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (ascii.length >= 3) return ascii.slice(0, 80).replace(/-+$/, '');
  return encodeSegment(title.trim().replace(/\s+/g, '-').slice(0, 40));
}

export function cookieHeader(pairs: Pairs): string {
  return pairs.map(([k, v]) => `${k}=${v}`).join('; ');
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export interface MultipartPart {
  name: string;
  value: string;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body and the boundary that delimits it. */
export function multipartBody(rng: Rng, parts: readonly MultipartPart[]): { body: string; contentType: string } {
  const style = rng.int(0, 3);
  const boundary = style === 0
    ? `----WebKitFormBoundary${rng.alnum(16)}`
    : style === 1
      ? `---------------------------${rng.digits(29)}`
      : style === 2
        ? `--------------------------${rng.hex(24)}`
        : `${rng.uuid()}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\n`;
    let disposition = `Content-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) disposition += `; filename="${p.filename.replace(/"/g, '%22')}"`;
    body += `${disposition}\r\n`;
    if (p.contentType) body += `Content-Type: ${p.contentType}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sets Content-Type and Content-Length for a body and returns the request. */
export function withBody(req: Omit<WireRequest, 'body'>, contentType: string, body: string): WireRequest {
  return {
    ...req,
    headers: { ...req.headers, 'Content-Type': contentType, 'Content-Length': String(byteLength(body)) },
    body,
  };
}

/** Lower-cases header names, as an HTTP/2 client (or a proxy in front of Warden) would send them. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** Luhn-valid card-like number with a real test-card prefix (never a real card). */
export function cardNumber(rng: Rng): string {
  const prefix = rng.pick(['4242', '4000', '4111', '5555', '5105', '2223', '3782', '6011', '3566', '3056']);
  const len = prefix.startsWith('37') ? 15 : prefix === '3056' ? 14 : 16;
  let digits = prefix;
  while (digits.length < len - 1) digits += String(rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits + String((10 - (sum % 10)) % 10);
}
