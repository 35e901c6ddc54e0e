/** A source's decayed history. `score` is in [-1, 1]: negative = recently hostile, positive = long clean, 0 = new. */
export interface Reputation {
  key: string;
  score: number;
  requests: number;
  attacks: number;
  blocks: number;
  trusted: boolean;
}

/** What a verdict teaches the store about its source. */
export interface ReputationEvent {
  key: string;
  at: number;
  /** Request-level attack evidence in [0,1] (payload score, signature severity). */
  attackScore: number;
  blocked: boolean;
}

export interface ReputationStore {
  get(key: string, now: number): Promise<Reputation>;
  record(event: ReputationEvent): Promise<void>;
  close(): Promise<void>;
}
