import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { recordProblem } from '../eval/record.js';
import type { TrafficLine } from '../log/traffic-log.js';
import { redactBody, redactHeaders, redactUrlEncoded, type RedactionPolicy } from '../log/redact.js';
import { trafficLogUnreadable } from './errors.js';
import { LABELS_FILE } from './labels.js';

const ACTIONS = new Set(['allow', 'block', 'monitor']);

function lineProblem(value: unknown): string | null {
  const problem = recordProblem(value);
  if (problem !== null) return problem;
  const l = value as Partial<TrafficLine>;
  if (typeof l.ip !== 'string') return '"ip" must be a string';
  if (typeof l.ts !== 'string') return '"ts" must be a string';
  const v = l.verdict;
  if (typeof v !== 'object' || v === null || !ACTIONS.has(v.action) || !Array.isArray(v.reasons)) return '"verdict" must hold action and reasons';
  return null;
}

/**
 * The first bytes of `file` start a decision-log line: pino writes `{"level":<n>,` first, TrafficLog
 * writes `"id"` first. With `logging.decisions: logs/decisions.ndjson` the decision log (and its rotated
 * siblings) sits in the traffic log's directory; read as traffic, each of its lines was an "invalid line".
 */
export async function isDecisionLog(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^\s*\{"level":\d+,/.test(buffer.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The `.ndjson` files of a log directory, oldest first, split into the traffic log's (the live file and
 * its rotated siblings) and decision logs; a file path is itself, as traffic. Rotated names carry a
 * sortable timestamp, so name order is time order.
 */
export async function logDirectoryFiles(path: string): Promise<{ traffic: string[]; decisionLogs: string[] }> {
  const info = await stat(path).catch(() => null);
  // Most often the proxy never wrote one: the traffic log is off by default.
  if (info === null) throw trafficLogUnreadable(path, 'not found (the proxy writes it with logging.traffic.enabled: true in its config; README, "Retraining from your own traffic")');
  if (!info.isDirectory()) return { traffic: [path], decisionLogs: [] };
  const names = (await readdir(path)).filter((n) => n.endsWith('.ndjson') && n !== LABELS_FILE);
  const traffic: string[] = [];
  const decisionLogs: string[] = [];
  // `traffic.ndjson` (live) after `traffic.2024...ndjson` (rotated): digits sort before letters.
  for (const file of names.sort().map((n) => join(path, n))) (await isDecisionLog(file) ? decisionLogs : traffic).push(file);
  return { traffic, decisionLogs };
}

/** The traffic log files of a directory (the live file and its rotated siblings, not a decision log beside them), oldest first; a file path is itself. */
export async function trafficFiles(path: string): Promise<string[]> {
  return (await logDirectoryFiles(path)).traffic;
}

/**
 * Re-applies the operator's redaction policy: the log was redacted when written, but the policy may
 * have grown since, and nothing from the log may reach a model file or a report unredacted.
 */
export function redactLine(line: TrafficLine, policy: RedactionPolicy): TrafficLine {
  const contentType = (line.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const out: TrafficLine = {
    ...line,
    query: redactUrlEncoded(line.query, policy),
    headers: redactHeaders(Object.entries(line.headers), policy),
  };
  if (line.body !== undefined && line.bodyEncoding !== 'base64') {
    out.body = redactBody(line.body, contentType, policy);
    // Redaction changes the body's length (and JSON is re-serialized): a stale Content-Length would
    // make the replayed request a truncated one, judged on different fields than the original.
    if (out.headers['content-length'] !== undefined) out.headers['content-length'] = String(Buffer.byteLength(out.body));
  }
  return out;
}

export interface ReadSummary {
  files: number;
  lines: number;
  invalid: number;
}

/** Streams the valid lines of every traffic log file under `path`, redacted by `policy`. */
export async function* readTraffic(path: string, policy: RedactionPolicy, summary?: ReadSummary): AsyncGenerator<TrafficLine> {
  for (const file of await trafficFiles(path)) {
    if (summary) summary.files++;
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const text of lines) {
      if (text.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        if (summary) summary.invalid++;
        continue;
      }
      if (lineProblem(parsed) !== null) {
        if (summary) summary.invalid++;
        continue;
      }
      if (summary) summary.lines++;
      yield redactLine(parsed as TrafficLine, policy);
    }
  }
}

/** All lines at once: retraining and replay need several passes (source history first). */
export async function loadTraffic(path: string, policy: RedactionPolicy): Promise<{ lines: TrafficLine[]; summary: ReadSummary }> {
  const summary: ReadSummary = { files: 0, lines: 0, invalid: 0 };
  const lines: TrafficLine[] = [];
  for await (const l of readTraffic(path, policy, summary)) lines.push(l);
  return { lines, summary };
}
