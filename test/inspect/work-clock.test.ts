import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { finishInSlices, InspectionLane, SliceClock, type WorkClock } from '../../src/inspect/work-clock.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { rawRequest } from './raw-request.js';

const ATTACK = "' UNION SELECT password FROM users--";
const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));

/** A clock that asks for a pause at every chance, and whose budget is spent after `budgetCalls` checks. */
function pausingClock(budgetCalls = Infinity): WorkClock & { pauses: number } {
  let checks = 0;
  return { pauses: 0, due: () => true, dueNow: () => true, spent: () => ++checks > budgetCalls, budgetMs: 5 };
}

/** Runs stepped work to the end, counting its pauses. */
function runCounting<T>(steps: Generator<void, T, void>, clock: { pauses: number }): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    clock.pauses++;
  }
}

const withoutIdentity = (i: Inspection): Omit<Inspection, 'id' | 'receivedAt'> => {
  const { id: _id, receivedAt: _at, ...rest } = i;
  return rest;
};

const b = 'stepBoundary';
const BODIES: Array<[string, string, string]> = [
  ['a form of 3,000 fields, the attack last', 'application/x-www-form-urlencoded', `${Array.from({ length: 3000 }, (_, i) => `f${i}=v+${i}`).join('&')}&q=${encodeURIComponent(ATTACK)}`],
  ['a JSON array of 2,000 objects with the attack 70 levels down', 'application/json', JSON.stringify([...Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a'] })), JSON.parse(`${'{"a":'.repeat(70)}${JSON.stringify(ATTACK)}${'}'.repeat(70)}`)])],
  [
    'a multipart body of 400 parts with a JSON part',
    `multipart/form-data; boundary=${b}`,
    `${Array.from({ length: 400 }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n${i === 3 ? 'Content-Type: application/json\r\n' : ''}\r\n${i === 3 ? JSON.stringify({ q: ATTACK }) : `hello ${i}`}\r\n`).join('')}--${b}--\r\n`,
  ],
  ['malformed JSON', 'application/json', `{"a": [1, 2, ${JSON.stringify(ATTACK)}`],
  [
    'JSON with 100 KB string values, as a key, an array element and the document',
    'application/json',
    JSON.stringify({ a: 'x', long: 'Line "one" & <b>tags</b>\n'.repeat(4000), list: ['y', 'z\t'.repeat(40_000), ATTACK], q: ATTACK }),
  ],
  ['a JSON document that is one long string', 'application/json', JSON.stringify(`${'word '.repeat(20_000)}${ATTACK}`)],
  ['prose', 'text/plain', 'Line one: "quoted" & <b>tags</b>\n'.repeat(2000)],
  ['XML', 'application/xml', `<order>${'<item id="1">book</item>'.repeat(500)}</order>`],
  [
    'XML with a 100 KB text and a 100 KB attribute value, the attack last',
    'application/xml',
    `<doc><note>${'Line "one" &amp; tags\n'.repeat(5000)}</note><x a="${'z&#9;'.repeat(25_000)}"/><q>${ATTACK}</q></doc>`,
  ],
  ['XML of 2,000 elements sent as JSON (the sniff walks it too)', 'application/json', `<order>${Array.from({ length: 2000 }, (_, i) => `<item n="${i}">book ${i}</item>`).join('')}<q>${ATTACK}</q></order>`],
];

describe('inspection in steps', () => {
  const inspect = createInspector();

  it.each(BODIES)('gives the same inspection as at once, pausing at every chance: %s', (_name, contentType, body) => {
    const raw = rawRequest('POST', `/api/import?x=1&q=${encodeURIComponent(ATTACK)}`, [['Content-Type', contentType]], body);
    const clock = pausingClock();
    const stepped = runCounting(inspect.steps(raw, clock), clock);
    expect(withoutIdentity(stepped)).toEqual(withoutIdentity(inspect(raw)));
    expect(clock.pauses).toBeGreaterThan(0);
  });

  it('splits the passes over one long text value (300 KB of prose) into many pauses, with the same inspection', () => {
    const raw = rawRequest('POST', '/api/notes', [['Content-Type', 'text/plain']], 'Line one: "quoted" & <b>tags</b>\n'.repeat(9_000));
    const clock = pausingClock();
    const stepped = runCounting(inspect.steps(raw, clock), clock);
    expect(withoutIdentity(stepped)).toEqual(withoutIdentity(inspect(raw)));
    // 306,000 bytes: its decoding on a turn of its own, 10 pieces of the trigger scan, and the turns between passes (a body
    // labelled text/plain is read as text without the control-byte check, text.ts fieldText; 15 pauses).
    expect(clock.pauses).toBeGreaterThanOrEqual(15);
  });

  it('walks an XML body of 4,000 elements in pauses between elements, with the same inspection', () => {
    const body = `<order>${Array.from({ length: 4000 }, (_, i) => `<item id="${i}">book ${i}</item>`).join('')}<q>${ATTACK}</q></order>`;
    const raw = rawRequest('POST', '/api/orders', [['Content-Type', 'application/xml']], body);
    const clock = pausingClock();
    const stepped = runCounting(inspect.steps(raw, clock), clock);
    expect(withoutIdentity(stepped)).toEqual(withoutIdentity(inspect(raw)));
    // One chance per markup construct (start and end tags): the walk no longer runs in one go.
    expect(clock.pauses).toBeGreaterThanOrEqual(8000);
  });

  it('stops taking targets once the CPU budget is spent, and says cpuBudgetMs left the rest uncovered', () => {
    const raw = rawRequest('POST', '/api/import', [['Content-Type', 'application/x-www-form-urlencoded']], BODIES[0][2]);
    const clock = pausingClock(10);
    const cut = runCounting(inspect.steps(raw, clock), clock);
    const whole = inspect(raw);
    expect(cut.targets.length).toBeLessThan(whole.targets.length / 10);
    expect(cut.limits?.uncovered).toEqual(['cpuBudgetMs']);
    expect(cut.findings.some((f) => f.code === 'WARDEN_INSPECT_LIMIT_REACHED' && f.message.includes('cpuBudgetMs'))).toBe(true);
    expect(whole.limits?.uncovered ?? []).toEqual([]);
  });
});

describe('signature evaluation in steps', () => {
  let gate: CompiledSignatureGate;
  beforeAll(async () => {
    gate = (await loadRuleSet([RULES])).gate;
  });

  it.each(BODIES)('finds the same hits as at once, with a request judged at once between every two steps: %s', (_name, contentType, body) => {
    const inspect = createInspector();
    // Padded past 64 KiB: smaller requests are evaluated at once (next test).
    const inspection = inspect(rawRequest('POST', `/api/import?q=${encodeURIComponent(ATTACK)}`, [['Content-Type', contentType], ['X-Padding', 'a'.repeat(70_000)]], body));
    const other = inspect(rawRequest('GET', '/search?q=%3Cscript%3Ealert(1)%3C/script%3E'));
    const expected = gate.evaluate(inspection);
    const otherExpected = gate.evaluate(other);
    const steps = gate.evaluateInSteps!(inspection, pausingClock());
    let r = steps.next();
    let pauses = 0;
    while (!r.done) {
      // The shared scratch is used in between: the stepped evaluation must not see it.
      expect(gate.evaluate(other)).toEqual(otherExpected);
      pauses++;
      r = steps.next();
    }
    expect(r.value).toEqual(expected);
    expect(pauses).toBeGreaterThan(0);
  });

  it('evaluates a small request at once, on the shared scratch (no allocation per request)', () => {
    const inspection = createInspector()(rawRequest('GET', `/search?q=${encodeURIComponent(ATTACK)}`));
    const steps = gate.evaluateInSteps!(inspection, pausingClock());
    const r = steps.next();
    expect(r.done).toBe(true);
    expect(r.value).toEqual(gate.evaluate(inspection));
  });
});

describe('finishInSlices', () => {
  it('lets the event loop turn between slices, one paused request per turn', async () => {
    const steps = (n: number): Generator<void, number, void> =>
      (function* () {
        for (let i = 0; i < n; i++) yield;
        return n;
      })();
    const clockA = new SliceClock(4, Infinity);
    const clockB = new SliceClock(4, Infinity);
    let turns = 0;
    let probing = true;
    const probe = (): void => {
      turns++;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    const [a, b2] = await Promise.all([finishInSlices(steps(20), clockA), finishInSlices(steps(20), clockB)]);
    probing = false;
    expect([a, b2]).toEqual([20, 20]);
    expect(clockA.slices).toBe(21);
    // 40 pauses taken one per turn: at least ~40 turns of the loop went by.
    expect(turns).toBeGreaterThanOrEqual(38);
  });

  it('lets the event loop turn while a large XML body (12,000 elements) is walked', async () => {
    const body = `<order>${Array.from({ length: 6000 }, (_, i) => `<item><name>book ${i}</name></item>`).join('')}</order>`;
    const raw = rawRequest('POST', '/api/orders', [['Content-Type', 'application/xml']], body);
    // Slices of 0 ms: due() says so at every 8th question, so the pauses count the walk's own chances, not the machine's speed.
    const clock = new SliceClock(0, Infinity);
    let turns = 0;
    let probing = true;
    const probe = (): void => {
      turns++;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    const inspection = await finishInSlices(createInspector().steps(raw, clock), clock);
    probing = false;
    expect(inspection.targets.filter((t) => t.name === '/order/item/name')).toHaveLength(6000);
    // 24,000 tags, a chance at each, a pause at every 8th: thousands of turns (the walk in one go gave a handful).
    expect(clock.slices).toBeGreaterThan(2000);
    expect(turns).toBeGreaterThan(2000);
  });

  it('runs a small request in one slice when its slice is long enough, without waiting for a turn', async () => {
    // A minute: no machine is that slow, so the one slice says the work did not pause on its own.
    const clock = new SliceClock(60_000, Infinity);
    const inspect = createInspector();
    const inspection = await finishInSlices(inspect.steps(rawRequest('GET', '/products?id=42'), clock), clock);
    expect(clock.slices).toBe(1);
    expect(inspection.targets.length).toBeGreaterThan(0);
  });
});

/** Runs `work` and says whether the event loop turned (a setImmediate ran) before it settled. */
async function turnedBefore(work: () => Promise<void>): Promise<boolean> {
  let turned = false;
  // Scheduled first, so a turn the work waits for comes after it.
  const probe = setImmediate(() => {
    turned = true;
  });
  await work();
  clearImmediate(probe);
  return turned;
}

/** A slice that holds the loop at least `ms` of wall time (a slower machine only holds it longer). */
function busySlice(clock: SliceClock, ms: number): void {
  clock.resume();
  const until = performance.now() + ms;
  while (performance.now() < until);
  clock.pause();
}

describe('phase changes (walk, rules, model)', () => {
  it('start the next phase of a request that has waited in the same turn after a short slice, timing the slice from where it began', async () => {
    // A minute-long slice: whatever the machine, the slice so far used far less than half of it.
    const clock = new SliceClock(60_000, Infinity);
    clock.willWait();
    busySlice(clock, 1);
    expect(await turnedBefore(() => clock.nextPhase())).toBe(false);
    clock.resume();
    expect(clock.dueNow()).toBe(false);
    clock.pause();
    expect(clock.slices).toBe(2);
  });

  it('still yield to the event loop after a slice that used half its time or more (a long request keeps taking turns)', async () => {
    const clock = new SliceClock(1, Infinity);
    clock.willWait();
    busySlice(clock, 2);
    expect(await turnedBefore(() => clock.nextPhase())).toBe(true);
  });

  it('keep a continued phase within what is left of the turn slice: due as soon as the slice as a whole is used up', async () => {
    // 400 ms: the phase change comes well within half of it even on a loaded machine.
    const clock = new SliceClock(400, Infinity);
    clock.willWait();
    clock.resume();
    clock.pause();
    expect(await turnedBefore(() => clock.nextPhase())).toBe(false);
    clock.resume();
    const until = performance.now() + 400;
    while (performance.now() < until);
    expect(clock.dueNow()).toBe(true);
    clock.pause();
  });

  it('are never a turn for a request that has not waited, however long its slice', async () => {
    const clock = new SliceClock(1, Infinity);
    busySlice(clock, 2);
    expect(await turnedBefore(() => clock.nextPhase())).toBe(false);
  });
});

describe('the lane of big inspections', () => {
  it('lets them through one at a time, in arrival order, and frees itself when the last leaves', async () => {
    const lane = new InspectionLane();
    const order: string[] = [];
    const run = async (name: string, turnsInside: number): Promise<void> => {
      const waited = await lane.enter();
      order.push(`${name} in${waited ? ' (waited)' : ''}`);
      for (let i = 0; i < turnsInside; i++) await new Promise((r) => setImmediate(r));
      order.push(`${name} out`);
      lane.leave();
    };
    await Promise.all([run('a', 3), run('b', 1), run('c', 2)]);
    expect(order).toEqual(['a in', 'a out', 'b in (waited)', 'b out', 'c in (waited)', 'c out']);
    expect(lane.queued).toBe(0);
    expect(await lane.enter()).toBe(false);
    lane.leave();
  });
});
