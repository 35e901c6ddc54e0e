import type { VerifiedIdentity } from '../inspect/types.js';
import { headerValue } from '../net/raw-headers.js';
import { parseIp } from '../net/ip-address.js';
import { compileRouteMatch, routeMatches, type CompiledMatch } from '../config/route-policy.js';
import type { AccessConfig, AccessRequirement, CredentialMethod } from './config.js';
import { openAddressList, type AddressList } from './address-list.js';
import { ApiKeyTable, apiKeyLocations, type ApiKeyLocations } from './api-keys.js';
import { readCredentials } from './credentials.js';
import { fileJwks, remoteJwks, type JwksKeys } from './jwks.js';
import { JwtVerifier } from './jwt.js';
import { ACCESS_REASONS, type AccessReason } from './reasons.js';
import { readSecret } from './secret.js';
import { accessConfigInvalid } from './errors.js';
import { routingPath } from './routing-path.js';

/** What access control looks at: the request line and headers, and the client address Warden believes. */
export interface AccessRequest {
  method: string;
  /** Request-target in origin form, as sent. */
  url: string;
  rawHeaders: readonly string[];
  /** Resolved client address (after trusted proxies). */
  ip: string;
  /** The client certificate TLS verified (mTLS), if any. */
  clientCertificate?: { subject: string } | null;
}

export type AccessOutcome =
  | {
      allowed: true;
      identity: VerifiedIdentity | null;
      /** Flat [name, value, ...] to add to the upstream request. */
      upstreamHeaders: readonly string[];
    }
  | { allowed: false; reason: AccessReason; status: 401 | 403 | 503; challenge: string | null };

interface CompiledRequirement {
  apiKey: boolean;
  jwt: boolean;
  clientCertificate: boolean;
  scopes: readonly string[];
}

export interface AccessHooks {
  /** A watched file (IP list, JWKS) was re-read, or refetched (JWKS URL). */
  onReload?(what: string, source: string, entries: number): void;
  onError?(what: string, source: string, err: Error): void;
  /** Whether the TLS listener verifies client certificates (`tls.clientCertificates`), so routes may require one. */
  clientCertificates?: boolean;
}

const NO_HEADERS: readonly string[] = [];
const ALLOWED_ANONYMOUS: AccessOutcome = Object.freeze({ allowed: true, identity: null, upstreamHeaders: NO_HEADERS });
/** Header values must be visible ASCII; anything else in a subject (a JWT `sub` is any string) is percent-encoded. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** A CORS preflight's two request headers (Fetch standard §4.8): Origin and Access-Control-Request-Method. */
function isCorsPreflight(rawHeaders: readonly string[]): boolean {
  return !!headerValue(rawHeaders, 'origin') && !!headerValue(rawHeaders, 'access-control-request-method');
}

const deny = (reason: AccessReason, challenge: string | null = null): AccessOutcome => ({
  allowed: false,
  reason,
  status: ACCESS_REASONS[reason].status,
  challenge,
});

/**
 * Access control for one config: address lists, then the first route's requirement, then the
 * credentials it accepts. Cheap checks first (a denied address costs a binary search), and nothing
 * here reads the body: a refused request is answered before it is inspected.
 */
export class AccessControl {
  private readonly allow: AddressList;
  private readonly denyList: AddressList;
  private readonly keys: ApiKeyTable | null;
  private readonly keyLocations: ApiKeyLocations | null;
  private readonly jwt: JwtVerifier | null;
  private readonly jwks: JwksKeys | null;
  private readonly routes: { match: CompiledMatch; requirement: CompiledRequirement | null }[];
  private readonly fallback: CompiledRequirement | null;
  private readonly subjectHeader: string;
  private readonly realm: string;
  private readonly corsPreflight: boolean;
  /** Lower-case header names the client may not send upstream (the subject header, if not an X-Warden-* one). */
  readonly strippedHeaders: ReadonlySet<string>;

