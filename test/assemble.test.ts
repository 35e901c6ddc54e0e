import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reloadableGates, quietLog, SHIPPED_MODEL } from '../src/assemble.js';
import { validateWardenConfig } from '../src/config/load-config.js';
import { WardenMetrics } from '../src/log/metrics.js';
import { buildInspection } from '../src/inspect/build-inspection.js';
import { rawRequest } from './inspect/raw-request.js';

describe('reloadableGates: a model that fails to load', () => {
  const config = (onLoadError: string) =>
    validateWardenConfig({ upstream: 'http://127.0.0.1:9', rules: { bundled: false }, model: { path: '/nonexistent/warden-model', onLoadError } });

  it('falls back to signatures only, and every model result names the missing model', async () => {
    const log = quietLog();
    const { gates, described } = await reloadableGates(config('signatures-only'), log, new WardenMetrics(false));
    expect(described.model).toMatch(/^unavailable \(WARDEN_MODEL_\w+\), signatures only$/);
    expect(log.failures.join('\n')).toMatch(/payload model failed to load/);
    const result = await gates.model!.evaluate(buildInspection(rawRequest('GET', "/s?q=1'+or+'1'='1", [['Host', 'x']])), { hits: [], candidates: 0 });
    expect(result.scores).toEqual([]);
    expect(result.modelVersion).toMatch(/^unavailable:WARDEN_MODEL_\w+$/);
  });

  it('refuses to start when configured to', async () => {
    await expect(reloadableGates(config('refuse'), quietLog(), new WardenMetrics(false))).rejects.toThrow(/nonexistent/);
  });
});

describe('reloadableGates: a reload whose inputs did not change keeps the gates it has', () => {
  const modelDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-model-reuse-'));
    cpSync(SHIPPED_MODEL, dir, { recursive: true });
    return dir;
  };

  it('keeps the compiled rules and the loaded model; an edited setting, rule file or model file builds anew', async () => {
    const dir = modelDir();
    const rulesDir = mkdtempSync(join(tmpdir(), 'warden-rules-reuse-'));
    const rules = join(rulesDir, 'local.rules');
    writeFileSync(rules, 'drop http any any -> any any (msg:"one"; content:"forbidden-one"; http_uri; sid:1000001; rev:1;)\n');
    const config = (extra: Record<string, unknown> = {}) =>
      validateWardenConfig({ upstream: 'http://127.0.0.1:9', rules: { bundled: false, files: [rules], ...extra }, model: { path: dir } });
    const metrics = new WardenMetrics(false);
    const first = await reloadableGates(config(), quietLog(), metrics);
    const same = await reloadableGates(config(), quietLog(), metrics, first.gates);
    expect(same.gates.signatures).toBe(first.gates.signatures);
    expect(same.gates.model).toBe(first.gates.model);
    expect(same.described.signatures).toBe(first.described.signatures);
    expect(same.described.model).toBe(first.described.model);
    // Built without a previous set (another Warden, a start-up): its own gates.
    const other = await reloadableGates(config(), quietLog(), metrics);
    expect(other.gates.signatures).not.toBe(first.gates.signatures);
    expect(other.gates.model).not.toBe(first.gates.model);
    // A setting of the rules: new rules, same model.
    const setting = await reloadableGates(config({ actions: { alert: 'block' } }), quietLog(), metrics, first.gates);
    expect(setting.gates.signatures).not.toBe(first.gates.signatures);
    expect(setting.gates.model).toBe(first.gates.model);
    // An edited rule file: new rules that apply the edit.
    writeFileSync(rules, 'drop http any any -> any any (msg:"two"; content:"forbidden-two"; http_uri; sid:1000002; rev:1;)\n');
    const edited = await reloadableGates(config(), quietLog(), metrics, first.gates);
    expect(edited.gates.signatures).not.toBe(first.gates.signatures);
    const hits = edited.gates.signatures!.evaluate(buildInspection(rawRequest('GET', '/forbidden-two', [['Host', 'x']]))).hits;
    expect(hits.map((h) => h.sid)).toContain(1000002);
    // A model file rewritten in place: the model is loaded again.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'model.json'), later, later);
    const retrained = await reloadableGates(config(), quietLog(), metrics, edited.gates);
    expect(retrained.gates.signatures).toBe(edited.gates.signatures);
    expect(retrained.gates.model).not.toBe(first.gates.model);
  });

  it('does not keep a model that failed to load: the next reload tries again', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'warden-model-later-')), 'model');
    const config = validateWardenConfig({ upstream: 'http://127.0.0.1:9', rules: { bundled: false }, model: { path: missing } });
    const first = await reloadableGates(config, quietLog(), new WardenMetrics(false));
    expect(first.described.model).toMatch(/^unavailable/);
    cpSync(SHIPPED_MODEL, missing, { recursive: true });
    const next = await reloadableGates(config, quietLog(), new WardenMetrics(false), first.gates);
    expect(next.described.model).toMatch(/^payload-v/);
  });
});

describe('reloadableGates: the ports the rules are read for', () => {
  // snort3-community's sid 572 is written `-> $HOME_NET 32771:34000`: a bench whose random upstream port fell
  // there loaded it (8,378 rules, 184 rejected), the next run on other ports did not (8,376, 183), same files.
  it('says which ports the rule set was read for, so two counts from the same files can be told apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-rules-ports-'));
    const rules = join(dir, 'ports.rules');
    writeFileSync(
      rules,
      'alert tcp $EXTERNAL_NET any -> $HOME_NET 32771:34000 (msg:"high port"; flow:to_server; content:"GET /probe"; sid:1000011; rev:1;)\n' +
        'alert http any any -> any any (msg:"any port"; content:"probe"; http_uri; sid:1000012; rev:1;)\n',
    );
    const config = (upstream: string) => validateWardenConfig({ upstream, listen: '127.0.0.1:28010', rules: { bundled: false, files: [rules] }, model: { enabled: false } });
    const low = await reloadableGates(config('http://127.0.0.1:9'), quietLog(), new WardenMetrics(false));
    const high = await reloadableGates(config('http://127.0.0.1:33001'), quietLog(), new WardenMetrics(false));
    expect(low.described.signatures).toBe('1 rules (1 accepted, 0 with warnings, 0 rejected, 1 skipped, 0 of them outbound; read for ports 28010, 80, 9)');
    expect(high.described.signatures).toBe('2 rules (2 accepted, 0 with warnings, 0 rejected, 0 skipped, 0 of them outbound; read for ports 28010, 80, 33001)');
  });
});
