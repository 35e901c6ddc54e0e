import { describe, expect, it } from 'vitest';
import { isArithmeticExpression } from '../../src/model/arithmetic-expression.js';
import { mayCarryAttack } from '../../src/model/screen.js';

// Maths answers and calculator inputs (blind benign set 17's mathtools/10, read: a STACK answer, 0.82).
const FORMULAS = ['(x+2)*(x-3)/(x^2-9)', 'sin(x)^2', '2*pi*r', '3(x+1)^2 - 4x', '-x^2 + 2x - 1', 'sqrt(a^2 + b^2)', '(x+1)(x-1)', 'log(x)/ln(2)', '1/(1+e^(-t))'];

// Probes and injections with arithmetic in them, and values that are no formula.
const NOT_FORMULAS = [
  '1+1', '7*7', '49', 'x', '(x)', "7*'7'", '{{7*7}}', '${7*7}', '$((7*7))', '1 or 1=1', '1-(select 1)', 'x--', 'a/*b*/',
  'sleep(5)', 'exp(~0)', '(1)and(1)', 'x(1)', 'cat(x)', 'id*(x)', '1;2*(x)', 'abs x', 'sin(x', 'x+', '*x', 'x^^2', 'pi(1)',
];

describe('isArithmeticExpression', () => {
  for (const f of FORMULAS) it(`takes ${f}`, () => expect(isArithmeticExpression(f)).toBe(true));
  for (const f of NOT_FORMULAS) it(`refuses ${f}`, () => expect(isArithmeticExpression(f)).toBe(false));
  it('keeps the screen from sending a formula to the model', () => {
    expect(mayCarryAttack('(x+2)*(x-3)/(x^2-9)')).toBe(false);
    expect(mayCarryAttack("1' or (x+2)*(x-3)")).toBe(true);
  });
});
