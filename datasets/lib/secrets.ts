/** Token and credential shapes as they appear in values: JWTs, API keys, passwords people choose. */
import type { Faker } from '@faker-js/faker';
import type { Rng } from './rng.js';

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

/** A structurally valid JWT with a plausible header and claims (the signature is random). */
export function jwt(rng: Rng, claims: Record<string, unknown> = {}): string {
  const alg = rng.pick(['HS256', 'RS256', 'ES256', 'RS256']);
  const header: Record<string, string> = { alg, typ: 'JWT' };
  if (alg !== 'HS256') header.kid = rng.chance(0.5) ? rng.hex(16) : rng.base64(18, true);
  const iat = rng.int(1746000000, 1748800000);
  const payload = {
    sub: rng.chance(0.5) ? rng.uuid() : String(rng.int(1, 9999999)),
    iat,
    exp: iat + rng.pick([300, 900, 3600, 86400]),
    ...(rng.chance(0.6) ? { iss: rng.pick(['https://auth.example-idp.com/', 'https://accounts.google.com', 'https://login.microsoftonline.com/' + rng.uuid() + '/v2.0', 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_' + rng.alnum(9)]) } : {}),
    ...(rng.chance(0.5) ? { aud: rng.pick(['web', 'api', rng.uuid(), 'account']) } : {}),
    ...(rng.chance(0.4) ? { scope: rng.pick(['openid profile email', 'read:orders write:orders', 'offline_access', 'api.read']) } : {}),
    ...claims,
  };
  const sigBytes = alg === 'ES256' ? 64 : alg === 'HS256' ? 32 : 256;
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${rng.base64(sigBytes, true)}`;
}

/** API-key shapes of common providers (random, never real keys). */
export function apiKey(rng: Rng): string {
  return rng.pick<() => string>([
    () => `sk_live_${rng.alnum(24)}`,
    () => `pk_test_${rng.alnum(24)}`,
    () => `ghp_${rng.alnum(36)}`,
    () => `xoxb-${rng.digits(12)}-${rng.digits(13)}-${rng.alnum(24)}`,
    () => `AKIA${rng.alnum(16).toUpperCase()}`,
    () => `SG.${rng.base64(16, true)}.${rng.base64(32, true)}`,
    () => rng.hex(32),
    () => rng.hex(40),
    () => rng.uuid(),
    () => `key-${rng.hex(32)}`,
    () => rng.alnum(40),
    () => `glpat-${rng.alnum(20)}`,
    () => `AIza${rng.base64(26, true)}`,
  ])();
}

/** Passwords as people choose them, including the punctuation that trips naive filters. */
export function password(rng: Rng, en: Faker): string {
  return rng.weighted<() => string>([
    [() => en.internet.password({ length: rng.int(10, 20) }), 3],
    [() => en.internet.password({ length: rng.int(12, 24), pattern: /[\w!@#$%^&*()\-+=?<>;:'",.~]/ }), 3],
    [() => `${en.word.noun()}${rng.int(1, 2025)}${rng.pick(['!', '?', '#', '$', '.', '*', ''])}`, 3],
    [() => `${en.word.adjective()}-${en.word.noun()}-${en.word.verb()}-${en.word.noun()}`, 1],
    [() => `${en.person.firstName()}${rng.pick(['@', '_', '.', "'", '&'])}${rng.int(1960, 2020)}`, 1],
    [() => rng.base64(rng.int(12, 24)).replace(/=+$/, ''), 1],
    [() => `${rng.pick(['Sommer', 'Winter', 'Frühling', 'Été', 'Verano', 'Passw0rd', 'Welcome'])}${rng.int(2019, 2025)}${rng.pick(['!', '#', '--', ';)', '<3', '%'])}`, 1],
  ] as const)();
}

export function csrfToken(rng: Rng): string {
  return rng.pick<() => string>([() => rng.base64(32, true), () => rng.hex(40), () => rng.base64(48), () => `${rng.hex(32)}:${rng.hex(8)}`])();
}
