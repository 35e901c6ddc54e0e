import { describe, expect, it } from 'vitest';
import { buildSnortBuffers, rawEndsWithBody, rawLaidOutHere } from '../../src/inspect/snort-buffers.js';

describe('the Snort buffers', () => {
  const built = buildSnortBuffers({
    method: 'POST',
    url: '/upload?x=1',
    httpVersion: '1.1',
    headers: [
      ['Host', 'h'],
      ['Cookie', 'a=1'],
    ],
    cookies: ['a=1'],
    snortUri: '/upload?x=1',
    bodyLatin1: 'note=walked 18 km',
  });

  it('builds raw as the request line, the header lines, a blank line and the body', () => {
    expect(built.raw).toBe('POST /upload?x=1 HTTP/1.1\r\nHost: h\r\nCookie: a=1\r\n\r\nnote=walked 18 km');
    expect(built.header).toBe('Host: h\r\n');
  });

  it('says raw ends with the body for the buffers it built, and compares the two for buffers made elsewhere', () => {
    expect(rawEndsWithBody(built)).toBe(true);
    expect(rawEndsWithBody({ ...built })).toBe(true);
    expect(rawEndsWithBody({ ...built, raw: `${built.raw} trailing` })).toBe(false);
    expect(rawEndsWithBody({ ...built, clientBody: 'another body' })).toBe(false);
  });

  it('says raw is laid out as it builds it only for the buffers it built (a copy is found in raw by comparing)', () => {
    expect(rawLaidOutHere(built)).toBe(true);
    expect(rawLaidOutHere({ ...built })).toBe(false);
  });
});
