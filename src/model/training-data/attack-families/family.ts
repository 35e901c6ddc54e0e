/** One attack family: a named grammar (its own row in a leave-family-out table) and where it arrives. */
import type { Random } from './grammar.js';

/** Where in a request the payload travels: a parameter value, a JSON value, a form field, a header, a cookie, the path, or a parameter name. */
export type AttackPlace = 'query' | 'json' | 'form' | 'header' | 'cookie' | 'path' | 'query-name' | 'json-key';

export interface AttackFamily {
  /** Family name: the records' `category` and a leave-family-out group. */
  name: string;
  /** The broader category it belongs to (the shipped grammar's names where one fits). */
  category: string;
  /** Where this family's payloads arrive, in order of how often. */
  places: readonly AttackPlace[];
  make: (random: Random) => string;
}
