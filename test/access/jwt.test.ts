import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessControl, type AccessControl } from '../../src/access/access-control.js';
import { accessConfigInvalid } from '../../src/access/errors.js';
import { remoteJwks } from '../../src/access/jwks.js';
import { JwtVerifier, scopesOf } from '../../src/access/jwt.js';
import type { JwtConfig } from '../../src/access/config.js';
import { validateWardenConfig } from '../../src/config/load-config.js';

const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'orders-api';
const HS_SECRET = 'an-hmac-secret-of-at-least-thirty-two-bytes!';
type Signer = { alg: string; kid: string; key: CryptoKey | Uint8Array; jwk?: JWK };
const signers: Record<string, Signer> = {};
let dir: string;
let ac: AccessControl;

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const nowS = (): number => Math.floor(Date.now() / 1000);

async function token(alg: string, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const s = signers[alg];
  const payload = { sub: 'user-42', iss: ISSUER, aud: AUDIENCE, scope: 'orders:read', iat: nowS(), exp: nowS() + 300, ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg, kid: s.kid, ...header }).sign(s.key);
}

const check = (bearer: string, url = '/orders/1') => ac.check({ method: 'GET', url, rawHeaders: ['Authorization', `Bearer ${bearer}`], ip: '198.51.100.9' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-jwt-'));
  const keys: JWK[] = [];
  for (const [alg, opts] of [
    ['RS256', {}],
    ['ES256', {}],
    ['EdDSA', { crv: 'Ed25519' }],
  ] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { ...opts, extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: `k-${alg}`, alg, use: 'sig' };
    keys.push(jwk);
    signers[alg] = { alg, kid: jwk.kid, key: privateKey, jwk };
  }
  signers.HS256 = { alg: 'HS256', kid: 'k-hs', key: new TextEncoder().encode(HS_SECRET) };
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys }));
  writeFileSync(join(dir, 'hs.secret'), `${HS_SECRET}\n`);
  ac = (await buildAccessControl(
    validateWardenConfig({
      access: {
        jwt: {
          jwks: { file: join(dir, 'jwks.json') },
          secret: { file: join(dir, 'hs.secret') },
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256', 'RS256', 'ES256', 'EdDSA'],
          clockSkewSeconds: 30,
        },
        routes: [{ match: { pathPrefix: '/orders' }, require: { anyOf: ['jwt'], scopes: ['orders:read'] } }],
      },
    }).access,
  ))!;
});

afterAll(() => ac?.close());

