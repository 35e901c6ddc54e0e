import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-rules-'));
const good = join(dir, 'good.rules');
const mixed = join(dir, 'mixed.rules');
writeFileSync(good, 'alert tcp any any -> any 80 (msg:"admin"; content:"/admin"; http_uri; sid:9100001; rev:1;)\n');
writeFileSync(mixed, 'alert tcp any any -> any 80 (msg:"ok"; content:"/x"; http_uri; sid:9100002;)\nalert tcp any any -> any 80 (msg:"bt"; content:"a"; byte_test:1,>,2,0; sid:9100003;)\n#alert tcp any any -> any 80 (msg:"off"; content:"b"; sid:9100004;)\n');
const bundled = fileURLToPath(new URL('../../signatures', import.meta.url));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['rules', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

describe('warden rules check', () => {
  it('prints help with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('check <files|dirs...>');
  });

  it('prints one JSON line per rule with --json', async () => {
    const { code, out } = await run('check', mixed, '--json');
    expect(code).toBe(0);
    const entries = out.map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.sid, e.status])).toEqual([
      [9100002, 'accepted'],
      [9100003, 'rejected'],
      [9100004, 'disabled'],
    ]);
    expect(entries[1]).toMatchObject({ file: mixed, line: 2, code: 'WARDEN_SIGNATURES_UNSUPPORTED_KEYWORD' });
  });

  it('summarises counts and exits non-zero on rejections only with --strict', async () => {
    const summary = await run('check', mixed, '--summary');
    expect(summary.out.join('\n')).toMatch(/1 accepted, 0 accepted with warnings, 1 rejected, 0 skipped \(not HTTP requests; 0 of them outbound, to \$EXTERNAL_NET\), 1 disabled/);
    expect(summary.code).toBe(0);
    const notRules = join(dir, 'notes.txt');
    writeFileSync(notRules, 'these are my notes\nalert tcp any any -> any 25 (msg:"smtp"; content:"x"; sid:9100009;)\n');
    const none = await run('check', notRules, '--summary');
    expect(none.out.join('\n')).toMatch(/HTTP request-side rules: none in these files/);
    expect(none.out.join('\n')).not.toMatch(/0\/0 accepted \(100/);
    expect((await run('check', mixed, '--strict')).code).toBe(1);
    expect((await run('check', good, '--strict')).code).toBe(0);
  });

  it('reports a rule that reuses a bundled gid:sid, and a gid:sid used twice in a pack, on the right file and line', async () => {
    const pack = mkdtempSync(join(tmpdir(), 'warden-dup-pack-'));
    writeFileSync(join(pack, 'a.rules'), 'alert http (msg:"a"; content:"aaa"; sid:9100010; rev:1;)\n');
    writeFileSync(join(pack, 'b.rules'), 'alert http (msg:"b"; content:"bbb"; sid:9100010; rev:1;)\nalert http (msg:"mine"; content:"zzz"; sid:9000301; rev:9;)\n');
    const { code, out } = await run('check', pack, '--json');
    expect(code).toBe(0);
    const entries = out.map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.file.slice(pack.length + 1), e.line, e.status, e.code])).toEqual([
      ['a.rules', 1, 'accepted', null],
      ['b.rules', 1, 'rejected', 'WARDEN_SIGNATURES_DUPLICATE_SID'],
      ['b.rules', 2, 'warning', 'WARDEN_SIGNATURES_REPLACES_SID'],
    ]);
    expect(entries[1].reason).toContain(`${join(pack, 'a.rules')}:1`);
    expect(entries[2].reason).toMatch(/warden\.rules:\d+ \(rev \d+\)/);
    // The bundled directory checked on its own reports nothing against itself.
    expect((await run('check', bundled, '--strict')).code).toBe(0);
  });

  it('rules import reports a gid:sid that an already configured file holds, before adding the file', async () => {
    const work = mkdtempSync(join(tmpdir(), 'warden-dup-import-'));
    writeFileSync(join(work, 'first.rules'), 'alert http (msg:"first"; content:"aaa"; sid:9100030; rev:2;)\n');
    writeFileSync(join(work, 'second.rules'), 'alert http (msg:"second"; content:"bbb"; sid:9100030; rev:1;)\nalert http (msg:"other"; content:"ccc"; sid:9100031; rev:1;)\n');
    writeFileSync(join(work, 'warden.yaml'), 'rules:\n  files:\n    - first.rules\n');
    const { code, out } = await run('import', join(work, 'second.rules'), '--config', join(work, 'warden.yaml'));
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`rejected ${join(work, 'second.rules')}:1 sid 9100030: duplicate 1:9100030 (rev 1): not loaded; ${join(work, 'first.rules')}:1 (rev 2)`);
    expect(text).toMatch(/1 rules loadable/);
  });

  it("skips what serve would skip: a rule for a port Warden does not serve, loaded once the config's upstream listens there", async () => {
    // A Solr rule as ET writes them (-> $HTTP_SERVERS 8983); 8983 is in snort.conf's $HTTP_PORTS, which check used to take.
    const solr = join(dir, 'solr.rules');
    writeFileSync(solr, 'alert http $EXTERNAL_NET any -> $HTTP_SERVERS 8983 (msg:"Solr config API"; flow:to_server,established; http.uri; content:"/solr/"; sid:9100031; rev:1;)\n');
    const defaults = await run('check', solr, '--json');
    expect(defaults.out.map((l) => JSON.parse(l).status)).toEqual(['skipped']);
    const summary = await run('check', solr, '--summary');
    expect(summary.out.join('\n')).toContain('served ports (rules for others are skipped): 8000, 80, 8080');
    const config = join(dir, 'solr.yaml');
    writeFileSync(config, 'upstream: http://127.0.0.1:8983\n');
    const fronted = await run('check', solr, '--json', '--config', config);
    expect(fronted.out.map((l) => JSON.parse(l).status)).toEqual(['accepted']);
    // The operator's HTTP_PORTS serves it too (an upstream that is itself a proxy), as serve reads it.
    writeFileSync(config, 'rules:\n  variables: { HTTP_PORTS: "[80,8983]" }\n');
    expect((await run('check', solr, '--json', '--config', config)).out.map((l) => JSON.parse(l).status)).toEqual(['accepted']);
  });

  it('fails with exit 2 on a missing file', async () => {
    const { code, err } = await run('check', join(dir, 'nope.rules'));
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('WARDEN_SIGNATURES_FILE_UNREADABLE');
  });
});

describe('warden rules test', () => {
  it('names the CVEs of a matching rule', async () => {
    const rules = join(dir, 'cve.rules');
    writeFileSync(rules, 'alert http (msg:"log4j"; http_header; content:"${jndi:"; metadata:cve CVE_2021_44228; sid:9100020;)\n');
    const request = join(dir, 'log4j.http');
    writeFileSync(request, 'GET / HTTP/1.1\r\nHost: shop.test\r\nX-Api-Version: ${jndi:ldap://x}\r\n\r\n');
    const { code, out } = await run('test', rules, '--request', request, '--expect-match');
    expect(code).toBe(0);
    expect(out[0]).toContain('1:9100020:1 suspicious "log4j" [CVE-2021-44228]');
  });

  it('shows which rules match a raw HTTP request and where', async () => {
    const request = join(dir, 'attack.http');
    writeFileSync(request, 'GET /download?file=../../etc/passwd HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: sqlmap/1.7\r\n\r\n');
    const { code, out } = await run('test', bundled, '--request', request, '--expect-match');
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('9000403');
    expect(text).toMatch(/"\/etc\/passwd" in query 'file'/);
    expect(text).toMatch(/"sqlmap" in header 'User-Agent'/);
  });
});
