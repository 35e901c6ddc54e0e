import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { startTestWarden } from '../helpers/warden.js';

// Issue 17, "bounded work per request": what one inspection builds (text copies of the body, targets)
// is estimated as it is built and held to inspection.memoryBudgetMb; past it the request fails closed
// like any other uncovered limit.
const ATTACK = "' UNION SELECT password FROM users--";

/**
 * A ~1 MB form of 8,500 fields of 110 chars, `last` as the final field's value: within every other
 * limit (targets, light targets, body size), but the walk's estimate is ~3.4 MiB.
 */
function wideForm(last = 'the-end'): Buffer {
  const value = 'lorem-ipsum-dolor-sit-amet_'.repeat(5).slice(0, 110);
  const fields = Array.from({ length: 8500 }, (_, i) => `f${i}=${value}`);
  fields.push(`q=${last}`);
  return Buffer.from(fields.join('&'));
}

/** An ordinary big request: 200 KB of JSON, 1,500 objects (estimate ~1.4 MiB). */
const catalogue = JSON.stringify(Array.from({ length: 1500 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], note: 'x'.repeat(60) })));

const pathOf = (l: Record<string, unknown>): string | undefined => (l.request as { path?: string } | undefined)?.path;

describe('a request over the inspection memory budget', () => {
  let nginx: NginxUpstream;
  let warden: Awaited<ReturnType<typeof startTestWarden>>;

  beforeAll(async () => {
    nginx = await startNginx();
    warden = await startTestWarden(nginx.origin, {
      // The CPU budget out of the way (default 200 ms): a loaded machine must not cut these walks by time before memory.
      inspection: { memoryBudgetMb: 2, cpuBudgetMs: 20000 },
      routes: [
        { match: { pathPrefix: '/import/' }, partial: { uncovered: 'judge' } },
        { match: { pathPrefix: '/bulk/' }, memoryBudgetMb: 64 },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await warden?.close();
    await nginx?.stop();
  });

  it('is blocked, an attack in its last field included, logged as partial and cut by memoryBudgetMb, and nothing reaches the upstream', async () => {
    for (const [path, body] of [
      ['/memory/attack', wideForm(encodeURIComponent(ATTACK))],
      ['/memory/benign', wideForm()],
    ] as const) {
      const res = await request(`${warden.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      await res.body.dump();
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-warden-incident']).toBeTruthy();
      const line = await waitForLogLine(warden.logFile, (l) => pathOf(l) === path);
      expect(line).toMatchObject({ action: 'block', inspection: 'partial' });
      expect((line.limits as { uncovered: string[] }).uncovered).toContain('memoryBudgetMb');
      if (path === '/memory/benign') expect(JSON.stringify(line.reasons)).toContain('WARDEN_DECISION_UNINSPECTED');
    }
    // NGINX logs a request when it answers; give it time to have written one had anything arrived.
    await new Promise((r) => setTimeout(r, 300));
    expect(nginx.accessLog().filter((l) => l.uri.startsWith('/memory/'))).toEqual([]);
  }, 60_000);

  it('passes an ordinary big request within the budget, inspected in full, to the upstream', async () => {
    const res = await request(`${warden.origin}/catalogue/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: catalogue });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    expect(await nginx.logged((l) => l.uri.startsWith('/catalogue/import'))).toBeDefined();
  }, 60_000);

  it('passes a benign body over the budget where the route judges on what was seen, logged as partial', async () => {
    const res = await request(`${warden.origin}/import/bulk`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: wideForm() });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    const line = await waitForLogLine(warden.logFile, (l) => pathOf(l) === '/import/bulk');
    expect(line).toMatchObject({ action: 'allow', inspection: 'partial' });
    expect((line.limits as { uncovered: string[] }).uncovered).toContain('memoryBudgetMb');
  }, 60_000);

  it('inspects the same body in full on a route with a budget of its own (routes[].memoryBudgetMb), and passes it', async () => {
    const res = await request(`${warden.origin}/bulk/import`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: wideForm() });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    expect(await nginx.logged((l) => l.uri.startsWith('/bulk/import'))).toBeDefined();
  }, 60_000);
});
