/**
 * A query language's system query option as a query key: Socrata's SoQL (`$where`, `$select`, `$group`, `$order`,
 * `$limit`, `$q`) and OData (`$filter`, `$select`, `$expand`, `$top`, `$orderby`) put the clauses of a query in keys
 * that start with `$` (blind benign set 11, read: a city open-data request's `$where` key, 0.83). `$where` is also
 * MongoDB's operator for a JavaScript predicate, and on its own the key is what the model blocks such an injection
 * by (`?$where=this.password.match(/^a/)`: the value alone scores 0.71). So the key is no evidence only when it
 * stands beside another such key of the same query (system options travel together; an operator injection sends its
 * key alone or in brackets, `user[$where]`, which is no such key) and every decoded form of its own value is inert —
 * the screen passes it, or it is a WHERE condition of columns against literals (sql-condition.ts). A value that is
 * code keeps the key scored as before.
 */
import type { Target } from '../inspect/types.js';

const OPTION_KEY = /^\$[a-z]{1,16}$/;

export function isSystemQueryOptionKey(key: Target, targets: readonly Target[], inert: (text: string) => boolean): boolean {
  const name = key.name;
  if (!OPTION_KEY.test(name)) return false;
  let sibling = false;
  let value: Target | undefined;
  for (const t of targets) {
    if (t.location !== 'query') continue;
    if (t.role === 'key' && t.name !== name && OPTION_KEY.test(t.name)) sibling = true;
    else if (t.role === 'value' && t.name === name) {
      if (value !== undefined) return false; // a repeated option: which one the server reads is its own business
      value = t;
    }
  }
  if (!sibling || value === undefined) return false;
  const forms = value.decoded.length > 0 ? value.decoded : [value.raw];
  return forms.every(inert);
}
