import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { helloFormFields } from '../helpers/big-bodies.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { startTestWarden } from '../helpers/warden.js';

// Issue 17, "bounded work per request": one event loop serves every request, so a body that takes
// 100+ ms to walk used to stall every other request for as long. Inspection now runs in slices that
// take turns with other work, within a CPU budget past which the request fails closed.
const ATTACK = "' UNION SELECT password FROM users--";
const MiB = 1_048_576;

/** A 1 MiB form of ~90,000 fields, `last` as the final field's value. */
function hugeForm(last = 'the+end'): Buffer {
  const fields = helloFormFields(MiB - 200);
  fields.push(`q=${last}`);
  return Buffer.from(fields.join('&'));
}

/** A ~1 MiB multipart body of ~12,000 small parts. */
function hugeMultipart(boundary: string): Buffer {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < MiB - 200; i++) {
    const p = `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nhello ${i}\r\n`;
    parts.push(p);
    length += p.length;
  }
  return Buffer.from(`${parts.join('')}--${boundary}--\r\n`);
}

let nginx: NginxUpstream;

beforeAll(async () => {
  nginx = await startNginx();
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
});

async function timedGet(origin: string): Promise<number> {
  const started = performance.now();
  const res = await request(`${origin}/products?id=42&sort=price`, { headers: { accept: 'application/json' } });
  await res.body.dump();
  expect(res.statusCode).toBe(200);
  return performance.now() - started;
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

describe('a normal GET beside worst-case bodies', () => {
  let warden: Awaited<ReturnType<typeof startTestWarden>>;

  beforeAll(async () => {
    warden = await startTestWarden(nginx.origin, {});
  }, 60_000);

  afterAll(async () => {
    await warden?.close();
  });

  it('stays within a bounded multiple of its idle latency while 1 MiB bodies of ~10⁴–10⁵ fields are inspected', async () => {
    const b = 'sliceBoundary';
    const heavy = [
      { contentType: 'application/x-www-form-urlencoded', body: hugeForm() },
      { contentType: `multipart/form-data; boundary=${b}`, body: hugeMultipart(b) },
    ];
    for (let i = 0; i < 20; i++) await timedGet(warden.origin); // warm-up (JIT, connections)
    const idle: number[] = [];
    for (let i = 0; i < 60; i++) idle.push(await timedGet(warden.origin));

    // One client sends worst-case bodies back to back; another sends GETs until 8 bodies were judged.
    let judged = 0;
    let stop = false;
    const heavyLoop = (async () => {
      for (let i = 0; !stop && i < 40; i++) {
        const h = heavy[i % heavy.length];
        const res = await request(`${warden.origin}/api/import`, { method: 'POST', headers: { 'content-type': h.contentType }, body: h.body });
        await res.body.dump();
        judged++;
      }
    })();
    const beside: number[] = [];
    try {
      // Bounded: at most 2,000 GETs, and only while bodies are still being sent.
      while (judged < 8 && beside.length < 2000) beside.push(await timedGet(warden.origin));
    } finally {
      stop = true;
      await heavyLoop;
    }
    // Idle p90 floored at 2 ms: on a quiet machine it is ~1 ms, and a few 1 ms slices beside it are what slicing means.
    const ratio = quantile(beside, 0.9) / Math.max(2, quantile(idle, 0.9));
    console.log(`GET p90 idle ${quantile(idle, 0.9).toFixed(1)} ms, beside worst-case bodies ${quantile(beside, 0.9).toFixed(1)} ms (${beside.length} GETs): ${ratio.toFixed(1)}x`);
    // Unsliced, a GET waits for whole inspections (~100–400 ms each): 80x idle on this machine at load ~10 (1b4affc's parent).
    // Sliced: 5–15x, 15.3x once at load 12 with the whole suite beside it; 40x keeps the margin both ways.
    expect(ratio).toBeLessThan(40);
  }, 120_000);
});

describe('a request over the inspection CPU budget', () => {
  let warden: Awaited<ReturnType<typeof startTestWarden>>;
  let judging: Awaited<ReturnType<typeof startTestWarden>>;

  beforeAll(async () => {
    // 1 ms: far less than walking ~90,000 fields costs on any machine.
    warden = await startTestWarden(nginx.origin, { inspection: { cpuBudgetMs: 1 } });
    judging = await startTestWarden(nginx.origin, { inspection: { cpuBudgetMs: 1 }, routes: [{ match: { pathPrefix: '/uploads' }, partial: { uncovered: 'judge' } }] });
  }, 60_000);

  afterAll(async () => {
    await warden?.close();
    await judging?.close();
  });

  it('blocks an attack in the last field of a body too costly to walk, and logs the inspection as partial, cut by cpuBudgetMs', async () => {
    const res = await request(`${warden.origin}/budget/attack`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeForm(encodeURIComponent(ATTACK)) });
    await res.body.dump();
    expect(res.statusCode).toBe(403);
    const line = await waitForLogLine(warden.logFile, (l) => (l.request as { path?: string } | undefined)?.path === '/budget/attack');
    expect(line).toMatchObject({ action: 'block', inspection: 'partial' });
    expect((line.limits as { uncovered: string[] }).uncovered).toContain('cpuBudgetMs');
    await new Promise((r) => setTimeout(r, 150));
    expect(nginx.accessLog().filter((l) => l.uri.startsWith('/budget/attack'))).toEqual([]);
  }, 60_000);

  it('blocks a benign body too costly to walk by default (uninspected), and passes it where the route judges on what was seen', async () => {
    const blocked = await request(`${warden.origin}/budget/benign`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeForm() });
    await blocked.body.dump();
    expect(blocked.statusCode).toBe(403);
    const line = await waitForLogLine(warden.logFile, (l) => (l.request as { path?: string } | undefined)?.path === '/budget/benign');
    expect(JSON.stringify(line.reasons)).toContain('WARDEN_DECISION_UNINSPECTED');

    const judged = await request(`${judging.origin}/uploads/benign`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeForm() });
    await judged.body.dump();
    expect(judged.statusCode).toBe(200);
    const passed = await waitForLogLine(judging.logFile, (l) => (l.request as { path?: string } | undefined)?.path === '/uploads/benign');
    expect(passed).toMatchObject({ action: 'allow', inspection: 'partial' });
  }, 60_000);

  it('still inspects a small request in full under the same budget', async () => {
    const res = await request(`${warden.origin}/budget/small`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `name=ada&q=${encodeURIComponent(ATTACK)}` });
    await res.body.dump();
    expect(res.statusCode).toBe(403);
    const line = await waitForLogLine(warden.logFile, (l) => (l.request as { path?: string } | undefined)?.path === '/budget/small');
    expect(line).toMatchObject({ action: 'block', inspection: 'full' });
  }, 60_000);
});
