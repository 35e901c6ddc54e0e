import { describe, expect, it } from 'vitest';
import { cacheFlusher } from '../../bench/lib/cache-flush.js';

describe('cacheFlusher (gates-ab --flush-mb / --flush-stride)', () => {
  it('writes one byte in every 64-byte line by default', () => {
    expect(cacheFlusher(1)!()).toBe(16_384);
  });

  it('writes one byte per 4 KiB page with stride 4096, so only the TLB and page-table lines are churned', () => {
    expect(cacheFlusher(2, 4096)!()).toBe(512);
  });

  it('is null for 0 MB and refuses a stride that is not a positive integer', () => {
    expect(cacheFlusher(0)).toBeNull();
    expect(() => cacheFlusher(1, 0)).toThrow(/positive integer/);
    expect(() => cacheFlusher(1, 1.5)).toThrow(/positive integer/);
  });
});
