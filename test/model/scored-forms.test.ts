import { describe, expect, it } from 'vitest';
import { formsToScore, plainFormExists } from '../../src/model/scored-forms.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { createModelGate } from '../../src/model/gate.js';
import { loadPayloadModel } from '../../src/model/load.js';

describe('plainFormExists', () => {
  it("takes a SQL LIKE pattern's %word% as plain text, so its percent-encoded raw spelling is not scored beside it", () => {
    const raw = "select%20*%20from%20matches%20where%20home%20like%20'%25United%25'";
    const decoded = ["select * from matches where home like '%United%'"];
    expect(plainFormExists(raw, decoded, 1)).toBe(true);
    expect(formsToScore(raw, decoded, 1)).toEqual(decoded);
    expect(plainFormExists('%25user%25', ['%user%'], 1)).toBe(true);
    // A word led by a hex letter (`%Contoso%`, a FetchXML `like` condition) continues no escape either: `%Co` is no half of one.
    expect(plainFormExists('value%3D%22%25Contoso%25%22', ['value="%Contoso%"'], 1)).toBe(true);
    expect(plainFormExists('%25Cologne%25', ['%Cologne%'], 1)).toBe(true);
    // `%Be` of `%Berlin%` is a whole escape, and stays one.
    expect(plainFormExists('%25Berlin%25', ['%Berlin%'], 1)).toBe(false);
    // A pattern in another script: `%` before a Hangul syllable continues no escape.
    expect(plainFormExists("LIKE+%27%25%EA%B2%80%EC%83%89%EC%96%B4%25%27", ["LIKE '%검색어%'"], 1)).toBe(true);
  });

  it('keeps every form of a value whose decoded forms still hold an escape or its remains', () => {
    for (const [raw, decoded] of [
      ['%252e%252e%252f', '%2e%2e%2f'], // double encoding
      ['%25u002e%25u002e', '%u002e%u002e'], // %u escapes
      ['%25u%2532e', '%u%32e'], // a nested %u
      ['%25%32%66', '%2f'],
      ['%25Be', '%Be'], // a whole escape left after one decode
      ['%25B%2525', '%B%25'], // one hex digit before another escape
      ['x%25C', 'x%C'], // one hex digit at the end
      ['%%32%66', '%2%f'],
      ['%25%C0%AE', '%À®'], // an overlong byte decoded as Latin-1 after a %
      ['%25%EF%BC%92e', '%２e'], // a fullwidth digit a fold turns into hex
      ['x%25u', 'x%u'], // a %u at the end may be the start of one split across values
    ]) {
      expect(plainFormExists(raw, [decoded], 1), decoded).toBe(false);
    }
  });
});

const model = await loadPayloadModel('models/payload-v1');

describe('the shipped model behind the plain form', () => {
  it("does not score a query endpoint's SQL by its escaped spelling, and still scores an injection in the same parameter", async () => {
    const score = async (sql: string) => {
      const inspection = buildInspection(recordToRawRequest({ id: 't', source: 'test', label: 'benign', category: 'test', method: 'GET', path: '/fixtures.json', query: `sql=${encodeURIComponent(sql)}`, headers: { Host: 'datasette.example.org' } }));
      // 9000104's alert on the quote-terminated OR sends the field to the model whatever the screen says.
      return (await createModelGate(model).evaluate(inspection, { hits: [{ targetIndex: inspection.targets.findIndex((t) => t.name === 'sql'), effect: 'suspicious', msg: 'WARDEN SQLI quote-terminated boolean tautology in URI' } as never], candidates: 1 })).maxScore;
    };
    expect(await score("select date, home_team from matches where season = :season and (home_team like '%United%' or away_team like '%United%') order by date desc")).toBeLessThan(model.threshold);
    expect(await score("1' or '1'='1' union select password from users--")).toBeGreaterThanOrEqual(model.threshold);
  });
});
