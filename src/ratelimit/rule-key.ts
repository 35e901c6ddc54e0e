import { createHash } from 'node:crypto';
import type { VerifiedIdentity } from '../inspect/types.js';
import { formatIp, maskIp, parseIp } from '../net/ip-address.js';
import type { RateLimitKeyPart } from './config.js';

/** What a key is read from: the request line and headers, the address Warden believes, and what access control verified. */
export interface KeyedRequest {
  method: string;
  /** The routing path (decoded once, dot segments resolved): what `match` saw. */
  path: string;
  rawHeaders: readonly string[];
  ip: string;
  identity: VerifiedIdentity | undefined;
  /** A WebSocket connection's id (its handshake's incident id), for the messages a `connection` key counts. */
  connection?: string;
}

export type KeyReader = (req: KeyedRequest) => string;

/** A part the request does not carry (no verified API key, no such header): one shared counter for all such requests. */
export const ABSENT = '-';
/** Longer values (or ones with bytes a Redis key or a log line should not carry) are hashed. */
const PLAIN_VALUE = /^[\x21-\x7e]{1,64}$/;

function keyValue(value: string): string {
  return PLAIN_VALUE.test(value) ? value : `h:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`;
}

export const KEY_PART_NAMES = ['ip', 'apiKey', 'jwt.sub', 'clientCert', 'route', 'global', 'connection', 'header:<Name>'] as const;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why a key part is not one; null when it is. */
export function keyPartProblem(part: string): string | null {
  if (part.startsWith('header:')) return HEADER_NAME.test(part.slice(7)) ? null : `"${part}": a header name after "header:" is one HTTP token`;
  return (KEY_PART_NAMES as readonly string[]).includes(part) ? null : `"${part}" is not a key part (one of ${KEY_PART_NAMES.join(', ')})`;
}

function partReader(part: RateLimitKeyPart, ipv6Prefix: number): KeyReader {
  switch (part) {
    case 'ip':
      return (req) => {
        const ip = parseIp(req.ip);
        if (ip === null) return keyValue(req.ip);
        return ip.version === 6 && ipv6Prefix < 128 ? `${formatIp(maskIp(ip, ipv6Prefix))}/${ipv6Prefix}` : formatIp(ip);
      };
    case 'apiKey':
      // The key's id from access.apiKeys, never the key: only a key access control verified counts.
      return (req) => (req.identity?.method === 'apiKey' ? keyValue(req.identity.subject) : ABSENT);
    case 'jwt.sub':
      return (req) => (req.identity?.method === 'jwt' && req.identity.subject !== '' ? keyValue(req.identity.subject) : ABSENT);
    case 'clientCert':
      // The subject DN of a client certificate the TLS layer verified (tls.clientCertificates).
      return (req) => (req.identity?.method === 'clientCertificate' ? keyValue(req.identity.subject) : ABSENT);
    case 'route':
      return (req) => keyValue(`${req.method}:${req.path}`);
    case 'global':
      return () => '*';
    case 'connection':
      // Only rules counting WebSocket messages have one (compileRateLimitRules).
      return (req) => req.connection ?? ABSENT;
    default: {
      const lower = part.slice(7).toLowerCase();
      return (req) => {
        const h = req.rawHeaders;
        for (let i = 0; i < h.length; i += 2) if (h[i].length === lower.length && h[i].toLowerCase() === lower) return keyValue(h[i + 1]);
        return ABSENT;
      };
    }
  }
}

/** Compiles a rule's key once: one reader per part, joined with `|` (`ip=203.0.113.7|apiKey=acme`). */
export function compileKey(key: RateLimitKeyPart | RateLimitKeyPart[], ipv6Prefix: number): KeyReader {
  const parts = Array.isArray(key) ? key : [key];
  const readers = parts.map((p) => partReader(p, ipv6Prefix));
  const names = parts.map((p) => `${p}=`);
  if (readers.length === 1) {
    const [name] = names;
    const [read] = readers;
    return (req) => name + read(req);
  }
  return (req) => {
    let out = '';
    for (let i = 0; i < readers.length; i++) out += (i === 0 ? '' : '|') + names[i] + readers[i](req);
    return out;
  };
}
