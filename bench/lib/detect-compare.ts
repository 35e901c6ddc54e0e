import { replayRecords } from '../../src/eval/http-replay.js';
import type { RequestRecord } from '../../src/eval/record.js';
import { Scoreboard, rates, type Counts } from '../../src/eval/scoreboard.js';
import type { Target } from './targets.js';

export interface DetectionResult {
  target: string;
  board: Scoreboard;
  statuses: Record<string, number>;
  errors: number;
}

/** The same records, one target after the other, by the same replay client. */
export async function compareDetection(targets: Target[], records: RequestRecord[], concurrency = 8): Promise<DetectionResult[]> {
  const out: DetectionResult[] = [];
  for (const target of targets) {
    const results = await replayRecords(records, { target: target.origin, concurrency, timeoutMs: 15_000 });
    const board = new Scoreboard();
    const statuses: Record<string, number> = {};
    let errors = 0;
    for (const r of results) {
      board.add(r.source, r.category, r.label, r.blocked);
      const key = r.status === null ? 'error' : String(r.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (r.error !== undefined) errors++;
    }
    out.push({ target: target.name, board, statuses, errors });
  }
  return out;
}

const pct = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

/** Rows: total, each source, each category; per target a TPR and a TNR column. */
export function detectionRows(results: DetectionResult[]): { heading: string[]; rows: string[][] } {
  const heading = ['group', 'attacks', 'benign', ...results.flatMap((r) => [`${r.target} TPR`, `${r.target} TNR`])];
  const first = results[0]?.board;
  if (first === undefined) return { heading, rows: [] };
  const groups: [string, (b: Scoreboard) => Counts | undefined][] = [['all', (b) => b.total]];
  for (const key of [...first.bySource.keys()].sort()) groups.push([`source ${key}`, (b) => b.bySource.get(key)]);
  for (const key of [...first.byCategory.keys()].sort()) groups.push([key, (b) => b.byCategory.get(key)]);
  const rows = groups.map(([name, pick]) => {
    const base = pick(first)!;
    return [
      name,
      String(base.attacks),
      String(base.benign),
      ...results.flatMap((r) => {
        const c = rates(pick(r.board) ?? { attacks: 0, blockedAttacks: 0, benign: 0, blockedBenign: 0 });
        return [pct(c.tpr), pct(c.tnr)];
      }),
    ];
  });
  return { heading, rows };
}

export function formatDetectionTable(results: DetectionResult[]): string {
  const { heading, rows } = detectionRows(results);
  const widths = heading.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(heading), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownDetectionTable(results: DetectionResult[]): string {
  const { heading, rows } = detectionRows(results);
  return [`| ${heading.join(' | ')} |`, `| ${heading.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
