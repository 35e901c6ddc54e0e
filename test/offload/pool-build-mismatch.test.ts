import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { InspectionPool } from '../../src/offload/pool.js';

// A thread whose build differs from the event-loop thread's (a rule file edited between the two reads)
// must never judge: it is replaced and rebuilt, and ready() refuses rather than returning a pool that
// would judge with other rules than the ones in force.
const RULE = 'drop http $EXTERNAL_NET any -> $HOME_NET any (msg:"m"; flow:to_server,established; content:"mismatch-marker"; http_client_body; sid:1000201; rev:1;)\n';

let pool: InspectionPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('an inspection worker thread that builds other rules than the event loop', () => {
  it('is never offered a request: it is replaced, the failure logged, and ready() fails with WARDEN_OFFLOAD_LOAD_FAILED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-offload-mismatch-'));
    writeFileSync(join(dir, 'local.rules'), RULE);
    writeFileSync(
      join(dir, 'warden.yaml'),
      'upstream: http://127.0.0.1:9\nlisten: 127.0.0.1:0\nmodel: { enabled: false }\nreputation: { enabled: false }\nrules: { bundled: false, files: [local.rules], strict: true }\n',
    );
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const errors: object[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (fields: object) => errors.push(fields) };
    // What the event-loop thread "built": two rules, where the file (and so the thread) has one.
    pool = InspectionPool.start(config, { signatures: '2 rules (2 accepted, 0 with warnings, 0 rejected)', model: 'off', schema: 'off' }, { log, metrics: new WardenMetrics() });
    await expect(pool!.ready(3_000)).rejects.toMatchObject({ code: 'WARDEN_OFFLOAD_LOAD_FAILED' });
    expect(pool!.takes(1_048_576)).toBe(false);
    // On a busy machine ready() may give up before the first build has even failed: wait for it, bounded.
    for (let i = 0; i < 600 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pool!.takes(1_048_576)).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ event: 'offload', reason: 'error' });
  }, 60_000);
});
