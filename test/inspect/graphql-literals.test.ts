import { describe, expect, it } from 'vitest';
import { graphqlStringLiterals, isGraphqlField, looksLikeGraphql } from '../../src/inspect/graphql-literals.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { rawRequest } from './raw-request.js';

describe('GraphQL string literals', () => {
  it('recognises executable documents, not prose that mentions a query', () => {
    expect(looksLikeGraphql('{ user(id: 1) { name } }')).toBe(true);
    expect(looksLikeGraphql('# list\n  query Q($id: ID!) { user(id: $id) { name } }')).toBe(true);
    expect(looksLikeGraphql('mutation { login(user: "a") }')).toBe(true);
    expect(looksLikeGraphql('queryable items')).toBe(false);
    expect(looksLikeGraphql('blue shoes')).toBe(false);
    expect(isGraphqlField('query')).toBe(true);
    expect(isGraphqlField('[2].query')).toBe(true);
    expect(isGraphqlField('search.query')).toBe(false);
  });

  it('takes a LogQL or PromQL stream selector for a log query, not a GraphQL document', () => {
    for (const s of ['{app="nginx"} |= "/etc/passwd"', '{job=~"api.*", namespace!="dev"} |~ "timeout"', ' {app = "auth"}', '{__name__="up"}']) expect(looksLikeGraphql(s), s).toBe(false);
    // A selection set with arguments, and an object argument, are GraphQL still.
    for (const s of ['{ user(id: "1") { name } }', '{user(where: {email: "a"}) {id}}', '{ app }']) expect(looksLikeGraphql(s), s).toBe(true);
  });

  it('names each literal after its argument or input field, in lists and objects too, with escapes undone', () => {
    const doc = 'query { user(id: "1\' or 1=1--") { posts(filter: {title: "a\\u0027b", tags: ["x", "y"]}, first: 3) { id } } } # "not a literal"';
    expect(graphqlStringLiterals(doc)).toEqual([
      ['id', "1' or 1=1--"],
      ['title', "a'b"],
      ['tags', 'x'],
      ['tags', 'y'],
    ]);
    expect(graphqlStringLiterals('{ a(body: """multi\nline \\""" quote""") }')).toEqual([['body', 'multi\nline """ quote']]);
  });

  it('stops at a string it cannot close and keeps what it read', () => {
    expect(graphqlStringLiterals('{ a(x: "ok") b(y: "open')).toEqual([['x', 'ok']]);
  });

  it('takes at most 64 literals from one document', () => {
    const doc = `{ ${Array.from({ length: 200 }, (_, i) => `f${i}(a: "v${i}")`).join(' ')} }`;
    expect(graphqlStringLiterals(doc)).toHaveLength(64);
  });

  it('adds the literals of a JSON, GET or application/graphql request as targets, the whole document kept', () => {
    const doc = '{ user(id: "1\' union select password from users--") { name } }';
    const post = buildInspection(rawRequest('POST', '/graphql', [['Content-Type', 'application/json']], JSON.stringify({ query: doc })));
    const body = post.targets.filter((t) => t.location === 'body').map((t) => [t.name, t.raw]);
    expect(body).toContainEqual(['query', doc]);
    expect(body).toContainEqual(['query.id', "1' union select password from users--"]);
    const batched = buildInspection(rawRequest('POST', '/graphql', [['Content-Type', 'application/json']], JSON.stringify([{ query: '{ a }' }, { query: doc }])));
    expect(batched.targets.map((t) => t.name)).toContain('[1].query.id');
    const get = buildInspection(rawRequest('GET', `/graphql?query=${encodeURIComponent(doc)}`));
    expect(get.targets.filter((t) => t.location === 'query').map((t) => [t.name, t.raw])).toContainEqual(['query.id', "1' union select password from users--"]);
    // GraphQL over HTTP's own media type: the body is the document.
    const raw = buildInspection(rawRequest('POST', '/graphql', [['Content-Type', 'application/graphql']], doc));
    expect(raw.targets.filter((t) => t.location === 'body').map((t) => [t.name, t.raw])).toEqual([['body', doc], ['query.id', "1' union select password from users--"]]);
    const plain = buildInspection(rawRequest('POST', '/notes', [['Content-Type', 'application/octet-stream']], doc));
    expect(plain.targets.filter((t) => t.location === 'body').map((t) => t.name)).toEqual(['body']);
    // A search box named query holding prose is not parsed.
    const prose = buildInspection(rawRequest('GET', '/search?query=blue+%22suede%22+shoes'));
    expect(prose.targets.filter((t) => t.location === 'query').map((t) => t.name)).toEqual(['query']);
  });
});
