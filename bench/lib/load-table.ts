import type { LoadResults } from './load-bench.js';
import type { Scenario } from './scenarios.js';
import type { TargetName } from './targets.js';

export interface LoadTableRow {
  scenario: string;
  target: TargetName;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** req/s relative to the gates-off Warden and to ModSecurity (null when that target did not run). */
  rpsVsOff: number | null;
  /** The server's CPU µs per request (NaN when not read). */
  serverCpuUs: number;
  /**
   * warden-off's CPU per request over this target's: the req/s ratio each would reach on a core of its
   * own, whatever share of the shared cores either got during its runs (null when not read).
   */
  cpuVsOff: number | null;
  rpsVsModsec: number | null;
  p99VsModsec: number | null;
  statuses: string;
}

/** "200" when uniform, else the shares: "403 92%, 200 8%"; errors appended. */
export function statusSummary(statuses: Record<string, number>, errors: number): string {
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const parts = Object.entries(statuses)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => (n === total ? code : `${code} ${((100 * n) / total).toFixed(0)}%`));
  if (errors > 0) parts.push(`${errors} err`);
  return parts.join(', ') || '-';
}

export function loadTableRows(scenarios: Scenario[], targets: TargetName[], results: LoadResults): LoadTableRow[] {
  const rows: LoadTableRow[] = [];
  for (const scenario of scenarios) {
    const cells = results[scenario.name] ?? {};
    const off = cells['warden-off'];
    const modsec = cells['modsec-crs'];
    for (const target of targets) {
      const cell = cells[target];
      if (cell === undefined) continue;
      rows.push({
        scenario: scenario.name,
        target,
        rps: cell.rps,
        p50Ms: cell.p50Ms,
        p99Ms: cell.p99Ms,
        rpsVsOff: off !== undefined ? cell.rps / off.rps : null,
        serverCpuUs: cell.serverCpuUs,
        cpuVsOff: off !== undefined && Number.isFinite(off.serverCpuUs) && cell.serverCpuUs > 0 ? off.serverCpuUs / cell.serverCpuUs : null,
        rpsVsModsec: modsec !== undefined ? cell.rps / modsec.rps : null,
        p99VsModsec: modsec !== undefined ? cell.p99Ms / modsec.p99Ms : null,
        statuses: statusSummary(cell.statuses, cell.errors),
      });
    }
  }
  return rows;
}

const HEADINGS = ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs warden-off', 'CPU µs/req', 'by CPU vs warden-off', 'req/s vs modsec', 'p99 vs modsec', 'responses'];
/** Names and the status summary are left-aligned, figures right-aligned. */
const leftAligned = (i: number): boolean => i < 2 || i === HEADINGS.length - 1;
const ratio = (v: number | null): string => (v === null || !Number.isFinite(v) ? '-' : `${v.toFixed(2)}x`);

function cells(row: LoadTableRow): string[] {
  return [
    row.scenario,
    row.target,
    row.rps.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    ratio(row.rpsVsOff),
    Number.isFinite(row.serverCpuUs) ? row.serverCpuUs.toFixed(0) : '-',
    ratio(row.cpuVsOff),
    ratio(row.rpsVsModsec),
    ratio(row.p99VsModsec),
    row.statuses,
  ];
}

/** Fixed-width text for the terminal: names left-aligned, figures right-aligned, a gap between scenarios. */
export function formatLoadTable(rows: LoadTableRow[]): string {
  const body = rows.map(cells);
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (leftAligned(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [line(HEADINGS), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1].scenario !== row.scenario) out.push('');
    out.push(line(body[i]));
  });
  return out.join('\n');
}

export function markdownLoadTable(rows: LoadTableRow[]): string {
  const out = [`| ${HEADINGS.join(' | ')} |`, `| ${HEADINGS.map((_, i) => (leftAligned(i) ? '---' : '---:')).join(' | ')} |`];
  for (const row of rows) out.push(`| ${cells(row).join(' | ')} |`);
  return out.join('\n');
}
