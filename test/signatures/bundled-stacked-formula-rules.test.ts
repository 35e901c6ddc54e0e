/**
 * Bundled rule of rev 2026-12-10n (lead, session 26, issue 14): 9000142, a stacked DDL/DML statement after a
 * spreadsheet formula or function call. A workbook range update whose cell is `=SUM(A1);DROP TABLE users` scored
 * 0.02 on the model and passed; 9000189 took the same separator and statement only after a number. Each case fires
 * on its attack and stays quiet on the benign text closest to it: a plain formula, a formula whose semicolons
 * separate arguments (a German-locale sheet), an SQL script posted to a console (a statement, not a call, before
 * the separator), prose that mentions dropping a table.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { form, json, JSON_HEADERS, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const workbook = (cell: string): RequestSpec => ({
  method: 'PATCH',
  url: "/v1.0/me/drive/items/01ABC/workbook/worksheets/Sheet1/range(address='A1')",
  headers: JSON_HEADERS,
  body: JSON.stringify({ formulas: [[cell]] }),
});

const CASES: RuleCase[] = [
  [9000142, 'block', 'a formula cell, a semicolon and DROP TABLE in a workbook range update', workbook('=SUM(A1);DROP TABLE users'), workbook('=SUM(A1:A9)')],
  [9000142, 'block', 'a formula, an encoded semicolon and INSERT INTO in a form', form('sheet=2&formula=%3DNOW()%3BINSERT+INTO+admins+VALUES(1)'), form('sheet=2&formula=%3DSUMME(A1%3BA2)&note=insert+into+the+summary')],
  [9000142, 'block', 'a function call then ;EXEC xp_cmdshell in a query', q('expr=count(*);exec%20xp_cmdshell%20%27whoami%27'), q('expr=count(*)&sort=desc')],
  [9000142, 'block', 'a German-locale formula then DELETE FROM in JSON', json('{"cell":"B2","value":"=WENN(A1>0;1;0); DELETE FROM orders"}'), json('{"cell":"B2","value":"=WENN(A1>0;\\"ja\\";\\"nein\\")"}')],
  [9000142, 'block', 'a call then UPDATE … SET in a computed field', json('{"field":"total","formula":"=ROUND(x, 2);UPDATE users SET role=\'admin\'"}'), json('{"sql":"CREATE TABLE t (id int); DROP TABLE old_t;","console":"run"}')],
];

describe('bundled rule for a stacked statement after a formula (rev 2026-12-10n)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
