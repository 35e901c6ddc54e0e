/**
 * Decoded views: the decoded forms the inspector already made for a request's fields, offered to the
 * rules of the normalized buffer each field sits in, so a `content`/`pcre` also matches a payload that
 * travels base64, gzip+base64, `\u`-escaped in JSON, entity- or URL-encoded (ModSecurity runs rules over
 * its transformed values, Snort/Suricata over normalized http_* buffers and `base64_data`).
 *
 * | buffer (slot)                  | sees the forms of             | leaves out                                     |
 * |--------------------------------|-------------------------------|------------------------------------------------|
 * | `uri` (http_uri)               | path and query fields         | one or two rounds of URL / `%u` decoding (the buffer has them) |
 * | `cookie` (http_cookie)         | cookies                       | one round of URL decoding (the buffer has it)  |
 * | `header` (http_header)         | header fields                 | forms that start with a URL decoding, unless base64 or a JWT follows |
 * | one header (`http.user_agent`) | that header's field           | the same                                       |
 * | `clientBody` (http_client_body, file_data) | body fields (form, JSON, XML, multipart, text); a JSON body with escapes, whole (`json-body`), else each escaped string | the same |
 *
 * Snort does not URL-decode http_header or http_client_body, and the rules written for them spell the
 * encodings they expect (`%3C%3Fphp`); a form field's URL decoding shown to them fired pack rules on
 * ordinary traffic (a theme editor posting `<?php`; a form-encoded GitHub webhook whose JSON quotes
 * `${…}`, also through `url>js-escapes` and `url>unicode-fold`, which differ from it only in spelling), so
 * those forms stay with the payload model. What a URL decoding uncovers that no spelling of the buffer
 * shows, base64 (`url>base64`, `url>base64>gzip`) or a JWT, is shown.
 *
 * The raw buffers (`rawUri`, `rawHeader`, `rawCookie`, `method`) never see decoded text: "raw" means as
 * sent. `raw`/pkt_data, the whole request as sent (its body dechunked and decompressed), sees three things
 * more, as it sees a body without its transfer and content encodings: a JSON body's text with its escapes
 * resolved (whole, or each escaped string of a long one), a query or form-body value's one or two URL rounds,
 * and a multipart body's fields and a JSON body's leaves spelled as a form (`&name=value&…`, MULTIPART_AS_FORM,
 * JSON_AS_FORM in json-as-form.ts, whose `&`s the prefilter scans as no literal's char: DecodedView.scanText).
 * `\u0043lass.module.classLoader` and `%70ing` are the container's spelling, not the payload's: of 1,449
 * attack-family payloads so re-spelled, 59 and 47 passed every pkt_data rule. Forms made by the whitespace and SQL-comment decoders are left out everywhere:
 * they rewrite the syntax a rule may look for (they are canonical forms for the payload model).
 *
 * Nothing is decoded here: the view is made of strings the inspector produced, joined once per request,
 * and only for requests whose fields have decoded forms (a request without any gets no view and costs one
 * pass over its targets). Each form is one *segment*: absolute positions (`offset`, `depth`, `startswith`,
 * `endswith`, `isdataat` without `relative`) count from the segment's start, and a relative match
 * (`distance`, `within`, pcre `R`, relative `isdataat`) stays inside the segment its previous match fell in,
 * so a rule never matches across the join of the raw buffer and a form, or of two forms (see
 * evaluate-rule.ts). A view holds at most MAX_VIEW_CHARS chars; forms past it are left to the payload model.
 */
import type { Inspection, Target } from '../../inspect/types.js';
import { FIRST_FIELD_SLOT, NAMED_BUFFERS } from '../compile/compiled-rule.js';
import { readsUtf8Subjects, utf8Subject, type Utf8Subject } from '../safe-regex.js';
import { JSON_AS_FORM, jsonAsForm, jsonFormAsScanned } from './json-as-form.js';
import { bodyValuesAsForm } from './body-as-form.js';

/** Most chars of decoded text one buffer's view holds (the forms themselves are capped at the inspector's maxDecodedLength). */
export const MAX_VIEW_CHARS = 262_144;

/** The decoding of a JSON body shown whole with its escapes resolved (its segment belongs to no one field). */
export const JSON_BODY = 'json-body';

/** Between two segments of a view's text; never part of a match (searches stop at a segment's end). */
const SEPARATOR = '\n';

const NONE: readonly number[] = [];

