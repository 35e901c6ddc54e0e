import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import type { RequestRecord } from '../eval/record.js';
import { readAttackRecords, readBenignRecords } from '../signatures/tune/benign-records.js';
import { tuningBenignUnreadable } from '../signatures/tune/errors.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from './retrain-flags.js';
import { WardenError } from '../errors.js';
import type { WardenConfig } from '../config/types.js';
import type { LabelledSample } from '../model/fit.js';
import { readLabels } from '../retrain/labels.js';
import { loadTraffic } from '../retrain/traffic-reader.js';
import { labelTraffic } from '../retrain/weak-labels.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from '../retrain/retrain-config.js';
import { buildOfflinePipeline } from '../retrain/offline-pipeline.js';
import { commitStaged, currentModelDir, discardStaged, pointCurrent, readModelVersion, readPromotions, recordPromotion, rollbackTarget, stageModel } from '../retrain/model-store.js';
import { DEFAULT_ATTACK_LOSS, DEFAULT_MARGIN, formatGate, refusalReasons, runPromotionGate, type RequestSet } from '../retrain/promotion-gate.js';
import { readLabelledTexts } from '../retrain/base-data.js';
import { loadBaseMaterial, readBaseAttackRequests, readBaseRequests, SHIPPED_BASE, type RecordedRates } from '../retrain/base-material.js';
import { verifyManifest } from '../retrain/candidate-manifest.js';
import { readProfiles } from '../retrain/field-profiles.js';
import { promotionRefused, labelInvalid, candidateInvalid, benignRequestsUnreadable, attackRequestsUnreadable } from '../retrain/errors.js';
import { adminRequestFailed } from '../admin/errors.js';
import { adminToken, postAdmin, workersApplied } from './admin-client.js';

const PROMOTE_HELP = `Usage: warden promote <candidate dir> [--margin 0.5] [--fp-growth 25] [--attack-loss 0.1] [--min-validation 1000]
                      [--benign DIR|FILE ...] [--attacks DIR|FILE ...] [--force] [--dry-run] [--admin HOST:PORT|off] [--models DIR] [--logs DIR] [--labels FILE]
                      [--validation FILE.ndjson] [--current DIR] [--config FILE]

Swaps a candidate model in through the promotion gate, which refuses it (exit 3, every reason listed) when:
  - its files do not match the MANIFEST.json written by 'warden train' (changed, missing or added);
  - the fixed base validation set (shipped in <model>/base/, or --validation) is missing, empty or
    its gate half (every attack, half the benign texts, split by a hash of each text; 'warden train
    --from-logs' picks the candidate's threshold on the other half) holds fewer than --min-validation
    attacks or benign texts;
  - its TPR on that half is more than --margin points (default 0.5) below the current model's, or below
    the shipped model's recorded TPR;
  - it flags more than --fp-growth percent (default 25) more of that half's benign texts than the
    current model, or than the shipped model's recorded TNR implies, plus 3 texts of slack;
  - on the labelled traffic log (operator + weak labels, replayed through both full pipelines) its TPR
    or TNR is more than --margin points lower, or it blocks more than --fp-growth percent more of the
    benign-labelled lines than the current pipeline, plus 3 lines;
  - its full pipeline blocks more than --fp-growth percent more benign requests than the current
    pipeline, plus 3: of the ~9,000 generated ones shipped in <model>/base/, and, judged apart, of
    those under --benign DIR|FILE (repeatable; warden eval records, e.g. npm run datasets -- --out
    DIR --scale 0.2);
  - its full pipeline blocks more than --attack-loss percent (default 0.1) fewer attack requests than
    the current pipeline: of the ~3,700 generated ones shipped in <model>/base/ (every attack family
    and exploit template of the repository's generators, a seed the model was not trained on), and,
    judged apart, of those under --attacks DIR|FILE (repeatable; warden eval records labelled attack,
    e.g. your own attack-labelled requests); a refusal names the count lost and examples (id, family);
  - an operator-labelled attack that the current pipeline blocks would pass;
  - validation attacks transplanted into the fields it retrained (operator-labelled benign values,
    field profiles) are caught more than --margin points less often than today.
On success the candidate, as copied and checked, becomes <models>/<version>/, <models>/current points at
it (the proxy serves it with the default model.path ""), the step is recorded in
<models>/promotions.ndjson, and the running proxy reloads through its admin listener (admin.listen of
the config, or --admin; 'off' to skip; with --workers every worker reloads).
  --force     promote despite a refusal: printed as a warning and recorded with the reasons
  --dry-run   run the checks only

${WEAK_LABEL_FLAGS_HELP}`;

