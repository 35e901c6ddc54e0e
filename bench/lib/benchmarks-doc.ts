import { readFileSync, writeFileSync } from 'node:fs';

export const DOC_START = '<!-- bench:results:start -->';
export const DOC_END = '<!-- bench:results:end -->';

/** Replaces the generated section of BENCHMARKS.md, leaving the prose around it as written. */
export function replaceResultsSection(file: string, section: string): void {
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`${file}: markers ${DOC_START} ... ${DOC_END} not found`);
  writeFileSync(file, `${doc.slice(0, start + DOC_START.length)}\n${section.trim()}\n${doc.slice(end)}`);
}
