/** One multipart/form-data part as the schema sees it: a named field with text, or a file. */
export interface MultipartField {
  name: string;
  filename: string | null;
  contentType: string;
  value: string;
}

const MAX_PARTS = 1000;
const CRLF2 = Buffer.from('\r\n\r\n');

/** Boundary parameter of a Content-Type header value, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m === null ? null : (m[1] ?? m[2]);
}

/**
 * Splits a multipart/form-data body into fields. Returns null when the body does not follow the
 * boundary structure (the normalizer reports the details; here it is simply an invalid body).
 */
export function parseMultipartFields(body: Buffer, boundary: string): MultipartField[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: MultipartField[] = [];
  let pos = body.indexOf(delimiter);
  if (pos === -1) return null;
  while (fields.length < MAX_PARTS) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return fields; // closing `--boundary--`
    const headersEnd = body.indexOf(CRLF2, pos);
    if (headersEnd === -1) return null;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd);
    if (next === -1) return null;
    const headers = body.toString('latin1', pos, headersEnd);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? /\bname=([^;\s]+)/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    const contentType = (/content-type:\s*([^;\r\n]*)/i.exec(headers)?.[1] ?? 'text/plain').trim().toLowerCase();
    fields.push({ name, filename, contentType, value: body.toString('utf8', headersEnd + 4, next) });
    pos = next + 2;
  }
  return null;
}
