import { join, resolve } from 'node:path';
import { numberFlag, parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from './retrain-flags.js';
import { WardenError } from '../errors.js';
import { readLabels } from '../retrain/labels.js';
import { loadTraffic } from '../retrain/traffic-reader.js';
import { labelTraffic } from '../retrain/weak-labels.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from '../retrain/retrain-config.js';
import { buildOfflinePipeline } from '../retrain/offline-pipeline.js';
import { currentModelDir, installModel, pointCurrent, readModelVersion, readPromotions, recordPromotion, rollbackTarget } from '../retrain/model-store.js';
import { formatGate, runPromotionGate } from '../retrain/promotion-gate.js';
import { readLabelledTexts } from '../retrain/base-data.js';
import { BASE_VALIDATION_FILE } from '../retrain/train-from-logs.js';
import { promotionRefused, labelInvalid } from '../retrain/errors.js';
import { adminToken, postAdmin } from './admin-client.js';

const PROMOTE_HELP = `Usage: warden promote <candidate dir> [--models models] [--logs DIR] [--labels FILE] [--tolerance 0.01]
                      [--validation FILE.ndjson] [--current DIR] [--admin HOST:PORT] [--dry-run] [--config FILE]

Swaps a candidate model in, through the promotion gate: refused (exit 3) when the candidate's TPR or
TNR is lower than the current model's by more than --tolerance (absolute, 0.01 = one point) on the
base validation set (<candidate>/${BASE_VALIDATION_FILE}, or --validation) or on the labelled traffic
log (operator + weak labels, replayed through both pipelines). On success the candidate is copied to
<models>/<version>/, <models>/current is pointed at it (point model.path there), the step is recorded
in <models>/promotions.ndjson, and with --admin the running proxy reloads (POST /reload) without a
restart. --dry-run runs the gate only.

${WEAK_LABEL_FLAGS_HELP}`;

const ROLLBACK_HELP = `Usage: warden rollback [--models models] [--admin HOST:PORT] [--config FILE]

Points <models>/current back at the model in force before the last promote (repeatable: each rollback
goes one promote further back) and, with --admin, makes the running proxy reload.`;

async function reloadProxy(admin: string | undefined, io: CliIo, configFile: string | undefined): Promise<void> {
  if (admin === undefined) {
    io.out('the running proxy picks the model up on its next reload (POST /reload on the admin listener, or SIGHUP)');
    return;
  }
  const res = await postAdmin(admin, '/reload', await adminToken(configFile));
  const body = res.body as { ok?: boolean; reloaded?: Record<string, string>; message?: string };
  if (res.status !== 200 || body.ok !== true) throw labelInvalid(`--admin ${admin}`, `reload failed: ${body.message ?? res.status}`);
  io.out(`proxy reloaded: model ${body.reloaded?.model ?? '?'}`);
}

function fail(io: CliIo, name: string, err: unknown): number {
  if (err instanceof WardenError) {
    io.err(`warden ${name}: ${err.code}: ${err.message}`);
    return promotionRefused.is(err) ? 3 : 1;
  }
  throw err;
}

export const PROMOTE_FLAGS: CommandSpec = {
  name: 'promote',
  maxPositionals: 1,
  flags: {
    models: { kind: 'string' },
    tolerance: { kind: 'number', min: 0, max: 1 },
    validation: { kind: 'string' },
    current: { kind: 'string' },
    admin: { kind: 'hostPort' },
    'dry-run': { kind: 'boolean' },
    ...RETRAIN_CONTEXT_FLAGS,
    ...WEAK_LABEL_FLAGS,
  },
};

export const ROLLBACK_FLAGS: CommandSpec = {
  name: 'rollback',
  maxPositionals: 0,
  flags: { models: { kind: 'string' }, admin: { kind: 'hostPort' }, ...RETRAIN_CONTEXT_FLAGS },
};

export async function runPromoteCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PROMOTE_FLAGS);
  const [candidateDir] = args.positionals;
  if (args.flags.has('help') || candidateDir === undefined) {
    (args.flags.has('help') ? io.out : io.err)(PROMOTE_HELP);
    return args.flags.has('help') ? 0 : 2;
  }
  try {
    const ctx = await retrainContext(args);
    const modelsDir = stringFlag(args, 'models') ?? 'models';
    const currentDir = stringFlag(args, 'current') ?? currentModelDir(modelsDir, ctx.config);
    const tolerance = numberFlag(args, 'tolerance', 0.01);
    if (!(tolerance >= 0 && tolerance <= 1)) throw labelInvalid('--tolerance', 'expected a number in [0,1]');
    const version = await readModelVersion(candidateDir);
    const baseValidation = await readLabelledTexts(stringFlag(args, 'validation') ?? join(candidateDir, BASE_VALIDATION_FILE)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    const { lines } = await loadTraffic(ctx.logs, ctx.redaction).catch(() => ({ lines: [] }));
    const { labelled } = labelTraffic(lines, await readLabels(ctx.labelsFile), weakLabelOptions(args));
    const gate = await runPromotionGate({
      currentDir,
      candidateDir,
      baseValidation,
      lines,
      labelled,
      current: await buildOfflinePipeline(ctx.config, currentDir),
      candidate: await buildOfflinePipeline(ctx.config, candidateDir),
      tolerance,
    });
    io.out(formatGate(gate));
    if (baseValidation.length === 0 && labelled.length === 0) io.err('warden promote: warning: no base validation set and no labelled log lines: the gate had nothing to measure');
    if (!gate.pass) throw promotionRefused(gate.checks.filter((c) => !c.ok).map((c) => `${c.set} ${c.metric}`).join(', '));
    if (args.flags.has('dry-run')) {
      io.out(`dry run: ${version} would be promoted`);
      return 0;
    }
    const installed = await installModel(modelsDir, candidateDir, version);
    await pointCurrent(modelsDir, installed);
    await recordPromotion(modelsDir, { ts: new Date().toISOString(), action: 'promote', from: currentDir, to: installed, version, gate: gate.checks });
    io.out(`promoted ${version}: ${join(modelsDir, 'current')} → ${installed} (was ${currentDir})`);
    if (resolve(ctx.config.model.path || '.') !== resolve(modelsDir, 'current')) {
      io.err(`warden promote: note: model.path is "${ctx.config.model.path}"; set it to ${join(modelsDir, 'current')} so the proxy serves promoted models`);
    }
    await reloadProxy(stringFlag(args, 'admin'), io, stringFlag(args, 'config'));
    return 0;
  } catch (err) {
    return fail(io, 'promote', err);
  }
}

export async function runRollbackCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ROLLBACK_FLAGS);
  if (args.flags.has('help')) {
    io.out(ROLLBACK_HELP);
    return 0;
  }
  try {
    const ctx = await retrainContext(args);
    const modelsDir = stringFlag(args, 'models') ?? 'models';
    const from = currentModelDir(modelsDir, ctx.config);
    const target = rollbackTarget(await readPromotions(modelsDir), modelsDir);
    await pointCurrent(modelsDir, target);
    const version = await readModelVersion(target).catch(() => target);
    await recordPromotion(modelsDir, { ts: new Date().toISOString(), action: 'rollback', from, to: target, version });
    io.out(`rolled back: ${join(modelsDir, 'current')} → ${target} (${version})`);
    await reloadProxy(stringFlag(args, 'admin'), io, stringFlag(args, 'config'));
    return 0;
  } catch (err) {
    return fail(io, 'rollback', err);
  }
}
