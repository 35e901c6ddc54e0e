/**
 * A key's decayed history as the decision sees it. `score` is in [-1, 1]: negative = hostile (several
 * recent attacks that were decisive on their own), positive = long clean, 0 = new or not proven hostile.
 */
export interface Reputation {
  key: string;
  score: number;
  requests: number;
  /** Decayed count of counted attacks: decisive on their own evidence, not a repeat of the one before. */
  attacks: number;
  blocks: number;
  trusted: boolean;
  /** Decayed count of requests with no attack evidence. */
  clean: number;
  /** Mean evidence (before reputation) of the counted attacks; 0 when none. */
  attackEvidence: number;
  /** Decayed count of distinct clients whose first recent attack came from this key (address keys). */
  attackers: number;
  /** Clean requests since the last counted attack (not decayed): recovery does not wait for the half-life. */
  cleanSinceAttack: number;
  /** Set by `combineSourceReputation`: whose history made the request's source hostile. */
  hostileScope?: 'client' | 'address';
}

/** What a verdict teaches the store about one key. */
export interface ReputationEvent {
  key: string;
  at: number;
  /** Request-level attack evidence in [0,1] before the reputation term. */
  attackScore: number;
  blocked: boolean;
  /**
   * The request's own evidence was decisive: it reached the block threshold without reputation's help,
   * or a block rule matched. Only such requests can make a source hostile. Absent: same as `blocked`.
   */
  decisive?: boolean;
  /** What the attack was (rule, field, scores): an attack identical to the one before it counts once. */
  digest?: string;
  /** Address keys only: the client had no recent counted attack, so it is a new attacker at the address. */
  newAttacker?: boolean;
}

export interface ReputationStore {
  get(key: string, now: number): Promise<Reputation>;
  record(event: ReputationEvent): Promise<void>;
  /** Resolves once a store with a connection to make (Redis) answers, false when it cannot within its connect timeout (src/net/redis-ready.ts). Absent: always ready. */
  whenReady?(): Promise<boolean>;
  close(): Promise<void>;
}
