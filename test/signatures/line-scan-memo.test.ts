import { describe, expect, it } from 'vitest';
import { buildAhoCorasick, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { LineScanMemo } from '../../src/signatures/compile/line-scan-memo.js';

const rng = (seed: number) => (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

const unordered = (ac: AhoCorasick, text: string, to?: number): string[] => {
  const got: string[] = [];
  ac.scanUnordered(text, (p, end) => got.push(`${p}@${end}`), to);
  return got.sort();
};
const remembered = (memo: LineScanMemo, text: string, linesFrom: number, to?: number): string[] => {
  const got: string[] = [];
  memo.scan(text, (p, end) => got.push(`${p}@${end}`), linesFrom, to);
  return got.sort();
};

describe('remembered header-line scans', () => {
  it('reports what one scan reports, for lines seen before, new ones, and literals spanning a line break', () => {
    // `\r\nhost` and `0\r\nacc` begin in one line and end in the next: the state a line is entered in counts.
    const ac = buildAhoCorasick(['\r\nhost', '0\r\nacc', 'mozilla', 'la/5', 'ept', 'gzip', 'get /', '\r\n\r\nbody', 'x']);
    const memo = new LineScanMemo(ac);
    const heads = [
      'GET /a HTTP/1.0\r\nHost: a.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n\r\nbody=x',
      'GET /b HTTP/1.1\r\nHost: a.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n\r\n',
      'GET /c HTTP/1.0\r\nUser-Agent: Mozilla/5.0\r\nHost: a.test\r\nAccept-Encoding: gzip\r\n\r\nbody',
      'GET /a HTTP/1.0\r\nHost: a.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n\r\nbody=x',
      // The Accept line again, entered after another line: `0\r\nacc` does not end in it this time.
      'GET /d HTTP/1.1\r\nUser-Agent: Mozilla/5.0\r\nHost: a.test\r\nAccept: */*\r\n\r\n',
    ];
    for (const text of heads) {
      const linesFrom = text.indexOf('\r\n') + 2;
      expect(remembered(memo, text, linesFrom)).toEqual(unordered(ac, text));
      // Cut short (raw's scan ends a pattern's length into a body the shared scan reads).
      for (const to of [linesFrom - 1, linesFrom + 3, text.indexOf('\r\n\r\n') + 2, text.length - 2]) {
        expect(remembered(memo, text, Math.min(linesFrom, to), to), `${JSON.stringify(text)} to ${to}`).toEqual(unordered(ac, text, to));
      }
    }
    expect(memo.size).toBeGreaterThan(0);
  });

  it('reports what one scan reports over random heads whose lines repeat, from every entry state', () => {
    const next = rng(2026);
    const alphabet = 'ab:/ \r\nAB';
    const word = (max: number): string => Array.from({ length: 1 + next(max) }, () => alphabet[next(alphabet.length)]).join('');
    let found = 0;
    for (let round = 0; round < 40; round++) {
      const patterns = [...new Set(Array.from({ length: 2 + next(20) }, () => word(6).toLowerCase()))];
      const ac = buildAhoCorasick(patterns);
      const memo = new LineScanMemo(ac);
      const lines = Array.from({ length: 6 }, () => `${word(12).replace(/\r\n/g, '')}\r\n`);
      for (let request = 0; request < 30; request++) {
        const head = `${word(10)}\r\n${Array.from({ length: 1 + next(5) }, () => lines[next(lines.length)]).join('')}\r\n${word(20)}`;
        const want = unordered(ac, head);
        found += want.length;
        expect(remembered(memo, head, head.indexOf('\r\n') + 2), JSON.stringify(head)).toEqual(want);
      }
    }
    expect(found).toBeGreaterThan(2_000);
  });

  it('remembers the header lines only: not the request line, not the body, not a line over 512 chars', () => {
    const ac = buildAhoCorasick(['agent']);
    const memo = new LineScanMemo(ac);
    const text = `GET / HTTP/1.1\r\nUser-Agent: t\r\nCookie: ${'c'.repeat(600)}\r\n\r\n${'b\r\n'.repeat(1000)}`;
    memo.scan(text, () => undefined, 16);
    expect(memo.size).toBe(1);
  });

  it('stays bounded under a flood of distinct lines', () => {
    const ac = buildAhoCorasick(['agent']);
    const memo = new LineScanMemo(ac);
    for (let i = 0; i < 3000; i++) memo.scan(`GET / HTTP/1.1\r\nX-Id: ${i}\r\nUser-Agent: ${i % 7}\r\n\r\n`, () => undefined, 16);
    expect(memo.size).toBeLessThanOrEqual(1024);
  });
});
