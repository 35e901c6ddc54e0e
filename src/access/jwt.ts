import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from './config.js';
import type { JwksKeys } from './jwks.js';
import type { AccessReason } from './reasons.js';

const VERIFIED_CACHE_MAX = 10_000;

/**
 * Failures no clock or key refresh can undo for the same token string: it expired, its signature does
 * not verify against the key its `kid` names, it is not a JWT, or its algorithm, issuer, audience or
 * claims are refused by this config (a reload builds a new verifier). Not: `nbf` in the future,
 * an unknown `kid` (the issuer may publish it next refresh), keys unavailable.
 */
const SETTLED_FAILURES: ReadonlySet<AccessReason> = new Set<AccessReason>([
  'jwt_expired',
  'jwt_signature_invalid',
  'jwt_malformed',
  'jwt_algorithm_refused',
  'jwt_issuer_invalid',
  'jwt_audience_invalid',
  'jwt_claim_invalid',
]);

export type JwtCheck = { ok: true; subject: string | null; scopes: string[] } | { ok: false; reason: AccessReason };

/** Scopes from `scope` (space-separated, RFC 8693) or `scp` (array or string, Azure AD / Okta). */
export function scopesOf(claims: JWTPayload): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    const items: unknown[] = typeof v === 'string' ? v.split(' ') : Array.isArray(v) ? v : [];
    for (const s of items) if (typeof s === 'string' && s !== '') out.push(s);
  };
  add(claims.scope);
  add(claims.scp);
  return out;
}

function reasonOf(err: unknown): AccessReason {
  const e = err as { code?: string; claim?: string };
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return 'jwt_expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return e.claim === 'nbf' ? 'jwt_not_yet_valid' : e.claim === 'iss' ? 'jwt_issuer_invalid' : e.claim === 'aud' ? 'jwt_audience_invalid' : 'jwt_claim_invalid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'jwt_algorithm_refused';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'jwt_key_unknown';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'jwt_signature_invalid';
    case 'WARDEN_ACCESS_JWKS_UNAVAILABLE':
      return 'jwt_keys_unavailable';
    default:
      return 'jwt_malformed';
  }
}

/**
 * Verifies bearer JWTs with jose: only the configured algorithms; HS* only against the configured
 * secret and everything else only against the JWKS (jose's key sets never hand out a public key as
 * an HMAC secret, which is the classic HS256-with-the-RSA-public-key confusion); `alg: none` is never
 * in the list. `exp` is required: a token that never expires is a password that cannot be rotated.
 */
export class JwtVerifier {
  /**
   * Tokens that verified, until `exp` (plus skew) or `verifiedCacheSeconds`, whichever comes first:
   * a client sends the same token on every call, and a signature check costs 100-200 µs of CPU where a
   * map lookup costs well under one. Only successes are kept here (a forger cannot fill it), it is bounded,
   * and a reload starts a new one; a key removed from the JWKS stops its tokens within the cache time.
   */
  private readonly verified = new Map<string, { until: number; result: JwtCheck }>();
  /**
   * Tokens that failed for a settled reason, for `verifiedCacheSeconds`: a client retrying an expired
   * or stale token at volume (the case failed-credential rate limits answer with 429) pays a lookup,
   * not a signature check, per request. A separate map of the same bound: a forger filling it with
   * distinct tokens only evicts failures, never a verified token.
   */
  private readonly failed = new Map<string, { until: number; result: JwtCheck }>();
  /** Full verifications run (jose called), for the metrics and tests. */
  verifications = 0;
  private readonly cacheMs: number;
  private readonly skewMs: number;
  private readonly getKey: JWTVerifyGetKey;
  private readonly options: Parameters<typeof jwtVerify>[2];
  private readonly subjectClaim: string;

  constructor(config: JwtConfig, keys: JwksKeys | null, secret: Uint8Array | null) {
    this.subjectClaim = config.subjectClaim;
    this.cacheMs = (config.verifiedCacheSeconds ?? 60) * 1000;
    this.skewMs = config.clockSkewSeconds * 1000;
    this.getKey = async (header, token) => {
      if (typeof header.alg === 'string' && header.alg.startsWith('HS')) {
        if (secret === null) throw Object.assign(new Error('no HMAC secret configured'), { code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
        return secret;
      }
      if (keys === null) throw Object.assign(new Error('no JWKS configured'), { code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
      return keys.getKey(header, token);
    };
    this.options = {
      algorithms: [...config.algorithms],
      clockTolerance: config.clockSkewSeconds,
      requiredClaims: ['exp'],
      ...(config.issuer !== undefined ? { issuer: config.issuer } : {}),
      ...(config.audience !== undefined ? { audience: config.audience } : {}),
    };
  }

  async verify(token: string): Promise<JwtCheck> {
    const now = Date.now();
    if (this.cacheMs > 0) {
      const hit = cached(this.verified, token, now) ?? cached(this.failed, token, now);
      if (hit !== null) return hit;
    }
    this.verifications++;
    try {
      const { payload } = await jwtVerify(token, this.getKey, this.options);
      const sub = payload[this.subjectClaim];
      const result: JwtCheck = { ok: true, subject: typeof sub === 'string' && sub !== '' ? sub : null, scopes: scopesOf(payload) };
      if (this.cacheMs > 0 && typeof payload.exp === 'number') remember(this.verified, token, Math.min(payload.exp * 1000 + this.skewMs, now + this.cacheMs), result);
      return result;
    } catch (err) {
      const result: JwtCheck = { ok: false, reason: reasonOf(err) };
      if (this.cacheMs > 0 && SETTLED_FAILURES.has(result.reason)) remember(this.failed, token, now + this.cacheMs, result);
      return result;
    }
  }
}

function cached(map: Map<string, { until: number; result: JwtCheck }>, token: string, now: number): JwtCheck | null {
  const hit = map.get(token);
  if (hit === undefined) return null;
  if (hit.until > now) return hit.result;
  map.delete(token);
  return null;
}

function remember(map: Map<string, { until: number; result: JwtCheck }>, token: string, until: number, result: JwtCheck): void {
  // Oldest first out (Map keeps insertion order): a bound, not an LRU, is all this needs.
  if (map.size >= VERIFIED_CACHE_MAX) map.delete(map.keys().next().value as string);
  map.set(token, { until, result });
}
