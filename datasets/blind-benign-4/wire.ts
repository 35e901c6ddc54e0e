/**
 * Blind benign set 4's request helpers: browser and SDK header sets, query and form encoding as
 * clients write them, and what a class writes (`Draft`; the record's id and source are lib/blind-set.ts's).
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';

/** What a class writes: a request without its id, source, label and category. */
export type Draft = Omit<RequestRecord, 'id' | 'source' | 'label' | 'category'>;

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BROWSERS: readonly { ua: string; hints: Record<string, string> }[] = [
  { ua: CHROME, hints: { 'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"', 'sec-ch-ua-mobile': '?0', 'sec-ch-ua-platform': '"Windows"' } },
  { ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', hints: {} },
  { ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', hints: {} },
  { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', hints: {} },
  { ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36', hints: { 'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"', 'sec-ch-ua-mobile': '?1', 'sec-ch-ua-platform': '"Android"' } },
  { ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70', hints: { 'sec-ch-ua': '"Microsoft Edge";v="131", "Chromium";v="131", "Not_A Brand";v="24"', 'sec-ch-ua-mobile': '?0', 'sec-ch-ua-platform': '"Windows"' } },
];

export type Fetch = 'document' | 'xhr' | 'form' | 'media' | 'image';

/** A browser's headers for one fetch to `host` (a page of the same site as Referer). */
export function browser(rng: Rng, host: string, fetch: Fetch, extra: Record<string, string> = {}, lang = 'en-US,en;q=0.9'): Record<string, string> {
  const b = rng.pick(BROWSERS);
  const accept = fetch === 'document' || fetch === 'form' ? 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'
    : fetch === 'image' ? 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'
      : fetch === 'media' ? '*/*' : 'application/json, text/plain, */*';
  const headers: Record<string, string> = {
    Host: host,
    'User-Agent': b.ua,
    Accept: accept,
    'Accept-Language': lang,
    'Accept-Encoding': 'gzip, deflate, br, zstd',
    ...b.hints,
    'Sec-Fetch-Site': fetch === 'document' ? 'none' : 'same-origin',
    'Sec-Fetch-Mode': fetch === 'document' || fetch === 'form' ? 'navigate' : fetch === 'media' ? 'no-cors' : 'cors',
    'Sec-Fetch-Dest': fetch === 'document' || fetch === 'form' ? 'document' : fetch === 'media' ? 'video' : fetch === 'image' ? 'image' : 'empty',
  };
  if (fetch !== 'document') headers.Referer = `https://${host}/`;
  if (fetch === 'xhr' || fetch === 'form') headers.Origin = `https://${host}`;
  return { ...headers, ...extra };
}

/** A server-side client's headers (an SDK, a CLI, a webhook sender). */
export function client(host: string, ua: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Host: host, 'User-Agent': ua, Accept: 'application/json', 'Accept-Encoding': 'gzip', ...extra };
}

/** application/x-www-form-urlencoded as browsers and URLSearchParams write it. */
export function form(pairs: readonly (readonly [string, string])[]): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** A query string as encodeURIComponent writes each value (what fetch() code builds by hand). */
export function query(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export const json = (value: unknown): string => JSON.stringify(value);

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
export const hex = (rng: Rng, n: number): string => Array.from({ length: n }, () => HEX[rng.int(0, 15)]).join('');
export const alnum = (rng: Rng, n: number): string => Array.from({ length: n }, () => ALNUM[rng.int(0, ALNUM.length - 1)]).join('');
export const b64url = (rng: Rng, n: number): string => Array.from({ length: n }, () => B64URL[rng.int(0, B64URL.length - 1)]).join('');
export const uuid = (rng: Rng): string => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[rng.int(0, 3)]}${hex(rng, 3)}-${hex(rng, 12)}`;
/** A JWT's shape: header and payload base64url of real JSON, a random signature. */
export function jwt(rng: Rng, payload: Record<string, unknown>): string {
  const b = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256', kid: hex(rng, 16), typ: 'JWT' })}.${b(payload)}.${b64url(rng, 342)}`;
}
