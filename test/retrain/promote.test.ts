import { existsSync, mkdtempSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { fitPayloadModel } from '../../src/model/fit.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import { pointCurrent, readPromotions } from '../../src/retrain/model-store.js';
import { baseCorpus } from './blog-traffic.js';

const FEATURES = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };
let dir: string;

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

async function model(path: string, version: string, flipAttacks: boolean): Promise<void> {
  const base = baseCorpus(11).map((b) => ({ text: b.text, label: (b.label === 'attack' && !flipAttacks ? 1 : 0) as 0 | 1, group: 'base' }));
  // A model needs both classes: the poisoned one learns all attacks benign but a few.
  if (flipAttacks) for (let i = 0; i < 5; i++) base[i].label = 1;
  const fit = await fitPayloadModel(base, base.filter((_, i) => i % 10 === 0), { featureConfig: FEATURES, seed: 1, epochs: 2, hidden: 8, learningRate: 0.01, l2: 1e-6, maxFpr: 0.01 });
  await writeModelFiles(path, fit.weights, { version, createdAt: new Date().toISOString(), features: FEATURES, threshold: PUBLISHED_THRESHOLD, training: {} });
  const validation = baseCorpus(12).filter((_, i) => i % 4 === 0);
  writeFileSync(join(path, 'base-validation.ndjson'), validation.map((v) => JSON.stringify(v)).join('\n') + '\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'promote-'));
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'logs', 'traffic.ndjson'), '');
  await model(join(dir, 'models', 'v1'), 'v1', false);
  await model(join(dir, 'cand-good'), 'v2', false);
  await model(join(dir, 'cand-poisoned'), 'v3-poisoned', true);
  await pointCurrent(join(dir, 'models'), join(dir, 'models', 'v1'));
}, 60_000);

describe('warden promote / rollback', () => {
  it('refuses a candidate that is worse on the base validation set, and changes nothing', async () => {
    const c = io();
    const code = await main(['promote', join(dir, 'cand-poisoned'), '--models', join(dir, 'models'), '--logs', join(dir, 'logs')], c.io);
    expect(code).toBe(3);
    expect(c.out.join('\n')).toMatch(/FAIL base-validation\s+TPR/);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_PROMOTION_REFUSED/);
    expect(realpathSync(join(dir, 'models', 'current'))).toBe(realpathSync(join(dir, 'models', 'v1')));
  });

  it('promotes a candidate that passes (a copy, so retraining into the candidate dir cannot change what is live), then rolls back', async () => {
    const c = io();
    expect(await main(['promote', join(dir, 'cand-good'), '--models', join(dir, 'models'), '--logs', join(dir, 'logs')], c.io)).toBe(0);
    expect(existsSync(join(dir, 'models', 'v2', 'model.json'))).toBe(true);
    expect(realpathSync(join(dir, 'models', 'current'))).toBe(realpathSync(join(dir, 'models', 'v2')));
    expect((await readPromotions(join(dir, 'models'))).map((p) => p.action)).toEqual(['promote']);

    const r = io();
    expect(await main(['rollback', '--models', join(dir, 'models')], r.io)).toBe(0);
    expect(realpathSync(join(dir, 'models', 'current'))).toBe(realpathSync(join(dir, 'models', 'v1')));
    const again = io();
    expect(await main(['rollback', '--models', join(dir, 'models')], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/WARDEN_RETRAIN_NO_HISTORY/);
  });

  it('every command has --help', async () => {
    for (const cmd of [['promote'], ['rollback'], ['replay'], ['label'], ['train', '--from-logs', 'x']]) {
      const c = io();
      expect(await main([...cmd, '--help'], c.io)).toBe(0);
      expect(c.out.join('\n')).toMatch(/Usage: warden/);
    }
  });
});
