/**
 * `warden train --from-logs` with an ensemble in force (src/model/ensemble.ts): each member is fine-tuned
 * from its own weights on the same texts at its own seed, the members are stacked back, and the members'
 * mean probability gets the operating point one model's fine-tune gets (calibrated on the base texts kept
 * out, raised to flag no more of the fixed set's calibration half than the model in force). `warden
 * promote` then judges the ensemble candidate against the ensemble in force as it judges one model.
 * The ensemble in force is the shipped ensemble under another version (its members and shift as shipped,
 * so its rates are those the base material recorded); with a single shipped model, two members made from
 * its weights (the second one less sure of everything). With the shipped base material, so the run is
 * the operator's, only smaller.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_MODEL } from '../../src/assemble.js';
import { main } from '../../src/cli/main.js';
import { isEnsemble, memberWeights, stackMembers, type EnsembleWeights } from '../../src/model/ensemble.js';
import { loadPayloadModel } from '../../src/model/load.js';
import type { MlpWeights } from '../../src/model/mlp.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import type { TypedArrayPayloadModel } from '../../src/model/payload-model.js';
import { writeManifest } from '../../src/retrain/candidate-manifest.js';
import { loadBaseMaterial } from '../../src/retrain/base-material.js';
import { pointCurrent } from '../../src/retrain/model-store.js';
import { splitValidation } from '../../src/retrain/validation-split.js';
import { blockedLogFileSaves, writeLabelledLog } from './traffic-fixtures.js';

let dir: string;
let logs: string;
let config: string;
let models: string;
let inForceDir: string;
let inForce: TypedArrayPayloadModel;
/** Members of the ensemble in force. */
let k: number;

const logit = (p: number): number => Math.log(p / (1 - p));

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

/** The quick recipe (CI time), the model in force resolved from the store as an operator's is. */
function train(out: string, ...more: string[]): string[] {
  return ['train', '--from-logs', logs, '--config', config, '--out', join(dir, out), '--base-size', '2000', '--epochs', '1', ...more];
}

function promote(candidate: string): string[] {
  return ['promote', join(dir, candidate), '--config', config, '--logs', logs, '--admin', 'off'];
}

/** Texts of `texts` a model flags at its operating point. */
async function flagged(model: TypedArrayPayloadModel, texts: readonly string[]): Promise<number> {
  return (await model.score(texts)).filter((s) => s >= model.threshold).length;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'train-ensemble-'));
  logs = join(dir, 'logs');
  models = join(dir, 'models');
  mkdirSync(logs);
  config = join(dir, 'warden.yaml');
  writeFileSync(config, `model: { store: ${models} }\nlogging: { traffic: { file: ${join(logs, 'traffic.ndjson')} } }\n`);
  // Settings saves naming a log file, blocked and labelled benign by the operator (the README's journey).
  const lines = blockedLogFileSaves();
  writeLabelledLog(logs, lines);

  const shipped = await loadPayloadModel(SHIPPED_MODEL);
  // The shipped ensemble as it is (the gate holds every candidate to its recorded rates; members taken
  // apart would sit below them), or two members of the shipped single model's shape.
  const w: MlpWeights | null = isEnsemble(shipped.weights) ? null : shipped.weights;
  const weights: EnsembleWeights = w === null ? (shipped.weights as EnsembleWeights) : stackMembers([w, { ...w, outputBias: w.outputBias - 1 }]);
  k = weights.members;
  inForceDir = join(models, 'ens-test-1');
  await writeModelFiles(inForceDir, weights, { ...shipped.metadata, version: 'ens-test-1', training: { rawThreshold: PUBLISHED_THRESHOLD } });
  await writeManifest(inForceDir);
  await pointCurrent(models, inForceDir);
  inForce = await loadPayloadModel(inForceDir);
}, 60_000);

