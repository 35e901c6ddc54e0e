import { describe, expect, it } from 'vitest';
import { formatMisclassified, rankMisclassified, type Misclassified } from '../../src/eval/misclassified.js';

const m = (kind: Misclassified['kind'], id: string, score: number | null): Misclassified => ({
  kind,
  id,
  source: 'warden-gen',
  category: 'search-listing',
  confidence: score === null ? null : 'high',
  score,
  target: null,
  evidence: '',
});

describe('rankMisclassified', () => {
  it('puts false positives first, highest score first, then false negatives, lowest score first', () => {
    const ranked = rankMisclassified([m('false-negative', 'n1', 0.4), m('false-positive', 'p1', 0.81), m('false-negative', 'n2', 0.01), m('false-positive', 'p2', 0.99)]);
    expect(ranked.map((x) => x.id)).toEqual(['p2', 'p1', 'n2', 'n1']);
  });

  it('keeps the N worst of each kind', () => {
    const ranked = rankMisclassified([m('false-positive', 'p1', 0.81), m('false-positive', 'p2', 0.99), m('false-negative', 'n1', 0.4)], 1);
    expect(ranked.map((x) => x.id)).toEqual(['p2', 'n1']);
  });
});

describe('formatMisclassified', () => {
  it('shows the field and its value as a JSON string, so control characters stay visible', () => {
    const line = formatMisclassified({ ...m('false-positive', 'warden-gen/search-listing/7', 0.93), target: { location: 'query', name: 'q', role: 'value', value: "O'Brien\r\n" }, evidence: 'model WARDEN_DECISION_PAYLOAD 0.93' });
    expect(line).toBe('FP 0.9300 high     warden-gen/search-listing warden-gen/search-listing/7\n     query q = "O\'Brien\\r\\n"\n     model WARDEN_DECISION_PAYLOAD 0.93');
  });

  it('says when the scored form is a multipart filename rather than the part', () => {
    const line = formatMisclassified({ ...m('false-positive', 'u1', 0.9), target: { location: 'body', name: 'file', role: 'filename', value: 'app.sh' } });
    expect(line.split('\n')[1]).toBe('     body file (filename) = "app.sh"');
  });

  it('marks a record replayed over HTTP, where no score is known', () => {
    expect(formatMisclassified({ ...m('false-negative', 'a1', null), evidence: 'status 200' })).toMatch(/^FN {3}- {4}- {8}warden-gen\/search-listing a1\n {5}status 200$/);
  });
});