const RAW_SLOT = NAMED_BUFFERS.indexOf('raw');
const URI_SLOT = NAMED_BUFFERS.indexOf('uri');
const HEADER_SLOT = NAMED_BUFFERS.indexOf('header');
const RAW_HEADER_SLOT = NAMED_BUFFERS.indexOf('rawHeader');
const COOKIE_SLOT = NAMED_BUFFERS.indexOf('cookie');
const BODY_SLOT = NAMED_BUFFERS.indexOf('clientBody');

/** One buffer's decoded forms. Segment j spans `text[starts[j], ends[j])`. */
export class DecodedView {
  text = '';
  private lowered: string | null = null;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Per segment: index into `Inspection.targets` of the field it was decoded from. */
  readonly targets: number[] = [];
  /** Per segment: its decoder chain (`base64>gzip`, `url>js-escapes`) or the container escape (`json`). */
  readonly via: string[] = [];
  /**
   * Stretches of `text` (pairs: from, to) known to be in the buffer's own text as they are: a long multipart
   * value, which the buffer's scan already read. The prefilter scans a view less their insides (prefilter.ts
   * `scanDecodedView`); matching reads the whole text.
   */
  readonly verbatim: number[] = [];
  /**
   * The text the prefilter scans: `text`, but where a form's joints are no text of the request (a JSON body's
   * leaves spelled as a form, JSON_AS_FORM), each joint's `&` is JOINT_AS_SCANNED. Same length as `text`.
   */
  scanText = '';
  private parts: string[] = [];
  /** Per segment, the form as scanned; null while every segment is scanned as it is. */
  private scanParts: string[] | null = null;
  private chars = 0;
  /** Per segment, its UTF-8 bytes for the native pcre engine: made on the first pcre run over it, shared by the others. */
  private utf8s: Array<Utf8Subject | undefined> = [];

  get count(): number {
    return this.starts.length;
  }

  lower(): string {
    this.lowered ??= this.text.toLowerCase();
    return this.lowered;
  }

  /**
   * Adds a form unless the view is full; returns false once it is. Text is kept as its UTF-8 bytes, as buffers are
   * (`bytes`: it already is). `verbatim`: stretches of the form (pairs, from its start) found as they are in the buffer.
   */
  add(text: string, target: number, via: string, bytes = false, verbatim: readonly number[] = NONE, scanned?: string): boolean {
    const form = bytes ? text : latin1OfUtf8(text);
    if (this.chars + form.length > MAX_VIEW_CHARS) return false;
    if (scanned !== undefined) this.scanParts ??= this.parts.slice();
    this.scanParts?.push(scanned ?? form);
    const start = this.chars === 0 && this.parts.length === 0 ? 0 : this.chars + SEPARATOR.length;
    for (let k = 0; k < verbatim.length; k++) this.verbatim.push(start + verbatim[k]);
    this.starts.push(start);
    this.ends.push(start + form.length);
    this.targets.push(target);
    this.via.push(via);
    this.parts.push(form);
    this.chars = start + form.length;
    return true;
  }

  finish(): void {
    this.text = this.parts.join(SEPARATOR);
    this.scanText = this.scanParts === null ? this.text : this.scanParts.join(SEPARATOR);
    this.parts = [];
    this.scanParts = null;
  }

  /**
   * Segment j's text (`subject`, as sliced from `text`) as UTF-8 bytes, or undefined where no engine reads
   * bytes. Given a string, node-re2 encodes it on every run, a Buffer each time: an attack's URL-decoded
   * query went through 5-10 pcres so (issue 14). The text is Latin-1 (UTF-8 bytes as chars), so char
   * offsets come back from the bytes exactly, as for a buffer's own bytes (RequestBuffers.utf8).
   */
  segmentUtf8(j: number, subject: string): Utf8Subject | undefined {
    if (!readsUtf8Subjects) return undefined;
    let made = this.utf8s[j];
    if (made === undefined) {
      made = utf8Subject(subject);
      this.utf8s[j] = made;
    }
    return made;
  }

  /** The segment holding local position `at` (a segment's end counts as inside it); -1 on a separator. */
  segmentAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] > at) hi = mid - 1;
      else if (this.ends[mid] < at) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

/** Whether a chain is only the URL decoding a buffer already applied (`rounds` rounds of %XX / %uXXXX). */
function onlyUrlRounds(via: string, rounds: number): boolean {
  let steps = 0;
  let at = 0;
  while (at < via.length) {
    const end = via.indexOf('>', at);
    const stop = end < 0 ? via.length : end;
    const length = stop - at;
    if (!((length === 3 && via.startsWith('url', at)) || (length === 9 && via.startsWith('percent-u', at)))) return false;
    steps++;
    at = stop + 1;
  }
  return steps <= rounds;
}

