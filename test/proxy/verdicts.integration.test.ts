import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { rawRequest, startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  nginx = await startNginx();
});

afterAll(async () => {
  for (const w of started) await w.close();
  await nginx?.stop();
});

// Signatures alone give an obvious attack medium confidence: a real operator choice for a rules-only deployment.
const rulesOnly = { model: { enabled: false }, decision: { minimumConfidence: 'medium' } };

async function warden(config: Record<string, unknown>) {
  const w = await startTestWarden(nginx.origin, config);
  started.push(w);
  return w;
}

const attack = "/echo/search?q=1%27+UNION+SELECT+password+FROM+users--";


describe('verdicts through the proxy', () => {
  it('blocks an attack in prevent mode with 403, an incident id, and a decision log line naming the field', async () => {
    const w = await warden(rulesOnly);
    const before = nginx.accessLog().length;
    const res = await request(`${w.origin}${attack}`, { headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(403);
    const body = (await res.body.json()) as { error: string; incidentId: string };
    expect(body.error).toBe('request_blocked');
    expect(res.headers['x-warden-incident']).toBe(body.incidentId);
    expect(nginx.accessLog().length).toBe(before);
    const line = await waitForLogLine(w.logFile, (l) => l.incidentId === body.incidentId);
    expect(line).toMatchObject({ event: 'verdict', action: 'block', status: 403, mode: 'prevent' });
    const reasons = line.reasons as { gate: string; ruleId?: string; target?: { location: string; name: string } }[];
    expect(reasons.some((r) => r.gate === 'signatures' && r.target?.location === 'query' && r.target.name === 'q')).toBe(true);
  });

  it('answers browsers with an HTML block page', async () => {
    const w = await warden({ ...rulesOnly, block: { status: 406 } });
    const res = await request(`${w.origin}${attack}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.statusCode).toBe(406);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(await res.body.text()).toMatch(/Incident ID: <code>[0-9a-z]{18}<\/code>/);
  });

  it('forwards and logs a monitor verdict in detect mode', async () => {
    const w = await warden({ ...rulesOnly, mode: 'detect' });
    const res = await request(`${w.origin}${attack}&detect=1`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
    expect(await nginx.logged((l) => l.uri === `${attack}&detect=1`)).toBeDefined();
    await waitForLogLine(w.logFile, (l) => l.event === 'verdict' && l.action === 'monitor' && l.status === 200);
  });

  it('applies per-route modes and exceptions', async () => {
    const w = await warden({
      ...rulesOnly,
      routes: [{ match: { pathPrefix: '/echo/beta' }, mode: 'detect' }],
      exceptions: [{ match: { pathPrefix: '/echo/docs' }, targets: ['q'] }],
    });
    const beta = await request(`${w.origin}/echo/beta?q=1'+UNION+SELECT+password+FROM+users--`);
    expect(beta.statusCode).toBe(200);
    await beta.body.text();
    const docs = await request(`${w.origin}/echo/docs?q=1'+UNION+SELECT+password+FROM+users--`);
    expect(docs.statusCode).toBe(200);
    await docs.body.text();
    const other = await request(`${w.origin}/echo/other?q=1'+UNION+SELECT+password+FROM+users--`);
    expect(other.statusCode).toBe(403);
    await other.body.text();
  });

  it('inspects an Upgrade handshake like any request: an attack in it is blocked, not spliced through', async () => {
    const w = await warden(rulesOnly);
    const port = Number(w.address.split(':').pop());
    const before = nginx.accessLog().length;
    const raw = await rawRequest(
      port,
      `GET ${attack} HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 403/);
    expect(raw).toMatch(/X-Warden-Incident: [0-9a-z]{18}/);
    expect(nginx.accessLog().length).toBe(before);
  });

  it('lets plain traffic through untouched', async () => {
    const w = await warden(rulesOnly);
    for (const url of ['/echo/products?id=12&sort=price', "/echo/people?name=O'Neil", '/echo/?utm_source=news&utm_medium=email']) {
      const res = await request(`${w.origin}${url}`);
      expect(res.statusCode, url).toBe(200);
      await res.body.text();
    }
  });
});
