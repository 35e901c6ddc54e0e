import { randomFillSync } from 'node:crypto';
import { frameHeaderLength, framePayloadLength } from './frame-header.js';

/**
 * Where the server→client stream's frames begin and end. That direction is spliced byte for byte, not
 * judged; Warden only needs to know the frame boundaries so that a Close frame of its own (a blocked
 * message, a protocol error) goes to the client between two of the server's frames, never inside one.
 */
export class ServerFrameBoundaries {
  private readonly header = Buffer.alloc(14);
  private headerHave = 0;
  private headerNeed = 2;
  /** Payload bytes of the current frame still to come; -1 while reading a header. */
  private remaining = -1;

  /** No frame is open: the next byte would begin a header. */
  get atBoundary(): boolean {
    return this.remaining < 0 && this.headerHave === 0;
  }

  /**
   * Follows `chunk`; returns how many of its bytes were taken. With `stopAtBoundary`, stops at the first
   * frame boundary (0 when already at one), so what follows can be held back.
   */
  advance(chunk: Buffer, stopAtBoundary = false): number {
    let at = 0;
    const end = chunk.length;
    while (at < end) {
      if (stopAtBoundary && this.atBoundary) return at;
      if (this.remaining < 0) {
        while (at < end && this.headerHave < this.headerNeed) this.header[this.headerHave++] = chunk[at++];
        if (this.headerHave < this.headerNeed) return at;
        if (this.headerNeed === 2) {
          this.headerNeed = frameHeaderLength(this.header[1]);
          if (this.headerHave < this.headerNeed) continue;
        }
        const length = framePayloadLength(this.header);
        this.remaining = length === 0 ? -1 : length;
        this.headerHave = 0;
        this.headerNeed = 2;
        continue;
      }
      const take = Math.min(this.remaining, end - at);
      at += take;
      this.remaining -= take;
      if (this.remaining === 0) this.remaining = -1;
    }
    return at;
  }
}

/**
 * A Close frame (RFC 6455 §5.5.1): code and a UTF-8 reason cut to fit 125 bytes. `masked` for one sent
 * to the upstream (a client's frames must be masked, §5.3).
 */
export function closeFrame(code: number, reason: string, masked: boolean): Buffer {
  let text = Buffer.from(reason, 'utf8');
  if (text.length > 123) text = text.subarray(0, 123);
  const length = 2 + text.length;
  const frame = Buffer.allocUnsafe(2 + (masked ? 4 : 0) + length);
  frame[0] = 0x88;
  frame[1] = (masked ? 0x80 : 0) | length;
  let at = 2;
  const payload = Buffer.allocUnsafe(length);
  payload.writeUInt16BE(code, 0);
  text.copy(payload, 2);
  if (masked) {
    const key = randomFillSync(Buffer.allocUnsafe(4));
    key.copy(frame, 2);
    at = 6;
    for (let i = 0; i < length; i++) payload[i] ^= key[i & 3];
  }
  payload.copy(frame, at);
  return frame;
}
