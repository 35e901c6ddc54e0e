/**
 * Protocol Buffers and gRPC request bodies read without a schema: every length-delimited field that holds
 * text becomes a target, as the application's generated code hands it over as a string. Such a body is binary
 * (tags and lengths are control bytes), so before this it reached the value rules only through its raw bytes
 * and never the model: `1' UNION SELECT …` in a gRPC-web search field was allowed at 0.7 on the rule's alert
 * alone (session 35, lead's probes). Text windows (text-windows.ts) would read the strings too, but merge
 * neighbouring fields whose tag and length bytes happen to be printable, and give up on a message with more
 * than 16 strings; the wire format says exactly where each string starts and ends.
 *
 * The walk is the wire format's own (varint, fixed64, length-delimited, fixed32; groups are refused), close to
 * the reading `protoc --decode_raw` makes: a length-delimited field that is text is a target, one that is not
 * and parses whole as a message is walked as one (to MAX_DEPTH, within a work budget; past either, its printable
 * stretches are light targets), and any other one (bytes, a string with a control byte) has its printable
 * stretches as targets. gRPC frames (a flag byte and a 4-byte length) are unwrapped first; a
 * gzip-compressed frame is inflated within MAX_INFLATED_BYTES; `application/grpc-web-text` is base64 of the
 * frames. Targets are named by field numbers, `3.1` for field 1 of the message in field 3. Protocol Buffers
 * has no schema-less parser among the well-kept libraries (protobufjs decodes against a schema), and the wire
 * walk is these few lines.
 *
 * Cost (node, one run of 5 on the shared machine, session 35): 1 MB of 250,000 one-field nested messages
 * 27 ms, a million nesting levels 2 ms, 10,000 text fields 39–61 ms (the targets' own decoding), random bytes
 * and bytes that are no message under 0.1 ms.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type { BodyContext } from './body-context.js';
import { MAX_WINDOWS, textWindowsOf } from './text-windows.js';
import { isControlFree } from './text.js';
import { finishNow } from '../work-clock.js';

/** Media types whose body is one Protocol Buffers message. */
const PROTOBUF_TYPES = new Set(['application/x-protobuf', 'application/protobuf', 'application/vnd.google.protobuf', 'application/x-google-protobuf', 'application/x-protobuffer']);
/** Nesting levels walked; a deeper message's printable stretches become light targets. */
const MAX_DEPTH = 16;
/** Inflated bytes of one compressed gRPC frame. */
const MAX_INFLATED_BYTES = 1 << 20;
/** Frames of one gRPC body. */
const MAX_FRAMES = 64;

export type ProtobufFraming = 'message' | 'grpc' | 'grpc-web-text';

/** How a body of this media type carries Protocol Buffers, or null when it does not. */
export function protobufFraming(essence: string): ProtobufFraming | null {
  if (PROTOBUF_TYPES.has(essence)) return 'message';
  if (essence === 'application/grpc-web-text' || essence === 'application/grpc-web-text+proto') return 'grpc-web-text';
  if (essence === 'application/grpc' || essence === 'application/grpc-web' || essence === 'application/grpc+proto' || essence === 'application/grpc-web+proto') return 'grpc';
  return null;
}

/** The value of the last varint read (read without allocating a pair per field; the walk is synchronous). */
let varintValue = 0;

/** Reads a varint at `at` into `varintValue`; the offset after it, or -1 past `end` or after 10 bytes. Values beyond 2^53 lose precision, which only lengths care about. */
function varint(bytes: Buffer, at: number, end: number): number {
  varintValue = 0;
  let scale = 1;
  for (let i = 0; i < 10 && at < end; i++) {
    const b = bytes[at++];
    varintValue += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return at;
    scale *= 128;
  }
  return -1;
}

/**
 * Whether bytes[start, end) parse whole as one message (known wire types, no groups, nothing overrunning),
 * checked without allocating: a body of a million one-byte fields must not become a million objects.
 */
function isMessage(bytes: Buffer, start: number, end: number): boolean {
  let at = start;
  while (at < end) {
    at = varint(bytes, at, end);
    if (at < 0 || varintValue < 8 || varintValue > 4_294_967_295) return false;
    const wire = varintValue % 8;
    if (wire === 0) at = varint(bytes, at, end);
    else if (wire === 1 || wire === 5) at = at + (wire === 1 ? 8 : 4) > end ? -1 : at + (wire === 1 ? 8 : 4);
    else if (wire === 2) {
      at = varint(bytes, at, end);
      at = at < 0 || varintValue > end - at ? -1 : at + varintValue;
    } else return false;
    if (at < 0) return false;
  }
  return true;
}

/** Text an application would take as a string: UTF-8 with no control bytes but tab, CR and LF. */
function isText(bytes: Buffer, start: number, end: number): boolean {
  return isControlFree(bytes, start, end) && isUtf8(bytes.subarray(start, end));
}

/**
 * A field nested past MAX_DEPTH, or met when the walk's budget is spent, is not walked (recursion and work stay
 * bounded whatever the nesting); its printable stretches become light targets under the limit, so nesting a
 * payload deeper hides it from nothing.
 */
