/**
 * Loaders for training and evaluation: request-record files (ours or anyone's), the shared corpora
 * under ../shared/datasets read in place by path, and the generators called in-process.
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { recordProblem, type RequestRecord } from '../src/eval/record.js';

export { generateBenign, iterateFamily, familyCount, selectFamilies, SOURCE, DEFAULT_SEED, type GenerateOptions } from './engine.js';
export { FAMILIES, familyByName } from './families/index.js';

function parseRecord(line: string, file: string, lineNo: number): RequestRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new Error(`${file}:${lineNo}: not JSON (${(e as Error).message})`);
  }
  const problem = recordProblem(value);
  if (problem) throw new Error(`${file}:${lineNo}: ${problem}`);
  return value as RequestRecord;
}

/** Streams the records of an NDJSON file, validating each line; blank lines are skipped. */
export async function* readRecords(file: string): AsyncIterable<RequestRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    yield parseRecord(line, file, n);
  }
}

/** Reads all records of an NDJSON file at once. */
export function readRecordsSync(file: string): RequestRecord[] {
  const out: RequestRecord[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') out.push(parseRecord(lines[i], file, i + 1));
  return out;
}

/** One line of a shared `*.payloads.ndjson` file. */
export interface Payload {
  text: string;
  label: 'attack' | 'benign';
  category: string;
  origin: string;
  /** Shared corpus folder the payload came from (added by the loader). */
  corpus: string;
}

export interface SharedData {
  payloads: Payload[];
  requests: RequestRecord[];
  /** Files read, relative to the root. */
  files: string[];
}

/** Default location of the shared corpora, relative to the repository root. */
export const SHARED_DATASETS = '../shared/datasets';

/**
 * Reads every `<corpus>/*.payloads.ndjson` and `<corpus>/*.requests.ndjson` under `root` (sorted),
 * in place: the shared data is never copied into the repository.
 */
export function loadSharedPayloads(root: string = SHARED_DATASETS): SharedData {
  const dir = resolve(root);
  if (!existsSync(dir)) throw new Error(`shared datasets not found at ${dir}`);
  const data: SharedData = { payloads: [], requests: [], files: [] };
  for (const corpus of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(join(dir, corpus)).sort()) {
      const file = join(dir, corpus, name);
      if (name.endsWith('.payloads.ndjson')) {
        const lines = readFileSync(file, 'utf8').split('\n');
        for (let i = 0; i < lines.length; i++) {
          if (lines[i].trim() === '') continue;
          const p = JSON.parse(lines[i]) as Omit<Payload, 'corpus'>;
          if (typeof p.text !== 'string' || (p.label !== 'attack' && p.label !== 'benign')) throw new Error(`${file}:${i + 1}: not a payload line`);
          data.payloads.push({ text: p.text, label: p.label, category: p.category, origin: p.origin, corpus });
        }
        data.files.push(`${corpus}/${name}`);
      } else if (name.endsWith('.requests.ndjson')) {
        data.requests.push(...readRecordsSync(file));
        data.files.push(`${corpus}/${name}`);
      }
    }
  }
  return data;
}

export { loadAmbiguous, loadHardBenign, type AmbiguousEntry, type HardBenignEntry, type HardBenignLocation } from './families/hard-benign.js';
