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
