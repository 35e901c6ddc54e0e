/**
 * Bundled rules of rev 2026-12-07d and e (lead, session 20): mechanisms an exploratory probe of 44 attack requests
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
  // Rev 2026-12-07e (the end-of-session README walk: host=127.0.0.1;kill -9 -1 was allowed, model 0.12).
  [9000341, 'block', 'kill -9 -1 after an address and a semicolon', q('host=127.0.0.1%3Bkill%20-9%20-1'), q('host=127.0.0.1&signal=kill%20-9')],
  [9000341, 'block', 'shutdown -h now after a file name and a pipe, in a form', form('file=a.txt%7Cshutdown+-h+now'), form('note=please+shutdown+-h+now+before+the+move')],
  [9000341, 'block', 'reboot as the whole command after a short value, in JSON', json('{"host":"db1;reboot"}'), json('{"host":"db1","action":"reboot"}')],
  [9000341, 'block', 'mkfs of a device after && ', q('dev=x%26%26mkfs.ext4%20%2Fdev%2Fsda1'), q('q=how+to+mkfs.ext4+%2Fdev%2Fsda1+safely')],
  [9000341, 'block', 'a fork bomb after a short value', q('name=a%3B%3A()%7B%3A%7C%3A%26%7D%3B%3A'), q('name=smiley%20%3A()')],
  [9000592, 'block', 'https: and a host with no slashes in a next parameter', q('next=https%3Aevil.example%2Faccount'), q('next=%2Faccount%2Fsettings')],
  [9000592, 'block', 'https:/ with one slash before the host in a return_to parameter', q('return_to=https:/evil.example/'), q('return_to=https://shop.example.com/cart')],
];

describe("bundled rules for an exploratory probe's mechanisms (rev 2026-12-07d, e)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
