import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { recordProblem, type RequestRecord } from './record.js';

/** One non-blank line of a record file: the record, or why it is not one (`notJson` when it does not parse). */
export type RecordLine =
  | { where: string; record: RequestRecord }
  | { where: string; problem: string; notJson: boolean };

/**
 * The lines of an NDJSON request-record file, streamed and checked one by one (`file:line` in `where`);
 * each caller decides whether a bad line is skipped, counted or fatal.
 */
export async function* readRecordLines(file: string): AsyncGenerator<RecordLine> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const where = `${file}:${lineNo}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      yield { where, problem: (err as Error).message, notJson: true };
      continue;
    }
    const problem = recordProblem(parsed);
    yield problem === null ? { where, record: parsed as RequestRecord } : { where, problem, notJson: false };
  }
}
