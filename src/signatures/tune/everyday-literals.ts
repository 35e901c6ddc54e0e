/**
 * Whether every literal a rule anchors on is everyday in benign traffic (issue 18, benign side of the tuned packs).
 * A rule that never fired on a benign sample of N requests may still fire on one request in a few thousand: the
 * sample shows its whole is rare only when some part of it is rare. ET's ShopNx rule is `/api/media` in the URI and
 * `<script` in the body, each common in uploads; Talos' Log4j rule 58741 anchors on `${`, which code in a webhook's
 * issue text is full of. Both had no hit in 23,268 tuning requests, blocked alone, and then blocked 6 of 11,000
 * uploads and webhooks. Such a rule keeps its weight as evidence but no longer blocks alone; a rule with one rare
 * literal (a product's own path or parameter) is unaffected. Pure over the texts it is given.
 */
import type { ContentOption, Rule } from '../rule.js';

/** Texts kept from a benign pass: each request's method, target, headers and body, lowercased. */
export class BenignTextSample {
  readonly texts: string[] = [];
  private stride = 1;
  private seen = 0;

  constructor(readonly limit = 25_000) {}

  /**
   * Offers one request's text; keeps every k-th once the limit is reached (k doubling), so the sample spans the
   * input. The text is built only for a request that is kept (`text` as a function): past the limit most are not.
   */
  offer(text: string | (() => string)): void {
    if (this.seen++ % this.stride !== 0) return;
    this.texts.push((typeof text === 'string' ? text : text()).toLowerCase());
    if (this.texts.length >= this.limit * 2) {
      // Keep every other text and take every other one from now on.
      let j = 0;
      for (let i = 0; i < this.texts.length; i += 2) this.texts[j++] = this.texts[i];
      this.texts.length = j;
      this.stride *= 2;
    }
  }
}

/** The positive content literals of a rule (pcres are not literals; negated contents are not anchors), lowercased. */
export function ruleLiterals(rule: Rule): string[] {
  const out: string[] = [];
  for (const o of rule.detection) {
    if (o.kind !== 'content' || (o as ContentOption).negated) continue;
    const bytes = (o as ContentOption).bytes.toLowerCase();
    if (bytes.length >= 2 && !out.includes(bytes)) out.push(bytes);
  }
  return out;
}

/** Default share of benign requests from which a literal counts as everyday. */
export const EVERYDAY_SHARE = 1e-4;

/** Counts, per literal, the sample texts containing it, up to the threshold (memoized: rules share literals). */
export class EverydayLiterals {
  private readonly counts = new Map<string, number>();
  readonly threshold: number;

  /**
   * `minShare`: the share of benign requests from which a literal is everyday (default one in ten thousand: three
   * of the 23,268 requests of the documented tuning material; `<script` is in 5 of them, `${` in more).
   */
  constructor(private readonly sample: readonly string[], minShare = EVERYDAY_SHARE) {
    this.threshold = Math.max(2, Math.ceil(sample.length * minShare));
  }

  private isEveryday(literal: string): boolean {
    let n = this.counts.get(literal);
    if (n === undefined) {
      n = 0;
      for (const t of this.sample) if (t.includes(literal) && ++n >= this.threshold) break;
      this.counts.set(literal, n);
    }
    return n >= this.threshold;
  }

  /**
   * When every literal of the rule is everyday: a short description for the sidecar (`/api/media, <script`),
   * else null (some literal is rare, or the rule has none and its pcre is what it rests on).
   */
  describe(rule: Rule): string | null {
    if (this.sample.length === 0) return null;
    const literals = ruleLiterals(rule);
    if (literals.length === 0) return null;
    for (const l of literals) if (!this.isEveryday(l)) return null;
    return literals.map((l) => (l.length > 30 ? `${l.slice(0, 30)}…` : l)).join(', ');
  }
}
