/**
 * From measured hit counts to a per-rule proposal. The principle (issue 18): a rule may block alone only
 * if it never fires on benign traffic; a suspicious rule that fires on more than `maxSuspiciousRate`
 * of benign requests hands so many ordinary fields to the model that it costs more than it finds, and
 * is disabled; below that it stays, listed as noisy. Every imported suspicious rule gets a calibrated
 * weight (calibrate-weight.ts) from its benign and attack hits and its shape, so an exploit-shaped
 * rule that never fires on benign traffic blocks alone and a rule that does is demoted (a generic one
 * disabled). Bundled rules keep their priority's severity (they were written and measured for this product). The operator's
 * pins are shown and never changed. Pure: the CLI does the I/O.
 */
import type { Rule } from '../rule.js';
import { ruleKey } from '../rule.js';
import type { RuleEffect } from '../types.js';
import { classtypePriority } from '../compile/classtype-priority.js';
import { decisionDefaults } from '../../decision/options.js';
import type { BenignHitMeasurement, RuleHitExample } from './measure-benign-hits.js';
import type { PinnedRule, TunedEffect, TuningFile } from './tuning-file.js';
import { calibrateWeight, DEFAULT_WEIGHT_OPTIONS, type WeightOptions } from './calibrate-weight.js';
import { ruleShape, type RuleShape } from './rule-shape.js';

export interface TuneOptions {
  /** Benign hit rate above which a suspicious rule is disabled (default 0.001: one request in a thousand). */
  maxSuspiciousRate: number;
  weights: WeightOptions;
}

export const DEFAULT_TUNE_OPTIONS: Readonly<TuneOptions> = { maxSuspiciousRate: 0.001, weights: DEFAULT_WEIGHT_OPTIONS };

/** What a tune run measured besides the benign hits. */
export interface TuneContext {
  /** Hits on attack material (`--attack`), or null when tune had none. */
  attack: BenignHitMeasurement | null;
  /** Rules a weight is learned for: the imported ones (the bundled set keeps its priorities). */
  calibrated: (rule: Rule) => boolean;
  /**
   * The rule's literals when every one of them is everyday in the benign sample (`EverydayLiterals.describe`),
   * else null; absent, no rule is judged by its literals.
   */
  everyday?: (rule: Rule) => string | null;
}

export interface RuleTuning {
  key: string;
  msg: string;
  file: string;
  priority: number;
  /** The effect the config gives the rule today (sidecar not applied). */
  effect: RuleEffect;
  /** What one hit adds to the decision today: the priority's severity for a suspicious rule, 1 for a blocking one. */
  weight: number;
  hits: number;
  rate: number;
  bySource: Record<string, number>;
  examples: RuleHitExample[];
  attackHits: number;
  attackBySource: Record<string, number>;
  shape: RuleShape;
  /** Why the shape: the CVE, the path + payload, the classtype. */
  shapeBecause: string;
  /** What tune proposes (or the pin, when pinned). */
  proposed: TunedEffect;
  /** The weight under the proposal: calibrated for an imported suspicious rule. */
  proposedWeight: number;
  /** What the proposed weight was learned from; '' for a priority or effect weight. */
  weightSource: string;
  /** The rule decides a request on its own under the proposal: a block rule, or a weight in the `high` band. */
  blocksAlone: boolean;
  pinned: boolean;
  reason: string;
}

function weightOf(effect: TunedEffect, priority: number): number {
  if (effect === 'block') return 1;
  if (effect !== 'suspicious') return 0;
  const table = decisionDefaults.severityByPriority;
  return table[Math.min(Math.max(priority, 1), table.length) - 1];
}

/** Posterior attack probability of one hit below which an imported rule with benign hits is disabled. */
export const EVEN_ODDS = 0.5;

const compact = (x: number): string => (x >= 1e4 ? x.toExponential(1) : String(x));

