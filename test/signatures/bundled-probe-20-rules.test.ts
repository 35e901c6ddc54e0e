/**
 * Bundled rules of rev 2026-12-07d (lead, session 20): mechanisms an exploratory probe of 44 attack requests
 * found the pipeline allowing — argument injection that writes a server script into a web root, a spreadsheet
 * DDE formula, and `https:host` (no slashes) in a redirect parameter. Each fires on its attack, sent as such
 * an exploit sends it, and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000340, 'block', 'a curl -o option writing a PHP file into the web root', q('opts=-o+%2Fvar%2Fwww%2Fhtml%2Fs.php'), q('opts=-o+report.pdf')],
  [9000340, 'block', 'a long option with = writing a JSP into webapps, in JSON', json('{"args":"--output=/opt/tomcat/webapps/ROOT/x.jsp"}'), json('{"args":"--output=/opt/tomcat/logs/catalina.out"}')],
  [9000340, 'block', 'an -O option writing an ASPX into inetpub, in a form', form('flags=-O%20C%3A%2Finetpub%2Fwwwroot%2Fa.aspx'), form('flags=-O%20C%3A%2FUsers%2Fsam%2FDownloads%2Fa.zip')],
  [9000340, 'block', 'an option quoted before the web-root path', q('cmd=--out%3D%22%2Fsrv%2Fwww%2Fuploads%2Fm.phtml%22'), q('q=how+to+serve+%2Fvar%2Fwww%2Fhtml%2Findex.php+with+nginx')],
  [9001357, 'block', 'a DDE formula calling cmd in a profile field', form('company=%3Dcmd%7C%27+%2FC+calc%27%21A0'), form('company=%3DSUM(A1%3AA10)')],
  [9001357, 'block', 'a DDE call hidden after arithmetic, in JSON', json('{"name":"@SUM(1+1)*cmd|\' /C calc\'!A0"}'), json('{"name":"=HYPERLINK(\\"https://example.com/report\\",\\"Report\\")"}')],
  [9001357, 'block', 'a DDE() function call as a formula', q('title=%3DDDE(%22cmd%22%3B%22%2FC+calc%22%3B%22!A0%22)'), q('title=Dear+DDE+team%2C+%3D+is+not+a+formula')],
  [9000592, 'block', 'https: and a host with no slashes in a next parameter', q('next=https%3Aevil.example%2Faccount'), q('next=%2Faccount%2Fsettings')],
  [9000592, 'block', 'https:/ with one slash before the host in a return_to parameter', q('return_to=https:/evil.example/'), q('return_to=https://shop.example.com/cart')],
];

describe("bundled rules for an exploratory probe's mechanisms (rev 2026-12-07d)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
