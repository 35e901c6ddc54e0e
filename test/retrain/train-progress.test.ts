import { describe, expect, it } from 'vitest';
import { trainingProgressLine } from '../../src/retrain/train-from-logs.js';

describe('training progress line', () => {
  it('shows epoch, bar, percentage and an ETA from the elapsed time and the share done', () => {
    // Half of epoch 1 of 2 done in 10 s: a quarter of the run, so 30 s to go.
    expect(trainingProgressLine({ epoch: 1, epochs: 2, batch: 50, batches: 100, loss: 0.1234, elapsedMs: 10_000 })).toBe(
      'epoch 1/2 [#####               ] 25 % loss 0.1234 10 s, ETA 30 s',
    );
    expect(trainingProgressLine({ epoch: 2, epochs: 2, batch: 100, batches: 100, loss: 0.05, elapsedMs: 40_000 })).toMatch(/100 % .* ETA 0 s$/);
  });
});
