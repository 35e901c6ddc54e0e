import { describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { MemoryBudget, TARGET_BYTES } from '../../src/inspect/memory-budget.js';
import { finishNow, UNTIMED } from '../../src/inspect/work-clock.js';
import { rawRequest } from './raw-request.js';

const ATTACK = "' UNION SELECT password FROM users--";
const MiB = 1_048_576;
const inspect = createInspector();

/** A form of `n` fields, the attack last. */
const form = (n: number): string => `${Array.from({ length: n }, (_, i) => `f${i}=hello+${i}`).join('&')}&q=${encodeURIComponent(ATTACK)}`;
const formRequest = (n: number) => rawRequest('POST', '/api/import', [['Content-Type', 'application/x-www-form-urlencoded']], form(n));
const withBudget = (raw: ReturnType<typeof formRequest>, mib: number): Inspection => finishNow(inspect.steps(raw, UNTIMED, mib * MiB));
const withoutIdentity = ({ id: _id, receivedAt: _at, ...rest }: Inspection) => rest;

describe('the memory budget of one inspection', () => {
  it('changes nothing for a request within it', () => {
    const raw = formRequest(3000);
    expect(withoutIdentity(withBudget(raw, 32))).toEqual(withoutIdentity(inspect(raw)));
  });

  it('stops taking targets once the estimate would pass it, and says memoryBudgetMb left the rest uncovered', () => {
    const raw = formRequest(20_000);
    const cut = withBudget(raw, 1);
    expect(cut.limits?.uncovered).toEqual(['memoryBudgetMb']);
    // The walk stopped well before the end: the attack in the last field is no target (the raw buffers still hold it).
    expect(cut.targets.some((t) => t.raw.includes('UNION'))).toBe(false);
    expect(cut.targets.length).toBeLessThan(inspect(raw).targets.length / 2);
    expect(cut.buffers.clientBody).toContain(encodeURIComponent(ATTACK));
  });

  it("counts the body's text copy: a budget smaller than it stops the walk before the first body field", () => {
    const raw = formRequest(20_000);
    const cut = withBudget(raw, raw.body.length / 2 / MiB);
    expect(cut.targets.filter((t) => t.location === 'body')).toEqual([]);
    expect(cut.limits?.uncovered).toEqual(['memoryBudgetMb']);
  });

  it('estimates a target at its fixed cost plus the chars of its name, value and decoded forms', () => {
    const budget = new MemoryBudget(Infinity);
    budget.chargeTarget('q', 'a%20b', ['a b']);
    budget.chargeText(1000);
    expect(budget.used).toBe(TARGET_BYTES + 1 + 5 + 32 + 3 + 1000);
    expect(new MemoryBudget(100).wouldExceed(101)).toBe(true);
    expect(new MemoryBudget(100).wouldExceed(100)).toBe(false);
  });
});
