import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecisionLogger } from '../../src/log/decision-log.js';
import { VerdictSampler, type VerdictSummary } from '../../src/log/verdict-sampler.js';

function sampler(perKey: number, clock: { t: number }) {
  const summaries: VerdictSummary[] = [];
  const s = new VerdictSampler({ perKey, windowMs: 60_000, maxKeys: 3 }, (x) => summaries.push(x), () => clock.t);
  return { s, summaries };
}

describe('decision-log sampling per (source, rule, action)', () => {
  it('writes the first lines of a key in full, counts the rest, and sums them up when the window closes', () => {
    const clock = { t: 0 };
    const { s, summaries } = sampler(2, clock);
    const admitted = Array.from({ length: 10 }, (_, i) => s.admit('198.51.100.7', '1:9000102', 'block', `id${i}`));
    expect(admitted.filter(Boolean)).toHaveLength(2);
    clock.t = 60_000;
    s.admit('198.51.100.7', '1:9000102', 'block', 'id10');
    expect(summaries).toEqual([
      { event: 'verdict-summary', key: { source: '198.51.100.7', rule: '1:9000102', action: 'block' }, suppressed: 8, written: 2, windowStart: new Date(0).toISOString(), lastIncidentId: 'id9' },
    ]);
    s.close();
  });

  it('never drops a distinct kind of incident: a new rule or a new source is written in full at once', () => {
    const clock = { t: 0 };
    const { s } = sampler(1, clock);
    expect(s.admit('a', 'r1', 'block', '1')).toBe(true);
    expect(s.admit('a', 'r1', 'block', '2')).toBe(false);
    expect(s.admit('a', 'r2', 'block', '3')).toBe(true);
    expect(s.admit('b', 'r1', 'block', '4')).toBe(true);
    expect(s.admit('a', 'r1', 'monitor', '5')).toBe(true);
    s.close();
  });

  it('closes the window early past maxKeys, keeping memory bounded, with every suppressed line counted', () => {
    const clock = { t: 0 };
    const { s, summaries } = sampler(1, clock);
    for (let i = 0; i < 100; i++) for (let k = 0; k < 2; k++) s.admit(`src${i}`, 'r', 'block', `${i}-${k}`);
    s.close();
    expect(summaries.reduce((n, x) => n + x.suppressed, 0)).toBe(100);
  });

  it('writes every line with perKey 0', () => {
    const { s } = sampler(0, { t: 0 });
    for (let i = 0; i < 50; i++) expect(s.admit('a', 'r', 'block', String(i))).toBe(true);
    s.close();
  });
});

describe('decision-log rotation', () => {
  it('renames the file aside past maxBytes and keeps writing to the live name, losing no line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decision-rotate-'));
    const file = join(dir, 'decisions.log');
    const log = createDecisionLogger(file, 'info', undefined, { maxBytes: 4096, maxAgeMs: 0, keep: 0 });
    // Over time, as a proxy writes: the asynchronous writer opens the file after the first tick.
    for (let i = 0; i < 200; i++) {
      log.warn({ event: 'verdict', n: i, pad: 'x'.repeat(100) }, 'block');
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }
    log.flush();
    await new Promise((r) => setTimeout(r, 300));
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(2);
    const lines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== ''));
    expect(new Set(lines.map((l) => (JSON.parse(l) as { n: number }).n)).size).toBe(200);
  });
});
