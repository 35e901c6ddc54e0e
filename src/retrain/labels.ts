import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { labelInvalid } from './errors.js';

/** Operator labels live beside the traffic log they refer to. */
export const LABELS_FILE = 'labels.ndjson';

export type TruthLabel = 'attack' | 'benign';

/** An operator's word on one logged request: `benign` marks a false positive, `attack` a miss or a true hit. */
export interface OperatorLabel {
  incidentId: string;
  label: TruthLabel;
  ts: string;
  /** Who or what set it (`cli`, `admin`, `bulk:<file>`). */
  by: string;
  note?: string;
}

const INCIDENT_ID = /^[A-Za-z0-9_-]{4,64}$/;

/** Validates one label object (from the admin endpoint, a bulk file or the labels file itself). */
export function parseLabel(value: unknown, by: string, where: string): OperatorLabel {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw labelInvalid(where, 'not a JSON object');
  const v = value as Record<string, unknown>;
  const id = v.incidentId ?? v.id;
  if (typeof id !== 'string' || !INCIDENT_ID.test(id)) throw labelInvalid(where, '"incidentId" must be an incident id (4-64 letters, digits, - or _)');
  if (v.label !== 'attack' && v.label !== 'benign') throw labelInvalid(where, '"label" must be "attack" or "benign"');
  if (v.note !== undefined && typeof v.note !== 'string') throw labelInvalid(where, '"note" must be a string');
  const label: OperatorLabel = { incidentId: id, label: v.label, ts: typeof v.ts === 'string' ? v.ts : new Date().toISOString(), by: typeof v.by === 'string' ? v.by : by };
  if (typeof v.note === 'string') label.note = v.note.slice(0, 500);
  return label;
}

/**
 * A bulk file: NDJSON label objects, or plain lines `<incidentId> <benign|attack>` (comma, tab or
 * space separated; `#` comments), so a grep of the decision log can be turned into labels with awk.
 * With `fallback` (the command's `--benign` / `--attack`) a line may be a bare id: a file of the
 * incident ids of the 403s, one a line, is labelled as a whole.
 */
export function parseBulkLabels(text: string, file: string, fallback?: TruthLabel): OperatorLabel[] {
  const out: OperatorLabel[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    if (line.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw labelInvalid(where, 'not JSON');
      }
      if (fallback !== undefined && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && !('label' in parsed)) parsed = { ...parsed, label: fallback };
      out.push(parseLabel(parsed, `bulk:${file}`, where));
      return;
    }
    const [incidentId, label, ...note] = line.split(/[\s,]+/);
    if (label === undefined && fallback === undefined) {
      throw labelInvalid(where, `"${incidentId}" has no label: write "${incidentId} benign" (or attack), or give --benign or --attack for every bare id of the file`);
    }
    const value: Record<string, unknown> = { incidentId, label: label === undefined ? fallback : label.replace(/^--/, '') };
    if (note.length > 0) value.note = note.join(' ');
    out.push(parseLabel(value, `bulk:${file}`, where));
  });
  return out;
}

export async function appendLabels(file: string, labels: readonly OperatorLabel[]): Promise<void> {
  if (labels.length === 0) return;
  await mkdir(dirname(file), { recursive: true });
  // One append per call: concurrent writers (CLI and admin endpoint) interleave whole lines.
  await appendFile(file, labels.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** The labels in force: the latest label per incident wins, so an operator can change their mind. */
export async function readLabels(file: string): Promise<Map<string, OperatorLabel>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const out = new Map<string, OperatorLabel>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw labelInvalid(`${file}:${i + 1}`, 'not JSON');
    }
    const label = parseLabel(parsed, 'file', `${file}:${i + 1}`);
    out.set(label.incidentId, label);
  });
  return out;
}
