import { describe, expect, it } from 'vitest';
import { scavengeSummary, scavengesOf } from '../../bench/lib/gc-trace.js';

// Two lines as V8 (Node 20) writes them with --trace-gc-nvp, shortened to the fields read and a few around them.
const SCAVENGE =
  '[25927:0xcf4aa20]      107 ms: pause=3.4 mutator=22.4 gc=s reduce_memory=0 scavenge=3.36 scavenge.parallel=2.98 allocated=911176 promoted=496744 new_space_survived=217864 nodes_died_in_new=4 promotion_rate=96.1%';
const MARK_COMPACT = '[25927:0xcf4aa20]      911 ms: pause=16.9 mutator=410.2 gc=mc reduce_memory=0 promoted=0 new_space_survived=0';

describe('scavengesOf', () => {
  it('reads each scavenge pause and the bytes it copied (survived in the young generation plus promoted)', () => {
    expect(scavengesOf(`${SCAVENGE}\n${MARK_COMPACT}\n{"level":30,"msg":"listening"}\n${SCAVENGE.replace('pause=3.4', 'pause=7.0')}`)).toEqual([
      { pauseMs: 3.4, copiedBytes: 217864 + 496744 },
      { pauseMs: 7, copiedBytes: 217864 + 496744 },
    ]);
  });

  it('skips a scavenge line cut short (no byte counts)', () => {
    expect(scavengesOf('[1:0x1]  5 ms: pause=1.0 mutator=2.0 gc=s reduce_memory=0')).toEqual([]);
  });
});

describe('scavengeSummary', () => {
  it('gives the count, the total and the median / p90 / max of pauses and MiB copied', () => {
    const line = scavengeSummary([1, 2, 3, 4].map((i) => ({ pauseMs: i, copiedBytes: i * 1_048_576 })));
    expect(line).toBe('4 scavenges, 10 ms in all; pause p50 / p90 / max 2.0 / 4.0 / 4.0 ms; copied p50 / p90 / max 2.00 / 4.00 / 4.00 MiB');
  });

  it('says so when nothing was traced', () => {
    expect(scavengeSummary([])).toBe('no scavenge traced');
  });
});
