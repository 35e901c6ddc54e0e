/**
 * The base material a retrain starts from, shipped inside the model directory so a clean install
 * (no source checkout, no shared corpora) can retrain and judge a candidate:
 *   <model>/base/base.json             manifest: counts, SHA-256 of each file, how it was built, and
 *                                      the shipped model's recorded TPR/TNR on the validation set
 *   <model>/base/train.ndjson.gz       a seeded sample of the shipped model's training texts
 *   <model>/base/validation.ndjson.gz  the fixed validation set the promotion gate judges every
 *                                      candidate on (never trained on by a retrain)
 *   <model>/base/requests.ndjson.gz    generated benign requests (eval records, a seed the model was
 *                                      not trained on): what a candidate's full pipeline must not
 *                                      block more of (optional: older material has none)
 *   <model>/base/attack-requests.ndjson.gz  generated attack requests (the repository's own attack
 *                                      families and exploit templates, same unseen seed): what a
 *                                      candidate's full pipeline must not miss more of (optional too)
 * Text lines are `{"text","label":0|1,"group"}`. Built by `datasets/base-material.ts` and
 * `datasets/base-requests.ts` in a source checkout.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LabelledSample } from '../model/fit.js';
import { SHIPPED_MODEL } from '../assemble.js';
import { recordProblem, type RequestRecord } from '../eval/record.js';
import { baseMaterialInvalid } from './errors.js';

export const BASE_DIR = 'base';
export const BASE_MANIFEST = 'base.json';
const FORMAT = 'warden-base-material';

export interface BaseFileEntry {
  file: string;
  texts: number;
  attacks: number;
  benign: number;
  /** Of the gzip file as shipped. */
  sha256: string;
}

export interface RecordedRates {
  /** The model these figures belong to (version and weights hash). */
  model: string;
  weightsSha256: string;
  attacks: number;
  benign: number;
  tpr: number;
  tnr: number;
}

export interface BaseManifest {
  format: typeof FORMAT;
  formatVersion: 1;
  built: Record<string, unknown>;
  train: BaseFileEntry;
  validation: BaseFileEntry;
  /** Benign request records (`texts` counts records); absent in material built before 2026-12-05. */
  requests?: BaseFileEntry & { built: string };
  /** Attack request records (`texts` counts records); absent in material built before 2026-12-07. */
  attackRequests?: BaseFileEntry & { built: string };
  recorded: RecordedRates;
}

/** Where the shipped base material lives. */
export const SHIPPED_BASE = join(SHIPPED_MODEL, BASE_DIR);

export async function readBaseManifest(dir: string = SHIPPED_BASE): Promise<BaseManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, BASE_MANIFEST), 'utf8');
  } catch (err) {
    throw baseMaterialInvalid(dir, `cannot read ${BASE_MANIFEST} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let v: Partial<BaseManifest>;
  try {
    v = JSON.parse(text) as Partial<BaseManifest>;
  } catch {
    throw baseMaterialInvalid(dir, `${BASE_MANIFEST} is not JSON`);
  }
  if (v.format !== FORMAT || v.formatVersion !== 1) throw baseMaterialInvalid(dir, `${BASE_MANIFEST} is not a ${FORMAT} v1 manifest`);
  for (const key of ['train', 'validation'] as const) {
    const e = v[key];
    if (typeof e !== 'object' || e === null || typeof e.file !== 'string' || typeof e.sha256 !== 'string' || e.file.includes('/')) {
      throw baseMaterialInvalid(dir, `${BASE_MANIFEST} "${key}" must name a file in the directory and its sha256`);
    }
  }
  for (const key of ['requests', 'attackRequests'] as const) {
    const q = v[key];
    if (q !== undefined && (typeof q !== 'object' || q === null || typeof q.file !== 'string' || typeof q.sha256 !== 'string' || q.file.includes('/'))) {
      throw baseMaterialInvalid(dir, `${BASE_MANIFEST} "${key}" must name a file in the directory and its sha256`);
    }
  }
  const r = v.recorded;
  if (typeof r !== 'object' || r === null || typeof r.tpr !== 'number' || typeof r.tnr !== 'number') throw baseMaterialInvalid(dir, `${BASE_MANIFEST} "recorded" must hold the model's tpr and tnr`);
  return v as BaseManifest;
}

export function encodeSamples(samples: readonly LabelledSample[]): string {
  return samples.map((s) => JSON.stringify({ text: s.text, label: s.label, group: s.group })).join('\n') + (samples.length > 0 ? '\n' : '');
}

export function decodeSamples(text: string, where: string): LabelledSample[] {
  const out: LabelledSample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let v: { text?: unknown; label?: unknown; group?: unknown };
    try {
      v = JSON.parse(line) as typeof v;
    } catch {
      throw baseMaterialInvalid(`${where}:${i + 1}`, 'not JSON');
    }
    if (typeof v.text !== 'string' || (v.label !== 0 && v.label !== 1)) throw baseMaterialInvalid(`${where}:${i + 1}`, 'needs "text" and "label" 0|1');
    out.push({ text: v.text, label: v.label, group: typeof v.group === 'string' ? v.group : 'base' });
  });
  return out;
}

