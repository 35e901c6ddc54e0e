import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectionGates, quietLog } from '../../src/assemble.js';
import { loadConfig } from '../../src/config/load-config.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { InspectionPool } from '../../src/offload/pool.js';
import type { FromWorker } from '../../src/offload/protocol.js';

// The first big body starts the thread, which builds the rules in force from nothing; a reload that
// came meanwhile (session 31's first reload after start-up, 22 s with ET Open + Snort 3) was built
// beside it, from nothing too, since nothing of the first build existed yet, and the reload waited for
// both. The thread now builds one load after the other, so the reload's build keeps what the first one
// built, and a reload does not wait for a thread that serves nothing yet.

let pool: InspectionPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('an inspection thread given a reload while it builds the rules of its start', () => {
  it('is not waited for by the reload, then builds it after the first build, keeping its rule set (the same inputs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-offload-order-'));
    writeFileSync(join(dir, 'warden.yaml'), 'upstream: http://127.0.0.1:9\nlisten: 127.0.0.1:0\nmodel: { enabled: false }\nreputation: { enabled: false }\n');
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const built = await inspectionGates(config, quietLog(), new WardenMetrics(false));
    const started = InspectionPool.start(config, built.described, { log: quietLog(), metrics: new WardenMetrics(false), inputs: built.inputs })!;
    pool = started;
    // A body of offload size starts the thread: its first load (generation 1) is posted now.
    expect(started.placeOf(1_048_576)).toBe('unavailable');
    const [worker] = started.workersForTest();
    const loaded: Array<{ generation: number; rulesKept: boolean }> = [];
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'loaded') loaded.push({ generation: m.generation, rulesKept: m.rulesKept });
    });
    // A reload now: the thread serves nothing yet, so the reload does not wait for it (its first build of
    // the bundled rules takes ~1 s; load() answers in turns of microtasks)...
    const generation = await started.load(config, built.described, built.inputs);
    expect(loaded).toEqual([]);
    // ...and once it is in force, the thread builds it after its first build, keeping that build's rules.
    started.activate(generation);
    await started.ready(30_000);
    expect(loaded).toEqual([
      { generation: 1, rulesKept: false },
      { generation, rulesKept: true },
    ]);
    expect(started.takes(1_048_576)).toBe(true);
  }, 60_000);
});
