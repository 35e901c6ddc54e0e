/**
 * Worker-thread side of rule-set-determinism.test.ts: loads the rule set the way an inspection thread does
 * (in turns, from its own cold caches) and posts every rule's status.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';

export interface RuleStatuses {
  ruleCount: number;
  /** `file:line gid:sid status code`, in report order. */
  rows: string[];
}

export async function ruleStatuses(paths: readonly string[], servedPorts: number[], inTurns: boolean): Promise<RuleStatuses> {
  const { gate, report } = await loadRuleSet(paths, { servedPorts, ...(inTurns ? { pause: () => nextTurn() } : {}) });
  return { ruleCount: gate.ruleCount, rows: report.entries.map((e) => `${e.file}:${e.line} ${e.gid}:${e.sid} ${e.status} ${e.code ?? ''}`) };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'paths' in workerData) {
  const { paths, servedPorts } = workerData as { paths: string[]; servedPorts: number[] };
  parentPort.postMessage(await ruleStatuses(paths, servedPorts, true));
}
