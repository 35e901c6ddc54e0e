/**
 * Values placed in the fields that carry them (a carrier makes the request around a value), judged
 * through the whole pipeline by `warden eval --per-request` (bundled rules, shipped model): the
 * verdict of each, by `label-i: carrier: value`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

export type Carrier = (value: string) => { method: string; path: string; query: string; headers: Record<string, string>; body?: string };

export async function carrierVerdicts(carriers: Record<string, Carrier>, rows: [string, string][], label: 'benign' | 'attack'): Promise<Map<string, string>> {
  const records = rows.map(([carrier, value], i) => ({ id: `${label}-${i}: ${carrier}: ${value}`, source: 'unit', label, category: carrier, ...carriers[carrier](value) }));
  return recordVerdicts(records);
}

/** The verdict of each request record (`warden eval`'s format), by id: bundled rules, shipped model, cpuBudgetMs 60000. */
export async function recordVerdicts(records: readonly object[]): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-carriers-'));
  const file = join(dir, 'corpus.ndjson');
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const config = join(dir, 'warden.yaml');
  writeFileSync(config, 'inspection: { cpuBudgetMs: 60000 }\n');
  const out: string[] = [];
  expect(await main(['eval', '--corpus', file, '--config', config, '--per-request'], { out: (s) => out.push(s), err: () => {} })).toBe(0);
  return new Map(out.map((l) => JSON.parse(l) as { id: string; verdict: string }).map((v) => [v.id, v.verdict]));
}

/** The two tests of a set of carriers: every benign value passes, every attack placed in the same fields is blocked. */
export function testCarriers(title: string, benignTitle: string, carriers: Record<string, Carrier>, benign: [string, string][], attacks: [string, string][]): void {
  describe(title, () => {
    it(benignTitle, async () => {
      const v = await carrierVerdicts(carriers, benign, 'benign');
      expect([...v].filter(([, verdict]) => verdict !== 'allow').map(([id]) => id)).toEqual([]);
    }, 60_000);

    it('still blocks attacks placed in the same fields', async () => {
      const v = await carrierVerdicts(carriers, attacks, 'attack');
      expect([...v].filter(([, verdict]) => verdict !== 'block').map(([id]) => id)).toEqual([]);
    }, 60_000);
  });
}
