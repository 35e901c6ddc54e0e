/**
 * Payload model speed: load time, one target scored (typed-array forward pass incl. features), and one
 * request through the model gate (screen + batch + aggregation) on a mixed workload of generated
 * benign requests and requests carrying shared attack payloads, normalized by the real inspector.
 *
 *   npx tsx bench/model.ts [models/payload-v1]
 */
import { Bench } from 'tinybench';
import { loadSharedPayloads, generateBenign } from '../datasets/loaders.js';
import { recordToRawRequest } from '../src/eval/record-request.js';
import type { RequestRecord } from '../src/eval/record.js';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { Inspection } from '../src/inspect/types.js';
import { createModelGate } from '../src/model/gate.js';
import { loadPayloadModel } from '../src/model/load.js';
import { mayCarryAttack } from '../src/model/screen.js';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/warden-process.js';

// Paths from the checkout, not the working directory: the bench runs from anywhere.
const dir = process.argv[2] ?? join(REPO_ROOT, 'models', 'payload-v1');
const t0 = performance.now();
const model = await loadPayloadModel(dir);
const loadMs = performance.now() - t0;

const benign = generateBenign({ seed: 99, scale: 0.05 });
const attacks = loadSharedPayloads(join(REPO_ROOT, '..', 'shared', 'datasets')).payloads.filter((p) => p.label === 'attack');
const records: RequestRecord[] = [...benign];
// One request in ten carries an attack in a query parameter: a mixed workload, mostly benign.
for (let i = 0; i < benign.length / 10; i++) {
  const p = attacks[(i * 7919) % attacks.length];
  records.push({ ...benign[i], id: `atk-${i}`, label: 'attack', query: `q=${encodeURIComponent(p.text)}` });
}
const inspections: Inspection[] = records.map((r) => buildInspection(recordToRawRequest(r)));
const forms = inspections.flatMap((x) => x.targets.flatMap((t) => [t.raw, ...t.decoded])).filter(mayCarryAttack);
const gate = createModelGate(model);
const noHits = { hits: [], candidates: 0 };

let targets = 0;
let screened = 0;
for (const x of inspections) {
  const r = await gate.evaluate(x, noHits);
  targets += r.total;
  screened += r.screened;
}

let i = 0;
let j = 0;
const bench = new Bench({ time: 3000, warmupTime: 500 });
bench
  .add('score one screened form (features + forward pass)', () => {
    model.scoreText(forms[i++ % forms.length]);
  })
  .add('one request through the model gate (mixed workload)', async () => {
    await gate.evaluate(inspections[j++ % inspections.length], noHits);
  });
await bench.run();

console.log(`model ${model.version} loaded in ${loadMs.toFixed(1)} ms`);
console.log(`requests ${inspections.length}, targets ${targets}, screened in ${screened} (${((100 * screened) / targets).toFixed(1)} %), forms scored per request ~${(forms.length / inspections.length).toFixed(2)}`);
for (const task of bench.tasks) {
  const r = task.result;
  if (!r || !('latency' in r)) continue;
  const lat = r.latency;
  console.log(`${task.name}: median ${(lat.p50! * 1000).toFixed(1)} µs, p99 ${(lat.p99! * 1000).toFixed(1)} µs, ${Math.round(r.throughput.mean)} ops/s`);
}
