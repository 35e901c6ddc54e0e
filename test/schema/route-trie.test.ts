import { describe, expect, it } from 'vitest';
import { parseTemplate, RouteTrie } from '../../src/schema/route-trie.js';
import { splitRequestPath } from '../../src/schema/request-path.js';

function trieOf(templates: string[]) {
  const trie = new RouteTrie<string>();
  for (const t of templates) trie.leafFor(parseTemplate(t), () => t);
  return (path: string) => {
    const segments = splitRequestPath(path);
    if (segments === null) return 'malformed';
    const m = trie.match(segments.decoded, segments.raw);
    return m === null ? null : { template: m.leaf, values: m.values };
  };
}

describe('route trie', () => {
  const match = trieOf(['/a/b/d', '/a/{x}/c', '/a/{x}', '/files/{name}.{ext}', '/files/readme', '/v/{id}/raw']);

  it('tries static segments before templates, and backtracks when the static branch dead-ends', () => {
    expect(match('/a/b/d')).toEqual({ template: '/a/b/d', values: [] });
    expect(match('/a/b/c')).toEqual({ template: '/a/{x}/c', values: ['b'] });
    expect(match('/a/b')).toEqual({ template: '/a/{x}', values: ['b'] });
  });

  it('matches mixed segments with one capture per expression, after static ones', () => {
    expect(match('/files/readme')).toEqual({ template: '/files/readme', values: [] });
    expect(match('/files/report.final.pdf')).toEqual({ template: '/files/{name}.{ext}', values: ['report', 'final.pdf'] });
    expect(match('/files/noext')).toBeNull();
  });

  it('hands out template values still percent-encoded (styles split before decoding)', () => {
    expect(match('/v/a%2Cb/raw')).toEqual({ template: '/v/{id}/raw', values: ['a%2Cb'] });
  });

  it('routes static segments on their decoded form and resolves encoded dot segments', () => {
    expect(match('/%61/b/d')).toEqual({ template: '/a/b/d', values: [] });
    expect(match('/a/b/%2e%2e/b/d')).toEqual({ template: '/a/b/d', values: [] });
  });

  it('gives up on malformed percent-encoding in the path', () => {
    expect(match('/a/%zz')).toBe('malformed');
  });
});
