import { describe, expect, it } from 'vitest';
import { ClientFrameParser, CLOSE, OPCODE, type ClientControl, type ClientMessage, type UnjudgedPart } from '../../../src/proxy/websocket/client-frames.js';
import { closeFrame, ServerFrameBoundaries } from '../../../src/proxy/websocket/server-frames.js';
import { frame } from './frames.js';

type Event = { kind: 'message'; m: ClientMessage } | { kind: 'control'; c: ClientControl } | { kind: 'unjudged'; p: UnjudgedPart } | { kind: 'fail'; code: number; reason: string };

function parse(chunks: Buffer[], limits: { maxMessageBytes?: number; overLimit?: 'close' | 'pass' } = {}): Event[] {
  const events: Event[] = [];
  const parser = new ClientFrameParser(
    { maxMessageBytes: limits.maxMessageBytes ?? 1_048_576, overLimit: limits.overLimit ?? 'close' },
    {
      message: (m) => events.push({ kind: 'message', m }),
      control: (c) => events.push({ kind: 'control', c }),
      unjudged: (p) => events.push({ kind: 'unjudged', p }),
      fail: (code, reason) => events.push({ kind: 'fail', code, reason }),
    },
  );
  for (const c of chunks) parser.push(c);
  return events;
}

const byteByByte = (b: Buffer): Buffer[] => [...b].map((x) => Buffer.from([x]));
/** Wire bytes delivered for an event, as one buffer. */
const wireOf = (e: Event): Buffer => Buffer.concat(e.kind === 'message' ? e.m.wire : e.kind === 'control' ? e.c.wire : e.kind === 'unjudged' ? e.p.wire : []);

