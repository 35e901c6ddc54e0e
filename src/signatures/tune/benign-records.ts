/**
 * The benign traffic tune measures against: record files and directories (`npm run datasets` output,
 * the shared apache log, any `warden eval` corpus labelled benign), and the operator's traffic log —
 * its allowed lines and the lines the operator labelled benign; lines labelled attack never count.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestRecord } from '../../eval/record.js';
import { readRecordLines } from '../../eval/read-record-lines.js';
import type { RedactionPolicy } from '../../log/redact.js';
import { isDecisionLog, readTraffic } from '../../retrain/traffic-reader.js';
import { LABELS_FILE, readLabels } from '../../retrain/labels.js';
import type { BenignRecord } from './measure-benign-hits.js';
import { tuningBenignUnreadable } from './errors.js';

/** `warden-gen/link-values` for generated families, the source otherwise. */
export function benignSourceName(record: RequestRecord): string {
  return record.source === 'warden-gen' ? `${record.source}/${record.category}` : record.source;
}

/**
 * The record files of a `--benign`/`--attack` path. The traffic log's directory is not one: its decision
 * log and labels are no records (the first decision-log line was reported as `"id" must be a string`),
 * and its traffic lines are read through `--traffic`, where labels and verdicts decide what is benign.
 */
async function recordFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw tuningBenignUnreadable(path, 'not found');
  if (!info.isDirectory()) {
    if (await isDecisionLog(path)) throw tuningBenignUnreadable(path, 'a decision log, not request records (its requests are in the traffic log: --traffic DIR)');
    return [path];
  }
  const names = (await readdir(path)).filter((n) => n.endsWith('.ndjson')).sort();
  if (names.length === 0) throw tuningBenignUnreadable(path, 'no .ndjson files in the directory');
  const files = names.map((n) => join(path, n));
  const decisionLog = names.includes(LABELS_FILE) ? join(path, LABELS_FILE) : await firstDecisionLog(files);
  if (decisionLog !== null) {
    const what = decisionLog.endsWith(LABELS_FILE) ? 'operator labels' : 'a decision log';
    throw tuningBenignUnreadable(path, `a traffic log directory (${decisionLog} is ${what}), not request records: give it as --traffic ${path}`);
  }
  return files;
}

async function firstDecisionLog(files: readonly string[]): Promise<string | null> {
  for (const file of files) if (await isDecisionLog(file)) return file;
  return null;
}

/** Benign records of the files under `paths`; attack-labelled records are skipped, a bad line throws with file:line. */
export async function* readBenignRecords(paths: readonly string[], skipped: { attack: number }): AsyncGenerator<BenignRecord> {
  for (const path of paths) {
    for (const file of await recordFiles(path)) {
      for await (const line of readRecordLines(file)) {
        if (!('record' in line)) throw tuningBenignUnreadable(line.where, line.notJson ? 'not JSON' : line.problem);
        const record = line.record;
        if (record.label !== 'benign') {
          skipped.attack++;
          continue;
        }
        yield { source: benignSourceName(record), record };
      }
    }
  }
}

/** Attack records of the files under `paths` (`--attack`: the exploit generator, shared corpora as records); benign ones are skipped. */
export async function* readAttackRecords(paths: readonly string[], skipped: { benign: number }): AsyncGenerator<BenignRecord> {
  for (const path of paths) {
    for (const file of await recordFiles(path)) {
      for await (const line of readRecordLines(file)) {
        if (!('record' in line)) throw tuningBenignUnreadable(line.where, line.notJson ? 'not JSON' : line.problem);
        if (line.record.label !== 'attack') {
          skipped.benign++;
          continue;
        }
        yield { source: benignSourceName(line.record), record: line.record };
      }
    }
  }
}

/** The traffic log's benign lines: allowed and not labelled attack, or labelled benign whatever the verdict. */
export async function* readBenignTraffic(dir: string, redaction: RedactionPolicy, skipped: { attack: number }): AsyncGenerator<BenignRecord> {
  const labels = await readLabels(join(dir, LABELS_FILE));
  for await (const line of readTraffic(dir, redaction)) {
    const label = labels.get(line.id)?.label;
    const benign = label === 'benign' || (label === undefined && line.verdict.action === 'allow');
    if (!benign) {
      skipped.attack++;
      continue;
    }
    yield { source: 'traffic-log', record: line };
  }
}
