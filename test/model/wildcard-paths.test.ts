import { describe, expect, it } from 'vitest';
import { isWildcardPath } from '../../src/model/wildcard-paths.js';

describe('isWildcardPath', () => {
  it('takes index patterns of search back ends: a name ending in a wildcard, lists of them, a wildcard segment', () => {
    for (const path of ['/logs-*/_search', '/.ds-logs-*/_mapping/field/*', '/kibana_sample_data_*/_async_search', '/logs-app-2026.12.*/_count', '/_cat/indices/.ds-logs-*', '/traces-apm*,apm-*/_mapping']) {
      expect(isWildcardPath(path), path).toBe(true);
    }
  });

  it('refuses comment pairs, punctuation, dot-dots, encodings and paths without a wildcard', () => {
    for (const path of ['/1/**/union/**/select', '/x/*foo*/y', '/a/**', '/a/..*/x', '/a/b%2a/c', '/a/b;*/c', "/a/b'*/c", '/a/b']) {
      expect(isWildcardPath(path), path).toBe(false);
    }
  });
});