describe('ClientFrameParser', () => {
  it('unmasks a text message and keeps its frame bytes as sent', () => {
    const f = frame(OPCODE.text, '{"q":"hello"}');
    const [e] = parse([f]);
    expect(e.kind).toBe('message');
    if (e.kind !== 'message') return;
    expect(e.m.opcode).toBe(OPCODE.text);
    expect(e.m.payload.toString()).toBe('{"q":"hello"}');
    expect(wireOf(e).equals(f)).toBe(true);
    expect(e.m.wireBytes).toBe(f.length);
  });

  it('reads 16-bit and 64-bit payload lengths', () => {
    const mid = Buffer.alloc(300, 0x61);
    const big = Buffer.alloc(70_000, 0x62);
    const small64 = Buffer.from('x'.repeat(5));
    const events = parse([frame(OPCODE.binary, mid), frame(OPCODE.binary, big), frame(OPCODE.text, small64, { length64: true })]);
    expect(events.map((e) => (e.kind === 'message' ? e.m.payload.length : -1))).toEqual([300, 70_000, 5]);
    expect(events[1].kind === 'message' && events[1].m.payload.equals(big)).toBe(true);
  });

  it('reassembles a fragmented message and delivers a ping between its fragments first, outside its wire bytes', () => {
    const f1 = frame(OPCODE.text, "{\"q\":\"1' UN", { fin: false });
    const ping = frame(OPCODE.ping, 'p');
    const f2 = frame(OPCODE.continuation, 'ION SEL', { fin: false, key: [1, 2, 3, 4] });
    const pong = frame(OPCODE.pong, '');
    const f3 = frame(OPCODE.continuation, 'ECT 1--"}', { key: [9, 8, 7, 6] });
    const events = parse([Buffer.concat([f1, ping, f2, pong, f3])]);
    expect(events.map((e) => e.kind)).toEqual(['control', 'control', 'message']);
    const m = events[2].kind === 'message' ? events[2].m : null;
    expect(m?.payload.toString()).toBe('{"q":"1\' UNION SELECT 1--"}');
    expect(m?.fragments).toBe(3);
    expect(wireOf(events[2]).equals(Buffer.concat([f1, f2, f3]))).toBe(true);
    expect(wireOf(events[0]).equals(ping)).toBe(true);
    expect(events[0].kind === 'control' && events[0].c.payload.toString()).toBe('p');
  });

  it('gives the same events when the stream arrives one byte at a time', () => {
    const stream = Buffer.concat([
      frame(OPCODE.text, 'a'.repeat(200), { fin: false }),
      frame(OPCODE.ping, 'ping'),
      frame(OPCODE.continuation, 'b'.repeat(70_000), { length64: true }),
      frame(OPCODE.binary, Buffer.from([0, 1, 2, 255])),
      frame(OPCODE.close, Buffer.from([0x03, 0xe8])),
    ]);
    const whole = parse([stream]);
    const bytes = parse(byteByByte(stream));
    const summary = (events: Event[]) => events.map((e) => [e.kind, e.kind === 'message' ? e.m.payload.toString('hex') : e.kind === 'control' ? e.c.payload.toString('hex') : '', wireOf(e).toString('hex')]);
    expect(whole.map((e) => e.kind)).toEqual(['control', 'message', 'message', 'control']);
    expect(summary(bytes)).toEqual(summary(whole));
    // Every byte is delivered exactly once, in order, as wire bytes of some event.
    expect(Buffer.concat([wireOf(whole[0]), wireOf(whole[1]), wireOf(whole[2]), wireOf(whole[3])]).length).toBe(stream.length);
  });

  it('gives the same messages for any cut of the stream into chunks', () => {
    const stream = Buffer.concat([frame(OPCODE.text, 'x'.repeat(130), { fin: false }), frame(OPCODE.pong, 'y'), frame(OPCODE.continuation, 'z'.repeat(3))]);
    const expected = parse([stream]);
    for (let cut = 1; cut < stream.length; cut++) {
      const events = parse([stream.subarray(0, cut), stream.subarray(cut)]);
      expect(events.length).toBe(expected.length);
      expect(events[1].kind === 'message' && events[1].m.payload.toString()).toBe('x'.repeat(130) + 'zzz');
    }
  });

  it('unmasks random bytes right whatever the chunk sizes and buffer offsets', () => {
    const payload = Buffer.from(Array.from({ length: 10_007 }, (_, i) => (i * 7919 + 13) & 0xff));
    const stream = frame(OPCODE.binary, payload, { key: [0xa1, 0x02, 0xff, 0x37] });
    for (const size of [1, 2, 3, 5, 7, 64, 4_099]) {
      const chunks: Buffer[] = [];
      // Each chunk copied into a fresh allocation at an odd offset, as sockets hand them over.
      for (let at = 0; at < stream.length; at += size) chunks.push(Buffer.concat([Buffer.alloc(1), stream.subarray(at, at + size)]).subarray(1));
      const [e] = parse(chunks);
      expect(e.kind === 'message' && e.m.payload.equals(payload)).toBe(true);
    }
  });

  it.each([
    ['an unmasked frame', frame(OPCODE.text, 'hi', { masked: false }), CLOSE.protocolError],
    ['RSV1 set (permessage-deflate was not negotiated)', frame(OPCODE.text, 'hi', { rsv: 4 }), CLOSE.protocolError],
    ['a reserved data opcode', frame(0x3, 'hi'), CLOSE.protocolError],
    ['a reserved control opcode', frame(0xb, 'hi'), CLOSE.protocolError],
    ['a fragmented ping', frame(OPCODE.ping, 'hi', { fin: false }), CLOSE.protocolError],
    ['a ping of 126 bytes', frame(OPCODE.ping, Buffer.alloc(126)), CLOSE.protocolError],
    ['a continuation with no message open', frame(OPCODE.continuation, 'hi'), CLOSE.protocolError],
    ['a close frame with a one-byte payload', frame(OPCODE.close, Buffer.from([3])), CLOSE.protocolError],
    ['a text message that is not UTF-8', frame(OPCODE.text, Buffer.from([0x61, 0xc3, 0x28])), CLOSE.invalidData],
  ])('fails on %s', (_name, bytes, code) => {
    const events = parse([bytes, frame(OPCODE.text, 'after')]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'fail', code });
  });

  it('fails on a new message inside a fragmented one', () => {
    const events = parse([frame(OPCODE.text, 'a', { fin: false }), frame(OPCODE.text, 'b')]);
    expect(events).toEqual([{ kind: 'fail', code: CLOSE.protocolError, reason: 'new message inside a fragmented one' }]);
  });

  it('fails on a 64-bit length with its top bit set', () => {
    const header = Buffer.from([0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4]);
    expect(parse([header])).toMatchObject([{ kind: 'fail', code: CLOSE.protocolError }]);
  });

  it('closes 1009 on a message over the limit as soon as its header says so, before its payload arrives', () => {
    const f = frame(OPCODE.binary, Buffer.alloc(2_000));
    expect(parse([f.subarray(0, 8)], { maxMessageBytes: 1_000 })).toMatchObject([{ kind: 'fail', code: CLOSE.tooBig }]);
    // Fragments count together.
    const fragments = [frame(OPCODE.text, 'a'.repeat(600), { fin: false }), frame(OPCODE.continuation, 'b'.repeat(600))];
    expect(parse(fragments, { maxMessageBytes: 1_000 })).toMatchObject([{ kind: 'fail', code: CLOSE.tooBig }]);
    expect(parse(fragments, { maxMessageBytes: 1_200 })).toMatchObject([{ kind: 'message' }]);
  });

  it('closes 1009 on a message of endless empty fragments, which no byte count would stop', () => {
    const empty = frame(OPCODE.continuation, '', { fin: false });
    const chunks = [frame(OPCODE.text, '', { fin: false }), ...Array.from({ length: 5_000 }, () => empty)];
    const events = parse(chunks, { maxMessageBytes: 65_536 });
    expect(events).toEqual([{ kind: 'fail', code: CLOSE.tooBig, reason: 'message in more than 1024 fragments' }]);
    // Below the fragment bound a fragmented message is whole.
    expect(parse([...chunks.slice(0, 1_000), frame(OPCODE.continuation, 'end')], { maxMessageBytes: 65_536 })).toMatchObject([{ kind: 'message' }]);
  });

  it('passes a message over the limit on unjudged with overLimit: pass, every byte in order, without holding it', () => {
    const f1 = frame(OPCODE.text, 'a'.repeat(600), { fin: false });
    const ping = frame(OPCODE.ping, 'p');
    const f2 = frame(OPCODE.continuation, 'b'.repeat(5_000));
    const after = frame(OPCODE.text, 'next');
    const stream = Buffer.concat([f1, ping, f2, after]);
    const events = parse([stream.subarray(0, 700), stream.subarray(700, 2_000), stream.subarray(2_000)], { maxMessageBytes: 1_000, overLimit: 'pass' });
    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe('control');
    expect(kinds.at(-1)).toBe('message');
    const parts = events.filter((e): e is Extract<Event, { kind: 'unjudged' }> => e.kind === 'unjudged');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].p.first).toBe(true);
    expect(parts.map((p) => p.p.last)).toEqual([...parts.slice(1).map(() => false), true]);
    expect(Buffer.concat(parts.map((p) => Buffer.concat(p.p.wire))).equals(Buffer.concat([f1, f2]))).toBe(true);
    expect(parts.at(-1)!.p.messageBytes).toBe(5_600);
    const last = events.at(-1)!;
    expect(last.kind === 'message' && last.m.payload.toString()).toBe('next');
  });

  it('reads nothing after the client Close frame', () => {
    const events = parse([frame(OPCODE.close, Buffer.from([0x03, 0xe8])), frame(OPCODE.text, 'late')]);
    expect(events.map((e) => e.kind)).toEqual(['control']);
  });

  it('reads the masked Close frame Warden sends upstream', () => {
    const events = parse([closeFrame(CLOSE.policyViolation, '01KB0000000000000000000000', true)]);
    expect(events[0].kind).toBe('control');
    const payload = events[0].kind === 'control' ? events[0].c.payload : Buffer.alloc(0);
    expect(payload.readUInt16BE(0)).toBe(1008);
    expect(payload.subarray(2).toString()).toBe('01KB0000000000000000000000');
  });
});

