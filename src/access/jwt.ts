import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from './config.js';
import type { JwksKeys } from './jwks.js';
import type { AccessReason } from './reasons.js';

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
  private readonly getKey: JWTVerifyGetKey;
  private readonly options: Parameters<typeof jwtVerify>[2];
  private readonly subjectClaim: string;

  constructor(config: JwtConfig, keys: JwksKeys | null, secret: Uint8Array | null) {
    this.subjectClaim = config.subjectClaim;
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
    try {
      const { payload } = await jwtVerify(token, this.getKey, this.options);
      const sub = payload[this.subjectClaim];
      return { ok: true, subject: typeof sub === 'string' && sub !== '' ? sub : null, scopes: scopesOf(payload) };
    } catch (err) {
      return { ok: false, reason: reasonOf(err) };
    }
  }
}
