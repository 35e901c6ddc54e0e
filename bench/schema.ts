/**
 * Per-request cost of the schema gate (gate 3) against a generated 640-operation OpenAPI 3.1 spec.
 * Inspections are built once up front, so only `gate.evaluate` is measured: route lookup,
 * parameter deserialization and validation, JSON body parse and validation.
 * Run: npx tsx bench/schema.ts   (figures in µs; median and p99 of per-call latency)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { RawRequest } from '../src/inspect/types.js';
import { loadSchemaGate } from '../src/schema/index.js';
import { generateLargeSpec } from '../test/fixtures/openapi/generate-large-spec.js';

const specFile = join(mkdtempSync(join(tmpdir(), 'warden-bench-schema-')), 'large.json');
writeFileSync(specFile, JSON.stringify(generateLargeSpec(80)));
const loadStarted = performance.now();
const gate = await loadSchemaGate({ spec: specFile });
const loadMs = performance.now() - loadStarted;
const [spec] = gate.specs();

const source = { ip: '198.51.100.20', port: 51234, peerIp: '198.51.100.20' };
const apiHeaders = ['Host', 'api.example.com', 'User-Agent', 'okhttp/4.12.0', 'Accept', 'application/json', 'Authorization', 'Bearer 2f6c1b0e9a8d4c7f'];

function inspect(method: string, url: string, body?: object) {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const headers = body === undefined ? apiHeaders : [...apiHeaders, 'Content-Type', 'application/json', 'Content-Length', String(payload.length)];
  const raw: RawRequest = { method, url, httpVersion: '1.1', rawHeaders: headers, body: payload, bodyTruncated: false, source };
  return buildInspection(raw);
}

const product = {
  name: 'Trail running shoe',
  description: 'Lightweight shoe with a rock plate, for long distances on technical ground.',
  price: { amount: 129.9, currency: 'EUR' },
  tags: ['running', 'trail', 'outdoor'],
  status: 'active',
  createdAt: '2024-05-01T10:00:00Z',
};

const cases = {
  'valid GET, 5 query params (list, res57)': inspect('GET', '/api/v2/res57?limit=20&offset=40&q=blue&status=active&status=draft'),
  'valid GET, 2 path params (res79 nested)': inspect('GET', '/api/v2/res79/42/notes/6f1c2a4e-8b7d-4c1e-9f3a-2b5d7e9c1a3f'),
  'valid POST, JSON body (~250 B)': inspect('POST', '/api/v2/res57', product),
  'invalid POST, bad nested field': inspect('POST', '/api/v2/res57', { ...product, price: { amount: 1, currency: 'euro' } }),
  'invalid GET, limit out of range': inspect('GET', '/api/v2/res57?limit=500'),
  'undeclared path (404)': inspect('GET', '/api/v2/nope/1'),
};

for (const [name, inspection] of Object.entries(cases)) {
  const { violations } = gate.evaluate(inspection);
  const expectInvalid = !name.startsWith('valid');
  if ((violations.length > 0) !== expectInvalid) throw new Error(`bench case "${name}" gave ${JSON.stringify(violations)}`);
}

const bench = new Bench({ time: 1500, warmup: true });
for (const [name, inspection] of Object.entries(cases)) bench.add(name, () => void gate.evaluate(inspection));
await bench.run();

console.log(`spec: ${spec.operations.length} operations, ${spec.validatorCount} distinct validators, loaded and compiled in ${loadMs.toFixed(0)} ms`);
console.table(
  bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') return { task: task.name, state: result.state };
    const { latency } = result;
    return {
      task: task.name,
      'median µs': Number((latency.p50 * 1000).toFixed(2)),
      'p99 µs': Number((latency.p99 * 1000).toFixed(2)),
      'mean µs': Number((latency.mean * 1000).toFixed(2)),
      samples: latency.samplesCount,
    };
  }),
);