const ROLLBACK_HELP = `Usage: warden rollback [--models DIR] [--admin HOST:PORT|off] [--config FILE]

Points <models>/current back at the model in force before the last promote (repeatable: each rollback
goes one promote further back; past the first promote it is the shipped model) and makes the running
proxy reload through its admin listener, as promote does.`;

/** The admin listener to reload: --admin, else the config's own when enabled; null for none. */
function adminAddress(argv: string | undefined, config: WardenConfig): string | null {
  if (argv === 'off') return null;
  if (argv !== undefined) return argv;
  return config.admin.enabled ? config.admin.listen : null;
}

async function reloadProxy(admin: string | null, explicit: boolean, io: CliIo, configFile: string | undefined): Promise<void> {
  if (admin === null) {
    io.out('no admin listener: a running proxy picks the model up on its next reload (SIGHUP) or start');
    return;
  }
  let res: { status: number; body: Record<string, unknown> };
  try {
    res = await postAdmin(admin, '/reload', await adminToken(configFile));
  } catch (err) {
    // Nothing listening at the config's own address: no proxy is running, and its next start serves
    // <models>/current anyway. An address given with --admin must answer.
    if (!explicit && adminRequestFailed.is(err) && /cannot connect/.test(err.message)) {
      io.out(`no proxy answered on ${admin}: it serves the new model when it starts`);
      return;
    }
    throw err;
  }
  const body = res.body as { ok?: boolean; reloaded?: Record<string, string>; message?: string };
  if (res.status !== 200 || body.ok !== true) throw labelInvalid(`admin ${admin}`, `reload failed: ${body.message ?? res.status}`);
  io.out(`proxy reloaded: model ${body.reloaded?.model ?? '?'}${workersApplied(body.reloaded)}`);
}

function fail(io: CliIo, name: string, err: unknown): number {
  if (err instanceof WardenError) {
    io.err(`warden ${name}: ${err.code}: ${err.message}`);
    return promotionRefused.is(err) ? 3 : 1;
  }
  throw err;
}

async function fixedValidation(file: string | undefined): Promise<{ set: LabelledSample[] | null; recorded: RecordedRates | null; problem?: string }> {
  if (file !== undefined) {
    try {
      return { set: await readLabelledTexts(file), recorded: null };
    } catch (err) {
      return { set: null, recorded: null, problem: `${file}: ${(err as Error).message}` };
    }
  }
  try {
    const material = await loadBaseMaterial(SHIPPED_BASE, { train: false });
    return { set: material.validation, recorded: material.manifest.recorded };
  } catch (err) {
    return { set: null, recorded: null, problem: (err as Error).message };
  }
}

/**
 * A shipped request set of the base material, then the eval records of one label under the flag's paths
 * (the other label skipped). The readers are the rule tuner's; promote's own codes name their errors.
 */
async function requestSets(
  shippedRead: () => Promise<RequestRecord[] | null>,
  recordsUnder: (paths: readonly string[]) => AsyncIterable<{ record: RequestRecord }>,
  unreadable: (detail: string) => Error,
  flag: string,
  paths: readonly string[],
): Promise<RequestSet[]> {
  const sets: RequestSet[] = [];
  try {
    const shipped = await shippedRead();
    if (shipped !== null) sets.push({ name: 'shipped with the model', records: shipped });
  } catch (err) {
    sets.push({ name: 'shipped with the model', records: [], problem: (err as Error).message });
  }
  const records: RequestRecord[] = [];
  try {
    for await (const r of recordsUnder(paths)) records.push(r.record);
  } catch (err) {
    if (tuningBenignUnreadable.is(err)) throw unreadable(err.message.replace(/^benign traffic /, ''));
    throw err;
  }
  if (paths.length > 0) sets.push({ name: `${flag} ${paths.join(' ')}`, records });
  return sets;
}

