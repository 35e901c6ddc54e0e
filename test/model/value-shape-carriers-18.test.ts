/**
 * The shapes of blind benign set 18 (session 35, bb35, read) through the full pipeline (bundled rules + the shipped
 * model, `warden eval`): a modem console's USSD code (dial-string.ts), a Kakuro editor's grid row (cell-grid.ts, and
 * its escape decoder's form in gate.ts), a SAS program's `proc sql;` line (sas-statement.ts), REDCap branching logic
 * beside 9000105's alert and an instrument gateway's `==`/`&&` filter (sql-condition.ts) and a crossword clue's
 * enumeration (enumeration.ts) pass; injections in the same carriers are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const form = (host: string, path: string, body: (v: string) => string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: body(v) });
const enc = (s: string): string => encodeURIComponent(s);

const CARRIERS: Record<string, Carrier> = {
  'ussd code': form('192.168.8.1', '/api/ussd/send', (v) => `code=${enc(v)}&timeout=30`),
  'kakuro row': json('puzzles.example-games.net', '/api/kakuro', (v) => ({ rows: ['X\\X 23\\X 30\\X X\\X', v, 'X\\17 . . 16\\X'], note: 'clue format: down\\across' })),
  'sas line': json('sas.example-uni.edu', '/compute/sessions/s1/jobs', (v) => ({ code: ["libname trial '/data/derived';", v, '  create table work.bp as', 'quit;'] })),
  'branching logic': form('redcap.example-hospital.org', '/redcap/redcap_v14.5.2/Design/edit_field.php?pid=412', (v) => `field_name=preg_test&branching_logic=${enc(v)}&field_type=radio&redcap_csrf_token=0a1b2c3d`),
  'crossword clue': json('puzzles.example-games.net', '/api/puzzles/ipuz', (v) => ({ version: 'http://ipuz.org/v2', clues: { Across: [[1, v], [5, 'A & E, e.g. (5)']] } })),
  'reading filter': (v) => ({ method: 'GET', path: '/api/v1/readings', query: `instrument=balance-XPR205&filter=${enc(v)}`, headers: { Host: 'lims-gw.lab.example-pharma.com' } }),
};

const BENIGN: [string, string][] = [
  ['ussd code', '*123*2*1#'],
  ['kakuro row', 'X\\16 . . X\\X'],
  ['sas line', 'proc sql;'],
  ['branching logic', "[sex] = '2' and [age] >= 12 and [age] <= 55 and ([hysterectomy] <> '1' or [hysterectomy] = '')"],
  ['reading filter', 'stable==true && unit=="g"'],
  ['crossword clue', 'Top ___ (best) (3)'],
];

const ATTACKS: [string, string][] = [
  ['ussd code', '*123#; cat /etc/passwd'],
  ['ussd code', "*123#' OR '1'='1"],
  ['kakuro row', '..\\..\\..\\windows\\win.ini'],
  ['kakuro row', '<script>alert(1)</script>'],
  ['sas line', "proc sql; select password from users union select 1--"],
  ['sas line', 'x=system("id")'],
  ['branching logic', "[sex] = '2' or 1=1 union select username, password from users--"],
  ['branching logic', "[age] > 1 and sleep(5)"],
  ['reading filter', "stable==true && unit==\"g\" UNION SELECT password FROM users--"],
  ['reading filter', "stable==true || this.constructor.constructor('return process')().mainModule.require('child_process').execSync('id')"],
  ['crossword clue', '<script>alert(document.cookie)</script> (3)'],
  ['crossword clue', "x' union select username, password from users-- (5,4)"],
  ['crossword clue', '1 and pg_sleep (5)'],
  ['crossword clue', '" onmouseover=alert (1)'],
];

testCarriers('value shapes of blind benign set 18 through the pipeline', 'lets the code, the row, the line, the logic, the filter and the clue pass', CARRIERS, BENIGN, ATTACKS);
