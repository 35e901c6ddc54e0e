import { parseArgs, stringFlag, type CliIo, type CommandSpec } from '../cli/args.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from '../cli/retrain-flags.js';
import { WardenError } from '../errors.js';
import { DEFAULT_FEATURE_CONFIG } from '../model/features.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from './retrain-config.js';
import { currentModelDir } from './model-store.js';
import { trainFromLogs, trainingProgressLine, type RetrainProgress, type WeightsMode } from './train-from-logs.js';
import { labelInvalid } from './errors.js';

const HELP = `Usage: warden train --from-logs <logs> [--out models/candidate] [--weights auto|fine-tune|keep]
                    [--base-size N] [--epochs 2] [--seed 1] [--learning-rate R] [--anchor 1]
                    [--base-data FILE.ndjson|DIR] [--from-scratch] [--hidden 32] [--dim-log2 15]
                    [--max-fpr 0.0005] [--operator-weight 5] [--version NAME] [--current DIR]
                    [--models DIR] [--config FILE] [--labels FILE]

Trains a candidate payload model from the traffic log (operator labels + weak labels) plus the base
material shipped with the model (<model>/base/: ~100,000 labelled texts from the shared corpora and
our generators), and learns per-endpoint field profiles (profiles.json beside the model). By default
it fine-tunes the model in force (--current) rather than starting from zero; an ensemble in force has
each of its members fine-tuned (seeds --seed, --seed+1, …; about members × one model's time), stacked
back and calibrated as one model. Deterministic for a --seed. Then: 'warden replay <logs> --model <out>' to see what changes, 'warden promote <out>' to
swap it in through the promotion gate.
  --weights       auto (default): train, then replay the ~9,000 benign requests shipped with the model
                  through both full pipelines and keep the weights in force when the trained ones block
                  more of them than 'warden promote' allows (+25 % and 3), or more than 0.1 % fewer of
                  the ~3,700 attack requests shipped with it, or catch more than half a point fewer of
                  the fixed validation set's attacks, or of them transplanted into a field your labels
                  retrained; a check that cannot run (unreadable base material) keeps them too,
                  and says which. The field profiles still carry your labels; model.json and
                  training-report.json record dropped weights (droppedWeights: why, seconds trained).
                  fine-tune: keep the trained weights whatever they block or miss. keep: do not
                  train; the candidate is the model in force plus the field profiles (seconds)
  --base-size N   base texts to train on, a seeded sample of the ~90,000 not kept for calibration
                  (default: all of them); fewer trains faster (the CI scenario uses 10000 --epochs 1)
  --epochs N      passes over the data (default 2)
  --learning-rate Adam step size (default 0.0003 fine-tuning, 0.01 from scratch); a fine-tune rehearses
                  the base texts at what the model in force says of them and keeps its operating point
  --anchor A      fine-tuning: a base text's target is A × the model in force's probability + (1 − A) ×
                  its label (default 1; 0 = the labels, the recipe before 2026-12-07)
  --from-scratch  train from zero weights (with --hidden, --dim-log2) instead of fine-tuning; as many
                  members as the model in force (one MLP, or each member of its ensemble)
  --base-data     other labelled texts (NDJSON {"text","label","group"?}) or the shared corpora directory
                  of a source checkout, trained on instead of the shipped base texts; the operating point,
                  auto's checks and promote still use the shipped fixed validation set (texts of it in
                  --base-data are left out of training)
  --current DIR   the model the log was judged by (default: <models>/current, else model.path, else shipped)
  --models DIR    where promote keeps models (default: model.store, 'models' beside the config)
Progress and an ETA go to stderr (one updating line on a terminal).

${WEAK_LABEL_FLAGS_HELP}`;

function num(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw labelInvalid(`--${flag}`, `expected a non-negative number, got "${value}"`);
  return n;
}

function weightsMode(value: string | undefined): WeightsMode | undefined {
  if (value === undefined || value === 'auto' || value === 'fine-tune' || value === 'keep') return value;
  throw labelInvalid('--weights', `expected auto, fine-tune or keep, got "${value}"`);
}

/** On a terminal, one line rewritten in place a few times a second; elsewhere a line every 2 s. */
function terminalProgress(): ((p: RetrainProgress) => void) | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  let last = -Infinity;
  return (p) => {
    const now = performance.now();
    const end = p.batch === p.batches && p.epoch === p.epochs;
    if (now - last < 250 && !end) return;
    last = now;
    process.stderr.write(`\r\x1b[K${trainingProgressLine(p)}${end ? '\n' : ''}`);
  };
}

