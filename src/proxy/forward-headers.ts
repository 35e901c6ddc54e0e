/** Headers that describe one hop (RFC 9110 §7.6.1) and never travel through a proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
  'trailer',
  // The proxy answers Expect: 100-continue itself; undici refuses to send it on.
  'expect',
]);

/** Headers the proxy rewrites itself when configured to. */
const FORWARDED = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'via']);

/**
 * Forwarding claims the proxy does not set, which frameworks believe as a proxy's word: RFC 7239 `Forwarded`
 * (Spring's ForwardedHeaderFilter, Quarkus, Rack 3), the port, prefix, server, URI, method and TLS
 * variants of X-Forwarded-*, X-Real-IP, Envoy's client-certificate header. From a peer outside
 * trustedProxies they are the client speaking about itself (`Forwarded: host=evil.example` poisons a
 * password-reset link as X-Forwarded-Host would): removed, as Traefik and Envoy do by default.
 */
const PROXY_CLAIMS = new Set([
  'forwarded',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-forwarded-server',
  'x-forwarded-uri',
  'x-forwarded-method',
  'x-forwarded-ssl',
  'x-forwarded-scheme',
  'x-forwarded-client-cert',
  'x-real-ip',
]);

export interface ForwardingPolicy {
  xForwardedFor: 'append' | 'set' | 'off';
  xForwardedProto: boolean;
  xForwardedHost: boolean;
  via: boolean;
  /** `drop` (the default): PROXY_CLAIMS from an untrusted peer are removed. */
  untrustedClaims?: 'drop' | 'keep';
}

export interface HopContext {
  /** Flat [name, value, ...] Warden adds (the verified identity); the client's X-Warden-* headers never pass. */
  identityHeaders?: readonly string[];
  /** More lower-case names the client may not send upstream (a subject header outside X-Warden-*). */
  reservedHeaders?: ReadonlySet<string>;
  peerIp: string;
  /** Whether the peer is a trusted proxy whose X-Forwarded-* we keep rather than overwrite. */
  peerTrusted: boolean;
  proto: 'http' | 'https';
}

/** Names listed in Connection: are hop-by-hop for this message too. */
function connectionTokens(rawHeaders: readonly string[]): Set<string> | null {
  let tokens: Set<string> | null = null;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() !== 'connection') continue;
    for (const t of rawHeaders[i + 1].split(',')) {
      const name = t.trim().toLowerCase();
      if (name !== '') (tokens ??= new Set()).add(name);
    }
  }
  return tokens;
}

/**
 * Builds the flat [name, value, ...] header list for the upstream: original names, order and
 * duplicates kept (transparency), hop-by-hop removed, X-Forwarded-* and Via set per policy.
 */
export function buildUpstreamHeaders(rawHeaders: readonly string[], policy: ForwardingPolicy, hop: HopContext): string[] {
  const dropped = connectionTokens(rawHeaders);
  const out: string[] = [];
  let xff: string | null = null;
  let xfProto: string | null = null;
  let xfHost: string | null = null;
  let via: string | null = null;
  let host: string | null = null;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    const value = rawHeaders[i + 1];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || (dropped !== null && dropped.has(lower))) continue;
    // X-Warden-* upstream means "Warden verified this": a client must not be able to say it.
    if (lower.startsWith('x-warden-') || (hop.reservedHeaders !== undefined && hop.reservedHeaders.has(lower))) continue;
    if (!hop.peerTrusted && policy.untrustedClaims !== 'keep' && PROXY_CLAIMS.has(lower)) continue;
    if (FORWARDED.has(lower)) {
      if (lower === 'x-forwarded-for') xff = xff === null ? value : `${xff}, ${value}`;
      else if (lower === 'x-forwarded-proto') xfProto ??= value;
      else if (lower === 'x-forwarded-host') xfHost ??= value;
      else via = via === null ? value : `${via}, ${value}`;
      continue;
    }
    if (lower === 'host') host ??= value;
    out.push(name, value);
  }
  switch (policy.xForwardedFor) {
    case 'append':
      out.push('X-Forwarded-For', xff === null ? hop.peerIp : `${xff}, ${hop.peerIp}`);
      break;
    case 'set':
      out.push('X-Forwarded-For', hop.peerIp);
      break;
    case 'off':
      if (xff !== null) out.push('X-Forwarded-For', xff);
      break;
  }
  // A client could claim https or another host; only a trusted proxy in front of us may say so.
  const proto = hop.peerTrusted && xfProto !== null ? xfProto : policy.xForwardedProto ? hop.proto : xfProto;
  if (proto !== null) out.push('X-Forwarded-Proto', proto);
  const fwdHost = hop.peerTrusted && xfHost !== null ? xfHost : policy.xForwardedHost ? host : xfHost;
  if (fwdHost !== null) out.push('X-Forwarded-Host', fwdHost);
  if (policy.via) out.push('Via', via === null ? '1.1 warden' : `${via}, 1.1 warden`);
  else if (via !== null) out.push('Via', via);
  if (hop.identityHeaders !== undefined) for (const h of hop.identityHeaders) out.push(h);
  return out;
}

/** Response headers from the upstream, hop-by-hop removed, ready for `writeHead`. */
export function buildClientResponseHeaders(headers: Record<string, string | string[] | undefined>): [string, string | string[]][] {
  const connection = headers['connection'];
  const dropped = new Set<string>();
  if (typeof connection === 'string') for (const t of connection.split(',')) dropped.add(t.trim().toLowerCase());
  const out: [string, string | string[]][] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    // `trailer` is kept on responses: it announces the trailers we relay after the body.
    if (name !== 'trailer' && (HOP_BY_HOP.has(name) || dropped.has(name))) continue;
    out.push([name, value]);
  }
  return out;
}