// A fine-tune of ~2,000 texts per member, and every promote replays the ~9,000 shipped benign requests through two
// ensemble pipelines: seconds each on an idle core, more with the suite beside it.
describe('train --from-logs with an ensemble in force', { timeout: 300_000 }, () => {
  it('fine-tunes each member from its own weights at its own seed, stacks them back at the ensemble in force\'s operating point', async () => {
    const c = io();
    expect(await main(train('cand', '--weights', 'fine-tune'), c.io), c.err.join('\n')).toBe(0);
    const said = c.err.join('\n');
    expect(said).toMatch(new RegExp(`ens-test-1 is an ensemble of ${k} members: each is fine-tuned from its own weights on these texts, seeds 1–${k}.*then stacked as one model at ens-test-1's operating point`));
    expect(said).toMatch(/keeping ens-test-1's operating point; fine-tuning ens-test-1/);
    expect(said).toMatch(/operating point: ens-test-1 flags \d+ of \d+ held-out benign texts/);
    expect(c.out.join('\n')).toMatch(new RegExp(`fine-tuned \\(${k} members\\) in`));

    const cand = await loadPayloadModel(join(dir, 'cand'));
    expect(isEnsemble(cand.weights)).toBe(true);
    const w = cand.weights as EnsembleWeights;
    const before = inForce.weights as EnsembleWeights;
    expect([w.members, w.hidden, w.dim]).toEqual([before.members, before.hidden, before.dim]);
    const delta = (i: number): Float32Array => {
      const [a, b] = [memberWeights(w, i).embedding, memberWeights(before, i).embedding];
      return a.map((v, j) => v - b[j]);
    };
    const changed = (d: Float32Array): number => d.filter((v) => v !== 0).length;
    // Both members moved from their own weights, and not alike (their own seeds, so their own batches).
    expect(changed(delta(0))).toBeGreaterThan(1000);
    expect(changed(delta(1))).toBeGreaterThan(1000);
    const [d0, d1] = [delta(0), delta(1)];
    expect(d0.filter((v, j) => v !== d1[j]).length).toBeGreaterThan(1000);

    // The shift publishes the members' mean at the ensemble in force's point (its shift, session 31), or
    // higher when the candidate would flag more held-out benign texts there (then the line says raised).
    const training = cand.metadata.training as { rawThreshold: number; members: number; ensemble: { members: { seed: number; from: string; rawThreshold: number }[]; shift: number } };
    if (/flags no more at its calibrated threshold/.test(said)) expect(w.shift).toBeCloseTo(before.shift, 9);
    else expect(w.shift).toBeLessThan(before.shift);
    expect(w.shift).toBeCloseTo(logit(PUBLISHED_THRESHOLD) - logit(training.rawThreshold), 9);
    expect(cand.metadata.architecture.shift).toBe(w.shift);
    expect(training.members).toBe(k);
    expect(training.ensemble.shift).toBe(w.shift);
    expect(training.ensemble.members.map((m) => [m.seed, m.from])).toEqual(Array.from({ length: k }, (_, i) => [i + 1, `ens-test-1 member ${i + 1} of ${k}`]));
    const report = JSON.parse(readFileSync(join(dir, 'cand', 'training-report.json'), 'utf8')) as { weights: string; members: number };
    expect([report.weights, report.members]).toEqual(['fine-tuned', k]);

    // The single-model operating point: no more of the fixed set's calibration half flagged than in force.
    const { calibration } = splitValidation((await loadBaseMaterial(undefined, { train: false })).validation);
    const benign = calibration.filter((s) => s.label === 0).map((s) => s.text);
    expect(await flagged(cand, benign)).toBeLessThanOrEqual(await flagged(inForce, benign));
  });

  it('--from-scratch trains as many members as the ensemble in force, each from zero at its own seed', async () => {
    const c = io();
    expect(await main(train('cand-scratch', '--from-scratch', '--hidden', '4', '--dim-log2', '10', '--weights', 'fine-tune'), c.io), c.err.join('\n')).toBe(0);
    expect(c.err.join('\n')).toMatch(new RegExp(`an ensemble of ${k} members: ${k} members are trained from scratch on these texts, seeds 1–${k}`));
    const cand = await loadPayloadModel(join(dir, 'cand-scratch'));
    expect(cand.metadata.architecture).toMatchObject({ members: k, hidden: 4, dim: 1024, combine: 'mean-probability' });
    const training = cand.metadata.training as { weights: string; ensemble: { members: { from: string | null }[] } };
    expect(training.weights).toBe('from-scratch');
    expect(training.ensemble.members.map((m) => m.from)).toEqual(Array.from({ length: k }, () => null));
  });

  it('--weights keep writes the ensemble in force unchanged', async () => {
    const c = io();
    expect(await main(train('cand-keep', '--weights', 'keep'), c.io), c.err.join('\n')).toBe(0);
    expect(readFileSync(join(dir, 'cand-keep', 'weights.bin')).equals(readFileSync(join(inForceDir, 'weights.bin')))).toBe(true);
    const cand = await loadPayloadModel(join(dir, 'cand-keep'));
    expect(cand.metadata.architecture.shift).toBe(inForce.metadata.architecture.shift);
    expect((cand.metadata.training as { members: number }).members).toBe(k);
  });

  it('promote judges the ensemble candidate against the ensemble in force: a worse one is refused and nothing changes', async () => {
    // The fine-tuned candidate with its shift raised: it flags far more benign texts than the ensemble in force.
    const cand = await loadPayloadModel(join(dir, 'cand'));
    const w = cand.weights as EnsembleWeights;
    await writeModelFiles(join(dir, 'cand-worse'), { ...w, shift: w.shift + 4 }, { ...cand.metadata, version: 'ens-test-worse' });
    await writeManifest(join(dir, 'cand-worse'));
    const refused = io();
    expect(await main(promote('cand-worse'), refused.io)).toBe(3);
    const gate = refused.out.join('\n');
    const m = /FAIL base false positives: current flags (\d+) of (\d+) benign texts → candidate (\d+)/.exec(gate);
    expect(m, gate).not.toBeNull();
    // "current" is the ensemble in force, scored on the gate's half as the gate scores it.
    const { gate: half } = splitValidation((await loadBaseMaterial(undefined, { train: false })).validation);
    const benign = half.filter((s) => s.label === 0).map((s) => s.text);
    expect(Number(m![1])).toBe(await flagged(inForce, benign));
    expect(Number(m![3])).toBeGreaterThan(Number(m![1]) * 1.25 + 3);
    expect(refused.err.join('\n')).toMatch(/WARDEN_RETRAIN_PROMOTION_REFUSED/);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(inForceDir));
  });

  it('the default (--weights auto) candidate passes the gate and goes live as an ensemble', async () => {
    // The default (--weights auto) judges the trained members on the shipped benign requests as the gate
    // will (and on the attacks, and in the retrained field), keeping the members in force when they do worse.
    const auto = io();
    expect(await main(train('cand-auto'), auto.io), auto.err.join('\n')).toBe(0);
    expect(auto.err.join('\n')).toMatch(/benign requests shipped with the model, trained weights: current flags \d+ of \d+ benign requests → candidate \d+/);
    const passed = io();
    expect(await main(promote('cand-auto'), passed.io), passed.out.join('\n')).toBe(0);
    expect(passed.out.join('\n')).toMatch(/ok {3}benign requests shipped with the model: current flags \d+ of \d+ benign requests/);
    const live = await loadPayloadModel(realpathSync(join(models, 'current')));
    expect(live.version).not.toBe('ens-test-1');
    expect(live.metadata.architecture.members).toBe(k);
  });
});
