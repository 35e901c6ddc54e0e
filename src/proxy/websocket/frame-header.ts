/**
 * A WebSocket frame header's arithmetic (RFC 6455 §5.2), shared by the client frame parser and the server
 * stream's boundary follower: how long the header is, from its second byte, and the payload length it holds.
 */

/** The header's length: 2 bytes, the extended length's 2 or 8 (7-bit length 126 or 127), the mask's 4 when set. */
export function frameHeaderLength(b1: number): number {
  const len7 = b1 & 0x7f;
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + ((b1 & 0x80) !== 0 ? 4 : 0);
}

/** The payload length of a complete header: its 7-bit length or the extended one (past 2^53 not exact, far over any limit). */
export function framePayloadLength(header: Buffer): number {
  const len7 = header[1] & 0x7f;
  if (len7 === 126) return header.readUInt16BE(2);
  if (len7 === 127) return header.readUInt32BE(2) * 0x100000000 + header.readUInt32BE(6);
  return len7;
}
