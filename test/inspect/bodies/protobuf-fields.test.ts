import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { parseProtobufBody, protobufFraming } from '../../../src/inspect/bodies/protobuf-fields.js';
import { rawRequest } from '../raw-request.js';
import { bodyContext, targetSummary } from './body-context.js';

const varint = (n: number): Buffer => {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
};
const delimited = (field: number, bytes: Buffer): Buffer => Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
const str = (field: number, text: string): Buffer => delimited(field, Buffer.from(text));
const num = (field: number, n: number): Buffer => Buffer.concat([varint(field << 3), varint(n)]);
const frame = (message: Buffer, flag = 0): Buffer => {
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
};

const ATTACK = "1' UNION SELECT username,password FROM users-- -";
const SEARCH = Buffer.concat([str(1, 'shoes'), num(2, 20), delimited(3, Buffer.concat([str(1, 'brand'), str(7, ATTACK)])), Buffer.from([0x25, 1, 2, 3, 4]), str(4, 'en-US')]);

function inspect(contentType: string, body: Buffer | string) {
  const inspection = buildInspection(rawRequest('POST', '/shop.v1.Search/Query', [['Content-Type', contentType]], body));
  return { kind: inspection.bodyKind, body: inspection.targets.filter((t) => t.location === 'body').map((t) => [t.name, t.raw]), codes: inspection.findings.map((f) => f.code) };
}

describe('Protocol Buffers and gRPC bodies, walked without a schema', () => {
  it('knows which media types carry Protocol Buffers and how they are framed', () => {
    expect(protobufFraming('application/x-protobuf')).toBe('message');
    expect(protobufFraming('application/grpc-web+proto')).toBe('grpc');
    expect(protobufFraming('application/grpc')).toBe('grpc');
    expect(protobufFraming('application/grpc-web-text')).toBe('grpc-web-text');
    expect(protobufFraming('application/json')).toBeNull();
    expect(protobufFraming('application/octet-stream')).toBeNull();
  });

  it('makes every text field a target named by its field numbers, nested messages included', () => {
    expect(inspect('application/x-protobuf', SEARCH)).toEqual({
      kind: 'binary',
      body: [['1', 'shoes'], ['3.1', 'brand'], ['3.7', ATTACK], ['4', 'en-US']],
      codes: [],
    });
  });

  it('reads a field that is neither text nor a message by its printable stretches: a control byte before a payload hides nothing', () => {
    const body = Buffer.concat([str(1, 'shoes'), delimited(2, Buffer.concat([Buffer.from([0x01]), Buffer.from(ATTACK)]))]);
    expect(inspect('application/x-protobuf', body).body).toEqual([['1', 'shoes'], ['2[text:0]', ATTACK]]);
  });

  it('unwraps gRPC frames, inflates a gzip-compressed one and skips a trailer frame', () => {
    const body = Buffer.concat([frame(str(1, 'first')), frame(gzipSync(str(2, ATTACK)), 1), frame(Buffer.from('grpc-status: 0\r\n'), 0x80)]);
    expect(inspect('application/grpc-web+proto', body).body).toEqual([['1', 'first'], ['2', ATTACK]]);
  });

  it('reads grpc-web-text: each frame base64 on its own, padding between them', () => {
    const body = frame(str(1, 'ab')).toString('base64') + frame(str(5, ATTACK)).toString('base64');
    expect(body.slice(0, -1)).toContain('=');
    expect(inspect('application/grpc-web-text', body)).toMatchObject({ kind: 'binary', body: [['1', 'ab'], ['5', ATTACK]], codes: [] });
  });

  it('leaves bytes that are no message to the text reading, and reads JSON relabelled as protobuf as JSON', () => {
    const notAMessage = Buffer.concat([Buffer.from([0x0f, 0xff, 0x01, 0x02, 0x03, 0x04, 0x05]), Buffer.from(ATTACK), Buffer.from([0x06, 0x07, 0x08])]);
    expect(inspect('application/x-protobuf', notAMessage).body).toEqual([['body[text:0]', ATTACK]]);
    const json = inspect('application/x-protobuf', JSON.stringify({ q: ATTACK }));
    expect(json.kind).toBe('json');
    expect(json.body).toEqual([['q', ATTACK]]);
    expect(json.codes).toContain('WARDEN_INSPECT_CONTENT_TYPE_MISMATCH');
  });

  it('refuses a gRPC frame whose length overruns the body, and a compressed frame it cannot inflate', () => {
    expect(parseProtobufBody(frame(str(1, 'x')).subarray(0, 6), 'grpc', bodyContext())).toBe(false);
    expect(parseProtobufBody(frame(Buffer.from('not gzip'), 1), 'grpc', bodyContext())).toBe(false);
  });

  it('walks nesting to its depth bound, and past it reads the printable stretches as light targets under the limit', () => {
    let message = str(1, ATTACK);
    for (let i = 0; i < 40; i++) message = delimited(2, Buffer.concat([str(1, `level ${i}`), Buffer.from([0x18, 0x01]), message]));
    const context = bodyContext();
    expect(parseProtobufBody(message, 'message', context)).toBe(true);
    const names = targetSummary(context).map(([, name]) => name);
    expect(names.filter((n) => !n.includes('[text:')).every((n) => n.split('.').length <= 17)).toBe(true);
    expect(context.collector.targets.some((t) => t.raw.includes(ATTACK))).toBe(true);
    expect(context.collector.findings.map((f) => f.code)).toContain('WARDEN_INSPECT_LIMIT_REACHED');
    // A million levels: no stack overflow.
    const deep = Buffer.concat([Buffer.alloc(0), ...Array.from({ length: 200_000 }, () => Buffer.from([0x12, 0x7f]))]);
    expect(() => parseProtobufBody(deep, 'message', bodyContext())).not.toThrow();
  });

  it('reads the strings of other binary serializations (MessagePack, CBOR, Thrift) as text windows', () => {
    // {"q": ATTACK, "lang": "en"} in MessagePack: a map of 2, str8 keys and values.
    const msgpack = Buffer.concat([Buffer.from([0x82, 0xa1]), Buffer.from('q'), Buffer.from([0xd9, ATTACK.length]), Buffer.from(ATTACK), Buffer.from([0xa4]), Buffer.from('lang'), Buffer.from([0xa2]), Buffer.from('en')]);
    const framed = Buffer.concat([msgpack, Buffer.from([0, 1, 2, 3, 4, 5, 6])]);
    for (const type of ['application/msgpack', 'application/cbor', 'application/x-thrift']) {
      // The str8 length byte (48, `0`) is printable: a window takes it along.
      expect(inspect(type, framed).body, type).toContainEqual(['body[text:0]', `0${ATTACK}`]);
    }
    expect(inspect('image/png', framed).body).toEqual([]);
  });
});
