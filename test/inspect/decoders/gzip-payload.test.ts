import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from '../../../src/inspect/decoders/base64.js';
import { inflateGzip, isSerializedObject, MAX_INFLATED_BYTES } from '../../../src/inspect/decoders/gzip-payload.js';
import { freshContext } from './context.js';

const decode = (s: string): string => decodeBase64Text(s, freshContext());
const gz64 = (bytes: Buffer | string): string => gzipSync(bytes).toString('base64');
/** The first bytes of a Java object stream naming java.util.HashMap. */
const JAVA = Buffer.from('aced0005737200116a6176612e7574696c2e486173684d61700507dac1c31660d103000246000a6c6f6164466163746f72', 'hex');
const PICKLE = Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), Buffer.from('\u008c\u0005posix\u0094\u008c\u0006system\u0094\u0093\u0094\u008c\u0002id\u0094\u0085\u0094R\u0094.', 'latin1')]);

describe('gzip inside base64 (H4sI…)', () => {
  it('hands on a gzipped Java object or pickle in the base64 spelling the screen and rules know (rO0AB…, gASV…)', () => {
    expect(decode(gz64(JAVA)).startsWith('rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA')).toBe(true);
    expect(decode(gz64(PICKLE)).startsWith('gASV')).toBe(true);
  });

  it('hands on gzipped text as text: a PHP object, JSON state', () => {
    expect(decode(gz64('O:8:"stdClass":1:{s:3:"cmd";s:2:"id";}'))).toBe('O:8:"stdClass":1:{s:3:"cmd";s:2:"id";}');
    expect(decode(gz64('{"filters":{"brand":["acme"]},"page":2}'))).toBe('{"filters":{"brand":["acme"]},"page":2}');
  });

  it('inflates what precedes the cut of a truncated stream', () => {
    const long = Buffer.concat([JAVA, Buffer.from('x'.repeat(2000))]);
    const bytes = gzipSync(long);
    const cut = inflateGzip(bytes.subarray(0, bytes.length - 12));
    expect(cut?.subarray(0, 4).toString('hex')).toBe('aced0005');
  });

  it('leaves corrupt gzip, other binary content and bombs as they are, bounded', () => {
    expect(decode('H4sIAAAAAAAAAJVSTWvCQBC9')).toBe('H4sIAAAAAAAAAJVSTWvCQBC9');
    const png = gz64(Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'));
    expect(decode(png)).toBe(png);
    const bomb = gz64(Buffer.alloc(MAX_INFLATED_BYTES * 64, 0x41));
    expect(decode(bomb)).toBe(bomb);
  });

  it('recognises each binary serialized format by its leading bytes, and nothing else', () => {
    expect(isSerializedObject(JAVA)).toBe(true);
    expect(isSerializedObject(PICKLE)).toBe(true);
    expect(isSerializedObject(Buffer.from('0001000000ffffffff01000000', 'hex'))).toBe(true);
    expect(isSerializedObject(Buffer.from('04087b0649', 'hex'))).toBe(true);
    expect(isSerializedObject(Buffer.from('{"a":1}'))).toBe(false);
    expect(isSerializedObject(Buffer.from('89504e47', 'hex'))).toBe(false);
  });
});
