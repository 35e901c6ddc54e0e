/** Value of an ASCII hex digit by char code, -1 for anything else; a table beats parseInt on the hot path. */
const HEX_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX_VALUES[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX_VALUES[0x41 + i] = 10 + i;
  HEX_VALUES[0x61 + i] = 10 + i;
}

export function hexValue(charCode: number): number {
  return charCode < 128 ? HEX_VALUES[charCode] : -1;
}

/** Value of the two hex digits at s[i], s[i+1], or -1. */
export function hexByteAt(s: string, i: number): number {
  if (i + 1 >= s.length) return -1;
  const hi = hexValue(s.charCodeAt(i));
  if (hi < 0) return -1;
  const lo = hexValue(s.charCodeAt(i + 1));
  return lo < 0 ? -1 : (hi << 4) | lo;
}

/**
 * True when the `%` at s[i] stands before a word, not half an escape: a hex letter, then a letter past `f`
 * (`'%Contoso%'` in a FetchXML or SQL LIKE condition, `%Cologne%`; blind benign set 13, read). `%2g`, `%%35` and a
 * lone `%5` at the end are what evasion tools send, and stay invalid escapes.
 */
export function isWordAfterPercent(s: string, i: number): boolean {
  const first = s.charCodeAt(i + 1) | 0x20;
  const second = s.charCodeAt(i + 2) | 0x20;
  return first >= 0x61 && first <= 0x66 && second >= 0x67 && second <= 0x7a;
}
