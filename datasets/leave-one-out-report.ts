/** The leave-one-out report as markdown: recipe, calibration run, one table per kind of group, warnings, worst errors. */
import type { HoldoutKind } from './holdout-groups.js';

export interface Rate {
  count: number;
  /** TNR for a benign group, TPR for an attack group; NaN when the group has no texts. */
  rate: number;
}

export interface LeaveOneOutRow {
  group: string;
  kind: HoldoutKind;
  alsoDropped: string;
  heldOut: Rate;
  /** Under request calibration: the held-out rate at the per-text threshold (`textThreshold`), before the request point raised it. */
  heldOutAtTextThreshold?: Rate;
  /** The calibration run (nothing held out) on this group's texts of its validation split. */
  trainedOn: Rate | null;
  validation: { tpr: number; tnr: number; attacks: number; benign: number };
  /** The run's final raw threshold: the per-text one, raised to the request point under request calibration. */
  rawThreshold: number;
  /** The per-text threshold on validation alone, when request calibration raised it (or not) to `rawThreshold`. */
  textThreshold?: number;
  trainSeconds: number;
  /** Highest-scoring held-out benign texts above the threshold, or lowest-scoring missed attacks. */
  worst: { score: number; group: string; text: string }[];
}

export interface LeaveOneOutReport {
  date: string;
  command: string;
  recipe: {
    seed: number;
    scale: number;
    epochs: number;
    hidden: number;
    mutations: number;
    synthesized: number;
    maxPerGroup: number;
    maxFpr: number;
    familyAttacks?: number;
    positionNgrams?: number;
    /** The recipe options since payload-v1.3/1.4 (absent in reports made before the tool read them). */
    familyWeights?: Readonly<Record<string, number>>;
    familySplit?: 'random' | 'whole';
    benignRepeats?: 'sampled' | 'kept';
    exploitAttacks?: number;
    exploitCode?: 'keep' | 'skip';
    requestCalibration?: boolean;
  };
  marks: { minTnr: number; minTpr: number };
  calibration: LeaveOneOutRow | null;
  rows: LeaveOneOutRow[];
}

export type Verdict = 'pass' | 'warning' | 'fail';

/**
 * `warning`: below the mark when held out but at or above it when trained on (or no trained-on figure
 * to compare with); `fail`: below the mark either way.
 */
export function verdictOf(row: LeaveOneOutRow, marks: LeaveOneOutReport['marks']): Verdict {
  const mark = row.kind === 'benign' ? marks.minTnr : marks.minTpr;
  if (Number.isNaN(row.heldOut.rate) || row.heldOut.rate >= mark) return 'pass';
  if (row.trainedOn !== null && !Number.isNaN(row.trainedOn.rate) && row.trainedOn.rate < mark) return 'fail';
  return 'warning';
}

const VERDICT_TEXT: Record<Verdict, string> = { pass: 'pass', warning: '**WARNING: passed only when trained on**', fail: 'below the mark even when trained on' };

function pct(x: number): string {
  return Number.isNaN(x) ? '–' : (x * 100).toFixed(2);
}

function rate(r: Rate | null): string {
  return r === null || r.count === 0 ? '–' : `${pct(r.rate)} (${r.count})`;
}

function table(rows: readonly LeaveOneOutRow[], report: LeaveOneOutReport, what: 'TNR' | 'TPR', showDropped: boolean): string[] {
  const atText = rows.some((r) => r.heldOutAtTextThreshold !== undefined);
  const head = `| held out | ${showDropped ? 'also kept out of training | ' : ''}held-out ${what} % (texts) | ${atText ? `at the per-text threshold: ${what} % | ` : ''}trained on: ${what} % (validation texts) | run's validation TPR / TNR % | raw threshold${atText ? ' (per text)' : ''} | verdict |`;
  const lines = [head, `|---|${showDropped ? '---|' : ''}---:|${atText ? '---:|' : ''}---:|---:|---:|---|`];
  for (const r of rows) {
    const threshold = `${r.rawThreshold.toFixed(3)}${atText && r.textThreshold !== undefined ? ` (${r.textThreshold.toFixed(3)})` : ''}`;
    lines.push(
      `| ${r.group} | ${showDropped ? `${r.alsoDropped} | ` : ''}${rate(r.heldOut)} | ${atText ? `${rate(r.heldOutAtTextThreshold ?? null)} | ` : ''}${rate(r.trainedOn)} | ${pct(r.validation.tpr)} / ${pct(r.validation.tnr)} | ${threshold} | ${VERDICT_TEXT[verdictOf(r, report.marks)]} |`,
    );
  }
  return lines;
}

