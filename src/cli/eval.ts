import { loadConfig } from '../config/load-config.js';
import { RoutePolicyResolver } from '../config/route-policy.js';
import { Pipeline } from '../pipeline.js';
import { assembleDescribedGates, quietLog } from '../assemble.js';
import { regexEngine } from '../signatures/safe-regex.js';
import { regexEngineNotice } from './regex-engine-notice.js';
import { WardenMetrics } from '../log/metrics.js';
import { createInspector } from '../inspect/build-inspection.js';
import type { RequestRecord } from '../eval/record.js';
import { readRecordLines } from '../eval/read-record-lines.js';
import { recordToRawRequest } from '../eval/record-request.js';
import { bodyForInspection } from '../proxy/content-decoding.js';
import { headRefusal } from '../proxy/request-head.js';
import { headerValue } from '../net/raw-headers.js';
import { WardenError } from '../errors.js';
import type { WardenConfig } from '../config/types.js';
import type { RawRequest } from '../inspect/types.js';
import { replayRecords } from '../eval/http-replay.js';
import { Scoreboard, formatTable, rates } from '../eval/scoreboard.js';
import { describeMisclassified, describeReplayedMisclassified, formatMisclassified, rankMisclassified, type Misclassified } from '../eval/misclassified.js';
import { newIncidentId } from '../decision/incident-id.js';
import type { Reason } from '../decision/types.js';
import { numberFlag, parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { cliBadFlagValue, cliUsage, evalNoRecords } from './errors.js';
import { createReputation } from '../reputation/create-store.js';
import { EVAL_REPUTATION_MODES, countLift, evalSourceIp, formatLifts, isEvalReputationMode, newReputationLifts } from '../eval/reputation-replay.js';

const HELP = `Usage: warden eval --corpus FILE.ndjson [--corpus FILE2 ...] [--config FILE] [--mode prevent|detect]
                   [--per-request] [--json] [--errors [N]] [--no-model] [--no-rules]
       warden eval --corpus FILE.ndjson --target http://HOST:PORT [--concurrency 8] [--blocked 403,406]

Runs request records through the full pipeline offline (the same code as the proxy, no network)
and prints TPR, TNR and balanced accuracy per source and per category. A record is one JSON object
per line: {"id","source","label":"attack"|"benign","category","method","path","query","headers",
"body"?,"bodyEncoding"?} with query and body exactly as sent on the wire (a body's characters
as UTF-8 bytes; with "bodyEncoding":"base64", the base64 of its bytes, as the traffic log writes them).
  --per-request  one JSON line per record: {"id","verdict":"block"|"allow","confidence","score","by"?}:
                 "by" names what scored it, strongest first ("signatures 1:9000189", "model"; at most 4)
  --json         the summary as one JSON object instead of tables
  --errors [N]   list the misclassified records (all, or the N worst of each kind): false positives
                 by descending score, then false negatives by ascending score, each with its id,
                 source/category, confidence, score, and the field that drove the verdict (location,
                 name, value cut to 160 characters, the gate/rule and its score); with --json they
                 are the summary's "errors" array
  --target URL   replay the records over HTTP against any server (Warden, or another WAF) instead of
                 running the pipeline in-process; a record counts as blocked when the status is in --blocked
  --reputation off|per-source|single-source
                 off (default): records are independent requests. per-source: replay in record order
                 with source reputation (memory store, the config's reputation settings), each record
                 from its "clientIp" field, or from an address derived from its "source" field.
                 single-source: every record from one address (192.0.2.10), the NAT worst case.
                 The summary adds how many blocks only reputation made.
  --interval-ms N  virtual time between two records with --reputation (default 1000)`;

/** Valid records of every corpus file, in order; invalid lines are reported by file:line and counted. */
async function* readCorpora(files: readonly string[], io: CliIo, invalid: { count: number }): AsyncGenerator<RequestRecord> {
  for (const file of files) {
    for await (const line of readRecordLines(file)) {
      if ('record' in line) {
        yield line.record;
      } else {
        invalid.count++;
        io.err(`${line.where}: skipped: ${line.problem}`);
      }
    }
  }
}

export const EVAL_FLAGS: CommandSpec = {
  name: 'eval',
  maxPositionals: 0,
  flags: {
    corpus: { kind: 'string', repeatable: true },
    config: { kind: 'string' },
    mode: { kind: 'enum', values: ['prevent', 'detect'] },
    'per-request': { kind: 'boolean' },
    json: { kind: 'boolean' },
    errors: { kind: 'integer', min: 0, optionalValue: true },
    'no-model': { kind: 'boolean' },
    'no-rules': { kind: 'boolean' },
    target: { kind: 'url' },
    concurrency: { kind: 'integer', min: 1, max: 1024 },
    blocked: { kind: 'string' },
    reputation: { kind: 'enum', values: EVAL_REPUTATION_MODES },
    'interval-ms': { kind: 'number', min: 0 },
  },
};

function blockedStatuses(text: string): number[] {
  const statuses = text.split(',').map(Number);
  if (statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) throw cliBadFlagValue('eval', 'blocked', 'must be a comma-separated list of HTTP statuses', text);
  return statuses;
}

export async function runEvalCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, EVAL_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const corpora = args.all.get('corpus') ?? [];
  if (corpora.length === 0) throw cliUsage('eval', '--corpus FILE.ndjson is required');
  const board = new Scoreboard();
  /** The gates that judged the records (in-process runs only). */
  let judgedBy: { signatures: string; model: string; schema: string; regexEngine: string } | null = null;
  const perRequest = args.flags.has('per-request');
  const invalid = { count: 0 };
  const errorsFlag = args.flags.get('errors');
  const errorLimit = errorsFlag === undefined || errorsFlag === true ? Infinity : Number(errorsFlag);
  const errors: Misclassified[] | null = errorsFlag === undefined ? null : [];
  const reputationFlag = stringFlag(args, 'reputation') ?? 'off';
  const reputationMode = isEvalReputationMode(reputationFlag) ? reputationFlag : 'off';
  const intervalMs = numberFlag(args, 'interval-ms', 1000);
  const lifts = newReputationLifts();
  const target = stringFlag(args, 'target');
  if (target !== undefined) {
    await replayRecords(readCorpora(corpora, io, invalid), {
      target,
      concurrency: numberFlag(args, 'concurrency', 8),
      blockedStatuses: blockedStatuses(stringFlag(args, 'blocked') ?? '403'),
      onResult: (r) => {
        board.add(r.source, r.category, r.label, r.blocked);
        if (errors !== null && r.blocked === (r.label === 'benign')) errors.push(describeReplayedMisclassified(r));
        if (perRequest) io.out(JSON.stringify({ id: r.id, verdict: r.blocked ? 'block' : 'allow', status: r.status, error: r.error }));
      },
    });
  } else {
    const overrides: Record<string, unknown> = { admin: { enabled: false }, logging: { level: 'silent' } };
    const mode = stringFlag(args, 'mode');
    if (mode !== undefined) overrides.mode = mode;
    const config = await loadConfig(stringFlag(args, 'config') ?? null, overrides);
    if (args.flags.has('no-model')) config.model.enabled = false;
    if (args.flags.has('no-rules')) {
      config.rules.bundled = false;
      config.rules.files = [];
    }
    const assembled = await assembleDescribedGates(config, quietLog((m) => io.err(`warden eval: ${m}`)), new WardenMetrics(false));
    const gates = assembled.gates;
    // What judged the records, in the report: a run on re2js (native RE2 missing) refuses some rules and
    // measures another rule set than the proxy with RE2 would run.
    judgedBy = { signatures: assembled.described.signatures, model: assembled.described.model, schema: assembled.described.schema, regexEngine };
    const notice = regexEngineNotice(regexEngine);
    if (notice !== null) io.err(notice.replace(/^warden:/, 'warden eval:'));
    const reputation = reputationMode === 'off' ? null : createReputation({ ...config.reputation, enabled: true, store: 'memory' }, config.forwarding.trustedProxies);
    const pipeline = new Pipeline({ ...gates, reputation: reputation?.slot ?? null });
    const policies = new RoutePolicyResolver(config);
    const inspect = createInspector();
    const clockStart = Date.now();
    let recordNo = 0;
    for await (const record of readCorpora(corpora, io, invalid)) {
      const raw = recordToRawRequest(record, evalSourceIp(record, reputationMode));
      // The record is the request as sent: its Content-Encoding is undone as the proxy does before the
      // gates, and a body the proxy refuses (corrupt, a decompression bomb, an unknown coding) is refused, as
      // is a head the proxy refuses (a Host that is not host[:port], a second Host, Content-Type or Authorization).
      const refused = headRefusal(raw.rawHeaders) ?? (await decodeRecordBody(raw, config.body));
      if (refused !== null) {
        board.add(record.source, record.category, record.label, true);
        if (errors !== null && record.label === 'benign') errors.push(describeReplayedMisclassified({ ...record, status: refused.status, error: refused.code }));
        if (perRequest) io.out(JSON.stringify({ id: record.id, verdict: 'block', refused: refused.code, status: refused.status }));
        continue;
      }
      const inspection = inspect(raw);
      inspection.id = newIncidentId(Date.now());
      inspection.receivedAt = clockStart + recordNo++ * intervalMs;
      const policy = policies.resolve(inspection.method, inspection.path, inspection.source.ip);
      const { verdict, results } = await pipeline.run(inspection, policy);
      const flagged = verdict.action !== 'allow';
      board.add(record.source, record.category, record.label, flagged);
      if (reputationMode !== 'off') countLift(lifts, record.label, verdict);
      if (errors !== null && flagged === (record.label === 'benign')) errors.push(describeMisclassified(record, inspection, verdict, results));
      if (perRequest) {
        const by = reasonsOf(verdict.reasons);
        io.out(JSON.stringify({ id: record.id, verdict: flagged ? 'block' : 'allow', confidence: verdict.confidence, score: verdict.score, ...(by.length > 0 ? { by } : {}) }));
      }
    }
  }

  if (board.total.attacks + board.total.benign === 0) {
    const e = evalNoRecords(corpora.join(', '));
    io.err(`warden eval: ${e.code}: ${e.message}`);
    return 1;
  }
  const summary = rates(board.total);
  const ranked = errors === null ? null : rankMisclassified(errors, errorLimit);
  if (args.flags.has('json')) {
    const obj = {
      total: summary,
      bySource: Object.fromEntries([...board.bySource].map(([k, v]) => [k, rates(v)])),
      byCategory: Object.fromEntries([...board.byCategory].map(([k, v]) => [k, rates(v)])),
      invalid: invalid.count,
      ...(judgedBy === null ? {} : { judgedBy }),
      ...(reputationMode === 'off' || target !== undefined ? {} : { reputation: { mode: reputationMode, liftedIntoBlock: lifts } }),
      ...(ranked === null ? {} : { errors: ranked }),
    };
    (perRequest ? io.err : io.out)(JSON.stringify(obj));
  } else {
    const listing =
      ranked === null
        ? []
        : [
            `misclassified: ${errors!.filter((m) => m.kind === 'false-positive').length} false positives, ${errors!.filter((m) => m.kind === 'false-negative').length} false negatives` +
              (Number.isFinite(errorLimit) ? ` (the ${errorLimit} worst of each shown)` : ''),
            ...ranked.map(formatMisclassified),
            '',
          ];
    const report = [
      ...listing,
      formatTable('source', board.bySource),
      '',
      formatTable('category', board.byCategory),
      '',
      formatTable('total', new Map([['all', board.total]])),
      ...(judgedBy === null ? [] : [`judged by: rules ${judgedBy.signatures}; model ${judgedBy.model}; schema ${judgedBy.schema}; regex engine ${judgedBy.regexEngine}`]),
      `balanced accuracy: ${summary.balancedAccuracy === null ? '-' : (summary.balancedAccuracy * 100).toFixed(2)}%` +
        (invalid.count > 0 ? `   (${invalid.count} invalid records skipped)` : ''),
      ...(reputationMode === 'off' || target !== undefined ? [] : [formatLifts(reputationMode, lifts)]),
    ].join('\n');
    (perRequest ? io.err : io.out)(report);
  }
  return invalid.count > 0 ? 1 : 0;
}

