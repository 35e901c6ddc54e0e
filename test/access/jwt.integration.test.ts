import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

/**
 * Real tokens end to end: keys of every accepted algorithm generated here, a JWKS server on
 * 127.0.0.1 that rotates its keys mid-test, Warden in front of NGINX passing the subject upstream.
 */
const HS_SECRET = 'integration-hmac-secret-0123456789abcdef';
const ALGS = [
  ['RS256', {}],
  ['ES256', {}],
  ['EdDSA', { crv: 'Ed25519' }],
] as const;

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let jwksServer: Server;
let published: JWK[] = [];
let jwksFetches = 0;
const signing = new Map<string, { alg: string; key: CryptoKey | Uint8Array }>();

async function addKey(alg: string, opts: object, kid: string): Promise<JWK> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { ...opts, extractable: true });
  signing.set(kid, { alg, key: privateKey });
  return { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
}

const sign = (kid: string, sub: string, scope = 'orders:read'): Promise<string> => {
  const s = signing.get(kid)!;
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: s.alg, kid })
    .setSubject(sub)
    .setIssuer('https://id.test/')
    .setAudience('orders-api')
    .setExpirationTime('2m')
    .sign(s.key);
};

beforeAll(async () => {
  for (const [alg, opts] of ALGS) published.push(await addKey(alg, opts, `v1-${alg}`));
  signing.set('hs', { alg: 'HS256', key: new TextEncoder().encode(HS_SECRET) });
  jwksServer = createServer((_req, res) => {
    jwksFetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'warden-jwt-it-'));
  writeFileSync(join(dir, 'hs.secret'), HS_SECRET);
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, {
    access: {
      jwt: {
        jwks: { url: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`, cacheSeconds: 600, minRefreshSeconds: 0 },
        secret: { file: join(dir, 'hs.secret') },
        issuer: 'https://id.test/',
        audience: 'orders-api',
        algorithms: ['RS256', 'ES256', 'EdDSA', 'HS256'],
      },
      routes: [
        { match: { pathPrefix: '/echo/orders' }, require: { anyOf: ['jwt'], scopes: ['orders:read'] } },
        { match: { pathPrefix: '/echo/public' }, require: 'none' },
      ],
    },
  });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
  await new Promise<void>((r) => (jwksServer ? jwksServer.close(() => r()) : r()));
});

async function call(path: string, bearer: string): Promise<number> {
  const res = await request(`${warden.origin}${path}`, { headers: { authorization: `Bearer ${bearer}`, 'x-warden-subject': 'forged' } });
  await res.body.text();
  return res.statusCode;
}

describe('JWT in front of NGINX', () => {
  it.each([...ALGS.map(([alg]) => [alg, `v1-${alg}`]), ['HS256', 'hs']])('passes a %s token and sends its subject upstream', async (alg, kid) => {
    const sub = `user-${alg.toLowerCase()}`;
    expect(await call(`/echo/orders/${alg}`, await sign(kid, sub))).toBe(200);
    const line = await nginx.logged((l) => l.uri === `/echo/orders/${alg}`);
    expect(line).toMatchObject({ wsubject: sub, wauth: 'jwt' });
  });

  it('follows the issuer\'s key rotation: new kids verify after one refetch, retired ones stop', async () => {
    const before = jwksFetches;
    const retired = await sign('v1-ES256', 'old-session');
    published = [];
    for (const [alg, opts] of ALGS) published.push(await addKey(alg, opts, `v2-${alg}`));
    for (const [alg] of ALGS) expect(await call(`/echo/orders/rotated-${alg}`, await sign(`v2-${alg}`, `rotated-${alg}`))).toBe(200);
    // One refetch per new kid at most (minRefreshSeconds 0 here); the first one brings all three.
    expect(jwksFetches - before).toBe(1);
    expect((await nginx.logged((l) => l.uri === '/echo/orders/rotated-EdDSA'))?.wsubject).toBe('rotated-EdDSA');
    const res = await request(`${warden.origin}/echo/orders/old`, { headers: { authorization: `Bearer ${retired}` } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="warden", error="invalid_token"');
    await res.body.text();
  });

  it('refuses a token without the route scope with 403, and lets require: none through without one', async () => {
    expect(await call('/echo/orders/scope', await sign('v2-RS256', 'reader', 'profile'))).toBe(403);
    const res = await request(`${warden.origin}/echo/public/x`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
    const line = await nginx.logged((l) => l.uri === '/echo/public/x');
    expect(line).toMatchObject({ wsubject: '', wauth: '' });
  });
});