export function proposeTuning(
  rules: readonly Rule[],
  effectOf: (rule: Rule) => RuleEffect,
  measured: BenignHitMeasurement,
  pinned: Readonly<Record<string, PinnedRule>>,
  options: Partial<TuneOptions> = {},
  context: TuneContext = { attack: null, calibrated: () => false },
): RuleTuning[] {
  const o: TuneOptions = { ...DEFAULT_TUNE_OPTIONS, ...options };
  const blockBand = decisionDefaults.bands.high;
  const out: RuleTuning[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const key = ruleKey(rule);
    const m = measured.rules.get(key);
    const hits = m?.hits ?? 0;
    const rate = measured.requests === 0 ? 0 : hits / measured.requests;
    const attack = context.attack?.rules.get(key);
    const attackHits = attack?.hits ?? 0;
    const effect = effectOf(rule);
    const priority = rule.priority ?? classtypePriority(rule.classtype);
    const shape = ruleShape(rule);
    let proposed: TunedEffect = effect;
    let reason = hits === 0 ? 'no benign hit' : 'benign hits within the limit';
    if (hits > 0 && effect === 'block') {
      proposed = 'suspicious';
      reason = 'blocks alone but matched benign traffic: demoted to suspicious';
    } else if (effect === 'suspicious' && rate > o.maxSuspiciousRate) {
      proposed = 'disabled';
      reason = `benign hit rate above ${o.maxSuspiciousRate}: disabled`;
    }
    let proposedWeight = weightOf(proposed, priority);
    let weightSource = '';
    if (proposed === 'suspicious' && context.calibrated(rule)) {
      const w = calibrateWeight(
        { benignHits: hits, benignRequests: measured.requests, attackHits, attackRequests: context.attack?.requests ?? 0, shape: shape.shape, prioritySeverity: weightOf('suspicious', priority) },
        o.weights,
      );
      proposedWeight = w.weight;
      if (hits > 0 && shape.shape !== 'exploit') {
        // A generic rule (an attack word wherever it appears) that real traffic also contains: the
        // payload model already judges those words in context, and the hit would count them twice.
        proposed = 'disabled';
        proposedWeight = 0;
        reason = `not exploit-shaped and fires on benign traffic (${hits} hits): the payload model judges those words already; disabled`;
      } else if (hits > 0 && proposedWeight < EVEN_ODDS) {
        // It fires on benign traffic and one hit no longer makes an attack more likely than not: its
        // hits cost more than they find (each hands an ordinary field to the model and tips
        // borderline scores over the threshold), so it goes.
        proposed = 'disabled';
        proposedWeight = 0;
        reason = `fires on benign traffic and weighs ${w.weight} (< ${EVEN_ODDS}: a hit is not even odds of an attack): disabled`;
      }
      let capped = w.capped === null ? '' : `, capped: ${w.capped}`;
      const everyday = hits === 0 && attackHits === 0 && proposedWeight >= blockBand ? (context.everyday?.(rule) ?? null) : null;
      if (everyday !== null) {
        // No benign hit and no attack hit, and every literal it anchors on is common in benign traffic: nothing
        // measured says the whole is rare (ShopNx's `/api/media` + `<script`, Log4j's `${`), so its hit stays
        // evidence for the model and the other rules and no longer blocks alone. A rule seen firing on the attack
        // material (Shiro's `rememberMe=` with `bsize:>125`) keeps blocking: that is measured, not its shape alone.
        proposedWeight = Math.min(proposedWeight, o.weights.benignHitCap);
        capped = `, capped: everyday literals (${everyday})`;
        reason = `no benign hit, but every literal it anchors on is everyday in benign traffic (${everyday}): capped below blocking`;
      }
      weightSource = proposed === 'disabled' ? '' :
        `rules tune: benign ${hits}/${measured.requests}, attack ${context.attack === null ? 'none' : `${attackHits}/${context.attack.requests}`}, ` +
        `${shape.shape} (${shape.because}), LR ${compact(w.likelihoodRatio)}${capped}`;
      if (proposedWeight >= blockBand) reason = `${reason}; exploit-shaped: blocks alone`;
    }
    const pin = pinned[key];
    if (pin !== undefined) {
      proposed = typeof pin === 'number' ? 'suspicious' : pin;
      proposedWeight = typeof pin === 'number' ? pin : weightOf(pin, priority);
      weightSource = typeof pin === 'number' ? 'pinned by the operator' : '';
      reason = 'pinned by the operator';
    }
    out.push({
      key,
      msg: rule.msg,
      file: rule.location.file,
      priority,
      effect,
      weight: weightOf(effect, priority),
      hits,
      rate,
      bySource: Object.fromEntries(m?.bySource ?? []),
      examples: m?.examples ?? [],
      attackHits,
      attackBySource: Object.fromEntries(attack?.bySource ?? []),
      shape: shape.shape,
      shapeBecause: shape.because,
      proposed,
      proposedWeight,
      weightSource,
      blocksAlone: proposed === 'block' || (proposed === 'suspicious' && proposedWeight >= blockBand),
      pinned: pin !== undefined,
      reason,
    });
  }
  return out.sort((a, b) => b.hits - a.hits || a.key.localeCompare(b.key));
}

/**
 * The sidecar for a proposal: every rule whose effect changes, and every calibrated weight (so the
 * decision log can say where each came from); unchanged priority-weighted rules need no entry. Pins kept.
 */
export function tuningFileOf(
  tunings: readonly RuleTuning[],
  measured: BenignHitMeasurement,
  pinned: Readonly<Record<string, PinnedRule>>,
  now: Date,
  attack: BenignHitMeasurement | null = null,
): TuningFile {
  const rules: TuningFile['rules'] = {};
  for (const t of tunings) {
    if (t.pinned || (t.proposed === t.effect && t.weightSource === '')) continue;
    rules[t.key] = { effect: t.proposed, hits: t.hits, reason: t.reason };
    if (t.weightSource !== '') Object.assign(rules[t.key], { weight: t.proposedWeight, attackHits: t.attackHits, source: t.weightSource });
  }
  return {
    format: 'warden-rule-tuning',
    version: 1,
    generatedAt: now.toISOString(),
    benign: { requests: measured.requests, sources: Object.fromEntries(measured.bySource) },
    ...(attack === null ? {} : { attack: { requests: attack.requests, sources: Object.fromEntries(attack.bySource) } }),
    rules,
    pinned: { ...pinned },
  };
}
