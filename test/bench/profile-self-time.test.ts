import { describe, expect, it } from 'vitest';
import { selfTimes, type CpuProfile } from '../../bench/lib/profile-self-time.js';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('selfTimes (bench/proxy-profile.ts)', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('scan', 'file:///repo/dist/signatures/a.js', 9) },
      { id: 4, callFrame: frame('request', 'file:///repo/node_modules/undici/lib/core/request.js', 40) },
      { id: 5, callFrame: frame('', 'file:///repo/dist/pipeline.js', 3) },
    ],
    // The first two samples (100 µs) are start-up, before the window.
    samples: [3, 3, 3, 4, 2, 3, 5],
    timeDeltas: [50, 50, 10, 20, 30, 10, 5],
  };

  it('gives each sample in the window to the function on top of its stack, by function and by file', () => {
    const { rows, files, totalUs } = selfTimes(profile, '/repo', 70);
    expect(totalUs).toBe(75);
    expect(rows).toEqual([
      ['(idle)', 30],
      ['scan dist/signatures/a.js:10', 20],
      ['request npm:undici:41', 20],
      ['(anonymous) dist/pipeline.js:4', 5],
    ]);
    expect(files).toContainEqual(['npm:undici', 20]);
    expect(files).toContainEqual(['dist/signatures/a.js', 20]);
  });

  it('counts the whole profile when the window is longer', () => {
    expect(selfTimes(profile, '/repo', 1e9).rows[0]).toEqual(['scan dist/signatures/a.js:10', 120]);
  });
});
