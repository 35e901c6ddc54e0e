import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect as h2connect } from 'node:http2';
import { CertificateDir } from '../helpers/certificates.js';
import { startTestWarden } from '../helpers/warden.js';
import { readLogLines, waitForLogLine } from '../helpers/log-lines.js';
import { freePort } from '../helpers/nginx.js';
import { issuedSessionId, startSessionUpstream, type SessionUpstream } from './session-upstream.js';

type TestWarden = Awaited<ReturnType<typeof startTestWarden>>;
const QUIET = { model: { enabled: false }, rules: { bundled: false } };

async function get(warden: TestWarden, path: string, cookie?: string) {
  const res = await request(`${warden.origin}${path}`, { headers: cookie === undefined ? {} : { cookie } });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: res.statusCode === 200 ? (JSON.parse(text) as { cookie?: string | null; issued?: string }) : null, text };
}

/** A WebSocket handshake through Warden: the 101's headers. */
function handshake(warden: TestWarden, path: string, cookie: string): Promise<IncomingMessage['headers']> {
  const { port } = new URL(warden.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port), path, headers: { connection: 'Upgrade', upgrade: 'websocket', cookie } });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.headers);
    });
    req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
    req.on('error', reject);
    req.end();
  });
}

async function metric(warden: TestWarden, name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = (await warden.metrics.registry.getMetricsAsJSON()).find((x) => x.name === name);
  const v = m?.values.find((x) => Object.entries(labels).every(([k, want]) => String((x.labels as Record<string, unknown>)[k]) === want));
  return Number(v?.value ?? 0);
}

