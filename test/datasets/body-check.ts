/** Checks that a record's body parses as what its Content-Type says (shared by the dataset tests). */
import type { RequestRecord } from '../../src/eval/record.js';

export function header(r: RequestRecord, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(r.headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Strict application/x-www-form-urlencoded: only unreserved chars, %XX escapes, + & =. */
const FORM = /^([A-Za-z0-9*._~!'()\-+%[\]]|%[0-9A-Fa-f]{2})*(=([A-Za-z0-9*._~!'()\-+%,:/@;$[\]]|%[0-9A-Fa-f]{2})*)?(&([A-Za-z0-9*._~!'()\-+%[\]]|%[0-9A-Fa-f]{2})*(=([A-Za-z0-9*._~!'()\-+%,:/@;$[\]]|%[0-9A-Fa-f]{2})*)?)*$/;

function isJsonDocument(body: string): boolean {
  if (!/^\s*[[{]/.test(body)) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** Returns a reason when the body does not match the Content-Type, else null. */
export function bodyProblem(r: RequestRecord): string | null {
  const type = header(r, 'content-type');
  if (r.body === undefined) return null;
  if (!type) return 'body without Content-Type';
  const length = header(r, 'content-length');
  if (length !== undefined && Number(length) !== Buffer.byteLength(r.body, 'utf8')) return `Content-Length ${length} != ${Buffer.byteLength(r.body, 'utf8')}`;
  const mime = type.split(';')[0].trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) {
    try {
      JSON.parse(r.body);
    } catch (e) {
      return `invalid JSON: ${(e as Error).message}`;
    }
    return null;
  }
  if (mime === 'application/x-www-form-urlencoded') {
    // Browser search clients (Algolia's among them) send a JSON body under this CORS-safelisted type to skip the preflight.
    if (isJsonDocument(r.body)) return null;
    if (!FORM.test(r.body)) return 'not urlencoded';
    // Pre-UTF-8 encodings (`escape()`'s %E9 and %u00e9, windows-1252 bytes) are well-formed escapes that do not decode as UTF-8.
    if (r.category === 'legacy-encoding') return /%(?![0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})/.test(r.body) ? 'bad percent-escape' : null;
    try {
      for (const part of r.body.split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return 'bad percent-escape';
    }
    return null;
  }
  if (mime === 'multipart/form-data') {
    const m = /boundary=("?)([^";]+)\1/.exec(type);
    if (!m) return 'multipart without boundary';
    const b = m[2];
    if (!r.body.startsWith(`--${b}\r\n`)) return 'multipart does not start with the boundary';
    if (!r.body.endsWith(`--${b}--\r\n`)) return 'multipart does not end with the closing boundary';
    const parts = r.body.slice(0, -(`--${b}--\r\n`.length)).split(`--${b}\r\n`).slice(1);
    if (parts.length === 0) return 'multipart without parts';
    for (const p of parts) {
      const sep = p.indexOf('\r\n\r\n');
      if (sep < 0) return 'multipart part without header/body separator';
      if (!/^Content-Disposition: form-data; name="[^"]*"/im.test(p.slice(0, sep))) return 'multipart part without Content-Disposition';
      if (!p.endsWith('\r\n')) return 'multipart part not terminated by CRLF';
    }
    return null;
  }
  if (mime.endsWith('/xml') || mime.endsWith('+xml')) {
    const t = r.body.trimStart();
    if (!t.startsWith('<')) return 'XML body does not start with <';
    return null;
  }
  return null;
}