export const TRAIN_FROM_LOGS_FLAGS: CommandSpec = {
  name: 'train --from-logs',
  maxPositionals: 0,
  flags: {
    'from-logs': { kind: 'string' },
    'base-data': { kind: 'string' },
    'base-scale': { kind: 'number', min: 0 },
    'base-size': { kind: 'integer', min: 0 },
    out: { kind: 'string' },
    version: { kind: 'string' },
    seed: { kind: 'integer', min: 0 },
    epochs: { kind: 'integer', min: 1 },
    hidden: { kind: 'integer', min: 1 },
    'dim-log2': { kind: 'integer', min: 4, max: 24 },
    'max-fpr': { kind: 'number', min: 0, max: 1 },
    'learning-rate': { kind: 'number', min: 0 },
    anchor: { kind: 'number', min: 0, max: 1 },
    'from-scratch': { kind: 'boolean' },
    weights: { kind: 'string' },
    'operator-weight': { kind: 'number', min: 0 },
    current: { kind: 'string' },
    models: { kind: 'string' },
    ...RETRAIN_CONTEXT_FLAGS,
    ...WEAK_LABEL_FLAGS,
  },
};

export async function runTrainFromLogsCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, TRAIN_FROM_LOGS_FLAGS);
  const logs = stringFlag(args, 'from-logs');
  if (args.flags.has('help') || logs === undefined) {
    (args.flags.has('help') ? io.out : io.err)(HELP);
    return args.flags.has('help') ? 0 : 2;
  }
  try {
    const ctx = await retrainContext(args, logs);
    const dimLog2 = num(stringFlag(args, 'dim-log2'), Math.log2(DEFAULT_FEATURE_CONFIG.dim), 'dim-log2');
    const baseSize = stringFlag(args, 'base-size');
    const result = await trainFromLogs({
      config: ctx.config,
      logs: ctx.logs,
      labelsFile: ctx.labelsFile,
      redaction: ctx.redaction,
      currentModelDir: stringFlag(args, 'current') ?? currentModelDir(ctx.config),
      baseData: stringFlag(args, 'base-data'),
      baseScale: num(stringFlag(args, 'base-scale'), 0.1, 'base-scale'),
      baseSize: baseSize === undefined ? undefined : num(baseSize, 0, 'base-size'),
      out: stringFlag(args, 'out') ?? 'models/candidate',
      version: stringFlag(args, 'version'),
      seed: num(stringFlag(args, 'seed'), 1, 'seed'),
      epochs: num(stringFlag(args, 'epochs'), 2, 'epochs'),
      hidden: num(stringFlag(args, 'hidden'), 32, 'hidden'),
      maxFpr: num(stringFlag(args, 'max-fpr'), 0.0005, 'max-fpr'),
      fromScratch: args.flags.has('from-scratch'),
      weights: weightsMode(stringFlag(args, 'weights')),
      learningRate: stringFlag(args, 'learning-rate') === undefined ? undefined : num(stringFlag(args, 'learning-rate'), 0, 'learning-rate'),
      anchor: stringFlag(args, 'anchor') === undefined ? undefined : num(stringFlag(args, 'anchor'), 1, 'anchor'),
      operatorWeight: num(stringFlag(args, 'operator-weight'), 5, 'operator-weight'),
      featureConfig: { ...DEFAULT_FEATURE_CONFIG, dim: 1 << dimLog2 },
      weak: weakLabelOptions(args),
      log: io.err,
      progress: terminalProgress(),
    });
    io.out(
      // With the weights in force kept no base text is in the candidate's weights (samples.base is 0): saying "0 base" read as
      // a contradiction of the progress lines, which count the base texts the dropped weights were trained on.
      `candidate ${result.version}: ${result.samples.logBenign} benign + ${result.samples.logAttack} attack texts from logs${result.weights === 'kept' ? '' : `, ${result.samples.base} base`}; ` +
        `${result.fields} field profiles; ` +
        (result.weights === 'kept'
          ? result.dropped === null
            ? 'weights of the model in force kept'
            : `weights of the model in force kept: the trained ones (${result.dropped.trainSeconds.toFixed(1)} s of training) were dropped, ${result.dropped.because}`
          : `${result.weights === 'fine-tuned' ? 'fine-tuned' : 'trained from scratch'}${result.members > 1 ? ` (${result.members} members)` : ''} in ${result.trainSeconds.toFixed(1)} s (${result.backend})`),
    );
    return 0;
  } catch (err) {
    if (err instanceof WardenError) {
      io.err(`warden train: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
