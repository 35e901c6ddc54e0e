import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert.js';
import { AlertEvaluator } from '../../src/alerts/evaluator.js';
import type { CountSnapshot } from '../../src/alerts/recorder.js';
import { AlertRecorder } from '../../src/alerts/recorder.js';
import { validateWardenConfig } from '../../src/config/load-config.js';

const SINK = { type: 'webhook', url: 'http://127.0.0.1:1/' };
const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);

/** An evaluator on a simulated clock: each step is one second of counts from one process. */
function harness(rules: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const config = validateWardenConfig({ alerts: { sinks: [SINK], rules, ...extra } }).alerts;
  const sent: Alert[] = [];
  let suppressed = 0;
  const evaluator = new AlertEvaluator(config, { send: (a) => sent.push(a) }, { fired: { inc: () => undefined }, suppressed: { inc: () => suppressed++ } }, 'test-host');
  const recorder = new AlertRecorder(config);
  let now = T0;
  return {
    sent,
    suppressed: () => suppressed,
    recorder,
    evaluator,
    /** One second: `fill` drives the recorder, then the second is evaluated. */
    second(fill: (r: AlertRecorder) => void = () => undefined): void {
      fill(recorder);
      evaluator.ingest('local', recorder.flush(), now);
      now += 1000;
      evaluator.tick(now);
    },
    seconds(n: number, fill: (r: AlertRecorder, i: number) => void = () => undefined): void {
      for (let i = 0; i < n; i++) this.second((r) => fill(r, i));
    },
    event(summary: string): void {
      evaluator.event('reload-failed', 'WARDEN_X', { failures: 1 }, summary, now);
    },
    advance(ms: number): void {
      now += ms;
    },
  };
}

let seq = 0;
const id = (): string => `01kb${String(seq++).padStart(14, '0')}`;
/** `n` requests from `ip`, spread as integers (fractional rates via `i`: every k-th second). */
const from = (r: AlertRecorder, ip: string, n: number): void => {
  for (let k = 0; k < n; k++) r.request(ip, id());
};

