import type { LoadResults } from './load-bench.js';
import type { Scenario } from './scenarios.js';
import { renderBarChart, type ChartSeries } from './svg-chart.js';
import type { TargetName } from './targets.js';

/** Fixed colours per target so charts from different runs compare at a glance. */
const COLORS: Record<TargetName, string> = {
  upstream: '#9e9e9e',
  'nginx-proxy': '#5b8def',
  'warden-off': '#8bc34a',
  'warden-full': '#2e7d32',
  'modsec-crs': '#e0662b',
};

/** Two panels from one run: median req/s (higher is better) and median p99 latency (lower is better). */
export function benchChartSvg(options: { scenarios: Scenario[]; targets: TargetName[]; results: LoadResults; subtitle: string; footnote: string }): string {
  const series: ChartSeries[] = options.targets.map((t) => ({ name: t, color: COLORS[t] }));
  const groupsFor = (pick: 'rps' | 'p99Ms') =>
    options.scenarios.map((s) => ({
      label: s.name,
      values: options.targets.map((t) => options.results[s.name]?.[t]?.[pick] ?? null),
    }));
  return renderBarChart({
    title: 'Warden load benchmark: throughput and tail latency per scenario',
    subtitle: options.subtitle,
    series,
    panels: [
      { title: 'requests/s (median of rounds, higher is better)', format: (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)}k` : v.toFixed(0)), groups: groupsFor('rps') },
      { title: 'p99 latency, ms (median of rounds, lower is better)', format: (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1)), groups: groupsFor('p99Ms') },
    ],
    footnote: options.footnote,
  });
}
