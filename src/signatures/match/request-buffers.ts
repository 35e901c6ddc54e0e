/**
 * The buffers of one request by slot, with lower-cased copies made on first use (nocase contents are
 * compared against them). Reused across requests to keep the hot path free of per-request arrays.
 * Derived buffers (Suricata header names, request line, ...) are built on first use, so a rule set
 * that never asks for them pays nothing.
 */
import type { Inspection, Target } from '../../inspect/types.js';
import { DERIVED_BUFFERS, FIRST_FIELD_SLOT, NAMED_BUFFERS, derivedSlot } from '../compile/compiled-rule.js';
import { readsUtf8Subjects, utf8Subject, type Utf8Subject } from '../safe-regex.js';
import { buildDecodedViews, prefilterViewSlot, type DecodedView } from './decoded-views.js';
import { rawEndsWithBody, rawLaidOutHere } from '../../inspect/snort-buffers.js';
import { binaryTextView } from './binary-text-view.js';
import { hostOfHeader } from '../options/foreign-host.js';

const NO_HEADERS: ReadonlyMap<string, string> = new Map();

/** Where a match in a decoded view came from: the field, the decoding, the offset in that form and its text. */
export interface DecodedOrigin {
  targetIndex: number;
  via: string;
  offset: number;
  form: string;
}

/**
 * A buffer's UTF-8 bytes are made once, when the first pcre runs on it, for every pcre run on it
 * (safe-regex.ts). Native RE2 encodes a string subject itself on every run, and more slowly than
 * `Buffer.from` does: one 128-char subject 1.02 -> 0.51 µs a run; an attack's raw request, 480 chars,
 * through four pcres 5.7 -> 3.6 µs, 15 -> 8 µs with the caches flushed (issue 14). Before, only texts
 * from 1,024 chars shared their bytes (the bench's multipart body: ~10 % of its two body pcres).
 */

const BASE64_DATA_SLOT = derivedSlot('base64Data');
const RAW_SLOT = NAMED_BUFFERS.indexOf('raw');
const BODY_SLOT = NAMED_BUFFERS.indexOf('clientBody');

export class RequestBuffers {
  private readonly texts: Array<string | null>;
  private readonly lowered: Array<string | null>;
  private readonly utf8s: Array<Utf8Subject | null>;
  private inspection: Inspection | null = null;
  /** Decoded views by slot (decoded-views.ts); null when the request's fields have no decoded form. */
  private views: Array<DecodedView | null> | null = null;
  /**
   * With `jsonFormInPieces`, pkt_data's view of a JSON request in full (its leaves spelled as a form too), made
   * when a rule first reads it; undefined until then. `views` leaves that form out: the prefilter reads it by
   * its pieces (json-form-pieces.ts), and most JSON requests run no rule that reads pkt_data's view.
   */
  private packetView: DecodedView | null | undefined = undefined;
  private jsonFormLeftOut = false;
  /** The body's binary stretches (Inspection.binaryRegions), or null when it has none. */
  private binaryRegions: readonly number[] | null = null;
  /** Their stretches with no text at all (Inspection.opaqueRegions). */
  private opaqueRegions: readonly number[] = [];
  /** Whether text/lower/utf8 of clientBody and raw give their text view (binary-text-view.ts): set per rule. */
  private textViewOn = false;
  /** The text views of raw (0) and clientBody (1), with their lower-cased copies and UTF-8 bytes, made on first use. */
  private readonly viewTexts: Array<string | null> = [null, null];
  private readonly viewLowered: Array<string | null> = [null, null];
  private readonly viewUtf8s: Array<Utf8Subject | null> = [null, null];

  /** `jsonFormInPieces`: the prefilter reads a JSON body's form by its pieces (Prefilter.readsJsonFormInPieces). */
  constructor(
    private readonly headerFields: readonly string[],
    private readonly jsonFormInPieces = false,
  ) {
    const slots = FIRST_FIELD_SLOT + headerFields.length;
    this.texts = new Array<string | null>(slots).fill('');
    this.lowered = new Array<string | null>(slots).fill(null);
    this.utf8s = new Array<Utf8Subject | null>(slots).fill(null);
  }

