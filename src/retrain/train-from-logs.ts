/**
 * `warden train --from-logs`: a candidate model from the traffic log plus the base corpus.
 * 1. label the log: operator labels, then the weak rules (weak-labels.ts), capped per source;
 * 2. benign lines give every screened form of every value field as benign texts (operator-labelled
 *    ones repeated `operatorWeight` times, so a handful of false positives outweighs their absence in
 *    the base corpus), and feed the per-endpoint profiles;
 * 3. attack lines give the fields the current pipeline blamed (model score ≥ half its operating
 *    point, or a signature hit) — not the whole request, whose other fields are usually benign;
 * 4. train on base-train + log texts, pick the threshold on the base validation split, write the
 *    model, `profiles.json`, `base-validation.ndjson` (base texts only) and `training-report.json`.
 * Log lines are redacted per config when read, so nothing unredacted reaches the candidate directory.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WardenConfig } from '../config/types.js';
import type { RedactionPolicy } from '../log/redact.js';
import { secretField } from '../log/redact.js';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../model/features.js';
import { fitPayloadModel, scoreSamples, type LabelledSample } from '../model/fit.js';
import { groupMetrics } from '../model/evaluate.js';
import { writeModelFiles } from '../model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../model/operating-point.js';
import { seededRandom } from '../model/prng.js';
import { mayCarryAttack } from '../model/screen.js';
import { formsToScore } from '../model/scored-forms.js';
import type { Inspection, Target } from '../inspect/types.js';
import { readLabels } from './labels.js';
import { loadTraffic } from './traffic-reader.js';
import { describeLabelCounts, labelTraffic, type LabelCounts, type WeakLabelOptions } from './weak-labels.js';
import { buildOfflinePipeline, inspectLine } from './offline-pipeline.js';
import { DEFAULT_PROFILE_OPTIONS, ProfileLearner, writeProfiles, type ProfileLearnOptions } from './field-profiles.js';
import { loadBaseData } from './base-data.js';
import { trafficLogUnreadable } from './errors.js';

export const BASE_VALIDATION_FILE = 'base-validation.ndjson';
export const TRAINING_REPORT_FILE = 'training-report.json';

export interface TrainFromLogsOptions {
  config: WardenConfig;
  logs: string;
  labelsFile: string;
  redaction: RedactionPolicy;
  /** The model the log was judged by: picks which fields of an attack line to learn from. */
  currentModelDir: string;
  baseData?: string;
  /** Generator scale when `baseData` is a corpus directory (1 = the full shipped training set). */
  baseScale?: number;
  out: string;
  version?: string;
  seed: number;
  epochs: number;
  hidden: number;
  maxFpr: number;
  /** Times an operator-labelled text is repeated in training (default 5). */
  operatorWeight?: number;
  featureConfig?: FeatureConfig;
  weak?: Partial<WeakLabelOptions>;
  profiles?: Partial<ProfileLearnOptions>;
  log?: (s: string) => void;
}

export interface TrainFromLogsResult {
  version: string;
  counts: LabelCounts;
  samples: { base: number; validation: number; logBenign: number; logAttack: number };
  fields: number;
  trainSeconds: number;
  backend: string;
}

const FORMS = 4;
/** Half the operating point: a field the model leaned on, even if it alone did not block. */
const BLAME_SCORE = PUBLISHED_THRESHOLD / 2;

function screenedForms(target: Target): string[] {
  return formsToScore(target.raw, target.decoded, FORMS).filter(mayCarryAttack);
}

function valueTargets(inspection: Inspection, redaction: RedactionPolicy): Target[] {
  return inspection.targets.filter((t) => t.raw !== '' && !secretField(t.name, redaction));
}