  constructor(parts: {
    config: AccessConfig;
    allow: AddressList;
    deny: AddressList;
    jwt: JwtVerifier | null;
    jwks: JwksKeys | null;
    clientCertificates?: boolean;
  }) {
    const { config } = parts;
    this.allow = parts.allow;
    this.denyList = parts.deny;
    this.keys = config.apiKeys === null ? null : new ApiKeyTable(config.apiKeys.keys);
    this.keyLocations = config.apiKeys === null ? null : apiKeyLocations(config.apiKeys);
    this.jwt = parts.jwt;
    this.jwks = parts.jwks;
    const configured: CredentialMethod[] = [];
    if (config.apiKeys !== null) configured.push('apiKey');
    if (config.jwt !== null) configured.push('jwt');
    if (parts.clientCertificates === true) configured.push('clientCertificate');
    const compile = (req: AccessRequirement, path: string): CompiledRequirement | null => {
      if (req === 'none') return null;
      req.anyOf.forEach((m, i) => {
        if (!configured.includes(m)) throw accessConfigInvalid(`${path}.anyOf[${i}]`, `"${m}" is required here but ${m === 'apiKey' ? 'access.apiKeys' : m === 'jwt' ? 'access.jwt' : 'tls.clientCertificates'} is not configured`);
      });
      return { apiKey: req.anyOf.includes('apiKey'), jwt: req.anyOf.includes('jwt'), clientCertificate: req.anyOf.includes('clientCertificate'), scopes: req.scopes ?? [] };
    };
    this.routes = config.routes.map((r, i) => ({
      match: compileRouteMatch(r.match, `access.routes[${i}]`),
      requirement: compile(r.require, `access.routes[${i}].require`),
    }));
    // Secure by default: with credentials configured, a request no route names needs one of them. A
    // client certificate counts only where named: mTLS with require: false must not turn into "every
    // request needs a certificate", nor let a certificate stand in for an API key nobody said it could.
    const byDefault = configured.filter((m) => m !== 'clientCertificate');
    this.fallback = compile(config.require ?? (byDefault.length === 0 ? 'none' : { anyOf: byDefault }), 'access.require');
    this.subjectHeader = config.subjectHeader;
    this.realm = config.realm;
    this.corsPreflight = config.corsPreflight !== 'authenticate';
    const subjectLower = config.subjectHeader.toLowerCase();
    this.strippedHeaders = new Set(subjectLower.startsWith('x-warden-') ? [] : [subjectLower]);
  }

  async check(req: AccessRequest): Promise<AccessOutcome> {
    const denyList = this.denyList.current();
    const allowList = this.allow.current();
    if (denyList.size > 0 || allowList.size > 0) {
      const ip = parseIp(req.ip);
      if (ip !== null && denyList.size > 0 && denyList.containsAddress(ip)) return deny('ip_denied');
      if (allowList.size > 0 && (ip === null || !allowList.containsAddress(ip))) return deny('ip_not_allowed');
    }

    // The browser sends a preflight without credentials whatever the page holds; refusing it refuses the call it asks about.
    if (this.corsPreflight && req.method === 'OPTIONS' && isCorsPreflight(req.rawHeaders)) return ALLOWED_ANONYMOUS;

    let requirement = this.fallback;
    if (this.routes.length > 0) {
      const path = routingPath(req.url);
      for (const route of this.routes) {
        if (routeMatches(route.match, req.method, path, req.ip)) {
          requirement = route.requirement;
          break;
        }
      }
    }
    if (requirement === null) return ALLOWED_ANONYMOUS;

    const creds = readCredentials(req.rawHeaders, req.url, requirement.apiKey ? this.keyLocations : null, requirement.jwt && this.jwt !== null);
    const cert = requirement.clientCertificate ? (req.clientCertificate ?? null) : null;
    if (creds.apiKey === null && creds.bearer === null && cert === null) return deny('credential_missing', this.challenge(requirement, null) || null);

    let identity: VerifiedIdentity | null = null;
    let failure: AccessReason | null = null;
    if (creds.apiKey !== null && this.keys !== null) {
      const checked = this.keys.verify(creds.apiKey);
      if (checked.ok) identity = { method: 'apiKey', subject: checked.entry.id, scopes: checked.entry.scopes ?? [] };
      else failure = checked.reason;
    }
    if (identity === null && creds.bearer !== null && this.jwt !== null) {
      const checked = await this.jwt.verify(creds.bearer);
      if (checked.ok) identity = { method: 'jwt', subject: checked.subject ?? '', scopes: checked.scopes };
      else failure = checked.reason;
    }
    if (identity === null && cert !== null) identity = { method: 'clientCertificate', subject: cert.subject, scopes: [] };
    if (identity === null) {
      const reason = failure ?? 'credential_missing';
      return deny(reason, ACCESS_REASONS[reason].status === 401 ? this.challenge(requirement, creds.bearer !== null ? 'invalid_token' : null) : null);
    }
    for (const scope of requirement.scopes) {
      if (!identity.scopes.includes(scope)) {
        const challenge = identity.method === 'jwt' ? `Bearer realm="${this.realm}", error="insufficient_scope", scope="${requirement.scopes.join(' ')}"` : null;
        return deny('scope_missing', challenge);
      }
    }
    return { allowed: true, identity, upstreamHeaders: this.upstreamHeaders(identity) };
  }

