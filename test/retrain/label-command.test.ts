import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readLabels } from '../../src/retrain/labels.js';
import { createAdminServer } from '../../src/admin/server.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { cleanHistory, trafficLine } from './traffic-fixtures.js';

function capture(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

function logsDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'label-')), 'logs');
  mkdirSync(dir);
  const lines = [...cleanHistory('198.51.100.7', 25, 2 * 86_400_000), trafficLine({ id: 'fp00000001', action: 'monitor', confidence: 'high', reasons: ['model'] })];
  writeFileSync(join(dir, 'traffic.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return dir;
}

describe('warden label', () => {
  it('labels one incident, warns about unknown ids, and prints the weak-label summary', async () => {
    const dir = logsDir();
    let c = capture();
    expect(await main(['label', 'fp00000001', '--benign', '--logs', dir], c.io)).toBe(0);
    expect(await main(['label', 'nothere0001', '--attack', '--logs', dir], c.io)).toBe(0);
    expect(c.err.join('\n')).toMatch(/1 incident id\(s\) not found.*nothere0001/);
    const labels = await readLabels(join(dir, 'labels.ndjson'));
    expect(labels.get('fp00000001')?.label).toBe('benign');
    c = capture();
    expect(await main(['label', '--summary', '--logs', dir], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/26 requests in 1 files/);
    expect(text).toMatch(/operator labels: 1 benign, 0 attack \(1 refer/);
    expect(text).toMatch(/weak-benign: 25/);
  });

  it('takes a bulk file and refuses a missing --benign/--attack', async () => {
    const dir = logsDir();
    const bulk = join(dir, '..', 'bulk.txt');
    writeFileSync(bulk, 'fp00000001 benign\n');
    const c = capture();
    expect(await main(['label', '--file', bulk, '--logs', dir], c.io)).toBe(0);
    expect(await main(['label', 'fp00000001', '--logs', dir], c.io)).toBe(2);
    expect(await main(['label', '--help'], c.io)).toBe(0);
  });

  it('is accepted over POST /labels on the admin listener', async () => {
    const dir = logsDir();
    const file = join(dir, 'labels.ndjson');
    const app = createAdminServer({ metrics: new WardenMetrics(false), reload: async () => ({}), status: () => ({}), labelsFile: file });
    const ok = await app.inject({ method: 'POST', url: '/labels', payload: [{ incidentId: 'fp00000001', label: 'benign', note: 'rich text' }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, labelled: 1 });
    const bad = await app.inject({ method: 'POST', url: '/labels', payload: { incidentId: 'fp00000001', label: 'perhaps' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: 'WARDEN_RETRAIN_LABEL_INVALID' });
    expect((await readLabels(file)).get('fp00000001')?.by).toBe('admin');
    await app.close();
  });
});
