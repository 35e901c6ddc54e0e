/**
 * Property: a rule matches a request built to satisfy it. Patterns include the bytes Snort makes
 * awkward (`; " \ : |`, control bytes, latin1), encoded as |hex| where needed; filler between and
 * around the patterns may contain partial or full decoys, so backtracking has to find the right pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateFor, HDR } from './match-helpers.js';
import { buildInspection } from './fixtures.js';

const patternChar = fc.constantFrom('a', 'b', 'C', ';', '"', '\\', ':', '|', '\x00', '\n', '\xe9', ' ', '(');
const fillerChar = fc.constantFrom('x', 'y', 'a', 'b', 'C', ' ', '\xe9');

function encodeContent(bytes: string): string {
  let out = '';
  for (const ch of bytes) {
    const code = ch.charCodeAt(0);
    out += /[A-Za-z0-9 (]/.test(ch) ? ch : `|${code.toString(16).padStart(2, '0')}|`;
  }
  return out;
}

function flipCase(s: string, mask: number): string {
  return [...s].map((c, i) => ((mask >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('');
}

describe('rule/request property', () => {
  it('a two-content rule with absolute and relative windows matches a body built to satisfy it', () => {
    fc.assert(
      fc.property(
        fc.record({
          prefix: fc.string({ unit: fillerChar, maxLength: 20 }),
          p1: fc.string({ unit: patternChar, minLength: 1, maxLength: 6 }),
          gap: fc.string({ unit: fillerChar, maxLength: 12 }),
          p2: fc.string({ unit: patternChar, minLength: 1, maxLength: 6 }),
          suffix: fc.string({ unit: fillerChar, maxLength: 20 }),
          slack: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5)),
          nocase: fc.boolean(),
          caseMask: fc.nat(),
          snort3: fc.boolean(),
        }),
        ({ prefix, p1, gap, p2, suffix, slack: [k1, k2, d1, d2], nocase, caseMask, snort3 }) => {
          const offset = Math.max(0, prefix.length - k1);
          const depth = p1.length + (prefix.length - offset) + k2;
          const distance = gap.length - d1;
          const within = p2.length + d1 + d2;
          const nc = nocase ? (snort3 ? ',nocase' : ' nocase;') : '';
          const rule = snort3
            ? `${HDR} (http_client_body; content:"${encodeContent(p1)}",offset ${offset},depth ${depth}${nc}; content:"${encodeContent(p2)}",distance ${distance},within ${within}${nc}; service:http; sid:1;)`
            : `${HDR} (content:"${encodeContent(p1)}"; http_client_body; offset:${offset}; depth:${depth};${nc} content:"${encodeContent(p2)}"; http_client_body; distance:${distance}; within:${within};${nc} sid:1;)`;
          const sent = nocase ? flipCase(p1, caseMask) + gap + flipCase(p2, caseMask >> 3) : p1 + gap + p2;
          const gate = gateFor(rule, snort3 ? 'snort3' : 'snort2');
          const hits = gate.evaluate(buildInspection({ method: 'POST', url: '/', body: prefix + sent + suffix })).hits;
          expect(hits).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a negated content in the window between two matches blocks the rule exactly when present', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('x', 'y', 'z'), maxLength: 10 }), fc.boolean(), (gap, poison) => {
        const between = poison ? `${gap}BAD${gap}` : gap;
        const gate = gateFor(`${HDR} (content:"START"; http_client_body; content:!"BAD"; http_client_body; within:${Math.max(3, between.length)}; content:"END"; http_client_body; distance:0; sid:1;)`);
        const hits = gate.evaluate(buildInspection({ method: 'POST', url: '/', body: `START${between}END` })).hits;
        expect(hits.length).toBe(poison ? 0 : 1);
      }),
      { numRuns: 100 },
    );
  });
});
