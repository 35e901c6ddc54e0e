import { numberFlag, parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from './retrain-flags.js';
import { WardenError } from '../errors.js';
import { readLabels } from '../retrain/labels.js';
import { loadTraffic } from '../retrain/traffic-reader.js';
import { labelTraffic } from '../retrain/weak-labels.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from '../retrain/retrain-config.js';
import { buildOfflinePipeline } from '../retrain/offline-pipeline.js';
import { currentModelDir } from '../retrain/model-store.js';
import { formatReplayReport, replayTraffic } from '../retrain/replay.js';
import { progressLine } from '../retrain/progress.js';

const HELP = `Usage: warden replay <logs> --model <candidate dir> [--current DIR] [--models DIR] [--config FILE]
                     [--labels FILE] [--examples 5] [--json] [--no-profiles]

Replays the logged requests (the traffic log directory, rotated files included, or one file) through
the current and the candidate pipeline — the same code as the proxy, offline — and prints what would
change: requests that flip block↔allow, by route and by target with examples; TPR/TNR on the labelled
requests (operator labels and weak labels); p50/p99 pipeline time per request.
  --current DIR   the model to compare against (default: <models>/current, else model.path, else the shipped model)
  --models DIR    where promote keeps models (default models)
  --no-profiles   ignore the candidate's per-endpoint profiles.json
"Blocked" counts monitor verdicts too: in detect mode they are the blocks that were only reported.

${WEAK_LABEL_FLAGS_HELP}`;

export const REPLAY_FLAGS: CommandSpec = {
  name: 'replay',
  maxPositionals: 1,
  flags: {
    model: { kind: 'string' },
    current: { kind: 'string' },
    models: { kind: 'string' },
    examples: { kind: 'integer', min: 0 },
    json: { kind: 'boolean' },
    'no-profiles': { kind: 'boolean' },
    ...RETRAIN_CONTEXT_FLAGS,
    ...WEAK_LABEL_FLAGS,
  },
};

export async function runReplayCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, REPLAY_FLAGS);
  const candidateDir = stringFlag(args, 'model');
  if (args.flags.has('help') || candidateDir === undefined || args.positionals.length === 0) {
    (args.flags.has('help') ? io.out : io.err)(HELP);
    return args.flags.has('help') ? 0 : 2;
  }
  try {
    const ctx = await retrainContext(args, args.positionals[0]);
    const { lines, summary } = await loadTraffic(ctx.logs, ctx.redaction);
    if (summary.invalid > 0) io.err(`warden replay: ${summary.invalid} invalid log lines skipped`);
    const { labelled } = labelTraffic(lines, await readLabels(ctx.labelsFile), weakLabelOptions(args));
    const currentDir = stringFlag(args, 'current') ?? currentModelDir(ctx.config);
    const current = await buildOfflinePipeline(ctx.config, currentDir);
    const candidate = await buildOfflinePipeline(ctx.config, candidateDir, { profiles: !args.flags.has('no-profiles') });
    const progress = progressLine('replay', io.err);
    const report = await replayTraffic(lines, labelled, current, candidate, {
      examples: numberFlag(args, 'examples', 5),
      onProgress: progress,
    });
    io.out(args.flags.has('json') ? JSON.stringify(report) : formatReplayReport(report));
    return 0;
  } catch (err) {
    if (err instanceof WardenError) {
      io.err(`warden replay: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
