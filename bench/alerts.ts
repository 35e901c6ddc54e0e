/**
 * What alerting costs: the request-path hooks (src/alerts/recorder.ts) per request, with no rule, with
 * block-rate only, and with source-rate + block-rate over 100 and 10,000 distinct sources per second;
 * and the once-a-second evaluation (flush + merge + every rule) of one second holding 10,000 sources,
 * which runs in the primary with --workers, off the request path.
 * Run: npx tsx bench/alerts.ts   (hooks: µs per 1,000 requests, so ns per request; tick: µs per second evaluated)
 */
import { Bench } from 'tinybench';
import { AlertEvaluator } from '../src/alerts/evaluator.js';
import { AlertRecorder } from '../src/alerts/recorder.js';
import { validateWardenConfig } from '../src/config/load-config.js';
import { newIncidentId } from '../src/decision/incident-id.js';
import { microBenchOptions, printMicroResults } from './lib/micro-harness.js';

const SINK = { type: 'webhook', url: 'http://127.0.0.1:9/' };
const alertsWith = (rules: object[]) => validateWardenConfig({ alerts: { sinks: [SINK], rules } }).alerts;
const SOURCE_RATE = { id: 'spike', when: 'source-rate', above: '10x-baseline', forSeconds: 30 };
const BLOCK_RATE = { id: 'surge', when: 'block-rate', above: '5%' };

// The strings a request already has: its client address and incident id.
const sources = (n: number): string[] => Array.from({ length: n }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
const ids = Array.from({ length: 1024 }, () => newIncidentId());
const BATCH = 1000;

/** 1,000 requests through the hooks, one in 50 blocked; the recorder is flushed every `perSecond` requests, as the 1 s timer would. */
function hooksTask(recorder: AlertRecorder, pool: string[], perSecond: number): () => void {
  let n = 0;
  return () => {
    for (let i = 0; i < BATCH; i++, n++) {
      const id = ids[n & 1023];
      recorder.request(pool[n % pool.length], id);
      recorder.verdict(n % 50 === 0 ? 'block' : 'allow', id);
      if (n % perSecond === perSecond - 1) recorder.flush();
    }
  };
}

const bench = new Bench(microBenchOptions({ time: 1500 }));
bench.add('hooks, no alert rule (x1000 requests)', hooksTask(new AlertRecorder(alertsWith([])), sources(100), 20_000));
bench.add('hooks, block-rate only (x1000)', hooksTask(new AlertRecorder(alertsWith([BLOCK_RATE])), sources(100), 20_000));
bench.add('hooks, source-rate + block-rate, 100 sources/s (x1000)', hooksTask(new AlertRecorder(alertsWith([SOURCE_RATE, BLOCK_RATE])), sources(100), 20_000));
bench.add('hooks, source-rate + block-rate, 10,000 sources/s (x1000)', hooksTask(new AlertRecorder(alertsWith([SOURCE_RATE, BLOCK_RATE])), sources(10_000), 20_000));

// One second of an instance with 10,000 active sources (2 requests each), then the evaluation of that second.
{
  const config = alertsWith([SOURCE_RATE, BLOCK_RATE]);
  const recorder = new AlertRecorder(config);
  const evaluator = new AlertEvaluator(config, { send: () => undefined }, { fired: { inc: () => undefined }, suppressed: { inc: () => undefined } }, 'bench');
  const pool = sources(10_000);
  let now = Date.UTC(2026, 11, 4);
  bench.add(
    'evaluation of one second with 10,000 sources (flush + merge + rules)',
    () => {
      evaluator.ingest('bench', recorder.flush(), now);
      now += 1000;
      evaluator.tick(now);
    },
    {
      // The second's requests are setup, not timed: the hooks rows above price them.
      beforeEach: () => {
        for (const s of pool) {
          recorder.request(s, ids[0]);
          recorder.request(s, ids[1]);
        }
      },
    },
  );
}

await bench.run();
printMicroResults(bench);