  load(inspection: Inspection): void {
    this.inspection = inspection;
    this.utf8s.fill(null);
    const buffers = inspection.buffers;
    for (let i = 0; i < NAMED_BUFFERS.length; i++) {
      this.texts[i] = buffers[NAMED_BUFFERS[i]];
      this.lowered[i] = null;
    }
    for (let slot = NAMED_BUFFERS.length; slot < FIRST_FIELD_SLOT; slot++) {
      this.texts[slot] = null;
      this.lowered[slot] = null;
    }
    // A WebSocket message's headers are its handshake's, context only: their rules ran at the handshake.
    const headerMap = inspection.websocket === undefined ? inspection.headerMap : NO_HEADERS;
    for (let i = 0; i < this.headerFields.length; i++) {
      const slot = FIRST_FIELD_SLOT + i;
      this.texts[slot] = headerMap.get(this.headerFields[i]) ?? '';
      this.lowered[slot] = null;
    }
    this.binaryRegions = inspection.binaryRegions ?? null;
    this.opaqueRegions = inspection.opaqueRegions ?? [];
    this.textViewOn = false;
    this.viewTexts[0] = this.viewTexts[1] = null;
    this.viewLowered[0] = this.viewLowered[1] = null;
    this.viewUtf8s[0] = this.viewUtf8s[1] = null;
    this.jsonFormLeftOut = this.jsonFormInPieces && inspection.bodyKind === 'json';
    this.packetView = undefined;
    this.views = buildDecodedViews(inspection, this.headerFields, this.texts.length, !this.jsonFormLeftOut);
  }

  /** The targets of a JSON body whose form the prefilter reads by its pieces (json-form-pieces.ts), or null. */
  jsonFormTargets(): readonly Target[] | null {
    return this.jsonFormLeftOut && this.inspection !== null ? this.inspection.targets : null;
  }

  /** The request's Host, lower case, without port or trailing dot (`warden_foreign_host`); '' when none. */
  requestHost(): string {
    return this.inspection === null ? '' : hostOfHeader(this.inspection.host);
  }

  /**
   * The text of the segment a virtual position lies in (the buffer itself, or one decoded form of its view)
   * and the virtual position of that text's first character.
   */
  segmentAt(slot: number, position: number): { text: string; base: number } {
    const full = this.text(slot);
    const view = this.view(slot);
    if (view === null || position <= full.length) return { text: full, base: 0 };
    const j = view.segmentAt(position - full.length - 1);
    if (j < 0) return { text: full, base: 0 };
    return { text: view.text.slice(view.starts[j], view.ends[j]), base: full.length + 1 + view.starts[j] };
  }

  /** Whether the request's raw buffer ends with its body (as the inspector builds it). */
  rawEndsWithBody(): boolean {
    return this.inspection !== null && rawEndsWithBody(this.inspection.buffers);
  }

  /** Whether the inspector built the request's buffers, so raw holds the head buffers and the body where it put them. */
  rawLaidOutHere(): boolean {
    return this.inspection !== null && rawLaidOutHere(this.inspection.buffers);
  }

  /** What the rule being evaluated decoded with `base64_decode`, for the contents after `base64_data`. */
  setBase64Data(text: string): void {
    this.texts[BASE64_DATA_SLOT] = text;
    this.lowered[BASE64_DATA_SLOT] = null;
    this.utf8s[BASE64_DATA_SLOT] = null;
  }

  /** The decoded forms the slot's rules also see (decoded-views.ts), or null. */
  view(slot: number): DecodedView | null {
    if (slot === RAW_SLOT && this.jsonFormLeftOut) {
      if (this.packetView === undefined) {
        const full = this.inspection === null ? null : buildDecodedViews(this.inspection, this.headerFields, this.texts.length);
        this.packetView = full === null ? null : full[RAW_SLOT];
      }
      return this.packetView;
    }
    return this.views === null ? null : this.views[slot];
  }

  /** Decoded text a stepped prefilter scans along with the slot's buffer (DecodedView.scanText, a JSON body's form included); '' when none. */
  prefilterText(slot: number): string {
    const viewSlot = prefilterViewSlot(slot);
    if (viewSlot === RAW_SLOT) return this.view(RAW_SLOT)?.scanText ?? '';
    return this.prefilterView(slot)?.scanText ?? '';
  }

  /** The decoded view the prefilter scans along with the slot's buffer (its text and verbatim stretches), or null. */
  prefilterView(slot: number): DecodedView | null {
    if (this.views === null) return null;
    return this.views[prefilterViewSlot(slot)] ?? null;
  }

