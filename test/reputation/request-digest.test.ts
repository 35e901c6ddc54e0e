import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requestDigest } from '../../src/reputation/request-digest.js';

type DigestInput = Parameters<typeof requestDigest>[0];

/** The digest as it was computed before one update replaced four per header: the bytes it must keep hashing. */
function pieceByPiece(inspection: DigestInput): string {
  const hash = createHash('sha256').update(inspection.method).update('\n').update(inspection.rawUrl);
  for (const [name, value] of inspection.headers) hash.update('\n').update(name).update(':').update(value);
  return hash.update('\n\n').update(inspection.body).digest('hex').slice(0, 16);
}

/** A small deterministic generator (no Math.random: a failure must replay). */
function* texts(seed: number): Generator<string> {
  const pieces = ['a', 'Z', '/', '%27', ' ', 'é', '日本', '\u{1F600}', '\ud83d', '\ude00', '\u0130', ':', '\n', ''];
  let x = seed;
  for (;;) {
    let s = '';
    x = (x * 1103515245 + 12345) >>> 0;
    for (let n = x % 7; n > 0; n--) {
      x = (x * 1103515245 + 12345) >>> 0;
      s += pieces[x % pieces.length];
    }
    yield s;
  }
}

describe('requestDigest', () => {
  it('hashes the same bytes as one update per piece did, lone surrogates, empty and non-UTF-8 bodies included', () => {
    const gen = texts(7);
    const next = (): string => gen.next().value as string;
    for (let i = 0; i < 500; i++) {
      const headers: Array<[string, string]> = [];
      for (let h = i % 5; h > 0; h--) headers.push([next(), next()]);
      // Every fourth request bodiless: hashed in one call, the others through a Hash object.
      const body = i % 4 === 0 ? Buffer.alloc(0) : i % 3 === 0 ? Buffer.from([0xff, 0xfe, 0xc3]) : Buffer.from(next(), 'utf8');
      const inspection: DigestInput = { method: i % 2 ? 'POST' : next(), rawUrl: `/${next()}?q=${next()}`, headers, body };
      expect(requestDigest(inspection), JSON.stringify(inspection)).toBe(pieceByPiece(inspection));
    }
  });

  it('tells a header split differently apart (name and value are not run together)', () => {
    const body = Buffer.alloc(0);
    const a = requestDigest({ method: 'GET', rawUrl: '/', headers: [['ab', 'c']], body });
    const b = requestDigest({ method: 'GET', rawUrl: '/', headers: [['a', 'bc']], body });
    expect(a).not.toBe(b);
  });
});
