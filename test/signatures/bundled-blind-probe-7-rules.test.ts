/**
 * Bundled rules of rev 2026-12-17e: mechanisms blind attack set 7 (358 requests across issue 14's families
 * plus XXE, SSTI, NoSQL, LDAP/XPath and traversal, written and committed before it was measured) showed
 * passing the full pipeline: secret files asked for by name in a download parameter, in an X-Original-URL
 * header or at names no rule listed, a short session id posted in a form, a percent-encoded __Host- cookie
 * prefix, header injection through a JSON header map, memcached commands after a line break, http+unix
 * sockets, zero-padded IPv6 loopback, Spring's redirect: view names, double-encoded redirect letters, the
 * mb_ereg_replace e option, here-strings inside command substitution, WMI process creation from PowerShell,
 * JSON functions in SQL conditions, and DOCTYPEs fetched from a bare address. Each fires on its attack and
 * stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, get, header, json, postForm, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9001431, 'block', 'a GCP service-account key at the root', get('/service-account.json'), get('/api/v1/service-accounts.json')],
  [9001431, 'block', 'a test runner configuration at the root', get('/phpunit.xml'), get('/docs/phpunit-xml-configuration.html')],
  [9001432, 'block', 'Rails secrets as a download parameter', q('file=config%2Fsecrets.yml'), q('query=url.path+%3A+%22%2Fconfig%2Fsecrets.yml%22')],
  [9001432, 'block', 'AWS credentials as a file name parameter', get('/static/get?name=.aws%2Fcredentials'), get('/docs?name=aws-credentials-setup')],
  [9001433, 'block', 'X-Original-URL naming Git metadata', header('X-Original-URL', '/.git/config'), header('X-Original-URL', '/products/42')],
  [9001433, 'block', 'X-Rewrite-URL naming an admin path', header('X-Rewrite-URL', '/admin/users'), header('X-Rewrite-URL', '/blog/admin-tips')],
  [9001239, 'block', 'a short PHPSESSID posted with a login', postForm('/login.php', 'username=v&password=x&PHPSESSID=deadbeefdeadbeef01'), postForm('/comment.php', 'PHPSESSID=k3j4h5g6f7d8s9a0q1w2e3r4t5&comment=hi')],
  [9001230, 'block', 'a percent-encoded __Host- cookie prefix', header('Cookie', '%5F_Host-session=attacker; theme=dark'), header('Cookie', '__Host-session=k3j4h5g6f7d8; theme=dark')],
  [9001230, 'block', 'a __Secure- prefix with an encoded letter', header('Cookie', 'lang=en; _%5FSecure-sid=x'), header('Cookie', 'lang=en; __Secure-sid=k3j4h5g6f7d8')],
  [9001232, 'block', 'a line break and a Host line in a webhook header map', json('{"url":"https://h.example/a","headers":{"X-Sig":"v\\r\\nHost: internal.admin"}}'), json('{"headers":{"X-Note":"line one"},"body":"a\\r\\nHost: example.org"}')],
  [9001234, 'block', 'a memcached set command after CRLF in a cache key', form('key=foo%0D%0Aset+injected+0+3600+5%0D%0Aadmin%0D%0A'), form('note=Please%0D%0Aset+aside+2+3+4+boxes%0D%0Athanks')],
  [9000539, 'block', 'the Docker socket as an http+unix address', json('{"upstream":"http+unix://%2Fvar%2Frun%2Fdocker.sock/containers/json"}'), json('{"doc":"mount /var/run/docker.sock into the container"}')],
  [9000579, 'block', 'zero-padded IPv6 loopback in a URL', q('u=http%3A%2F%2F%5B0000%3A%3A1%5D%3A2375%2Fcontainers%2Fjson'), q('u=http%3A%2F%2F%5B%3A%3A1%5D%3A3000%2F')],
  [9000518, 'block', 'a Spring redirect: view name to another host', form('view=redirect%3Ahttps%3A%2F%2Fevil.example.net'), q('mode=redirect&url=%2Fhome')],
  [9001636, 'block', 'mb_ereg_replace with the e option', form('code=mb_ereg_replace(%27.*%27%2C+%24_GET%5B%27c%27%5D%2C+%27%27%2C+%27e%27)%3B'), form('code=mb_ereg_replace(%27%5Ba-z%5D%27%2C+%27X%27%2C+%24s%2C+%27i%27)%3B')],
  [9000378, 'block', 'a here-string in a command substitution after ;', q('h=eth1%3B%24(tr+%27a-z%27+%27n-za-m%27%3C%3C%3C%27vq%27)'), q('q=bash+here-string+%24(cat+%3C%3C%3C+x)')],
  [9000379, 'block', 'Invoke-WmiMethod creating a Win32_Process', form('host=127.0.0.1%3B+Invoke-WmiMethod+-Class+Win32_Process+-Name+Create+-ArgumentList+calc.exe'), form('q=Get-WmiObject+Win32_Process+%7C+select+Name')],
  [9000130, 'block', 'OR and a JSON function compared in a JSON value', json('{"id":"1 OR JSON_EXTRACT(\'{\\"a\\":1}\',\'$.a\')=1"}'), json('{"sql":"SELECT JSON_EXTRACT(doc, \'$.name\') FROM t"}')],
  [9000630, 'block', 'a DOCTYPE fetched from a bare address', xml('<?xml version="1.0"?><!DOCTYPE r PUBLIC "-//X//Y" "http://203.0.113.98/p.dtd"><r>1</r>'), xml('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>')],
  [9000536, 'block', 'a redirect value double-encoding its letters', q('target=%2568%2574%2574%2570%2573%253a%252f%252fevil.example.net'), q('target=%252Fcart%253Fid%253D7')],
  [9001236, 'block', "Rails' session key as a query parameter", get('/?_session_id=4f2a0c0ffee0badc0ffee0badc0ffee0'), get('/?last_session_id=7')],
];

describe('bundled rules from blind attack set 7 (rev 2026-12-17e)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
