import type { ModelGate, ModelResult } from './types.js';

/**
 * What serves gate 2 when the model failed to load and the config says `onLoadError: signatures-only`:
 * it scores nothing, but every decision line names the missing model (`unavailable:<code>`), so a
 * SIEM sees the degraded state on each request, not only in one start-up error.
 */
export function unavailableModelGate(code: string): ModelGate {
  const modelVersion = `unavailable:${code}`;
  const gate: ModelGate = {
    evaluate: (inspection): Promise<ModelResult> =>
      Promise.resolve({ scores: [], maxScore: 0, screened: 0, total: inspection.targets.length, modelVersion }),
  };
  unavailable.set(gate, code);
  return gate;
}

const unavailable = new WeakMap<ModelGate, string>();

/** The load error code when `gate` stands in for a model that failed to load (model-unavailable alerts), else null. */
export function unavailableModelCode(gate: ModelGate | null): string | null {
  return gate === null ? null : (unavailable.get(gate) ?? null);
}
