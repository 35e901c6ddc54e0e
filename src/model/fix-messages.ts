/**
 * A FIX message (the Financial Information eXchange protocol: `8=FIX.4.4␁9=153␁35=8␁…`): numeric tags and their values
 * joined by SOH (0x01), the protocol's own field separator, as trading tools, drop-copy viewers and order gateways post
 * them. The model reads a run of control characters between fields as an obfuscated payload (blind benign set 10, read:
 * an execution report 0.999; the same message with `|` for SOH, the way FIX logs print it, 0). The message is scored
 * with its separators written as `|`, so every value is still scored (a `58=` text field holding SQL is SQL either
 * way); a control character inside a field, any other one, or a field that is no `tag=value` keeps the text as sent.
 */

const MIN_FIELDS = 3;

/** The message with its SOH separators as `|`, or null when `text` is no FIX message. */
export function fixFieldsText(text: string): string | null {
  const c0 = text.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || text.length > 65_536 || !text.includes('\u0001')) return null;
  let fields = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 1;
    if (c === 1) {
      if (i === text.length && start === i) break; // the trailing SOH every FIX message ends with
      if (!isTagValue(text, start, i)) return null;
      fields++;
      start = i + 1;
    } else if (c < 32 || c === 127) return null;
  }
  return fields >= MIN_FIELDS ? text.replaceAll('\u0001', '|') : null;
}

/** `digits=…` between start and end: a tag of one to five digits, then `=`. */
function isTagValue(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 6 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > start && i - start <= 5 && i < end && text.charCodeAt(i) === 61;
}
