import { createHash } from 'node:crypto';
import type { Verdict } from '../decision/types.js';
import type { RequestRecord } from './record.js';

/**
 * How `warden eval` runs reputation: `off` (records are independent requests), `per-source` (each
 * record comes from its `clientIp`, or from an address derived from its `source` field), or
 * `single-source` (every record from one address: the worst case of a NAT or an unlisted proxy).
 * Records are replayed in order on a virtual clock, so the same records measure the cost and the
 * gain of reputation.
 */
export type EvalReputationMode = 'off' | 'per-source' | 'single-source';
export const EVAL_REPUTATION_MODES: readonly EvalReputationMode[] = ['off', 'per-source', 'single-source'];

/** The one address of `single-source` (TEST-NET-1). */
export const SINGLE_SOURCE_IP = '192.0.2.10';

export function isEvalReputationMode(value: string): value is EvalReputationMode {
  return (EVAL_REPUTATION_MODES as readonly string[]).includes(value);
}

const derived = new Map<string, string>();

/** A stable address in 198.18.0.0/15 (benchmarking range) for a record source without `clientIp`. */
function addressOfSource(source: string): string {
  let ip = derived.get(source);
  if (ip === undefined) {
    const h = createHash('sha256').update(source).digest();
    ip = `198.${18 + (h[0] & 1)}.${h[1]}.${h[2]}`;
    derived.set(source, ip);
  }
  return ip;
}

/** The client address a record is replayed from in `mode`; undefined for `off` (the eval default address). */
export function evalSourceIp(record: RequestRecord, mode: EvalReputationMode): string | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'single-source') return SINGLE_SOURCE_IP;
  return record.clientIp ?? addressOfSource(record.source);
}

/** Blocks that only reputation made: the evidence alone was under the threshold. */
export interface ReputationLifts {
  attack: number;
  benign: number;
  /** Benign requests lifted by their address's hostility (other clients' attacks), not their own. */
  benignByAddress: number;
}

export function newReputationLifts(): ReputationLifts {
  return { attack: 0, benign: 0, benignByAddress: 0 };
}

export function countLift(lifts: ReputationLifts, label: RequestRecord['label'], verdict: Verdict): void {
  const e = verdict.explain;
  if (verdict.action === 'allow' || e.decidedBy !== 'evidence') return;
  if (typeof e.evidence !== 'number' || typeof e.threshold !== 'number' || e.evidence >= e.threshold) return;
  if (label === 'attack') lifts.attack++;
  else {
    lifts.benign++;
    if (e.reputationScope === 'address') lifts.benignByAddress++;
  }
}

export function formatLifts(mode: EvalReputationMode, lifts: ReputationLifts): string {
  return `reputation ${mode}: blocked only because of reputation: ${lifts.attack} attacks, ${lifts.benign} benign (${lifts.benignByAddress} of them by their address's hostility)`;
}