describe('source-rate', () => {
  const spike = { id: 'spike', when: 'source-rate', above: '10x-baseline', forSeconds: 30, minRate: 5, baselineSeconds: 600 };

  it('fires once for a source that goes from 1 req/s to 30 req/s, naming the source, its rate and baseline', () => {
    const h = harness([spike]);
    h.seconds(600, (r) => from(r, '198.51.100.1', 1));
    expect(h.sent).toEqual([]);
    h.seconds(30, (r) => from(r, '198.51.100.1', 30));
    expect(h.sent).toHaveLength(1);
    const a = h.sent[0];
    expect(a).toMatchObject({ rule: 'spike', when: 'source-rate', key: '198.51.100.1', severity: 'medium', window: { seconds: 30 } });
    expect(a.counts.baselinePerSecond).toBeCloseTo(1, 1);
    expect(a.counts.ratePerSecond).toBeGreaterThan(10);
    expect(a.summary).toMatch(/^Source 198\.51\.100\.1 sent [\d,]+ requests in the last 30 s \([\d.]+\/s\), [\d.]+x its baseline of 1\.00\/s \(rule spike\)$/);
    expect(a.examples.length).toBe(5);
  });

  it('stays quiet for a 20x rise that is small in absolute terms: 0.1 req/s to 2 req/s is under minRate', () => {
    const h = harness([spike]);
    h.seconds(600, (r, i) => i % 10 === 0 && from(r, '198.51.100.2', 1));
    h.seconds(120, (r) => from(r, '198.51.100.2', 2));
    expect(h.sent).toEqual([]);
  });

  it('does not let the spike raise its own baseline: a 10x rise held for the whole window still fires', () => {
    const h = harness([spike]);
    h.seconds(600, (r) => from(r, '198.51.100.3', 2));
    // 10x + a little: 21/s against a baseline of 2/s; the window's own seconds never feed the baseline.
    h.seconds(30, (r) => from(r, '198.51.100.3', 21));
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].counts.baselinePerSecond).toBeCloseTo(2, 1);
  });

  it('does not fire for a steady busy source, however high its rate, even one busy when Warden starts (warm-up)', () => {
    const h = harness([spike]);
    h.seconds(900, (r) => from(r, '198.51.100.4', 50));
    expect(h.sent).toEqual([]);
  });

  it('fires for a new source flooding from nothing after warm-up, once its window mean reaches minRate', () => {
    const h = harness([spike]);
    h.seconds(60, (r) => from(r, '198.51.100.50', 1));
    h.seconds(2, (r) => from(r, '198.51.100.5', 60));
    expect(h.sent).toEqual([]);
    h.second((r) => from(r, '198.51.100.5', 60));
    // 180 requests in a 30 s window = 6/s ≥ minRate 5 (120 = 4/s was not), no baseline yet.
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].key).toBe('198.51.100.5');
    expect(h.sent[0].summary).toContain('no earlier traffic from it');
  });

  it('sends one alert per source and throttle window, then one more with the count of what was suppressed', () => {
    // A long baseline (1 h) that 40 s bursts barely move, so each burst is a surge of its own.
    const h = harness([{ ...spike, baselineSeconds: 3600 }], { throttleSeconds: 300 });
    h.seconds(3600, (r) => from(r, '198.51.100.6', 1));
    const burst = (): void => h.seconds(40, (r) => from(r, '198.51.100.6', 100));
    const pause = (): void => h.seconds(120, (r) => from(r, '198.51.100.6', 1));
    burst(); // episode 1: sent
    pause();
    burst(); // episode 2, 160 s after the first alert: suppressed
    pause();
    expect(h.sent).toHaveLength(1);
    expect(h.suppressed()).toBe(1);
    burst(); // episode 3, 320 s after: sent, carrying the suppressed count
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1].suppressed.count).toBe(1);
    expect(h.sent[1].suppressed.since).toBe(h.sent[0].at);
    expect(h.sent[1].summary).toMatch(/; 1 more since the last alert$/);
  });

  it('lets a rise that lasts become the baseline: one alert for a surge held for 10 minutes, not one per throttle window', () => {
    const h = harness([spike], { throttleSeconds: 60 });
    h.seconds(600, (r) => from(r, '198.51.100.7', 1));
    h.seconds(600, (r) => from(r, '198.51.100.7', 30));
    expect(h.sent).toHaveLength(1);
    expect(h.suppressed()).toBe(0);
  });

  it('keeps sources apart: two flooding sources fire one alert each', () => {
    const h = harness([spike]);
    h.seconds(60, (r) => from(r, '203.0.113.3', 1));
    h.seconds(5, (r) => {
      from(r, '203.0.113.1', 60);
      from(r, '203.0.113.2', 60);
      from(r, '203.0.113.3', 1);
    });
    expect(h.sent.map((a) => a.key).sort()).toEqual(['203.0.113.1', '203.0.113.2']);
  });
});

describe('block-rate', () => {
  const surge = { id: 'block-surge', when: 'block-rate', above: '5%', forSeconds: 60, minRequests: 20 };

  it('fires when more than 5% of the last 60 s of decisions were blocks, with counts and the newest block ids', () => {
    const h = harness([surge]);
    const blocked: string[] = [];
    h.seconds(60, (r, i) => {
      for (let k = 0; k < 10; k++) r.verdict('allow', id());
      if (i >= 50) {
        const b = id();
        blocked.push(b);
        r.verdict('block', b);
      }
    });
    // 10 blocks in 610 decisions = 1.6%: quiet.
    expect(h.sent).toEqual([]);
    h.seconds(10, (r) => {
      for (let k = 0; k < 10; k++) r.verdict('allow', id());
      for (let k = 0; k < 5; k++) {
        const b = id();
        blocked.push(b);
        r.verdict('monitor', b);
      }
    });
    expect(h.sent).toHaveLength(1);
    const a = h.sent[0];
    expect(a).toMatchObject({ rule: 'block-surge', key: '*', severity: 'high', window: { seconds: 60 } });
    expect(a.counts.percent).toBeGreaterThan(5);
    expect(a.counts.blocks).toBeGreaterThan(0);
    // The newest five blocks at the second it fired.
    expect(a.examples).toHaveLength(5);
    const at = blocked.indexOf(a.examples[0]);
    expect(a.examples).toEqual(blocked.slice(at, at + 5));
    expect(a.summary).toMatch(/^[\d.]+% of [\d,]+ requests were blocked in the last 60 s \(threshold 5%, rule block-surge\)$/);
  });

  it('needs minRequests decisions: 3 blocks of 4 requests is 75% and still quiet', () => {
    const h = harness([surge]);
    h.seconds(1, (r) => {
      r.verdict('allow', id());
      for (let k = 0; k < 3; k++) r.verdict('block', id());
    });
    h.seconds(70);
    expect(h.sent).toEqual([]);
  });
});

