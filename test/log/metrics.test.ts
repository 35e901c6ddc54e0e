import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WardenMetrics } from '../../src/log/metrics.js';

const metrics = await new WardenMetrics(true).registry.getMetricsAsJSON();
const names = new Set(metrics.map((m) => m.name));

describe('metric names', () => {
  it('follow Prometheus conventions: one warden_ prefix, counters end in _total, no doubled words', () => {
    for (const m of metrics) {
      expect(m.name).toMatch(/^warden_[a-z0-9_]+$/);
      expect(m.name).not.toMatch(/warden_process_process_|warden_nodejs_nodejs_/);
      if (String(m.type) === 'counter') expect(m.name, m.name).toMatch(/_total$/);
    }
    expect(names).toContain('warden_process_cpu_seconds_total');
    expect(names).toContain('warden_process_resident_memory_bytes');
    expect(names).toContain('warden_nodejs_eventloop_lag_seconds');
  });

  it('listed in the README exist under those names', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('- **Metrics**'), readme.indexOf('- **Hot reload**'));
    const listed = [...section.matchAll(/`(warden_[a-z0-9_]+)/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(10);
    for (const name of listed) expect(names, `README lists ${name}`).toContain(name);
  });
});
