/**
 * The cheap test of context-wrapped training (datasets/context-wrap.ts): fine-tunes each member of the shipped
 * ensemble as `warden train --from-logs` does (src/retrain/fit-candidate.ts: the shipped base training texts anchored
 * to the member's own probability, Adam, the model in force's operating point, then raised to flag no more of the
 * fixed set's calibration half), with the context-wrapped texts in the place of the log's labelled texts (trained at
 * their labels). The wrapped attacks are the base training texts' attacks of the kinds that work inside text, the
 * twins its benign values with attack punctuation. Writes a candidate directory `warden promote` and `warden eval`
 * (`model: { path }`) take.
 *
 *   npx tsx datasets/finetune-context.ts --out /tmp/ctx-ft [--count 8000] [--seed 11] [--epochs 2] [--lr 0.0003]
 *     [--gen-benign 0] [--gen-scale 0.1] [--attack-prose shakespeare,readme,faker]
 */
import { join, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { LabelledSample } from '../src/model/fit.js';
import { loadPayloadModel } from '../src/model/load.js';
import { writeModelFiles } from '../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../src/model/operating-point.js';
import { isEnsemble } from '../src/model/ensemble.js';
import { mayCarryAttack } from '../src/model/screen.js';
import { seededRandom } from '../src/model/prng.js';
import { loadBaseMaterial, SHIPPED_BASE } from '../src/retrain/base-material.js';
import { SHIPPED_MODEL } from '../src/assemble.js';
import { fitCandidate } from '../src/retrain/fit-candidate.js';
import { screenedForModel, splitValidation } from '../src/retrain/validation-split.js';
import { writeManifest } from '../src/retrain/candidate-manifest.js';
import type { TrainFromLogsOptions } from '../src/retrain/train-from-logs.js';
import { contextWrappedTexts, prosePools, twinCandidate, WRAP_SOURCES, wrappableAttack, type WrapSource } from './context-wrap.js';
import { flagReader } from './lib/cli-flags.js';
import { generateBenign } from './loaders.js';
import { ALL_FAMILIES, requestTargetForms } from './training-set.js';

const argv = process.argv.slice(2);
const flag = flagReader(argv);
const out = resolve(flag('out') ?? '/tmp/ctx-ft');
const count = Number(flag('count') ?? 8000);
const seed = Number(flag('seed') ?? 11);
const epochs = Number(flag('epochs') ?? 2);
const lr = Number(flag('lr') ?? 0.0003);
const data = flag('data') ?? '../shared/datasets';
const say = (s: string): void => console.error(s);

const currentModel = await loadPayloadModel(flag('current') ?? SHIPPED_MODEL);
const material = await loadBaseMaterial(SHIPPED_BASE, { train: true });
const halves = splitValidation(material.validation);
const matchBenign = screenedForModel(halves.calibration).scored;
const fixedGate = screenedForModel(halves.gate).scored;

const attacks = [...new Set(material.train.filter((s) => s.label === 1 && wrappableAttack(s.group, s.text)).map((s) => s.text))];
const benign = [...new Set(material.train.filter((s) => s.label === 0 && twinCandidate(s.text)).map((s) => s.text))];
const attackSources = (flag('attack-prose') ?? WRAP_SOURCES.join(',')).split(',') as WrapSource[];
const wrapped = contextWrappedTexts(seed, prosePools(data, seed), attacks, benign, count, attackSources).filter((t) => mayCarryAttack(t.text));
say(`context-wrap: ${attacks.length} attack texts and ${benign.length} benign values to wrap; ${wrapped.length} wrapped texts pass the screen (${wrapped.filter((t) => t.label === 1).length} attacks)`);
const logTexts: LabelledSample[] = wrapped.map((t) => ({ text: t.text, label: t.label, group: `log:${t.source}/${t.category}` }));
// --gen-benign N: up to N screened field values of every generated benign family of today (families the shipped
// members never trained on included) at --scale 0.1 of the run's seed, trained at their label: what the wrapped
// attacks must not pull up. Seed 7 (the measurement's) is refused.
const genBenign = Number(flag('gen-benign') ?? 0);
if (genBenign > 0) {
  if (seed === 7) throw new Error('--gen-benign draws the run seed, and seed 7 is the measurement');
  const perFamily = new Map<string, Set<string>>();
  for (const r of generateBenign({ seed, scale: Number(flag('gen-scale') ?? 0.1), families: ALL_FAMILIES })) {
    let set = perFamily.get(r.category);
    if (!set) perFamily.set(r.category, (set = new Set()));
    if (set.size >= genBenign) continue;
    for (const forms of requestTargetForms(r)) for (const f of forms) if (set.size < genBenign && mayCarryAttack(f)) set.add(f);
  }
  for (const [family, texts] of perFamily) for (const text of texts) logTexts.push({ text, label: 0, group: `log:gen-benign/${family}` });
  say(`gen-benign: ${[...perFamily.values()].reduce((n, s) => n + s.size, 0)} screened values of ${perFamily.size} families, seed ${seed}`);
}

const random = seededRandom(seed ^ 0x7a11);
const rest: LabelledSample[] = [];
const calibration: LabelledSample[] = [];
for (const s of material.train) (random() < 0.1 ? calibration : rest).push(s);
const train = [...rest, ...logTexts];
const o = { logs: 'context-wrap', seed, epochs, maxFpr: 0.0005, learningRate: lr, hidden: currentModel.metadata.architecture.hidden } as unknown as TrainFromLogsOptions;
let last = 0;
const fitted = await fitCandidate({
  o,
  train,
  calibration,
  matchBenign,
  currentModel,
  fineTune: true,
  featureConfig: currentModel.metadata.features,
  hidden: currentModel.metadata.architecture.hidden,
  baseTrain: rest.length,
  logTexts: logTexts.length,
  say,
  progress: (p) => {
    if (p.elapsedMs - last < 30000) return;
    last = p.elapsedMs;
    say(`member ${p.member}/${p.members} epoch ${p.epoch}/${p.epochs} ${(p.elapsedMs / 1000).toFixed(0)} s`);
  },
});
let tp = 0;
let tn = 0;
let attacksN = 0;
for (const s of fixedGate) {
  const hit = fitted.flags(s.text);
  if (s.label === 1) {
    attacksN++;
    if (hit) tp++;
  } else if (!hit) tn++;
}
say(`fixed set, the gate's half: TPR ${((100 * tp) / attacksN).toFixed(2)} %, TNR ${((100 * tn) / (fixedGate.length - attacksN)).toFixed(2)} % (${attacksN} attacks, ${fixedGate.length - attacksN} benign)`);
const version = flag('version') ?? 'payload-v1.5-ctx-ft';
await writeModelFiles(out, fitted.weights, {
  version,
  createdAt: new Date().toISOString(),
  features: currentModel.metadata.features,
  threshold: PUBLISHED_THRESHOLD,
  training: {
    fineTunedFrom: currentModel.version,
    contextWrap: { count, seed, wrapped: wrapped.length, attacks: attacks.length, benign: benign.length },
    seed,
    epochs,
    learningRate: lr,
    members: isEnsemble(fitted.weights) ? fitted.weights.members : 1,
    ensemble: { combine: 'mean-probability', members: fitted.members, ...(isEnsemble(fitted.weights) ? { shift: fitted.weights.shift } : {}) },
    rawThreshold: fitted.rawThreshold,
    trainSeconds: fitted.trainSeconds,
    command: `npx tsx datasets/finetune-context.ts ${argv.join(' ')}`,
  },
});
await writeFile(join(out, 'training-report.json'), JSON.stringify({ version, fixedGate: { tp, attacks: attacksN, tn, benign: fixedGate.length - attacksN } }, null, 2) + '\n');
await writeManifest(out);
say(`wrote ${out} (${fitted.trainSeconds.toFixed(0)} s of training)`);
