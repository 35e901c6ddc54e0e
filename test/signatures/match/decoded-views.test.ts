/**
 * Rules see the decoded forms the inspector made (src/signatures/match/decoded-views.ts): a content
 * hidden in base64, gzip+base64 or `\u` escapes matches in the buffer its field sits in; positions are
 * per form, and a relative match never crosses the join of the buffer and a form or of two forms.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import type { RawRequest } from '../../../src/inspect/types.js';
import type { SignatureHit } from '../../../src/signatures/types.js';
import { gateFor } from '../match-helpers.js';
import { parseRuleFile } from '../../../src/signatures/parse-rule-file.js';
import { defaultVariables } from '../../../src/signatures/variables.js';
import { compileRules } from '../../../src/signatures/compile/compile-rules.js';
import { buildDecodedViews, MULTIPART_AS_FORM } from '../../../src/signatures/match/decoded-views.js';
import { formNameOfJsonPath, JSON_AS_FORM, JOINT_AS_SCANNED } from '../../../src/signatures/match/json-as-form.js';
import { FIRST_FIELD_SLOT, NAMED_BUFFERS } from '../../../src/signatures/compile/compiled-rule.js';

const RAW_SLOT = NAMED_BUFFERS.indexOf('raw');

const SURICATA = 'alert http any any -> any any';

function request(method: string, url: string, headers: Array<[string, string]>, body = ''): RawRequest {
  return {
    method,
    url,
    httpVersion: '1.1',
    rawHeaders: [['Host', 'app.example'], ...headers].flat(),
    body: Buffer.from(body, 'utf8'),
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' },
  };
}
const jsonPost = (body: string): RawRequest => request('POST', '/api/import', [['Content-Type', 'application/json']], body);

function hits(options: string, raw: RawRequest): SignatureHit[] {
  return gateFor(`${SURICATA} (${options} sid:1;)`, 'suricata').evaluate(buildInspection(raw)).hits;
}

/** The same, for a rule read from a file that declares `packet-views decoded` as Warden's bundled set does (its pkt_data rules read the packet's view). */
function bundledHits(options: string, raw: RawRequest): SignatureHit[] {
  const text = `# warden: packet-views decoded\n${SURICATA} (${options} sid:1;)`;
  const parsed = parseRuleFile(text, { file: '/srv/rules/copied.rules', flavour: 'suricata', variables: defaultVariables() });
  return compileRules(parsed.rules).evaluate(buildInspection(raw)).hits;
}

const PAYLOAD = 'Runtime.getRuntime().exec("id")';
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

