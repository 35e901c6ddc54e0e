/**
 * Bundled rules of rev 2026-12-04f (issue 14): shapes that are ambiguous alone and block only with
 * where they sit or with a second piece of evidence — an SQL aggregate of a constant as the *whole*
 * value, a gadget class as the whole value of a nested `x=` assignment, a brace list after `exec`,
 * a command word spliced with backslashes that spells the command, `env` closed in backticks after a
 * short value, and a session cookie whose id its framework never issues, or that carries Set-Cookie attributes, or that is named `session_id` and
 * too short to hold 64 bits (that one as evidence only). Each fires on its attack and stays quiet on the benign text closest to it
 * (a BI tool's `count(1)`, a CSS `max()`, a class named in prose, `exec {fd}>`, a Markdown code span
 * holding a Windows path or a fenced diff, issued Express, Laravel, ColdFusion and Lucee cookies).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { form, header, json, q, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();
const cookie = (value: string): RequestSpec => ({ ...header('Cookie', value), url: '/account' });

// express-session's signed id (s:<24-byte id>.<HMAC>, percent-encoded) and Laravel's encrypted cookie
const EXPRESS_SID = 's%3AJ3q9Xk2mVb7Lr0TzWc5Hn8Pd1Fs4Ga6Y.k1Qm3Zr8Vt0Xb5Nc2Lp7Hd9Ws4Jf6Gy1Ea3Ru8Oi0Tk';
const LARAVEL_ENCRYPTED = 'eyJpdiI6IkE3bVJ4cTlLd2VaVjJ0WFE9PSIsInZhbHVlIjoiN2ZLcm1Zb2V4SjNWcDlMd1M9PSIsIm1hYyI6IjkxYjQifQ%3D%3D';

const CASES: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9000119, 'an SQL aggregate of a number as a whole query value', q('sort=max(8704)&page=2'), q('agg=count(1)&q=max(8704)+price')],
  [9000120, 'an SQL aggregate of a number as a whole form value', form('template=max(1578)'), form('formula=sum(1)&note=max(1578)+per+day')],
  [9000120, 'an SQL aggregate of a number as a whole JSON value', json('{"order":"MIN(77)--"}'), json('{"css":"width: max(10px, 2vw)","metric":"count(1)"}')],
  [9001011, 'a gadget class as the value of a nested x= in a form value', form('data=x%3Dorg.codehaus.groovy.runtime.MethodClosure'), form('note=see+org.codehaus.groovy.runtime.MethodClosure+in+the+docs')],
  [9001011, 'a gadget class as the value of a nested x= in a query value', q('input=x%3Dorg.hibernate.jmx.StatisticsService'), q('q=org.hibernate.jmx.StatisticsService+deprecated')],
  [9001644, "a brace expansion after exec in a header", header('X-Request-Id', 'test;exec \'{ps,aux}"'), json('{"body":"exec {fd}>log.txt opens a descriptor"}')],
  [9001644, "a spliced brace expansion after exec in a User-Agent", header('User-Agent', "1|exec '{pin''g,-c,9,x.example.test}\""), header('User-Agent', 'exec-runner/2.1 {linux,amd64}')],
  [9001645, 'a backslash-spliced probe in backticks after a short value', q('filter=1%60pw%5Cd%60'), json('{"body":"open `src\\\\index.js` or `C:\\\\Windows\\\\Temp` first"}')],
  [9001645, 'a backslash-spliced nslookup in backticks in a form value', form('q=%60nsl%5Cookup+x.example.test%60'), json('{"body":"```diff\\n- a\\n+ b\\n```"}')],
  [9001645, 'a backslash-spliced cat in a $( ) substitution', json('{"name":"$(ca\\\\t /etc/hostname)"}'), json('{"body":"`\\\\n` ends a line, `ls\\\\n` is not a command"}')],
  [9001645, 'a backslash-spliced sleep ended by a JSON-escaped tab', json('{"search":"`slee\\\\p\\t29`"}'), json('{"body":"```sh\\nls -la\\n```"}')],
  [9000317, 'env closed in backticks right after a short value', form('redirect=1%60env%60&submit=1'), json('{"body":"set it in `env` or in `.env`"}')],
  [9001653, 'an unsigned connect.sid', cookie('theme=dark; connect.sid=4d15d84d15d84d15d84d15d8'), cookie(`theme=dark; connect.sid=${EXPRESS_SID}`)],
  [9001653, 'a laravel_session under 40 characters', cookie('laravel_session=255608b255608b255608b255608b'), cookie(`XSRF-TOKEN=abc; laravel_session=${LARAVEL_ENCRYPTED}`)],
  [9001653, 'a ColdFusion CFID with letters', cookie('theme=dark; CFID=FP7D'), cookie('CFID=4021; CFTOKEN=71829364; cfid=3a9f2b4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c')],
  [9001653, 'a classic ASP session id that is not 24 capital letters', cookie('x=1; ASPSESSIONID=9dd832b09dd832b09dd832b0'), cookie('ASPSESSIONIDQSTRRBDA=MIEBBOEAKJIMAPDLMPHGCOKE; theme=dark')],
  [9001653, 'a 21-character CFID with letters', cookie('theme=dark; CFID=e2b0d57e2b0d57e2b0d57'), cookie('CFID=77025098; CFTOKEN=2f1c9a0b7d2e3f4a-5B6C7D8E')],
  [9001654, 'a short generic session id with Set-Cookie attributes', cookie('theme=dark; sid=shf00009; Domain=.target.net; Path=/'), cookie('sid=6c1f0e52-9b7d-4a3e-8f21-0d5c7b9e4a13; Path=/; theme=dark')],
  [9001655, 'a session_id under 16 characters', cookie('theme=dark; session_id=evil3369'), cookie('_session_id=4f0c9a3e5b7d1e2f8a6c4b0d9e1f3a5c; sid=7')],
];

describe('bundled rules that need the value\'s whole form or a second piece of evidence (rev 2026-12-04f)', () => {
  // 9001655 is evidence, not a block: an application may issue short session_id cookies itself.
  testRuleCases(CASES.map(([sid, name, attack, nearMiss]) => [sid, sid === 9001655 ? 'suspicious' : 'block', name, attack, nearMiss]), hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
