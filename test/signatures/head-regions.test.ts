import { describe, expect, it } from 'vitest';
import { findHeadRegions, headRegionsOfLayout } from '../../src/signatures/compile/head-regions.js';
import { rawLaidOutHere } from '../../src/inspect/snort-buffers.js';
import { HDR, gateFor } from './match-helpers.js';
import { buildInspection, inspectRequest } from './fixtures.js';

describe('findHeadRegions: the method, raw URI and raw header block in raw', () => {
  const from = new Int32Array(4);
  const to = new Int32Array(4);

  it('finds each buffer where the inspector lays it out', () => {
    const { buffers } = buildInspection({ method: 'POST', url: '/a?b=c', headers: [['Host', 'h'], ['X-Id', '7']], body: 'q=1' });
    expect(findHeadRegions(buffers.raw, buffers.method, buffers.rawUri, buffers.rawHeader, from, to)).toBe(true);
    expect(buffers.raw.slice(from[1], to[1])).toBe(buffers.method);
    expect(buffers.raw.slice(from[2], to[2])).toBe(buffers.rawUri);
    expect(buffers.raw.slice(from[3], to[3])).toBe(buffers.rawHeader);
  });

  it.each([
    ['a body', { method: 'POST', url: '/a?b=c', headers: [['Host', 'h'], ['X-Id', '7']] as Array<[string, string]>, body: 'q=1' }],
    ['no body', { method: 'GET', url: '/', headers: [['Host', 'h']] as Array<[string, string]> }],
    ['no header', { method: 'DELETE', url: '/x', headers: [] as Array<[string, string]>, body: 'z' }],
    ['a body that starts with a line break', { method: 'PUT', url: '/%0d%0a', headers: [['Host', 'h'], ['Cookie', 'a=1']] as Array<[string, string]>, body: '\r\nGET / HTTP/1.1' }],
  ])('computes the same regions from the lengths for the inspector\'s buffers: %s', (_name, spec) => {
    const { buffers } = inspectRequest(spec);
    expect(rawLaidOutHere(buffers)).toBe(true);
    const byLayout = [new Int32Array(4), new Int32Array(4)];
    headRegionsOfLayout(buffers.raw.length, buffers.method.length, buffers.rawUri.length, buffers.rawHeader.length, buffers.clientBody.length, byLayout[0], byLayout[1]);
    expect(findHeadRegions(buffers.raw, buffers.method, buffers.rawUri, buffers.rawHeader, from, to)).toBe(true);
    expect([...byLayout[0]].slice(1)).toEqual([...from].slice(1));
    expect([...byLayout[1]].slice(1)).toEqual([...to].slice(1));
  });

  it.each([
    ['a raw request without the method first', 'GET', 'POST /a HTTP/1.1\r\nHost: h\r\n\r\n', '/a', 'Host: h\r\n'],
    ['a URI that is not the request line\'s', 'GET', 'GET /b HTTP/1.1\r\nHost: h\r\n\r\n', '/a', 'Host: h\r\n'],
    ['a header block that is not raw\'s', 'GET', 'GET /a HTTP/1.1\r\nHost: g\r\n\r\n', '/a', 'Host: h\r\n'],
    ['no line end after the request line', 'GET', 'GET /a HTTP/1.1', '/a', ''],
    ['a header block followed by a word character', 'GET', 'GET /a HTTP/1.1\r\nHost: h\r\nX', '/a', 'Host: h\r\n'],
  ])('refuses %s', (_name, method, raw, rawUri, rawHeader) => {
    expect(findHeadRegions(raw, method, rawUri, rawHeader, from, to)).toBe(false);
  });
});

describe("raw's scan finds the head buffers' literals in their regions of raw", () => {
  const rules = [
    `${HDR} (content:"marker-one"; http_raw_uri; sid:31;)`,
    `${HDR} (content:"marker-two"; http_raw_header; sid:32;)`,
    `${HDR} (content:"PURGE"; http_method; sid:33;)`,
    `${HDR} (content:"marker-three"; sid:34;)`,
    `${HDR} (content:"/x "; http_raw_uri; sid:35;)`,
    `${HDR} (content:"T /x"; http_raw_uri; sid:37;)`,
    `${HDR} (content:"|0d 0a|zz-body"; http_raw_header; sid:36;)`,
  ].join('\n');
  const sids = (inspection: ReturnType<typeof buildInspection>): number[] => gateFor(rules).evaluate(inspection).hits.map((h) => h.sid).sort();
  const request = (method: string, url: string, note: string, body = '') => buildInspection({ method, url, headers: [['Host', 'h'], ['X-Note', note]], body });

  it('holds them in one automaton with raw\'s', () => {
    expect(gateFor(rules).stats.automata.some((a) => a.buffer === 'raw' && a.alsoFor === 'rawHeader')).toBe(true);
  });

  it('counts a literal inside its own region', () => {
    expect(sids(request('PURGE', '/x?marker-one', 'marker-two'))).toEqual([31, 32, 33]);
  });

  it('counts it inside its region after an occurrence outside it (the scan skips only literals it has counted)', () => {
    expect(sids(request('GET', '/x?marker-two', 'marker-two'))).toEqual([32]);
    expect(sids(request('GET', '/x?PURGE', 'marker-one', 'marker-one PURGE'))).toEqual([]);
  });

  it('does not count it in another region of raw or in the body', () => {
    const elsewhere = request('GET', '/y?marker-two', 'marker-one PURGE', 'marker-one marker-two PURGE');
    expect(sids(elsewhere)).toEqual([]);
    // Not even as candidates: the prefilter ruled them out.
    expect(gateFor(rules).evaluate(elsewhere).candidates).toBe(0);
    // A raw literal counts anywhere in raw.
    expect(sids(request('GET', '/x', 'ok', 'marker-three'))).toEqual([34]);
  });

  it('does not count an occurrence that crosses a region edge', () => {
    // "/x " runs one char past the URI's end, "T /x" starts in the method, "\r\nzz-body" runs from the header block into the body.
    const crossing = request('POST', '/x', 'ok', 'zz-body');
    expect(sids(crossing)).toEqual([]);
    expect(gateFor(rules).evaluate(crossing).candidates).toBe(0);
  });

  it('scans the head buffers on their own when raw does not hold them (an inspection built by hand)', () => {
    const inspection = request('GET', '/x', 'ok');
    const moved = { ...inspection, buffers: { ...inspection.buffers, rawUri: '/x?marker-one', rawHeader: 'X-Note: marker-two\r\n', method: 'PURGE' } };
    expect(gateFor(rules).evaluate(moved).hits.map((h) => h.sid).sort()).toEqual([31, 32, 33]);
  });
});
