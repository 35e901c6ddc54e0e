import { readFileSync } from 'node:fs';
import { connect as h2connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { CertificateDir, type TestCa } from '../helpers/certificates.js';
import { FLAG, FRAME, RawH2Client, frame, headerBlock, requestFields } from '../helpers/h2-frames.js';
import type { RunningWarden } from '../../src/warden.js';

let nginx: NginxUpstream;
let certs: CertificateDir;
let ca: TestCa;
let w: RunningWarden;
let port: number;

const RST_CANCEL = Buffer.from([0, 0, 0, 8]);
const ENHANCE_YOUR_CALM = 0xb;

beforeAll(async () => {
  certs = new CertificateDir();
  ca = certs.ca('h2');
  nginx = await startNginx();
  w = await startTestWarden(nginx.origin, { model: { enabled: false }, decision: { minimumConfidence: 'medium' }, tls: { certificates: [ca.issue('api', ['api.test'])] } });
  port = Number(w.address.split(':').pop());
}, 60_000);

afterAll(async () => {
  await w?.close();
  await nginx?.stop();
  certs?.remove();
});

/** A well-behaved HTTP/2 request on a new session: still served after each abuse. */
async function normalRequest(path: string, headers: Record<string, string> = {}): Promise<number> {
  const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(ca.cert), servername: 'api.test' });
  try {
    return await new Promise<number>((resolve, reject) => {
      const req = session.request({ ':path': path, ...headers });
      req.on('response', (h) => resolve(Number(h[':status'])));
      req.on('error', reject);
      req.end();
      req.resume();
    });
  } finally {
    session.close();
  }
}

/** Opens a raw session and waits for the server's SETTINGS to be acknowledged (they bind the client only then). */
async function rawSession(): Promise<RawH2Client> {
  const c = await RawH2Client.open(port, 'api.test');
  await c.until(() => c.frames.some((f) => f.type === FRAME.SETTINGS && (f.flags & FLAG.ACK) !== 0), 2_000);
  return c;
}

describe('HTTP/2 abuse is bounded', () => {
  it('announces a bounded number of concurrent streams and a header list limit', async () => {
    const c = await rawSession();
    const settings = c.settings();
    expect(settings.get(0x3)).toBe(100); // MAX_CONCURRENT_STREAMS
    expect(settings.get(0x6)).toBe(32768); // MAX_HEADER_LIST_SIZE
    c.close();
  });

  it('rapid reset: 5,000 requests each cancelled at once reach neither the gates nor NGINX, and the session is closed', async () => {
    const c = await rawSession();
    const before = nginx.accessLog().length;
    for (let i = 0; i < 5_000; i++) {
      const id = 1 + 2 * i;
      const sent = await c.write(Buffer.concat([frame(FRAME.HEADERS, FLAG.END_HEADERS | FLAG.END_STREAM, id, headerBlock(requestFields(`/echo/rr-${i}`, 'api.test'))), frame(FRAME.RST_STREAM, 0, id, RST_CANCEL)]));
      if (!sent) break;
    }
    await c.until(() => c.goaway() !== null, 3_000);
    const goaway = c.goaway();
    expect(goaway).not.toBeNull();
    expect(goaway!.lastStreamId).toBeLessThan(2 * 5_000);
    c.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(nginx.accessLog().length - before).toBe(0);
    expect(await normalRequest('/echo/after-rapid-reset')).toBe(200);
  });

  it('CONTINUATION flood: a header block that never ends closes the session with an error', async () => {
    const c = await rawSession();
    await c.write(frame(FRAME.HEADERS, FLAG.END_STREAM, 1, headerBlock(requestFields('/echo/continuation', 'api.test'))));
    for (let i = 0; i < 20_000 && !c.closed && c.goaway() === null; i++) await c.write(frame(FRAME.CONTINUATION, 0, 1, headerBlock([[`x-h${i}`, 'v']])));
    await c.until(() => c.goaway() !== null, 3_000);
    // nghttp2 caps CONTINUATION frames; the GOAWAY's code (PROTOCOL_ERROR or INTERNAL_ERROR) depends on where it stops reading.
    const goaway = c.goaway();
    expect(goaway).not.toBeNull();
    expect(goaway!.errorCode).toBeGreaterThan(0);
    expect(goaway!.lastStreamId).toBeLessThanOrEqual(1);
    c.close();
    expect(nginx.accessLog().some((l) => l.uri === '/echo/continuation')).toBe(false);
    expect(await normalRequest('/echo/after-continuation')).toBe(200);
  });

  it('a header list past maxHeaderListBytes is refused (RST_STREAM ENHANCE_YOUR_CALM) and never forwarded', async () => {
    const c = await rawSession();
    const big = Array.from({ length: 25 }, (_, i): [string, string] => [`x-big-${i}`, 'a'.repeat(4_000)]);
    const block = headerBlock(requestFields('/echo/huge-headers', 'api.test', big));
    const frames: Buffer[] = [];
    for (let off = 0; off < block.length; off += 16_000) {
      const last = off + 16_000 >= block.length;
      frames.push(frame(off === 0 ? FRAME.HEADERS : FRAME.CONTINUATION, (off === 0 ? FLAG.END_STREAM : 0) | (last ? FLAG.END_HEADERS : 0), 1, block.subarray(off, off + 16_000)));
    }
    await c.write(Buffer.concat(frames));
    await c.until(() => c.frames.some((f) => f.streamId === 1 && (f.type === FRAME.RST_STREAM || f.type === FRAME.HEADERS)), 3_000);
    const rst = c.frames.find((f) => f.streamId === 1 && f.type === FRAME.RST_STREAM);
    expect(rst?.payload.readUInt32BE(0)).toBe(ENHANCE_YOUR_CALM);
    c.close();
    expect(nginx.accessLog().some((l) => l.uri === '/echo/huge-headers')).toBe(false);
    // 18 KB of headers, under the limit (and under NGINX's 8 KB per header line), is served.
    expect(await normalRequest('/echo/big-but-fine', { 'x-big-1': 'a'.repeat(6_000), 'x-big-2': 'b'.repeat(6_000), 'x-big-3': 'c'.repeat(6_000) })).toBe(200);
  });

  it('refuses CONNECT over HTTP/2 (no RFC 8441 WebSocket tunnel past the gates) with 405', async () => {
    const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(ca.cert), servername: 'api.test' });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ':method': 'CONNECT', ':authority': '127.0.0.1:22' });
        req.on('response', (h) => resolve(Number(h[':status'])));
        req.on('error', reject);
        req.resume();
      });
      expect(status).toBe(405);
    } finally {
      session.destroy();
    }
  });
});