describe('decoded views: a content hidden in a decoded form', () => {
  const rule = 'http.request_body; content:"getRuntime().exec(";';

  it('matches a base64 JSON value and names the decoding', () => {
    const [hit] = hits(rule, jsonPost(JSON.stringify({ state: b64(PAYLOAD) })));
    expect(hit).toMatchObject({ buffer: 'clientBody', decoded: 'base64', offset: PAYLOAD.indexOf('getRuntime') });
  });

  it('matches a gzip+base64 JSON value as base64>gzip', () => {
    const [hit] = hits(rule, jsonPost(JSON.stringify({ state: b64(gzipSync(`{"cmd":"${PAYLOAD.replace(/"/g, "'")}"}`)) })));
    expect(hit).toMatchObject({ buffer: 'clientBody', decoded: 'base64>gzip' });
  });

  it('matches a JSON string written with \\u escapes as json', () => {
    const escaped = `{"expr":"${[...PAYLOAD].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`;
    const inspection = buildInspection(jsonPost(escaped));
    const [hit] = gateFor(`${SURICATA} (${rule} sid:1;)`, 'suricata').evaluate(inspection).hits;
    expect(hit).toMatchObject({ buffer: 'clientBody', decoded: 'json-body' });
    expect(inspection.targets[hit.targetIndex].name).toBe('expr');
  });

  it('matches XML text and an attribute spelled with character references as xml, and not plain XML twice', () => {
    const xmlPost = (body: string): RawRequest => request('POST', '/soap', [['Content-Type', 'text/xml']], body);
    const jndi = 'http.request_body; content:"${jndi:ldap://"; sid:2;';
    const text = xmlPost('<Envelope><Body><user>&#x24;&#x7b;jndi:ldap://x.example/a}</user></Body></Envelope>');
    const [onText] = gateFor(`${SURICATA} (${jndi})`, 'suricata').evaluate(buildInspection(text)).hits;
    expect(onText).toMatchObject({ buffer: 'clientBody', decoded: 'xml', offset: 0 });
    const attribute = xmlPost('<Envelope><Body><user name="&#36;{jndi:ldap://x.example/a}"/></Body></Envelope>');
    expect(gateFor(`${SURICATA} (${jndi})`, 'suricata').evaluate(buildInspection(attribute)).hits[0]).toMatchObject({ decoded: 'xml' });
    // A comment inside a word is dropped as the application's text content drops it.
    expect(hits(rule, xmlPost(`<a>Runtime.getRun<!-- x -->time().exec("id")</a>`))[0]).toMatchObject({ decoded: 'xml' });
    // Spelled plainly, the text is in the body buffer already: one hit there, no view made for it.
    const plain = buildInspection(xmlPost('<Envelope><user>${jndi:ldap://x.example/a}</user></Envelope>'));
    expect(plain.targets.some((t) => t.unescaped !== undefined)).toBe(false);
    expect(gateFor(`${SURICATA} (${jndi})`, 'suricata').evaluate(plain).hits).toEqual([expect.not.objectContaining({ decoded: expect.anything() })]);
  });

  it('shows a JSON body written with escapes whole, so a content spanning key and value matches', () => {
    const body = '{"\\u0040type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://x.example/a"}';
    const inspection = buildInspection(jsonPost(body));
    const [hit] = gateFor(`${SURICATA} (http.request_body; content:"|22|@type|22 3a 22|com.sun.rowset"; sid:1;)`, 'suricata').evaluate(inspection).hits;
    expect(hit).toMatchObject({ decoded: 'json-body', offset: 1 });
    expect(hits('http.request_body; content:"|22|@type|22|";', jsonPost('{"@type":"x"}'))).toHaveLength(1);
  });

  it('shows the escaped strings of a JSON body longer than a view one by one, so padding does not push a payload out', () => {
    const padded = `{"pad":"${'x'.repeat(300_000)}","expr":"${PAYLOAD.replace(/\(/g, '\\u0028').replace(/"/g, '\\"')}"}`;
    expect(hits(rule, jsonPost(padded))[0]).toMatchObject({ decoded: 'json' });
  });

  it('keeps a quote escaped in the whole-body view: a JSON document quoted in a value is not the body\'s keys', () => {
    const sample = JSON.stringify({ body: 'const a = \'{"__proto__":{"b":5}}\';', note: '\\u0040 escapes' });
    expect(hits('http.request_body; content:"{|22|__proto__|22 3a|";', jsonPost(sample))).toEqual([]);
    expect(hits('http.request_body; content:"{|22|__proto__|22 3a|";', jsonPost('{"\\u005f_proto__":{"b":5}}'))).toHaveLength(1);
  });

  it('matches a form\'s non-ASCII text by its UTF-8 bytes, as in the buffers', () => {
    expect(hits('http.request_body; content:"|c3 a9|t|c3 a9|";', jsonPost('{"season":"\\u00e9t\\u00e9"}'))).toHaveLength(1);
  });

  it('leaves the raw buffers as sent: pkt_data sees no decoded header or body form', () => {
    expect(hits('content:"getRuntime().exec(";', jsonPost(JSON.stringify({ state: b64(PAYLOAD) })))).toEqual([]);
    expect(hits('content:"exec(|22|id|22|)";', request('GET', '/s', [['Referer', `https://app.example/?q=${encodeURIComponent(PAYLOAD)}`]]))).toEqual([]);
    expect(hits('http.uri.raw; content:"<script";', request('GET', `/s?q=${encodeURIComponent('&lt;script&gt;')}`, []))).toEqual([]);
  });

  it("shows a bundled rule's pkt_data a JSON body's text with its escapes resolved, whole or string by string, and a query or form value's URL rounds", () => {
    const escaped = `{"expr":"${[...PAYLOAD].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`;
    const [hit] = bundledHits('content:"getRuntime().exec(";', jsonPost(escaped));
    expect(hit).toMatchObject({ buffer: 'raw', decoded: 'json-body' });
    const padded = `{"pad":"${'x'.repeat(300_000)}","expr":"${PAYLOAD.replace(/\(/g, '\\u0028').replace(/"/g, '\\"')}"}`;
    expect(bundledHits('content:"getRuntime().exec(";', jsonPost(padded))[0]).toMatchObject({ buffer: 'raw', decoded: 'json' });
    // A query value's URL rounds too: `%70ing`, `%2522` are the URL's spelling, not the payload's.
    const [fromQuery] = bundledHits('content:"exec(|22|id|22|)";', request('GET', `/s?q=${encodeURIComponent(PAYLOAD)}`, []));
    expect(fromQuery).toMatchObject({ buffer: 'raw', decoded: 'url' });
    expect(bundledHits('content:"exec(|22|id|22|)";', request('GET', `/s?q=${encodeURIComponent(encodeURIComponent(PAYLOAD))}`, []))[0]).toMatchObject({ decoded: 'url>url' });
    // And a form body's values, which clients encode as a query's (Python requests, curl --data-urlencode).
    const formPost = (body: string): RawRequest => request('POST', '/dns/save', [['Content-Type', 'application/x-www-form-urlencoded']], body);
    expect(bundledHits('content:"exec(|22|id|22|)";', formPost(`a=1&expr=${encodeURIComponent(PAYLOAD)}`))[0]).toMatchObject({ buffer: 'raw', decoded: 'url' });
    expect(bundledHits('content:"exec(|22|id|22|)";', formPost(`expr=${encodeURIComponent(encodeURIComponent(PAYLOAD))}`))[0]).toMatchObject({ decoded: 'url>url' });
    // Only a form body's: a JSON string holding percent escapes is the application's text, not a URL spelling.
    expect(bundledHits('content:"exec(|22|id|22|)";', jsonPost(JSON.stringify({ expr: encodeURIComponent(PAYLOAD) })))).toEqual([]);
    // A multipart body's fields, spelled as the form the same page posts without a file input (session 32, ev32).
    const B = '----b0undary';
    const multipart = (fields: Array<[string, string]>): RawRequest =>
      request('POST', '/plugins/htmlawed/htmLawedTest.php', [['Content-Type', `multipart/form-data; boundary=${B}`]], `${fields.map(([n, v]) => `--${B}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join('')}--${B}--\r\n`);
    const structure = 'pcre:"/[?&]hhook=(?:exec|system)&/";';
    const [fromParts] = bundledHits(structure, multipart([['text', 'id'], ['hhook', 'exec'], ['sid', 'x']]));
    expect(fromParts).toMatchObject({ buffer: 'raw', decoded: 'multipart-as-form' });
    expect(hits(structure, multipart([['text', 'id'], ['hhook', 'exec'], ['sid', 'x']]))).toEqual([]);
    expect(bundledHits(structure, multipart([['hhook', 'exec'], ['sid', 'x']]))).toHaveLength(1);
    expect(bundledHits(structure, multipart([['hook', 'exec'], ['sid', 'x']]))).toEqual([]);
    expect(bundledHits('pcre:"/=phar:\\/\\//";', multipart([['path', 'phar:///tmp/x.jpg']]))[0]).toMatchObject({ decoded: 'multipart-as-form' });
    // An upload past a view's size is not spelled as a form, and does not fill the packet's view: the query's URL rounds are still shown.
    const upload = { ...multipart([['file', 'a'.repeat(300_000)]]), url: `/upload?q=${encodeURIComponent(PAYLOAD)}` };
    expect(bundledHits('content:"exec(|22|id|22|)";', upload)[0]).toMatchObject({ buffer: 'raw', decoded: 'url' });
    // Plain JSON needs no view: the buffer has it.
    expect(bundledHits('content:"getRuntime().exec(";', jsonPost(JSON.stringify({ expr: PAYLOAD.replace(/"/g, "'") })))[0]).toMatchObject({ buffer: 'raw' });
  });

  it("keeps the packet's view from an imported rule: its depth and offset count from the request's first byte", () => {
    const escaped = `{"expr":"${PAYLOAD.replace(/\(/g, '\\u0028').replace(/"/g, '\\"')}"}`;
    expect(hits('content:"getRuntime().exec(";', jsonPost(escaped))).toEqual([]);
    expect(hits('content:"exec(|22|id|22|)";', request('GET', `/s?q=${encodeURIComponent(PAYLOAD)}`, []))).toEqual([]);
    expect(hits('content:"exec(|22|id|22|)";', request('POST', '/s', [['Content-Type', 'application/x-www-form-urlencoded']], `q=${encodeURIComponent(PAYLOAD)}`))).toEqual([]);
    // Talos 1070 (WebDAV SEARCH within the first 8 bytes) fired on a query value starting "Search results" when it could.
    expect(hits('content:"SEARCH ",depth 8,nocase;', request('GET', `/s?dt=${encodeURIComponent('Search results for lamps')}`, []))).toEqual([]);
    expect(hits('content:"SEARCH ",depth 8,nocase;', request('SEARCH', '/dav/', []))).toHaveLength(1);
  });

  it('shows the uri buffer what its own two URL rounds do not give: entities, base64', () => {
    expect(hits('http.uri; content:"<script>";', request('GET', '/s?q=%26lt%3Bscript%26gt%3B', []))).toHaveLength(1);
    expect(hits('http.uri; content:"cat /etc/passwd";', request('GET', `/s?q=${b64('cat /etc/passwd')}`, []))).toHaveLength(1);
  });

  it('keeps a form field\'s plain URL decoding from body rules (Snort does not URL-decode the body), not what lies under it', () => {
    const formPost = (body: string): RawRequest => request('POST', '/theme-editor', [['Content-Type', 'application/x-www-form-urlencoded']], body);
    expect(hits('http.request_body; content:"<?php";', formPost(`newcontent=${encodeURIComponent('<?php get_header(); ?>')}`))).toEqual([]);
    expect(hits(rule, formPost(`state=${encodeURIComponent(b64(PAYLOAD))}`))[0]).toMatchObject({ decoded: 'url>base64' });
  });

  it('offers a header field its own decoded forms (a Basic credential decoded)', () => {
    const raw = request('GET', '/', [['Authorization', `Basic ${b64('${jndi:ldap://x.example/a}:pw')}`]]);
    expect(hits('http.header; content:"${jndi:";', raw)[0]).toMatchObject({ buffer: 'header', decoded: 'base64' });
    expect(hits('http.header; content:"Authorization|3a| Basic "; content:"${jndi"; distance:0;', raw)).toEqual([]);
  });

  it('did not match before: the same rules on the same requests with no decoded forms', () => {
    const plain = (raw: RawRequest) => {
      // The gate as it was: no target carries a form, and the body is not read as JSON for a whole-body view.
      const inspection = { ...buildInspection(raw), bodyKind: 'text' as const };
      for (const t of inspection.targets) {
        t.decoded = [];
        t.decodedVia = [];
        delete t.unescaped;
      }
      return gateFor(`${SURICATA} (${rule} sid:1;)`, 'suricata').evaluate(inspection).hits;
    };
    expect(plain(jsonPost(JSON.stringify({ state: b64(PAYLOAD) })))).toEqual([]);
    expect(plain(jsonPost(`{"e":"${PAYLOAD.replace(/\(/g, '\\u0028').replace(/"/g, '\\"')}"}`))).toEqual([]);
  });
});

