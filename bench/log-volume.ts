/**
 * Decision-log volume under the 1:1:1 soak of issue 17 (benign GET / 1 KB JSON / attack, autocannon,
 * `--connections` connections): one `warden serve` at default settings in front of an NGINX
 * upstream on 127.0.0.1, for `--seconds`; prints the bytes the decision log took (rotated files
 * included), lines by kind, the request rate, and the figure extrapolated to 10 minutes. Then the
 * same load for `--reference-seconds` against a twin with sampling off (`logging.sampling.perKey: 0`,
 * every line written), and checks that every distinct incident kind (deciding rule or reason ×
 * action) the twin logged also appears in the sampled log, in full or in a `verdict-summary` line.
 *
 *   npx tsx bench/log-volume.ts [--seconds 120] [--reference-seconds 20] [--connections 50] [--attacks FILE.ndjson] [--entry src|dist]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { startUpstream } from './lib/nginx.js';
import { ATTACK_RECORDS, benignJsonAttackMix } from './lib/scenarios.js';
import { startWarden, type WardenEntry } from './lib/warden-process.js';

const HELP = `npx tsx bench/log-volume.ts [--seconds S (120)] [--reference-seconds S (20)] [--connections N (50)]
    [--attacks FILE.ndjson (bench/data/attacks.ndjson)] [--entry src|dist (src)]
`;

interface LogFigures {
  bytes: number;
  lines: number;
  verdictLines: number;
  summaryLines: number;
  suppressed: number;
  kinds: Set<string>;
}

/** Every decision-log file of a Warden (the live one and its rotated siblings) read as one. */
function readLog(file: string): LogFigures {
  const dir = dirname(file);
  const base = file.slice(dir.length + 1);
  const figures: LogFigures = { bytes: 0, lines: 0, verdictLines: 0, summaryLines: 0, suppressed: 0, kinds: new Set() };
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(base)) continue;
    const path = join(dir, name);
    figures.bytes += statSync(path).size;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line === '') continue;
      figures.lines++;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (entry.event === 'verdict' && entry.action !== 'allow') {
        figures.verdictLines++;
        const explain = (entry.explain ?? {}) as Record<string, unknown>;
        figures.kinds.add(`${String(explain.topRule || explain.decidedBy || '')} → ${String(entry.action)}`);
      } else if (entry.event === 'verdict-summary') {
        figures.summaryLines++;
        const key = entry.key as { rule: string; action: string };
        figures.suppressed += Number(entry.suppressed);
        figures.kinds.add(`${key.rule} → ${key.action}`);
      }
    }
  }
  return figures;
}

const MB = 1_000_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '120' },
      'reference-seconds': { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      attacks: { type: 'string', default: ATTACK_RECORDS },
      entry: { type: 'string', default: 'src' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const seconds = Number(values.seconds);
  const referenceSeconds = Number(values['reference-seconds']);
  const connections = Number(values.connections);
  if (!(seconds >= 5 && seconds <= 3600) || !(referenceSeconds >= 0 && referenceSeconds <= 600)) throw new Error('--seconds in [5, 3600], --reference-seconds in [0, 600]');
  const processes = new BenchProcesses();
  const watchdog = processes.armWatchdog((seconds + referenceSeconds + 180) * 1000, 'log-volume: still running; stopping everything');
  try {
    const { dir } = processes.scratch('warden-log-volume-');
    const upstream = await startUpstream(processes, dir('upstream'));
    const requests = await benignJsonAttackMix(300, values.attacks);
    const entry = values.entry as WardenEntry;
    const sampled = await startWarden(processes, { name: 'warden-sampled', dir: dir('sampled'), upstream: upstream.origin, config: {}, entry });
    const run = await runAutocannon({ origin: sampled.origin, requests, connections, seconds });
    await new Promise((r) => setTimeout(r, 1000)); // pino flushes asynchronously
    const log = readLog(sampled.decisionsFile);
    const perTenMinutes = (log.bytes * 600) / run.seconds;
    process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    process.stdout.write(`${requests.length} request shapes (${requests.length / 3} attacks in turn), ${connections} connections, default logging settings\n`);
    process.stdout.write(`${run.requests} requests in ${run.seconds} s (${run.rps.toFixed(0)} req/s), statuses ${JSON.stringify(run.statuses)}\n`);
    process.stdout.write(
      `decision log: ${(log.bytes / MB).toFixed(1)} MB, ${log.lines} lines (${log.verdictLines} non-allow verdicts in full, ${log.summaryLines} verdict-summary lines counting ${log.suppressed} more)\n`,
    );
    process.stdout.write(
      `extrapolated to 10 minutes at this rate: ${(perTenMinutes / MB).toFixed(1)} MB (target ≤ 100 MB)${seconds >= 600 ? ' (measured, not extrapolated)' : ` (×${(600 / run.seconds).toFixed(1)} of a ${run.seconds} s run)`}\n`,
    );
    if (referenceSeconds > 0) {
      const twin = await startWarden(processes, {
        name: 'warden-unsampled',
        dir: dir('unsampled'),
        upstream: upstream.origin,
        config: { logging: { sampling: { perKey: 0 } } },
        entry,
      });
      const ref = await runAutocannon({ origin: twin.origin, requests, connections, seconds: referenceSeconds });
      await new Promise((r) => setTimeout(r, 1000));
      const full = readLog(twin.decisionsFile);
      const missing = [...full.kinds].filter((k) => !log.kinds.has(k));
      process.stdout.write(
        `reference without sampling: ${ref.requests} requests in ${ref.seconds} s, ${(full.bytes / MB).toFixed(1)} MB (${((full.bytes * 600) / ref.seconds / MB).toFixed(0)} MB per 10 minutes), ${full.kinds.size} distinct incident kinds; sampled log has ${log.kinds.size}; missing from it: ${missing.length === 0 ? 'none' : missing.join(', ')}\n`,
      );
    }
  } finally {
    clearTimeout(watchdog);
    await processes.stopAll();
    processes.detach();
  }
}

await main();
