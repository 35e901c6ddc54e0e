import { describe, expect, it } from 'vitest';
import { pcreSpellsOnlyPrintable, readsTextView, spellsOnlyPrintable } from '../../../src/signatures/compile/text-view-rules.js';
import { parseText } from '../parse-helpers.js';

const VIEWS = '# warden: packet-views decoded\n';

describe('which rules read a binary body as its printable runs', () => {
  it('a pcre naming a byte outside printable ASCII reads the bytes: \\xac\\xed, \\x00, [\\x80-\\xff], \\x{1f}, \\e, \\0', () => {
    for (const source of ['\\xac\\xed\\x00\\x05', 'a\\x00b', '[\\x80-\\xff]{4}', 'x\\x{1f}', '\\e\\[', 'a\\0']) expect(pcreSpellsOnlyPrintable(source), source).toBe(false);
  });

  it('a pcre of printable escapes and classes reads the text view: \\x22, \\x27, \\s, \\d, an escaped backslash before x41', () => {
    for (const source of ["(?:['\\x22)]|%27)\\s*or", '\\d{1,3}\\.\\w+', '\\\\x41', '[\\x20-\\x7e]+']) expect(pcreSpellsOnlyPrintable(source), source).toBe(true);
  });

  it('a content with a non-printable byte reads the bytes', () => {
    expect(spellsOnlyPrintable('\xac\xed\x00\x05')).toBe(false);
    expect(spellsOnlyPrintable('union select\t')).toBe(true);
  });

  it("only a file written for Warden's views reads the text view: an imported file_data rule reads the bytes", () => {
    const bundled = parseText(`${VIEWS}alert http (msg:"t"; file_data; content:"<?php"; sid:1;)`, 'snort3').rules[0];
    const imported = parseText('alert http (msg:"t"; file_data; content:"<?php"; sid:1;)', 'snort3').rules[0];
    const serialized = parseText(`${VIEWS}alert http (msg:"t"; pkt_data; content:"|AC ED 00 05|"; sid:1;)`, 'snort3').rules[0];
    expect(readsTextView(bundled)).toBe(true);
    expect(readsTextView(imported)).toBe(false);
    expect(readsTextView(serialized)).toBe(false);
  });
});