describe('decoded views: positions are per form', () => {
  const body = JSON.stringify({ a: b64('first-form tail'), b: b64('second-form tail') });

  it('anchors startswith and depth at each form', () => {
    expect(hits('http.request_body; content:"second-form"; startswith;', jsonPost(body))).toHaveLength(1);
    expect(hits('http.request_body; content:"tail"; depth:4;', jsonPost(body))).toEqual([]);
    expect(hits('http.request_body; content:"tail"; endswith;', jsonPost(body))).toHaveLength(1);
  });

  it('never lets a relative content cross the join of two forms', () => {
    // "tail" ends form a, "second-form" starts form b: adjacent only across the join.
    expect(hits('http.request_body; content:"tail"; content:"second"; distance:0; within:20;', jsonPost(body))).toEqual([]);
    expect(hits('http.request_body; content:"first-form"; content:"tail"; distance:0; within:6;', jsonPost(body))).toHaveLength(1);
  });

  it('never lets a relative content cross the join of the buffer and a form', () => {
    // The body buffer ends with `"}`; the first form starts with `first-form`.
    expect(hits('http.request_body; content:"|22 7d|"; content:"first"; distance:0; within:12;', jsonPost(body))).toEqual([]);
    expect(hits('http.request_body; content:"|22 7d|"; isdataat:1,relative;', jsonPost(body))).toEqual([]);
  });

  it('checks a negated content in the segment of the match before it', () => {
    expect(hits('http.request_body; content:"second-form"; content:!"first"; distance:0;', jsonPost(body))).toHaveLength(1);
    expect(hits('http.request_body; content:"second-form"; content:!"tail"; distance:0;', jsonPost(body))).toEqual([]);
  });

  it('runs a pcre on each form, not across them', () => {
    expect(hits('http.request_body; pcre:"/^second-form tail$/";', jsonPost(body))).toHaveLength(1);
    expect(hits('http.request_body; pcre:"/tail.second/s";', jsonPost(body))).toEqual([]);
  });
});

