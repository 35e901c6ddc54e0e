import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { blendTarget, loadTeacher, withTeacherTargets } from '../../src/model/distill.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { fitPayloadModel, type LabelledSample } from '../../src/model/fit.js';
import { sha256, writeModelFiles } from '../../src/model/model-files.js';
import { trainPayloadModel, type TrainingExample } from '../../src/model/train.js';

const featureConfig = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };
const sample = (text: string, label: 0 | 1): LabelledSample => ({ text, label, group: 'g' });
const texts: LabelledSample[] = [
  ...["1' or '1'='1", '<script>alert(1)</script>', '../../etc/passwd', '; cat /etc/passwd', "admin'--", '$(id)'].map((t) => sample(t, 1)),
  ...["O'Brien", 'Tom & Jerry', 'a=1&b=2', '(555) 123-4567', '<p>hello</p>', 'blue shoes'].map((t) => sample(t, 0)),
];
const options = { featureConfig, seed: 5, epochs: 8, hidden: 4, learningRate: 0.05, l2: 0 };

describe('distillation (--teacher)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-distill-'));
    const fit = await fitPayloadModel(texts, texts, { ...options, maxFpr: 0 });
    await writeModelFiles(join(dir, 'teacher'), fit.weights, { version: 'teacher-t1', createdAt: '2026-01-01T00:00:00Z', features: featureConfig, threshold: 0.8, training: {} });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('blends the teacher probability and the label by the teacher weight', () => {
    expect(blendTarget(0.2, 1, 0.5)).toBeCloseTo(0.6, 12);
    expect(blendTarget(0.2, 0, 0.25)).toBeCloseTo(0.05, 12);
    expect(blendTarget(0.9, 0, 0)).toBe(0);
    expect(blendTarget(0.9, 0, 1)).toBeCloseTo(0.9, 12);
    expect(() => blendTarget(0.5, 1, 1.5)).toThrow(RangeError);
    expect(() => blendTarget(Number.NaN, 1, 0.5)).toThrow(RangeError);
  });

  it("targets each training text with the loaded teacher's served score, and records its weights' sha256", async () => {
    const teacher = await loadTeacher(join(dir, 'teacher'), 0.3);
    const bytes = await readFile(join(dir, 'teacher', 'weights.bin'));
    expect(teacher.record).toEqual({ dir: join(dir, 'teacher'), version: 'teacher-t1', sha256: sha256(bytes), members: 1, alpha: 0.3 });
    const targeted = withTeacherTargets(texts, teacher);
    const scores = texts.map((t) => teacher.scoreText(t.text));
    // A teacher that learnt nothing would make every target the label's share alone.
    expect(new Set(scores.map((s) => s.toFixed(3))).size).toBeGreaterThan(2);
    targeted.forEach((t, i) => {
      expect(t.label).toBe(texts[i].label);
      expect(t.target).toBeCloseTo(0.3 * scores[i] + 0.7 * texts[i].label, 6);
    });
  });

  it('trains bit for bit as before when every target is its label, and otherwise on the targets', async () => {
    const plain: TrainingExample[] = texts.map((t) => ({ text: t.text, label: t.label }));
    const same = await trainPayloadModel(
      texts.map((t) => ({ text: t.text, label: t.label, target: t.label })),
      options,
    );
    const base = await trainPayloadModel(plain, options);
    const soft = await trainPayloadModel(
      texts.map((t) => ({ text: t.text, label: t.label, target: t.label === 1 ? 0.6 : 0.4 })),
      options,
    );
    expect(Buffer.from(same.weights.embedding.buffer).equals(Buffer.from(base.weights.embedding.buffer))).toBe(true);
    expect(same.weights.outputBias).toBe(base.weights.outputBias);
    expect(Buffer.from(soft.weights.embedding.buffer).equals(Buffer.from(base.weights.embedding.buffer))).toBe(false);
  });

  it('refuses --teacher-weight without --teacher, and a missing teacher, before assembling anything', async () => {
    const lines = (): { err: string[]; io: { out: (s: string) => void; err: (s: string) => void } } => {
      const err: string[] = [];
      return { err, io: { out: () => undefined, err: (s) => err.push(s) } };
    };
    const a = lines();
    expect(await main(['train', '--data', dir, '--teacher-weight', '0.3'], a.io)).not.toBe(0);
    expect(a.err.join('\n')).toMatch(/WARDEN_CLI_USAGE: --teacher-weight needs --teacher/);
    const b = lines();
    expect(await main(['train', '--data', dir, '--teacher', join(dir, 'none')], b.io)).not.toBe(0);
    expect(b.err.join('\n')).toMatch(/WARDEN_MODEL_MISSING/);
    const c = lines();
    expect(await main(['train', '--data', dir, '--teacher', join(dir, 'teacher'), '--teacher-weight', '2'], c.io)).not.toBe(0);
    expect(c.err.join('\n')).toMatch(/--teacher-weight: must be a number from 0 to 1/);
  });
});