/** A manifest file's bytes, unzipped, after checking its hash. */
async function readCheckedGzip(path: string, sha256: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw baseMaterialInvalid(path, `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw baseMaterialInvalid(path, `does not match its sha256 in ${BASE_MANIFEST}`);
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch (err) {
    throw baseMaterialInvalid(path, `not gzip (${(err as Error).message})`);
  }
}

/** One of the manifest's files, checked against its hash and counts. */
export async function readBaseFile(dir: string, entry: BaseFileEntry): Promise<LabelledSample[]> {
  const path = join(dir, entry.file);
  const samples = decodeSamples(await readCheckedGzip(path, entry.sha256), path);
  if (samples.length !== entry.texts) throw baseMaterialInvalid(path, `holds ${samples.length} texts, ${BASE_MANIFEST} says ${entry.texts}`);
  return samples;
}

/** The request records of one manifest entry, checked (hash, count, every record labelled `label`); null when the material has none. */
async function readRequestFile(dir: string, key: 'requests' | 'attackRequests', label: RequestRecord['label']): Promise<RequestRecord[] | null> {
  const entry = (await readBaseManifest(dir))[key];
  if (entry === undefined) return null;
  const path = join(dir, entry.file);
  const records: RequestRecord[] = [];
  (await readCheckedGzip(path, entry.sha256)).split('\n').forEach((line, i) => {
    if (line === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw baseMaterialInvalid(`${path}:${i + 1}`, 'not JSON');
    }
    const problem = recordProblem(v);
    if (problem !== null) throw baseMaterialInvalid(`${path}:${i + 1}`, problem);
    const record = v as RequestRecord;
    if (record.label !== label) throw baseMaterialInvalid(`${path}:${i + 1}`, `holds a record not labelled ${label}`);
    records.push(record);
  });
  if (records.length !== entry.texts) throw baseMaterialInvalid(path, `holds ${records.length} requests, ${BASE_MANIFEST} says ${entry.texts}`);
  return records;
}

/** The benign request records shipped with the material, checked; null when the material has none. */
export const readBaseRequests = (dir: string = SHIPPED_BASE): Promise<RequestRecord[] | null> => readRequestFile(dir, 'requests', 'benign');

/** The attack request records shipped with the material, checked; null when the material has none. */
export const readBaseAttackRequests = (dir: string = SHIPPED_BASE): Promise<RequestRecord[] | null> => readRequestFile(dir, 'attackRequests', 'attack');

export interface BaseMaterial {
  dir: string;
  manifest: BaseManifest;
  train: LabelledSample[];
  validation: LabelledSample[];
}

export async function loadBaseMaterial(dir: string = SHIPPED_BASE, parts: { train?: boolean } = {}): Promise<BaseMaterial> {
  const manifest = await readBaseManifest(dir);
  const validation = await readBaseFile(dir, manifest.validation);
  const train = parts.train === false ? [] : await readBaseFile(dir, manifest.train);
  return { dir, manifest, train, validation };
}