describe("decoded views: a JSON body's leaves spelled as a form (session 33, ev33)", () => {
  // Its literals (hook, exec) are in the body as sent, which the prefilter scans; the view gives the form's structure (9001333's shape).
  const structure = 'pcre:"/[?&]\\w{0,2}hook\\w{0,2}=(?:exec|system)(?:&|$)/";';

  it('names a leaf as a form nests it: a[b], a[x y], a[] for an array element', () => {
    expect(formNameOfJsonPath('mail["#post_render"][0]')).toBe('mail[#post_render][]');
    expect(formNameOfJsonPath('user.role')).toBe('user[role]');
    expect(formNameOfJsonPath('["Profile[as b[__class]]"]')).toBe('Profile[as b[__class]]');
    expect(formNameOfJsonPath('items[1].sku')).toBe('items[][sku]');
    expect(formNameOfJsonPath('coupon')).toBe('coupon');
  });

  it('shows a bundled rule the form a JSON body stands for', () => {
    const [hit] = bundledHits(structure, jsonPost(JSON.stringify({ sid: 'x', hhook: 'exec', text: 'id' })));
    expect(hit).toMatchObject({ buffer: 'raw', decoded: JSON_AS_FORM });
    expect(bundledHits('content:"admin"; pcre:"/(?:^|[?&])user\\[role\\]=admin(?:&|$)/";', jsonPost(JSON.stringify({ user: { role: 'admin', name: 'a' } })))[0]).toMatchObject({ decoded: JSON_AS_FORM });
    // An imported rule reads the packet as sent.
    expect(hits(structure, jsonPost(JSON.stringify({ sid: 'x', hhook: 'exec', text: 'id' })))).toEqual([]);
    expect(bundledHits(structure, jsonPost(JSON.stringify({ sid: 'x', hook: 'execute', text: 'id' })))).toEqual([]);
  });

  it("keeps a value's quote and backslash escaped: prose quoting code is not the code", () => {
    const quoted = 'pcre:"/exec\\(\x22ls/";';
    expect(bundledHits(quoted, jsonPost(JSON.stringify({ title: 'Java: exec("ls -la") returns nothing' })))).toEqual([]);
    expect(bundledHits(quoted, request('POST', '/q', [['Content-Type', 'application/x-www-form-urlencoded']], `title=${encodeURIComponent('exec("ls -la")')}`))).toHaveLength(1);
  });

  it("scans the form's & as no literal: a rule that needs one is a candidate by the body as sent (9000369 on 4.6 % of benign requests)", () => {
    const raw = RAW_SLOT;
    const views = buildDecodedViews(buildInspection(jsonPost(JSON.stringify({ title: 'Intranet', hostname: 'db1' }))), [], FIRST_FIELD_SLOT);
    expect(views?.[raw]?.text).toBe('&title=Intranet&hostname=db1');
    expect(views?.[raw]?.scanText).toBe(`${JOINT_AS_SCANNED}title=Intranet${JOINT_AS_SCANNED}hostname=db1`);
    // The pcre reads the form with its &s, but its literal is only in the joints: no candidate, no hit.
    expect(bundledHits('content:"&"; pcre:"/&hostname=/";', jsonPost(JSON.stringify({ title: 'Intranet', hostname: 'db1' })))).toEqual([]);
    // A value's own & is in the body as sent: the rule is a candidate and its pcre reads the form.
    const needsAnd = 'content:"&"; pcre:"/(?:^|[?&])cmd=id(?:&|$)/";';
    expect(bundledHits(needsAnd, jsonPost(JSON.stringify({ v: 'a&b', cmd: 'id' })))[0]).toMatchObject({ decoded: JSON_AS_FORM });
    expect(bundledHits(needsAnd, jsonPost(JSON.stringify({ v: 'ab', cmd: 'id' })))).toEqual([]);
  });
});

