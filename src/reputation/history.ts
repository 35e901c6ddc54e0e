import type { Reputation, ReputationEvent } from './types.js';

/**
 * One key's decayed history. Every mass is stored as of `updatedAt` and decays lazily by
 * 2^(-Δt / halfLife) when read or updated, so no timer runs per key and Redis can apply the same
 * rule in one Lua call. `cleanSince` and `digest` do not decay: they describe the latest events.
 */
export interface SourceHistory {
  requests: number;
  /** Decayed count of requests with no attack evidence. */
  clean: number;
  /** Decayed count of counted attacks (decisive on their own, not a repeat of the previous attack). */
  attacks: number;
  /** Decayed sum of those attacks' evidence, for the log's "of what evidence". */
  evidence: number;
  /** Decayed count of new attackers (address keys: a client's first recent attack from here). */
  attackers: number;
  blocks: number;
  /** Clean requests since the last decisive attack. */
  cleanSince: number;
  /** Digest of the last decisive attack ('' when none). */
  digest: string;
  firstSeen: number;
  updatedAt: number;
}

export interface HistoryParams {
  halfLifeMs: number;
  maturityMs: number;
  cleanRequestsScale: number;
  /** Counted attacks a key needs before it is hostile at all: one mistake never is (default 3). */
  minAttacks?: number;
  /** Distinct attacking clients an address needs before it is hostile as a whole (default 3). */
  minAttackers?: number;
  /** Clean requests after the last attack that divide hostility by e: recovery without waiting for the half-life (default 20). */
  recoveryCleanRequests?: number;
}

/** The defaults of the optional `HistoryParams` (the `reputation.hostility` config defaults). */
export const HOSTILITY_DEFAULTS = Object.freeze({ minAttacks: 3, minAttackers: 3, recoveryCleanRequests: 20 });

/** Below this attack score a request counts as clean. */
export const CLEAN_BELOW = 0.2;

/** What one event adds; the Redis Lua script adds exactly these after decaying. */
export interface HistoryIncrement {
  clean: number;
  /** 1 when the event is decisive; whether it is *counted* also depends on the stored digest. */
  decisive: number;
  evidence: number;
  newAttacker: number;
  blocks: number;
  digest: string;
}

export function incrementOf(event: ReputationEvent): HistoryIncrement {
  const score = Math.min(1, Math.max(0, event.attackScore));
  const decisive = event.decisive ?? event.blocked;
  return {
    clean: !event.blocked && score < CLEAN_BELOW ? 1 : 0,
    decisive: decisive ? 1 : 0,
    evidence: decisive ? score : 0,
    newAttacker: decisive && event.newAttacker === true ? 1 : 0,
    blocks: event.blocked ? 1 : 0,
    digest: event.digest ?? '',
  };
}

export function decayFactor(from: number, to: number, halfLifeMs: number): number {
  const dt = to - from;
  // Clocks of several instances disagree a little: never grow a history backwards.
  return dt <= 0 ? 1 : Math.pow(2, -dt / halfLifeMs);
}

/** A decisive attack counts unless it repeats the previous attack exactly (a retried form, a reloaded page). */
function counts(history: SourceHistory | undefined, inc: HistoryIncrement): boolean {
  if (inc.decisive === 0) return false;
  return inc.digest === '' || history === undefined || history.digest !== inc.digest;
}

export function applyEvent(history: SourceHistory | undefined, event: ReputationEvent, halfLifeMs: number): SourceHistory {
  const inc = incrementOf(event);
  const counted = counts(history, inc) ? 1 : 0;
  if (history === undefined) {
    return {
      requests: 1,
      clean: inc.clean,
      attacks: counted,
      evidence: counted * inc.evidence,
      attackers: counted * inc.newAttacker,
      blocks: inc.blocks,
      cleanSince: inc.clean,
      digest: inc.decisive === 1 ? inc.digest : '',
      firstSeen: event.at,
      updatedAt: event.at,
    };
  }
  const f = decayFactor(history.updatedAt, event.at, halfLifeMs);
  return {
    requests: history.requests * f + 1,
    clean: history.clean * f + inc.clean,
    attacks: history.attacks * f + counted,
    evidence: history.evidence * f + counted * inc.evidence,
    attackers: history.attackers * f + counted * inc.newAttacker,
    blocks: history.blocks * f + inc.blocks,
    cleanSince: inc.decisive === 1 ? 0 : history.cleanSince + inc.clean,
    digest: inc.decisive === 1 ? inc.digest : history.digest,
    firstSeen: Math.min(history.firstSeen, event.at),
    updatedAt: Math.max(history.updatedAt, event.at),
  };
}

/**
 * Hostility in [0, 1] from a decayed count: 0 below `min − 1`, rising linearly to 1 at `min`, and
 * divided by e for every `recovery` clean requests since the last attack. So `min` fresh attacks make
 * a key fully hostile, `min − 1` never do, and hostility ends when the count decays below `min − 1`
 * (about 0.58 half-lives after exactly `min` attacks) or after a few dozen clean requests.
 */
export function hostilityOf(count: number, min: number, cleanSince: number, recovery: number): number {
  const raw = Math.max(0, Math.min(1, count - (min - 1)));
  return raw === 0 ? 0 : raw * Math.exp(-cleanSince / recovery);
}

/**
 * score = benefit·(1 − hostility) − hostility, in [−1, 1]:
 *   hostility = hostilityOf(counted attacks, minAttacks, clean since the last attack)
 *   benefit   = (1 − e^(−cleanMass / cleanRequestsScale)) · min(1, age / maturity)
 * A new source is 0; only several recent decisive attacks pull toward −1, and they fade with the
 * half-life and with clean traffic; a clean source earns up to +1 only with many requests *and* time,
 * so an attacker cannot warm up in a burst.
 */
export function reputationOf(key: string, history: SourceHistory | undefined, now: number, params: HistoryParams, trusted: boolean): Reputation {
  if (history === undefined) {
    return { key, score: trusted ? 1 : 0, requests: 0, attacks: 0, blocks: 0, trusted, clean: 0, attackEvidence: 0, attackers: 0, cleanSinceAttack: 0 };
  }
  const f = decayFactor(history.updatedAt, now, params.halfLifeMs);
  const attacks = history.attacks * f;
  const hostility = hostilityOf(
    attacks,
    params.minAttacks ?? HOSTILITY_DEFAULTS.minAttacks,
    history.cleanSince,
    params.recoveryCleanRequests ?? HOSTILITY_DEFAULTS.recoveryCleanRequests,
  );
  const age = Math.max(0, now - history.firstSeen);
  const maturity = params.maturityMs <= 0 ? 1 : Math.min(1, age / params.maturityMs);
  const clean = history.clean * f;
  const benefit = (1 - Math.exp(-clean / params.cleanRequestsScale)) * maturity;
  const score = trusted ? 1 : Math.max(-1, Math.min(1, benefit * (1 - hostility) - hostility));
  return {
    key,
    score,
    requests: history.requests * f,
    attacks,
    blocks: history.blocks * f,
    trusted,
    clean,
    attackEvidence: history.attacks > 0 ? history.evidence / history.attacks : 0,
    attackers: history.attackers * f,
    cleanSinceAttack: history.cleanSince,
  };
}
