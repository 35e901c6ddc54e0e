import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordProblem } from '../../src/eval/record.js';
import { FAMILIES, generateBenign, loadAmbiguous, loadHardBenign, loadSharedPayloads, readRecords, readRecordsSync } from '../../datasets/loaders.js';
import { header } from './body-check.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-datasets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dataset loaders', () => {
  it('reads record files sync and async, rejecting invalid lines with file:line', async () => {
    const file = join(dir, 'x.ndjson');
    const records = generateBenign({ seed: 3, scale: 0.001, families: ['json-api', 'webhook'] });
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n\n`);
    expect(readRecordsSync(file)).toEqual(records);
    const streamed = [];
    for await (const r of readRecords(file)) streamed.push(r);
    expect(streamed).toEqual(records);
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${JSON.stringify(records[0])}\n{"id":"x"}\n`);
    expect(() => readRecordsSync(bad)).toThrow(/bad\.ndjson:2: /);
  });

  it('has at least 300 hand-written hard-benign entries, each with a field and a request', () => {
    const entries = loadHardBenign();
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const e of entries) {
      expect(e.value.length).toBeGreaterThan(0);
      expect(e.name.length).toBeGreaterThan(0);
      expect(e.at).toMatch(/^[A-Z]+ \//);
    }
    expect(new Set(entries.map((e) => `${e.in}\0${e.name}\0${e.value}`)).size).toBe(entries.length);
  });

  it('emits every hard-benign value inside its request', () => {
    const entries = loadHardBenign();
    const records = generateBenign({ seed: 1, scale: 0.01, families: ['hard-benign'] });
    expect(records.length).toBe(entries.length);
    records.forEach((r, i) => {
      const e = entries[i];
      const raw = `${r.path}?${r.query}\n${JSON.stringify(r.headers)}\n${r.body ?? ''}`;
      let seen = raw.includes(e.value) || raw.includes(JSON.stringify(e.value).slice(1, -1));
      if (!seen) {
        const decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
        seen = decoded.includes(e.value) || decodeURIComponent(raw).includes(e.value);
      }
      expect(seen, `${r.id}: ${e.value}`).toBe(true);
    });
  });

  it('keeps the values marked ambiguous (an attack\'s shape) out of the benign family, each with its reason', () => {
    const ambiguous = loadAmbiguous();
    expect(ambiguous.map((e) => `${e.name}=${e.value}`).sort()).toEqual(['next=/../account', 'path=../', 'path=/etc/nginx/sites-available/default']);
    for (const e of ambiguous) expect(e.ambiguous.length).toBeGreaterThan(20);
    const emitted = new Set(loadHardBenign().map((e) => `${e.in}\0${e.name}\0${e.value}`));
    for (const e of ambiguous) expect(emitted.has(`${e.in}\0${e.name}\0${e.value}`)).toBe(false);
    const records = generateBenign({ seed: 1, scale: 0.01, families: ['hard-benign'] });
    expect(records.some((r) => r.path === '/login' && /next=%2F\.\.%2Faccount|next=\/\.\.\/account/.test(r.query))).toBe(false);
  });

  it('families differ in shape (methods, content types, query and body use)', () => {
    const records = generateBenign({ seed: 5, scale: 0.02 });
    const signatures = new Map<string, string>();
    for (const f of FAMILIES) {
      const rs = records.filter((r) => r.category === f.name);
      const mimes = [...new Set(rs.map((r) => (header(r, 'content-type') ?? '').split(';')[0]))].sort();
      const methods = [...new Set(rs.map((r) => r.method))].sort();
      const q = Math.round((rs.filter((r) => r.query !== '').length / rs.length) * 5);
      const paths = [...new Set(rs.map((r) => r.path.split('/')[1]))].length > rs.length / 4 ? 'varied' : 'few';
      signatures.set(f.name, JSON.stringify({ mimes, methods, q, paths }));
    }
    const seen = new Map<string, string>();
    for (const [name, sig] of signatures) {
      expect(seen.get(sig), `${name} has the same shape as ${seen.get(sig)}: ${sig}`).toBeUndefined();
      seen.set(sig, name);
    }
  });

  it.runIf(existsSync('../shared/datasets'))('reads the shared corpora in place', () => {
    const shared = loadSharedPayloads('../shared/datasets');
    expect(shared.payloads.length).toBeGreaterThan(1000);
    expect(shared.payloads.some((p) => p.label === 'benign')).toBe(true);
    expect(shared.payloads.some((p) => p.label === 'attack')).toBe(true);
    expect(shared.files.some((f) => f.endsWith('.requests.ndjson'))).toBe(true);
    for (const r of shared.requests.slice(0, 200)) expect(recordProblem(r)).toBeNull();
  });
});

describe('npm run datasets (smoke, small scale)', () => {
  it('writes one file per family and a manifest, reproducibly', () => {
    const run = (out: string) => execFileSync(process.execPath, ['--import', 'tsx', 'datasets/generate.ts', '--out', out, '--seed', '11', '--scale', '0.005'], { stdio: 'pipe' });
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    run(a);
    run(b);
    const manifest = JSON.parse(readFileSync(join(a, 'MANIFEST.json'), 'utf8'));
    expect(manifest.seed).toBe(11);
    expect(Object.keys(manifest.families).sort()).toEqual(FAMILIES.map((f) => f.name).sort());
    for (const f of FAMILIES) {
      const text = readFileSync(join(a, `${f.name}.ndjson`), 'utf8');
      expect(text.trim().split('\n').length).toBe(manifest.families[f.name]);
      expect(readFileSync(join(b, `${f.name}.ndjson`), 'utf8')).toBe(text);
    }
    expect(readFileSync(join(b, 'MANIFEST.json'), 'utf8')).toBe(readFileSync(join(a, 'MANIFEST.json'), 'utf8'));
    // Two generator processes, each compiling the generator with tsx: ~10 s idle, past 30 s at a load of 12.
  }, 180_000);
});
