/**
 * The models directory promote and rollback manage:
 *   models/<version>/        immutable copies of promoted models (a later retrain into
 *                            models/candidate cannot change what is live)
 *   models/current           symlink to the model in force (with `model.path: ""` the proxy serves it)
 *   models/promotions.ndjson one line per promote/rollback, the history rollback walks back
 * The symlink is replaced atomically (new link + rename), so a reload never sees a half-swapped model.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, rename, rm, symlink, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { WardenConfig } from '../config/types.js';
import { configuredModelDir } from '../assemble.js';
import { candidateInvalid, nothingToRollBack } from './errors.js';

export const CURRENT_LINK = 'current';
export const PROMOTIONS_FILE = 'promotions.ndjson';

export interface PromotionEntry {
  ts: string;
  action: 'promote' | 'rollback';
  /** Model directories (absolute), before and after. */
  from: string;
  to: string;
  version: string;
  /** The promotion gate's figures, for the record. */
  gate?: unknown;
  /** Promoted with --force over the gate's refusal: the reasons it gave. */
  forced?: string[];
}

/** The model in force, as the proxy resolves it (assemble.ts configuredModelDir): `model.path`, else `<model.store>/current`, else the shipped model. */
export function currentModelDir(config: Pick<WardenConfig, 'model'>): string {
  return configuredModelDir(config);
}

export async function readModelVersion(dir: string): Promise<string> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as { version?: unknown };
    if (typeof meta.version === 'string') return meta.version;
  } catch (err) {
    throw candidateInvalid(dir, `cannot read model.json (${(err as Error).message})`);
  }
  throw candidateInvalid(dir, 'model.json has no version');
}

/**
 * Copies a candidate into a staging directory inside `<models>` (hidden name), where it is checked and
 * judged; `commitStaged` then renames it to `<models>/<version>` (a fresh name if taken). The bytes the
 * gate judged are the bytes that go live: nothing reads the candidate directory after the copy.
 */
export async function stageModel(modelsDir: string, candidateDir: string): Promise<string> {
  await mkdir(modelsDir, { recursive: true });
  const staging = resolve(modelsDir, `.staging-${process.pid}-${Date.now()}`);
  await cp(candidateDir, staging, { recursive: true, dereference: true });
  return staging;
}

export async function commitStaged(modelsDir: string, staging: string, version: string): Promise<string> {
  const safe = basename(version).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'model';
  let target = resolve(modelsDir, safe);
  for (let n = 2; existsSync(target) || safe === CURRENT_LINK; n++) target = resolve(modelsDir, `${safe}-${n}`);
  await rename(staging, target);
  return target;
}

export async function discardStaged(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Points `<models>/current` at `dir`, atomically. */
export async function pointCurrent(modelsDir: string, dir: string): Promise<void> {
  const link = join(modelsDir, CURRENT_LINK);
  const tmp = join(modelsDir, `.${CURRENT_LINK}.${process.pid}.${Date.now()}`);
  await symlink(resolve(dir), tmp, 'dir');
  try {
    await rename(tmp, link);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

export async function readPromotions(modelsDir: string): Promise<PromotionEntry[]> {
  let text: string;
  try {
    text = await readFile(join(modelsDir, PROMOTIONS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PromotionEntry);
}

export async function recordPromotion(modelsDir: string, entry: PromotionEntry): Promise<void> {
  await mkdir(modelsDir, { recursive: true });
  await appendFile(join(modelsDir, PROMOTIONS_FILE), JSON.stringify(entry) + '\n');
}

/** The model before the last promote not yet rolled back: each promote pushes its `from`, each rollback pops. */
export function rollbackTarget(history: readonly PromotionEntry[], modelsDir: string): string {
  const stack: string[] = [];
  for (const e of history) {
    if (e.action === 'promote') stack.push(e.from);
    else stack.pop();
  }
  const target = stack.pop();
  if (target === undefined) throw nothingToRollBack(modelsDir);
  return target;
}
