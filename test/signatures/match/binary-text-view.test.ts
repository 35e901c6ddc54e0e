import { describe, expect, it } from 'vitest';
import { binaryTextView } from '../../../src/signatures/match/binary-text-view.js';

describe("a binary body's text view", () => {
  it('keeps printable runs of 12 bytes or more in a binary region, offsets and all, and NULs the rest', () => {
    const body = "\x01%{\x02\x9c#\x03' OR '1'='1' --\x04";
    const view = binaryTextView(body, [0, body.length]);
    expect(view).toHaveLength(body.length);
    expect(view).toBe("\0\0\0\0\0\0\0' OR '1'='1' --\0");
    expect(view.indexOf("' OR")).toBe(body.indexOf("' OR"));
  });

  it('leaves text outside the regions as sent, and a run going on past a region whole', () => {
    const head = 'title=ab\r\n';
    const body = `${head}\x01\x02ab${'-'.repeat(20)}`;
    expect(binaryTextView(body, [head.length, head.length + 6])).toBe(`${head}\0\0ab${'-'.repeat(20)}`);
    expect(binaryTextView('plain', [])).toBe('plain');
  });

  it('takes out opaque stretches (a checked font’s glyph tables) entirely, printable runs and all', () => {
    const body = `\x01\x02ba\`\`\`c\`\`\`c\`\`ab^ba\`\`\x03\x04`;
    expect(binaryTextView(body, [0, body.length], [2, body.length - 2])).toBe('\0'.repeat(body.length));
  });
});
