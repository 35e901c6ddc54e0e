/**
 * The same files and ports load the same rules, rule by rule, on the event loop and in an inspection
 * thread, and again on a reload that finds the first load's caches (compiled pcres, parses). A thread
 * whose count differs fails the reload for nothing (pool.ts compares the counts); an operator would see
 * rules come and go. (Session 32: counts that changed between bench runs came from the bench's random
 * ports, test/bench/served-port-band.test.ts; this pins that nothing else does.) The two packs of
 * ../shared/signatures-corpus the benches load, skipped when absent: ~15 s of CPU at load 7.
 */
import { describe, expect, it } from 'vitest';
import { startWorkerModule } from '../../src/worker-module.js';
import { BUNDLED_RULES } from '../../src/assemble.js';
import { SIGNATURES_CORPUS } from './corpus-location.js';
import { ruleStatuses, type RuleStatuses } from './rule-statuses-thread.js';

describe.skipIf(SIGNATURES_CORPUS === null)('rule set determinism (ET Open Suricata 5 + Snort 3 community + bundled)', () => {
  it('gives every rule the same status on this thread, again with warm caches, and in a worker thread', async () => {
    const paths = [BUNDLED_RULES, `${SIGNATURES_CORPUS}/et-open-suricata-5.0`, `${SIGNATURES_CORPUS}/snort3-community`];
    const servedPorts = [8000, 80, 8080];
    const worker = startWorkerModule(import.meta.url, 'rule-statuses-thread', { workerData: { paths, servedPorts } });
    try {
      const inThread = new Promise<RuleStatuses>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const first = await ruleStatuses(paths, servedPorts, false);
      const reloaded = await ruleStatuses(paths, servedPorts, true);
      const thread = await inThread;
      expect(first.rows.length).toBeGreaterThan(15_000);
      const differing = (other: RuleStatuses): string[] => other.rows.filter((row, i) => row !== first.rows[i]).slice(0, 10);
      expect(differing(reloaded)).toEqual([]);
      expect(differing(thread)).toEqual([]);
      expect([reloaded.rows.length, thread.rows.length]).toEqual([first.rows.length, first.rows.length]);
      expect([reloaded.ruleCount, thread.ruleCount]).toEqual([first.ruleCount, first.ruleCount]);
    } finally {
      await worker.terminate();
    }
  }, 180_000);
});
