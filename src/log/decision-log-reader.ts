/**
 * Reading the decision log back: the lines of one incident, found by streaming the file line by line
 * (decision logs grow to gigabytes; only the matching lines are parsed and kept).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One decision-log line as written by pino (see verdictLogFields for a verdict's fields). */
export interface DecisionLogLine {
  incidentId?: string;
  event?: string;
  time?: string;
  msg?: string;
  [field: string]: unknown;
}

export interface IncidentLines {
  /** The matching lines, parsed, in file order, each with its raw text. */
  lines: { raw: string; parsed: DecisionLogLine }[];
  /** Lines read in all (to say how much was searched when nothing matched). */
  linesRead: number;
  /** Lines that were not JSON (a truncated last line, or a non-pino file). */
  unparsable: number;
}

/** Every line of `file` whose `incidentId` is `id`. Rejects with the fs error when the file cannot be read. */
export async function findIncidentLines(file: string, id: string): Promise<IncidentLines> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  await opened;
  const reader = createInterface({ input, crlfDelay: Infinity });
  const lines: IncidentLines['lines'] = [];
  let linesRead = 0;
  let unparsable = 0;
  // The quoted id is searched as text first: JSON.parse runs only on the few lines that can match.
  const needle = `"${id}"`;
  for await (const raw of reader) {
    linesRead++;
    if (!raw.includes(needle)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      unparsable++;
      continue;
    }
    if (typeof parsed === 'object' && parsed !== null && (parsed as DecisionLogLine).incidentId === id) lines.push({ raw, parsed: parsed as DecisionLogLine });
  }
  return { lines, linesRead, unparsable };
}
