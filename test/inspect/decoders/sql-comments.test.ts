import { describe, expect, it } from 'vitest';
import { stripSqlComments } from '../../../src/inspect/decoders/sql-comments.js';
import { freshContext } from './context.js';

const strip = (s: string): string => stripSqlComments(s, freshContext());

describe('stripSqlComments', () => {
  it('turns inline comments into spaces', () => {
    expect(strip('UNION/**/SELECT/*foo*/1')).toBe('UNION SELECT 1');
  });

  it('keeps the content of MySQL versioned comments', () => {
    expect(strip('1 /*!50000UNION*/ /*!SELECT*/ 2')).toBe('1  UNION   SELECT  2');
  });

  it('drops an unclosed comment to the end, as MySQL does', () => {
    expect(strip("admin'/* rest")).toBe("admin' ");
  });

  it('returns the same string without comments', () => {
    const s = '2024/01/02';
    expect(strip(s)).toBe(s);
  });
});
