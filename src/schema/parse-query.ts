import { decodeFormComponent } from './percent-decode.js';

/** Query (or urlencoded form) pairs in order: keys decoded, values left encoded until a style splits them. */
export interface QueryPairs {
  keys: string[];
  values: string[];
  /** More than MAX_QUERY_PAIRS pairs: the rest were not read, so nothing about them can be vouched for. */
  truncated: boolean;
}

export const MAX_QUERY_PAIRS = 1000;

export function parseQueryPairs(raw: string): QueryPairs {
  const keys: string[] = [];
  const values: string[] = [];
  let start = 0;
  while (start < raw.length && keys.length < MAX_QUERY_PAIRS) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = raw.length;
    if (end > start) {
      const eq = raw.indexOf('=', start);
      const keyEnd = eq === -1 || eq > end ? end : eq;
      const rawKey = raw.slice(start, keyEnd);
      keys.push(decodeFormComponent(rawKey) ?? rawKey);
      values.push(keyEnd === end ? '' : raw.slice(keyEnd + 1, end));
    }
    start = end + 1;
  }
  return { keys, values, truncated: start < raw.length };
}