/** Chains that rewrite syntax rather than undo an encoding: not shown to rules. */
function rewritesSyntax(via: string): boolean {
  return via.includes('whitespace') || via.includes('sql-comments');
}

function shownTo(slot: number, via: string): boolean {
  if (rewritesSyntax(via)) return false;
  // pkt_data is given only what buildDecodedViews picks for it (a JSON body's escapes, a query or form value's URL rounds).
  if (slot === RAW_SLOT) return true;
  if (slot === URI_SLOT) return !onlyUrlRounds(via, 2);
  if (slot === COOKIE_SLOT) return !onlyUrlRounds(via, 1);
  return !(via.startsWith('url') || via.startsWith('percent-u')) || via.includes('base64') || via.includes('jwt');
}

/**
 * A form's UTF-8 bytes as a latin1 string (one char per byte), the spelling rules' contents are matched in. Its
 * UTF-8 length is its length exactly when every char is ASCII: counted natively, ~0.5 µs on the bench's 4 KB
 * multipart form, where a `/[^\x00-\x7f]/` test read it char by char in ~5 µs (issue 14).
 */
export function latin1OfUtf8(text: string): string {
  return Buffer.byteLength(text, 'utf8') !== text.length ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

const SIMPLE_ESCAPES: Record<string, string> = { '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON text (latin1 bytes) with its string escapes resolved, `\uXXXX` as the character's UTF-8 bytes,
 * except a quote or backslash, which stays `\"` / `\\` (whichever way it was escaped): resolved, a JSON
 * document quoted inside a string value (`"{\"__proto__\":…}"`, a code sample) would read as the
 * document's own keys. A malformed escape is kept as written. Linear; reads text[from, to).
 */
export function unescapeJsonText(text: string, from: number, to: number): string {
  let out = '';
  let copied = from;
  let i = text.indexOf('\\', from);
  while (i >= 0 && i < to - 1) {
    const e = text[i + 1];
    let value: string | undefined;
    let length = 2;
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        const code = parseInt(hex, 16);
        value = code === 0x22 ? '\\"' : code === 0x5c ? '\\\\' : latin1OfUtf8(String.fromCharCode(code));
        length = 6;
      }
    } else value = SIMPLE_ESCAPES[e];
    if (value !== undefined) {
      out += text.slice(copied, i) + value;
      copied = i + length;
    }
    i = text.indexOf('\\', i + length);
  }
  return out + text.slice(copied, to);
}

function hasForms(t: Target): boolean {
  return t.decoded.length > 0 || t.unescaped !== undefined;
}

/**
 * A JSON body written with escapes (keys too: `"\u0040type"`) is shown whole, as its parser reads it:
 * rules whose content spans the structure (`"@type":"com.sun.`) match there, one string at a time not.
 * A body longer than a view shows its escaped strings one by one instead: cut short, the whole-body form
 * would hide every string past the cut, however few of them were escaped.
 */
function showsJsonBodyWhole(inspection: Inspection): boolean {
  const body = inspection.buffers.clientBody;
  return inspection.bodyKind === 'json' && body.length <= MAX_VIEW_CHARS && body.indexOf('\\') >= 0;
}

/** Whether the request has any decoded form for the rules to see (else it gets no view and costs this one pass). */
export function hasDecodedForms(inspection: Inspection): boolean {
  return showsJsonBodyWhole(inspection) || inspection.bodyKind === 'multipart' || inspection.bodyKind === 'json' || inspection.targets.some(hasForms);
}

/** The via of a multipart body's fields spelled as a form (`&name=value&…`, values as the parser read them). */
export const MULTIPART_AS_FORM = 'multipart-as-form';

/**
 * A multipart body's fields as the urlencoded form the same page posts without a file input:
 * `&name=value&name2=value2`, the values as the parser read them (a part's transfer encoding undone). The
 * rules that read a form's structure (`[?&]hook=exec`, `=phar://`, `[?&]cmd=` then the value) were
 * written for a form body; sent as FormData (a browser with a file input, Python `files=`, curl `-F`), the
 * name sits in the part's header and the value after a blank line: of xa's 3,814 blocked exploit forms so
 * re-spelled, 107 passed before, 32 after (session 32, ev32, datasets/respell-body.ts). Null when no field has a value.
 */
