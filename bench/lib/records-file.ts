import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';

/**
 * Request records from an NDJSON file, validated line by line; bad lines are reported to `onInvalid`
 * and skipped so one typo does not end a long replay.
 */
export async function* readRecords(file: string, onInvalid: (where: string, problem: string) => void): AsyncGenerator<RequestRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      onInvalid(`${file}:${lineNo}`, (err as Error).message);
      continue;
    }
    const problem = recordProblem(parsed);
    if (problem !== null) onInvalid(`${file}:${lineNo}`, problem);
    else yield parsed as RequestRecord;
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
