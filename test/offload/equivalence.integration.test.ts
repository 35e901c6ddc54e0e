import { gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyRequests } from '../../bench/lib/worst-case-bodies.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { readLogLines, type LogLine } from '../helpers/log-lines.js';
import { startTestWarden } from '../helpers/warden.js';

// Issue 17, "no request stalls the event loop": bodies from offload.minBodyBytes are walked and judged
// in an inspection worker thread. The same request must get the same answer and the same decision-log
// line whichever thread inspected it: verdict, reasons, hits, findings, partial-inspection outcome.
const ATTACK = "' UNION SELECT password FROM users--";
const KiB = 1024;

interface Case {
  name: string;
  path?: string;
  contentType: string;
  encoding?: string;
  body: Buffer;
}

function jsonWithAttackAt(depth: number): Buffer {
  let v: unknown = ATTACK;
  for (let i = 0; i < depth; i++) v = { a: v };
  const filler = Array.from({ length: 3000 }, (_, i) => ({ id: i, note: `benign ${i}` }));
  return Buffer.from(JSON.stringify({ filler, deep: v }));
}

function formWithAttackLast(fields: number): Buffer {
  return Buffer.from(`${Array.from({ length: fields }, (_, i) => `f${i}=hello+${i}`).join('&')}&q=${encodeURIComponent(ATTACK)}`);
}