/** The base material's benign requests, then the benign eval records under `--benign` paths. */
const benignRequestSets = (paths: readonly string[]): Promise<RequestSet[]> =>
  requestSets(() => readBaseRequests(SHIPPED_BASE), (p) => readBenignRecords(p, { attack: 0 }), benignRequestsUnreadable, '--benign', paths);

/** The base material's attack requests, then the attack eval records under `--attacks` paths. */
const attackRequestSets = (paths: readonly string[]): Promise<RequestSet[]> =>
  requestSets(() => readBaseAttackRequests(SHIPPED_BASE), (p) => readAttackRecords(p, { benign: 0 }), attackRequestsUnreadable, '--attacks', paths);

export const PROMOTE_FLAGS: CommandSpec = {
  name: 'promote',
  maxPositionals: 1,
  flags: {
    models: { kind: 'string' },
    margin: { kind: 'number', min: 0, max: 100 },
    'fp-growth': { kind: 'number', min: 0, max: 10000 },
    'min-validation': { kind: 'integer', min: 1 },
    validation: { kind: 'string' },
    current: { kind: 'string' },
    admin: { kind: 'hostPort', alsoAllowed: ['off'] },
    force: { kind: 'boolean' },
    'dry-run': { kind: 'boolean' },
    benign: { kind: 'string', repeatable: true },
    attacks: { kind: 'string', repeatable: true },
    'attack-loss': { kind: 'number', min: 0, max: 100 },
    ...RETRAIN_CONTEXT_FLAGS,
    ...WEAK_LABEL_FLAGS,
  },
};

export const ROLLBACK_FLAGS: CommandSpec = {
  name: 'rollback',
  maxPositionals: 0,
  flags: { models: { kind: 'string' }, admin: { kind: 'hostPort', alsoAllowed: ['off'] }, ...RETRAIN_CONTEXT_FLAGS },
};

