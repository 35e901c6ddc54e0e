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

export interface SourceIdentity {
  /** For the proxy: the socket peer plus trusted X-Forwarded-For hops → the client Warden believes. */
  resolveSource(peerIp: string, peerPort: number, rawHeaders: readonly string[]): RequestSource;
  /** Whether the socket peer is a proxy whose X-Forwarded-* headers are believed. */
  peerTrusted(peerIp: string): boolean;
  /**
   * The key a request's history is kept under: `key:<hash>` for an API key, else `ip:<addr>` (IPv6 as
   * its `/prefix` network), with `|ua:<hash>` when keyed by user agent. API keys and user agents are
   * hashed so no credential is written to Redis.
   */
  keyOf(inspection: Inspection): string;
  /** Whether a key belongs to a configured trusted source (only IP-based keys can be). */
  isTrustedKey(key: string): boolean;
}

export function createSourceIdentity(
  config: Pick<ReputationConfig, 'trustedProxies' | 'trustedSources' | 'keyBy'>,
  /** `forwarding.trustedProxies` of the main config: one list of proxies for forwarding and identity. */
  moreTrustedProxies: readonly string[] = [],
): SourceIdentity {
  const proxies = new CidrList([...config.trustedProxies, ...moreTrustedProxies], 'reputation.trustedProxies', reputationConfigInvalid);
  const trusted = new CidrList(config.trustedSources, 'reputation.trustedSources', reputationConfigInvalid);
  const apiKeyHeader = config.keyBy.apiKeyHeader?.toLowerCase() ?? null;
  const { userAgent, ipv6Prefix } = config.keyBy;

  const ipKey = (ipText: string): string => {
    const ip = parseIp(ipText);
    if (ip === null) return `ip:${ipText}`;
    if (ip.version === 6 && ipv6Prefix < 128) return `ip:${formatIp(maskIp(ip, ipv6Prefix))}/${ipv6Prefix}`;
    return `ip:${formatIp(ip)}`;
  };

  return {
    resolveSource: (peerIp, peerPort, rawHeaders) => resolveClientSource(peerIp, peerPort, rawHeaders, proxies),
    peerTrusted: (peerIp) => proxies.contains(canonicalIp(peerIp)),
    keyOf(inspection) {
      if (apiKeyHeader !== null) {
        const apiKey = inspection.headerMap.get(apiKeyHeader);
        if (apiKey !== undefined && apiKey !== '') return `key:${shortHash(apiKey)}`;
      }
      const base = ipKey(inspection.source.ip);
      if (!userAgent) return base;
      return `${base}|ua:${shortHash(inspection.headerMap.get('user-agent') ?? '')}`;
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
