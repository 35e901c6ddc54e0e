import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInspection, DEFAULT_INSPECT_OPTIONS } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { rawRequest } from './raw-request.js';

/** Every bound the options promise, checked on one inspection. */
function expectWithinBounds(inspection: Inspection): void {
  const o = DEFAULT_INSPECT_OPTIONS;
  expect(inspection.targets.length).toBeLessThanOrEqual(o.maxTargets + o.maxRemainderTargets);
  expect(inspection.findings.length).toBeLessThanOrEqual(o.maxFindings);
  for (const target of inspection.targets) {
    expect(target.decoded.length).toBeLessThanOrEqual(o.maxDecodedForms);
    for (const form of target.decoded) {
      expect(form.length).toBeLessThanOrEqual(o.maxDecodedLength);
      expect(form).not.toBe(target.raw);
    }
  }
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

const MEDIA_TYPES = [
  'application/json',
  'application/xml',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=b',
  'multipart/form-data',
  'application/octet-stream',
  '',
];

describe('hostile inputs', () => {
  it('never throws and stays within bounds on arbitrary requests', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 100 })), { maxLength: 10 }),
        fc.constantFrom(...MEDIA_TYPES),
        fc.oneof(fc.string({ maxLength: 500 }), fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b))),
        fc.boolean(),
        (url, headers, mediaType, body, truncated) => {
          const all: Array<[string, string]> = mediaType === '' ? headers : [...headers, ['Content-Type', mediaType]];
          expectWithinBounds(buildInspection(rawRequest('POST', `/${url}`, all, body, truncated)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on structured-looking garbage', () => {
    const structured = fc.stringMatching(/^[{}[\]",:<>/?!&;%\\a-z0-9 =-]{0,300}$/);
    fc.assert(
      fc.property(structured, fc.constantFrom(...MEDIA_TYPES), (body, mediaType) => {
        expectWithinBounds(buildInspection(rawRequest('POST', '/', [['Content-Type', mediaType]], `--b\r\n${body}`)));
        expectWithinBounds(buildInspection(rawRequest('POST', '/', [['Content-Type', mediaType]], body)));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['100k query parameters', () => rawRequest('GET', `/?${'a=1&'.repeat(100_000)}`)],
    ['a 1 MB query value of %25', () => rawRequest('GET', `/?q=${'%25'.repeat(350_000)}`)],
    ['1 MB of \\u{ without a closing brace', () => rawRequest('POST', '/', [['Content-Type', 'text/plain']], '\\u{'.repeat(350_000))],
    ['1 MB of &#', () => rawRequest('POST', '/', [['Content-Type', 'text/plain']], '&#'.repeat(500_000))],
    ['1 MB of /* without */', () => rawRequest('POST', '/', [['Content-Type', 'text/plain']], '/*'.repeat(500_000))],
    ['a 1 MB JSON array of strings', () => rawRequest('POST', '/', [['Content-Type', 'application/json']], JSON.stringify(Array(100_000).fill('x%41y')))],
    ['JSON nested 500k deep', () => rawRequest('POST', '/', [['Content-Type', 'application/json']], '['.repeat(500_000))],
    ['XML nested 200k deep', () => rawRequest('POST', '/', [['Content-Type', 'application/xml']], '<a>'.repeat(200_000))],
    [
      'multipart with 256 parts and no blank line',
      () => rawRequest('POST', '/', [['Content-Type', 'multipart/form-data; boundary=b']], '--b\r\nX: y\r\n'.repeat(300) + 'z'.repeat(1_000_000)),
    ],
    ['a 1 MB header value', () => rawRequest('GET', '/', [['X-Long', 'A'.repeat(1_000_000)]])],
  ])('handles %s in linear time', (_name, make) => {
    const request = make();
    const { value, ms } = timed(() => buildInspection(request));
    expectWithinBounds(value);
    expect(ms).toBeLessThan(1500);
  });
});
