import { describe, expect, it } from 'vitest';
import { buildScenarios } from '../../bench/lib/scenarios.js';
import { loadVariant } from '../../bench/lib/pipeline-cpu.js';

describe('pipeline-cpu variants (bench/pipeline-cpu.ts)', () => {
  it('runs each variant with its own gates: gates off blocks none of the attack mix, full blocks it and passes the benign GET', async () => {
    const scenarios = await buildScenarios();
    const attacks = scenarios.find((s) => s.name === 'attack-mix')!.requests;
    const get = scenarios.find((s) => s.name === 'get-query')!.requests;
    const off = await loadVariant('off');
    const full = await loadVariant('full');
    const offRun = await off.run(attacks, attacks.length, 8);
    const fullRun = await full.run(attacks, attacks.length, 8);
    expect(offRun).toMatchObject({ requests: attacks.length, blocked: 0 });
    expect(fullRun.blocked).toBeGreaterThanOrEqual(Math.floor(attacks.length * 0.9));
    expect(fullRun.cpuUsPerRequest).toBeGreaterThan(0);
    // Not a count of one request repeated: a partial batch (10 = 8 + 2) runs every request once.
    const benign = await full.run(get, 10, 8);
    expect(benign).toMatchObject({ requests: 10, blocked: 0 });
  }, 120_000);
});
