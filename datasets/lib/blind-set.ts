/**
 * What every blind benign set's generator (datasets/blind-benign-N/index.ts) does with its classes: each class
 * draws from its own stream of the set's seed (the set's number), so one class's edit does not move another's;
 * records are `bbN/<class>/<n>` of source `blind-benign-N`; the command line writes them as NDJSON.
 */
import { writeFileSync } from 'node:fs';
import type { RequestRecord } from '../../src/eval/record.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { Rng } from './rng.js';

/** The records of blind benign set `set` from its classes, in order. */
export function blindSetRecords<Args extends unknown[]>(
  set: number,
  classes: readonly (readonly [string, (rng: Rng, ...args: Args) => Draft[]])[],
  /** What a class takes beside its stream (set 4's classes take a faker pool), by class name. */
  extra: (category: string) => Args = () => [] as unknown as Args,
): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const [category, make] of classes) {
    make(Rng.derive(set, category), ...extra(category)).forEach((d, n) => out.push({ id: `bb${set}/${category}/${n}`, source: `blind-benign-${set}`, label: 'benign', category, ...d }));
  }
  return out;
}

/** A generator's command line: `--out FILE` writes the records there as NDJSON, else to stdout. */
export function writeBlindSet(records: readonly RequestRecord[], argv: readonly string[] = process.argv): void {
  const i = argv.indexOf('--out');
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (i < 0) process.stdout.write(text);
  else writeFileSync(argv[i + 1], text);
}