function inline(text: string): string {
  return '`' + JSON.stringify(text).slice(1, -1).replace(/`/g, "'") + '`';
}

function weightsText(weights: Readonly<Record<string, number>> | undefined): string {
  const items = Object.entries(weights ?? {});
  return items.length ? ` (weights ${items.map(([k, v]) => `${k} ×${v}`).join(', ')})` : '';
}

function newerOptionsText(r: LeaveOneOutReport['recipe']): string {
  const parts: string[] = [];
  if (r.familySplit === 'whole') parts.push('attack-family texts all trained on (validated on fresh draws)');
  if (r.benignRepeats === 'kept') parts.push('benign texts traffic repeats kept and trained on');
  if (r.exploitAttacks) parts.push(`${r.exploitAttacks} exploit-generator records per template${r.exploitCode === 'skip' ? ' (whole-program fields skipped)' : ''}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

export function renderLeaveOneOutMarkdown(report: LeaveOneOutReport): string {
  const r = report.recipe;
  const out: string[] = [
    `Command: \`${report.command}\` (${report.date})`,
    '',
    `Recipe: seed ${r.seed}, generator scale ${r.scale}, ${r.epochs} epochs, ${r.hidden} hidden, ${r.mutations} mutation(s) per attack, ${r.synthesized} synthesized attacks, ${r.familyAttacks ?? 0} attacks per attack family${weightsText(r.familyWeights)}${r.positionNgrams ? `, position features on token 1–${r.positionNgrams}-grams` : ''}${newerOptionsText(r)}, ≤ ${r.maxPerGroup} texts per benign group, threshold at validation benign FPR ≤ ${r.maxFpr} (mean of bootstrap resamples, benign texts the corpus also labels attacks left out)${r.requestCalibration ? ', raised to the request point (≤ 1 in 10,000 calibration requests of the run\'s benign families, held-out families left out)' : ''}. ` +
      `Marks: TNR ≥ ${pct(report.marks.minTnr)} % for benign groups, TPR ≥ ${pct(report.marks.minTpr)} % for attack groups. ` +
      `Rates are per screened text (field value form), at the raw threshold each run picked on its own validation split.`,
    '',
  ];
  if (report.calibration) {
    const c = report.calibration;
    out.push(
      `Calibration (same recipe, nothing held out): validation TPR ${pct(c.validation.tpr)} % (${c.validation.attacks}), TNR ${pct(c.validation.tnr)} % (${c.validation.benign}), raw threshold ${c.rawThreshold.toFixed(3)}, ${c.trainSeconds} s of training. ` +
        `Its validation texts of each group give the "trained on" column.`,
      '',
    );
  }
  const benign = report.rows.filter((x) => x.kind === 'benign');
  const sources = report.rows.filter((x) => x.kind === 'attack-source');
  const categories = report.rows.filter((x) => x.kind === 'attack-category');
  const families = report.rows.filter((x) => x.kind === 'attack-family');
  if (benign.length) out.push('Benign families and sources (TNR):', '', ...table(benign, report, 'TNR', false), '');
  if (sources.length) out.push('Attack sources (TPR; mutations of the source kept out of training too):', '', ...table(sources, report, 'TPR', false), '');
  if (categories.length) {
    out.push(
      'Attack categories across sources (TPR on the shared payloads of the category; its mutations and its grammar-synthesized attacks kept out of training too, otherwise the grammar leaks it):',
      '',
      ...table(categories, report, 'TPR', true),
      '',
    );
  }
  if (families.length) {
    out.push('Attack families of issue 14 (TPR on the texts of the family\'s grammar; every other family and the older grammar stay in training):', '', ...table(families, report, 'TPR', false), '');
  }
  const warned = report.rows.filter((x) => verdictOf(x, report.marks) === 'warning').map((x) => x.group);
  const failed = report.rows.filter((x) => verdictOf(x, report.marks) === 'fail').map((x) => x.group);
  out.push(`Passed only when trained on (warnings): ${warned.length ? warned.join(', ') : 'none'}.`);
  if (failed.length) out.push(`Below the mark even when trained on: ${failed.join(', ')}.`);
  out.push('');
  const withErrors = report.rows.filter((x) => x.worst.length > 0 && verdictOf(x, report.marks) !== 'pass');
  if (withErrors.length) {
    out.push('Worst held-out errors of the groups below the mark (raw score; false positives for benign groups, lowest-scoring misses for attack groups):', '');
    for (const x of withErrors) for (const w of x.worst.slice(0, 3)) out.push(`- ${x.group} \`${w.score.toFixed(3)}\` ${w.group}: ${inline(w.text.slice(0, 120))}`);
    out.push('');
  }
  return out.join('\n');
}