describe('decoded views: a long multipart value the raw buffer holds as sent', () => {
  const B = '----b0undary';
  const part = (name: string, value: string, encoding?: string): string =>
    `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n${encoding !== undefined ? `Content-Transfer-Encoding: ${encoding}\r\n` : ''}\r\n${value}\r\n`;
  const upload = (parts: string[]): RawRequest => request('POST', '/notes/save', [['Content-Type', `multipart/form-data; boundary=${B}`]], `${parts.join('')}--${B}--\r\n`);
  const long = 'Day 3: rain in the morning, sun after lunch; walked along the ridge. '.repeat(12);
  const packetView = (raw: RawRequest) => buildDecodedViews(buildInspection(raw), [], FIRST_FIELD_SLOT)?.find((v) => v?.via.includes(MULTIPART_AS_FORM));

  it('marks the long values found in raw as they are, so the prefilter does not scan them again', () => {
    expect(packetView(upload([part('note', long), part('hhook', 'exec'), part('more', long)]))?.verbatim).toHaveLength(4);
    // A value a transfer encoding changed is not in raw as the parser read it.
    expect(packetView(upload([part('note', Buffer.from(long).toString('base64'), 'base64')]))?.verbatim).toEqual([]);
  });

  it('still finds a literal that runs from a long value into the form around it, and one inside a value sent base64', () => {
    const raw = upload([part('note', `${long}zq9`), part('hhook', 'exec'), part('more', long)]);
    expect(bundledHits('content:"zq9&hhook=exec&more=Day";', raw)[0]).toMatchObject({ buffer: 'raw', decoded: MULTIPART_AS_FORM });
    expect(bundledHits('content:"ridge. Day 3|3a| rain";', raw)[0]).toMatchObject({ buffer: 'raw' });
    const encoded = upload([part('note', Buffer.from(`${long}zq9${long}`).toString('base64'), 'base64')]);
    expect(bundledHits('content:"=Day 3|3a|";', encoded)[0]).toMatchObject({ decoded: MULTIPART_AS_FORM });
    expect(bundledHits('content:"zq9Day 3";', encoded)[0]).toMatchObject({ decoded: MULTIPART_AS_FORM });
  });
});
