/** Builds WebSocket frames byte by byte for the tests (RFC 6455 §5.2), masked as a client sends them unless told. */
export function frame(
  opcode: number,
  payload: Buffer | string,
  options: { fin?: boolean; masked?: boolean; rsv?: number; key?: number[]; length64?: boolean } = {},
): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const fin = options.fin ?? true;
  const masked = options.masked ?? true;
  const key = Buffer.from(options.key ?? [0x12, 0x34, 0x56, 0x78]);
  const length = data.length;
  let header: Buffer;
  if (length < 126 && options.length64 !== true) header = Buffer.from([0, length]);
  else if (length < 65536 && options.length64 !== true) {
    header = Buffer.alloc(4);
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeUInt32BE(Math.floor(length / 0x100000000), 2);
    header.writeUInt32BE(length % 0x100000000, 6);
  }
  header[0] = (fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
  if (masked) header[1] |= 0x80;
  const body = Buffer.from(data);
  if (masked) for (let i = 0; i < body.length; i++) body[i] ^= key[i & 3];
  return Buffer.concat(masked ? [header, key, body] : [header, body]);
}
