/**
 * Text windows of a binary body sent with no Content-Type or as `application/octet-stream`: its printable
 * stretches, each a target. Such a body is read as text only when at most 5 % of its bytes are control bytes
 * (text.ts), so one `\x01` beside a short payload, a FIX message's SOH separators, or the tag and length bytes of a
 * protobuf, MessagePack or length-prefixed frame around it kept the payload from every value rule and the model
 * (datasets/untyped-body-probes.ts: 80 of 176 such attacks passed, session 34; all 176 blocked with the windows). An application that reads the body
 * as a string, or decodes the frame, gets the payload as one printable stretch; a real binary file's stretches are
 * its own strings (an executable's symbol names, a catalogue's messages, a font's names), and compressed or image
 * data seldom holds one this long (about one a 100 KB of random bytes).
 *
 * A body with more than MAX_WINDOWS stretches is a file with a string table of its own, not a string or a frame
 * around one, and gets no windows: the model read an executable's, a font's, a PDF's and gettext catalogues'
 * stretches as attacks (14 of the probes' 124 benign records blocked when every body got its windows: the 4
 * TrueType fonts, the PDF and 2 .mo catalogues, each sent both ways; they have 40 to 238 stretches, the frames one).
 */
import type { BodyContext } from './body-context.js';
import type { Steps } from '../work-clock.js';
import { imageTextRanges } from './layouts/media-layout.js';

/**
 * Media types of binary serializations whose strings an application reads out of the frame (MessagePack,
 * CBOR, Thrift, Avro, BSON, Smile, Ion, FlatBuffers, Cap'n Proto): their bodies get windows as an untyped one
 * does. A payload in a MessagePack map's value reached only the raw rules before (session 35, lead's probes:
 * allowed at 0.7 on a rule's alert). Protocol Buffers and gRPC are walked field by field (protobuf-fields.ts).
 */
const FRAMED_BINARY_TYPES = new Set([
  'application/octet-stream',
  'application/msgpack',
  'application/x-msgpack',
  'application/vnd.msgpack',
  'application/cbor',
  'application/x-thrift',
  'application/vnd.apache.thrift.binary',
  'application/vnd.apache.thrift.compact',
  'application/avro',
  'application/avro-binary',
  'avro/binary',
  'application/bson',
  'application/x-jackson-smile',
  'application/ion',
  'application/x-flatbuffers',
  'application/x-capnp',
]);

/** Whether a body of this media type (or of none) is read for its text windows when it is not text. */
export function readsTextWindows(essence: string): boolean {
  return essence === '' || FRAMED_BINARY_TYPES.has(essence);
}

/** Printable stretches (ASCII, tab, CR, LF) this long or longer are windows: `1' OR '1'='1` is 12. */
export const MIN_WINDOW_CHARS = 12;
/** A body with more stretches than this is a file with strings of its own (text-windows.ts): no windows. */
export const MAX_WINDOWS = 16;
/** Bytes read between two looks at the clock (~1 ms). */
const WINDOW_PIECE = 262_144;

/** Printable stretches (ASCII, tab, CR, LF) of MIN_WINDOW_CHARS or more, over a body's latin1 text. */
const WINDOW_SOURCE = `[\\t\\n\\r\\x20-\\x7e]{${MIN_WINDOW_CHARS},}`;
const isPrintable = (b: number): boolean => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d;

/** How many printable bytes body[from, to) ends with. */
function printableTail(body: Buffer, from: number, to: number): number {
  let i = to;
  while (i > from && isPrintable(body[i - 1])) i--;
  return to - i;
}

/**
 * The body's windows, in order, up to MAX_WINDOWS + 1, read in pieces with pauses when the slice is used up. A
 * regular expression over each piece's latin1 text, ~3 ms per MiB of compressed-like data; a byte loop in JS was
 * ~9-12 ms (a printable byte there is a coin toss, and the branch on it mispredicted).
 */
export function* textWindowsOf(body: Buffer, dueNow: () => boolean): Steps<string[]> {
  const windows: string[] = [];
  // Its own expression per call: a body walk may pause here while another request's walk runs.
  const window = new RegExp(WINDOW_SOURCE, 'g');
  let carry = '';
  for (let from = 0; from < body.length; from += WINDOW_PIECE) {
    const to = Math.min(body.length, from + WINDOW_PIECE);
    const text = carry + body.toString('latin1', from, to);
    const last = to === body.length;
    // A stretch reaching the piece's end may go on in the next piece: it is carried, not taken here.
    const own = last ? 0 : printableTail(body, from, to);
    const tail = own === to - from ? text.length : own;
    const end = text.length - tail;
    window.lastIndex = 0;
    for (let m = window.exec(text); m !== null && m.index < end; m = window.exec(text)) {
      if (m.index + m[0].length > end) break;
      windows.push(m[0]);
      // One more than a frame may have is enough to tell a file: the rest is not read.
      if (windows.length > MAX_WINDOWS) return windows;
    }
    carry = tail === 0 ? '' : text.slice(end);
    if (!last && dueNow()) yield;
  }
  return windows;
}

/** The windows of `ranges` of the body ([start, end) pairs), in order, up to MAX_WINDOWS + 1. */
function* textWindowsInRanges(body: Buffer, ranges: readonly number[], dueNow: () => boolean): Steps<string[]> {
  const windows: string[] = [];
  for (let r = 0; r + 1 < ranges.length && windows.length <= MAX_WINDOWS; r += 2) {
    for (const w of yield* textWindowsOf(body.subarray(ranges[r], ranges[r + 1]), dueNow)) windows.push(w);
  }
  return windows;
}

/**
 * Adds the windows of a binary body as targets (`body[text:0]`, …); returns how many stretches it had. An image
 * whose structure checks out (layouts/media-layout.ts) gives windows of its text chunks, comments and
 * unaccounted bytes only, not of its pixels.
 */
export function* parseTextWindows(body: Buffer, context: BodyContext): Steps<number> {
  const { collector } = context;
  const textRanges = imageTextRanges(body);
  const windows = textRanges === null ? yield* textWindowsOf(body, () => collector.dueNow()) : yield* textWindowsInRanges(body, textRanges, () => collector.dueNow());
  if (windows.length > MAX_WINDOWS) return windows.length;
  const name = context.namePrefix === '' ? 'body' : context.namePrefix.slice(0, -1);
  for (let k = 0; k < windows.length; k++) collector.add('body', `${name}[text:${k}]`, 'value', windows[k]);
  return windows.length;
}
