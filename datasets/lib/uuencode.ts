/**
 * uuencode as `uuencode`/Python's binascii.b2a_uu write it (`begin 644 name` … `end`, 45 bytes a line;
 * zero bits as a backquote, or a space as older encoders write them). Oracle's BNE uploader decodes it
 * before unzipping (held-out-8); the inspector's reader is src/inspect/bodies/uuencoded.ts.
 */
export function uuencode(name: string, data: Buffer, zero = '`'): string {
  const ch = (v: number): string => (v === 0 ? zero : String.fromCharCode(32 + v));
  let out = `begin 644 ${name}\n`;
  for (let i = 0; i < data.length; i += 45) {
    const line = data.subarray(i, i + 45);
    out += ch(line.length);
    for (let j = 0; j < line.length; j += 3) {
      const a = line[j];
      const b = j + 1 < line.length ? line[j + 1] : 0;
      const c = j + 2 < line.length ? line[j + 2] : 0;
      out += ch(a >> 2) + ch(((a << 4) | (b >> 4)) & 63) + ch(((b << 2) | (c >> 6)) & 63) + ch(c & 63);
    }
    out += '\n';
  }
  return `${out}${zero}\nend\n`;
}
