import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { rawRequest, startTestWarden } from '../helpers/warden.js';

// Issue 17: attacks padded past an inspection limit reached the upstream. Each case is sent through a
// real Warden in front of a real NGINX; NGINX's access log is the proof of what arrived.
const ATTACK = "' UNION SELECT password FROM users--";

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let prefixWarden: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, {});
  prefixWarden = await startTestWarden(nginx.origin, { body: { overLimit: 'inspect-prefix' } });
});

afterAll(async () => {
  await warden?.close();
  await prefixWarden?.close();
  await nginx?.stop();
});

interface Sent {
  status: number;
  incidentId: string | undefined;
}

async function send(origin: string, path: string, method: string, contentType: string | null, body: string | Buffer | Readable | null): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers['content-type'] = contentType;
  const res = await request(`${origin}${path}`, { method: method as 'POST', headers, body });
  await res.body.text();
  const incident = res.headers['x-warden-incident'];
  return { status: res.statusCode, incidentId: typeof incident === 'string' ? incident : undefined };
}

/** Nothing with this path reached the application behind NGINX (a logged 200 would mean it did). */
async function nothingArrived(path: string): Promise<void> {
  // Give NGINX the time to write a line it may have written; then there must be none with a 200.
  await new Promise((r) => setTimeout(r, 150));
  const lines = nginx.accessLog().filter((l) => l.uri.startsWith(path));
  expect(lines.filter((l) => l.status === '200')).toEqual([]);
  expect(lines.some((l) => l.body.includes('UNION'))).toBe(false);
}

async function arrived(path: string): Promise<Record<string, string>> {
  const line = await nginx.logged((l) => l.uri.startsWith(path));
  expect(line?.status).toBe('200');
  return line!;
}

function decisionLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Benign log-like text (an upload worth inspect-prefix), `bytes` long. */
function logText(bytes: number): string {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `2026-12-03T10:${String(i % 60).padStart(2, '0')}:00Z GET /products/${i} 200 (${i * 7} bytes) "Mozilla/5.0"\n`;
  return out.slice(0, bytes);
}

const formFields = (n: number): string => Array.from({ length: n }, (_, i) => `field${i}=hello+world+${i}`).join('&');