describe('events and states', () => {
  it('reload-failed: every failure triggers; one alert per throttle window, the next one counting the suppressed', () => {
    const h = harness([{ id: 'reload', when: 'reload-failed' }], { throttleSeconds: 60 });
    h.event('first');
    h.event('second');
    h.event('third');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({ rule: 'reload', when: 'reload-failed', key: 'WARDEN_X', counts: { failures: 1 }, window: { seconds: 0 } });
    h.advance(61_000);
    h.event('fourth');
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1].suppressed.count).toBe(2);
  });

  it('model-unavailable: fires while any process serves without its model, per error code, again after each throttle window', () => {
    const h = harness([{ id: 'model', when: 'model-unavailable' }], { throttleSeconds: 60 });
    h.recorder.modelState('WARDEN_MODEL_LOAD_FAILED');
    h.seconds(10);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({ key: 'WARDEN_MODEL_LOAD_FAILED', counts: { processes: 1 }, severity: 'high' });
    h.seconds(60);
    expect(h.sent).toHaveLength(2);
    h.recorder.modelState(null);
    h.seconds(120);
    expect(h.sent).toHaveLength(2);
  });

  it('model-unavailable: a model gate that throws fires under the key gate-error', () => {
    const h = harness([{ id: 'model', when: 'model-unavailable' }]);
    h.second((r) => r.gateFailure('model'));
    h.second((r) => r.gateFailure('schema'));
    expect(h.sent.map((a) => [a.key, a.counts.failures])).toEqual([['gate-error', 1]]);
  });

  it('ratelimit-store-down: fires while the rate-limit store is down, per store, again after each throttle window, not once it is back', () => {
    const h = harness([{ id: 'rl-store', when: 'ratelimit-store-down' }], { throttleSeconds: 60 });
    h.seconds(5);
    expect(h.sent).toEqual([]);
    h.recorder.rateLimitStoreState('redis');
    h.seconds(10);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({ rule: 'rl-store', when: 'ratelimit-store-down', key: 'redis', counts: { processes: 1 }, severity: 'high' });
    expect(h.sent[0].summary).toContain('onStoreDown');
    h.seconds(60);
    expect(h.sent).toHaveLength(2);
    h.recorder.rateLimitStoreState(null);
    h.seconds(120);
    expect(h.sent).toHaveLength(2);
  });

  it('ratelimit-store-down: counts the processes that report it, and forgets one that stopped reporting', () => {
    const config = validateWardenConfig({ alerts: { sinks: [SINK], rules: [{ id: 'rl-store', when: 'ratelimit-store-down' }] } }).alerts;
    const sent: Alert[] = [];
    const ev = new AlertEvaluator(config, { send: (a) => sent.push(a) }, { fired: { inc: () => undefined }, suppressed: { inc: () => undefined } }, 'h');
    const snap = (down: string | null): CountSnapshot => ({ requests: 0, blocks: 0, blockExamples: [], sources: [], sourcesUntracked: 0, modelFailures: 0, modelUnavailable: null, limited: [], rateLimitStoreDown: down });
    ev.ingest('worker 1', snap('cluster primary'), T0);
    ev.ingest('worker 2', snap('cluster primary'), T0);
    ev.ingest('worker 3', snap(null), T0);
    ev.tick(T0 + 1000);
    expect(sent.map((a) => [a.key, a.counts.processes])).toEqual([['cluster primary', 2]]);
  });

  it('rate-limited: refusals per limit rule over the window, more than `above`', () => {
    const h = harness([{ id: 'limited', when: 'rate-limited', above: 10, forSeconds: 60 }]);
    h.seconds(5, (r) => {
      for (let k = 0; k < 3; k++) r.rateLimited('login', id());
      r.rateLimited('api', id());
    });
    expect(h.sent.map((a) => [a.key, a.counts.refused])).toEqual([['login', 12]]);
  });

  it('merges the counts of several processes before judging (a cluster primary)', () => {
    const config = validateWardenConfig({ alerts: { sinks: [SINK], rules: [{ id: 'b', when: 'block-rate', above: '50%', minRequests: 10 }] } }).alerts;
    const sent: Alert[] = [];
    const ev = new AlertEvaluator(config, { send: (a) => sent.push(a) }, { fired: { inc: () => undefined }, suppressed: { inc: () => undefined } }, 'h');
    const snap = (requests: number, blocks: number): CountSnapshot => ({
      requests,
      blocks,
      blockExamples: [],
      sources: [],
      sourcesUntracked: 0,
      modelFailures: 0,
      modelUnavailable: null,
      limited: [],
    });
    // Each worker alone: 6 of 12 = 50%, not above; together 13 of 24 > 50%.
    ev.ingest('worker 1', snap(12, 6), T0);
    ev.ingest('worker 2', snap(12, 7), T0);
    ev.tick(T0 + 1000);
    expect(sent).toHaveLength(1);
    expect(sent[0].counts).toMatchObject({ requests: 24, blocks: 13 });
  });
});

