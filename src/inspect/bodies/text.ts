import { isUtf8 } from 'node:buffer';
import type { BodyContext } from './body-context.js';
import type { TargetCollector } from '../target-collector.js';
import type { Steps } from '../work-clock.js';

/** Control bytes (other than tab/CR/LF) above this share mean binary, not text. */
const MAX_CONTROL_SHARE = 0.05;

/** Bytes checked for control characters between two looks at the clock (~0.1 ms). */
const CONTROL_PIECE = 65_536;

/** Counts control bytes in body[from, to) onto `controls`; -1 once there are more than `max`. */
function countControls(body: Buffer, from: number, to: number, controls: number, max: number): number {
  for (let i = from; i < to; i++) {
    const b = body[i];
    if (((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) && ++controls > max) return -1;
  }
  return controls;
}

/** Whether more than MAX_CONTROL_SHARE of `bytes` are control bytes (the test `bodyTextOrNull` makes). */
export function controlShareAbove(bytes: Buffer): boolean {
  return bytes.length > 0 && countControls(bytes, 0, bytes.length, 0, bytes.length * MAX_CONTROL_SHARE) < 0;
}

/** Whether bytes[from, to) hold no control byte but tab, CR and LF. */
export function isControlFree(bytes: Buffer, from: number, to: number): boolean {
  return countControls(bytes, from, to, 0, 0) === 0;
}

/** The body as text (UTF-8, or Latin-1 when it is not valid UTF-8), or null when it looks binary. */
export function bodyTextOrNull(body: Buffer): string | null {
  if (body.length === 0) return null;
  // Stops at the first bytes of a binary file rather than scanning all of it.
  if (countControls(body, 0, body.length, 0, body.length * MAX_CONTROL_SHARE) < 0) return null;
  return fieldText(body);
}

/**
 * A form field's bytes as the application reads them: a string, whatever control bytes it holds (UTF-8, or
 * Latin-1 when it is not valid UTF-8). The binary test above is for files: a field is never a file, and
 * a few control bytes beside a short payload (`\x01' AND SLEEP(5)--`, a FIX message's SOH separators) made
 * a multipart field "binary", so it reached no value rule and no model (session 33).
 */
export function fieldText(bytes: Buffer): string | null {
  if (bytes.length === 0) return null;
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** `fieldText` for a value that may be big: its decoding (~1 ms per MiB) on a turn of its own when the slice is used up. */
export function* fieldTextInSteps(bytes: Buffer, collector: TargetCollector): Steps<string | null> {
  if (bytes.length === 0) return null;
  if (collector.dueNow()) yield;
  return fieldText(bytes);
}

/**
 * `bodyTextOrNull` for a body that may be big: the control-byte check in pieces and the decoding on
 * a turn of its own when the slice is used up (together ~3–5 ms per MiB), the same text.
 */
export function* bodyTextInSteps(body: Buffer, collector: TargetCollector): Steps<string | null> {
  if (body.length === 0) return null;
  const max = body.length * MAX_CONTROL_SHARE;
  let controls = 0;
  for (let from = 0; from < body.length; from += CONTROL_PIECE) {
    controls = countControls(body, from, Math.min(body.length, from + CONTROL_PIECE), controls, max);
    if (controls < 0) return null;
    if (collector.dueNow()) yield;
  }
  return fieldText(body);
}

/**
 * The whole body as one target, when it is text; binary bodies stay in the clientBody buffer only.
 * `declaredText`: the sender labelled it text (text/plain, text/csv, ...), so it is read as a string as a
 * multipart field is (`fieldText`), control bytes and all; a body of no or another type is tested.
 */
export function* parseTextBody(body: Buffer, context: BodyContext, declaredText = false): Steps<boolean> {
  const { collector } = context;
  const text = declaredText ? yield* fieldTextInSteps(body, collector) : yield* bodyTextInSteps(body, collector);
  if (text === null) return false;
  if (collector.dueNow()) yield;
  yield* collector.addInSteps('body', context.namePrefix === '' ? 'body' : context.namePrefix.slice(0, -1), 'value', text);
  return true;
}
