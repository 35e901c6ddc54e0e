/**
 * A format field with a spec (blind benign set 16's sciwrite/3, read: a notebook line
 * `print(f'{boot.mean():.3f} ± {boot.std():.3f}')`, 0.93) formats a value: the text around such fields is scored instead.
 * A format-string injection's object graph, calls with arguments, a bare width (an object literal), other templates
 * and markup keep the line whole.
 */
import { describe, expect, it } from 'vitest';
import { textAroundFormatFields } from '../../src/model/format-fields.js';

describe('textAroundFormatFields', () => {
  it('takes out fields of a name, attributes, indexes and empty calls with a format spec', () => {
    expect(textAroundFormatFields("print(f'{boot.mean():.3f} ± {boot.std():.3f}')")).toBe("print(f'  ±  ')");
    expect(textAroundFormatFields('logger.info(f"{elapsed:.2f}s for {n:,} rows")\n')).toBe('logger.info(f" s for   rows")');
    expect(textAroundFormatFields('"{:>10} {:.1%}".format(name, share)')).toBe('"   ".format(name, share)');
    expect(textAroundFormatFields('total {rows[0].amount:08.2f} EUR')).toBe('total   EUR');
  });

  it('leaves injections, object literals, other templates and markup whole (null)', () => {
    for (const t of [
      '{0.__class__.__mro__:s}', '{config.SECRET_KEY:.5s}', '{user.password:>10}', '{request.environ:.9s}', '{x:.3f} {{7*7}}', '{x:.3f} ${7*7}',
      '{x} {y:.2f}', '{x(1):.2f}', "{__import__('os').system('id'):.1f}", '{x:.2f}<script>alert(1)</script>', '{os.system():.2f}',
      'db.injection.insert({success:1});', '{a: 1}', '{x:d}', "print(f'{x}')", '{x:.2f}\nrm -rf /', 'no field here: 1',
    ]) expect(textAroundFormatFields(t), t).toBeNull();
  });
});
