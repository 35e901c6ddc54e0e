import { describe, expect, it } from 'vitest';
import { iterateFamily } from '../../datasets/engine.js';
import { familyByName } from '../../datasets/families/index.js';
import { ATTACK_DEMO, EXCLUDED_PACKAGES, quotableReadmeCode, sqlStatement } from '../../datasets/lib/discussion-code.js';
import { Rng } from '../../datasets/lib/rng.js';
import { loadTextCorpus } from '../../datasets/lib/text.js';

const family = familyByName('tech-discussion')!;
const records = [...iterateFamily(family, 7, 0.2)];
const text = (r: (typeof records)[number]): string => {
  let s = `${r.path}?${r.query}\n${r.body ?? ''}`;
  try {
    s = decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    // a body with a literal % stays as it is
  }
  return s;
};

describe('tech-discussion family', () => {
  it('quotes code in every carrier it names: comments, reviews, forums, chat, snippets, CMS, BI, analytics, log search', () => {
    const paths = records.map((r) => r.path);
    for (const p of [/\/issues\/\d+\/comments$|\/notes$/, /\/pulls\/\d+\/comments$/, /^\/posts(\.json)?$|^\/questions\/ask$/, /chat\.postMessage|\/api\/v4\/posts|m\.room\.message/, /gists|snippets|^\/paste$|^\/upload$/, /wp-json/, /\/api\/dataset|\/api\/queries|sqllab|\/api\/ds\/query|\/questions\/new/, /^\/e\/$/, /loki|\/internal\/search|search\/jobs|logs\/events/]) {
      expect(paths.some((x) => p.test(x)), String(p)).toBe(true);
    }
    expect(records.filter((r) => /```/.test(text(r))).length).toBeGreaterThan(records.length / 10);
    expect(records.filter((r) => /\bSELECT\b/.test(text(r))).length).toBeGreaterThan(records.length / 5);
    expect(records.filter((r) => /diff_hunk/.test(r.body ?? '')).length).toBeGreaterThan(0);
    expect(records.filter((r) => /<!-- wp:/.test(r.body ?? '')).length).toBeGreaterThan(0);
  });

  it('leaves out README code of packages that demonstrate attacks, and attack demonstrations of any package', () => {
    const corpus = loadTextCorpus();
    const quotable = quotableReadmeCode(corpus);
    expect(quotable.length).toBeGreaterThan(1000);
    expect(quotable.some((b) => EXCLUDED_PACKAGES.has(b.from))).toBe(false);
    expect(quotable.some((b) => /__proto__|<script>\s*\S|onerror\s*=|javascript:/i.test(b.code))).toBe(false);
    // What the filter is for: the prototype-poisoning payloads of a JSON parser's README.
    expect(ATTACK_DEMO.test('const badJson = \'{ "a": 5, "__proto__": { "x": 7 }, "constructor": {"prototype": {"bar": "baz"} } }\'')).toBe(true);
    expect(ATTACK_DEMO.test("const app = fastify({ logger: true })\napp.get('/', async () => ({ hello: 'world' }))")).toBe(false);
  });

  it('never carries the exact break-out shapes a drop rule blocks by mechanism', () => {
    for (const r of records) {
      const t = text(r);
      expect(/__import__|DROP TABLE|'\s*(?:or|and)\s+'?\d?'?\s*=|<script>\s*alert/i.test(t), r.id).toBe(false);
    }
  });

  it('writes statements whole: every literal opened after an operator or keyword', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 300; i++) {
      const s = sqlStatement(rng);
      expect(/^\s*(SELECT|WITH|EXPLAIN|UPDATE|DELETE|INSERT|CREATE|ALTER)\b/i.test(s), s).toBe(true);
      expect(/\w'/.test(s.replace(/'[^']*'/g, '')), s).toBe(false);
    }
  });
});
