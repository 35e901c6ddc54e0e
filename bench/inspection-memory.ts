/**
 * What one inspection keeps in memory (issue 17, "bounded memory per request"), in process: the walk's
 * estimate (src/inspect/memory-budget.ts, what inspection.memoryBudgetMb is held against) beside the
 * heap and external memory it actually keeps (measured with forced GCs around it: run with
 * --expose-gc), for the bench's worst-case bodies and for the costliest body for memory with a raised
 * body.limit (1,024 fields of 16 KiB whose values decode 8 ways), without a budget and with `--budget`.
 *
 *   node --expose-gc --import tsx bench/inspection-memory.ts [--budget MiB (32)]
 */
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createInspector } from '../src/inspect/build-inspection.js';
import type { Inspection, RawRequest } from '../src/inspect/types.js';
import { finishNow, UNTIMED } from '../src/inspect/work-clock.js';
import { heavyRequests } from './lib/worst-case-bodies.js';

const MiB = 1_048_576;
const mib = (bytes: number): string => (bytes / MiB).toFixed(2);

function request(contentType: string, body: Buffer): RawRequest {
  return { method: 'POST', url: '/api/import', httpVersion: '1.1', rawHeaders: ['Host', 'x', 'Content-Type', contentType], body, bodyTruncated: false, source: { ip: '127.0.0.1', port: 1, peerIp: '127.0.0.1' } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { budget: { type: 'string', default: '32' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('node --expose-gc --import tsx bench/inspection-memory.ts [--budget MiB (32)]\n');
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc --import tsx');
  const budget = Number(values.budget);
  const inspect = createInspector();
  const inspectWith = (raw: RawRequest, mibBudget: number): Inspection => finishNow(inspect.steps(raw, UNTIMED, mibBudget * MiB));
  /** Heap + external memory an inspection keeps, in bytes (the body's latin1 Snort buffer included). */
  const kept = (raw: RawRequest, mibBudget: number): { bytes: number; inspection: Inspection } => {
    inspectWith(raw, mibBudget);
    gc();
    gc();
    const before = process.memoryUsage();
    const inspection = inspectWith(raw, mibBudget);
    gc();
    gc();
    const after = process.memoryUsage();
    return { bytes: after.heapUsed + after.external - before.heapUsed - before.external, inspection };
  };
  /** The walk's estimate: the smallest budget (to 1/64 MiB) under which the inspection is not cut by it. */
  const estimate = (raw: RawRequest): number => {
    let lo = 0;
    let hi = 1024;
    for (let k = 0; k < 16; k++) {
      const mid = (lo + hi) / 2;
      if (inspectWith(raw, mid).limits?.uncovered.includes('memoryBudgetMb')) lo = mid;
      else hi = mid;
    }
    return hi * MiB;
  };

  process.stdout.write('body | targets | estimate (MiB) | kept: heap + external (MiB)\n');
  for (const h of heavyRequests()) {
    const body = h.encoding === 'gzip' ? gunzipSync(h.body).subarray(0, MiB) : h.body;
    const raw = request(h.contentType, body);
    const { bytes, inspection } = kept(raw, Infinity);
    process.stdout.write(`${h.name} | ${inspection.targets.length} | ${mib(estimate(raw))} | ${mib(bytes)}\n`);
  }
  const unit = '%2526lt%253B\\u0041+%20/**/';
  const value = unit.repeat(Math.ceil(16_384 / unit.length)).slice(0, 16_384);
  const amplifier = request('application/x-www-form-urlencoded', Buffer.from(Array.from({ length: 1024 }, (_, i) => `f${i}=${value}`).join('&')));
  for (const b of [Infinity, budget]) {
    const { bytes, inspection } = kept(amplifier, b);
    const forms = inspection.targets.reduce((n, t) => n + t.decoded.length, 0);
    process.stdout.write(
      `16 MiB form, 1,024 fields decoding 8 ways, budget ${b} MiB | ${inspection.targets.length} (${forms} decoded forms) | uncovered ${JSON.stringify(inspection.limits?.uncovered ?? [])} | ${mib(bytes)}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
