/**
 * What access control adds per request (src/access/access-control.ts `check`): the address lists, an
 * API key, a JWT of each algorithm, each as the proxy calls it for one request (route lookup,
 * credential parsing, hashing or signature verification, scope check). Keys are generated here;
 * tokens are signed once and verified on every call, as a client re-sending its token would be.
 * Run: npx tsx bench/access.ts   (figures in µs; median and p99 of per-call latency)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { Bench } from 'tinybench';
import { buildAccessControl, type AccessRequest } from '../src/access/access-control.js';
import { hashApiKey } from '../src/access/api-keys.js';
import { validateWardenConfig } from '../src/config/load-config.js';
import { MemoryCounterStore } from '../src/ratelimit/counter-store.js';
import { compileRateLimitRules, RateLimits } from '../src/ratelimit/rate-limits.js';
import { microBenchOptions, printMicroResults } from './lib/micro-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-bench-access-'));
const HS = 'bench-hmac-secret-0123456789abcdef0123456789';
writeFileSync(join(dir, 'hs.secret'), HS);
const jwks: JWK[] = [];
const tokens: Record<string, string> = {};
const claims = { sub: 'user-42', iss: 'https://id.bench/', aud: 'orders-api', scope: 'orders:read profile' };
for (const [alg, opts] of [
  ['RS256', {}],
  ['ES256', {}],
  ['EdDSA', { crv: 'Ed25519' }],
] as const) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { ...opts, extractable: true });
  jwks.push({ ...(await exportJWK(publicKey)), kid: alg, alg });
  tokens[alg] = await new SignJWT(claims).setProtectedHeader({ alg, kid: alg }).setExpirationTime('1h').sign(privateKey);
}
// A client retrying an expired token (valid signature, exp an hour ago): the case failed-credential rate limits see.
const { privateKey: expiredKey, publicKey: expiredPublic } = await generateKeyPair('RS256', { extractable: true });
jwks.push({ ...(await exportJWK(expiredPublic)), kid: 'RS256-expired', alg: 'RS256' });
const expiredToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'RS256-expired' }).setExpirationTime('-1h').sign(expiredKey);
tokens.HS256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(HS));
writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: jwks }));

// 100,000 deny-list networks, so the address check is measured at the size the issue asks for.
const deny: string[] = [];
for (let i = 0; i < 100_000; i++) deny.push(`${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`);

const keys = Array.from({ length: 1000 }, (_, i) => ({ id: `client-${i}`, hash: hashApiKey(`wk_bench-key-${i}`), scopes: ['orders:read'] }));
const configOf = (verifiedCacheSeconds: number) => validateWardenConfig({
  access: {
    ipDeny: deny,
    apiKeys: { header: 'X-API-Key', keys },
    jwt: {
      jwks: { file: join(dir, 'jwks.json') },
      secret: { file: join(dir, 'hs.secret') },
      issuer: 'https://id.bench/',
      audience: 'orders-api',
      algorithms: ['HS256', 'RS256', 'ES256', 'EdDSA'],
      verifiedCacheSeconds,
    },
    routes: [
      { match: { pathPrefix: '/public/' }, require: 'none' },
      { match: { pathPrefix: '/orders' }, require: { anyOf: ['apiKey', 'jwt'], scopes: ['orders:read'] } },
    ],
  },
}).access;
// Every token verified in full (cache off), and the default (a token verified once is cached for 60 s).
const uncached = (await buildAccessControl(configOf(0)))!;
const access = (await buildAccessControl(configOf(60)))!;

const headers = ['Host', 'api.bench', 'User-Agent', 'okhttp/4.12.0', 'Accept', 'application/json'];
const cases: Record<string, AccessRequest> = {
  'route require: none, 100k-network deny list': { method: 'GET', url: '/public/logo.png', rawHeaders: headers, ip: '198.51.100.7' },
  'API key (1,000 keys)': { method: 'GET', url: '/orders/17?expand=items', rawHeaders: [...headers, 'X-API-Key', 'wk_bench-key-517'], ip: '198.51.100.7' },
  ...Object.fromEntries(
    Object.entries(tokens).map(([alg, t]) => [`JWT ${alg}`, { method: 'GET', url: '/orders/17?expand=items', rawHeaders: [...headers, 'Authorization', `Bearer ${t}`], ip: '198.51.100.7' }]),
  ),
};

for (const [name, req] of Object.entries(cases)) {
  const out = await uncached.check(req);
  if (!out.allowed) throw new Error(`bench case "${name}" was refused: ${out.reason}`);
}

const bench = new Bench(microBenchOptions({ time: 1500 }));
for (const [name, req] of Object.entries(cases)) bench.add(name, async () => void (await uncached.check(req)));
for (const alg of Object.keys(tokens)) bench.add(`JWT ${alg}, token seen before (cached)`, async () => void (await access.check(cases[`JWT ${alg}`])));
const expiredCase: AccessRequest = { ...cases['JWT RS256'], rawHeaders: [...headers, 'Authorization', `Bearer ${expiredToken}`] };
if ((await access.check(expiredCase)).allowed) throw new Error('the expired token was accepted');
bench.add('JWT RS256 expired, full verification (401)', async () => void (await uncached.check(expiredCase)));
bench.add('JWT RS256 expired, resent (failure remembered, 401)', async () => void (await access.check(expiredCase)));
// A flood of distinct forged tokens (a real kid, a signature of another key; verified by the uncached
// verifier, as 500 tokens would repeat within the run): each one is verified in
// full, until a `key: ip` rule refuses the address; from then on the proxy answers 429 from
// RateLimits.refusedAlready before access control runs (src/ratelimit/README.md, "Over the limit").
const { privateKey: forgerKey } = await generateKeyPair('ES256', { extractable: true });
const forged: AccessRequest[] = [];
for (let i = 0; i < 500; i++) {
  const t = await new SignJWT({ ...claims, sub: `forged-${i}` }).setProtectedHeader({ alg: 'ES256', kid: 'ES256' }).setExpirationTime('1h').sign(forgerKey);
  forged.push({ ...cases['JWT ES256'], rawHeaders: [...headers, 'Authorization', `Bearer ${t}`] });
}
if ((await access.check(forged[0])).allowed) throw new Error('a forged token was accepted');
let nextForged = 0;
bench.add('JWT ES256 forged, distinct each call (401)', async () => void (await uncached.check(forged[nextForged++ % forged.length])));
const limits = new RateLimits(
  compileRateLimitRules(validateWardenConfig({ rateLimits: { rules: [{ id: 'per-ip', key: 'ip', limit: 1, windowSeconds: 3600 }] } }).rateLimits, { apiKey: true, jwt: true }),
  new MemoryCounterStore(),
);
const limitsReq = { ...forged[0], identity: undefined };
await limits.check(limitsReq);
if ((await limits.check(limitsReq))?.limited === null || limits.refusedAlready(limitsReq) === null) throw new Error('the address was not refused');
bench.add('same flood, address already refused by a key: ip rule (429 before verification)', () => void limits.refusedAlready({ ...forged[nextForged++ % forged.length], identity: undefined }));
await bench.run();
printMicroResults(bench);

// Wall-clock latency includes waiting for a core (and, for JWT, for the libuv pool thread WebCrypto
// verifies on); process CPU time per call is the cost itself, and much less sensitive to a busy machine.
const rounds = process.env.WARDEN_BENCH_SMOKE === '1' ? 50 : 2000;
const cpu: Record<string, string> = {};
for (const [name, req] of Object.entries(cases)) {
  const before = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await uncached.check(req);
  const used = process.cpuUsage(before);
  cpu[name] = `${((used.user + used.system) / rounds).toFixed(1)} µs CPU per call`;
}
console.table(cpu);
access.close();
uncached.close();
