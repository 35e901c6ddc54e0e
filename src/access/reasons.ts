/**
 * Why access was refused: the `ruleId` of the verdict's reason, the `reason` label of
 * `warden_access_denied_total` and what the decision log says. Never the credential itself.
 */
export const ACCESS_REASONS = {
  ip_denied: { status: 403, message: 'client address is on the deny list' },
  ip_not_allowed: { status: 403, message: 'client address is not on the allow list' },
  credential_missing: { status: 401, message: 'no credential of an accepted kind was presented' },
  api_key_invalid: { status: 401, message: 'API key unknown' },
  api_key_disabled: { status: 401, message: 'API key disabled' },
  jwt_malformed: { status: 401, message: 'bearer token is not a well-formed JWT' },
  jwt_algorithm_refused: { status: 401, message: 'JWT algorithm not accepted' },
  jwt_key_unknown: { status: 401, message: 'no key matches the JWT (kid unknown)' },
  jwt_signature_invalid: { status: 401, message: 'JWT signature does not verify' },
  jwt_expired: { status: 401, message: 'JWT expired' },
  jwt_not_yet_valid: { status: 401, message: 'JWT not valid yet (nbf)' },
  jwt_issuer_invalid: { status: 401, message: 'JWT issuer not accepted' },
  jwt_audience_invalid: { status: 401, message: 'JWT audience not accepted' },
  jwt_claim_invalid: { status: 401, message: 'JWT claim missing or invalid' },
  jwt_keys_unavailable: { status: 503, message: 'signing keys (JWKS) unavailable' },
  scope_missing: { status: 403, message: 'credential lacks a required scope' },
} as const satisfies Record<string, { status: 401 | 403 | 503; message: string }>;

export type AccessReason = keyof typeof ACCESS_REASONS;

/**
 * A credential was presented and did not verify (unknown, disabled, expired, forged). Not an attack
 * (src/access/verdict.ts), but not free either: it is counted by the rate limits like an
 * unauthenticated request, so a client retrying one at volume is throttled, and persistent abuse
 * of a limit teaches its reputation (src/ratelimit/README.md, "Reputation").
 */
export function isFailedCredential(reason: AccessReason): boolean {
  return ACCESS_REASONS[reason].status === 401 && reason !== 'credential_missing';
}
