import { describe, expect, it } from 'vitest';
import { traversalLiterals } from '../../src/model/graph-query.js';

// Traversals as a graph database's HTTP API receives them (`{"gremlin": "…", "bindings": {…}}`).
const TRAVERSALS = [
  "g.V().has('account','id',accountId).out('transfer').has('amount',gt(10000)).path().by('id').by('amount').limit(20)",
  "g.V().hasLabel('person').has('name', 'marko').out('knows').values('name')",
  "g.V(1).outE('created').inV().valueMap(true).toList()",
  "g.V().has('user','email','ana@example.test').as('u').out('bought').where(__.in('bought').count().is(gt(3))).dedup().limit(10)",
  "g.E().hasLabel('transfer').has('ts', between(1700000000, 1700086400)).order().by('amount', Order.desc).limit(5)",
  "g.addV('person').property('name','Ana').property(T.id, 'p-17')",
  "g.V().group().by(T.label).by(count())",
  "g.V().has('city', within('Berlin', 'São Paulo')).count()",
];

// Break-outs and script-engine payloads: each leaves the grammar of plain steps and literals.
const NOT_TRAVERSALS = [
  "x').drop().iterate();g.V().has('name','x",
  "g.V().drop().iterate()",
  "g.V().has('name','x');g.V().drop()",
  'g.V().map{ "id".execute().text }',
  "g.V().sideEffect{ Runtime.getRuntime().exec('id') }",
  'g.V().has(\'x\', Runtime.getRuntime().exec(\'id\'))',
  "g.V().has('x', System.exit(0))",
  "g.V().has('name', 'a\\' or 1=1')",
  "g.V().has('name', '${jndi:ldap://x}')",
  "g.V().has('name', new java.io.File('/etc/passwd'))",
  "g.V().has('name', 'a').values('x').getClass().forName('java.lang.Runtime')",
  "g.V().has('x', sleep(5000))",
  "g.V().has('x', evaluate('1'))",
  "g.io('/etc/passwd').read().iterate()",
  "g.V().has('x', this.binding.variables)",
  "g.V().has('name'",
  "g.V() union select 1",
  "select * from v",
];

describe('traversalLiterals', () => {
  it.each(TRAVERSALS)('a traversal sent whole: %s', (text) => {
    expect(traversalLiterals(text)).not.toBeNull();
  });
  it('no traversal past 4,096 characters', () => {
    expect(traversalLiterals(`g.V()${".out('knows')".repeat(400)}`)).toBeNull();
  });
  it("gives a plain traversal's string literals, joined by spaces, to be scored as what a user put in it", () => {
    expect(traversalLiterals("g.V().has('user','name','../../../../etc/passwd').values('email')")).toBe('user name ../../../../etc/passwd email');
    expect(traversalLiterals('g.V(1).outE().count()')).toBe('');
  });
  it.each(NOT_TRAVERSALS)('null for what is not a plain traversal: %s', (text) => {
    expect(traversalLiterals(text)).toBeNull();
  });
});
