import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readLabels } from '../../src/retrain/labels.js';
import { createAdminServer } from '../../src/admin/server.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { cleanHistory, trafficLine, writeDecisionLog } from './traffic-fixtures.js';

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
  it('labels one incident and prints the weak-label summary', async () => {
    const dir = logsDir();
    let c = capture();
    expect(await main(['label', 'fp00000001', '--benign', '--logs', dir], c.io)).toBe(0);
    const labels = await readLabels(join(dir, 'labels.ndjson'));
    expect(labels.get('fp00000001')?.label).toBe('benign');
    c = capture();
    expect(await main(['label', '--summary', '--logs', dir], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/26 requests in 1 file$/m);
    expect(text).toMatch(/operator labels: 1 benign, 0 attack/);
    expect(text).toMatch(/weak-benign: 25/);
  });

  it('--summary counts the traffic log alone when the decision log is written into logs/ beside it', async () => {
    const dir = logsDir();
    const decisions = join(dir, 'decisions.ndjson');
    await writeDecisionLog(decisions, ['fp00000001']);
    const config = join(dir, '..', 'warden.yaml');
    writeFileSync(config, `logging:\n  decisions: ${decisions}\n  traffic: { enabled: true, file: ${join(dir, 'traffic.ndjson')} }\n`);
    const c = capture();
    expect(await main(['label', '--summary', '--config', config], c.io), c.err.join('\n')).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/^26 requests in 1 file$/m);
    expect(text).not.toMatch(/invalid/);
  });

  it('refuses an incident id that is in neither the traffic log nor the decision log, and stores nothing', async () => {
    const dir = logsDir();
    const c = capture();
    expect(await main(['label', 'nothere0001', '--attack', '--logs', dir], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_INCIDENT_UNKNOWN.*nothere0001/);
    expect((await readLabels(join(dir, 'labels.ndjson'))).size).toBe(0);
    // A bulk file with one unknown id among known ones is refused whole.
    const bulk = join(dir, '..', 'bulk-mixed.txt');
    writeFileSync(bulk, 'fp00000001 benign\nnothere0002 benign\n');
    expect(await main(['label', '--file', bulk, '--logs', dir], capture().io)).toBe(1);
    expect((await readLabels(join(dir, 'labels.ndjson'))).size).toBe(0);
  });

  it('labels a file of bare incident ids with --benign (the README\'s --file ids.txt)', async () => {
    const dir = logsDir();
    const ids = join(dir, '..', 'ids.txt');
    writeFileSync(ids, 'fp00000001\n');
    let c = capture();
    expect(await main(['label', '--file', ids, '--logs', dir], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_LABEL_INVALID: .*ids\.txt:1: "fp00000001" has no label/);
    c = capture();
    expect(await main(['label', '--file', ids, '--benign', '--attack', '--logs', dir], c.io)).toBe(2);
    c = capture();
    expect(await main(['label', '--file', ids, '--benign', '--logs', dir], c.io), c.err.join('\n')).toBe(0);
    expect((await readLabels(join(dir, 'labels.ndjson'))).get('fp00000001')?.label).toBe('benign');
  });

  it('finds an incident id in the decision log file when the traffic log does not have it', async () => {
    const dir = logsDir();
    const decisions = join(dir, '..', 'decisions.log');
    writeFileSync(decisions, JSON.stringify({ level: 30, event: 'verdict', incidentId: 'blk0000042', action: 'block' }) + '\n');
    const config = join(dir, '..', 'warden.yaml');
    writeFileSync(config, `logging:\n  decisions: ${decisions}\n`);
    const c = capture();
    expect(await main(['label', 'blk0000042', '--attack', '--logs', dir, '--config', config], c.io), c.err.join('\n')).toBe(0);
    expect((await readLabels(join(dir, 'labels.ndjson'))).get('blk0000042')?.label).toBe('attack');
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
    // An id in neither log stores nothing, as `warden label` refuses it (a typo is not a label).
    const unknown = await app.inject({ method: 'POST', url: '/labels', payload: [{ incidentId: 'fp00000001', label: 'attack' }, { incidentId: 'fp0000000l', label: 'benign' }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ ok: false, error: 'WARDEN_RETRAIN_INCIDENT_UNKNOWN' });
    expect((unknown.json() as { message: string }).message).toMatch(/not found in the traffic log or decision log \(.*logs\): fp0000000l$/);
    expect((await readLabels(file)).get('fp00000001')?.label).toBe('benign');
    await app.close();
  });
});