function addDeepWindows(bytes: Buffer, name: string, context: BodyContext, limit: 'protobufDepth' | 'protobufWork'): void {
  const windows = finishNow(textWindowsOf(bytes, () => false));
  for (let k = 0; k < windows.length; k++) context.collector.addRemainder('body', `${name}[text:${k}]`, 'value', windows[k], false, limit, limit === 'protobufDepth' ? MAX_DEPTH : WALK_FACTOR);
}

/**
 * A field that is neither text nor a message: a `bytes` field, or a string with a control byte in it (`\x01` before a
 * payload). Its printable stretches are targets, as an untyped body's are (text-windows.ts), and none when it has
 * more than MAX_WINDOWS (a file of its own, with its own strings).
 */
function addFieldWindows(bytes: Buffer, name: string, context: BodyContext): void {
  const windows = finishNow(textWindowsOf(bytes, () => false));
  if (windows.length > MAX_WINDOWS) return;
  for (let k = 0; k < windows.length; k++) context.collector.add('body', `${name}[text:${k}]`, 'value', windows[k]);
}

/** Bytes the walk may read per byte of its messages (each message is read twice, and each nesting level reads its bytes again). */
const WALK_FACTOR = 8;
/** Bytes the walk may read for messages of `length` in all: bounds a body of nested short fields. */
const walkBudget = (length: number): number => WALK_FACTOR * length + 65_536;

interface Walk {
  context: BodyContext;
  /** Bytes still to parse; a nested field tried when it is spent is left to the raw rules and the limit finding. */
  budget: number;
}

/**
 * Adds the text fields of one message as targets; false when the bytes are not a message. A text field is
 * not walked as a message too: whatever strings it would hold are pieces of the text, already a target.
 */
function walkMessage(bytes: Buffer, start: number, end: number, path: string, depth: number, walk: Walk): boolean {
  walk.budget -= 2 * (end - start);
  if (!isMessage(bytes, start, end)) return false;
  const { context } = walk;
  let at = start;
  while (at < end) {
    // isMessage checked every varint and length: each read below succeeds.
    at = varint(bytes, at, end);
    const tag = varintValue;
    const wire = tag % 8;
    if (wire === 0) {
      at = varint(bytes, at, end);
      continue;
    }
    if (wire !== 2) {
      at += wire === 1 ? 8 : 4;
      continue;
    }
    const from = varint(bytes, at, end);
    const to = from + varintValue;
    at = to;
    if (to - from === 0) continue;
    const number = Math.floor(tag / 8);
    const name = path === '' ? String(number) : `${path}.${number}`;
    if (isText(bytes, from, to)) {
      context.collector.add('body', context.namePrefix + name, 'value', bytes.toString('utf8', from, to));
    } else if (to - from >= 2) {
      if (depth >= MAX_DEPTH || walk.budget < to - from) addDeepWindows(bytes.subarray(from, to), context.namePrefix + name, context, depth < MAX_DEPTH ? 'protobufWork' : 'protobufDepth');
      else if (!walkMessage(bytes, from, to, name, depth + 1, walk)) addFieldWindows(bytes.subarray(from, to), context.namePrefix + name, context);
    }
    if (context.collector.exhausted) return true;
  }
  return true;
}

/** The messages of a gRPC body: each frame's payload, inflated when compressed; trailer frames skipped. */
function grpcMessages(body: Buffer): Buffer[] | null {
  const messages: Buffer[] = [];
  let at = 0;
  while (at < body.length && messages.length < MAX_FRAMES) {
    if (at + 5 > body.length) return null;
    const flag = body[at];
    const length = body.readUInt32BE(at + 1);
    if (length > body.length - at - 5) return null;
    const payload = body.subarray(at + 5, at + 5 + length);
    at += 5 + length;
    if ((flag & 0x80) !== 0) continue;
    if ((flag & 0x01) === 0) messages.push(payload);
    else if (payload[0] === 0x1f && payload[1] === 0x8b) {
      try {
        messages.push(gunzipSync(payload, { maxOutputLength: MAX_INFLATED_BYTES }));
      } catch {
        return null;
      }
    } else return null;
  }
  return messages;
}

/** grpc-web-text: each frame base64-encoded on its own, so padding may stand between frames. */
function base64Frames(body: Buffer): Buffer {
  const pieces = body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '').split(/=+/);
  return Buffer.concat(pieces.filter((p) => p.length > 0).map((p) => Buffer.from(p, 'base64')));
}

/**
 * Walks a Protocol Buffers or gRPC body; false when it is not what its type says (the caller then falls back
 * to the body's text windows, so nothing printable goes unread).
 */
export function parseProtobufBody(body: Buffer, framing: ProtobufFraming, context: BodyContext): boolean {
  if (framing === 'message') return walkMessage(body, 0, body.length, '', 0, { context, budget: walkBudget(body.length) });
  const messages = grpcMessages(framing === 'grpc' ? body : base64Frames(body));
  if (messages === null) return false;
  const walk: Walk = { context, budget: walkBudget(messages.reduce((n, m) => n + m.length, 0)) };
  for (const m of messages) if (!walkMessage(m, 0, m.length, '', 0, walk)) return false;
  return true;
}
