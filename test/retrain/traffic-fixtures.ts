import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createDecisionLogger } from '../../src/log/decision-log.js';
import { join } from 'node:path';
import type { TrafficLine } from '../../src/log/traffic-log.js';

let seq = 0;

/** A traffic log line as TrafficLog writes it, with the fields a test cares about overridable. */
export function trafficLine(over: Partial<TrafficLine> & { action?: TrafficLine['verdict']['action']; reasons?: string[]; confidence?: TrafficLine['verdict']['confidence'] } = {}): TrafficLine {
  const { action = 'allow', reasons = [], confidence = 'none', ...rest } = over;
  seq++;
  return {
    id: `t${String(seq).padStart(8, '0')}`,
    ts: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(),
    source: 'traffic',
    label: action === 'allow' ? 'benign' : 'attack',
    category: 'live',
    ip: '198.51.100.1',
    method: 'GET',
    path: '/search',
    query: 'q=hello',
    headers: { host: 'app.test' },
    verdict: { action, confidence, score: action === 'allow' ? 0 : 0.9, reasons },
    ...rest,
  };
}

/** `n` clean requests from one source spread over `spanMs`. */
export function cleanHistory(ip: string, n: number, spanMs: number, over: Partial<TrafficLine> = {}): TrafficLine[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: n }, (_, i) => trafficLine({ ip, ts: new Date(start + Math.round((i * spanMs) / Math.max(1, n - 1))).toISOString(), ...over }));
}

/** `lines` as the traffic log of `dir`, each labelled `label` by the operator (labels.ndjson, as `warden label` writes it). */
export function writeLabelledLog(dir: string, lines: readonly TrafficLine[], label: 'benign' | 'attack' = 'benign'): void {
  writeFileSync(join(dir, 'traffic.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(join(dir, 'labels.ndjson'), lines.map((l) => JSON.stringify({ incidentId: l.id, label, ts: l.ts, by: 'cli' })).join('\n') + '\n');
}

/** Settings saves whose `path` field holds each of `paths`, blocked by the model: what an operator labels in the retraining journey. */
export function blockedSettingsSaves(paths: readonly string[]): TrafficLine[] {
  return paths.map((path, i) =>
    trafficLine({
      method: 'POST',
      path: `/api/settings/services/${100 + i}`,
      query: '',
      ip: `100.64.0.${i + 1}`,
      headers: { host: 'app.test', 'content-type': 'application/json' },
      body: JSON.stringify({ path }),
      action: 'block',
      confidence: 'high',
      reasons: ['model'],
    }),
  );
}

/** Five settings saves naming a log file (the README's retraining journey). */
export function blockedLogFileSaves(): TrafficLine[] {
  return blockedSettingsSaves(['nginx/access', 'mysql/slow', 'app/error', 'redis/debug', 'php-fpm/cron'].map((f) => `/var/log/${f}.log`));
}

/** A decision log written by the real pino logger (`logging.decisions: <file>`): a start-up line, then one verdict line per incident id. */
export async function writeDecisionLog(file: string, incidentIds: readonly string[]): Promise<void> {
  const log = createDecisionLogger(file, 'info');
  log.info({ event: 'startup' }, 'gates assembled');
  for (const incidentId of incidentIds) log.warn({ event: 'verdict', incidentId, action: 'block' }, 'blocked');
  // The destination opens asynchronously: flush until every line is on disk (bounded: 2 s).
  for (let i = 0; i < 100; i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
    if (!existsSync(file)) continue;
    log.flush();
    if (readFileSync(file, 'utf8').trim().split('\n').length === incidentIds.length + 1) return;
  }
  throw new Error(`decision log ${file} not written`);
}