describe('the recorder', () => {
  it('counts nothing and keeps no sources when no rule needs them', () => {
    const config = validateWardenConfig({ alerts: { sinks: [SINK], rules: [{ id: 'r', when: 'reload-failed' }] } }).alerts;
    const r = new AlertRecorder(config);
    for (let i = 0; i < 100; i++) {
      r.request(`10.0.0.${i}`, 'x');
      r.verdict('block', 'x');
    }
    expect(r.flush()).toMatchObject({ requests: 0, blocks: 0, sources: [], blockExamples: [] });
  });

  it('caps the distinct sources of one interval and counts the rest as untracked', async () => {
    const { MAX_SOURCES_PER_INTERVAL } = await import('../../src/alerts/recorder.js');
    const config = validateWardenConfig({ alerts: { sinks: [SINK], rules: [{ id: 's', when: 'source-rate', above: '10x-baseline' }] } }).alerts;
    const r = new AlertRecorder(config);
    for (let i = 0; i < MAX_SOURCES_PER_INTERVAL + 500; i++) r.request(`src-${i}`, 'x');
    const snap = r.flush();
    expect(snap.sources).toHaveLength(MAX_SOURCES_PER_INTERVAL);
    expect(snap.sourcesUntracked).toBe(500);
    expect(r.flush().sources).toHaveLength(0);
  });
});

describe('source-rate memory', () => {
  it('tracks at most 10,000 sources however many addresses send, and still fires for a flooding one', async () => {
    const { SourceRateTracker, MAX_TRACKED_SOURCES } = await import('../../src/alerts/source-rate.js');
    const rule = validateWardenConfig({
      alerts: { sinks: [SINK], rules: [{ id: 's', when: 'source-rate', above: '10x-baseline', forSeconds: 5, minRate: 5 }] },
    }).alerts.rules[0] as import('../../src/alerts/config.js').SourceRateRule;
    const tracker = new SourceRateTracker(rule, 3);
    const second = (t: number, sources: [string, number, string[]][]) =>
      tracker.evaluate({ second: t, requests: 0, blocks: 0, blockExamples: [], sources, modelFailures: 0, modelUnavailable: new Map(), limited: [] });
    let fired: string[] = [];
    // 40 seconds of 1,000 new addresses each (one request apiece) and one address flooding from second 20.
    for (let t = 0; t < 40; t++) {
      const batch: [string, number, string[]][] = Array.from({ length: 1000 }, (_, i) => [`a${t}-${i}`, 1, []]);
      if (t >= 20) batch.push(['203.0.113.77', 50, ['x']]);
      fired = fired.concat(second(1_000 + t, batch).map((c) => c.key));
      expect(tracker.tracked).toBeLessThanOrEqual(MAX_TRACKED_SOURCES);
    }
    expect(fired).toContain('203.0.113.77');
    expect(new Set(fired)).toEqual(new Set(['203.0.113.77']));
  });
});