describe('session guard in front of a real application server (one process, memory registry)', () => {
  let upstream: SessionUpstream;
  let warden: TestWarden | null = null;

  beforeAll(async () => {
    upstream = await startSessionUpstream();
  });
  afterEach(async () => {
    await warden?.close();
    warden = null;
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('passes a session the upstream issued, and strips one it never issued, keeping the other cookies', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0 } });
    const login = await get(warden, '/login');
    const id = issuedSessionId(login.headers['set-cookie']);
    expect(login.json?.issued).toBe(id);

    expect((await get(warden, '/account', `theme=dark; PHPSESSID=${id}`)).json?.cookie).toBe(`theme=dark; PHPSESSID=${id}`);

    // The fixation: an id the attacker chose, planted in the victim's browser.
    const planted = await get(warden, '/account', 'theme=dark; PHPSESSID=attackerchosen1234; lang=en');
    expect(planted.status).toBe(200);
    expect(planted.json?.cookie).toBe('theme=dark; lang=en');
    expect(upstream.seen.at(-1)).toEqual({ path: '/account', cookie: 'theme=dark; lang=en' });

    // Only the session cookie: the whole header goes.
    expect((await get(warden, '/account', 'PHPSESSID=attackerchosen1234')).json?.cookie).toBeNull();

    const line = await waitForLogLine(warden.logFile, (l) => l.event === 'session-unissued');
    expect(line).toMatchObject({ action: 'strip', reasons: [{ gate: 'session', ruleId: 'unissued-session-id', target: { location: 'cookie', name: 'PHPSESSID' } }], request: { path: '/account' } });
    expect(line.incidentId).toMatch(/.+/);
    expect((line.digestTags as string[])[0]).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(readFileSync(warden.logFile, 'utf8')).not.toContain('attackerchosen1234');
    expect(readFileSync(warden.logFile, 'utf8')).not.toContain(id);
    expect(await metric(warden, 'warden_session_unissued_total', { action: 'strip' })).toBe(2);
    expect(await metric(warden, 'warden_session_checks_total', { outcome: 'issued' })).toBe(1);
    expect(await metric(warden, 'warden_session_ids_recorded_total')).toBe(1);
  });

  it('strips a planted id from a WebSocket handshake too, and records an id its 101 issues', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0 } });
    await handshake(warden, '/ws', 'theme=dark; PHPSESSID=attackerchosen1234');
    expect(upstream.seen.at(-1)).toEqual({ path: '/ws', cookie: 'theme=dark' });
    const id = issuedSessionId((await handshake(warden, '/ws-login', 'theme=dark'))['set-cookie']);
    expect((await get(warden, '/account', `PHPSESSID=${id}`)).json?.cookie).toBe(`PHPSESSID=${id}`);
  });

  it('strips over HTTP/2, where a browser may send each cookie as its own header field', async () => {
    const certs = new CertificateDir();
    try {
      warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0 }, tls: { certificates: [certs.selfSigned('h2', ['127.0.0.1'])] } });
      const session = h2connect(`https://${warden.address}`, { ca: readFileSync(join(certs.dir, 'h2.pem')) });
      try {
        const body = await new Promise<string>((resolve, reject) => {
          // RFC 9113 §8.2.3: cookie crumbs, one field each.
          const req = session.request({ ':method': 'GET', ':path': '/account', cookie: ['theme=dark', 'PHPSESSID=attackerchosen1234', 'lang=en'] });
          let text = '';
          req.setEncoding('utf8');
          req.on('data', (c: string) => (text += c));
          req.on('end', () => resolve(text));
          req.on('error', reject);
        });
        const forwarded = (JSON.parse(body) as { cookie: string | null }).cookie ?? '';
        expect(forwarded).not.toContain('PHPSESSID');
        expect(forwarded).toContain('theme=dark');
        expect(forwarded).toContain('lang=en');
      } finally {
        session.close();
      }
    } finally {
      certs.remove();
    }
  });

  it('forwards a request without a session cookie untouched, and one after a logout strips the old id', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0, cookies: ['PHPSESSID'] } });
    expect((await get(warden, '/page', '_ga=GA1.2.3;theme=dark ;  x=1')).json?.cookie).toBe('_ga=GA1.2.3;theme=dark ;  x=1');
    expect(await metric(warden, 'warden_session_checks_total')).toBe(0);
  });

  it('forgets the id a logout ended: presented again afterwards, it is stripped', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0 } });
    const id = issuedSessionId((await get(warden, '/login')).headers['set-cookie']);
    expect((await get(warden, '/logout', `PHPSESSID=${id}`)).json?.cookie).toBe(`PHPSESSID=${id}`);
    expect((await get(warden, '/account', `theme=dark; PHPSESSID=${id}`)).json?.cookie).toBe('theme=dark');
  });

  it('answers 403 with an incident id under action: block, and the upstream never sees the request', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0, action: 'block' } });
    const before = upstream.seen.length;
    const res = await get(warden, '/account', 'PHPSESSID=attackerchosen1234');
    expect(res.status).toBe(403);
    expect(res.headers['x-warden-incident']).toMatch(/.+/);
    expect(upstream.seen.length).toBe(before);
    const line = await waitForLogLine(warden.logFile, (l) => l.event === 'verdict' && l.action === 'block');
    expect(line).toMatchObject({ incidentId: res.headers['x-warden-incident'], reasons: [{ gate: 'session', ruleId: 'unissued-session-id' }] });
    // An issued one still passes.
    const id = issuedSessionId((await get(warden, '/login')).headers['set-cookie']);
    expect((await get(warden, '/account', `PHPSESSID=${id}`)).json?.cookie).toBe(`PHPSESSID=${id}`);
    expect(await metric(warden, 'warden_session_unissued_total', { action: 'block' })).toBe(1);
  });

  it('only logs under action: detect', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 0, action: 'detect' } });
    expect((await get(warden, '/account', 'PHPSESSID=attackerchosen1234')).json?.cookie).toBe('PHPSESSID=attackerchosen1234');
    expect(await waitForLogLine(warden.logFile, (l) => l.event === 'session-unissued')).toMatchObject({ action: 'detect' });
  });

  it('lets an unknown id through during the warm-up (sessions issued before Warden started)', async () => {
    warden = await startTestWarden(upstream.origin, { ...QUIET, sessions: { warmupSeconds: 3600 } });
    expect((await get(warden, '/account', 'PHPSESSID=issuedbeforewarden')).json?.cookie).toBe('PHPSESSID=issuedbeforewarden');
    expect(await metric(warden, 'warden_session_checks_total', { outcome: 'warmup' })).toBe(1);
    expect(readLogLines(warden.logFile).filter((l) => l.event === 'session-unissued')).toEqual([]);
  });

  it('fails open when its Redis is unreachable: nothing stripped, the outage logged once, counted', async () => {
    const deadPort = await freePort();
    process.env.WARDEN_TEST_SESSION_KEY = 'a key every instance shares';
    warden = await startTestWarden(upstream.origin, {
      ...QUIET,
      sessions: { warmupSeconds: 0, store: 'redis', hashKey: { env: 'WARDEN_TEST_SESSION_KEY' }, redis: { url: `redis://127.0.0.1:${deadPort}`, retryAfterMs: 60000 } },
    });
    for (let i = 0; i < 3; i++) expect((await get(warden, '/account', `PHPSESSID=unknown${i}`)).json?.cookie).toBe(`PHPSESSID=unknown${i}`);
    const id = issuedSessionId((await get(warden, '/login')).headers['set-cookie']);
    expect((await get(warden, '/account', `PHPSESSID=${id}`)).json?.cookie).toBe(`PHPSESSID=${id}`);
    expect(await metric(warden, 'warden_session_checks_total', { outcome: 'unavailable' })).toBe(4);
    expect(await metric(warden, 'warden_session_store_fallbacks_total', { operation: 'lookup' })).toBe(4);
    expect(await metric(warden, 'warden_session_store_fallbacks_total', { operation: 'record' })).toBe(1);
    await waitForLogLine(warden.logFile, (l) => l.event === 'session-store-down');
    expect(readLogLines(warden.logFile).filter((l) => l.code === 'WARDEN_SESSIONS_STORE_UNAVAILABLE')).toHaveLength(1);
  });
});