function multipartWithAttackInPart(parts: number, at: number): { contentType: string; body: Buffer } {
  const b = 'EqBoundary';
  const all = Array.from({ length: parts }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${i === at ? ATTACK : `hello ${i} ${'x'.repeat(200)}`}\r\n`);
  return { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`${all.join('')}--${b}--\r\n`) };
}

function cases(): Case[] {
  const heavy = heavyRequests().map((h) => ({ name: h.name, contentType: h.contentType, encoding: h.encoding, body: h.body }));
  const mp = multipartWithAttackInPart(400, 301);
  return [
    ...heavy,
    { name: 'JSON, attack 64 levels deep under 3,000 objects', contentType: 'application/json', body: jsonWithAttackAt(64) },
    { name: 'form of 5,000 fields, attack last', contentType: 'application/x-www-form-urlencoded', body: formWithAttackLast(5000) },
    { name: 'multipart, attack in part 301 of 400', ...mp },
    { name: 'text with a command injection', contentType: 'text/plain', body: Buffer.from(`${'benign words here. '.repeat(8000)}; cat /etc/passwd`) },
    { name: 'benign JSON of 2,000 objects', contentType: 'application/json', body: Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `n${i}` })))) },
    { name: 'malformed JSON', contentType: 'application/json', body: Buffer.from(`{"a": [${'1,'.repeat(60_000)}`) },
    { name: 'gzip JSON within the limit, attack inside', contentType: 'application/json', encoding: 'gzip', body: gzipSync(Buffer.from(JSON.stringify({ rows: Array.from({ length: 4000 }, (_, i) => `row ${i}`), q: ATTACK }))) },
    // ~12,000 parts walk in 40-60 ms of CPU, cut at 10: past maxMultipartParts and maxTargets (the first
    // ~1,000 parts, a few ms) on any machine, and short of the light-target cap (17,408) on any machine.
    { name: 'multipart of 12,000 parts on a route with a 10 ms CPU budget (cut)', path: '/tight/submit', contentType: heavy[2].contentType, body: heavy[2].body },
    { name: 'JSON on a route with a 1 MiB memory budget (cut)', path: '/small/submit', contentType: 'application/json', body: Buffer.from(JSON.stringify(Array.from({ length: 12_000 }, (_, i) => ({ id: i, name: `item ${i}` })))) },
  ];
}

/** What must not differ: everything but when and how long (time, timings, ids drawn per request). */
function comparable(line: LogLine): unknown {
  const drop = new Set(['time', 'pid', 'hostname', 'incidentId', 'timings', 'timingsUs', 'msg', 'receivedAt', 'id', 'host']);
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !drop.has(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  const out = strip(line) as { limits?: { uncovered?: string[]; reached?: string[]; remainderTargets?: number }; model?: { total?: number } };
  // Where a CPU budget cuts a walk depends on how fast this machine ran it at that moment (in-loop twice
  // differs too): how many targets were made before the cut, and so which count limits the walk reached
  // first (a heavily loaded machine cut it once before maxMultipartParts), is left out; that it was cut is not.
  if (out.limits?.uncovered?.includes('cpuBudgetMs') === true) {
    delete out.limits.remainderTargets;
    delete out.limits.reached;
    if (out.model !== undefined) delete out.model.total;
    // The inspect gate's finding names the first limit reached: the 10 ms budget, or maxMultipartParts when
    // the walk got that far first (CI at quiet did once). That a limit was reached stays compared.
    const unnameLimit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(unnameLimit);
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.ruleId === 'WARDEN_INSPECT_LIMIT_REACHED') delete o.message;
        Object.values(o).forEach(unnameLimit);
      }
    };
    unnameLimit(out);
  }
  return out;
}

const config = (threads: number): Record<string, unknown> => ({
  offload: { threads, minBodyBytes: 64 * KiB },
  logging: { logAllowed: true },
  // Reputation reads the wall clock (its evidence decays), so two Wardens' histories differ by when, not by where the walk ran.
  reputation: { enabled: false },
  routes: [
    { match: { pathPrefix: '/tight' }, cpuBudgetMs: 10 },
    { match: { pathPrefix: '/small' }, memoryBudgetMb: 1 },
  ],
});

let nginx: NginxUpstream;
beforeAll(async () => {
  nginx = await startNginx();
}, 60_000);
afterAll(async () => {
  await nginx?.stop();
});

async function send(origin: string, c: Case, tag: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': c.contentType, 'x-case': tag };
  if (c.encoding !== undefined) headers['content-encoding'] = c.encoding;
  const res = await request(`${origin}${c.path ?? '/api/submit'}`, { method: 'POST', headers, body: c.body });
  await res.body.dump();
  return res.statusCode;
}

async function linesFor(file: string, count: number): Promise<LogLine[]> {
  for (let i = 0; i < 400; i++) {
    const lines = readLogLines(file).filter((l) => (l.request as { method?: string } | undefined)?.method === 'POST');
    if (lines.length >= count) return lines;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`fewer than ${count} decision lines in ${file}`);
}

describe('a big body inspected in a worker thread or on the event loop', () => {
  it('gets the same status and the same decision-log line either way', async () => {
    const all = cases();
    const inLoop = await startTestWarden(nginx.origin, config(0));
    const inWorker = await startTestWarden(nginx.origin, config(1));
    await inWorker.offload!.ready(); // threads start with the first big body; here before it, so every big body goes to one
    try {
      const statuses: Array<[number, number]> = [];
      for (const [i, c] of all.entries()) statuses.push([await send(inLoop.origin, c, String(i)), await send(inWorker.origin, c, String(i))]);
      expect(statuses.map(([a]) => a)).toEqual(statuses.map(([, b]) => b));
      // The worst-case mix's answers, as bench/worst-case-mix.ts prints them, and the attacks blocked.
      expect(statuses.slice(0, 6).map(([, b]) => b)).toEqual([403, 403, 200, 200, 403, 413]);
      expect(statuses.slice(6, 10).map(([, b]) => b)).toEqual([403, 403, 403, 403]);
      const expectedLines = statuses.length; // a verdict line each, or the 413's refused line
      const a = await linesFor(inLoop.logFile, expectedLines);
      const b = await linesFor(inWorker.logFile, expectedLines);
      expect(b.map(comparable)).toEqual(a.map(comparable));
      // The cut cases are partial in both, for their own budget.
      const uncovered = (l: LogLine): string[] => (l.limits as { uncovered?: string[] } | undefined)?.uncovered ?? [];
      expect(b.filter((l) => uncovered(l).includes('cpuBudgetMs'))).toHaveLength(1);
      expect(b.filter((l) => uncovered(l).includes('memoryBudgetMb'))).toHaveLength(1);
      // Bodies from 64 KiB as inspected (decoded) went to the thread, smaller ones stayed on the loop; the 413 was refused before.
      const inspectedBytes = (c: Case): number => (c.encoding === 'gzip' ? gunzipSync(c.body).length : c.body.length);
      const offloaded = all.filter((c, i) => statuses[i][1] !== 413 && inspectedBytes(c) >= 64 * KiB).length;
      expect(offloaded).toBeLessThan(all.length - 1);
      const metrics = await inWorker.metrics.registry.getSingleMetricAsString('warden_offload_requests_total');
      expect(metrics).toMatch(new RegExp(`warden_offload_requests_total ${offloaded}\\b`));
    } finally {
      await inLoop.close();
      await inWorker.close();
    }
  }, 120_000);
});
