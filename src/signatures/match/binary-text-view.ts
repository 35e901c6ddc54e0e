/**
 * A binary body's text view: the body with each binary stretch (Inspection.binaryRegions: a binary body, a
 * binary multipart file part) reduced to its printable runs of MIN_WINDOW_CHARS (12) bytes or more, every
 * other byte there NUL. Offsets are kept, so a rule's offset, depth, distance and within count the same
 * bytes. Rules that spell only printable bytes read it (compile/text-view-rules.ts): their short literals and
 * pcres were spelled by a font's hinting code or compressed and image data across garbage (9001641 on
 * TrueType fonts, 9001304 on .gz and JPEG bytes; lead's 165 upload probes, session 37), while a payload an
 * application could read as text is one printable run, as the model's text windows take it
 * (inspect/bodies/text-windows.ts). The view only puts NULs where bytes were, so the prefilter, which scans
 * the bytes, finds every literal the view holds at the same place.
 */
import { MIN_WINDOW_CHARS } from '../../inspect/bodies/text-windows.js';

const PRINTABLE_RUN = new RegExp(`[\\t\\n\\r\\x20-\\x7e]{${MIN_WINDOW_CHARS},}`, 'g');

/**
 * `body` (latin1) with its binary `regions` ([start, end) pairs, in order) kept only as printable runs, and its
 * `opaque` stretches (a checked font's glyph tables, inside those regions) not at all.
 */
export function binaryTextView(body: string, regions: readonly number[], opaque: readonly number[] = NONE): string {
  const view = printableRunsView(body, regions);
  if (opaque.length === 0) return view;
  const pieces: string[] = [];
  let at = 0;
  for (let r = 0; r + 1 < opaque.length; r += 2) {
    const start = Math.max(at, opaque[r]);
    const end = Math.min(view.length, opaque[r + 1]);
    if (start >= end) continue;
    pieces.push(view.slice(at, start), '\0'.repeat(end - start));
    at = end;
  }
  pieces.push(view.slice(at));
  return pieces.join('');
}

const NONE: readonly number[] = [];

function printableRunsView(body: string, regions: readonly number[]): string {
  const pieces: string[] = [];
  let at = 0;
  const run = PRINTABLE_RUN;
  for (let r = 0; r + 1 < regions.length; r += 2) {
    const start = Math.max(at, regions[r]);
    const end = Math.min(body.length, regions[r + 1]);
    if (start >= end) continue;
    pieces.push(body.slice(at, start));
    let kept = start;
    run.lastIndex = start;
    for (let m = run.exec(body); m !== null && m.index < end; m = run.exec(body)) {
      if (m.index > kept) pieces.push('\0'.repeat(m.index - kept));
      // A run reaching past the region goes on in text the rules read anyway: kept whole.
      const runEnd = m.index + m[0].length;
      pieces.push(body.slice(m.index, runEnd));
      kept = runEnd;
    }
    if (kept < end) pieces.push('\0'.repeat(end - kept));
    at = Math.max(kept, end);
  }
  if (at === 0) return body;
  pieces.push(body.slice(at));
  return pieces.join('');
}