export async function runPromoteCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PROMOTE_FLAGS);
  const [candidateDir] = args.positionals;
  if (args.flags.has('help') || candidateDir === undefined) {
    (args.flags.has('help') ? io.out : io.err)(PROMOTE_HELP);
    return args.flags.has('help') ? 0 : 2;
  }
  let staging: string | null = null;
  try {
    const ctx = await retrainContext(args);
    const modelsDir = ctx.config.model.store;
    const currentDir = stringFlag(args, 'current') ?? currentModelDir(ctx.config);
    const marginPoints = Number(stringFlag(args, 'margin') ?? DEFAULT_MARGIN * 100);
    if (!(marginPoints >= 0 && marginPoints <= 100)) throw labelInvalid('--margin', 'expected points in [0,100], e.g. 0.5');
    const fpGrowth = Number(stringFlag(args, 'fp-growth') ?? 25) / 100;
    const attackLoss = Number(stringFlag(args, 'attack-loss') ?? DEFAULT_ATTACK_LOSS * 100) / 100;
    const floor = Number(stringFlag(args, 'min-validation') ?? 1000);
    if (!(Number.isInteger(floor) && floor >= 1)) throw labelInvalid('--min-validation', 'expected a positive integer');
    const force = args.flags.has('force');

    const kind = await stat(candidateDir).then((st) => (st.isDirectory() ? 'dir' : 'file'), () => 'missing');
    if (kind !== 'dir') throw candidateInvalid(candidateDir, kind === 'missing' ? 'no such directory (the output directory of warden train)' : 'not a directory (expected the output directory of warden train)');
    // Judge the copy that goes live, never the candidate directory (which a retrain may be rewriting).
    staging = await stageModel(modelsDir, candidateDir);
    const reasons: string[] = [];
    let manifestOk = true;
    try {
      await verifyManifest(staging);
    } catch (err) {
      manifestOk = false;
      reasons.push(`files: ${(err as Error).message.replace(staging, candidateDir)}`);
      io.out(`promotion gate:\n  FAIL files: ${(err as Error).message.replace(staging, candidateDir)}`);
    }
    const version = await readModelVersion(staging);
    let gateChecks: unknown = null;
    if (manifestOk || force) {
      const base = await fixedValidation(stringFlag(args, 'validation'));
      const { lines } = await loadTraffic(ctx.logs, ctx.redaction).catch(() => ({ lines: [] }));
      const { labelled } = labelTraffic(lines, await readLabels(ctx.labelsFile), weakLabelOptions(args));
      const profiles = await readProfiles(staging).catch(() => null);
      const gate = await runPromotionGate(
        {
          currentDir,
          candidateDir: staging,
          baseValidation: base.set,
          baseProblem: base.problem,
          recorded: base.recorded,
          lines,
          labelled,
          current: await buildOfflinePipeline(ctx.config, currentDir),
          candidate: await buildOfflinePipeline(ctx.config, staging),
          margin: marginPoints / 100,
          fpGrowth,
          floor,
          benignRequests: await benignRequestSets(args.all.get('benign') ?? []),
          attackRequests: await attackRequestSets(args.all.get('attacks') ?? []),
          attackLoss,
        },
        new Set(Object.keys(profiles?.fields ?? {})),
      );
      io.out(formatGate(gate));
      reasons.push(...refusalReasons(gate));
      gateChecks = gate.checks;
    }
    if (reasons.length > 0 && !force) throw promotionRefused(reasons.join('; '));
    if (reasons.length > 0) {
      io.err(`warden promote: WARNING: --force: promoting ${version} although the promotion gate refused it:`);
      for (const r of reasons) io.err(`warden promote: WARNING:   ${r}`);
    }
    if (args.flags.has('dry-run')) {
      io.out(`dry run: ${version} would be promoted`);
      return 0;
    }
    const installed = await commitStaged(modelsDir, staging, version);
    staging = null;
    await pointCurrent(modelsDir, installed);
    await recordPromotion(modelsDir, {
      ts: new Date().toISOString(),
      action: 'promote',
      from: currentDir,
      to: installed,
      version,
      gate: gateChecks,
      ...(reasons.length > 0 ? { forced: reasons } : {}),
    });
    io.out(`promoted ${version}${reasons.length > 0 ? ' (FORCED)' : ''}: ${join(modelsDir, 'current')} → ${installed} (was ${currentDir})`);
    if (ctx.config.model.path !== '') {
      io.err(`warden promote: note: model.path is "${ctx.config.model.path}", which the proxy serves instead of ${join(modelsDir, 'current')}; set it to "" (the default)`);
    }
    await reloadProxy(adminAddress(stringFlag(args, 'admin'), ctx.config), stringFlag(args, 'admin') !== undefined, io, stringFlag(args, 'config'));
    return 0;
  } catch (err) {
    return fail(io, 'promote', err);
  } finally {
    if (staging !== null) await discardStaged(staging);
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
    const modelsDir = ctx.config.model.store;
    const from = currentModelDir(ctx.config);
    const target = rollbackTarget(await readPromotions(modelsDir), modelsDir);
    await pointCurrent(modelsDir, target);
    const version = await readModelVersion(target).catch(() => target);
    await recordPromotion(modelsDir, { ts: new Date().toISOString(), action: 'rollback', from, to: target, version });
    io.out(`rolled back: ${join(modelsDir, 'current')} → ${target} (${version})`);
    await reloadProxy(adminAddress(stringFlag(args, 'admin'), ctx.config), stringFlag(args, 'admin') !== undefined, io, stringFlag(args, 'config'));
    return 0;
  } catch (err) {
    return fail(io, 'rollback', err);
  }
}
