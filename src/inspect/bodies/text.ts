import { isUtf8 } from 'node:buffer';
import type { BodyContext } from './body-context.js';

/** Control bytes (other than tab/CR/LF) above this share mean binary, not text. */
const MAX_CONTROL_SHARE = 0.05;

/** The body as text (UTF-8, or Latin-1 when it is not valid UTF-8), or null when it looks binary. */
export function bodyTextOrNull(body: Buffer): string | null {
  if (body.length === 0) return null;
  // Stops at the first bytes of a binary file rather than scanning all of it.
  const maxControls = body.length * MAX_CONTROL_SHARE;
  let controls = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) && ++controls > maxControls) return null;
  }
  return isUtf8(body) ? body.toString('utf8') : body.toString('latin1');
}

/** The whole body as one target, when it is text; binary bodies stay in the clientBody buffer only. */
export function parseTextBody(body: Buffer, context: BodyContext): boolean {
  const text = bodyTextOrNull(body);
  if (text !== null) context.collector.add('body', context.namePrefix === '' ? 'body' : context.namePrefix.slice(0, -1), 'value', text);
  return text !== null;
}
