import { createServer, type Server } from 'node:net';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  nginx = await startNginx();
});

afterAll(async () => {
  for (const w of started) await w.close();
  await nginx?.stop();
});

async function warden(config: Record<string, unknown>, upstream = nginx.origin) {
  const w = await startTestWarden(upstream, config);
  started.push(w);
  return w;
}

async function waitFor<T>(fn: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('request bodies over the inspection limit', () => {
  it('refuses them with 413 and an incident id by default, forwarding nothing', async () => {
    const w = await warden({ body: { limit: 1024 } });
    const res = await request(`${w.origin}/echo/too-big`, { method: 'POST', body: 'x'.repeat(4096) });
    expect(res.statusCode).toBe(413);
    const body = (await res.body.json()) as { incidentId: string; error: string };
    expect(body.error).toBe('body_too_large');
    expect(body.incidentId).toMatch(/\S{8,}/);
    expect(res.headers['x-warden-incident']).toBe(body.incidentId);
    expect(nginx.accessLog().some((l) => l.uri === '/echo/too-big')).toBe(false);
  });

  it('refuses a chunked body that grows past the limit', async () => {
    const w = await warden({ body: { limit: 1024 } });
    async function* chunks() {
      for (let i = 0; i < 8; i++) yield Buffer.alloc(512, 97);
    }
    const res = await request(`${w.origin}/echo/chunked-too-big`, { method: 'POST', body: Readable.from(chunks()) });
    expect(res.statusCode).toBe(413);
    await res.body.text();
  });

  it('inspects the prefix and forwards the whole body with inspect-prefix', async () => {
    const w = await warden({ body: { limit: 1024, overLimit: 'inspect-prefix' } });
    const payload = 'y'.repeat(5000);
    const res = await request(`${w.origin}/echo/prefix`, { method: 'POST', body: payload });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    expect((await nginx.logged((l) => l.uri === '/echo/prefix'))?.body).toBe(payload);
  });
});

describe('compressed request bodies', () => {
  it('inspects the decoded body and forwards the original bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-traffic-'));
    const file = join(dir, 'traffic.ndjson');
    const w = await warden({ logging: { traffic: { enabled: true, file } } });
    const json = JSON.stringify({ comment: 'hello from a gzip body' });
    const res = await request(`${w.origin}/echo/gzip`, {
      method: 'POST',
      body: gzipSync(json),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    expect((await nginx.logged((l) => l.uri === '/echo/gzip'))?.ce).toBe('gzip');
    const line = await waitFor(() => {
      if (!existsSync(file)) return undefined;
      const found = readFileSync(file, 'utf8').split('\n').find((l) => l.includes('/echo/gzip'));
      return found === undefined ? undefined : (JSON.parse(found) as { body: string });
    });
    expect(line.body).toBe(json);
  });

  it('refuses a gzip bomb with 413 instead of inflating it', async () => {
    const w = await warden({ body: { limit: 1048576, decompress: { maxBytes: 8 * 1048576, maxRatio: 100 } } });
    const bomb = gzipSync(Buffer.alloc(200 * 1048576)); // 200 MB of zeros in ~200 KB
    const before = process.memoryUsage().rss;
    const res = await request(`${w.origin}/echo/bomb`, { method: 'POST', body: bomb, headers: { 'content-encoding': 'gzip' } });
    expect(res.statusCode).toBe(413);
    await res.body.text();
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1048576);
    expect(nginx.accessLog().some((l) => l.uri === '/echo/bomb')).toBe(false);
  });

  it('decodes the inspected prefix of a compressed body over the limit (inspect-prefix)', async () => {
    const w = await warden({ body: { limit: 4096, overLimit: 'inspect-prefix' } });
    // The attack sits in the first bytes; incompressible filler pushes the gzip body past the limit.
    const filler = Array.from({ length: 3000 }, (_, i) => (i * 2654435761).toString(36)).join(' ');
    const form = (comment: string) => gzipSync(`comment=${encodeURIComponent(comment)}&filler=${filler}`);
    const attack = form("1' UNION SELECT username, password FROM users-- ");
    expect(attack.length).toBeGreaterThan(4096);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' };
    const blocked = await request(`${w.origin}/echo/prefix-gzip-attack`, { method: 'POST', body: attack, headers });
    expect(blocked.statusCode).toBe(403);
    await blocked.body.text();
    // The same shape with a benign comment goes through whole, compressed bytes unchanged.
    const benign = form('Lovely shop, thanks for the quick delivery');
    const passed = await request(`${w.origin}/echo/prefix-gzip-benign`, { method: 'POST', body: benign, headers });
    expect(passed.statusCode).toBe(200);
    await passed.body.text();
    expect((await nginx.logged((l) => l.uri === '/echo/prefix-gzip-benign'))?.ce).toBe('gzip');
  });

  it('refuses an unknown content encoding with 415', async () => {
    const w = await warden({});
    const res = await request(`${w.origin}/echo/zstd`, { method: 'POST', body: 'abc', headers: { 'content-encoding': 'zstd-magic' } });
    expect(res.statusCode).toBe(415);
    await res.body.text();
  });
});

describe('slow clients', () => {
  it('drops a client that never finishes its headers (slowloris) and keeps serving others', async () => {
    const w = await warden({ timeouts: { clientHeadersMs: 600 } });
    const port = Number(w.address.split(':').pop());
    const { connect } = await import('node:net');
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', () => resolve(got));
      socket.write('GET /echo/slow HTTP/1.1\r\nHost: t\r\nX-Drip: ');
      const drip = setInterval(() => socket.writable && socket.write('a'), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
    const res = await request(`${w.origin}/echo/after-slowloris`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
  });
});

describe('upstream failures', () => {
  it('answers 502 with an incident id when the upstream is down', async () => {
    const deadPort = await freePort();
    const w = await warden({}, `http://127.0.0.1:${deadPort}`);
    const res = await request(`${w.origin}/anything`);
    expect(res.statusCode).toBe(502);
    const body = (await res.body.json()) as { error: string; incidentId: string };
    expect(body.error).toBe('upstream_unavailable');
    const log = await waitFor(() => {
      const text = existsSync(w.logFile) ? readFileSync(w.logFile, 'utf8') : '';
      return text.includes('"event":"upstream-error"') ? text : undefined;
    });
    expect(log).toContain(body.incidentId);
  });

  it('answers 504 when the upstream accepts but never answers', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const silentPort = (silent.address() as { port: number }).port;
    const w = await warden({ timeouts: { upstreamHeadersMs: 300 } }, `http://127.0.0.1:${silentPort}`);
    const res = await request(`${w.origin}/slow`);
    expect(res.statusCode).toBe(504);
    expect(((await res.body.json()) as { error: string }).error).toBe('upstream_timeout');
    silent.close();
  });
});
