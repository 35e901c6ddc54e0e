/**
 * From benign hit counts to a per-rule proposal. The principle (issue 18): a rule may block alone only
 * if it never fires on benign traffic; a suspicious rule that fires on more than `maxSuspiciousRate`
 * of benign requests hands so many ordinary fields to the model that it costs more than it finds, and
 * is disabled; below that it stays, listed as noisy. The operator's pins are shown and never changed.
 * Pure: the CLI does the I/O.
 */
import type { Rule } from '../rule.js';
import { ruleKey } from '../rule.js';
import type { RuleEffect } from '../types.js';
import { classtypePriority } from '../compile/classtype-priority.js';
import { decisionDefaults } from '../../decision/options.js';
import type { BenignHitMeasurement, RuleHitExample } from './measure-benign-hits.js';
import type { TunedEffect, TuningFile } from './tuning-file.js';

export interface TuneOptions {
  /** Benign hit rate above which a suspicious rule is disabled (default 0.001: one request in a thousand). */
  maxSuspiciousRate: number;
}

export const DEFAULT_TUNE_OPTIONS: Readonly<TuneOptions> = { maxSuspiciousRate: 0.001 };

export interface RuleTuning {
  key: string;
  msg: string;
  file: string;
  priority: number;
  /** The effect the config gives the rule today (sidecar not applied). */
  effect: RuleEffect;
  /** What one hit adds to the decision: the priority's severity for a suspicious rule, 1 for a blocking one. */
  weight: number;
  hits: number;
  rate: number;
  bySource: Record<string, number>;
  examples: RuleHitExample[];
  /** What tune proposes (or the pin, when pinned). */
  proposed: TunedEffect;
  /** The weight under the proposal. */
  proposedWeight: number;
  pinned: boolean;
  reason: string;
}

function weightOf(effect: TunedEffect, priority: number): number {
  if (effect === 'block') return 1;
  if (effect !== 'suspicious') return 0;
  const table = decisionDefaults.severityByPriority;
  return table[Math.min(Math.max(priority, 1), table.length) - 1];
}

export function proposeTuning(
  rules: readonly Rule[],
  effectOf: (rule: Rule) => RuleEffect,
  measured: BenignHitMeasurement,
  pinned: Readonly<Record<string, TunedEffect>>,
  options: TuneOptions = DEFAULT_TUNE_OPTIONS,
): RuleTuning[] {
  const out: RuleTuning[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const key = ruleKey(rule);
    const m = measured.rules.get(key);
    const hits = m?.hits ?? 0;
    const rate = measured.requests === 0 ? 0 : hits / measured.requests;
    const effect = effectOf(rule);
    const priority = rule.priority ?? classtypePriority(rule.classtype);
    let proposed: TunedEffect = effect;
    let reason = hits === 0 ? 'no benign hit' : 'benign hits within the limit';
    if (hits > 0 && effect === 'block') {
      proposed = 'suspicious';
      reason = 'blocks alone but matched benign traffic: demoted to suspicious';
    } else if (effect === 'suspicious' && rate > options.maxSuspiciousRate) {
      proposed = 'disabled';
      reason = `benign hit rate above ${options.maxSuspiciousRate}: disabled`;
    }
    const pin = pinned[key];
    if (pin !== undefined) {
      proposed = pin;
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
      proposed,
      proposedWeight: weightOf(proposed, priority),
      pinned: pin !== undefined,
      reason,
    });
  }
  return out.sort((a, b) => b.hits - a.hits || a.key.localeCompare(b.key));
}

/** The sidecar for a proposal: changed rules only (an unchanged rule needs no override), pins kept. */
export function tuningFileOf(tunings: readonly RuleTuning[], measured: BenignHitMeasurement, pinned: Readonly<Record<string, TunedEffect>>, now: Date): TuningFile {
  const rules: TuningFile['rules'] = {};
  for (const t of tunings) {
    if (t.pinned || t.proposed === t.effect) continue;
    rules[t.key] = { effect: t.proposed, hits: t.hits, reason: t.reason };
  }
  return {
    format: 'warden-rule-tuning',
    version: 1,
    generatedAt: now.toISOString(),
    benign: { requests: measured.requests, sources: Object.fromEntries(measured.bySource) },
    rules,
    pinned: { ...pinned },
  };
}
