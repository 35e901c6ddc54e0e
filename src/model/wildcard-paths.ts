/**
 * Request paths that hold search back ends' index patterns (Elasticsearch, OpenSearch): see
 * `isWildcardPath`. Used by the model gate like forge-paths.ts: such a whole path reaches the model
 * only on a gate-1 hit; its segments are targets of their own.
 */

const WILDCARD_NAME = '[A-Za-z0-9_.~-]*[A-Za-z0-9][A-Za-z0-9_.~-]*\\*?';
const WILDCARD_PATH = new RegExp(`^(?:/(?:${WILDCARD_NAME}(?:,${WILDCARD_NAME})*|\\*))+/?$`);

/**
 * A path of route characters whose only asterisks are wildcards, as search back ends take index
 * patterns: ending a segment after a name (logs-STAR, kibana_sample_data_STAR, .ds-logs-STAR) or a
 * segment of its own (_mapping/field/STAR), in comma-separated lists (traces-apmSTAR,apm-STAR).
 * Joined by slashes they spell the two halves of an SQL comment, which the model reads as one; each segment is still a target of its own. A comment pair
 * (a segment of two asterisks, or one that starts with an asterisk), any other punctuation, a dot-dot
 * or an encoding keeps the whole path scored.
 * (Asterisks are spelled STAR here: two of them around a slash would end this comment.)
 */
export function isWildcardPath(path: string): boolean {
  return path.includes('*') && !path.includes('..') && WILDCARD_PATH.test(path);
}
