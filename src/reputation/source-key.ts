import { createHash } from 'node:crypto';
import type { Inspection, RequestSource } from '../inspect/types.js';
import { CidrList } from '../net/cidr.js';
import { formatIp, maskIp, parseIp, stripPortAndBrackets, type IpAddress } from '../net/ip-address.js';
import { reputationConfigInvalid } from './errors.js';
import type { ReputationConfig } from './config.js';

/** Canonical text of an address (`::ffff:10.0.0.1` → `10.0.0.1`); the input itself when it is not one. */
export function canonicalIp(text: string): string {
  const ip = parseIp(stripPortAndBrackets(text));
  return ip === null ? text : formatIp(ip);
}

/** A proxy list, or a predicate over canonical address text (e.g. a node:net BlockList check). */
export type TrustedProxies = CidrList | ((canonicalIp: string) => boolean);

/**
 * The client address: the socket peer, unless the peer is a trusted proxy, in which case
 * X-Forwarded-For is walked right to left (nearest hop first) skipping trusted proxies; the first
 * untrusted hop is the client. Entries left of it are whatever the client chose to write, so they
 * are never believed. A hop that is not an address ends the walk at the last hop we could verify.
 */
export function resolveClientIp(peerIp: string, forwardedFor: readonly string[], trustedProxies: TrustedProxies): string {
  const trusts =
    typeof trustedProxies === 'function'
      ? (ip: IpAddress): boolean => trustedProxies(formatIp(ip))
      : (ip: IpAddress): boolean => trustedProxies.containsAddress(ip);
  const peerParsed = parseIp(stripPortAndBrackets(peerIp));
  if (peerParsed === null) return peerIp;
  let client = formatIp(peerParsed);
  if (!trusts(peerParsed)) return client;
  for (let h = forwardedFor.length - 1; h >= 0; h--) {
    const hops = forwardedFor[h].split(',');
    for (let i = hops.length - 1; i >= 0; i--) {
      const text = stripPortAndBrackets(hops[i]);
      if (text === '') continue;
      const ip = parseIp(text);
      if (ip === null) return client;
      client = formatIp(ip);
      if (!trusts(ip)) return client;
    }
  }
  // Every hop was a trusted proxy: the leftmost one is the furthest we know.
  return client;
}

function forwardedForValues(rawHeaders: readonly string[]): string[] {
  const xff: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === 'x-forwarded-for') xff.push(rawHeaders[i + 1]);
  return xff;
}

