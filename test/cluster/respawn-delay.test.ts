import { describe, expect, it } from 'vitest';
import { respawnDelayMs } from '../../src/cluster/primary.js';

describe('respawnDelayMs', () => {
  it('waits 100 ms after a first crash and doubles with each crash within the minute', () => {
    expect([1, 2, 3, 4, 5].map(respawnDelayMs)).toEqual([100, 200, 400, 800, 1600]);
  });

  it('never waits more than 10 s, however often a worker crashes', () => {
    expect(respawnDelayMs(8)).toBe(10_000);
    expect(respawnDelayMs(1000)).toBe(10_000);
  });
});