describe('attacks padded past an inspection limit are blocked', () => {
  it('blocks a JSON body nested 65 levels deep with the attack at the bottom', async () => {
    let body = JSON.stringify(ATTACK);
    for (let i = 0; i < 65; i++) body = `{"a":${body}}`;
    const sent = await send(warden.origin, '/echo/deep-json', 'POST', 'application/json', body);
    expect(sent.status).toBe(403);
    await nothingArrived('/echo/deep-json');
  });

  it('blocks a JSON object whose first 1,023 keys are benign and the next one the attack', async () => {
    const doc: Record<string, string> = {};
    for (let i = 0; i < 1023; i++) doc[`key${i}`] = `benign value ${i}`;
    doc.name = ATTACK;
    expect((await send(warden.origin, '/echo/many-keys', 'POST', 'application/json', JSON.stringify(doc))).status).toBe(403);
    await nothingArrived('/echo/many-keys');
  });

  it('blocks a form with 2,000 benign fields and then the attack', async () => {
    const body = `${formFields(2000)}&q=${encodeURIComponent(ATTACK)}`;
    expect((await send(warden.origin, '/echo/big-form', 'POST', 'application/x-www-form-urlencoded', body)).status).toBe(403);
    await nothingArrived('/echo/big-form');
  });

  it('blocks a GET with 1,100 query parameters and then q=…UNION SELECT…', async () => {
    const query = `${Array.from({ length: 1100 }, (_, i) => `p${i}=${i}`).join('&')}&q=${encodeURIComponent(`1${ATTACK}`)}`;
    expect((await send(warden.origin, `/echo/big-query?${query}`, 'GET', null, null)).status).toBe(403);
    await nothingArrived('/echo/big-query');
  });

  it('blocks a multipart body whose 301st part carries the attack', async () => {
    const b = 'limitsBoundary7';
    const parts = Array.from({ length: 300 }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nhello ${i}\r\n`).join('');
    const body = `${parts}--${b}\r\nContent-Disposition: form-data; name="comment"\r\n\r\n${ATTACK}\r\n--${b}--\r\n`;
    expect((await send(warden.origin, '/echo/many-parts', 'POST', `multipart/form-data; boundary=${b}`, body)).status).toBe(403);
    await nothingArrived('/echo/many-parts');
  });

  it('blocks, with inspect-prefix, a 2 MB body whose attack lies past the first MiB', async () => {
    const body = `${logText(1.5 * 1048576)}\nsearch=${ATTACK}\n${logText(0.5 * 1048576)}`;
    const sent = await send(prefixWarden.origin, '/echo/prefix-attack', 'POST', 'text/plain', body);
    expect(sent.status).toBe(403);
    expect(sent.incidentId).toBeDefined();
    await nothingArrived('/echo/prefix-attack');
    const line = await waitForLine(prefixWarden.logFile, (l) => l.incidentId === sent.incidentId);
    expect(line).toMatchObject({ action: 'block', inspection: 'partial' });
    // Judged on the window that holds the attack, after the first MiB streamed clean.
    expect((line?.explain as { decidedBy: string }).decidedBy).toBe('evidence');
    expect((line?.remainder as { scannedBytes: number }).scannedBytes).toBeGreaterThan(0);
  });
});

describe('benign requests past the same limits still pass', () => {
  it('forwards a form with 2,000 benign fields whole', async () => {
    const body = formFields(2000);
    expect((await send(warden.origin, '/echo/benign-form', 'POST', 'application/x-www-form-urlencoded', body)).status).toBe(200);
    expect((await arrived('/echo/benign-form')).body).toBe(body);
  });

  it('forwards a JSON body of 1,500 keys and a 70-level nesting', async () => {
    const doc: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) doc[`key${i}`] = `benign value ${i}`;
    let nested: unknown = 'the bottom of the tree';
    for (let i = 0; i < 70; i++) nested = { child: nested };
    doc.tree = nested;
    expect((await send(warden.origin, '/echo/benign-json', 'POST', 'application/json', JSON.stringify(doc))).status).toBe(200);
    await arrived('/echo/benign-json');
  });

  it('forwards, with inspect-prefix, a 2 MB benign body and logs it as allow with inspection partial', async () => {
    async function* chunks() {
      // Streamed in pieces, as a client uploading a large form would.
      const body = logText(2 * 1048576);
      for (let i = 0; i < body.length; i += 100_000) yield Buffer.from(body.slice(i, i + 100_000));
    }
    const sent = await send(prefixWarden.origin, '/echo/prefix-benign', 'POST', 'text/plain', Readable.from(chunks()));
    expect(sent.status).toBe(200);
    expect((await arrived('/echo/prefix-benign')).body.length).toBe(2 * 1048576);
    const line = await waitForLine(prefixWarden.logFile, (l) => (l.request as { path?: string })?.path === '/echo/prefix-benign');
    expect(line).toMatchObject({ action: 'allow', inspection: 'partial' });
    expect((line.remainder as { scannedBytes: number }).scannedBytes).toBe(1048576);
  });
});

async function waitForLine(file: string, fits: (l: Record<string, unknown>) => boolean, ms = 10_000): Promise<Record<string, unknown>> {
  return waitForLogLine(file, fits, ms);
}

describe('bodies that do not parse as their declared Content-Type', () => {
  it('are inspected as text by default: an attack in malformed JSON is blocked, a benign one forwarded', async () => {
    const attack = `{"name": "${ATTACK}", "unterminated": `;
    expect((await send(warden.origin, '/echo/malformed-attack', 'POST', 'application/json', attack)).status).toBe(403);
    await nothingArrived('/echo/malformed-attack');
    const benign = '{"name": "Ann", "note": "trailing comma",}';
    expect((await send(warden.origin, '/echo/malformed-benign', 'POST', 'application/json', benign)).status).toBe(200);
    expect((await arrived('/echo/malformed-benign')).body).toBe(benign);
  });

  it('are refused with 400 and an incident id under malformedBody: refuse, for JSON, XML and multipart alike', async () => {
    const strict = await startTestWarden(nginx.origin, { inspection: { malformedBody: 'refuse' } });
    try {
      const cases: [string, string, string][] = [
        ['/echo/refuse-json', 'application/json', '{"name": "Ann", "note": "trailing comma",}'],
        ['/echo/refuse-xml', 'application/xml', '<order><item>1</order>'],
        ['/echo/refuse-multipart', 'multipart/form-data; boundary=xyz', 'no boundary line here'],
      ];
      for (const [path, type, body] of cases) {
        const sent = await send(strict.origin, path, 'POST', type, body);
        expect(sent.status, path).toBe(400);
        expect(sent.incidentId).toBeDefined();
        await nothingArrived(path);
      }
      // Well-formed bodies are untouched by the policy.
      expect((await send(strict.origin, '/echo/refuse-ok', 'POST', 'application/json', '{"name":"Ann"}')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('bounded work: a compressed body is held to the inspection limit once decoded', () => {
  // 8 MB of JSON in a few hundred KB of gzip (ratio ~13, inside decompress.maxBytes and maxRatio).
  const doc = JSON.stringify(
    Array.from({ length: 30_000 }, (_, i) => ({ id: i, name: `item ${i}`, note: `${'lorem ipsum dolor sit amet '.repeat(8)}${(i * 2654435761) % 1e9}` })),
  );
  const gz = gzipSync(doc);

  it('refuses it with 413 by default, before parsing it', async () => {
    expect(gz.length).toBeLessThan(1048576);
    expect(doc.length).toBeGreaterThan(4 * 1048576);
    const res = await request(`${warden.origin}/echo/inflated`, { method: 'POST', body: gz, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(res.statusCode).toBe(413);
    expect(((await res.body.json()) as { error: string }).error).toBe('decoded_content_too_large');
    await nothingArrived('/echo/inflated');
  });

  it('inspects the first body.limit decoded bytes with inspect-prefix, and says the inspection was partial', async () => {
    const res = await request(`${prefixWarden.origin}/echo/inflated-prefix`, { method: 'POST', body: gz, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    expect((await arrived('/echo/inflated-prefix')).ce).toBe('gzip');
    const line = await waitForLine(prefixWarden.logFile, (l) => (l.request as { path?: string })?.path === '/echo/inflated-prefix');
    expect(line).toMatchObject({ action: 'allow', inspection: 'partial', request: { bytes: 1048576 } });
  });
});

describe('decision-log volume under a flood', () => {
  it('writes the first lines of one source and rule in full and counts the rest in a summary, while blocking all of them', async () => {
    const sampled = await startTestWarden(nginx.origin, { logging: { sampling: { perKey: 5, windowMs: 2000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await send(sampled.origin, `/echo/flood?q=${encodeURIComponent(`1${ATTACK}`)}`, 'GET', null, null)).status);
      // A different kind of incident from the same source is written at once.
      const other = await send(sampled.origin, '/echo/flood-xss?q=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E', 'GET', null, null);
      expect(statuses.every((s) => s === 403)).toBe(true);
      expect(other.status).toBe(403);
      // The loop may straddle a window boundary on a slow machine: then two windows each write their
      // first five lines. Either way every one of the 60 is written in full or counted in a summary.
      const floodSummaries = (): Record<string, unknown>[] =>
        decisionLines(sampled.logFile).filter((l) => l.event === 'verdict-summary' && (l.key as { action?: string })?.action === 'block');
      const fullFlood = (): Record<string, unknown>[] =>
        decisionLines(sampled.logFile).filter((l) => l.event === 'verdict' && (l.request as { path: string }).path === '/echo/flood');
      const accounted = (): number => fullFlood().length + floodSummaries().reduce((n, l) => n + Number(l.suppressed), 0);
      const deadline = Date.now() + 10_000;
      while (accounted() < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(accounted()).toBe(60);
      const verdicts = decisionLines(sampled.logFile).filter((l) => l.event === 'verdict');
      expect(verdicts.some((l) => l.incidentId === other.incidentId)).toBe(true);
      const summaries = floodSummaries();
      expect(summaries.length).toBeGreaterThanOrEqual(1);
      expect(fullFlood().length).toBeLessThanOrEqual(5 * (summaries.length + 1));
      for (const summary of summaries) expect(summary).toMatchObject({ written: 5, key: { action: 'block' } });
    } finally {
      await sampled.close();
    }
  });
});

describe('request smuggling (kept from the reliability suite)', () => {
  it('refuses Content-Length together with Transfer-Encoding with 400 and forwards neither request', async () => {
    const port = Number(warden.address.split(':').pop());
    const raw = await rawRequest(
      port,
      'POST /echo/smuggle-clte HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /echo/smuggled HTTP/1.1\r\nHost: t\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    await new Promise((r) => setTimeout(r, 150));
    expect(nginx.accessLog().some((l) => l.uri.startsWith('/echo/smuggle'))).toBe(false);
  });
});
