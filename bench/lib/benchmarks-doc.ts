import { readFileSync, writeFileSync } from 'node:fs';

export const DOC_START = '<!-- bench:results:start -->';
export const DOC_END = '<!-- bench:results:end -->';
/** The line that opens the detection table inside the generated section. */
export const DETECTION_HEAD = 'Detection on the same records';

function currentSection(doc: string, file: string): { start: number; end: number; body: string } {
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`${file}: markers ${DOC_START} ... ${DOC_END} not found`);
  return { start, end, body: doc.slice(start + DOC_START.length, end) };
}

/**
 * The detection table of the section in place, introduced as carried over from the run that measured
 * it, for a load-only run (`--no-detect`) to keep: dropping it would leave BENCHMARKS.md with no
 * detection figure at all. Null when the section has none.
 */
export function carriedDetection(file: string): string | null {
  const doc = readFileSync(file, 'utf8');
  const { body } = currentSection(doc, file);
  const at = body.indexOf(DETECTION_HEAD);
  if (at < 0) return null;
  const carried = body.slice(at).trim();
  // A table carried before says so already, with the date of the run that measured it.
  if (body.lastIndexOf('\nDetection not rerun', at) >= 0) return `${body.slice(body.lastIndexOf('\nDetection not rerun', at)).trim()}`;
  const measuredAt = /^- Warden load benchmark, (\S+)/m.exec(body)?.[1] ?? 'an earlier run';
  return `Detection not rerun (\`--no-detect\`): the table of the run of ${measuredAt}.\n\n${carried}`;
}

/** Replaces the generated section of BENCHMARKS.md, leaving the prose around it as written. */
export function replaceResultsSection(file: string, section: string): void {
  const doc = readFileSync(file, 'utf8');
  const { start, end } = currentSection(doc, file);
  writeFileSync(file, `${doc.slice(0, start + DOC_START.length)}\n${section.trim()}\n${doc.slice(end)}`);
}
