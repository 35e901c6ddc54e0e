/**
 * The attack families issue 14 lists as passing today (and issue 18's code-in-a-feature-field families), each a named grammar so a leave-family-out
 * table can hold one out at a time. Deliberately separate from `synthesizeAttacks` (the shipped
 * model's recipe): adding them there would change every synthesized attack of the published
 * training run; a retrain opts in with `synthesizeFamilyAttacks`.
 */
import { seededRandom } from '../../prng.js';
import type { AttackFamily } from './family.js';
import { SHELL_FAMILIES } from './shell.js';
import { JVM_FAMILIES } from './jvm.js';
import { CODE_FAMILIES } from './code.js';
import { WEB_FAMILIES } from './web.js';
import { FEATURE_CODE_FAMILIES } from './feature-code.js';
import { MULTILINE_FAMILIES } from './multiline.js';

export type { AttackFamily, AttackPlace } from './family.js';

/**
 * Issue 14's seventeen, then issue 18's code-in-a-feature-field families, then session 22's multi-line
 * commands, SQL, code and templates (appended, so the earlier families' draws stay the same).
 */
export const ATTACK_FAMILIES: readonly AttackFamily[] = [...SHELL_FAMILIES, ...JVM_FAMILIES, ...CODE_FAMILIES, ...WEB_FAMILIES, ...FEATURE_CODE_FAMILIES, ...MULTILINE_FAMILIES];

/**
 * Families a training run draws only when `--family-weights` names them (issue 18's, written while
 * payload-v1.3 was being trained from the tree before them, and session 22's multi-line ones, measured
 * blind against payload-v1.4): the shipped recipe, the base material and
 * the default attack-family records stay issue 14's seventeen, so a retrain adopts them by naming them
 * (`--family-weights feature-shell-line=1,feature-code-snippet=1`) and is measured against the same rows.
 */
export const OPT_IN_FAMILIES: readonly string[] = [...FEATURE_CODE_FAMILIES, ...MULTILINE_FAMILIES].map((f) => f.name);

/** The families drawn by default: every family but the opt-in ones. */
export const DEFAULT_ATTACK_FAMILIES: readonly string[] = ATTACK_FAMILIES.map((f) => f.name).filter((n) => !OPT_IN_FAMILIES.includes(n));

export function attackFamilyByName(name: string): AttackFamily | undefined {
  return ATTACK_FAMILIES.find((f) => f.name === name);
}

/** A family's own stream: FNV-1a of its name mixed into the seed, so families do not shift each other. */
export function familyRandom(seed: number, family: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < family.length; i++) h = Math.imul(h ^ family.charCodeAt(i), 0x01000193) >>> 0;
  return seededRandom((seed ^ h) >>> 0);
}

export interface FamilyAttack {
  text: string;
  family: string;
  category: string;
}

/**
 * `perFamily` attacks of each family (all families, or the named ones), deterministic for a seed; a
 * function gives each family its own count. Each family draws from its own stream, so a family's first
 * N draws are the same whatever its count or the others'.
 */
export function synthesizeFamilyAttacks(seed: number, perFamily: number | ((family: string) => number), families: readonly string[] = ATTACK_FAMILIES.map((f) => f.name)): FamilyAttack[] {
  const out: FamilyAttack[] = [];
  for (const name of families) {
    const family = attackFamilyByName(name);
    if (family === undefined) throw new Error(`unknown attack family "${name}" (known: ${ATTACK_FAMILIES.map((f) => f.name).join(', ')})`);
    const random = familyRandom(seed, name);
    const count = typeof perFamily === 'number' ? perFamily : perFamily(name);
    for (let i = 0; i < count; i++) out.push({ text: family.make(random), family: name, category: family.category });
  }
  return out;
}
