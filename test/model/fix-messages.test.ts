import { describe, expect, it } from 'vitest';
import { fixFieldsText } from '../../src/model/fix-messages.js';

const SOH = '\u0001';

describe('a FIX message joined by SOH (blind benign set 10: an execution report)', () => {
  it('is scored with its separators written as |, every value kept', () => {
    expect(fixFieldsText(`8=FIX.4.4${SOH}9=153${SOH}35=8${SOH}55=AAPL${SOH}10=112${SOH}`)).toBe('8=FIX.4.4|9=153|35=8|55=AAPL|10=112|');
    expect(fixFieldsText(`8=FIXT.1.1${SOH}35=D${SOH}58=' OR 1=1--`)).toBe("8=FIXT.1.1|35=D|58=' OR 1=1--");
  });

  it('keeps a text as sent with another control character, a field that is no tag=value, or fewer than three fields', () => {
    for (const text of [`8=FIX.4.4${SOH}9=1${SOH}58=a\u0002b${SOH}`, `8=FIX.4.4${SOH}x${SOH}35=8${SOH}`, `8=FIX.4.4${SOH}9=1${SOH}`, `8=FIX${SOH}${SOH}35=8${SOH}`, `123456=x${SOH}9=1${SOH}35=8`, `a=1${SOH}9=1${SOH}35=8`, '8=FIX.4.4|9=1|35=8', `8=FIX.4.4${SOH}9=1\n35=8${SOH}10=1${SOH}`]) {
      expect(fixFieldsText(text), JSON.stringify(text)).toBeNull();
    }
  });
});
