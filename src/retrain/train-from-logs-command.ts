import { parseArgs, stringFlag, type CliIo, type CommandSpec } from '../cli/args.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from '../cli/retrain-flags.js';
import { WardenError } from '../errors.js';
import { DEFAULT_FEATURE_CONFIG } from '../model/features.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from './retrain-config.js';
import { currentModelDir } from './model-store.js';
import { trainFromLogs } from './train-from-logs.js';
import { labelInvalid } from './errors.js';

const HELP = `Usage: warden train --from-logs <logs> [--base-data FILE.ndjson|DIR] [--out models/candidate] [--seed 1]
                    [--epochs 2] [--hidden 32] [--dim-log2 15] [--max-fpr 0.001] [--operator-weight 5]
                    [--base-scale 0.1] [--version NAME] [--current DIR] [--models DIR] [--config FILE] [--labels FILE]

Trains a candidate payload model from the traffic log (operator labels + weak labels) plus the base
corpus, and learns per-endpoint field profiles (profiles.json beside the model). Deterministic for a
--seed. Then: 'warden replay <logs> --model <out>' to see what changes, 'warden promote <out>' to
swap it in through the promotion gate.
  --base-data     labelled texts (NDJSON {"text","label","group"?}) or the shared corpora directory
  --current DIR   the model the log was judged by (default: <models>/current, else model.path, else shipped)

${WEAK_LABEL_FLAGS_HELP}`;

function num(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw labelInvalid(`--${flag}`, `expected a non-negative number, got "${value}"`);
  return n;
}

export const TRAIN_FROM_LOGS_FLAGS: CommandSpec = {
  name: 'train --from-logs',
  maxPositionals: 0,
  flags: {
    'from-logs': { kind: 'string' },
    'base-data': { kind: 'string' },
    'base-scale': { kind: 'number', min: 0 },
    out: { kind: 'string' },
    version: { kind: 'string' },
    seed: { kind: 'integer', min: 0 },
    epochs: { kind: 'integer', min: 1 },
    hidden: { kind: 'integer', min: 1 },
    'dim-log2': { kind: 'integer', min: 4, max: 24 },
    'max-fpr': { kind: 'number', min: 0, max: 1 },
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
    const result = await trainFromLogs({
      config: ctx.config,
      logs: ctx.logs,
      labelsFile: ctx.labelsFile,
      redaction: ctx.redaction,
      currentModelDir: stringFlag(args, 'current') ?? currentModelDir(stringFlag(args, 'models') ?? 'models', ctx.config),
      baseData: stringFlag(args, 'base-data'),
      baseScale: num(stringFlag(args, 'base-scale'), 0.1, 'base-scale'),
      out: stringFlag(args, 'out') ?? 'models/candidate',
      version: stringFlag(args, 'version'),
      seed: num(stringFlag(args, 'seed'), 1, 'seed'),
      epochs: num(stringFlag(args, 'epochs'), 2, 'epochs'),
      hidden: num(stringFlag(args, 'hidden'), 32, 'hidden'),
      maxFpr: num(stringFlag(args, 'max-fpr'), 0.001, 'max-fpr'),
      operatorWeight: num(stringFlag(args, 'operator-weight'), 5, 'operator-weight'),
      featureConfig: { ...DEFAULT_FEATURE_CONFIG, dim: 1 << dimLog2 },
      weak: weakLabelOptions(args),
      log: io.err,
    });
    io.out(`candidate ${result.version}: ${result.samples.logBenign} benign + ${result.samples.logAttack} attack texts from logs, ${result.samples.base} base; ${result.fields} field profiles; trained in ${result.trainSeconds.toFixed(1)} s (${result.backend})`);
    return 0;
  } catch (err) {
    if (err instanceof WardenError) {
      io.err(`warden train: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