/** The `RequestSource` of a request from its socket peer and raw headers (Node's `rawHeaders` layout). */
export function resolveClientSource(
  peerIp: string,
  peerPort: number,
  rawHeaders: readonly string[],
  trustedProxies: TrustedProxies,
): RequestSource {
  const noProxies = trustedProxies instanceof CidrList && trustedProxies.size === 0;
  const xff = noProxies ? [] : forwardedForValues(rawHeaders);
  return { ip: resolveClientIp(peerIp, xff, trustedProxies), port: peerPort, peerIp: canonicalIp(peerIp) };
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export interface SourceKeys {
  /**
   * The client's own history: `id:<hash>` for a caller access control verified, `key:<hash>` for an
   * API key (`keyBy.apiKeyHeader`), else `ip:<addr>|fp:<hash>` (or `ip:<addr>` without fingerprints).
   */
  client: string;
  /** The address's history (`ip:<addr>`, IPv6 as its network), or null when the client key is the address itself. */
  address: string | null;
}

/** What the keys are read from: the believed source and the headers (a refusal before inspection has no more). */
export type SourceView = Pick<Inspection, 'source' | 'headerMap'>;

export interface SourceIdentity {
  /** For the proxy: the socket peer plus trusted X-Forwarded-For hops → the client Warden believes. */
  resolveSource(peerIp: string, peerPort: number, rawHeaders: readonly string[]): RequestSource;
  /** Whether the socket peer is a proxy whose X-Forwarded-* headers are believed. */
  peerTrusted(peerIp: string): boolean;
  /**
   * The keys a request's history is kept under. Hostility is judged per client (address + a
   * fingerprint of user agent, Authorization and session cookies), so clients behind one NAT do not
   * share one fate; the address key counts how many distinct clients attacked from it. API keys,
   * tokens, cookies and user agents are hashed so no credential is written to Redis.
   */
  keysOf(inspection: SourceView): SourceKeys;
  /** Whether a key belongs to a configured trusted source (only IP-based keys can be). */
  isTrustedKey(key: string): boolean;
}

/** Cookie names of the common session stacks (PHPSESSID, JSESSIONID, connect.sid, laravel_session, ...). */
const SESSION_COOKIE = /sess|(^|[._-])sid$|^sid|auth|token|jwt/i;

/**
 * What tells clients behind one address apart: the user agent, the Authorization header (a bearer
 * token as a whole, not its unverified subject, which anyone could copy to frame a user) and the
 * session cookies. Other cookies (analytics, consent) are left out: they come and go within one
 * session and would split a client's clean history.
 */
function fingerprintOf(inspection: SourceView, extraSessionCookies: ReadonlySet<string>): string {
  const headers = inspection.headerMap;
  let material = `${headers.get('user-agent') ?? ''}\n${headers.get('authorization') ?? ''}`;
  const cookie = headers.get('cookie');
  if (cookie !== undefined && cookie !== '') {
    for (const pair of cookie.split(';')) {
      const eq = pair.indexOf('=');
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      if (name !== '' && (SESSION_COOKIE.test(name) || extraSessionCookies.has(name.toLowerCase()))) material += `\n${name}=${eq < 0 ? '' : pair.slice(eq + 1).trim()}`;
    }
  }
  return shortHash(material);
}

export function createSourceIdentity(
  config: Pick<ReputationConfig, 'trustedProxies' | 'trustedSources' | 'keyBy'>,
  /** `forwarding.trustedProxies` of the main config: one list of proxies for forwarding and identity. */
  moreTrustedProxies: readonly string[] = [],
): SourceIdentity {
  const proxies = new CidrList([...config.trustedProxies, ...moreTrustedProxies], 'reputation.trustedProxies', reputationConfigInvalid);
  const trusted = new CidrList(config.trustedSources, 'reputation.trustedSources', reputationConfigInvalid);
  const apiKeyHeader = config.keyBy.apiKeyHeader?.toLowerCase() ?? null;
  const { fingerprint, ipv6Prefix } = config.keyBy;
  const sessionCookies = new Set(config.keyBy.sessionCookies.map((n) => n.toLowerCase()));

  const ipKey = (ipText: string): string => {
    const ip = parseIp(ipText);
    if (ip === null) return `ip:${ipText}`;
    if (ip.version === 6 && ipv6Prefix < 128) return `ip:${formatIp(maskIp(ip, ipv6Prefix))}/${ipv6Prefix}`;
    return `ip:${formatIp(ip)}`;
  };

  return {
    resolveSource: (peerIp, peerPort, rawHeaders) => resolveClientSource(peerIp, peerPort, rawHeaders, proxies),
    peerTrusted: (peerIp) => proxies.contains(canonicalIp(peerIp)),
    keysOf(inspection) {
      const address = ipKey(inspection.source.ip);
      // A caller access control verified (API key id, JWT subject) is the surest client there is.
      const verified = inspection.source.identity;
      if (verified !== undefined && verified.subject !== '') return { client: `id:${shortHash(`${verified.method}:${verified.subject}`)}`, address };
      if (apiKeyHeader !== null) {
        const apiKey = inspection.headerMap.get(apiKeyHeader);
        if (apiKey !== undefined && apiKey !== '') return { client: `key:${shortHash(apiKey)}`, address };
      }
      if (!fingerprint) return { client: address, address: null };
      return { client: `${address}|fp:${fingerprintOf(inspection, sessionCookies)}`, address };
    },
    isTrustedKey(key) {
      if (trusted.size === 0 || !key.startsWith('ip:')) return false;
      const end = key.indexOf('|');
      const addr = key.slice(3, end < 0 ? undefined : end);
      const slash = addr.indexOf('/');
      return trusted.contains(slash < 0 ? addr : addr.slice(0, slash));
    },
  };
}
