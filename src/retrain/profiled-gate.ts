import type { Inspection } from '../inspect/types.js';
import type { SignatureResult } from '../signatures/types.js';
import type { ModelGate, ModelResult } from '../model/types.js';
import type { SliceClock } from '../inspect/work-clock.js';
import { fittingProfile, type FieldProfiles } from './field-profiles.js';

/**
 * The model gate with per-endpoint learning beside it: a target whose value fits what its route and
 * field normally carry (field-profiles.ts) has its model score multiplied by the profile's discount.
 * Wraps any ModelGate, so the model engineer's gate stays as it is; signatures and schema are not
 * touched, so a field's profile never hides a signature hit.
 */
export function createProfiledGate(inner: ModelGate, profiles: FieldProfiles): ModelGate {
  // Token sets per field, built once per field on first use.
  const tokenSets = new Map<string, Set<string>>();
  return {
    async evaluate(inspection: Inspection, signatures: SignatureResult, clock?: SliceClock): Promise<ModelResult> {
      const result = await inner.evaluate(inspection, signatures, clock);
      if (result.scores.length === 0) return result;
      let changed = false;
      const scores = result.scores.map((s) => {
        const target = inspection.targets[s.targetIndex];
        if (target === undefined || fittingProfile(profiles, inspection, target, tokenSets) === null) return s;
        changed = true;
        return { ...s, score: s.score * profiles.discount };
      });
      if (!changed) return result;
      scores.sort((a, b) => b.score - a.score);
      return { ...result, scores, maxScore: scores[0].score };
    },
  };
}
