import { describe, expect, it } from 'vitest';
import { decodeUtf8Lenient, UTF8_INVALID, UTF8_OVERLONG } from '../../../src/inspect/text/utf8-lenient.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeUtf8Lenient', () => {
  it('decodes valid UTF-8 of every length', () => {
    const text = 'aé€😀';
    expect(decodeUtf8Lenient(Buffer.from(text))).toEqual({ text, anomalies: 0 });
  });

  it('decodes 2-, 3- and 4-byte overlong forms of / and flags them', () => {
    for (const seq of [bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf), bytes(0xf0, 0x80, 0x80, 0xaf)]) {
      expect(decodeUtf8Lenient(seq)).toEqual({ text: '/', anomalies: UTF8_OVERLONG });
    }
  });

  it('decodes the 5- and 6-byte overlong forms evasion tools emit', () => {
    expect(decodeUtf8Lenient(bytes(0xf8, 0x80, 0x80, 0x80, 0xae))).toEqual({ text: '.', anomalies: UTF8_OVERLONG });
    expect(decodeUtf8Lenient(bytes(0xfc, 0x80, 0x80, 0x80, 0x80, 0xaf))).toEqual({ text: '/', anomalies: UTF8_OVERLONG });
    // Not an overlong ASCII form: kept byte by byte.
    expect(decodeUtf8Lenient(bytes(0xf8, 0x88, 0x80, 0x80, 0x80)).anomalies).toBe(UTF8_INVALID);
  });

  it('masks an ASCII byte after C0/C1 the way decoders without a continuation check do', () => {
    expect(decodeUtf8Lenient(bytes(0xc0, 0x2e, 0xc0, 0x6e, 0xc1, 0x1c, 0xc0, 0x2f)).text).toBe('..\\/');
    expect(decodeUtf8Lenient(bytes(0xc0, 0x2e)).anomalies).toBe(UTF8_OVERLONG | UTF8_INVALID);
    // Other lead bytes before ASCII stay Latin-1 (GBK-style quote smuggling keeps its quote).
    expect(decodeUtf8Lenient(bytes(0xbf, 0x27)).text).toBe("\u00bf'");
  });

  it('turns stray bytes into their Latin-1 char and flags them', () => {
    expect(decodeUtf8Lenient(bytes(0xbf, 0x27, 0xff))).toEqual({ text: "\u00bf'\u00ff", anomalies: UTF8_INVALID });
  });

  it('handles a sequence cut short by the end', () => {
    expect(decodeUtf8Lenient(bytes(0x61, 0xe2, 0x82)).text).toBe('a\u00e2\u0082');
  });

  it('flags CESU-8 surrogate halves', () => {
    expect(decodeUtf8Lenient(bytes(0xed, 0xa0, 0x80)).anomalies & UTF8_INVALID).toBeTruthy();
  });
});
