import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSize, gate2Line, readGateSamples, summarizeGateSamples, summarizeRounds, type Gate2Round } from '../../bench/lib/gate-timings.js';
import type { LoadRun } from '../../bench/lib/load-result.js';

function verdictLine(modelUs: number, screened: number, action = 'allow'): string {
  return JSON.stringify({ level: 30, event: 'verdict', action, model: { version: 'v', max: 0.1, screened, total: 9 }, timingsUs: { signatures: 20, model: modelUs, total: modelUs + 30 } });
}

describe('gate timings from the decision log', () => {
  it('reads verdict lines written after an offset and skips operational and cut lines', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gate2-test-')), 'decisions.ndjson');
    writeFileSync(file, `${JSON.stringify({ msg: 'gates assembled' })}\n${verdictLine(999, 1)}\n`);
    const from = fileSize(file);
    appendFileSync(file, `${verdictLine(10, 0)}\n${verdictLine(30, 2, 'block')}\n${JSON.stringify({ event: 'verdict', action: 'allow' })}\n{"event":"verdict","timi`);
    expect(readGateSamples(file, from)).toEqual([
      { modelUs: 10, screened: 0, totalUs: 40, action: 'allow' },
      { modelUs: 30, screened: 2, totalUs: 60, action: 'block' },
    ]);
  });

  it('summarizes nearest-rank percentiles, the share that reached the model and the actions', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => ({ modelUs: i + 1, screened: i % 4 === 0 ? 0 : 1, totalUs: 0, action: i < 100 ? 'block' : 'allow' }));
    const s = summarizeGateSamples(samples);
    expect(s).toMatchObject({ requests: 1000, medianUs: 500, p99Us: 990, p999Us: 999, maxUs: 1000, reachedModel: 0.75, actions: { block: 100, allow: 900 } });
    expect(s.reached.p99Us).toBeGreaterThan(s.reached.medianUs);
  });

  it('takes medians across rounds and says whether the 1 ms p99 target is met', () => {
    const load: LoadRun = { requests: 100, seconds: 1, rps: 100, p50Ms: 1, p99Ms: 2, statuses: {}, errors: 0, timeouts: 0 };
    const round = (p99Us: number, rps: number): Gate2Round => ({
      load: { ...load, rps },
      gate: { ...summarizeGateSamples([{ modelUs: 5, screened: 1, totalUs: 0, action: 'allow' }]), p99Us },
      loadAverage: [0, 0, 0],
    });
    const summary = summarizeRounds([round(800, 1000), round(1200, 900), round(900, 1100)]);
    expect(summary).toMatchObject({ p99Us: 900, rps: 1000, meetsTarget: true, requests: 3 });
    expect(gate2Line(summary, 50)).toMatch(/p99 900 µs.*load generator 1000 req\/s; target p99 ≤ 1000 µs: met/);
    expect(summarizeRounds([round(1001, 1)]).meetsTarget).toBe(false);
  });
});
