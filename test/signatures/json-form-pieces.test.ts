/**
 * The prefilter reads a JSON body's leaves spelled as a form by its pieces (compile/json-form-pieces.ts) instead of
 * scanning the form whole in pkt_data's view: it must keep every rule the whole form's scan kept (a rule it lost
 * could match there and would never run). Compared here on the bundled rules, one Prefilter, the same request
 * loaded into RequestBuffers that leave the form to the pieces and into ones that put it in the view (as before).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { BufferSlots, compileRule } from '../../src/signatures/compile/compile-rule.js';
import { Prefilter, PrefilterLiterals } from '../../src/signatures/compile/prefilter.js';
import { isAscii, quotedNear } from '../../src/signatures/compile/json-form-pieces.js';
import { RequestBuffers } from '../../src/signatures/match/request-buffers.js';
import type { CompiledRule } from '../../src/signatures/compile/compiled-rule.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { inspectRequest } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));

let prefilter: Prefilter;
let slots: BufferSlots;
let rawLiterals: string[];

beforeAll(async () => {
  const { rules } = await loadRuleSet([RULES]);
  slots = new BufferSlots();
  const compiled: CompiledRule[] = rules.filter((r) => r.enabled).map((r, i) => compileRule(r, i, 'suspicious', slots));
  prefilter = new Prefilter(compiled);
  const collected = new PrefilterLiterals();
  collected.add(compiled, 0, compiled.length);
  rawLiterals = collected.literals.filter((_, i) => collected.buffers[i] === 'raw');
});

const post = (body: string) =>
  inspectRequest({ method: 'POST', url: '/api/items', headers: [['Host', 'shop.example'], ['Content-Type', 'application/json']], body });

/** A body in UTF-16: raw holds none of its keys and values as the form spells them, so each piece is scanned alone. */
const postUtf16 = (body: string): Inspection => {
  const bytes = Buffer.from(body, 'utf16le');
  const rawHeaders = ['Host', 'shop.example', 'Content-Type', 'application/json; charset=utf-16le', 'Content-Length', String(bytes.length)];
  return buildInspection({ method: 'POST', url: '/api/items', httpVersion: '1.1', rawHeaders, body: bytes, bodyTruncated: false, source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' } });
};

function candidates(body: string | Inspection, inPieces: boolean): number[] {
  const buffers = new RequestBuffers(slots.headerFields, inPieces);
  buffers.load(typeof body === 'string' ? post(body) : body);
  return [...prefilter.candidatesFor(buffers)];
}

/** xorshift32: the same bodies on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

describe('a JSON body\'s form read by its pieces', () => {
  it('is read in pieces with the bundled rules (no raw literal holds the joints\' byte)', () => {
    expect(prefilter.readsJsonFormInPieces).toBe(true);
  });

  it.each([
    ['a name and value spelling a form parameter', '{"hook":"exec","mail":{"#post_render":["exec"]}}'],
    ['nested keys and arrays', '{"user":{"role":"admin","tags":["a","b"]},"items":[{"sku":"x=1"}]}'],
    ['escaped quotes and line breaks', '{"note":"say \\"hi\\"\\nthen =exec","k\\u0065y":"v"}'],
    ['a value past ASCII', '{"name":"Zoë","city":"Kraków","cmd":"=exec"}'],
    ['a key past ASCII', '{"naïve":{"x":"1"},"q":"union select"}'],
    ['a key with brackets and dots', '{"a[b]":"=x","c.d":{"e":"[f]"}}'],
    ['the bench\'s order', '{"customer":{"id":48213,"name":"Ann Lee","email":"ann.lee@example.com"},"coupon":"SPRING24"}'],
    // Values from 32 chars are compared with raw and checked for ASCII natively (NATIVE_MIN_CHARS).
    ['a long value raw holds as it is', '{"comment":"Please leave the parcel with the neighbour at number 223 if nobody is home; then =exec","q":"x"}'],
    ['a long value raw holds only escaped', '{"comment":"Please leave the parcel with the neighbour at number 223, then \\u003d\\u0065xec","hook":"x"}'],
    ['a long value raw holds escaped, the same length as another quoted string', '{"a":"Please leave the parcel with the neighbour xx=exec","b":"Please leave the parcel with the neighbour \\u003d\\u0065xec"}'],
    ['a long value past ASCII', '{"comment":"Zoë left the parcel with the neighbour at number 223 then =exec","q":"x"}'],
  ])('keeps every candidate of the whole form\'s scan: %s', (_, body) => {
    const whole = candidates(body, false);
    const pieces = new Set(candidates(body, true));
    expect(whole.filter((r) => !pieces.has(r))).toEqual([]);
  });

  it('keeps every candidate where raw does not hold the pieces as the form spells them (a UTF-16 body)', () => {
    const inspection = postUtf16('{"cmd":"cat /etc/passwd","q":"1 union select password from users","u":"http://169.254.169.254/latest"}');
    expect(inspection.bodyKind).toBe('json');
    const whole = candidates(inspection, false);
    const pieces = new Set(candidates(inspection, true));
    expect(whole.length).toBeGreaterThan(2);
    expect(whole.filter((r) => !pieces.has(r))).toEqual([]);
  });

  it('keeps every candidate on bodies whose keys and values end and start raw literals across the form\'s `[`, `]` and `=`', () => {
    const next = random(35);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    // Printable ASCII without a quote or backslash: a key's or value's own text in the JSON written.
    const plain = (l: string): boolean => [...l].every((c) => c >= ' ' && c <= '~' && c !== '"' && c !== '\\');
    const spanning = rawLiterals.filter((l) => /[[\]=]/.test(l) && plain(l));
    const words = ['id', 'name', 'url', 'user', 'q', 'cmd', 'x', 'data', 'page'];
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const literal = pick(spanning);
      const at = literal.search(/[[\]=]/);
      // A key ending in the literal's head, a value starting with its tail, nested or not.
      const key = `${pick(words)}${literal.slice(0, at)}`;
      const value = `${literal.slice(at + 1)}${pick(words)}`;
      const body = JSON.stringify(next() < 0.5 ? { [key]: value, other: pick(words) } : { [pick(words)]: { [key]: [value, pick(words)] } });
      const whole = candidates(body, false);
      const pieces = new Set(candidates(body, true));
      expect(whole.filter((r) => !pieces.has(r)), body).toEqual([]);
      compared += whole.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

/** quotedNear as it was written first, char by char: the native comparison of a long piece must answer as it does. */
function quotedNearByChars(raw: string, near: number, text: string, from: number, to: number): number {
  const length = to - from;
  const stop = Math.min(raw.length - length - 1, near + 256);
  for (let q = near; q < stop; q++) {
    if (raw.charCodeAt(q) !== 0x22 || raw.charCodeAt(q + 1 + length) !== 0x22) continue;
    let i = 0;
    while (i < length && raw.charCodeAt(q + 1 + i) === text.charCodeAt(from + i)) i++;
    if (i === length) return q + length + 2;
  }
  return -1;
}

describe('the pieces\' long texts, compared and checked natively', () => {
  it('quotedNear finds a long value where the char-by-char comparison does, past a quoted decoy of its length', () => {
    const next = random(36);
    const alphabet = 'ab "=\\xyz';
    let found = 0;
    for (let n = 0; n < 400; n++) {
      const length = 32 + Math.floor(next() * 40);
      const word = (k: number): string => Array.from({ length: k }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const value = word(length);
      // A decoy differing in one char, then (or not) the value itself, each quoted.
      const decoy = `${value.slice(0, length - 1)}${value.endsWith('a') ? 'b' : 'a'}`;
      const raw = `{"d":"${decoy}","k":${next() < 0.7 ? `"${value}"` : `"${word(length)}"`}}`;
      const near = Math.floor(next() * 8);
      const expected = quotedNearByChars(raw, near, value, 0, value.length);
      expect(quotedNear(raw, near, value, 0, value.length), raw).toBe(expected);
      if (expected >= 0) found++;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('isAscii answers as a char-by-char check on long and short texts, a lone surrogate and a pair included', () => {
    const byChars = (t: string): boolean => [...t].every((c) => c.charCodeAt(0) <= 0x7f);
    for (const t of ['plain ASCII text of more than thirty-two chars, ~!', 'short', 'Zoë wrote a long note about the parcel and its neighbour', `${'x'.repeat(40)}\ud800`, `${'x'.repeat(40)}\ud83d\ude00`, `${'x'.repeat(40)}\x7f`, `${'x'.repeat(40)}\x80`, 'é']) {
      expect(isAscii(t), JSON.stringify(t)).toBe(byChars(t));
    }
  });
});
