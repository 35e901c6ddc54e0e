/**
 * The adversarial carriers of the model gate's value shapes (datasets/shape-carriers.ts): payloads wrapped in the
 * shapes the gate lets pass, and — through the whole pipeline (`warden eval --per-request`, bundled rules and shipped
 * model, cpuBudgetMs 60000) — how many of seed 7's carriers still pass, pinned (at most) so a change that opens a shape
 * again shows here.
 */
import { describe, expect, it } from 'vitest';
import { carrierRequest, generateShapeCarriers, routesOf, wrapPayload } from '../../datasets/shape-carriers.js';
import { SHAPES } from '../../datasets/shape-carriers/shapes.js';
import { recordVerdicts } from '../model/carrier-verdicts.js';

describe('wrapPayload', () => {
  it('places a payload after, glued to, below and before a shape', () => {
    expect(wrapPayload("a = 'x' AND b = 2", ' OR 1=1', 'append')).toBe("a = 'x' AND b = 2  OR 1=1");
    expect(wrapPayload("a = 'x' AND b = 2", ' OR 1=1', 'glued')).toBe("a = 'x' AND b = 2 OR 1=1");
    expect(wrapPayload('[db]\nhost = a\n', '; id', 'line')).toBe('[db]\nhost = a\n; id\n');
    expect(wrapPayload('1/2 cup', '<b>', 'prepend')).toBe('<b> 1/2 cup');
  });

  it("puts it in the shape's first literal, else its first query value", () => {
    expect(wrapPayload("a = 'x' AND b = 'y'", "' OR '1'='1", 'slot')).toBe("a = '' OR '1'='1' AND b = 'y'");
    expect(wrapPayload('path:"/wp-login.php"', '../x', 'slot')).toBe('path:"../x"');
    expect(wrapPayload('https://a.example/s?q=lamp&page=2', '<svg>', 'slot')).toBe('https://a.example/s?q=<svg>&page=2');
  });

  it("adds it as a statement of the shape's last script, or as a last line", () => {
    expect(wrapPayload("<script>\n  gtag('js');\n</script>", 'new Image().src=1', 'script')).toBe("<script>\n  gtag('js');\n  new Image().src=1;\n</script>");
    expect(wrapPayload('x = 1;\n', 'fetch(a)', 'script')).toBe('x = 1;\nfetch(a);\n');
  });
});

describe('carrierRequest', () => {
  it('spells a value as query, form, nested JSON, multipart, header or path', () => {
    const json = carrierRequest({ method: 'PUT', host: 'h', path: '/p', spelling: 'json', field: 'settings.0.value', beside: { 'settings.0.key': 'head' } }, '<x>');
    expect(JSON.parse(json.body!)).toEqual({ settings: [{ key: 'head', value: '<x>' }] });
    // A notebook cell's source as nbformat writes it: an array of lines, typed fields beside it.
    const cell = carrierRequest({ method: 'PUT', host: 'h', path: '/api/contents/a.ipynb', spelling: 'json', field: 'content.cells.0.source', lines: true, json: { 'content.nbformat': 4 } }, 'a\nb\n');
    expect(JSON.parse(cell.body!)).toEqual({ content: { nbformat: 4, cells: [{ source: ['a\n', 'b\n'] }] } });
    expect(carrierRequest({ method: 'GET', host: 'h', path: '/p', spelling: 'query', field: '$where', beside: { $limit: '5' } }, "a = 'b c'").query).toBe('%24limit=5&%24where=a%20%3D%20%27b%20c%27');
    const multipart = carrierRequest({ method: 'POST', host: 'h', path: '/u', spelling: 'multipart', field: 'value' }, 'a\nb');
    expect(multipart.body).toContain('name="value"\r\n\r\na\nb\r\n');
    expect(carrierRequest({ method: 'GET', host: 'h', path: '/', spelling: 'header', field: 'Referer' }, 'a\nb').headers.Referer).toBe('a%0ab');
    expect(carrierRequest({ method: 'GET', host: 'h', path: '', spelling: 'path', field: 'path' }, '/logs-*/_search x').path).toBe('/logs-*/_search%20x');
  });
});

describe('generateShapeCarriers', () => {
  it('is deterministic by seed and covers every recogniser on its own and the ordinary routes', () => {
    const a = generateShapeCarriers(7);
    expect(generateShapeCarriers(7)).toEqual(a);
    expect(generateShapeCarriers(8)).not.toEqual(a);
    const attacks = a.filter((r) => r.label === 'attack');
    for (const spec of SHAPES) expect(attacks.filter((r) => r.category === spec.recogniser)).toHaveLength(6 * routesOf(spec).length);
    expect(a.filter((r) => r.label === 'benign')).toHaveLength(SHAPES.reduce((n, s) => n + s.shapes.length * s.routes.length, 0));
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
  });

  it('adds each payload alone on the same route when asked', () => {
    const a = generateShapeCarriers(7, { withPayloads: true });
    const alone = a.filter((r) => r.category.startsWith('alone:'));
    expect(alone).toHaveLength(a.filter((r) => r.label === 'attack').length / 2);
    expect(alone.every((r) => a.some((c) => `${c.id}/alone` === r.id))).toBe(true);
  });
});

/** A shape alone that is blocked already on main 93c052d (a JMeter reference list in a field named `path`, 0.93): not this set's. */
const KNOWN_SHAPES_BLOCKED = ['shape-carriers/base/jmeter-functions:textAroundJmeterRefs/0/1'];

describe('seed 7 through the whole pipeline', () => {
  it('passes the pinned number of carriers; no shape alone is newly blocked', async () => {
    const records = generateShapeCarriers(7);
    const verdicts = await recordVerdicts(records);
    const passing = records.filter((r) => r.label === 'attack' && verdicts.get(r.id) !== 'block').length;
    const shapesBlocked = records.filter((r) => r.label === 'benign' && verdicts.get(r.id) === 'block').map((r) => r.id);
    // At most: a change that opens a shape again fails here; one that closes more lowers the pin in its own commit.
    // 179 since session 33's nb33 added four shapes (tex-markup, format-fields, FHIRPath, notebook cells): 167 + their 12.
    // 171 since dil33's evidence clusters (src/model/evidence-spans.ts): an injection rule's hit on a shape's field scores the payload's cluster on its own.
    // 170 since nb33 scores a notebook cell no shape takes line by line again (not joined).
    expect(passing).toBeLessThanOrEqual(170);
    expect(shapesBlocked.filter((id) => !KNOWN_SHAPES_BLOCKED.includes(id))).toEqual([]);
  }, 120_000);
});
