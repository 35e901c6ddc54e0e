import type { RequestRecord } from '../../src/eval/record.js';
import { readRecordLines } from '../../src/eval/read-record-lines.js';

/**
 * Request records from an NDJSON file, validated line by line; bad lines are reported to `onInvalid`
 * and skipped so one typo does not end a long replay.
 */
export async function* readRecords(file: string, onInvalid: (where: string, problem: string) => void): AsyncGenerator<RequestRecord> {
  for await (const line of readRecordLines(file)) {
    if ('record' in line) yield line.record;
    else onInvalid(line.where, line.problem);
  }
}

/** Every record of a (small) file, for the load bench's attack mix. */
export async function loadRecords(file: string): Promise<RequestRecord[]> {
  const out: RequestRecord[] = [];
  for await (const r of readRecords(file, (where, problem) => {
    throw new Error(`${where}: ${problem}`);
  }))
    out.push(r);
  return out;
}
