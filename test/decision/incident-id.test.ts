import { describe, expect, it } from 'vitest';
import { incidentIdTime, newIncidentId } from '../../src/decision/incident-id.js';

describe('newIncidentId', () => {
  it('is short, lower-case base32, and carries its creation time', () => {
    const id = newIncidentId(1_700_000_000_123);
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{18}$/);
    expect(incidentIdTime(id)).toBe(1_700_000_000_123);
  });

  it('sorts as a string in time order', () => {
    const ids = [5, 1_000, 1_700_000_000_000, 1_700_000_000_001, 4_102_444_800_000].map((t) => newIncidentId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat within the same millisecond', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(newIncidentId(1_700_000_000_000));
    expect(seen.size).toBe(20_000);
  });

  it('refuses text that is not an id', () => {
    expect(incidentIdTime('not-an-incident-id')).toBeNull();
    expect(incidentIdTime('short')).toBeNull();
  });
});
