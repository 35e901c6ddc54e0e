import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Inspection, SnortBuffers } from '../../src/inspect/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/openapi/', import.meta.url));
export const PETSTORE = join(FIXTURES, 'petstore/openapi.yaml');

export interface RequestOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON (content-type defaults to application/json). */
  body?: string | Buffer | object;
  contentType?: string;
  host?: string;
}

/**
 * A hand-built Inspection with just what the schema gate reads (method, raw path and query, headers,
 * content type, body), so gate tests do not depend on the normalizer's other work.
 */
export function request(method: string, url: string, options: RequestOptions = {}): Inspection {
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const headers: [string, string][] = Object.entries(options.headers ?? {});
  let body: Buffer = Buffer.alloc(0);
  let contentType = options.contentType;
  if (Buffer.isBuffer(options.body)) body = options.body;
  else if (typeof options.body === 'string') body = Buffer.from(options.body);
  else if (options.body !== undefined) {
    body = Buffer.from(JSON.stringify(options.body));
    contentType ??= 'application/json';
  }
  if (contentType !== undefined) headers.push(['Content-Type', contentType]);
  const host = options.host ?? 'api.example.com';
  headers.push(['Host', host]);
  const headerMap = new Map(headers.map(([k, v]) => [k.toLowerCase(), v] as const));
  let decodedPath = rawPath;
  try {
    decodedPath = decodeURIComponent(rawPath);
  } catch {
    // keep raw: the gate routes on rawPath anyway
  }
  return {
    id: 'test-incident',
    receivedAt: 0,
    source: { ip: '192.0.2.1', port: 40000, peerIp: '192.0.2.1' },
    method,
    rawUrl: url,
    rawPath,
    rawQuery,
    path: decodedPath,
    httpVersion: '1.1',
    headers,
    headerMap,
    host,
    contentType: (contentType ?? '').split(';')[0].trim().toLowerCase(),
    body,
    bodyTruncated: false,
    bodyKind: body.length === 0 ? 'none' : 'text',
    buffers: {} as SnortBuffers,
    targets: [],
    findings: [],
  };
}

/** Writes files into a fresh temp directory and returns its path. */
export function writeSpecFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-schema-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A multipart/form-data body from fields (a `{ filename, content }` value is a file part). */
export function multipart(boundary: string, fields: Record<string, string | { filename: string; content: string }>): Buffer {
  let out = '';
  for (const [name, value] of Object.entries(fields)) {
    out += `--${boundary}\r\n`;
    if (typeof value === 'string') out += `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    else out += `Content-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${value.content}\r\n`;
  }
  return Buffer.from(`${out}--${boundary}--\r\n`);
}
