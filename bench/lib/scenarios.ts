import { fileURLToPath } from 'node:url';
import { recordUrl, type RequestRecord } from '../../src/eval/record.js';
import { loadRecords } from './records-file.js';
import type { RawRequest } from '../../src/inspect/types.js';

/** One request shape the load generator sends; several cycle in order on each connection. */
export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  description: string;
  requests: LoadRequest[];
  /** Benign scenarios must pass every target; a 4xx there means the bench measured a block page. */
  expectPass: boolean;
}

/** A scenario request as the proxy hands it to the inspector (Host added, Content-Length for a body), from 127.0.0.1. */
export function scenarioRawRequest(request: LoadRequest): RawRequest {
  const rawHeaders: string[] = ['Host', '127.0.0.1'];
  for (const [k, v] of Object.entries(request.headers)) rawHeaders.push(k, v);
  const body = Buffer.from(request.body ?? '', 'latin1');
  if (request.body !== undefined) rawHeaders.push('Content-Length', String(body.length));
  return { method: request.method, url: request.path, httpVersion: '1.1', rawHeaders, body, bodyTruncated: false, source: { ip: '127.0.0.1', port: 40000, peerIp: '127.0.0.1' } };
}

export const ATTACK_RECORDS = fileURLToPath(new URL('../data/attacks.ndjson', import.meta.url));
export const BENIGN_RECORDS = fileURLToPath(new URL('../data/benign.ndjson', import.meta.url));

const browser = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-GB,en;q=0.7',
  'Accept-Encoding': 'gzip, deflate',
  Cookie: 'session=7d3f9a2c41be4e0f8a6b2d1c9e0f7a3b; cart=3',
};

/** A realistic order document padded with prose to exactly 1024 bytes. */
export function jsonBody1k(): string {
  const order = {
    customer: { id: 48213, name: 'Ann Lee', email: 'ann.lee@example.com', phone: '+44 20 7946 0958' },
    shipping: { street: '221B Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
    items: [
      { sku: 'RUN-42-BLU', qty: 1, price: 89.99, gift: false },
      { sku: 'SOCK-M-3PK', qty: 2, price: 9.5, gift: true, note: 'Happy birthday' },
    ],
    coupon: 'SPRING24',
    comment: '',
  };
  const prose = 'Please leave the parcel with the neighbour at number 223 if nobody is home, thank you very much. ';
  const room = 1024 - JSON.stringify(order).length;
  order.comment = prose.repeat(Math.ceil(room / prose.length)).slice(0, room);
  return JSON.stringify(order);
}

function multipartUpload(): { body: string; contentType: string } {
  const boundary = '----WardenBenchBoundary7MA4YWxkTrZu0gW';
  const line = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n';
  const file = line.repeat(Math.ceil(4096 / line.length)).slice(0, 4096);
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nTrip notes\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="album"\r\n\r\nsummer-2024\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n`,
    `--${boundary}--\r\n`,
  ];
  return { body: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Record headers minus those the load generator writes itself (a second Host is a 400). */
export function loadHeaders(record: RequestRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record.headers)) if (!['host', 'content-length', 'connection'].includes(k.toLowerCase())) out[k] = v;
  return out;
}

export async function buildScenarios(attackFile = ATTACK_RECORDS): Promise<Scenario[]> {
  const upload = multipartUpload();
  const attacks = await loadRecords(attackFile);
  return [
    {
      name: 'get-query',
      description: 'benign GET, 6 query params, browser headers and cookie',
      expectPass: true,
      requests: [{ method: 'GET', path: '/catalog/search?q=running+shoes&category=men&size=42&color=blue&sort=price_asc&page=2', headers: browser }],
    },
    {
      name: 'json-1k',
      description: '1 KB JSON POST (order document)',
      expectPass: true,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/orders',
          headers: { 'User-Agent': 'okhttp/4.12.0', Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer 2f6c1b0e9a8d4c7f' },
          body: jsonBody1k(),
        },
      ],
    },
    {
      name: 'form',
      description: 'urlencoded form POST (sign-in, 4 fields)',
      expectPass: true,
      requests: [
        {
          method: 'POST',
          path: '/account/login',
          headers: { ...browser, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'email=ann.lee%40example.com&password=correct+horse+battery+staple&remember=on&next=%2Faccount%2Forders',
        },
      ],
    },
    {
      name: 'multipart',
      description: 'multipart upload, 2 fields + 4 KB text file',
      expectPass: true,
      requests: [{ method: 'POST', path: '/upload', headers: { ...browser, 'Content-Type': upload.contentType }, body: upload.body }],
    },
    {
      name: 'attack-mix',
      description: `${attacks.length} attack requests in rotation (bench/data/attacks.ndjson)`,
      expectPass: false,
      requests: attacks.map((r) => ({ method: r.method, path: recordUrl(r), headers: loadHeaders(r), ...(r.body !== undefined ? { body: r.body } : {}) })),
    },
  ];
}

/**
 * The 1:1:1 soak of issue 17: benign GET, 1 KB JSON and an attack (`attackFile`'s records in turn)
 * in rotation, `clients` times over, each time from another user agent, so per-client state (reputation keys,
 * log sampling) sees many clients rather than one.
 */
export async function benignJsonAttackMix(clients: number, attackFile = ATTACK_RECORDS): Promise<LoadRequest[]> {
  const scenarios = await buildScenarios(attackFile);
  const pick = (name: string): LoadRequest[] => scenarios.find((s) => s.name === name)!.requests;
  const [get] = pick('get-query');
  const [json] = pick('json-1k');
  const attacks = pick('attack-mix');
  const out: LoadRequest[] = [];
  for (let i = 0; i < Math.max(clients, attacks.length); i++) {
    const ua = { 'User-Agent': `bench-client/${i % clients}` };
    out.push({ ...get, headers: { ...get.headers, ...ua } });
    out.push({ ...json, headers: { ...json.headers, ...ua } });
    const attack = attacks[i % attacks.length];
    out.push({ ...attack, headers: { ...attack.headers, ...ua } });
  }
  return out;
}
