/**
 * The payload model's operating point measured on generated benign *requests*, the unit the proxy and
 * the promotion gate count, instead of only on de-duplicated validation texts.
 *
 * Why: validation holds each benign text once, but traffic repeats some of them (one Rust snippet is
 * the body of ~40 of 5,000 generated uploads, each hard-benign value comes three times), and the per-text
 * order statistic at 0.05 % rests on the top ~15 of ~29,000 texts. The shipped recipe on the tree of
 * 2026-12-05 picked raw 0.880 that way and blocked 227 of 159,962 generated benign requests (payload-v1.2:
 * 16); the same weights at the request point below block 20 (datasets/README.md, "Issue 18: the
 * operating point on benign requests").
 *
 * The calibration requests come from the generators at their own seed (`calibrationSeed`), used by no
 * measurement, and are never trained on. Each request contributes the texts the model gate would score
 * with no signature hit (screen, decoded forms, windows, no path mention, no declared script: the
 * gate's own selection, run with a recording model), so a request's score is the gate's `maxScore`.
 */
import { cliBadFlagValue } from '../src/cli/errors.js';
import type { RequestRecord } from '../src/eval/record.js';
import { recordToRawRequest } from '../src/eval/record-request.js';
import { createInspector } from '../src/inspect/build-inspection.js';
import { bootstrapThresholdForFpr, thresholdForFpr } from '../src/model/evaluate.js';
import { DEFAULT_FEATURE_CONFIG } from '../src/model/features.js';
import { createModelGate } from '../src/model/gate.js';
import type { PayloadModel } from '../src/model/types.js';
import { generateBenign, SOURCE } from './loaders.js';

/**
 * Share of calibration requests the model alone may flag: 1 in 10,000 (15 of the 154,341 requests of
 * scale 1). payload-v1.2 flags 17 of them at its own point (raw 0.9824; this criterion puts it at 0.986).
 */
export const MAX_REQUEST_FPR = 0.0001;

/** The generator seed of a run's calibration requests: derived from the training seed, never a measurement seed (7, 11, 99, 123, 4242, 7777...). */
export function calibrationSeed(seed: number): number {
  return (seed ^ 0xca11b) >>> 0;
}

/** `--request-calibration`: on (default) or off (the per-text threshold alone, payload-v1.2's recipe). */
export function requestCalibrationFlag(value: string | undefined): boolean {
  if (value === undefined || value === 'on') return true;
  if (value === 'off') return false;
  throw cliBadFlagValue('train', 'request-calibration', 'must be on or off', value);
}

/** Per request, the indices of the distinct texts the gate would score (empty: nothing reaches the model). */
export interface CalibrationRequests {
  texts: string[];
  requests: Uint32Array[];
  /** Per request: `source/category`. */
  groups: string[];
}

/** A model that scores nothing and remembers what the gate asked for. */
class RecordingModel implements PayloadModel {
  readonly version = 'calibration-recorder';
  readonly maxChars = DEFAULT_FEATURE_CONFIG.maxChars;
  asked: string[] = [];
  score(texts: readonly string[]): Float32Array {
    for (const t of texts) this.asked.push(t);
    return new Float32Array(texts.length);
  }
}

/** The texts the model gate sends to the model for each record, without signature hits. */
export async function gateTextsOfRequests(records: Iterable<RequestRecord>): Promise<CalibrationRequests> {
  const inspect = createInspector();
  const recorder = new RecordingModel();
  // No cache: every request's texts must reach the recorder, not only the first sighting of each.
  const gate = createModelGate(recorder, { cacheSize: 0 });
  const index = new Map<string, number>();
  const out: CalibrationRequests = { texts: [], requests: [], groups: [] };
  for (const record of records) {
    recorder.asked = [];
    await gate.evaluate(inspect(recordToRawRequest(record)), { hits: [], candidates: 0 });
    const ids = new Set<number>();
    for (const t of recorder.asked) {
      let id = index.get(t);
      if (id === undefined) {
        id = out.texts.length;
        index.set(t, id);
        out.texts.push(t);
      }
      ids.add(id);
    }
    out.requests.push(Uint32Array.from(ids));
    out.groups.push(`${record.source}/${record.category}`);
  }
  return out;
}

