import type { BufferName, Inspection } from '../inspect/types.js';
import type { Steps, WorkClock } from '../inspect/work-clock.js';

/** What a rule does in Warden once it matches (the Snort action after the operator's mapping). */
export type RuleEffect = 'suspicious' | 'block' | 'allow';
export const RULE_EFFECTS: readonly string[] = ['suspicious', 'block', 'allow'] satisfies RuleEffect[];

export interface SignatureHit {
  gid: number;
  sid: number;
  rev: number;
  msg: string;
  classtype: string | null;
  /** Snort priority: 1 is most severe. */
  priority: number;
  effect: RuleEffect;
  /** Calibrated evidence of a suspicious hit (`rules tune`), replacing the priority's severity; absent: by priority. */
  weight?: number;
  /** Where that weight came from, for the decision log. */
  weightSource?: string;
  /**
   * `rules tune` saw the rule match benign traffic (a calibrated rule demoted or capped for it). Its
   * hit still adds its weight, but does not send the model a field the model would otherwise skip.
   */
  firesOnBenign?: boolean;
  /** Where the rule's last content/pcre matched. */
  buffer: BufferName;
  offset: number;
  length: number;
  /** Index into `Inspection.targets` of the field the match falls in, or -1 when it spans no single target. */
  targetIndex: number;
  /**
   * Set when the rule matched a decoded form of the field rather than the buffer's bytes: the decoding
   * (`base64>gzip`, `url>js-escapes`, `json` for a JSON string's unescaped text). `offset` then counts
   * in that form (match/decoded-views.ts).
   */
  decoded?: string;
}

export interface SignatureResult {
  hits: SignatureHit[];
  /** Rules fully evaluated after the prefilter (for metrics). */
  candidates: number;
  /**
   * Set when a hit settled the verdict (`SettlesVerdict`) and the evaluation stopped there: how many
   * of the prefilter's candidates were then left unevaluated. `hits` ends with the settling hit.
   */
  unevaluated?: number;
}

/**
 * Whether a hit settles the verdict on its own: a `block` hit the route neither disables nor ignores
 * (the decision's `blockHit`). Given to `evaluate`, it lets the gate stop at the first such hit.
 */
export type SettlesVerdict = (hit: SignatureHit) => boolean;

export interface SignatureGate {
  readonly ruleCount: number;
  /**
   * With `settles`, a gate whose rules can neither allow-list a request nor make a later rule's
   * verdict depend on rule order evaluates the `block` rules first and stops at the first hit that
   * settles the verdict (`unevaluated` says so); without it, every candidate rule is evaluated.
   */
  evaluate(inspection: Inspection, settles?: SettlesVerdict): SignatureResult;
  /** The same evaluation in steps that pause when `clock` says so (rule by rule), for big requests on the proxy. */
  evaluateInSteps?(inspection: Inspection, clock: WorkClock, settles?: SettlesVerdict): Steps<SignatureResult>;
}
