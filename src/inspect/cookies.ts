import { addFieldNameTarget } from './field-names.js';
import { PARAMETER_POLLUTION } from './findings.js';
import { latin1ToUtf8 } from './text/latin1-to-utf8.js';
import { markCookiePrefixLookAlike } from './cookie-prefix-spelling.js';
import { markRepeatedUnitSession } from './session-id-shape.js';
import type { TargetCollector } from './target-collector.js';

/**
 * One target per cookie (`a=1; b=2`), in order, duplicates kept: a second cookie of the same name
 * (cookie tossing from a sibling subdomain) is what some frameworks read first.
 */
export function addCookieFields(collector: TargetCollector, cookieHeaderValues: readonly string[]): void {
  let seen: Map<string, number> | null = null;
  for (const header of cookieHeaderValues) {
    let start = 0;
    while (start < header.length) {
      let end = header.indexOf(';', start);
      if (end < 0) end = header.length;
      let s = start;
      while (s < end && header.charCodeAt(s) === 0x20) s++;
      if (s < end) {
        const eq = header.indexOf('=', s);
        const hasValue = eq >= 0 && eq < end;
        const name = latin1ToUtf8(header.slice(s, hasValue ? eq : end).trim());
        const value = hasValue ? latin1ToUtf8(header.slice(eq + 1, end).trim()) : '';
        addFieldNameTarget(collector, 'cookie', name, name);
        collector.add('cookie', name, 'value', value);
        markRepeatedUnitSession(collector, 'cookie', name, value);
        markCookiePrefixLookAlike(collector, name, value);
        seen ??= new Map();
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      start = end + 1;
    }
  }
  if (seen === null) return;
  for (const [name, count] of seen) if (count > 1) collector.report(PARAMETER_POLLUTION, [name, count], 'cookie', name);
}
