/**
 * One payload model from several trained ones: the mean of their probabilities (src/model/ensemble.ts),
 * put at the recipe's request point.
 *
 *   npx tsx datasets/ensemble.ts --member DIR --member DIR [...] --out DIR --name VERSION [--point request|members] [--seed 1] [--calibration-families all|fam1,fam2]
 *
 * Each member is taken as written (its output bias already puts its own request point at the published
 * 0.8), so the members' probabilities mean the same thing where it matters. `--point request`
 * (default) then moves the ensemble's shift to its own request point on the calibration requests
 * of training seed `--seed` (datasets/request-calibration.ts, as datasets/train-model.ts does after
 * training); `--point members` keeps shift 0 (the mean probability as it is). Writes model.json (members, their
 * weights' sha256 and training commands under `training.ensemble`), weights.bin, metrics.json and a
 * MANIFEST.json for `warden promote`. The same members and tree give the same bytes (but `createdAt`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { isEnsemble, stackMembers } from '../src/model/ensemble.js';
import { moveOperatingPoint } from '../src/model/evaluate.js';
import { loadPayloadModel } from '../src/model/load.js';
import type { MlpWeights } from '../src/model/mlp.js';
import { architectureOf, writeModelFiles } from '../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../src/model/operating-point.js';
import { TypedArrayPayloadModel } from '../src/model/payload-model.js';
import { writeManifest } from '../src/retrain/candidate-manifest.js';
import { CALIBRATION_SCALE, calibrationRequests, calibrationSeed, MAX_REQUEST_FPR, requestThreshold } from './request-calibration.js';
import { calibrationFamiliesFlag, THRESHOLD_RESAMPLES } from './training-run.js';
import { ALL_FAMILIES } from './training-set.js';

const HELP = `npx tsx datasets/ensemble.ts --member DIR --member DIR [...] --out DIR --name VERSION [--point request|members] [--seed 1] [--calibration-families all|F,...]
  --member DIR   a written payload model, one MLP (repeat, at least twice; all must share one feature configuration and shape)
  --out DIR      where the ensemble is written
  --name V       its version (model.json "version")
  --point P      request (default): move the ensemble to its own request point; members: keep the members' mean
  --seed N       the training seed whose calibration requests set the request point (default 1)
  --calibration-families F
                 all (default) or a comma list: the generated benign families whose calibration requests set it`;

export interface EnsembleIo {
  out(line: string): void;
}

export async function runEnsemble(argv: readonly string[], io: EnsembleIo): Promise<number> {
  const args = parseArgs([...argv], {
    name: 'datasets/ensemble.ts',
    maxPositionals: 0,
    flags: {
      member: { kind: 'string', repeatable: true },
      out: { kind: 'string' },
      name: { kind: 'string' },
      point: { kind: 'enum', values: ['request', 'members'] },
      seed: { kind: 'integer', min: 0 },
      'calibration-families': { kind: 'string' },
    },
  });
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const dirs = args.all.get('member') ?? [];
  const out = stringFlag(args, 'out');
  const name = stringFlag(args, 'name');
  if (dirs.length < 2 || out === undefined || name === undefined) {
    io.out(`${HELP}\n\n--member (at least twice), --out and --name are required`);
    return 1;
  }
  const point = stringFlag(args, 'point') ?? 'request';
  const seed = Number(stringFlag(args, 'seed') ?? 1);
  const calibrationFamilies = calibrationFamiliesFlag(stringFlag(args, 'calibration-families')) ?? ALL_FAMILIES;

  const members = await Promise.all(dirs.map((d) => loadPayloadModel(d)));
  const features = members[0].metadata.features;
  for (const [i, m] of members.entries()) {
    if (JSON.stringify(m.metadata.features) !== JSON.stringify(features)) {
      io.out(`${dirs[i]}: its feature configuration differs from ${dirs[0]}'s; members must share one`);
      return 1;
    }
    if (isEnsemble(m.weights)) {
      io.out(`${dirs[i]}: an ensemble already; give its members`);
      return 1;
    }
    if (m.threshold !== PUBLISHED_THRESHOLD) {
      io.out(`${dirs[i]}: published at ${m.threshold}, not ${PUBLISHED_THRESHOLD}: its scores do not mean what the other members' do`);
      return 1;
    }
  }
  let weights = stackMembers(members.map((m) => m.weights).filter((w): w is MlpWeights => !isEnsemble(w)));
  const summary: Record<string, unknown> = {
    ensemble: {
      combine: 'mean-probability',
      members: members.map((m, i) => ({
        dir: dirs[i],
        version: m.version,
        hidden: m.weights.hidden,
        weightsSha256: m.metadata.weights.sha256,
        seed: m.metadata.training.seed,
        rawThreshold: m.metadata.training.rawThreshold,
        command: m.metadata.training.command,
      })),
    },
    rawThreshold: PUBLISHED_THRESHOLD,
  };
  if (point === 'request') {
    const started = performance.now();
    const stacked = new TypedArrayPayloadModel({ ...members[0].metadata, architecture: architectureOf(weights) }, weights);
    const calibration = await calibrationRequests({ seed, families: calibrationFamilies });
    const found = requestThreshold(calibration, (t) => stacked.scoreText(t), { seed, resamples: THRESHOLD_RESAMPLES });
    io.out(
      `request point ${found.threshold.toFixed(4)} of the members' mean probability (10–90 %: ${found.interval.map((t) => t.toFixed(4)).join('–')}), ` +
        `${found.flagged} of ${found.requests} calibration requests of seed ${calibrationSeed(seed)} flagged (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    weights = moveOperatingPoint(weights, PUBLISHED_THRESHOLD, found.threshold);
    summary.rawThreshold = found.threshold;
    summary.requestCalibration = {
      seed: calibrationSeed(seed),
      scale: CALIBRATION_SCALE,
      ...(calibrationFamilies === ALL_FAMILIES ? {} : { families: calibrationFamilies }),
      ...found,
      maxRequestFpr: MAX_REQUEST_FPR,
    };
  }
  summary.command = `npx tsx datasets/ensemble.ts ${argv.join(' ')}`;
  const meta = await writeModelFiles(out, weights, { version: name, createdAt: new Date().toISOString(), features, threshold: PUBLISHED_THRESHOLD, training: summary });
  await writeFile(join(out, 'metrics.json'), JSON.stringify(summary, null, 2) + '\n');
  await writeManifest(out);
  io.out(`wrote ${out}: ${members.length} members of ${weights.hidden} hidden units, shift ${weights.shift.toFixed(4)}, ${meta.weights.floats * 4} bytes of weights`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runEnsemble(process.argv.slice(2), { out: (s) => console.log(s) });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    console.error(`ensemble: ${e.code ?? 'error'}: ${e.message ?? String(err)}`);
    process.exitCode = 1;
  }
}
