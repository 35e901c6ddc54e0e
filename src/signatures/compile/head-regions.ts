/**
 * Where the method, the raw URI and the raw header block lie in the raw request, so the prefilter
 * finds their literals in its scan of raw instead of scanning each again with an automaton of its own
 * (prefilter.ts). The inspector builds raw as `METHOD URI HTTP/x\r\n` + the header block + `\r\n` +
 * the body (inspect/snort-buffers.ts); each region is checked to hold its buffer char for char, so an
 * occurrence inside a region is an occurrence in the buffer, and every occurrence in the buffer is
 * one inside the region.
 */

import { wordCharAt } from './aho-corasick.js';

/** Region numbers: 0 is raw itself (no bounds), then the head buffers found in it. */
export const HEAD_REGION_BUFFERS = ['method', 'rawUri', 'rawHeader'] as const;
export type HeadRegionBuffer = (typeof HEAD_REGION_BUFFERS)[number];

/**
 * Writes each head buffer's [start, end) in raw into `from`/`to` at its region number (1..3) and
 * returns true; false when raw does not hold them as the inspector lays them out (a request made
 * elsewhere, a test's buffers), and the caller scans them on their own. Each region is followed in
 * raw by a char that is no word character, as the end of its buffer is: a literal that counts only
 * before a word boundary counts the same in either.
 */
export function findHeadRegions(raw: string, method: string, rawUri: string, rawHeader: string, from: Int32Array, to: Int32Array): boolean {
  const uriStart = method.length + 1;
  const uriEnd = uriStart + rawUri.length;
  if (!raw.startsWith(method) || raw.charCodeAt(method.length) !== 0x20 || !raw.startsWith(rawUri, uriStart) || raw.charCodeAt(uriEnd) !== 0x20) return false;
  const lineEnd = raw.indexOf('\r\n', uriEnd);
  if (lineEnd < 0) return false;
  const headerStart = lineEnd + 2;
  const headerEnd = headerStart + rawHeader.length;
  if (!raw.startsWith(rawHeader, headerStart) || wordCharAt(raw, headerEnd)) return false;
  from[1] = 0;
  to[1] = method.length;
  from[2] = uriStart;
  to[2] = uriEnd;
  from[3] = headerStart;
  to[3] = headerEnd;
  return true;
}

/**
 * The same regions, for a raw request the inspector laid out (inspect/snort-buffers.ts, `rawLaidOutHere`):
 * computed from the buffers' lengths, with no char compared.
 */
export function headRegionsOfLayout(rawLength: number, methodLength: number, rawUriLength: number, rawHeaderLength: number, clientBodyLength: number, from: Int32Array, to: Int32Array): void {
  from[1] = 0;
  to[1] = methodLength;
  from[2] = methodLength + 1;
  to[2] = methodLength + 1 + rawUriLength;
  to[3] = rawLength - clientBodyLength - 2;
  from[3] = to[3] - rawHeaderLength;
}