function multipartAsForm(targets: readonly Target[], values?: number[], texts?: string[]): string | null {
  return bodyValuesAsForm(targets, MAX_VIEW_CHARS, fieldName, fieldValue, values, texts);
}
const fieldName = (t: Target): string => t.name;
const fieldValue = (t: Target): string => t.raw;

/** A value shorter than this is not looked for in the raw buffer: the scan it would spare costs less than the look. */
const VERBATIM_MIN_CHARS = 512;
/** The chars of a value's start looked for in the raw buffer, then compared whole where found. */
const VERBATIM_HEAD_CHARS = 64;
/** Places a value's start is compared at before it counts as not found (a start repeated in the request). */
const VERBATIM_TRIES = 4;

/**
 * Of the value stretches (pairs in `form`; `texts[k / 2]`, when given, is pair k's text as a string of its own),
 * the long ones found in `raw` exactly as they are: a multipart part's or JSON value's text as sent, which raw's own
 * scan read (not one a transfer encoding or charset changed). Found by the value's first chars, then compared whole at
 * each place they occur, by `===` with raw's substring: V8 compares two strings' contents at once, where `startsWith`
 * reads char by char, and char by char through the slice of a joined string (sp33's ~0.2 µs look was 19-26 µs of the
 * bench's multipart request, its second largest full-only self time in a profile of the loaded proxy; session 34).
 * A multipart value is the field's own string (the form's text there: the form is used as its own ASCII spelling).
 */
function valuesAsSent(raw: string, form: string, values: readonly number[], texts?: readonly string[]): number[] {
  const found: number[] = [];
  for (let k = 0; k < values.length; k += 2) {
    const from = values[k];
    const to = values[k + 1];
    if (to - from < VERBATIM_MIN_CHARS) continue;
    const value = texts?.[k >> 1] ?? form.slice(from, to);
    const head = value.slice(0, VERBATIM_HEAD_CHARS);
    let at = raw.indexOf(head);
    for (let tries = 0; at >= 0 && tries < VERBATIM_TRIES; tries++) {
      if (raw.substr(at, value.length) === value) {
        found.push(from, to);
        break;
      }
      at = raw.indexOf(head, at + 1);
    }
  }
  return found;
}

/**
 * The views of one request by buffer slot (null where a buffer has none), given the header fields the
 * rule set asks for by name. Returns null when no field of the request has a decoded form. `jsonForm`
 * false leaves a JSON body's leaves spelled as a form (JSON_AS_FORM) out of pkt_data's view: the
 * prefilter then reads that form by its pieces (compile/json-form-pieces.ts), and the view with it is
 * built only for a rule that reads pkt_data's view (request-buffers.ts).
 */
