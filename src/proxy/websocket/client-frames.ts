import { isUtf8 } from 'node:buffer';
import { frameHeaderLength, framePayloadLength } from './frame-header.js';

/** RFC 6455 §5.2 opcodes. */
export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
export type DataOpcode = typeof OPCODE.text | typeof OPCODE.binary;
export type ControlOpcode = typeof OPCODE.close | typeof OPCODE.ping | typeof OPCODE.pong;

/** RFC 6455 §7.4.1 close codes Warden sends. */
export const CLOSE = { normal: 1000, goingAway: 1001, protocolError: 1002, invalidData: 1007, policyViolation: 1008, tooBig: 1009, tryAgainLater: 1013 } as const;

/** A whole data message: its payload unmasked and reassembled, and the frames' bytes exactly as the client sent them. */
export interface ClientMessage {
  opcode: DataOpcode;
  payload: Buffer;
  /** The frames of the message as received (slices of the socket's chunks, not copies), control frames between fragments excluded. */
  wire: Buffer[];
  wireBytes: number;
  fragments: number;
}

/** A control frame (close, ping, pong), never held for judging: RFC 6455 lets it come between a message's fragments. */
export interface ClientControl {
  opcode: ControlOpcode;
  payload: Buffer;
  wire: Buffer[];
}

/** Bytes of a message past `maxMessageBytes` passed on unjudged (`overLimit: pass`), in order; `last` on its final frame. */
export interface UnjudgedPart {
  opcode: DataOpcode;
  wire: Buffer[];
  wireBytes: number;
  /** Payload bytes of the message so far (declared lengths of its frames, this one whole). */
  messageBytes: number;
  first: boolean;
  last: boolean;
}

export interface ClientFrameSink {
  message(message: ClientMessage): void;
  control(control: ClientControl): void;
  unjudged(part: UnjudgedPart): void;
  /** The stream cannot go on: close the connection with `code`. Nothing is delivered after it. */
  fail(code: number, reason: string): void;
}

export interface ClientFrameLimits {
  /** Payload bytes one data message may reassemble to (its fragments summed). */
  maxMessageBytes: number;
  /** Past `maxMessageBytes`: close 1009, or pass the message's frames on unjudged. */
  overLimit: 'close' | 'pass';
}

const HEADER_MAX = 14;
/** What a held fragment is charged against maxMessageBytes besides its payload (its buffers' objects): 16,384 fragments at the default 1 MiB. */
export const FRAGMENT_COST = 64;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * XORs buf[from, to) with the mask starting at mask byte `maskAt`, four bytes at a time where the buffer is
 * aligned (~6 ms per MiB under tsx here, a byte loop ~25); returns the mask position after `to`.
 */
function unmask(buf: Buffer, from: number, to: number, mask: readonly number[], maskAt: number): number {
  let i = from;
  let m = maskAt;
  while (i < to && ((buf.byteOffset + i) & 3) !== 0) buf[i++] ^= mask[m++ & 3];
  const words = (to - i) >>> 2;
  if (words > 0 && LITTLE_ENDIAN) {
    // The mask as a little-endian word, rotated so its first byte is the one due at i.
    const word = (mask[m & 3] | (mask[(m + 1) & 3] << 8) | (mask[(m + 2) & 3] << 16) | (mask[(m + 3) & 3] << 24)) | 0;
    const view = new Int32Array(buf.buffer, buf.byteOffset + i, words);
    for (let w = 0; w < words; w++) view[w] ^= word;
    i += words << 2;
  }
  while (i < to) buf[i++] ^= mask[m++ & 3];
  return m & 3;
}

/**
 * Reads client→server WebSocket frames (RFC 6455 §5) from a byte stream cut anywhere: a frame's header
 * may arrive one byte at a time, its payload over many chunks. Data messages are unmasked into one buffer
 * each (the wire bytes are kept untouched for forwarding: a slice of the chunk that carried them), fragments
 * are reassembled, and control frames between fragments are delivered as they come. No extension is
 * negotiated through Warden (upgrade.ts strips the offer), so a reserved bit set is a protocol error, as is
 * an unmasked frame, an unknown opcode, a fragmented or oversized control frame, a continuation with no
 * message open, or a new message inside a fragmented one. A text message that is not UTF-8 closes 1007, as
 * the RFC asks of the server (and so what was judged is what the application decodes).
 */
