/**
 * Builds Inspections for signature tests directly (not through src/inspect), filling the Snort buffers
 * the way the normalizer is specified to, and one target per path, query parameter, header, cookie
 * and form field.
 */
import type { Inspection, SnortBuffers, Target } from '../../src/inspect/types.js';
import { buildInspection as inspectRaw } from '../../src/inspect/build-inspection.js';

export interface RequestSpec {
  method?: string;
  url?: string;
  headers?: Array<[string, string]>;
  body?: string;
  ip?: string;
}

/**
 * The request through the real inspector (src/inspect) instead: it also makes each field's decoded
 * forms (base64, gzip inside base64, entities, JSON and form values as parsed), which rules on decoded
 * views read and `buildInspection` below does not make. The body is sent as UTF-8.
 */
export function inspectRequest(spec: RequestSpec = {}): Inspection {
  const ip = spec.ip ?? '203.0.113.9';
  return inspectRaw({
    method: spec.method ?? 'GET',
    url: spec.url ?? '/',
    httpVersion: '1.1',
    rawHeaders: (spec.headers ?? [['Host', 'example.test']]).flat(),
    body: Buffer.from(spec.body ?? ''),
    bodyTruncated: false,
    source: { ip, port: 40000, peerIp: ip },
  });
}

function percentDecodeLatin1(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function buildInspection(spec: RequestSpec = {}): Inspection {
  const method = spec.method ?? 'GET';
  const url = spec.url ?? '/';
  const headers = spec.headers ?? [['Host', 'example.test']];
  const body = spec.body ?? '';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const path = percentDecodeLatin1(rawPath);
  const uri = path + (q < 0 ? '' : `?${percentDecodeLatin1(rawQuery.replace(/\+/g, ' '))}`);
  const headerLines = headers.map(([n, v]) => `${n}: ${v}\r\n`).join('');
  const nonCookie = headers.filter(([n]) => n.toLowerCase() !== 'cookie');
  const cookies = headers.filter(([n]) => n.toLowerCase() === 'cookie').map(([, v]) => v);
  const buffers: SnortBuffers = {
    raw: `${method} ${url} HTTP/1.1\r\n${headerLines}\r\n${body}`,
    method,
    uri,
    rawUri: url,
    header: nonCookie.map(([n, v]) => `${n}: ${v}\r\n`).join(''),
    rawHeader: headerLines,
    cookie: cookies.join('; '),
    rawCookie: cookies.join('; '),
    clientBody: body,
  };
  const targets: Target[] = [{ location: 'path', name: 'path', role: 'value', raw: rawPath, decoded: rawPath === path ? [] : [path] }];
  for (const pair of rawQuery ? rawQuery.split('&') : []) {
    const [name, value = ''] = pair.split('=');
    const decoded = percentDecodeLatin1(value.replace(/\+/g, ' '));
    targets.push({ location: 'query', name, role: 'value', raw: value, decoded: decoded === value ? [] : [decoded] });
  }
  for (const [name, value] of nonCookie) targets.push({ location: 'header', name, role: 'value', raw: value, decoded: [] });
  for (const c of cookies.join('; ').split(/;\s*/).filter(Boolean)) {
    const [name, value = ''] = c.split('=');
    targets.push({ location: 'cookie', name, role: 'value', raw: value, decoded: [] });
  }
  if (body) targets.push({ location: 'body', name: 'body', role: 'value', raw: body, decoded: [] });
  const headerMap = new Map<string, string>();
  for (const [n, v] of headers) {
    const k = n.toLowerCase();
    const prev = headerMap.get(k);
    headerMap.set(k, prev === undefined ? v : `${prev}${k === 'cookie' ? '; ' : ', '}${v}`);
  }
  return {
    id: 'test',
    receivedAt: 0,
    source: { ip: spec.ip ?? '203.0.113.7', port: 40000, peerIp: spec.ip ?? '203.0.113.7' },
    method,
    rawUrl: url,
    rawPath,
    rawQuery,
    path,
    httpVersion: '1.1',
    headers,
    headerMap,
    host: headerMap.get('host') ?? '',
    contentType: (headerMap.get('content-type') ?? '').split(';')[0].trim().toLowerCase(),
    body: Buffer.from(body, 'latin1'),
    bodyTruncated: false,
    bodyKind: body ? 'text' : 'none',
    buffers,
    targets,
    findings: [],
  };
}
