/**
 * The value shapes of blind benign set 18 (session 35, bb35, read): a phone's dial string (dial-string.ts), a puzzle's
 * cell grid row (cell-grid.ts), a SAS step statement (sas-statement.ts), a filter condition with bracketed names or an
 * API filter's `==`/`&&` (sql-condition.ts), and a clue's closing enumeration (enumeration.ts).
 */
import { describe, expect, it } from 'vitest';
import { isCellGridRow } from '../../src/model/cell-grid.js';
import { isDialString } from '../../src/model/dial-string.js';
import { textBeforeEnumeration } from '../../src/model/enumeration.js';
import { isSasStepStatement } from '../../src/model/sas-statement.js';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';
import { isSqlCondition, textAfterSqlCondition } from '../../src/model/sql-condition.js';

describe('isDialString', () => {
  for (const t of ['*123*2*1#', '*#06#', '**21*+31612345678#', '##002#', '*#*#4636#*#*', '#31#']) it(`takes ${t}`, () => expect(isDialString(t)).toBe(true));
  for (const t of ['*/*', '#{7*7}', '*)(uid=*', '1#', '*1*id#', '***', "*1' or 1=1#", '# comment']) it(`refuses ${t}`, () => expect(isDialString(t)).toBe(false));
  it('keeps the screen from sending a USSD code to the model', () => {
    expect(mayCarryAttack('*123*2*1#')).toBe(false);
    expect(mayCarryAttack('*1*id#')).toBe(true);
  });
});

describe('isCellGridRow', () => {
  for (const t of ['X\\16 . . X\\X', 'X\\X 23\\X 30\\X X\\X', '5 3 . . 7 . . . .', '1 1 . 3', '_ _ X _']) it(`takes ${t}`, () => expect(isCellGridRow(t)).toBe(true));
  for (const t of ['1 -- -', '1 # #', '..\\..\\win.ini', 'X\\x41 . .', '\\u003c . .', '1 or 1', '. . ./etc/passwd', 'C:\\ . .']) it(`refuses ${t}`, () => expect(isCellGridRow(t)).toBe(false));
});

describe('isSasStepStatement', () => {
  for (const t of ['proc sql;', 'proc mixed data=work.bp method=reml;', 'data work.bp;', 'data _null_;', 'run;', 'quit;', '  RUN;', 'proc freq data=trial.adae noprint;']) it(`takes ${t}`, () => expect(isSasStepStatement(t)).toBe(true));
  for (const t of ['proc sql; select * from users;', "proc sql; drop table users;", 'run; rm -rf /', "data x='1';", 'proc x(y);', 'quit; id', 'proc sql']) it(`refuses ${t}`, () => expect(isSasStepStatement(t)).toBe(false));
});

describe('isSqlCondition with bracketed names and an API filter spelling', () => {
  const TAKES = [
    "[sex] = '2' and [age] >= 12 and [age] <= 55 and ([hysterectomy] <> '1' or [hysterectomy] = '')",
    "[visit_1_arm_1][age] > 65 and [consent_complete] = '2'",
    'stable==true && unit=="g"',
    'status == "active" || priority >= 3',
  ];
  const REFUSES = [
    "[a] = 1 or 1 = 1",
    "'a'=='a' && x==1",
    "x==1 || sleep(5)",
    'name=="x" || "1"=="1"',
    "a = 'x' || 'b'",
    "[x] = 1 union select 1",
    "[x] = 1 && [y] == [y]",
    '"a" == "a" && b == 1',
    "[select] = 1 and [from] = 2",
  ];
  for (const t of TAKES) it(`takes ${t}`, () => expect(isSqlCondition(t, INJECTION_WORDS)).toBe(true));
  for (const t of REFUSES) it(`refuses ${t}`, () => expect(isSqlCondition(t, INJECTION_WORDS)).toBe(false));
  it('leaves what follows such a condition to be scored', () => {
    expect(textAfterSqlCondition('stable==true && unit=="g" UNION SELECT password FROM users')).toBe('UNION SELECT password FROM users');
  });
});

describe('textBeforeEnumeration', () => {
  it('scores a clue without its enumeration', () => {
    expect(textBeforeEnumeration('Top ___ (best) (3)', INJECTION_WORDS)).toBe('Top ___ (best)');
    expect(textBeforeEnumeration('Spooner\'s "belly jeans" for a dessert (5,5)', INJECTION_WORDS)).toBe('Spooner\'s "belly jeans" for a dessert');
    expect(textBeforeEnumeration('Inbox (12)', INJECTION_WORDS)).toBe('Inbox');
  });
  it('keeps a call of a sink, an identifier joined by `_` and a bracket with no space whole', () => {
    for (const t of ['1 and sleep (5)', 'x benchmark (10)', '1 and pg_sleep (5)', "'; exec xp_cmdshell (1)", 'alert(1)', 'eval (1)', '(3)', '12 (3)']) expect(textBeforeEnumeration(t, INJECTION_WORDS), t).toBe(null);
  });
});
