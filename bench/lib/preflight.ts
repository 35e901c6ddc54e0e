import { replayRecords } from '../../src/eval/http-replay.js';
import type { RequestRecord } from '../../src/eval/record.js';
import type { Scenario } from './scenarios.js';
import type { Target } from './targets.js';

/** Status counts of each scenario's requests sent once to each target before timing starts. */
export type PreflightStatuses = Record<string, Record<string, Record<string, number>>>;

function asRecords(scenario: Scenario): RequestRecord[] {
  return scenario.requests.map((r, i) => {
    const q = r.path.indexOf('?');
    return {
      id: `${scenario.name}/${i}`,
      source: 'bench',
      label: scenario.expectPass ? 'benign' : 'attack',
      category: scenario.name,
      method: r.method,
      path: q < 0 ? r.path : r.path.slice(0, q),
      query: q < 0 ? '' : r.path.slice(q + 1),
      headers: r.headers,
      ...(r.body !== undefined ? { body: r.body } : {}),
    };
  });
}

/**
 * Sends every request of every scenario once to every target, so the table can say what was
 * measured: a benign scenario answered 403 by one target would otherwise time its block page.
 */
export async function preflight(targets: Target[], scenarios: Scenario[]): Promise<{ statuses: PreflightStatuses; warnings: string[] }> {
  const statuses: PreflightStatuses = {};
  const warnings: string[] = [];
  for (const scenario of scenarios) {
    statuses[scenario.name] = {};
    for (const target of targets) {
      const results = await replayRecords(asRecords(scenario), { target: target.origin, concurrency: 4, timeoutMs: 30_000 });
      const counts: Record<string, number> = {};
      for (const r of results) {
        const key = r.status === null ? 'error' : String(r.status);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      statuses[scenario.name][target.name] = counts;
      const bad = Object.keys(counts).filter((s) => !/^2/.test(s));
      if (scenario.expectPass && bad.length > 0) {
        warnings.push(`${target.name} answered ${bad.join('/')} to the benign scenario ${scenario.name}: its figures time a refusal`);
      }
    }
  }
  return { statuses, warnings };
}
