/**
 * Bundled rules of rev 2026-12-16h: mechanisms blind attack set 6 (301 requests across issue 14's
 * families, written and committed before it was measured) showed passing the full pipeline: a phar stub,
 * a superglobal read by a string name, prototype paths as JSON arrays and written inside themselves, a
 * framework's session cookie name in the query, request splitting and cache commands after a line break,
 * IPv4-mapped IPv6 in hex, one-label metadata hosts, Kubernetes secrets on a private host, a forwarding
 * header naming the metadata address, redirect values over-encoded, carrying the own host as a bare query
 * or written with fullwidth solidi, secrets no site serves, and Windows post-exploitation commands. Each
 * fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, get, header, json, multipart, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9001632, 'block', 'a phar stub uploaded as a file field', multipart('doc', '<?php echo 1; __HALT_COMPILER(); ?>'), multipart('doc', 'PHP stops parsing at __HALT_COMPILER, see the manual')],
  [9001632, 'block', 'a phar stub percent-encoded in a form', form('tpl=%3C%3Fphp+__halt_compiler%28%29%3B'), form('q=__halt_compiler+function+docs')],
  [9001633, 'block', 'a superglobal called through its string name', form('tpl=%24%7B%22_POST%22%7D%5Bf%5D%28%24%7B%22_POST%22%7D%5Ba%5D%29'), form('tpl=Hello+%24%7Bname%7D%2C+your+order+%24%7Border.id%7D')],
  [9001633, 'block', 'the same in single quotes in JSON', json('{"code":"${\'_COOKIE\'}[x](1)"}'), json('{"code":"echo $_GET[\'q\'] ?? \'\';"}')],
  [9001634, 'block', 'constructor, prototype as a JSON path array', json('{"path":["constructor","prototype","env"],"value":"x"}'), json('{"path":["settings","theme","color"],"value":"x"}')],
  [9001634, 'block', '__proto__ first in a JSON path array', json('{"keys":["__proto__","isAdmin"],"v":true}'), json('{"keys":["proto","isAdmin"],"v":true}')],
  [9001635, 'block', '__proto__ written inside itself as a query key', q('__pro__proto__to__%5Brole%5D=admin'), q('q=what+is+__proto__+in+JavaScript')],
  [9001635, 'block', 'constructor written inside itself in JSON', json('{"conconstructorstructor":{"protoprototypetype":{"x":1}}}'), json('{"constructor":"Acme Builders","prototype":"v2"}')],
  [9001236, 'block', 'an Express session cookie name as a query parameter', q('connect.sid=s%3Aplanted.abc'), q('sid=7&connect=1')],
  [9001236, 'block', 'a Laravel session cookie name as a query parameter', get('/home?laravel_session=eyJpdiI6Inh4In0'), get('/home?session=summer')],
  [9001237, 'block', 'CRLF then a Host line in a proxy path', q('path=%2Fv1%0D%0AHost%3A%20admin.internal%0D%0A'), q('note=line%0D%0Ahost%20of%20the%20party%20is%20Ann')],
  [9001237, 'block', 'a second request line after a blank line', q('u=%2Fa%0D%0A%0D%0AGET%20%2Fadmin%20HTTP%2F1.1'), q('msg=hello%0A%0AGet%20well%20soon')],
  [9001238, 'block', 'FLUSHALL alone on a line in a cache key', form('key=k1%0D%0AFLUSHALL%0D%0A'), form('note=Run+FLUSHALL+only+on+staging')],
  [9001238, 'block', 'SLAVEOF an outside host in a JSON value', json('{"queue":"jobs\\r\\nSLAVEOF 203.0.113.9 6379\\r\\n"}'), json('{"doc":"rename-command FLUSHALL \\"\\"\\nappendonly yes"}')],
  [9000531, 'block', 'loopback as IPv4-mapped IPv6 in hex', q('u=http%3A%2F%2F%5B%3A%3Affff%3A7f00%3A1%5D%2Fadmin'), q('u=http%3A%2F%2F%5B2001%3Adb8%3A%3A1%5D%2F')],
  [9000531, 'block', 'a private address mapped in a JSON URL', json('{"url":"http://[0:0:0:0:0:ffff:c0a8:0101]:8080/"}'), json('{"url":"http://[2606:4700::6810:84e5]/"}')],
  [9000532, 'block', 'Rancher metadata by its internal name', form('url=http%3A%2F%2Francher-metadata%2Flatest%2Fself%2Fhost'), form('url=https%3A%2F%2Fdocs.example.com%2Francher-metadata%2Flatest')],
  [9000532, 'block', 'EC2 metadata by its short name', json('{"feed":"http://instance-data/latest/meta-data/"}'), json('{"feed":"http://instance-data.example.org/latest/"}')],
  [9000533, 'block', 'kube-system secrets on [::1] in the query', q('u=http%3A%2F%2F%5B%3A%3A1%5D%3A8001%2Fapi%2Fv1%2Fnamespaces%2Fkube-system%2Fsecrets'), q('u=http%3A%2F%2Flocalhost%3A8001%2Fapi%2Fv1%2Fnamespaces%2Fmonitoring%2Fservices%2Fgrafana%3A80%2Fproxy%2F')],
  [9000534, 'block', 'a service-account token URL on a private host in JSON', json('{"url":"http://10.0.0.1:10250/api/v1/namespaces/default/serviceaccounts/default/token"}'), json('{"url":"https://k8s.example.com/api/v1/namespaces/default/secrets"}')],
  [9000535, 'block', 'X-Forwarded-Host naming the metadata address', header('X-Forwarded-Host', '169.254.169.254'), header('X-Forwarded-Host', 'shop.example.com')],
  [9000535, 'block', 'Forwarded host= naming the GCP metadata server', header('Forwarded', 'for=203.0.113.4;host=metadata.google.internal;proto=http'), header('Forwarded', 'for=203.0.113.4;host=shop.example.com;proto=https')],
  [9000536, 'block', 'a redirect value spelling its letters as escapes', q('next=%2f%2f%65%76%69%6c%2e%65%78%61%6d%70%6c%65'), q('next=%2Fcart%3Fitem%3D42%26qty%3D1')],
  [9000537, 'block', 'an absolute redirect whose query is a bare host name', q('url=https%3A%2F%2Fevil.example.net%3Fshop.example.com'), q('url=https%3A%2F%2Fpartner.example.net%2F%3Fref%3Dshop.example.com')],
  [9000538, 'block', 'fullwidth solidi in a redirect address', q('next=https%3A%EF%BC%8F%EF%BC%8Fevil.example.net'), q('next=%2F%E3%83%9E%E3%82%A4%E3%83%9A%E3%83%BC%E3%82%B8%EF%BC%8F%E8%A8%AD%E5%AE%9A')],
  [9001430, 'block', 'CVS metadata probe', get('/app/CVS/Entries'), get('/app/cvs/entries-2024.html')],
  [9001430, 'block', 'a TLS private key at the root', get('/server.key'), get('/slides/keynote-2024.key')],
  [9001430, 'block', 'a web-root backup archive', get('/site-backup.tar.gz'), get('/downloads/backup-tool-1.2.tar.gz')],
  [9000345, 'block', 'findstr searching config files for passwords', json('{"printer":"PDF | findstr /si password *.xml"}'), json('{"doc":"use findstr /si to search text files"}')],
  [9000345, 'block', 'schtasks /create after &', form('arg=x+%26+schtasks+%2Fcreate+%2Fsc+onlogon+%2Ftn+u+%2Ftr+C%3A%5Cu.exe'), form('q=schtasks+%2Fquery+%2Ffo+list')],
];

describe('bundled rules from blind attack set 6 (rev 2026-12-16h)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
