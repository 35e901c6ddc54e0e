import { describe, expect, it } from 'vitest';
import { reloadableGates, quietLog } from '../src/assemble.js';
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
