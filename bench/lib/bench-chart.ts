import type { LoadResults } from './load-bench.js';
import type { MachineInfo } from './machine.js';
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

/** "(403)" when most answers of a cell were not 2xx: that bar timed refusals, not forwarding. */
function refusalNote(statuses: Record<string, number> | undefined): string | null {
  if (statuses === undefined) return null;
  const [code, count] = Object.entries(statuses).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return count > total / 2 && !code.startsWith('2') ? `(${code})` : null;
}

/** Two panels from one run: median req/s (higher is better) and median p99 latency (lower is better). */
export function benchChartSvg(options: { scenarios: { name: string }[]; targets: TargetName[]; results: LoadResults; subtitle: string; footnote: string }): string {
  const series: ChartSeries[] = options.targets.map((t) => ({ name: t, color: COLORS[t] }));
  const groupsFor = (pick: 'rps' | 'p99Ms') =>
    options.scenarios.map((s) => ({
      label: s.name,
      values: options.targets.map((t) => options.results[s.name]?.[t]?.[pick] ?? null),
      notes: options.targets.map((t) => refusalNote(options.results[s.name]?.[t]?.statuses)),
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

/** The parts of a results file (bench/results/latest.json) the chart is drawn from. */
export interface ChartSource {
  date: string;
  machine: MachineInfo;
  options: { seconds: number; rounds: number; connections: number; loadGenerator: string };
  targets: { name: TargetName; gates?: Record<string, string> }[];
  anchor: string | null;
  scenarios: { name: string }[];
  results: LoadResults;
}

/** Subtitle and footnote: the machine and its sharing, the run shape, and which gates were in force. */
export function chartCaptions(f: ChartSource): { subtitle: string; footnote: string } {
  const gates = f.targets
    .filter((t) => t.gates !== undefined)
    .map((t) => `${t.name}: ${Object.entries(t.gates ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`)
    .join('; ');
  return {
    subtitle: `${f.machine.cpu}, ${f.machine.cores} cores shared by load generator (${f.options.loadGenerator}) and servers; ${f.options.rounds}x${f.options.seconds}s rounds, ${f.options.connections} connections; ${f.date.slice(0, 10)}`,
    footnote: `A status in brackets after a value: most answers had that status, so the bar times refusals. Warden gates: ${gates || 'n/a'}. Anchor: ${f.anchor ?? 'not run'}.`,
  };
}
