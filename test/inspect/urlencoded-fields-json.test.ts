import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { BUNDLED_RULES } from '../signatures/bundled-requests.js';
import { rawRequest } from './raw-request.js';

const FORM: Array<[string, string]> = [['Content-Type', 'application/x-www-form-urlencoded']];
const form = (body: string): Inspection => buildInspection(rawRequest('POST', '/submit', FORM, body));
const targets = (inspection: Inspection, location: string): Array<[string, string, string | undefined]> =>
  inspection.targets.filter((t) => t.location === location && t.role === 'value').map((t) => [t.name, t.raw, t.unescaped]);

describe('a query or form field whose value is a JSON document', () => {
  it('has the document\'s strings as targets of their own, named by their path, beside the field itself', () => {
    const doc = { filters: { q: "5979 xor 1--", tags: ['a b', 'c'] }, page: 2 };
    const body = `payload=${encodeURIComponent(JSON.stringify(doc))}&x=1`;
    const found = targets(form(body), 'body');
    expect(found).toContainEqual(['payload', encodeURIComponent(JSON.stringify(doc)), undefined]);
    // Their text is not the body's bytes (the field was percent-decoded): shown to the rules as a decoded form.
    expect(found).toContainEqual(['payload.filters.q', '5979 xor 1--', 'json']);
    expect(found).toContainEqual(['payload.filters.tags[0]', 'a b', 'json']);
    expect(found).toContainEqual(['payload.filters.tags[1]', 'c', 'json']);
    const get = buildInspection(rawRequest('GET', `/search?variables=${encodeURIComponent(JSON.stringify({ id: "1' or 1=1--" }))}`));
    expect(targets(get, 'query')).toContainEqual(['variables.id', "1' or 1=1--", 'json']);
    // `+` is a space in a form value, the document's own spaces too; an array at the top is a document as well.
    expect(targets(form('list=%5B%22a+b%22%2C+%22c%22%5D'), 'body')).toContainEqual(['list[0]', 'a b', 'json']);
  });

  it('leaves a value that only starts with a brace as one text, with no finding', () => {
    for (const value of ['{not json}', '[1, 2', '{"a": 1} trailing', '{}x', '[draft] notes', '%7Bhello%7D']) {
      const inspection = form(`v=${value.startsWith('%') ? value : encodeURIComponent(value)}`);
      expect(targets(inspection, 'body').map(([name]) => name), value).toEqual(['v']);
      expect(inspection.findings.map((f) => f.code), value).not.toContain('WARDEN_INSPECT_MALFORMED_JSON');
    }
  });

  it('shows a payload inside the document to the rules that read a value from its start, as in a JSON body', async () => {
    const { gate } = await loadRuleSet([BUNDLED_RULES]);
    const payload = 'x&"ne^t"';
    const sids = (inspection: Inspection): number[] => gate.evaluate(inspection).hits.map((h) => h.sid);
    const inJsonBody = sids(buildInspection(rawRequest('POST', '/api', [['Content-Type', 'application/json']], JSON.stringify({ filters: { page: payload } }))));
    expect(inJsonBody.length).toBeGreaterThan(0);
    expect(sids(form(`payload=${encodeURIComponent(JSON.stringify({ filters: { page: payload } }))}`))).toEqual(inJsonBody);
    // The same document with an ordinary value: no hit.
    expect(sids(form(`payload=${encodeURIComponent(JSON.stringify({ filters: { page: 'next' } }))}`))).toEqual([]);
  });
});
