import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine } from '../helpers/log-lines.js';

const SECRET = 'refused-before-access-hmac-secret-0123456789';

const token = (secret: string, sub: string): Promise<string> =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('5m').sign(new TextEncoder().encode(secret));

/**
 * A flood of distinct forged tokens from one address: once an identity-free rule (here `key: ip`)
 * refuses the address, later requests are answered 429 before their token is verified, as the limit
 * would answer them anyway; the refusals before that are verified and counted as failed credentials.
 */
describe.skipIf(nginxBinary() === null)('rate limits before access control', () => {
  let nginx: NginxUpstream;
  let w: Awaited<ReturnType<typeof startTestWarden>>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-rl-before-access-'));
    writeFileSync(join(dir, 'hs.secret'), SECRET);
    nginx = await startNginx();
    w = await startTestWarden(nginx.origin, {
      model: { enabled: false },
      rules: { bundled: false },
      forwarding: { trustedProxies: ['127.0.0.1/32'] },
      access: {
        jwt: { secret: { file: join(dir, 'hs.secret') }, algorithms: ['HS256'] },
        routes: [{ match: { pathPrefix: '/echo/orders' }, require: { anyOf: ['jwt'] } }],
      },
      rateLimits: { rules: [{ id: 'per-ip', match: { pathPrefix: '/echo/orders' }, key: 'ip', limit: 3, windowSeconds: 60 }] },
    });
  }, 60_000);

  afterAll(async () => {
    await w?.close();
    await nginx?.stop();
  });

  const send = async (ip: string, bearer: string, i: number): Promise<number> => {
    const res = await request(`${w.origin}/echo/orders/${i}`, { headers: { 'x-forwarded-for': ip, authorization: `Bearer ${bearer}` } });
    await res.body.text();
    return res.statusCode;
  };

  const signatureFailures = async (): Promise<number> =>
    (await w.metrics.accessDenied.get()).values.find((v) => v.labels.reason === 'jwt_signature_invalid')?.value ?? 0;

  it('verifies forged tokens up to the limit, then refuses the address without verifying another', async () => {
    const ip = '198.51.100.40';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await send(ip, await token(`forged-${i}-${SECRET}`, 'mallory'), i));
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // The first 429 came from the store after the 4th token's verification; the 5th to 8th were never verified.
    expect(await signatureFailures()).toBe(4);
    const line = await waitForLogLine(w.logFile, (l) => l.status === 429 && (l.explain as { count?: number } | undefined)?.count === 8);
    expect(line.explain).toMatchObject({ decidedBy: 'ratelimit', rateLimit: 'per-ip', rateLimitKey: `ip=${ip}` });
  });

  it('answers a valid token from the refused address 429 too, as the per-address limit would, and other addresses 200', async () => {
    const valid = await token(SECRET, 'alice');
    expect(await send('198.51.100.40', valid, 100)).toBe(429);
    expect(await send('198.51.100.41', valid, 101)).toBe(200);
  });
});
