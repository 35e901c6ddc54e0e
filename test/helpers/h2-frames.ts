import { connect, type TLSSocket } from 'node:tls';

/** HTTP/2 frame types (RFC 9113 §6). */
export const FRAME = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9 } as const;
export const FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4 } as const;

export interface Frame {
  type: number;
  flags: number;
  streamId: number;
  payload: Buffer;
}

export function frame(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(streamId & 0x7fffffff, 5);
  return Buffer.concat([head, payload]);
}

/** HPACK integer with an N-bit prefix (RFC 7541 §5.1). */
function hpackInt(value: number, prefixBits: number, firstByteHigh: number): Buffer {
  const max = (1 << prefixBits) - 1;
  if (value < max) return Buffer.from([firstByteHigh | value]);
  const out = [firstByteHigh | max];
  let rest = value - max;
  while (rest >= 128) {
    out.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Buffer.from(out);
}

/** A header block of literal fields without indexing and without Huffman coding: simple, and exactly as large as it looks. */
export function headerBlock(fields: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from([0x00]), hpackInt(name.length, 7, 0), Buffer.from(name, 'latin1'), hpackInt(value.length, 7, 0), Buffer.from(value, 'latin1'));
  }
  return Buffer.concat(parts);
}

export function requestFields(path: string, authority: string, extra: [string, string][] = []): [string, string][] {
  return [[':method', 'GET'], [':scheme', 'https'], [':path', path], [':authority', authority], ...extra];
}

/**
 * A raw HTTP/2 client over TLS (ALPN h2) that writes frames exactly as told, so tests can send what
 * a well-behaved client library refuses to: reset floods, endless CONTINUATION, oversized header lists.
 */
export class RawH2Client {
  readonly frames: Frame[] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private constructor(readonly socket: TLSSocket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  static open(port: number, servername: string): Promise<RawH2Client> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, servername, ALPNProtocols: ['h2'], rejectUnauthorized: false }, () => {
        if (socket.alpnProtocol !== 'h2') reject(new Error(`ALPN gave ${String(socket.alpnProtocol)}`));
        const client = new RawH2Client(socket);
        socket.write(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), frame(FRAME.SETTINGS, 0, 0)]));
        resolve(client);
      });
      socket.once('error', reject);
    });
  }

  /** Writes, resolving once the socket took the bytes (false if it is gone). */
  write(bytes: Buffer): Promise<boolean> {
    if (this.closed || this.socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const flushed = this.socket.write(bytes, (err) => resolve(err == null));
      if (!flushed) this.socket.once('drain', () => undefined);
    });
  }

  goaway(): { lastStreamId: number; errorCode: number } | null {
    const g = this.frames.find((f) => f.type === FRAME.GOAWAY);
    return g === undefined ? null : { lastStreamId: g.payload.readUInt32BE(0) & 0x7fffffff, errorCode: g.payload.readUInt32BE(4) };
  }

  /** The server's SETTINGS values by identifier (RFC 9113 §6.5.2). */
  settings(): Map<number, number> {
    const out = new Map<number, number>();
    for (const f of this.frames) {
      if (f.type !== FRAME.SETTINGS || (f.flags & FLAG.ACK) !== 0) continue;
      for (let i = 0; i + 6 <= f.payload.length; i += 6) out.set(f.payload.readUInt16BE(i), f.payload.readUInt32BE(i + 2));
    }
    return out;
  }

  /** Waits until `done()` holds or the socket closes, at most `ms`. */
  async until(done: () => boolean, ms: number): Promise<void> {
    for (let waited = 0; waited < ms && !done() && !this.closed; waited += 20) await new Promise((r) => setTimeout(r, 20));
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 9) {
      const length = this.buffer.readUIntBE(0, 3);
      if (this.buffer.length < 9 + length) break;
      const f: Frame = { type: this.buffer[3], flags: this.buffer[4], streamId: this.buffer.readUInt32BE(5) & 0x7fffffff, payload: this.buffer.subarray(9, 9 + length) };
      this.buffer = this.buffer.subarray(9 + length);
      this.frames.push(f);
      // Acknowledge the server's SETTINGS, as a real client must.
      if (f.type === FRAME.SETTINGS && (f.flags & FLAG.ACK) === 0 && !this.socket.destroyed) this.socket.write(frame(FRAME.SETTINGS, FLAG.ACK, 0));
    }
  }
}
