/** Blind benign set 9's one multipart helper: a browser's or SDK's file upload with optional plain fields. */
import type { Rng } from '../lib/rng.js';
import { alnum } from '../blind-benign-4/wire.js';

export interface Upload {
  readonly contentType: string;
  readonly body: string;
}

/** One file part named `field`, then the plain fields, in the browser's `----WebKitFormBoundary…` shape. */
export function upload(rng: Rng, field: string, filename: string, type: string, content: string, fields: readonly (readonly [string, string])[] = []): Upload {
  const b = `----WebKitFormBoundary${alnum(rng, 16)}`;
  const parts = [`--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`];
  for (const [k, v] of fields) parts.push(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { contentType: `multipart/form-data; boundary=${b}`, body: `${parts.join('')}--${b}--\r\n` };
}
