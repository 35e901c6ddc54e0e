import { describe, expect, it } from 'vitest';
import { normalizeUri } from '../../../src/inspect/uri/normalize-uri.js';
import { BYTES_INVALID_PERCENT, BYTES_OVERLONG, BYTES_PERCENT_U } from '../../../src/inspect/uri/percent-decode-bytes.js';
import { splitRequestTarget } from '../../../src/inspect/uri/split-request-target.js';

const normalize = (url: string, rounds = 2) => normalizeUri(splitRequestTarget(url), rounds);

describe('normalizeUri (Snort http_uri)', () => {
  it('decodes twice by default (iis_double_decode), and once when configured', () => {
    expect(normalize('/a%252fb').snortUri).toBe('/a/b');
    expect(normalize('/a%252fb', 1).snortUri).toBe('/a%2fb');
  });

  it('decodes %u with IIS best fit for full-width ASCII', () => {
    const r = normalize('/%uff0e%uff0e/%u2215x?q=%u0027');
    // %uff0e%uff0e is '..', a dot segment; %u2215 (division slash) is kept as its UTF-8 bytes
    expect(r.snortUri).toBe("/\u00e2\u0088\u0095x?q='");
    expect(r.aboveRoot).toBe(true);
    expect(r.anomalies & BYTES_PERCENT_U).toBeTruthy();
  });

  it('decodes escape()d text in the URI without the %u anomaly (only ASCII-syntax spellings are one)', () => {
    const r = normalize('/produits/%u201CRefinado%u201D%20%u2013%20204%2C61%20%u20AC?q=%u4E2D%u6587');
    expect(r.anomalies & BYTES_PERCENT_U).toBe(0);
    expect(normalize('/x?q=%u003cscript').anomalies & BYTES_PERCENT_U).toBeTruthy();
  });

  it('collapses overlong ASCII so ..%c0%af.. simplifies like ../..', () => {
    const r = normalize('/a/b/..%c0%af..%c0%afetc/passwd');
    expect(r.snortUri).toBe('/etc/passwd');
    expect(r.anomalies & BYTES_OVERLONG).toBeTruthy();
    expect(r.aboveRoot).toBe(false);
  });

  it('keeps non-ASCII bytes as latin1 chars in the buffer and UTF-8 text in path', () => {
    const r = normalize('/caf%C3%A9');
    expect(r.snortUri).toBe('/caf\u00c3\u00a9');
    expect(r.path).toBe('/café');
  });

  it('flags evasive invalid percent sequences but keeps them', () => {
    const r = normalize('/a%%32%65b');
    expect(r.anomalies & BYTES_INVALID_PERCENT).toBeTruthy();
  });

  it('leaves the query unsimplified but decoded, + as space', () => {
    expect(normalize('/x?path=../../a+b%2bc').snortUri).toBe('/x?path=../../a b+c');
  });

  it('leaves asterisk-form and authority-form targets alone', () => {
    expect(normalize('*').snortUri).toBe('*');
    expect(normalize('example.com:443').snortUri).toBe('example.com:443');
  });
});
