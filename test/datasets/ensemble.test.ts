import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnsemble } from '../../datasets/ensemble.js';
import { runEnsembleMember } from '../../datasets/ensemble-member.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { loadPayloadModel } from '../../src/model/load.js';
import type { MlpWeights } from '../../src/model/mlp.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { seededRandom } from '../../src/model/prng.js';

const features = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };

function member(seed: number): MlpWeights {
  const r = seededRandom(seed);
  const f = (n: number): Float32Array => Float32Array.from({ length: n }, () => r() - 0.5);
  return { embedding: f(features.dim * 8), hiddenBias: f(8), outputWeights: f(8), outputBias: Math.fround(r() - 0.5), dim: features.dim, hidden: 8 };
}

describe('datasets/ensemble.ts', () => {
  let dir: string;
  const lines: string[] = [];
  const io = { out: (s: string) => void lines.push(s) };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-ensemble-cli-'));
    for (const s of [1, 2, 3]) {
      await writeModelFiles(join(dir, `m${s}`), member(s), { version: `m${s}`, createdAt: '2026-12-05T00:00:00Z', features, threshold: 0.8, training: { seed: s, command: `train --seed ${s}` } });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one model scoring the mean of its members\' probabilities, with each member recorded', async () => {
    const members = [1, 2, 3].map((s) => join(dir, `m${s}`));
    const argv = [...members.flatMap((m) => ['--member', m]), '--out', join(dir, 'ens'), '--name', 'ens-1', '--point', 'members'];
    expect(await runEnsemble(argv, io), lines.join('\n')).toBe(0);
    const ens = await loadPayloadModel(join(dir, 'ens'));
    const alone = await Promise.all(members.map((m) => loadPayloadModel(m)));
    for (const t of ["1' or 1=1--", 'hello world', '${jndi:ldap://x/a}']) {
      expect(ens.scoreText(t)).toBeCloseTo(alone.reduce((s, m) => s + m.scoreText(t), 0) / 3, 12);
    }
    expect(ens.version).toBe('ens-1');
    const recorded = ens.metadata.training.ensemble as { combine: string; members: { seed: number; weightsSha256: string; command: string }[] };
    expect(recorded.combine).toBe('mean-probability');
    expect(recorded.members.map((m) => m.seed)).toEqual([1, 2, 3]);
    expect(recorded.members[1].weightsSha256).toBe(alone[1].metadata.weights.sha256);
    expect(recorded.members[2].command).toBe('train --seed 3');
    expect(JSON.parse(await readFile(join(dir, 'ens', 'MANIFEST.json'), 'utf8'))).toBeTruthy();
  });

  it('gives a member back out of a written ensemble, bit for bit (ensemble-member.ts)', async () => {
    const members = [1, 2, 3].map((s) => join(dir, `m${s}`));
    const argv = [...members.flatMap((m) => ['--member', m]), '--out', join(dir, 'ens2'), '--name', 'ens-2', '--point', 'members'];
    expect(await runEnsemble(argv, io), lines.join('\n')).toBe(0);
    expect(await runEnsembleMember(['--model', join(dir, 'ens2'), '--member', '1', '--out', join(dir, 'back1')], io), lines.join('\n')).toBe(0);
    const back = await loadPayloadModel(join(dir, 'back1'));
    const original = await loadPayloadModel(members[1]);
    expect(back.metadata.weights.sha256).toBe(original.metadata.weights.sha256);
    expect(back.metadata.architecture.members).toBeUndefined();
    expect(back.scoreText("1' or 1=1--")).toBe(original.scoreText("1' or 1=1--"));
    expect(await runEnsembleMember(['--model', join(dir, 'ens2'), '--member', '3', '--out', join(dir, 'back3')], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/has 3 members, no member 3/);
    expect(await runEnsembleMember(['--model', members[0], '--member', '0', '--out', join(dir, 'back0')], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/one MLP, not an ensemble/);
  });

  it('calibrates its request point on the generated families --calibration-families names, recording them; an unknown family is refused', async () => {
    const members = [1, 2].map((s) => join(dir, `m${s}`));
    const argv = [...members.flatMap((m) => ['--member', m]), '--out', join(dir, 'ens3'), '--name', 'ens-3', '--calibration-families', 'legacy-encoding'];
    expect(await runEnsemble(argv, io), lines.join('\n')).toBe(0);
    const calibration = (await loadPayloadModel(join(dir, 'ens3'))).metadata.training.requestCalibration as { families: string[]; requests: number };
    expect(calibration.families).toEqual(['legacy-encoding']);
    expect(calibration.requests).toBe(1500);
    await expect(runEnsemble([...argv.slice(0, -1), 'legacy-encoding,nope'], io)).rejects.toThrow(/--calibration-families: unknown family "nope"/);
  }, 120_000);

  it('refuses one member, or an ensemble given as a member', async () => {
    expect(await runEnsemble(['--member', join(dir, 'm1'), '--out', join(dir, 'x'), '--name', 'x'], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/--member \(at least twice\)/);
    expect(await runEnsemble(['--member', join(dir, 'm1'), '--member', join(dir, 'ens'), '--out', join(dir, 'x'), '--name', 'x', '--point', 'members'], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/an ensemble already; give its members/);
  });
});
