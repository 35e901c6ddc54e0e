/**
 * The prefilter's reading of a JSON body's leaves spelled as a form (`&customer[name]=Ann Lee&…`, JSON_AS_FORM in
 * match/json-as-form.ts) without making the form or scanning it whole with pkt_data's automaton (issue 14). That
 * form was ~950 chars of the bench's 1 KB JSON order, read through raw's 6 MB table, and built, spelled and joined
 * on every JSON request: json-1k's signature gate 10 -> 23 µs warm, ~+85 µs with the caches flushed (2c6fcbc).
 *
 * The form is pieces: a joint (`&`, scanned as a byte no literal holds), a name (its key texts between the brackets
 * `[`, `]` the spelling adds), `=`, a value. A literal's occurrence in it either lies inside one key text or one
 * value, or covers one of the spelling's `[`, `]`, `=` — then the literal holds that char, and the occurrence lies
 * in the name, its `=` and the value's first chars (a joint's byte is in no literal: readableInPieces). So:
 * - a key text or value found in raw as it is (its UTF-8 bytes), followed there by no word char as it is in the form,
 *   holds no occurrence raw's own scan did not see (with the same word-end outcome at its end); one not found
 *   (an escaped or re-encoded value) is scanned alone with raw's automaton;
 * - the literals holding `[`, `]` or `=` (583 of raw's 8,945 bundled ones) are looked for in each leaf's name, `=`
 *   and value head by an automaton of their own, a small table (2,832 states, 0.43 MB against raw's 6.3 MB).
 * A form with a name or value past ASCII is made and scanned whole (scanWhole), as the view's was.
 * Every occurrence inside the form is found; the prefilter may also see a literal the form lacks (a value's
 * head cut short, a form the view would not have held), which only makes a rule a candidate: evaluation decides.
 */
import type { Target } from '../../inspect/types.js';
import { formNameOfJsonPath, jsonAsForm, jsonFormAsScanned, jsonLeafValue, JOINT_AS_SCANNED } from '../match/json-as-form.js';
import { latin1OfUtf8, MAX_VIEW_CHARS } from '../match/decoded-views.js';
import { wordCharAt, type AhoCorasick, type OnMatch, type WordEndFilter } from './aho-corasick.js';

/** An automaton with what the prefilter's scan of a buffer calls per occurrence. */
export interface PieceScan {
  automaton: AhoCorasick;
  onMatch: OnMatch;
  wordEnd: WordEndFilter | null;
}

/** The chars the form's spelling adds around a JSON leaf's key texts and value. */
export const FORM_SPELLING_CHARS = /[[\]=]/;

/**
 * Whether pieces can stand for the form with these literals (raw's): none may hold the joint's byte, which the
 * pieces do not spell between two leaves.
 */
export function readableInPieces(literals: readonly string[]): boolean {
  return literals.every((l) => !l.includes(JOINT_AS_SCANNED));
}

/** Places a piece's text is compared at in raw before it counts as not found there. */
const FIND_TRIES = 4;
/** Chars after the last piece found that the next is looked for at as a quoted string, before raw is searched whole. */
const NEAR_CHARS = 256;

/**
 * A text from this long is compared and checked natively (raw.startsWith at the quote, its UTF-8 length) rather than
 * char by char in JS: the bench's 655-char JSON comment was compared in quotedNear and checked in isAscii one
 * charCodeAt at a time, about a third of json-1k's signature gate (issue 14, session 36).
 */
const NATIVE_MIN_CHARS = 32;

