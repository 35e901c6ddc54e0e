import type { Reputation, ReputationEvent } from './types.js';

/**
 * One source's decayed history. Every mass is stored as of `updatedAt` and decays lazily by
 * 2^(-Δt / halfLife) when read or updated, so no timer runs per key and Redis can apply the same
 * rule in one Lua call.
 */
export interface SourceHistory {
  requests: number;
  /** Decayed count of requests with no attack evidence. */
  clean: number;
  /** Decayed attack mass: Σ attackScore (+ BLOCK_WEIGHT when blocked) over attack events. */
  attack: number;
  /** Decayed count of attack events. */
  attacks: number;
  blocks: number;
  firstSeen: number;
  updatedAt: number;
}

export interface HistoryParams {
  halfLifeMs: number;
  maturityMs: number;
  cleanRequestsScale: number;
}

/** Below this attack score a request counts as clean. */
export const CLEAN_BELOW = 0.2;
/** From this attack score (the `medium` band) a request counts as an attack. */
export const ATTACK_FROM = 0.5;
/** A block adds this much attack mass on top of the score: the combiner was sure enough to act. */
export const BLOCK_WEIGHT = 0.5;
/** Attack mass at which hostility reaches 63 %: one blocked attack (≈1.4) is already ≈75 %. */
export const HOSTILE_SCALE = 1;

/** What one event adds; the Redis Lua script adds exactly these after decaying. */
export interface HistoryIncrement {
  clean: number;
  attack: number;
  attacks: number;
  blocks: number;
}

export function incrementOf(event: ReputationEvent): HistoryIncrement {
  const score = Math.min(1, Math.max(0, event.attackScore));
  const isAttack = event.blocked || score >= ATTACK_FROM;
  return {
    clean: !event.blocked && score < CLEAN_BELOW ? 1 : 0,
    attack: isAttack ? score + (event.blocked ? BLOCK_WEIGHT : 0) : 0,
    attacks: isAttack ? 1 : 0,
    blocks: event.blocked ? 1 : 0,
  };
}

export function decayFactor(from: number, to: number, halfLifeMs: number): number {
  const dt = to - from;
  // Clocks of several instances disagree a little: never grow a history backwards.
  return dt <= 0 ? 1 : Math.pow(2, -dt / halfLifeMs);
}

export function applyEvent(history: SourceHistory | undefined, event: ReputationEvent, halfLifeMs: number): SourceHistory {
  const inc = incrementOf(event);
  if (history === undefined) {
    return { requests: 1, ...inc, firstSeen: event.at, updatedAt: event.at };
  }
  const f = decayFactor(history.updatedAt, event.at, halfLifeMs);
  return {
    requests: history.requests * f + 1,
    clean: history.clean * f + inc.clean,
    attack: history.attack * f + inc.attack,
    attacks: history.attacks * f + inc.attacks,
    blocks: history.blocks * f + inc.blocks,
    firstSeen: Math.min(history.firstSeen, event.at),
    updatedAt: Math.max(history.updatedAt, event.at),
  };
}

/**
 * score = benefit·(1 − hostility) − hostility, in [−1, 1]:
 *   hostility = 1 − e^(−attackMass / HOSTILE_SCALE)
 *   benefit   = (1 − e^(−cleanMass / cleanRequestsScale)) · min(1, age / maturity)
 * A new source is 0; recent attacks pull toward −1 and fade with the half-life; a clean source earns
 * up to +1 only with many requests *and* time, so an attacker cannot warm up in a burst.
 */
export function reputationOf(key: string, history: SourceHistory | undefined, now: number, params: HistoryParams, trusted: boolean): Reputation {
  if (history === undefined) return { key, score: trusted ? 1 : 0, requests: 0, attacks: 0, blocks: 0, trusted };
  const f = decayFactor(history.updatedAt, now, params.halfLifeMs);
  const hostility = 1 - Math.exp(-(history.attack * f) / HOSTILE_SCALE);
  const age = Math.max(0, now - history.firstSeen);
  const maturity = params.maturityMs <= 0 ? 1 : Math.min(1, age / params.maturityMs);
  const benefit = (1 - Math.exp(-(history.clean * f) / params.cleanRequestsScale)) * maturity;
  const score = trusted ? 1 : Math.max(-1, Math.min(1, benefit * (1 - hostility) - hostility));
  return { key, score, requests: history.requests * f, attacks: history.attacks * f, blocks: history.blocks * f, trusted };
}