/**
 * Generator scale of the calibration requests, whatever the training scale: 154,341 requests, so 1 in
 * 10,000 is the 16th highest (at scale 0.02, 3,507 requests, no request may score above the point).
 */
export const CALIBRATION_SCALE = 1;

/** The calibration requests of a run: its benign families at `CALIBRATION_SCALE`, from `calibrationSeed(seed)`. */
export async function calibrationRequests(options: { seed: number; families: readonly string[] }): Promise<CalibrationRequests> {
  return gateTextsOfRequests(generateBenign({ seed: calibrationSeed(options.seed), scale: CALIBRATION_SCALE, families: options.families }));
}

/**
 * The calibration requests without the generated families named (a leave-one-out run's held-out
 * benign families), texts re-indexed in first-seen order: the same as generating without them, since
 * each family draws from its own random stream (datasets/engine.ts), so one generation serves every run.
 */
export function withoutFamilies(calibration: CalibrationRequests, families: readonly string[]): CalibrationRequests {
  if (families.length === 0) return calibration;
  const dropped = new Set(families.map((f) => `${SOURCE}/${f}`));
  const index = new Map<number, number>();
  const out: CalibrationRequests = { texts: [], requests: [], groups: [] };
  calibration.requests.forEach((ids, r) => {
    if (dropped.has(calibration.groups[r])) return;
    out.requests.push(
      Uint32Array.from(ids, (id) => {
        let mine = index.get(id);
        if (mine === undefined) {
          mine = out.texts.length;
          index.set(id, mine);
          out.texts.push(calibration.texts[id]);
        }
        return mine;
      }),
    );
    out.groups.push(calibration.groups[r]);
  });
  return out;
}

export interface RequestThreshold {
  /** Raw threshold: the bootstrap mean (logit scale) of the resamples' thresholds, or the plain order statistic without resamples. */
  threshold: number;
  /** 10–90 % of the resamples' thresholds. */
  interval: [number, number];
  /** The plain order statistic on all calibration requests. */
  plain: number;
  requests: number;
  /** Requests whose highest text scores at or above `threshold`. */
  flagged: number;
}

/** Each request's highest raw score (0 when nothing of it reaches the model). */
export function requestScores(calibration: CalibrationRequests, scoreRaw: (text: string) => number): Float64Array {
  const textScores = calibration.texts.map(scoreRaw);
  const out = new Float64Array(calibration.requests.length);
  calibration.requests.forEach((ids, r) => {
    let max = 0;
    for (const id of ids) if (textScores[id] > max) max = textScores[id];
    out[r] = max;
  });
  return out;
}

/**
 * The raw threshold at which the model flags at most `maxRequestFpr` of the calibration requests,
 * averaged over bootstrap resamples of the requests like the per-text threshold (`bootstrapThresholdForFpr`).
 */
export function requestThreshold(
  calibration: CalibrationRequests,
  scoreRaw: (text: string) => number,
  options: { maxRequestFpr?: number; seed: number; resamples: number },
): RequestThreshold {
  const scores = [...requestScores(calibration, scoreRaw)];
  const maxFpr = options.maxRequestFpr ?? MAX_REQUEST_FPR;
  const plain = thresholdForFpr(scores, maxFpr);
  const estimate = options.resamples > 0 ? bootstrapThresholdForFpr(scores, maxFpr, { seed: options.seed, resamples: options.resamples }) : { threshold: plain, low: plain, high: plain };
  return {
    threshold: estimate.threshold,
    interval: [estimate.low, estimate.high],
    plain,
    requests: scores.length,
    flagged: scores.filter((s) => s >= estimate.threshold).length,
  };
}