export class ClientFrameParser {
  private readonly header = Buffer.alloc(HEADER_MAX);
  private headerHave = 0;
  private headerNeed = 2;
  /** Payload bytes of the current frame still to come; -1 while reading a header. */
  private remaining = -1;
  private fin = false;
  private opcode = 0;
  private readonly mask = [0, 0, 0, 0];
  private maskAt = 0;
  /** Where the current frame's unmasked payload goes (null while passing a message unjudged). */
  private target: Buffer | null = null;
  private targetAt = 0;
  private frameWire: Buffer[] = [];
  private frameWireBytes = 0;
  private frameLength = 0;

  // The data message being reassembled (opcode 0: none).
  private messageOpcode = 0;
  private messageParts: Buffer[] = [];
  private messageBytes = 0;
  private messageWire: Buffer[] = [];
  private messageWireBytes = 0;
  private messageFragments = 0;
  private passing = false;
  private passedFirst = false;

  private done = false;

  constructor(
    private readonly limits: ClientFrameLimits,
    private readonly sink: ClientFrameSink,
  ) {}

  /** Whether the stream ended (a protocol failure, or the client's Close frame was read): later bytes are ignored. */
  get finished(): boolean {
    return this.done;
  }

  /** Payload and wire bytes held for the message being reassembled. */
  get heldBytes(): number {
    return this.messageWireBytes + this.frameWireBytes;
  }

  push(chunk: Buffer): void {
    let at = 0;
    const end = chunk.length;
    while (at < end && !this.done) {
      if (this.remaining < 0) {
        // Header: copy into the small header buffer until its full length is known and present.
        const start = at;
        while (at < end && this.headerHave < this.headerNeed) this.header[this.headerHave++] = chunk[at++];
        this.addWire(chunk.subarray(start, at));
        if (this.headerHave < this.headerNeed) return;
        if (this.headerNeed === 2) {
          this.headerNeed = this.headerLength();
          if (this.done) return;
          if (this.headerHave < this.headerNeed) continue;
        }
        this.startPayload();
        if (this.done) return;
        if (this.remaining === 0) this.endFrame();
        continue;
      }
      const take = Math.min(this.remaining, end - at);
      const start = at;
      const target = this.target;
      if (target !== null) {
        chunk.copy(target, this.targetAt, start, start + take);
        this.maskAt = unmask(target, this.targetAt, this.targetAt + take, this.mask, this.maskAt);
        this.targetAt += take;
      }
      at += take;
      this.remaining -= take;
      this.addWire(chunk.subarray(start, at));
      if (this.remaining === 0) this.endFrame();
      // A message passed unjudged is not held: its bytes go on as they come (a huge frame costs no memory).
      else if (this.passing && (this.opcode & 0x8) === 0) this.flushUnjudged(false);
    }
  }

  private addWire(slice: Buffer): void {
    if (slice.length === 0) return;
    this.frameWire.push(slice);
    this.frameWireBytes += slice.length;
  }

  /** Checks the first two bytes; returns the header's full length (2, 4 or 10, plus 4 for the mask). */
  private headerLength(): number {
    const b0 = this.header[0];
    const b1 = this.header[1];
    if ((b0 & 0x70) !== 0) return this.failWith(CLOSE.protocolError, 'reserved bits set (no extension was negotiated)');
    const opcode = b0 & 0x0f;
    const control = (opcode & 0x8) !== 0;
    if (opcode > OPCODE.binary && !control) return this.failWith(CLOSE.protocolError, `reserved opcode 0x${opcode.toString(16)}`);
    if (control && opcode > OPCODE.pong) return this.failWith(CLOSE.protocolError, `reserved opcode 0x${opcode.toString(16)}`);
    if ((b1 & 0x80) === 0) return this.failWith(CLOSE.protocolError, 'unmasked client frame');
    const len7 = b1 & 0x7f;
    if (control && ((b0 & 0x80) === 0 || len7 > 125)) return this.failWith(CLOSE.protocolError, 'fragmented or oversized control frame');
    if (opcode === OPCODE.continuation && this.messageOpcode === 0) return this.failWith(CLOSE.protocolError, 'continuation frame with no message open');
    if ((opcode === OPCODE.text || opcode === OPCODE.binary) && this.messageOpcode !== 0) return this.failWith(CLOSE.protocolError, 'new message inside a fragmented one');
    return frameHeaderLength(b1);
  }

