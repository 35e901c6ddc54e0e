import { describe, expect, it } from 'vitest';
import { createReputation, createReputationStore } from '../../src/reputation/create-store.js';
import { resolveReputationConfig } from '../../src/reputation/config.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import type { Inspection } from '../../src/inspect/types.js';

describe('createReputation', () => {
  it('is null when reputation is disabled', () => {
    expect(createReputation(resolveReputationConfig({ enabled: false }))).toBeNull();
  });

  it('wires a memory store by default, with trusted sources recognised through the identity', async () => {
    const wiring = createReputation(resolveReputationConfig({ trustedSources: ['192.0.2.0/24'] }), ['10.0.0.0/8'])!;
    expect(wiring.store).toBeInstanceOf(MemoryReputationStore);
    const source = wiring.identity.resolveSource('10.0.0.1', 1, ['X-Forwarded-For', '192.0.2.9']);
    const keys = wiring.slot.keysOf({ source, headerMap: new Map() } as unknown as Inspection);
    expect(keys.address).toBe('ip:192.0.2.9');
    expect(keys.client).toMatch(/^ip:192\.0\.2\.9\|fp:[0-9a-f]{16}$/);
    expect(await wiring.store.get(keys.client, Date.now())).toMatchObject({ trusted: true, score: 1 });
    await wiring.store.close();
  });

  it('builds the store the config names', async () => {
    const store = createReputationStore(resolveReputationConfig({ store: 'memory', maxEntries: 5 }));
    expect(store).toBeInstanceOf(MemoryReputationStore);
    await store.close();
  });
});