export function buildDecodedViews(inspection: Inspection, headerFields: readonly string[], slots: number, jsonForm = true): Array<DecodedView | null> | null {
  const targets = inspection.targets;
  const wholeJson = showsJsonBodyWhole(inspection);
  const multipartValues: number[] = [];
  const multipartTexts: string[] = [];
  const multipartForm = inspection.bodyKind === 'multipart' ? multipartAsForm(targets, multipartValues, multipartTexts) : null;
  const jsonValues: number[] = [];
  const asForm = jsonForm && inspection.bodyKind === 'json' ? jsonAsForm(targets, MAX_VIEW_CHARS, jsonValues) : null;
  if (!wholeJson && multipartForm === null && asForm === null && !targets.some(hasForms)) return null;
  // Most forms of ordinary requests are URL decodings no buffer is shown: allocate on the first shown one.
  let views: Array<DecodedView | null> | null = null;
  let full: Uint8Array | null = null;
  const addTo = (slot: number, form: string, target: number, via: string, bytes = false, verbatim: readonly number[] = NONE, scanned?: string): void => {
    if (!shownTo(slot, via)) return;
    views ??= new Array<DecodedView | null>(slots).fill(null);
    full ??= new Uint8Array(slots);
    if (full[slot] === 1) return;
    const view = (views[slot] ??= new DecodedView());
    if (!view.add(form, target, via, bytes, verbatim, scanned)) full[slot] = 1;
  };
  const body = inspection.buffers.clientBody;
  // A form body's values are URL-encoded as a query's are: a client that encodes every reserved character
  // (browsers, Python requests, curl --data-urlencode) sent `%27%3Bhostname%20%23` where the rule reads
  // `';hostname #`. 25 of 5,908 blocked form-body exploits passed so re-encoded (session 32).
  const formBody = inspection.bodyKind === 'form';
  if (wholeJson) {
    const unescaped = unescapeJsonText(body, 0, body.length);
    addTo(BODY_SLOT, unescaped, -1, JSON_BODY, true);
    addTo(RAW_SLOT, unescaped, -1, JSON_BODY, true);
  }
  if (multipartForm !== null) {
    // An ASCII form is its own UTF-8 spelling, so its value positions hold in the view.
    const form = latin1OfUtf8(multipartForm);
    addTo(RAW_SLOT, form, -1, MULTIPART_AS_FORM, true, form === multipartForm ? valuesAsSent(inspection.buffers.raw, form, multipartValues, multipartTexts) : NONE);
  }
  if (asForm !== null) {
    const form = latin1OfUtf8(asForm);
    addTo(RAW_SLOT, form, -1, JSON_AS_FORM, true, form === asForm ? valuesAsSent(inspection.buffers.raw, form, jsonValues) : NONE, jsonFormAsScanned(form));
  }
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (!hasForms(t)) continue;
    const slot = t.location === 'path' || t.location === 'query' ? URI_SLOT : t.location === 'header' ? HEADER_SLOT : t.location === 'cookie' ? COOKIE_SLOT : BODY_SLOT;
    const field = t.location === 'header' && headerFields.length > 0 ? headerFields.indexOf(t.name.toLowerCase()) : -1;
    if (t.unescaped !== undefined && !(wholeJson && slot === BODY_SLOT)) {
      addTo(slot, t.raw, i, t.unescaped);
      if (field >= 0) addTo(FIRST_FIELD_SLOT + field, t.raw, i, t.unescaped);
      if (t.unescaped === 'json' && slot === BODY_SLOT) addTo(RAW_SLOT, t.raw, i, t.unescaped);
    }
    const via = t.decodedVia;
    for (let f = 0; f < t.decoded.length; f++) {
      const chain = via?.[f] ?? 'decoded';
      addTo(slot, t.decoded[f], i, chain);
      if (field >= 0) addTo(FIRST_FIELD_SLOT + field, t.decoded[f], i, chain);
      if ((t.location === 'query' || (formBody && t.location === 'body')) && onlyUrlRounds(chain, 2)) addTo(RAW_SLOT, t.decoded[f], i, chain);
    }
  }
  if (views === null) return null;
  for (const view of views as Array<DecodedView | null>) view?.finish();
  return views;
}

/**
 * The decoded text the prefilter scans with a buffer's automaton: the buffer's own view, and for the
 * raw header block (where single-header literals are looked for) the header view, a superset of every
 * single header's view. A literal found there only makes a rule a candidate; the evaluation decides.
 */
export function prefilterViewSlot(slot: number): number {
  return slot === RAW_HEADER_SLOT ? HEADER_SLOT : slot;
}

/**
 * The bytes a hit matched, for reports: in its buffer, or, for a hit on a decoded form (`hit.decoded`),
 * in that form of its field (the first form with that decoding). '' when they cannot be told.
 */
export function matchedText(inspection: Inspection, hit: { buffer: keyof Inspection['buffers']; offset: number; length: number; targetIndex: number; decoded?: string }, maxChars = Infinity): string {
  const length = Math.min(hit.length, maxChars);
  if (hit.decoded === undefined) return hit.offset >= 0 ? inspection.buffers[hit.buffer].substr(hit.offset, length) : '';
  if (hit.decoded === JSON_BODY) {
    const body = inspection.buffers.clientBody;
    return Buffer.from(unescapeJsonText(body, 0, Math.min(body.length, MAX_VIEW_CHARS)).substr(hit.offset, length), 'latin1').toString('utf8');
  }
  if (hit.decoded === JSON_AS_FORM) return Buffer.from(latin1OfUtf8(jsonAsForm(inspection.targets, MAX_VIEW_CHARS) ?? '').substr(hit.offset, length), 'latin1').toString('utf8');
  if (hit.decoded === MULTIPART_AS_FORM) return Buffer.from(latin1OfUtf8(multipartAsForm(inspection.targets) ?? '').substr(hit.offset, length), 'latin1').toString('utf8');
  const target = inspection.targets[hit.targetIndex];
  if (target === undefined) return '';
  const form = target.unescaped === hit.decoded ? target.raw : target.decoded[target.decodedVia?.indexOf(hit.decoded) ?? -1];
  return form === undefined ? '' : Buffer.from(latin1OfUtf8(form).substr(hit.offset, length), 'latin1').toString('utf8');
}
