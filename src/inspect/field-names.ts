import { PROTOTYPE_POLLUTION_KEY } from './findings.js';
import type { TargetCollector } from './target-collector.js';
import type { TargetLocation } from './types.js';

/**
 * A name made only of these characters cannot carry a payload (and is visible in the target's name
 * anyway), so it does not become a `key` target of its own; anything else (quotes, spaces, `<`,
 * encodings) does. Keeps the target count — and the model's work — at one per field for normal traffic.
 */
const PLAIN_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;
const PROTOTYPE_PATH = /__proto__|\bprototype\b/;

export function isPlainFieldName(name: string): boolean {
  return PLAIN_NAME.test(name);
}

/**
 * Adds a key target for names that are not plain, and flags names reaching Object.prototype.
 * `name` is the name as the application reads it, `rawName` as it appeared (still encoded in a query).
 */
export function addFieldNameTarget(
  collector: TargetCollector,
  location: TargetLocation,
  name: string,
  fullName: string,
  rawName = name,
  plusAsSpace = false,
): void {
  if (!isPlainFieldName(name)) collector.add(location, fullName, 'key', rawName, plusAsSpace);
  // `__proto__[isAdmin]=1` and `constructor[prototype][x]=1` pollute every object in qs/lodash-merge backends.
  if ((name.indexOf('proto') >= 0 && PROTOTYPE_PATH.test(name)) || name === 'constructor') {
    collector.report(PROTOTYPE_POLLUTION_KEY, [name], location, fullName);
  }
}
