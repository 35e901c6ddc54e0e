import { addFieldNameTarget } from './field-names.js';
import { PARAMETER_POLLUTION } from './findings.js';
import { latin1ToUtf8 } from './text/latin1-to-utf8.js';
import { repeatedUnitSessionForm, SESSION_ID_VIA } from './session-id-shape.js';
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
        const planted = repeatedUnitSessionForm(name, value);
        if (planted !== null) markLastTarget(collector, name, value, planted);
        seen ??= new Map();
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      start = end + 1;
    }
  }
  if (seen === null) return;
  for (const [name, count] of seen) if (count > 1) collector.report(PARAMETER_POLLUTION, [name, count], 'cookie', name);
}

/** Adds `form` (session-id-shape.ts) to the cookie target just made, when the collector made one (limits may leave it to the raw buffers). */
function markLastTarget(collector: TargetCollector, name: string, value: string, form: string): void {
  const t = collector.targets.at(-1);
  if (t === undefined || t.location !== 'cookie' || t.role !== 'value' || t.name !== name || t.raw !== value) return;
  const via = t.decodedVia ?? [];
  if (via.length !== t.decoded.length) return;
  // `decoded` may be a shared frozen empty array: a new one, with its chain beside it.
  t.decodedVia = [...via, SESSION_ID_VIA];
  t.decoded = [...t.decoded, form];
}
