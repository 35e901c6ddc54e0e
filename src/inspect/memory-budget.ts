/**
 * What one request's inspection builds, estimated as it is built, against `inspection.memoryBudgetMb`
 * (issue 17: bounded memory per request). Counted: the text copies the body parsers make of the body
 * (its UTF-8 text for a form, JSON or XML walk, a transcoded UTF-16 body, a nested part's text) and
 * every target, at TARGET_BYTES plus the chars of its name, raw value and decoded forms (FORM_BYTES
 * each beside its chars; one byte per char, as V8 stores Latin-1 text: other scripts take two, slices
 * of the body text less). Not counted: the body as received and its Snort buffers, which `body.limit`
 * bounds, and the gates' own scratch. Each target is checked before it is made; past the budget the
 * walk takes no more targets and the inspection is uncovered (`memoryBudgetMb`), judged like any
 * other uncovered limit (blocked by default).
 */

/** A target's own objects: the Target, its decoded array, string headers (measured ~190 bytes on a 1 MiB form of 17,408 fields). */
export const TARGET_BYTES = 192;
/** A decoded form's string header and array slot, beside its chars. */
export const FORM_BYTES = 32;

export class MemoryBudget {
  /** Estimated bytes built so far. */
  used = 0;

  constructor(
    /** Bytes the inspection may build; Infinity offline. */
    readonly budgetBytes: number,
  ) {}

  /** The budget in MiB, for the finding and the log line. */
  get budgetMb(): number {
    return this.budgetBytes / 1_048_576;
  }

  /** Whether building `bytes` more would pass the budget (a target's decoded forms, ≤ maxDecodedForms × maxDecodedLength, are charged after it). */
  wouldExceed(bytes: number): boolean {
    return this.used + bytes > this.budgetBytes;
  }

  chargeText(chars: number): void {
    this.used += chars;
  }

  chargeTarget(name: string, raw: string, decoded: readonly string[]): void {
    let bytes = TARGET_BYTES + name.length + raw.length;
    for (let i = 0; i < decoded.length; i++) bytes += FORM_BYTES + decoded[i].length;
    this.used += bytes;
  }
}

/** The budget of offline inspection (CLI, tests, eval): none, so results never depend on a deployment's setting. */
export const unboundedMemory = (): MemoryBudget => new MemoryBudget(Infinity);
