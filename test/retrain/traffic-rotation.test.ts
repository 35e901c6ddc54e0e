import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrafficRotation, rotatedFiles } from '../../src/log/traffic-rotation.js';
import { TrafficLog } from '../../src/log/traffic-log.js';
import { createInspector } from '../../src/inspect/build-inspection.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import type { Verdict } from '../../src/decision/types.js';
import { trafficFiles } from '../../src/retrain/traffic-reader.js';

describe('traffic log rotation', () => {
  it('rotates by size, keeps the newest N, and names sort in time order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rot-'));
    const file = join(dir, 'traffic.ndjson');
    let now = Date.UTC(2025, 0, 1);
    const rot = new TrafficRotation(file, { maxBytes: 100, maxAgeMs: 0, keep: 2 }, () => now);
    for (let i = 0; i < 4; i++) {
      writeFileSync(file, 'x'.repeat(60));
      expect(rot.wrote(60)).toBe(false);
      expect(rot.wrote(60)).toBe(true);
      rot.rotate();
      now += 1000;
    }
    const rotated = rotatedFiles(file);
    expect(rotated).toHaveLength(2);
    expect(rotated[0] < rotated[1]).toBe(true);
    expect(rotated[1]).toMatch(/traffic\.20250101T000003000Z\.ndjson$/);
    expect(existsSync(file)).toBe(false);
  });

  it('rotates by age on the next write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rot-'));
    const file = join(dir, 'traffic.ndjson');
    let now = 0;
    const rot = new TrafficRotation(file, { maxBytes: 0, maxAgeMs: 60_000, keep: 0 }, () => now);
    expect(rot.wrote(10)).toBe(false);
    now = 61_000;
    expect(rot.wrote(10)).toBe(true);
    expect(rot.rotate()).toBeNull(); // nothing on disk yet: no throw
  });

  it('TrafficLog rotates its file and no line is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rot-'));
    const file = join(dir, 'traffic.ndjson');
    const log = new TrafficLog({ file, sampleRate: 1, maxBodyBytes: 1024, redaction: { headers: new Set(), fields: [] }, rotation: { maxBytes: 2000, maxAgeMs: 0, keep: 0 } });
    const inspect = createInspector();
    await new Promise((r) => setTimeout(r, 50)); // let the asynchronous writer open the file
    for (let i = 0; i < 40; i++) {
      const inspection = inspect(recordToRawRequest({ id: 'x', source: 's', label: 'benign', category: 'c', method: 'GET', path: `/p/${i}`, query: `q=${i}`, headers: {} }));
      const verdict = { action: 'allow', confidence: 'none', score: 0, incidentId: `inc${String(i).padStart(4, '0')}`, reasons: [] } as unknown as Verdict;
      log.record(inspection, verdict, 'v1');
      await new Promise((r) => setTimeout(r, 10)); // the asynchronous writer reopens between lines
    }
    log.close();
    await new Promise((r) => setTimeout(r, 100));
    const files = await trafficFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    // The live file (when the last write did not just rotate it away) sorts after its rotated siblings.
    if (existsSync(file)) expect(files[files.length - 1]).toBe(file);
    const ids = files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id));
    expect(new Set(ids).size).toBe(40);
    expect(readdirSync(dir).every((n) => n.endsWith('.ndjson'))).toBe(true);
  });
});