describe('ServerFrameBoundaries', () => {
  it('follows unmasked server frames cut anywhere, and stops at a boundary when asked', () => {
    const a = frame(OPCODE.text, 'x'.repeat(300), { masked: false });
    const b = frame(OPCODE.binary, Buffer.alloc(0), { masked: false });
    const c = frame(OPCODE.text, 'y'.repeat(70_000), { masked: false, length64: true });
    const stream = Buffer.concat([a, b, c]);
    const tracker = new ServerFrameBoundaries();
    expect(tracker.atBoundary).toBe(true);
    for (const byte of byteByByte(stream.subarray(0, 5))) tracker.advance(byte);
    expect(tracker.atBoundary).toBe(false);
    // Completes frame a and stops before b.
    expect(tracker.advance(stream.subarray(5), true)).toBe(a.length - 5);
    expect(tracker.atBoundary).toBe(true);
    expect(tracker.advance(stream.subarray(a.length))).toBe(b.length + c.length);
    expect(tracker.atBoundary).toBe(true);
  });

  it('writes an unmasked Close frame with the code and reason', () => {
    const f = closeFrame(1008, 'incident', false);
    expect([...f.subarray(0, 4)]).toEqual([0x88, 10, 0x03, 0xf0]);
    expect(f.subarray(4).toString()).toBe('incident');
  });
});
