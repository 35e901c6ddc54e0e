/** One attack family: a named grammar (its own row in a leave-family-out table) and where it arrives. */
import type { Random } from './grammar.js';

/** Where in a request the payload travels: a parameter value, a JSON value, a form field, a multipart part, a header, a cookie, the path, or a parameter name. */
export type AttackPlace = 'query' | 'json' | 'form' | 'multipart' | 'header' | 'cookie' | 'path' | 'query-name' | 'json-key';

export interface AttackFamily {
  /** Family name: the records' `category` and a leave-family-out group. */
  name: string;
  /** The broader category it belongs to (the shipped grammar's names where one fits). */
  category: string;
  /** Where this family's payloads arrive, in order of how often. */
  places: readonly AttackPlace[];
  make: (random: Random) => string;
  /**
   * Where a payload drawn for `place` is sent instead, when at that place it would be no attack request
   * at all (a session id any issuer could write, in the Cookie header, is the victim's ordinary request
   * after the plant, not the attacker's); absent, every payload goes where it was drawn.
   */
  placeFor?: (payload: string, place: AttackPlace) => AttackPlace;
}
