import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket } from 'ws';
import { waitForLogLine } from '../helpers/log-lines.js';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { rawRequest, startTestWarden } from '../helpers/warden.js';

const big = randomBytes(20 * 1024 * 1024);
let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let wss: WebSocketServer;
let port: number;

beforeAll(async () => {
  const wsPort = await freePort();
  wss = new WebSocketServer({ host: '127.0.0.1', port: wsPort });
  wss.on('connection', (ws) => ws.on('message', (m) => ws.send(`echo:${m.toString()}`)));
  nginx = await startNginx({ wsPort, extraHtml: { 'big.bin': big } });
  warden = await startTestWarden(nginx.origin);
  port = Number(warden.address.split(':').pop());
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
  wss?.close();
});

/** The access-log line NGINX wrote for `uri`. */
async function seenByNginx(uri: string): Promise<Record<string, string>> {
  const line = await nginx.logged((l) => l.uri === uri);
  if (line === undefined) throw new Error(`NGINX never saw ${uri}`);
  return line;
}

describe('transparent pass-through to a real NGINX', () => {
  it('forwards method, path and query byte-for-byte, duplicates and odd encodings included', async () => {
    const target = '/echo/a%2Fb/./c//d?x=1&x=2&y=%zz&z=a+b%20c&empty=&flag';
    // A raw socket: HTTP clients would normalise the dot segment before sending.
    const raw = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: shop.test\r\nConnection: close\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.endsWith('{"ok":true}')).toBe(true);
    expect((await seenByNginx(target)).method).toBe('GET');
  });

  it('forwards urlencoded, JSON and multipart bodies unchanged', async () => {
    const form = 'name=Zo%C3%AB+O%27Neil&comment=select+the+best+union+plan';
    const formRes = await request(`${warden.origin}/echo/form`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(formRes.statusCode).toBe(200);
    await formRes.body.text();
    expect((await seenByNginx('/echo/form')).body).toBe(form);

    const json = JSON.stringify({ user: { name: 'Ann', tags: ['a', 'b'] }, note: 'ünïcödé ✓' });
    const jsonRes = await request(`${warden.origin}/echo/json`, { method: 'PUT', body: json, headers: { 'content-type': 'application/json' } });
    expect(jsonRes.statusCode).toBe(200);
    await jsonRes.body.text();
    expect(await seenByNginx('/echo/json')).toMatchObject({ method: 'PUT', body: json, ct: 'application/json' });

    const boundary = '----warden1234';
    const multipart =
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHoliday\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="beach.txt"\r\nContent-Type: text/plain\r\n\r\nsand and sea\r\n` +
      `--${boundary}--\r\n`;
    const uploadRes = await request(`${warden.origin}/echo/upload`, { method: 'POST', body: multipart, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploadRes.statusCode).toBe(200);
    await uploadRes.body.text();
    expect((await seenByNginx('/echo/upload')).body).toBe(multipart);
  });

  it('inspects and forwards a chunked request body after de-chunking', async () => {
    const raw = await rawRequest(
      port,
      'POST /echo/chunked HTTP/1.1\r\nHost: shop.test\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
        '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect((await seenByNginx('/echo/chunked')).body).toBe('hello world');
  });

  it('streams a 20 MB response intact', async () => {
    const res = await request(`${warden.origin}/static/big.bin`);
    expect(res.statusCode).toBe(200);
    const hash = createHash('sha256');
    for await (const chunk of res.body) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('relays status codes and response trailers', async () => {
    for (const status of [201, 404, 418, 503]) {
      const res = await request(`${warden.origin}/status/${status}`);
      expect(res.statusCode).toBe(status);
      expect(await res.body.text()).toBe(`status ${status}\n`);
    }
    const raw = await rawRequest(port, 'GET /trailer HTTP/1.1\r\nHost: t\r\nTE: trailers\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/transfer-encoding: chunked/i);
    expect(raw).toMatch(/\r\n0\r\nX-Checksum: abc123\r\n/i);
  });

  it('sets X-Forwarded-For/-Proto/-Host and keeps the Host header', async () => {
    await request(`${warden.origin}/echo/xff`, { headers: { host: 'shop.test', 'x-forwarded-for': '203.0.113.5', 'x-custom': 'kept' } });
    const line = await seenByNginx('/echo/xff');
    expect(line.host).toBe('shop.test');
    expect(line.xff).toBe('203.0.113.5, 127.0.0.1');
    expect(line.xfp).toBe('http');
    expect(line.xfh).toBe('shop.test');
    expect(line.custom).toBe('kept');
  });

  it("drops a client's own forwarding claims (Forwarded, X-Forwarded-Prefix/-Port, X-Real-IP): the peer is no trusted proxy", async () => {
    const headers = { host: 'shop.test', forwarded: 'for=203.0.113.5;host=evil.example;proto=https', 'x-forwarded-prefix': '/evil', 'x-forwarded-port': '443', 'x-real-ip': '203.0.113.5', 'x-custom': 'kept' };
    const res = await request(`${warden.origin}/echo/claims`, { headers });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    const line = await seenByNginx('/echo/claims');
    expect([line.fwd, line.xfport, line.xfprefix, line.xrealip]).toEqual(['', '', '', '']);
    expect(line.xfh).toBe('shop.test');
    expect(line.custom).toBe('kept');
  });

  it('answers 400 to a Host that is not host[:port] and forwards nothing (RFC 9112 §3.2)', async () => {
    const raw = await rawRequest(port, 'GET /echo/badhost HTTP/1.1\r\nHost: shop.test:80@evil.example\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"error":"bad_host"');
    const ok = await rawRequest(port, 'GET /echo/goodhost HTTP/1.1\r\nHost: shop.test:8443\r\nConnection: close\r\n\r\n');
    expect(ok).toMatch(/^HTTP\/1\.1 200/);
    expect(await seenByNginx('/echo/goodhost')).toBeDefined();
    expect(nginx.accessLog().some((l) => l.uri === '/echo/badhost')).toBe(false);
    // Logged like every refusal before the gates, with its code (SIEM sees it).
    // pino writes asynchronously: poll for the line (bounded) rather than read the file once.
    const refused = await waitForLogLine(warden.logFile, (l) => l.event === 'refused' && (l.request as { url?: string } | undefined)?.url === '/echo/badhost');
    expect(refused.code).toBe('WARDEN_PROXY_BAD_HOST');
  });

  it('answers 400 to a second Host, Content-Type or Authorization line and forwards nothing (undici refused two Hosts: a 502)', async () => {
    const cases = [
      ['dup-host', 'Host: shop.test\r\nHost: admin.internal', 'bad_host', 'WARDEN_PROXY_BAD_HOST'],
      ['dup-type', 'Host: shop.test\r\nContent-Type: text/plain\r\ncontent-type: multipart/form-data; boundary=x', 'repeated_field', 'WARDEN_PROXY_REPEATED_FIELD'],
      ['dup-auth', 'Host: shop.test\r\nAuthorization: Bearer a.b.c\r\nAuthorization: Basic YWRtaW46eA==', 'repeated_field', 'WARDEN_PROXY_REPEATED_FIELD'],
    ];
    for (const [name, lines, error, code] of cases) {
      const raw = await rawRequest(port, `POST /echo/${name} HTTP/1.1\r\n${lines}\r\nContent-Length: 3\r\nConnection: close\r\n\r\nq=1`);
      expect(raw, name).toMatch(/^HTTP\/1\.1 400/);
      expect(raw, name).toContain(`"error":"${error}"`);
      const refused = await waitForLogLine(warden.logFile, (l) => l.event === 'refused' && (l.request as { url?: string } | undefined)?.url === `/echo/${name}`);
      expect(refused.code, name).toBe(code);
    }
    expect(nginx.accessLog().some((l) => l.uri.startsWith('/echo/dup-'))).toBe(false);
    // Repeated fields that are lists or harmless still pass (two Accept lines, two cookies).
    const ok = await rawRequest(port, 'GET /echo/dup-ok HTTP/1.1\r\nHost: shop.test\r\nAccept: text/html\r\nAccept: */*\r\nCookie: a=1\r\nCookie: b=2\r\nConnection: close\r\n\r\n');
    expect(ok).toMatch(/^HTTP\/1\.1 200/);
  });

  it('answers 400 to a request-target that is neither a path nor an absolute URL, and logs the refusal', async () => {
    const raw = await rawRequest(port, 'GET ftp://shop.test/echo/badtarget HTTP/1.1\r\nHost: shop.test\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"error":"bad_request_target"');
    expect(raw.toLowerCase()).toContain('connection: close');
    expect(nginx.accessLog().some((l) => l.uri.includes('badtarget'))).toBe(false);
    const refused = await waitForLogLine(warden.logFile, (l) => l.event === 'refused' && (l.request as { url?: string } | undefined)?.url === 'ftp://shop.test/echo/badtarget');
    expect(refused.code).toBe('WARDEN_PROXY_BAD_REQUEST_TARGET');
  });

  it('reuses keep-alive connections to the upstream', async () => {
    for (let i = 0; i < 20; i++) await (await request(`${warden.origin}/echo/pool-${i}`)).body.text();
    // NGINX writes a request's log line just after answering it: wait for the last one before counting.
    expect(await nginx.logged((l) => l.uri === '/echo/pool-19')).toBeDefined();
    const lines = nginx.accessLog().filter((l) => l.uri.startsWith('/echo/pool-'));
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => l.connection)).size).toBeLessThan(5);
    expect(Math.max(...lines.map((l) => Number(l.connreq)))).toBeGreaterThan(1);
  });

  it('passes a WebSocket upgrade through to the upstream and back', async () => {
    const ws = new WebSocket(`ws://${warden.address}/ws`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('ping'));
      ws.on('message', (m) => resolve(m.toString()));
      ws.on('error', reject);
    });
    ws.close();
    expect(reply).toBe('echo:ping');
  });

  it('refuses an Upgrade header on a request with a body instead of splicing it through', async () => {
    const raw = await rawRequest(
      port,
      'POST /echo/smuggle HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 5\r\n\r\nhello',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(nginx.accessLog().some((l) => l.uri === '/echo/smuggle')).toBe(false);
  });

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const raw = await rawRequest(port, 'GARBAGE\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    const res = await request(`${warden.origin}/echo/after-garbage`);
    expect(res.statusCode).toBe(200);
    await res.body.text();
  });

  it('logs client errors to the decision log', async () => {
    // pino writes asynchronously: on a busy machine the line lands a little after the answer.
    let log = '';
    for (let waited = 0; waited <= 3000 && !log.includes('"event":"client-error"'); waited += 50) {
      log = readFileSync(warden.logFile, 'utf8');
      if (!log.includes('"event":"client-error"')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(log).toContain('"event":"client-error"');
  });
});