/** Every char is ASCII: for a long text, its UTF-8 length is its length exactly then (a char past ASCII takes 2-3 bytes, a surrogate pair 4). */
export function isAscii(text: string): boolean {
  if (text.length >= NATIVE_MIN_CHARS) return Buffer.byteLength(text, 'utf8') === text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The text made flat: a string joined by `+=` is a tree of pieces, and each charCodeAt on it went through the
 * runtime until then (ToNumber flattens it in place, as the `flatstr` package does).
 */
function flat(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-expressions
  (text as unknown as number) | 0;
  return text;
}

/**
 * Where raw holds text[from, to) as a JSON string, `"…"`, starting its search at `near` and looking no further than
 * NEAR_CHARS: the end of that string, or -1. A JSON body's keys and values come in the order its leaves do, so the
 * next piece is most often a few chars on (a JS loop over flat strings; raw.indexOf for each of the bench's 36 pieces
 * was ~4 µs).
 */
export function quotedNear(raw: string, near: number, text: string, from: number, to: number): number {
  const length = to - from;
  const stop = Math.min(raw.length - length - 1, near + NEAR_CHARS);
  // A whole long text (a value) is compared with raw at q + 1 at once (startsWith: natively, no substring made).
  const whole = length >= NATIVE_MIN_CHARS && from === 0 && to === text.length;
  for (let q = near; q < stop; q++) {
    if (raw.charCodeAt(q) !== 0x22 || raw.charCodeAt(q + 1 + length) !== 0x22) continue;
    if (whole) {
      if (raw.startsWith(text, q + 1)) return q + length + 2;
      continue;
    }
    let i = 0;
    while (i < length && raw.charCodeAt(q + 1 + i) === text.charCodeAt(from + i)) i++;
    if (i === length) return q + length + 2;
  }
  return -1;
}

/** Whether raw holds text[from, to) as it is, followed by no word char (as the piece is in the form: by `[`, `]`, `=` or a joint). */
function inRaw(raw: string, text: string, from: number, to: number): boolean {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  let at = raw.indexOf(piece);
  for (let tries = 0; at >= 0 && tries < FIND_TRIES; tries++) {
    if (!wordCharAt(raw, at + piece.length)) return true;
    at = raw.indexOf(piece, at + 1);
  }
  return false;
}

/** One reading of a form's pieces: raw, where the last piece was found in it, and raw's automaton for a piece raw lacks. */
class PieceReader {
  near = 0;
  constructor(
    readonly raw: string,
    readonly full: PieceScan,
  ) {}

  /** Scans text[from, to) alone with raw's automaton unless raw holds it (then raw's own scan saw what it holds). */
  read(text: string, from: number, to: number): void {
    if (to <= from) return;
    const end = quotedNear(this.raw, this.near, text, from, to);
    if (end >= 0) {
      this.near = end;
      return;
    }
    if (inRaw(this.raw, text, from, to)) return;
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    this.full.automaton.scanRange(piece, 0, piece.length, 0, this.full.onMatch, this.full.wordEnd);
  }
}

/**
 * Reads the form of `targets` (a JSON body's) by its pieces: `full` is raw's automaton (whose scan of `raw` ran
 * before), `spelling` the automaton of raw's literals holding `[`, `]` or `=` (null when there are none). A form
 * with a char past ASCII (its UTF-8 bytes spelled as latin1 chars) is made and scanned whole with `full`, as the
 * view's was.
 */
export function scanJsonFormPieces(targets: readonly Target[], raw: string, bodyLength: number, full: PieceScan, spelling: PieceScan | null): void {
  const head = spelling === null ? 0 : Math.max(0, spelling.automaton.longest - 1);
  // Each leaf's joint, name, `=` and value head, one flat string; a leaf's name lies at names[2k], names[2k + 1].
  let joints = '';
  const names: number[] = [];
  const values: string[] = [];
  for (const t of targets) {
    if (t.location !== 'body' || t.role !== 'value') continue;
    const value = jsonLeafValue(t);
    if (!isAscii(value)) return scanWhole(targets, full);
    joints += JOINT_AS_SCANNED;
    names.push(joints.length);
    joints += formNameOfJsonPath(t.name);
    names.push(joints.length);
    joints += `=${value.length > head ? value.slice(0, head) : value}`;
    values.push(value);
  }
  if (joints.length === 0) return;
  flat(joints);
  for (let k = 0; k < names.length; k += 2) {
    for (let i = names[k]; i < names[k + 1]; i++) if (joints.charCodeAt(i) > 0x7f) return scanWhole(targets, full);
  }
  const reader = new PieceReader(raw, full);
  // Raw ends with the body, which holds the pieces as the inspector builds raw.
  reader.near = Math.max(0, raw.length - bodyLength);
  // The previous leaf's name: the keys it shares with this one (`customer` of customer[name], customer[email]) were read with it.
  let previousFrom = 0;
  let previousTo = 0;
  for (let k = 0; k < values.length; k++) {
    const nameFrom = names[2 * k];
    const nameTo = names[2 * k + 1];
    // The leading stretch the two names share, up to a bracket in both: its key texts were read.
    let from = nameFrom;
    for (let i = 0; i < nameTo - nameFrom && i < previousTo - previousFrom && joints.charCodeAt(nameFrom + i) === joints.charCodeAt(previousFrom + i); i++) {
      if (joints.charCodeAt(nameFrom + i) === 0x5b) from = nameFrom + i + 1;
    }
    for (let i = from; i < nameTo; i++) {
      const c = joints.charCodeAt(i);
      if (c === 0x5b || c === 0x5d) {
        reader.read(joints, from, i);
        from = i + 1;
      }
    }
    reader.read(joints, from, nameTo);
    reader.read(values[k], 0, values[k].length);
    previousFrom = nameFrom;
    previousTo = nameTo;
  }
  if (spelling !== null) spelling.automaton.scanUnordered(joints, spelling.onMatch, joints.length, spelling.wordEnd);
}

/** The form made and scanned whole, as pkt_data's view held it (json-as-form.ts). */
function scanWhole(targets: readonly Target[], full: PieceScan): void {
  const form = jsonAsForm(targets, MAX_VIEW_CHARS);
  if (form === null) return;
  const scanned = jsonFormAsScanned(latin1OfUtf8(form));
  full.automaton.scanUnordered(scanned, full.onMatch, scanned.length, full.wordEnd);
}
