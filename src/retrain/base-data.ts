/**
 * The base corpus a retrain mixes with the logs: a labelled NDJSON file (`{"text","label","group"?}`,
 * as `warden train --data` takes; gzip'd or not, as the shipped `base/validation.ndjson.gz` is), or a shared-corpora directory assembled by the dataset generators of
 * a source checkout (`datasets/training-set.ts`, loaded only when asked for).
 */
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { LabelledSample } from '../model/fit.js';
import { trafficLogUnreadable } from './errors.js';

interface AssembledText {
  text: string;
  label: 0 | 1;
  source: string;
  category: string;
}

type Assemble = (o: { root: string; seed: number; scale: number; mutationsPerAttack: number; synthesized: number; maxPerBenignGroup: number; familyAttacks?: number }) => {
  texts: AssembledText[];
};

const gunzipAsync = promisify(gunzip);

/** Reads labelled NDJSON, gunzipping it first when it starts with gzip's magic bytes (whatever its name). */
export async function readLabelledTexts(file: string): Promise<LabelledSample[]> {
  const bytes = await readFile(file);
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      text = (await gunzipAsync(bytes)).toString('utf8');
    } catch (err) {
      throw trafficLogUnreadable(file, `a gzip file that does not decompress (${(err as Error).message})`);
    }
  } else text = bytes.toString('utf8');
  const out: LabelledSample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: { text?: unknown; label?: unknown; group?: unknown };
    try {
      v = JSON.parse(line) as typeof v;
    } catch {
      throw trafficLogUnreadable(`${file}:${i + 1}`, 'not JSON');
    }
    const label = v.label === 'attack' || v.label === 1 ? 1 : v.label === 'benign' || v.label === 0 ? 0 : null;
    if (typeof v.text !== 'string' || label === null) throw trafficLogUnreadable(`${file}:${i + 1}`, 'needs "text" and "label" (attack|benign|1|0)');
    out.push({ text: v.text, label, group: typeof v.group === 'string' ? `base:${v.group}` : 'base' });
  });
  return out;
}

export async function loadBaseData(path: string, seed: number, scale: number): Promise<LabelledSample[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw trafficLogUnreadable(path, 'base data not found');
  if (!info.isDirectory()) return readLabelledTexts(path);
  const mod = (await import(new URL('../../datasets/training-set.js', import.meta.url).href)) as { assembleTrainingSet: Assemble };
  const set = mod.assembleTrainingSet({ root: path, seed, scale, mutationsPerAttack: 1, synthesized: Math.round(30000 * scale), maxPerBenignGroup: Math.round(8000 * scale), familyAttacks: Math.round(2000 * scale) });
  return set.texts.map((t) => ({ text: t.text, label: t.label, group: `base:${t.source}/${t.category}` }));
}