  /** RFC 9110 §11.6.1 challenges, one per accepted method (RFC 6750 for bearer tokens). */
  private challenge(req: CompiledRequirement, bearerError: 'invalid_token' | null): string {
    const parts: string[] = [];
    if (req.jwt && this.jwt !== null) parts.push(`Bearer realm="${this.realm}"${bearerError !== null ? `, error="${bearerError}"` : ''}`);
    if (req.apiKey && this.keyLocations !== null) {
      const loc = this.keyLocations;
      let c = `${loc.scheme !== null ? loc.scheme.replace(/^./, (ch) => ch.toUpperCase()) : 'ApiKey'} realm="${this.realm}"`;
      if (loc.headerName !== null) c += `, header="${loc.headerName}"`;
      if (loc.query !== null) c += `, query="${loc.query}"`;
      parts.push(c);
    }
    return parts.join(', ');
  }

  private upstreamHeaders(identity: VerifiedIdentity): string[] {
    const out = ['X-Warden-Auth', identity.method === 'apiKey' ? 'api-key' : identity.method === 'jwt' ? 'jwt' : 'client-certificate'];
    if (identity.subject !== '') out.push(this.subjectHeader, HEADER_SAFE.test(identity.subject) ? identity.subject : encodeURIComponent(identity.subject));
    return out;
  }

  close(): void {
    this.allow.close();
    this.denyList.close();
    this.jwks?.close();
  }
}

/** Whether the section asks for anything; an untouched `access` costs nothing per request. */
export function accessConfigured(config: AccessConfig): boolean {
  const listed = (s: AccessConfig['ipAllow']): boolean => !Array.isArray(s) || s.length > 0;
  return listed(config.ipAllow) || listed(config.ipDeny) || config.apiKeys !== null || config.jwt !== null || config.routes.length > 0 || config.require !== undefined;
}

const HMAC_MIN_BYTES = 32;

/** Builds access control from config: reads list files, the JWKS file, the HMAC secret; validates what the schema cannot. */
export async function buildAccessControl(config: AccessConfig, hooks: AccessHooks = {}): Promise<AccessControl | null> {
  if (!accessConfigured(config)) return null;
  const listHooks = {
    onReload: (path: string, size: number) => hooks.onReload?.('ip-list', path, size),
    onError: (path: string, err: Error) => hooks.onError?.('ip-list', path, err),
  };
  const opened: { close(): void }[] = [];
  try {
    const allow = await openAddressList(config.ipAllow, 'access.ipAllow', listHooks);
    opened.push(allow);
    const denyList = await openAddressList(config.ipDeny, 'access.ipDeny', listHooks);
    opened.push(denyList);
    let jwt: JwtVerifier | null = null;
    let jwks: JwksKeys | null = null;
    if (config.jwt !== null) {
      const j = config.jwt;
      const hmac = j.algorithms.filter((a) => a.startsWith('HS'));
      const asymmetric = j.algorithms.filter((a) => !a.startsWith('HS'));
      if (hmac.length > 0 && j.secret === undefined) throw accessConfigInvalid('access.jwt.secret', `required for ${hmac.join(', ')}`);
      if (asymmetric.length > 0 && j.jwks === undefined) throw accessConfigInvalid('access.jwt.jwks', `required for ${asymmetric.join(', ')}`);
      if (config.apiKeys?.scheme?.toLowerCase() === 'bearer') throw accessConfigInvalid('access.apiKeys.scheme', '"Bearer" is taken by access.jwt; use another scheme or a header');
      let secret: Uint8Array | null = null;
      if (hmac.length > 0 && j.secret !== undefined) {
        const text = await readSecret(j.secret, 'access.jwt.secret');
        secret = new TextEncoder().encode(text);
        if (secret.length < HMAC_MIN_BYTES) throw accessConfigInvalid('access.jwt.secret', `an HMAC secret needs at least ${HMAC_MIN_BYTES} bytes (RFC 7518 §3.2), got ${secret.length}`);
      }
      const jwksHooks = {
        onRefresh: (source: string, keys: number) => hooks.onReload?.('jwks', source, keys),
        onError: (source: string, err: Error) => hooks.onError?.('jwks', source, err),
      };
      if (j.jwks !== undefined && asymmetric.length > 0) {
        jwks =
          'file' in j.jwks
            ? await fileJwks(j.jwks.file, 'access.jwt.jwks.file', jwksHooks)
            : remoteJwks(
                {
                  url: j.jwks.url,
                  cacheSeconds: j.jwks.cacheSeconds ?? 600,
                  minRefreshSeconds: j.jwks.minRefreshSeconds ?? 30,
                  staleIfErrorSeconds: j.jwks.staleIfErrorSeconds ?? 86_400,
                  timeoutMs: j.jwks.timeoutMs ?? 5_000,
                },
                jwksHooks,
              );
        opened.push(jwks);
      }
      jwt = new JwtVerifier(j, jwks, secret);
    }
    return new AccessControl({ config, allow, deny: denyList, jwt, jwks, clientCertificates: hooks.clientCertificates });
  } catch (err) {
    for (const o of opened) o.close();
    throw err;
  }
}
