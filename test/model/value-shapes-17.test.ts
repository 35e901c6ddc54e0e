import { describe, expect, it } from 'vitest';
import { isNumberFormatCode } from '../../src/model/value-shapes.js';
import { mayCarryAttack } from '../../src/model/screen.js';

// Number format codes as spreadsheets and BI tools store them (blind benign set 17's bi/3, read: a measure's formatString).
const FORMATS = ['0.0%;-0.0%;0.0%', '#,##0.00;[Red](#,##0.00)', '0.00E+00', '#,##0', '0.000', '+0.0;-0.0;0', '[Blue]#,##0;[Red]-#,##0;0'];

// Shell, SQL and template shapes with a `;` and digits, and values that are no format code.
const NOT_FORMATS = ['0;id', '0;$0', '1;sleep 5', "0';--", '0;ls -la', '#{7*7}', '0.0%;<script>', '[Red]x', '0;0;0;0;0', '12.5;rm', ';', '0|id'];

describe('isNumberFormatCode', () => {
  for (const f of FORMATS) it(`takes ${f}`, () => expect(isNumberFormatCode(f)).toBe(true));
  for (const f of NOT_FORMATS) it(`refuses ${f}`, () => expect(isNumberFormatCode(f)).toBe(false));
  it('keeps the screen from sending a format code to the model', () => {
    expect(mayCarryAttack('0.0%;-0.0%;0.0%')).toBe(false);
    expect(mayCarryAttack('0;id')).toBe(true);
  });
});