describe('JWT verification', () => {
  it.each(['HS256', 'RS256', 'ES256', 'EdDSA'])('accepts a valid %s token and takes sub and scopes from it', async (alg) => {
    expect(await check(await token(alg))).toMatchObject({
      allowed: true,
      identity: { method: 'jwt', subject: 'user-42', scopes: ['orders:read'] },
      upstreamHeaders: ['X-Warden-Auth', 'jwt', 'X-Warden-Subject', 'user-42'],
    });
  });

  it('reads scopes from scope (space-separated) and scp (array or string)', () => {
    expect(scopesOf({ scope: 'a b  c' })).toEqual(['a', 'b', 'c']);
    expect(scopesOf({ scp: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(scopesOf({ scp: 'z' })).toEqual(['z']);
    expect(scopesOf({ scope: 42, scp: [1, 'ok'] })).toEqual(['ok']);
  });

  it('answers 403 insufficient_scope for a valid token without the route scope', async () => {
    const out = await check(await token('RS256', { scope: 'orders:write' }));
    expect(out).toMatchObject({ allowed: false, status: 403, reason: 'scope_missing', challenge: 'Bearer realm="warden", error="insufficient_scope", scope="orders:read"' });
    expect(await check(await token('ES256', { scope: undefined, scp: ['orders:read'] }))).toMatchObject({ allowed: true });
  });

  it('applies exp and nbf with the configured clock skew', async () => {
    expect(await check(await token('RS256', { exp: nowS() - 10 }))).toMatchObject({ allowed: true });
    expect(await check(await token('RS256', { exp: nowS() - 120 }))).toMatchObject({ status: 401, reason: 'jwt_expired', challenge: 'Bearer realm="warden", error="invalid_token"' });
    expect(await check(await token('RS256', { nbf: nowS() + 10 }))).toMatchObject({ allowed: true });
    expect(await check(await token('RS256', { nbf: nowS() + 120 }))).toMatchObject({ reason: 'jwt_not_yet_valid' });
  });

  it('refuses a token without exp', async () => {
    const noExp = await new SignJWT({ sub: 'user-42', scope: 'orders:read' }).setProtectedHeader({ alg: 'RS256', kid: 'k-RS256' }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(signers.RS256.key);
    expect(await check(noExp)).toMatchObject({ status: 401, reason: 'jwt_claim_invalid' });
  });

  it('refuses another issuer or audience', async () => {
    expect(await check(await token('ES256', { iss: 'https://evil.test/' }))).toMatchObject({ reason: 'jwt_issuer_invalid' });
    expect(await check(await token('ES256', { aud: 'billing-api' }))).toMatchObject({ reason: 'jwt_audience_invalid' });
  });

  it('refuses alg: none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: nowS() + 60, scope: 'orders:read' })}.`;
    expect(await check(unsigned)).toMatchObject({ status: 401, reason: 'jwt_algorithm_refused' });
  });

  it('refuses HS256 signed with the RSA public key (algorithm confusion)', async () => {
    const pem = await exportSPKI((await importPublic(signers.RS256.jwk!)) as CryptoKey);
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'k-RS256' });
    const payload = b64({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: nowS() + 60, scope: 'orders:read' });
    const forged = `${header}.${payload}.${createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url')}`;
    // HS256 accepted here, but only against the configured secret, never a JWKS key.
    expect(await check(forged)).toMatchObject({ status: 401, reason: 'jwt_signature_invalid' });
    // And where HS256 is not accepted at all.
    const rsOnly = (await buildAccessControl(
      validateWardenConfig({ access: { jwt: { jwks: { file: join(dir, 'jwks.json') }, algorithms: ['RS256'] } } }).access,
    ))!;
    try {
      expect(await rsOnly.check({ method: 'GET', url: '/', rawHeaders: ['authorization', `Bearer ${forged}`], ip: '::1' })).toMatchObject({ reason: 'jwt_algorithm_refused' });
    } finally {
      rsOnly.close();
    }
  });

  it('refuses a tampered payload, an unknown kid and garbage', async () => {
    const good = await token('EdDSA');
    const [h, , s] = good.split('.');
    expect(await check(`${h}.${b64({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: nowS() + 60, scope: 'orders:read' })}.${s}`)).toMatchObject({ reason: 'jwt_signature_invalid' });
    expect(await check(await token('RS256', {}, { kid: 'k-nope' }))).toMatchObject({ reason: 'jwt_key_unknown' });
    expect(await check('not.a.jwt')).toMatchObject({ status: 401, reason: 'jwt_malformed' });
  });

  it('percent-encodes a subject that is not a visible-ASCII header value', async () => {
    const out = await check(await token('ES256', { sub: 'Zoë\r\nX-Evil: 1' }));
    expect(out).toMatchObject({ allowed: true, upstreamHeaders: ['X-Warden-Auth', 'jwt', 'X-Warden-Subject', 'Zo%C3%AB%0D%0AX-Evil%3A%201'] });
  });

  it('refuses config with HS algorithms but no secret, asymmetric ones but no JWKS, or a short secret', async () => {
    const build = (jwt: Record<string, unknown>) => buildAccessControl(validateWardenConfig({ access: { jwt } }).access);
    await expect(build({ algorithms: ['HS256'] })).rejects.toMatchObject({ code: accessConfigInvalid.code, message: expect.stringContaining('access.jwt.secret') });
    await expect(build({ algorithms: ['ES256'] })).rejects.toMatchObject({ message: expect.stringContaining('access.jwt.jwks') });
    writeFileSync(join(dir, 'short.secret'), 'short');
    await expect(build({ algorithms: ['HS256'], secret: { file: join(dir, 'short.secret') } })).rejects.toMatchObject({ message: expect.stringContaining('32 bytes') });
    expect(() => validateWardenConfig({ access: { jwt: { algorithms: ['none'] } } })).toThrow(/access\.jwt\.algorithms\[0\]/);
  });
});

async function importPublic(jwk: JWK): Promise<CryptoKey> {
  const { importJWK } = await import('jose');
  return (await importJWK(jwk, 'RS256', { extractable: true })) as CryptoKey;
}

describe('JWT failures a retry cannot change', () => {
  const secret = new TextEncoder().encode(HS_SECRET);
  const config: JwtConfig = { algorithms: ['HS256'], clockSkewSeconds: 0, subjectClaim: 'sub' };
  const hs = (claims: Record<string, unknown>): Promise<string> =>
    new SignJWT({ sub: 'user-42', ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);

  it('are verified once per verifiedCacheSeconds: an expired, a tampered or a malformed token resent 20 times', async () => {
    const expired = await hs({ exp: nowS() - 3600 });
    const [h, p] = (await hs({ exp: nowS() + 300 })).split('.');
    const tampered = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const [bad, reason] of [[expired, 'jwt_expired'], [tampered, 'jwt_signature_invalid'], ['not-a-jwt', 'jwt_malformed']] as const) {
      const v = new JwtVerifier(config, null, secret);
      for (let i = 0; i < 20; i++) expect(await v.verify(bad)).toEqual({ ok: false, reason });
      expect(v.verifications).toBe(1);
    }
  });

  it('are verified every time with verifiedCacheSeconds: 0, and so are distinct tokens and a token not valid yet', async () => {
    const expired = await hs({ exp: nowS() - 3600 });
    const uncached = new JwtVerifier({ ...config, verifiedCacheSeconds: 0 }, null, secret);
    for (let i = 0; i < 5; i++) expect(await uncached.verify(expired)).toMatchObject({ ok: false, reason: 'jwt_expired' });
    expect(uncached.verifications).toBe(5);
    const v = new JwtVerifier(config, null, secret);
    for (let i = 0; i < 5; i++) expect(await v.verify(await hs({ exp: nowS() - 3600, jti: `t${i}` }))).toMatchObject({ ok: false, reason: 'jwt_expired' });
    expect(v.verifications).toBe(5);
    // Time undoes nbf: the same token must be checked again.
    const early = await hs({ exp: nowS() + 300, nbf: nowS() + 120 });
    for (let i = 0; i < 3; i++) expect(await v.verify(early)).toMatchObject({ ok: false, reason: 'jwt_not_yet_valid' });
    expect(v.verifications).toBe(8);
  });

  it('never crowd out a verified token: 10,000 distinct failures later it is still answered from the cache', async () => {
    const v = new JwtVerifier(config, null, secret);
    const good = await hs({ exp: nowS() + 300 });
    expect(await v.verify(good)).toMatchObject({ ok: true, subject: 'user-42' });
    for (let i = 0; i < 10_000; i++) await v.verify(`garbage.${i}`);
    const before = v.verifications;
    expect(await v.verify(good)).toMatchObject({ ok: true, subject: 'user-42' });
    expect(v.verifications).toBe(before);
  });
});

describe('JWKS from a URL', () => {
  let server: Server;
  let url: string;
  let served: JWK[] = [];
  let fetches = 0;
  let down = false;
  let clock = 1_000_000;
  const rs: { kid: string; key: CryptoKey; jwk: JWK }[] = [];
  // No verified-token cache here: these tests are about when the keys are fetched.
  const config: JwtConfig = { algorithms: ['RS256'], clockSkewSeconds: 0, subjectClaim: 'sub', verifiedCacheSeconds: 0 };

  beforeAll(async () => {
    for (const kid of ['a', 'b']) {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      rs.push({ kid, key: privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } });
    }
    server = createServer((_req, res) => {
      fetches++;
      if (down) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    fetches = 0;
    down = false;
  });

  const sign = (kid: string) =>
    new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid }).setSubject(`via-${kid}`).setExpirationTime(Math.floor(Date.now() / 1000) + 300).sign(rs.find((k) => k.kid === kid)!.key);
  const verifier = () =>
    new JwtVerifier(config, remoteJwks({ url, cacheSeconds: 600, minRefreshSeconds: 30, staleIfErrorSeconds: 3600, timeoutMs: 2000, now: () => clock }), null);

  it('fetches once and serves later tokens from the cache', async () => {
    served = [rs[0].jwk];
    const v = verifier();
    for (let i = 0; i < 5; i++) expect(await v.verify(await sign('a'))).toMatchObject({ ok: true, subject: 'via-a' });
    expect(fetches).toBe(1);
  });

  it('refetches on an unknown kid (the issuer rotated), at most once per minRefreshSeconds', async () => {
    served = [rs[0].jwk];
    const v = verifier();
    expect(await v.verify(await sign('a'))).toMatchObject({ ok: true });
    served = [rs[1].jwk];
    clock += 31_000;
    expect(await v.verify(await sign('b'))).toMatchObject({ ok: true, subject: 'via-b' });
    expect(fetches).toBe(2);
    // A flood of tokens with kids nobody published costs no more fetches inside the window.
    for (let i = 0; i < 20; i++) expect(await v.verify(await sign('a'))).toMatchObject({ ok: false, reason: 'jwt_key_unknown' });
    expect(fetches).toBe(2);
    // An unknown kid is not remembered as a failure: the issuer may publish it at the next refresh.
    const remembering = new JwtVerifier({ ...config, verifiedCacheSeconds: 60 }, remoteJwks({ url, cacheSeconds: 600, minRefreshSeconds: 30, staleIfErrorSeconds: 0, timeoutMs: 2000, now: () => clock }), null);
    const unknownKid = await sign('a');
    for (let i = 0; i < 3; i++) expect(await remembering.verify(unknownKid)).toMatchObject({ ok: false, reason: 'jwt_key_unknown' });
    expect(remembering.verifications).toBe(3);
  });

  it('keeps verifying with the last good keys while the URL fails (stale-if-error), within its bound', async () => {
    served = [rs[0].jwk];
    const v = verifier();
    expect(await v.verify(await sign('a'))).toMatchObject({ ok: true });
    down = true;
    clock += 700_000; // past cacheSeconds: a refetch is due and fails
    expect(await v.verify(await sign('a'))).toMatchObject({ ok: true });
    expect(fetches).toBe(2);
    clock += 3_600_000; // past staleIfErrorSeconds too
    expect(await v.verify(await sign('a'))).toMatchObject({ ok: false, reason: 'jwt_keys_unavailable' });
  });

  it('does not verify a token it verified again until the cache time or its exp, whichever comes first', async () => {
    served = [rs[0].jwk];
    const cached = new JwtVerifier({ ...config, verifiedCacheSeconds: 60 }, remoteJwks({ url, cacheSeconds: 600, minRefreshSeconds: 30, staleIfErrorSeconds: 0, timeoutMs: 2000, now: () => clock }), null);
    const longLived = await sign('a');
    const shortExp = Math.floor(Date.now() / 1000) + 2;
    const shortLived = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'a' }).setSubject('short').setExpirationTime(shortExp).sign(rs[0].key);
    expect(await cached.verify(longLived)).toMatchObject({ ok: true });
    expect(await cached.verify(shortLived)).toMatchObject({ ok: true, subject: 'short' });
    // Keys gone for good: only the cache can still answer.
    down = true;
    clock += 10_000_000;
    expect(await cached.verify(longLived)).toMatchObject({ ok: true, subject: 'via-a' });
    await new Promise((r) => setTimeout(r, shortExp * 1000 - Date.now() + 100));
    expect(await cached.verify(shortLived)).toMatchObject({ ok: false });
  });

  it('answers jwt_keys_unavailable (503) when no keys were ever fetched, without hammering the URL', async () => {
    down = true;
    const v = verifier();
    for (let i = 0; i < 10; i++) expect(await v.verify(await sign('a'))).toMatchObject({ ok: false, reason: 'jwt_keys_unavailable' });
    expect(fetches).toBe(1);
  });
});
