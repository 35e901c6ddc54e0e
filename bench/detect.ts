/**
 * Detection bench: replays request records against any HTTP target and scores what it blocked, so
 * Warden and ModSecurity are measured by the same client on the same requests.
 *
 *   npx tsx bench/detect.ts --target http://127.0.0.1:8000 --corpus FILE.ndjson [--corpus ...]
 *        [--payloads ../shared/datasets/libinjection/attacks.payloads.ndjson --limit 500]
 *        [--concurrency 8] [--blocked 403,406] [--limit N] [--json] [--per-request]
 *
 * --corpus    request records (NDJSON: {"id","source","label","category","method","path","query","headers","body"?})
 * --payloads  bare payload lines ({"text","label","category"}), each sent as GET /search?q=<payload>
 * --limit     at most N records per file (payload files: an even sample across the file)
 * --blocked   statuses that count as blocked (default 403)
 * Exit status: 0, or 1 when a record could not be sent or read.
 */
import { parseArgs } from 'node:util';
import { replayRecords, type ReplayResult } from '../src/eval/http-replay.js';
import type { RequestRecord } from '../src/eval/record.js';
import { Scoreboard, formatTable, rates } from '../src/eval/scoreboard.js';
import { samplePayloadRecords } from './lib/payload-records.js';
import { readRecords } from './lib/records-file.js';

const { values: opts } = parseArgs({
  options: {
    target: { type: 'string' },
    corpus: { type: 'string', multiple: true, default: [] },
    payloads: { type: 'string', multiple: true, default: [] },
    concurrency: { type: 'string', default: '8' },
    blocked: { type: 'string', default: '403' },
    limit: { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
    json: { type: 'boolean', default: false },
    'per-request': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

const USAGE = 'usage: npx tsx bench/detect.ts --target URL --corpus FILE.ndjson [--payloads FILE] [--concurrency N] [--blocked 403] [--limit N] [--json] [--per-request]';

if (opts.help || opts.target === undefined || (opts.corpus.length === 0 && opts.payloads.length === 0)) {
  console.log(USAGE);
  process.exit(opts.help ? 0 : 2);
}

const limit = opts.limit === undefined ? Infinity : Number(opts.limit);
const concurrency = Number(opts.concurrency);
const blockedStatuses = opts.blocked.split(',').map((s) => Number(s.trim()));
if (!(limit > 0) || !(concurrency >= 1 && concurrency <= 256) || blockedStatuses.some((s) => !Number.isInteger(s))) {
  console.error(`${USAGE}\n--limit > 0, --concurrency 1..256, --blocked a comma list of statuses`);
  process.exit(2);
}

let invalid = 0;
async function* allRecords(): AsyncGenerator<RequestRecord> {
  for (const file of opts.corpus) {
    let n = 0;
    for await (const r of readRecords(file, (where, problem) => {
      invalid++;
      console.error(`${where}: skipped: ${problem}`);
    })) {
      if (n++ >= limit) break;
      yield r;
    }
  }
  for (const file of opts.payloads) yield* samplePayloadRecords(file, Number.isFinite(limit) ? limit : 1_000_000);
}

const started = performance.now();
const board = new Scoreboard();
const statuses = new Map<string, number>();
const failures: ReplayResult[] = [];
const results = await replayRecords(allRecords(), {
  target: opts.target,
  concurrency,
  blockedStatuses,
  timeoutMs: Number(opts['timeout-ms']),
  onResult: (r) => {
    if (opts['per-request']) console.log(JSON.stringify({ id: r.id, status: r.status, verdict: r.blocked ? 'block' : 'pass', ...(r.error ? { error: r.error } : {}) }));
  },
});
for (const r of results) {
  board.add(r.source, r.category, r.label, r.blocked);
  const key = r.status === null ? 'error' : String(r.status);
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (r.error !== undefined) failures.push(r);
}
const seconds = (performance.now() - started) / 1000;
const total = rates(board.total);
const out = opts['per-request'] ? console.error : console.log;

if (opts.json) {
  out(
    JSON.stringify({
      target: opts.target,
      records: results.length,
      seconds,
      statuses: Object.fromEntries(statuses),
      total,
      bySource: Object.fromEntries([...board.bySource].map(([k, v]) => [k, rates(v)])),
      byCategory: Object.fromEntries([...board.byCategory].map(([k, v]) => [k, rates(v)])),
      invalid,
      errors: failures.length,
    }),
  );
} else {
  const statusLine = [...statuses].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s}: ${n}`).join(', ');
  out(
    [
      `target ${opts.target}: ${results.length} records in ${seconds.toFixed(1)} s (concurrency ${concurrency}); blocked = status ${blockedStatuses.join('/')}`,
      `responses: ${statusLine}`,
      '',
      formatTable('source', board.bySource),
      '',
      formatTable('category', board.byCategory),
      '',
      formatTable('total', new Map([['all', board.total]])),
      `blocked ${board.total.blockedAttacks + board.total.blockedBenign}, passed ${results.length - board.total.blockedAttacks - board.total.blockedBenign}; ` +
        `balanced accuracy: ${total.balancedAccuracy === null ? '-' : `${(total.balancedAccuracy * 100).toFixed(2)}%`}` +
        (invalid > 0 ? `; ${invalid} invalid records skipped` : '') +
        (failures.length > 0 ? `; ${failures.length} not answered (counted as passed), first: ${failures[0].id}: ${failures[0].error}` : ''),
    ].join('\n'),
  );
}
process.exitCode = invalid > 0 || failures.length > 0 ? 1 : 0;
