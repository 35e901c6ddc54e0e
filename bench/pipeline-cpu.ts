/**
 * What the gates add to a request's CPU time, in process, run the way the proxy runs them: 50 requests
 * in flight (the load bench's connections), each scenario's requests in turn, inspection in slices,
 * the pipeline with its clock and reputation. Per variant — gates off (the load bench's warden-off),
 * rules alone, model alone, full (its warden-full) — each its own gates; the variants alternate within
 * a round, the order reversed every other round. Process CPU per request (every thread), median of the
 * rounds, and what each variant adds over gates off.
 *
 * Why: the load bench's full/off ratio moves 0.55-1.09 between rounds on a shared machine, and timing
 * one gate on one request repeated (scenario-stages.ts) shows a fraction of what the gates cost beside
 * the rest of the request path: with other requests' work between two evaluations, the gates' code and
 * tables, and the code beside them, run from colder caches. This measures the added CPU with no socket,
 * upstream or load generator in the process.
 *
 *   npx tsx bench/pipeline-cpu.ts [--scenarios a,b] [--variants off,full] [--in-flight 50] [--requests 10000] [--rounds 5] [--warmup 2000]
 */
import { parseArgs } from 'node:util';
import { buildScenarios } from './lib/scenarios.js';
import { median } from './lib/load-result.js';
import { loadVariant, PIPELINE_VARIANTS, type PipelineVariant, type VariantPipeline } from './lib/pipeline-cpu.js';

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenarios: { type: 'string' },
      variants: { type: 'string', default: PIPELINE_VARIANTS.join(',') },
      'in-flight': { type: 'string', default: '50' },
      requests: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npx tsx bench/pipeline-cpu.ts [--scenarios a,b] [--variants off,rules,model,full] [--in-flight 50] [--requests 10000] [--rounds 5] [--warmup 2000]\n');
    return;
  }
  const variants = values.variants.split(',') as PipelineVariant[];
  const unknown = variants.filter((v) => !PIPELINE_VARIANTS.includes(v));
  if (unknown.length > 0) throw new Error(`--variants: unknown ${unknown.join(', ')} (known: ${PIPELINE_VARIANTS.join(', ')})`);
  if (!variants.includes('off')) throw new Error('--variants must include off (what the others are compared with)');
  const inFlight = positiveInt('in-flight', values['in-flight']);
  const count = positiveInt('requests', values.requests);
  const rounds = positiveInt('rounds', values.rounds);
  const warmup = positiveInt('warmup', values.warmup);
  const wanted = values.scenarios?.split(',');
  const scenarios = (await buildScenarios()).filter((s) => wanted === undefined || wanted.includes(s.name));
  if (scenarios.length === 0) throw new Error(`--scenarios: none of ${values.scenarios} is a bench scenario`);

  const pipelines: VariantPipeline[] = [];
  for (const v of variants) pipelines.push(await loadVariant(v));
  process.stdout.write(`${inFlight} in flight, ${count} requests a round, ${rounds} rounds (after ${warmup} warm-up); process CPU µs per request, median of rounds\n`);
  for (const scenario of scenarios) {
    const cpu = new Map<PipelineVariant, number[]>(variants.map((v) => [v, []]));
    const blocked = new Map<PipelineVariant, number>(variants.map((v) => [v, 0]));
    for (const p of pipelines) await p.run(scenario.requests, warmup, inFlight);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? pipelines : [...pipelines].reverse();
      for (const p of order) {
        const run = await p.run(scenario.requests, count, inFlight);
        cpu.get(p.variant)!.push(run.cpuUsPerRequest);
        blocked.set(p.variant, blocked.get(p.variant)! + run.blocked);
      }
    }
    const off = median(cpu.get('off')!);
    const cells = variants.map((v) => {
      const us = median(cpu.get(v)!);
      const share = `${((100 * blocked.get(v)!) / (count * rounds)).toFixed(0)} % blocked`;
      return v === 'off' ? `off ${us.toFixed(1)} (${share})` : `${v} ${us.toFixed(1)} (${us >= off ? '+' : ''}${(us - off).toFixed(1)}, off/${v} ${(off / us).toFixed(2)}, ${share})`;
    });
    process.stdout.write(`${scenario.name}: ${cells.join('; ')}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`pipeline-cpu: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