  private startPayload(): void {
    const h = this.header;
    const b0 = h[0];
    if ((h[1] & 0x7f) === 127 && h.readUInt32BE(2) >= 0x80000000) {
      this.failWith(CLOSE.protocolError, '64-bit payload length with its most significant bit set');
      return;
    }
    const length = framePayloadLength(h);
    const at = frameHeaderLength(h[1]) - 4; // the mask's 4 bytes end the header (a client frame is masked)
    this.mask[0] = h[at];
    this.mask[1] = h[at + 1];
    this.mask[2] = h[at + 2];
    this.mask[3] = h[at + 3];
    this.maskAt = 0;
    this.fin = (b0 & 0x80) !== 0;
    this.opcode = b0 & 0x0f;
    this.frameLength = length;
    this.remaining = length;
    this.headerHave = 0;
    this.headerNeed = 2;
    this.targetAt = 0;
    if ((this.opcode & 0x8) !== 0) {
      this.target = Buffer.allocUnsafe(length);
      return;
    }
    if (this.opcode !== OPCODE.continuation) {
      this.messageOpcode = this.opcode;
      this.passing = false;
      this.passedFirst = false;
    }
    if (this.passing) {
      this.target = null;
      this.messageBytes += length;
      return;
    }
    // Each fragment held costs objects beyond its payload: empty continuation frames must not grow a message forever.
    const fragmentsOver = (this.messageFragments + 1) * FRAGMENT_COST > this.limits.maxMessageBytes;
    if (this.messageBytes + length > this.limits.maxMessageBytes || fragmentsOver) {
      if (this.limits.overLimit === 'close') {
        const max = this.limits.maxMessageBytes;
        this.failWith(CLOSE.tooBig, fragmentsOver ? `message in more than ${Math.floor(max / FRAGMENT_COST)} fragments` : `message of more than ${max} bytes`);
        return;
      }
      // Past the limit: what was held and the rest of the message go on unjudged, nothing more is unmasked.
      this.passing = true;
      this.target = null;
      this.messageBytes += length;
      this.messageParts = [];
      if (length > 0) this.flushUnjudged(false);
      return;
    }
    this.messageBytes += length;
    this.target = Buffer.allocUnsafe(length);
  }

  private endFrame(): void {
    const wire = this.frameWire;
    const wireBytes = this.frameWireBytes;
    this.frameWire = [];
    this.frameWireBytes = 0;
    this.remaining = -1;
    const opcode = this.opcode;
    const payload = this.target;
    this.target = null;
    if ((opcode & 0x8) !== 0) {
      if (opcode === OPCODE.close) {
        if (this.frameLength === 1) {
          this.failWith(CLOSE.protocolError, 'close frame with a one-byte payload');
          return;
        }
        this.done = true;
      }
      this.sink.control({ opcode: opcode as ControlOpcode, payload: payload!, wire });
      return;
    }
    if (this.passing) {
      this.frameWire = wire;
      this.frameWireBytes = wireBytes;
      const last = this.fin;
      this.flushUnjudged(last);
      if (last) this.resetMessage();
      return;
    }
    this.messageParts.push(payload!);
    for (const w of wire) this.messageWire.push(w);
    this.messageWireBytes += wireBytes;
    this.messageFragments++;
    if (!this.fin) return;
    const parts = this.messageParts;
    const whole = parts.length === 1 ? parts[0] : Buffer.concat(parts, this.messageBytes);
    const message: ClientMessage = {
      opcode: this.messageOpcode as DataOpcode,
      payload: whole,
      wire: this.messageWire,
      wireBytes: this.messageWireBytes,
      fragments: this.messageFragments,
    };
    this.resetMessage();
    if (message.opcode === OPCODE.text && !isUtf8(message.payload)) {
      this.failWith(CLOSE.invalidData, 'text message that is not UTF-8');
      return;
    }
    this.sink.message(message);
  }

  /** Delivers what is held of a message passed unjudged: earlier fragments (once) and the current frame's bytes so far. */
  private flushUnjudged(last: boolean): void {
    const held = this.messageWire;
    const parts = held.length > 0 ? held.concat(this.frameWire) : this.frameWire;
    const bytes = this.messageWireBytes + this.frameWireBytes;
    this.messageWire = [];
    this.messageWireBytes = 0;
    this.frameWire = [];
    this.frameWireBytes = 0;
    const first = !this.passedFirst;
    this.passedFirst = true;
    this.sink.unjudged({ opcode: this.messageOpcode as DataOpcode, wire: parts, wireBytes: bytes, messageBytes: this.messageBytes, first, last });
  }

  private resetMessage(): void {
    this.messageOpcode = 0;
    this.messageParts = [];
    this.messageBytes = 0;
    this.messageWire = [];
    this.messageWireBytes = 0;
    this.messageFragments = 0;
    this.passing = false;
    this.passedFirst = false;
  }

  private failWith(code: number, reason: string): number {
    this.done = true;
    this.frameWire = [];
    this.messageParts = [];
    this.messageWire = [];
    this.sink.fail(code, reason);
    return 0;
  }
}
