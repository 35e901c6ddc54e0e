/**
 * What the bundled-rule tests share: the bundled rule file, a browser's headers, the request shapes an
 * attack or its benign near miss is written in (query, form, JSON, XML, one extra header), and the
 * hits of the bundled set on one of them as [sid, effect].
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { loadRuleSet, type LoadedRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { compileRules } from '../../src/signatures/compile/compile-rules.js';
import type { Rule } from '../../src/signatures/rule.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection, inspectRequest } from './fixtures.js';

export const BUNDLED_RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
export const BROWSER: Array<[string, string]> = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
];
export const JSON_HEADERS: Array<[string, string]> = [...BROWSER, ['Content-Type', 'application/json']];
export const FORM_HEADERS: Array<[string, string]> = [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']];
export const XML_HEADERS: Array<[string, string]> = [...BROWSER, ['Content-Type', 'text/xml']];

export const q = (query: string): RequestSpec => ({ url: `/search?${query}` });
export const json = (body: string): RequestSpec => ({ method: 'POST', url: '/api/items', headers: JSON_HEADERS, body });
export const form = (body: string): RequestSpec => ({ method: 'POST', url: '/submit', headers: FORM_HEADERS, body });
export const xml = (body: string, url = '/soap'): RequestSpec => ({ method: 'POST', url, headers: XML_HEADERS, body });
export const header = (name: string, value: string): RequestSpec => ({ headers: [...BROWSER, [name, value]] });
/** A browser GET of `url`, with more headers (the held-out sets' exploit requests on their products' own paths). */
export const get = (url: string, extra: Array<[string, string]> = []): RequestSpec => ({ url, headers: [...BROWSER, ...extra] });
/** A form POST to `url`. */
export const postForm = (url: string, body: string): RequestSpec => ({ method: 'POST', url, headers: FORM_HEADERS, body });
/** A JSON POST to `url`. */
export const postJson = (url: string, body: string): RequestSpec => ({ method: 'POST', url, headers: JSON_HEADERS, body });
/** One multipart/form-data field, as a browser's FormData sends it. */
export const multipart = (name: string, value: string): RequestSpec => ({
  method: 'POST',
  url: '/upload',
  headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryx7']],
  body: `------WebKitFormBoundaryx7\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n------WebKitFormBoundaryx7--\r\n`,
});

export async function bundledGate(): Promise<CompiledSignatureGate> {
  return (await loadRuleSet([BUNDLED_RULES])).gate;
}

/**
 * The bundled set loaded once for a test file (in its beforeAll): its hits through the real inspector
 * (`inspectedHitsOf`) and its rules, for testRuleCases and testPrefilterEntries.
 */
export function useBundledRuleSet(): { hits: (spec: RequestSpec) => Array<[number, string]>; rules: () => readonly Rule[] } {
  let loaded: LoadedRuleSet;
  beforeAll(async () => {
    loaded = await loadRuleSet([BUNDLED_RULES]);
  });
  return { hits: (spec) => inspectedHitsOf(loaded.gate, spec), rules: () => loaded.rules };
}

/** The bundled set's hits on a request (a browser's headers unless the spec has its own). */
export function hitsOf(gate: CompiledSignatureGate, spec: RequestSpec): Array<[number, string]> {
  return gate.evaluate(buildInspection({ headers: BROWSER, ...spec })).hits.map((h) => [h.sid, h.effect]);
}

/** The same through the real inspector, for rules that read a field's decoded forms (fixtures.ts `inspectRequest`). */
export function inspectedHitsOf(gate: CompiledSignatureGate, spec: RequestSpec): Array<[number, string]> {
  return gate.evaluate(inspectRequest({ headers: BROWSER, ...spec })).hits.map((h) => [h.sid, h.effect]);
}

/** [sid, its effect on the attack, what the attack is, the attack, its benign near miss]. */
export type RuleCase = [number, 'block' | 'suspicious', string, RequestSpec, RequestSpec];

/** The two tests of every bundled-rule case: the rule fires on the attack with its effect, and stays quiet on the near miss. */
export function testRuleCases(cases: readonly RuleCase[], hits: (spec: RequestSpec) => Array<[number, string]>): void {
  it.each(cases.map(([sid, effect, what, attack]) => [`${sid} ${what}`, sid, effect, attack] as const))('%s: fires', (_n, sid, effect, attack) => {
    expect(hits(attack)).toContainEqual([sid, effect]);
  });
  it.each(cases.map(([sid, , what, , nearMiss]) => [`${sid} ${what}`, sid, nearMiss] as const))('%s: quiet on the near miss', (_n, sid, nearMiss) => {
    expect(hits(nearMiss).map(([s]) => s)).not.toContain(sid);
  });
}

/** Each sid's rule alone compiles to one prefilter entry: it is never evaluated on every request. */
export function testPrefilterEntries(sids: readonly number[], rules: () => readonly Rule[]): void {
  it.each([...new Set(sids)])('%i sits in the prefilter (never evaluated on every request)', (sid) => {
    const gateOfRule = compileRules(rules().filter((r) => r.sid === sid));
    expect(gateOfRule.stats.rules).toBe(1);
    expect(gateOfRule.stats.alwaysEvaluated).toBe(0);
  });
}
