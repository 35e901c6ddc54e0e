/**
 * Second-level prefilter conditions of bundled rules whose trigger is an everyday word: the rule runs
 * only on a request that also holds what its pcre needs besides that word, and still fires on its attack.
 * - 9001676 (a timed ping after a command separator): "ping" is in "shipping"; the separators, an
 *   encoded line break among them, are not in a JSON order.
 * - 9000121 (SQL after a quote in a bearer token): every API call sends "Authorization: Bearer"; an
 *   API client's headers hold no quote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const API: Array<[string, string]> = [
  ['Host', 'api.example.com'],
  ['User-Agent', 'okhttp/4.12.0'],
  ['Content-Type', 'application/json'],
];

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = (await loadRuleSet([RULES])).gate;
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
});