/** Undoes a record's Content-Encoding in place, as the proxy does; the refusal when the proxy would refuse it. */
async function decodeRecordBody(raw: RawRequest, bodyConfig: WardenConfig['body']): Promise<WardenError | null> {
  const encoding = headerValue(raw.rawHeaders, 'content-encoding');
  try {
    ({ body: raw.body, truncated: raw.bodyTruncated } = await bodyForInspection(raw.body, encoding, raw.bodyTruncated, bodyConfig));
    return null;
  } catch (err) {
    if (err instanceof WardenError) return err;
    throw err;
  }
}

/** Reasons named on a per-request line at most: enough to tell a rule's block from the model's, short enough for 180,000 lines. */
const MAX_PER_REQUEST_REASONS = 4;

/** What a verdict rests on, strongest first, for a per-request line: a rule as `gate gid:sid`, another gate by its name. */
function reasonsOf(reasons: readonly Reason[]): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    // The model's reasons all carry one code (WARDEN_DECISION_PAYLOAD): its name says as much.
    const name = r.ruleId === undefined || r.gate === 'model' ? r.gate : `${r.gate} ${r.ruleId}`;
    if (!out.includes(name)) out.push(name);
    if (out.length === MAX_PER_REQUEST_REASONS) break;
  }
  return out;
}