export async function trainFromLogs(o: TrainFromLogsOptions): Promise<TrainFromLogsResult> {
  const say = o.log ?? (() => undefined);
  const { lines, summary } = await loadTraffic(o.logs, o.redaction);
  if (lines.length === 0) throw trafficLogUnreadable(o.logs, 'no traffic log lines found');
  say(`read ${summary.lines} logged requests from ${summary.files} files${summary.invalid > 0 ? ` (${summary.invalid} invalid lines skipped)` : ''}`);
  const { labelled, counts } = labelTraffic(lines, await readLabels(o.labelsFile), o.weak ?? {});
  for (const l of describeLabelCounts(counts, o.weak ?? {})) say(l);

  const learner = new ProfileLearner(o.redaction, { ...DEFAULT_PROFILE_OPTIONS, ...o.profiles });
  const current = await buildOfflinePipeline(o.config, o.currentModelDir, { profiles: false });
  const weight = o.operatorWeight ?? 5;
  const logTexts: LabelledSample[] = [];
  let logBenign = 0;
  let logAttack = 0;
  for (const l of labelled) {
    const repeat = l.origin === 'operator' ? weight : 1;
    const group = `log:${l.origin}`;
    if (l.label === 'benign') {
      const inspection = inspectLine(l.line);
      learner.add(inspection, l.line.ip, l.origin === 'operator');
      for (const t of valueTargets(inspection, o.redaction)) {
        for (const text of screenedForms(t)) {
          for (let r = 0; r < repeat; r++) logTexts.push({ text, label: 0, group });
          logBenign++;
        }
      }
      continue;
    }
    const { inspection, outcome } = await current.run(l.line);
    const blamed = new Set<number>();
    for (const s of outcome.results.model?.scores ?? []) if (s.score >= BLAME_SCORE) blamed.add(s.targetIndex);
    for (const h of outcome.results.signatures?.hits ?? []) if (h.targetIndex >= 0) blamed.add(h.targetIndex);
    for (const i of blamed) {
      const t = inspection.targets[i];
      if (t === undefined || secretField(t.name, o.redaction)) continue;
      for (const text of screenedForms(t)) {
        for (let r = 0; r < repeat; r++) logTexts.push({ text, label: 1, group });
        logAttack++;
      }
    }
  }
  say(`log texts: ${logBenign} benign, ${logAttack} attack (operator-labelled ones ×${weight})`);

  const base = o.baseData !== undefined ? await loadBaseData(o.baseData, o.seed, o.baseScale ?? 0.1) : [];
  const random = seededRandom(o.seed ^ 0x7a11);
  const baseTrain: LabelledSample[] = [];
  const validation: LabelledSample[] = [];
  for (const s of base) (random() < 0.1 ? validation : baseTrain).push(s);
  const train = [...baseTrain, ...logTexts];
  if (!train.some((s) => s.label === 1) || !train.some((s) => s.label === 0)) {
    throw trafficLogUnreadable(o.logs, 'training needs both attack and benign texts: label some requests or pass --base-data');
  }
  say(`training on ${train.length} texts (${baseTrain.length} base + ${logTexts.length} from logs), validating on ${validation.length} base texts`);

  const featureConfig = o.featureConfig ?? DEFAULT_FEATURE_CONFIG;
  let last = -Infinity;
  const fit = await fitPayloadModel(train, validation, {
    featureConfig,
    seed: o.seed,
    epochs: o.epochs,
    hidden: o.hidden,
    maxFpr: o.maxFpr,
    learningRate: 0.01,
    l2: 1e-6,
    onProgress: (p) => {
      const now = performance.now();
      if (now - last < 2000 && !(p.batch === p.batches && p.epoch === p.epochs)) return;
      last = now;
      const frac = (p.epoch - 1 + p.batch / p.batches) / p.epochs;
      const eta = frac > 0 ? (p.elapsedMs / frac) * (1 - frac) : 0;
      say(`epoch ${p.epoch}/${p.epochs} [${'#'.repeat(Math.round(frac * 20)).padEnd(20)}] ${(frac * 100).toFixed(0)} % loss ${p.loss.toFixed(4)} ${(p.elapsedMs / 1000).toFixed(0)} s, ETA ${(eta / 1000).toFixed(0)} s`);
    },
  });
  const version = o.version ?? `retrained-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const metrics = validation.length > 0 ? groupMetrics(scoreSamples(validation, fit.scoreRaw), fit.rawThreshold) : [];
  const samples = { base: baseTrain.length, validation: validation.length, logBenign, logAttack };
  await writeModelFiles(o.out, fit.weights, {
    version,
    createdAt: new Date().toISOString(),
    features: featureConfig,
    threshold: PUBLISHED_THRESHOLD,
    training: { fromLogs: true, seed: o.seed, epochs: o.epochs, hidden: o.hidden, maxFpr: o.maxFpr, backend: fit.backend, trainSeconds: fit.elapsedMs / 1000, rawThreshold: fit.rawThreshold, samples, labels: counts },
  });
  const profiles = learner.build();
  await writeProfiles(o.out, profiles);
  await writeFile(join(o.out, BASE_VALIDATION_FILE), validation.map((s) => JSON.stringify({ text: s.text, label: s.label, group: s.group })).join('\n') + (validation.length > 0 ? '\n' : ''));
  await writeFile(join(o.out, TRAINING_REPORT_FILE), JSON.stringify({ version, labels: counts, weakRules: describeLabelCounts(counts, o.weak ?? {}), samples, fields: Object.keys(profiles.fields).length, validation: metrics }, null, 2) + '\n');
  say(`wrote ${o.out} (${version}: trained on ${fit.backend} in ${(fit.elapsedMs / 1000).toFixed(1)} s; ${Object.keys(profiles.fields).length} field profiles)`);
  return { version, counts, samples, fields: Object.keys(profiles.fields).length, trainSeconds: fit.elapsedMs / 1000, backend: fit.backend };
}