  /**
   * A match position is virtual: 0..length of the buffer is the buffer itself, and a decoded view's
   * local position x is `length + 1 + x` (evaluate-rule.ts). Null for a position in the buffer.
   */
  decodedOrigin(slot: number, offset: number): DecodedOrigin | null {
    const view = this.view(slot);
    const rawLength = this.text(slot).length;
    if (view === null || offset <= rawLength) return null;
    const local = offset - rawLength - 1;
    const j = view.segmentAt(local);
    if (j < 0) return null;
    return { targetIndex: view.targets[j], via: view.via[j], offset: local - view.starts[j], form: view.text.slice(view.starts[j], view.ends[j]) };
  }

  /**
   * Whether the next reads of clientBody and raw give their text view (the rule being evaluated reads it,
   * CompiledRule.readsTextView) or the bytes; a request with no binary stretch has only the bytes.
   */
  readTextView(on: boolean): void {
    this.textViewOn = on && this.binaryRegions !== null;
  }

  /** The text view of raw or clientBody: the body's binary stretches as their printable runs, raw's head as sent. */
  private viewText(slot: number): string {
    const k = slot === RAW_SLOT ? 0 : 1;
    let view = this.viewTexts[k];
    if (view !== null) return view;
    const body = this.texts[BODY_SLOT] ?? '';
    const bodyView = this.viewTexts[1] ?? binaryTextView(body, this.binaryRegions ?? [], this.opaqueRegions);
    this.viewTexts[1] = bodyView;
    if (k === 1) return bodyView;
    const raw = this.texts[RAW_SLOT] ?? '';
    // raw is the head then the body when the inspector built it; a raw laid out otherwise keeps its bytes.
    view = bodyView === body || !this.rawEndsWithBody() ? raw : raw.slice(0, raw.length - body.length) + bodyView;
    this.viewTexts[0] = view;
    return view;
  }

  text(slot: number): string {
    if (this.textViewOn && (slot === RAW_SLOT || slot === BODY_SLOT)) return this.viewText(slot);
    const t = this.texts[slot];
    if (t !== null) return t;
    const derived = this.derive(slot);
    this.texts[slot] = derived;
    return derived;
  }

  lower(slot: number): string {
    if (this.textViewOn && (slot === RAW_SLOT || slot === BODY_SLOT)) {
      const k = slot === RAW_SLOT ? 0 : 1;
      return (this.viewLowered[k] ??= this.viewText(slot).toLowerCase());
    }
    let l = this.lowered[slot];
    if (l === null) {
      l = this.text(slot).toLowerCase();
      this.lowered[slot] = l;
    }
    return l;
  }

  /** The text's UTF-8 bytes for the pcres run on it, made on first use; undefined when no engine reads them (re2js). */
  utf8(slot: number): Utf8Subject | undefined {
    if (this.textViewOn && (slot === RAW_SLOT || slot === BODY_SLOT)) {
      if (!readsUtf8Subjects) return undefined;
      const k = slot === RAW_SLOT ? 0 : 1;
      return (this.viewUtf8s[k] ??= utf8Subject(this.viewText(slot)));
    }
    const made = this.utf8s[slot];
    if (made !== null) return made;
    if (!readsUtf8Subjects) return undefined;
    const u = utf8Subject(this.text(slot));
    this.utf8s[slot] = u;
    return u;
  }

  /** Built from the raw buffer (request line + raw headers + CRLF + body), so offsets in it match raw's. */
  private derive(slot: number): string {
    const inspection = this.inspection;
    if (inspection === null) return '';
    const raw = inspection.buffers.raw;
    const lineEnd = raw.indexOf('\r\n');
    const requestLine = lineEnd < 0 ? raw : raw.slice(0, lineEnd);
    switch (DERIVED_BUFFERS[slot - NAMED_BUFFERS.length]) {
      case 'requestLine':
        return requestLine;
      case 'protocol':
        return requestLine.slice(requestLine.lastIndexOf(' ') + 1);
      case 'start':
        return raw.slice(0, (lineEnd < 0 ? 0 : lineEnd + 2) + inspection.buffers.rawHeader.length + 2);
      case 'headerNames': {
        let names = '\r\n';
        for (const [name] of inspection.headers) names += `${name}\r\n`;
        return `${names}\r\n`;
      }
      default:
        return '';
    }
  }
}
