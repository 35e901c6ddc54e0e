/**
 * Several independently trained payload MLPs served as one model. Retrains of one recipe at other seeds
 * agree on the benign side but each forgets a different handful of unseen attack shapes (datasets
 * README, r5–r9): with the members' probabilities averaged, no single draw decides.
 *
 * Why probabilities and not logits: a member that never learnt a shape gives it a logit of −10 or less,
 * which drags a logit mean under the point however sure the others are (measured: the XmlSerializer
 * cookie of held-out-5, 24 of its 40 records lost by the mean of three members' logits, none by the
 * mean of their probabilities). A probability caps each member's say at 1/K.
 *
 * Layout: the members' hidden units sit side by side, so one embedding-bag sum over K·hidden units
 * (the same SIMD pass as one member) gives every member's activations; each unit still adds its rows in
 * feature order, so every member's logit is bit-identical to the member's own.
 */
import { EmbeddingBagMlp, reluOutput, sigmoid, type MlpWeights } from './mlp.js';

export interface EnsembleWeights {
  /** K ≥ 2 members, each an embedding-bag MLP of `hidden` units over the same `dim` features. */
  members: number;
  hidden: number;
  dim: number;
  /** [dim × K·hidden], row-major: row f is member 1's row f, then member 2's, … */
  embedding: Float32Array;
  /** [K·hidden] */
  hiddenBias: Float32Array;
  /** [K·hidden] */
  outputWeights: Float32Array;
  /** [K]: each member's output bias. */
  outputBiases: Float32Array;
  /**
   * Added to the logit of the members' mean probability: moves the ensemble's operating point to the
   * published one (the members' own output biases stay as trained).
   */
  shift: number;
}

/** The weights a payload model file holds: one MLP (every model up to payload-v1.3) or an ensemble. */
export type PayloadWeights = MlpWeights | EnsembleWeights;

export function isEnsemble(w: PayloadWeights): w is EnsembleWeights {
  return 'members' in w;
}

/** The ensemble of `members` (their output biases as given: each member's point where it was published), shift 0. */
export function stackMembers(members: readonly MlpWeights[]): EnsembleWeights {
  if (members.length < 2) throw new Error(`an ensemble needs at least two members, got ${members.length}`);
  const { dim, hidden } = members[0];
  for (const m of members) {
    if (m.dim !== dim || m.hidden !== hidden) throw new Error(`members differ in shape (${dim}×${hidden} and ${m.dim}×${m.hidden})`);
  }
  const k = members.length;
  const width = k * hidden;
  const embedding = new Float32Array(dim * width);
  const hiddenBias = new Float32Array(width);
  const outputWeights = new Float32Array(width);
  const outputBiases = new Float32Array(k);
  members.forEach((m, i) => {
    const at = i * hidden;
    for (let f = 0; f < dim; f++) embedding.set(m.embedding.subarray(f * hidden, (f + 1) * hidden), f * width + at);
    hiddenBias.set(m.hiddenBias, at);
    outputWeights.set(m.outputWeights, at);
    outputBiases[i] = m.outputBias;
  });
  return { members: k, hidden, dim, embedding, hiddenBias, outputWeights, outputBiases, shift: 0 };
}

/** Member `i` as a plain MLP (a copy): for tests and tools that look at one member. */
export function memberWeights(w: EnsembleWeights, i: number): MlpWeights {
  const { dim, hidden, members } = w;
  const width = members * hidden;
  const at = i * hidden;
  const embedding = new Float32Array(dim * hidden);
  for (let f = 0; f < dim; f++) embedding.set(w.embedding.subarray(f * width + at, f * width + at + hidden), f * hidden);
  return {
    embedding,
    hiddenBias: w.hiddenBias.slice(at, at + hidden),
    outputWeights: w.outputWeights.slice(at, at + hidden),
    outputBias: w.outputBiases[i],
    dim,
    hidden,
  };
}

/** The forward pass of an ensemble: one bag sum for all members, then each member's output and the mean. */
export class EmbeddingBagEnsemble {
  private readonly bag: EmbeddingBagMlp;
  /** e^shift: σ(logit(p) + shift) = p·E / (p·E + 1 − p), with no log of 0 or 1. */
  private readonly odds: number;

  constructor(readonly weights: EnsembleWeights) {
    const { embedding, hiddenBias, outputWeights, outputBiases, members, hidden, dim } = weights;
    if (!Number.isInteger(members) || members < 2) throw new Error(`an ensemble needs at least two members, got ${members}`);
    if (outputBiases.length !== members) throw new Error(`${outputBiases.length} output biases for ${members} members`);
    // The bag sum sees one wide MLP; its output weights and bias are not used (each member's are, below).
    this.bag = new EmbeddingBagMlp({ embedding, hiddenBias, outputWeights, outputBias: 0, dim, hidden: members * hidden });
    this.odds = Math.exp(weights.shift);
  }

  get usesSimd(): boolean {
    return this.bag.usesSimd;
  }

  /** Member `i`'s attack probability for the activations of the last bag sum. */
  private memberProbability(act: Float32Array, i: number): number {
    const { outputWeights, outputBiases, hidden } = this.weights;
    return sigmoid(reluOutput(act, outputWeights, outputBiases[i], i * hidden, (i + 1) * hidden));
  }

  /** Attack probability in [0,1]: the members' mean probability, moved by `shift`. */
  predict(features: Uint32Array): number {
    const act = this.bag.hiddenSums(features);
    const k = this.weights.members;
    let p = 0;
    for (let i = 0; i < k; i++) p += this.memberProbability(act, i);
    p /= k;
    const e = p * this.odds;
    return e / (e + (1 - p));
  }
}
