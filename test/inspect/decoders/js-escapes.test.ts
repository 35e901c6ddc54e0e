import { describe, expect, it } from 'vitest';
import { decodeEveryJsEscape, decodeJsEscapes } from '../../../src/inspect/decoders/js-escapes.js';
import { freshContext } from './context.js';

const decode = (s: string): string => decodeJsEscapes(s, freshContext());

describe('decodeJsEscapes', () => {
  it('decodes \\uXXXX, \\xXX and \\u{...}', () => {
    expect(decode('\\u003cscript\\x3ealert(1)\\u{3c}/script\\u{00003E}')).toBe('<script>alert(1)</script>');
  });

  it('decodes astral code points and surrogate pairs', () => {
    expect(decode('\\u{1F600}')).toBe('😀');
    expect(decode('\\ud83d\\ude00')).toBe('😀');
  });

  it('decodes legacy octal and simple escapes', () => {
    expect(decode('\\74svg\\76 \\x27\\n\\t\\\\')).toBe("<svg> '\n\t\\");
  });

  it("leaves a quoted regular expression's backreferences as written", () => {
    // A JS regex quoted in a snippet (tech-discussion): decoded, `\1` became a control character.
    for (const s of ['/(cat|dog)\\1/', '(["\'])(.*?)\\1', '^(\\d{3})-\\1$']) expect(decode(s), s).toBe(s);
    // `\b` still decodes to a backspace: the shared corpora's traversal probes (`c:\xampp\apache\bin\php.ini`) are caught on that form.
    expect(decode('c:\\xampp\\bin')).toBe('c:\\xampp\bin');
    // Two and three octal digits still spell characters.
    expect(decode('\\74script\\076')).toBe('<script>');
  });

  it("leaves a regular expression's word boundaries as written, and still decodes \\b outside one", () => {
    // A duplicated-word regex pasted in a snippet (tech-discussion): decoded, each `\b` became a backspace (model 0.90, 0.67 as written).
    for (const s of ['\\b(\\w+)\\s+\\1\\b', '\\bfoo\\d{3}\\b', '[\\w.-]+@\\bexample\\b', '\\b[^\\s]+\\b']) expect(decode(s), s).toBe(s);
    // A Windows path's `\windows\system32` is no class escape under a quantifier: its `\bin` is still read as a backspace.
    expect(decode('c:\\windows\\system32\\bin')).toBe('c:\\windows\\system32\bin');
    // Another escape in a regex still decodes.
    expect(decode('\\b\\w+\\x3c')).toBe('\\b\\w+<');
  });

  it('leaves truncated escapes as they are', () => {
    const s = 'a\\u12 b\\x4 c\\u{} d\\u{110000} e\\';
    expect(decode(s)).toBe(s);
  });

  it('leaves unknown escapes alone so Windows paths do not change', () => {
    const s = 'C:\\windows\\system32\\drivers';
    expect(decode(s)).toBe(s);
  });

  it('reads backslashes as separators where one precedes a letter no escape uses (blind benign 9, a master-server filter)', () => {
    // Decoded, `\full` and `\region` became a form feed and a carriage return: the model scored that view 0.99, the filter as written 0.
    for (const s of ['\\gamedir\\cstrike\\secure\\1\\empty\\1\\full\\1\\region\\3', 'CORP\\greta\\records\\notes', 'HKCU\\Software\\Acme\\fontSize\\value']) expect(decode(s), s).toBe(s);
    // `\x`, `\u` and octal escapes still spell characters beside separators; `\b` is still a backspace.
    expect(decode('\\gamedir\\x3cscript\\u003e\\74')).toBe('\\gamedir<script><');
    expect(decode('\\game\\bin')).toBe('\\game\bin');
  });

  it('keeps every escape in a value that names a file after a backslash (the corpora\'s file-read probes)', () => {
    expect(decode('C:\\xampp\\tomcat\\conf\\tomcat-users.xml')).toBe('C:\\xampp\tomcat\\conf\tomcat-users.xml');
    expect(decode('C:\\nginx-1.7.4\\conf\\nginx.conf')).toBe('C:\nginx-1.7.4\\conf\nginx.conf');
    // Without an unknown escape nothing changes: a line break and a tab in an escaped message still decode.
    expect(decode('first line\\nsecond\\tcolumn')).toBe('first line\nsecond\tcolumn');
  });

  it('does not decode an escaped backslash twice', () => {
    expect(decode('\\\\x41')).toBe('\\x41');
  });
});

describe('decodeJsEscapes on hostile input', () => {
  it('stays linear on 1 MB of \\u{ without a closing brace', () => {
    const s = '\\u{'.repeat(350_000);
    const started = performance.now();
    expect(decode(s)).toBe(s);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('decodeEveryJsEscape (training only: the spellings the decoder now leaves as written, for attacks)', () => {
  it('decodes what decodeJsEscapes leaves for benign values: one-digit octal, \\b beside regex syntax, control letters among separators', () => {
    for (const [written, every] of [
      ['\\1=\\1AND\\1=\\1;', '\u0001=\u0001AND\u0001=\u0001;'],
      ['x:expression\\28write(1)\\29', 'x:expression\u00028write(1)\u00029'],
      ['\\b(\\w+)\\s+\\1\\b', '\b(\\w+)\\s+\u0001\b'],
      ['| type C:\\Windows\\repair\\SAM', '| type C:\\Windows\repair\\SAM'],
      ["@im\\port'\\ja\\vasc\\ript:alert(1)", "@im\\port'\\ja\vasc\ript:alert(1)"],
    ]) {
      expect(decode(written)).toBe(written);
      expect(decodeEveryJsEscape(written)).toBe(every);
    }
  });

  it('agrees with decodeJsEscapes wherever that decodes every escape', () => {
    for (const s of ['\\u003cscript\\x3e', '\\74svg\\76 \\x27\\n\\t\\\\', 'plain', '\\', 'C:\\windows\\win.ini', '\\u{1F600}'])
      expect(decodeEveryJsEscape(s)).toBe(decode(s));
  });
});
