/** Suricata buffers the matcher derives from the Inspection: header names, request line, start, protocol. */
import { describe, expect, it } from 'vitest';
import { fires, gateFor } from './match-helpers.js';
import { buildInspection } from './fixtures.js';

const SURICATA = 'alert http any any -> any any';
const browser: Array<[string, string]> = [['Host', 'shop.example'], ['User-Agent', 'Mozilla/5.0'], ['Accept', '*/*']];

describe('http.header_names', () => {
  it('holds the names in order, each framed by CRLF, ending with a blank line', () => {
    expect(fires('http.header_names; content:"|0d 0a|Host|0d 0a|User-Agent|0d 0a|Accept|0d 0a 0d 0a|";', { headers: browser }, 'suricata')).toBe(true);
    expect(fires('http.header_names; content:"|0d 0a|User-Agent|0d 0a|Host";', { headers: browser }, 'suricata')).toBe(false);
  });

  it('supports the ET idiom: a header that must be absent', () => {
    const rule = 'http.header_names; content:!"Referer"; content:"|0d 0a|Host|0d 0a|";';
    expect(fires(rule, { headers: browser }, 'suricata')).toBe(true);
    expect(fires(rule, { headers: [...browser, ['Referer', 'https://a.example/']] }, 'suricata')).toBe(false);
  });

  it('never matches header values, and reports hits in rawHeader without an offset', () => {
    expect(fires('http.header_names; content:"Mozilla";', { headers: browser }, 'suricata')).toBe(false);
    const gate = gateFor(`${SURICATA} (http.header_names; content:"|0d 0a|Accept|0d 0a|"; sid:1;)`, 'suricata');
    expect(gate.evaluate(buildInspection({ headers: browser })).hits[0]).toMatchObject({ buffer: 'rawHeader', offset: -1 });
  });
});

describe('request line, start and protocol', () => {
  it('http.request_line is the first line without its CRLF, reported at its place in raw', () => {
    expect(fires('http.request_line; content:"GET /a?b=1 HTTP/1.1"; startswith; endswith;', { url: '/a?b=1' }, 'suricata')).toBe(true);
    const gate = gateFor(`${SURICATA} (http.request_line; content:"/a?b"; sid:1;)`, 'suricata');
    const inspection = buildInspection({ url: '/a?b=1' });
    const [hit] = gate.evaluate(inspection).hits;
    expect(inspection.buffers.raw.substr(hit.offset, hit.length)).toBe('/a?b');
  });

  it('http.start runs from the request line through the blank line after the headers, not into the body', () => {
    const request = { method: 'POST', url: '/x', headers: browser, body: 'secret' };
    expect(fires('http.start; content:"POST /x HTTP/1.1|0d 0a|Host"; startswith; content:"*/*|0d 0a 0d 0a|"; endswith;', request, 'suricata')).toBe(true);
    expect(fires('http.start; content:"secret";', request, 'suricata')).toBe(false);
  });

  it('http.protocol is the version token, and hits point at it in raw', () => {
    expect(fires('http.protocol; content:"HTTP/1.1"; bsize:8;', {}, 'suricata')).toBe(true);
    const gate = gateFor(`${SURICATA} (http.protocol; content:"1.1"; sid:1;)`, 'suricata');
    const inspection = buildInspection({ url: '/p' });
    const [hit] = gate.evaluate(inspection).hits;
    expect(inspection.buffers.raw.substr(hit.offset, hit.length)).toBe('1.1');
    expect(hit.offset).toBe('GET /p HTTP/'.length);
  });
});
