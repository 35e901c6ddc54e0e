/**
 * Value shapes of blind benign set 13 (session 30, bb30, read): a base64 blob of binary data (a DASH manifest's
 * SCTE-35 `<Binary>`, 0.98) is bytes, not text; base64 of text and the containers attacks travel in are judged as before.
 */
import { describe, expect, it } from 'vitest';
import { mayCarryAttack } from '../../src/model/screen.js';
import { isBinaryBase64 } from '../../src/model/value-shapes.js';

describe('isBinaryBase64', () => {
  it('takes padded base64 of binary data: a SCTE-35 splice, a key, a signature', () => {
    expect(isBinaryBase64('/DAgAAAAAAAAAP/wDwUAAAAAf//+AFJlgAAAAAAAAA==')).toBe(true);
    expect(isBinaryBase64(Buffer.from([0, 1, 2, 250, 251, 47, 47, 43, 9, 200, 128, 7, 3, 99, 17, 64, 33]).toString('base64'))).toBe(true);
    expect(mayCarryAttack('/DAgAAAAAAAAAP/wDwUAAAAAf//+AFJlgAAAAAAAAA==')).toBe(false);
  });

  it('leaves base64 of text to be judged, an attack in it too', () => {
    for (const text of ["' or 1=1-- -", '<script>alert(1)</script>', '{"cmd":"id;uname -a"}', 'Grüße aus Köln, schöne Weihnachten!']) {
      expect(isBinaryBase64(Buffer.from(text).toString('base64')), text).toBe(false);
    }
  });

  it('leaves view state, gzip, pickles and serialized objects, paths, short and unpadded-shape values', () => {
    expect(isBinaryBase64('/wEPDwUKMTIzNDU2Nzg5MGRkAAAAAAAAAA==')).toBe(false);
    expect(isBinaryBase64('H4sIAAAAAAAAA+3BMQEAAADCoPVPbQ==')).toBe(false);
    expect(isBinaryBase64('gASVKAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==')).toBe(false);
    expect(isBinaryBase64('rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==')).toBe(false);
    expect(isBinaryBase64('AAEAAAD/////AQAAAAAAAAAMAgAAAA==')).toBe(false);
    expect(isBinaryBase64('/proc/self/environ/xAAAAAAAAAAA==')).toBe(false);
    expect(isBinaryBase64('/etc/passwd==')).toBe(false);
    expect(isBinaryBase64('AAAA//8=')).toBe(false);
    expect(isBinaryBase64('1 or 1=1+union+select==')).toBe(false);
  });
});
