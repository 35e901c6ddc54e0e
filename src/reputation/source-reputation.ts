import type { Reputation, ReputationEvent, ReputationStore } from './types.js';
import { hostilityOf, type HistoryParams } from './history.js';
import type { SourceIdentity, SourceKeys, SourceView } from './source-key.js';

export interface CombineParams extends Required<Pick<HistoryParams, 'minAttackers' | 'recoveryCleanRequests'>> {
  /** Clean requests after which a client is judged on its own history only. */
  establishedClean: number;
  /** Share of the address's recent requests that must be new attackers' attacks before the address is hostile. */
  minAttackShare: number;
}

/** What one request's lookup found: both histories and the reputation the decision uses. */
export interface SourceLookup {
  keys: SourceKeys;
  client: Reputation;
  address: Reputation | null;
  combined: Reputation;
}

/** The part of an event the pipeline knows; keys and `newAttacker` are filled per key. */
export type SourceOutcome = Omit<ReputationEvent, 'key' | 'newAttacker'>;

/**
 * The reputation a request is judged with. A client is hostile only by its own attacks. Its address
 * makes it hostile only when several distinct clients attacked from it recently, those attacks are a
 * large share of the address's traffic (`minAttackShare`), *and* the client has no clean history of
 * its own yet: an attacker rotating user agents or cookies behind one address is caught, while the
 * occasional false positives of a busy NAT's many users never add up, and a session that has already
 * shown itself clean never pays for its neighbours.
 */
export function combineSourceReputation(client: Reputation, address: Reputation | null, params: CombineParams): Reputation {
  if (client.trusted) return client;
  if (client.score < 0) return { ...client, hostileScope: 'client' };
  // Rounded: three clean requests a second ago are still three, not 2.9997 after decay.
  if (address === null || Math.round(client.clean) >= params.establishedClean) return client;
  if (address.requests <= 0 || address.attackers / address.requests < params.minAttackShare) return client;
  const h = hostilityOf(address.attackers, params.minAttackers, address.cleanSinceAttack, params.recoveryCleanRequests);
  if (h === 0) return client;
  return {
    ...client,
    key: address.key,
    score: Math.max(-1, client.score * (1 - h) - h),
    attacks: address.attacks,
    attackEvidence: address.attackEvidence,
    attackers: address.attackers,
    cleanSinceAttack: address.cleanSinceAttack,
    hostileScope: 'address',
  };
}

/** A client with fewer recent counted attacks than this is a new attacker at its address when it attacks. */
const KNOWN_ATTACKER = 0.5;

/** The pipeline's reputation slot: which keys a request has, what they say, and what the outcome teaches them. */
export class SourceReputation {
  readonly store: ReputationStore;
  private readonly identity: Pick<SourceIdentity, 'keysOf'>;
  private readonly params: CombineParams;

  constructor(store: ReputationStore, identity: Pick<SourceIdentity, 'keysOf'>, params: CombineParams) {
    this.store = store;
    this.identity = identity;
    this.params = params;
  }

  keysOf(inspection: SourceView): SourceKeys {
    return this.identity.keysOf(inspection);
  }

  async lookup(keys: SourceKeys, now: number): Promise<SourceLookup> {
    const [client, address] = await Promise.all([
      this.store.get(keys.client, now),
      keys.address === null ? Promise.resolve(null) : this.store.get(keys.address, now),
    ]);
    return { keys, client, address, combined: combineSourceReputation(client, address, this.params) };
  }

  /** `client` is the client's reputation read before this request (null when the lookup failed). */
  async record(keys: SourceKeys, client: Reputation | null, outcome: SourceOutcome): Promise<void> {
    const writes = [this.store.record({ ...outcome, key: keys.client })];
    if (keys.address !== null) {
      const newAttacker = (client?.attacks ?? 0) < KNOWN_ATTACKER;
      // The address's digest is the client: a burst of parallel requests from one scanner (all read
      // before any was recorded) counts as one new attacker, not as many.
      writes.push(this.store.record({ ...outcome, key: keys.address, newAttacker, digest: keys.client }));
    }
    await Promise.all(writes);
  }
}
