import { decodeFormComponent } from './decoders/url.js';
import { addFieldNameTarget } from './field-names.js';
import { PARAMETER_POLLUTION } from './findings.js';
import type { TargetCollector } from './target-collector.js';
import type { TargetLocation } from './types.js';
import { finishNow, type Steps } from './work-clock.js';
import { addGraphqlLiterals, looksLikeGraphql } from './graphql-literals.js';
import { markRepeatedUnitSession } from './session-id-shape.js';

/** A GraphQL GET (`?query={user(id:"…")}`): the document's string literals as targets too. */
function addGraphqlQueryLiterals(collector: TargetCollector, location: TargetLocation, rawValue: string): void {
  const document = decodeFormComponent(rawValue);
  if (looksLikeGraphql(document)) addGraphqlLiterals(collector, location, 'query', document);
}

/**
 * Adds one target per `name=value` pair of a query string or urlencoded form, duplicates kept in
 * order (the backend may use any of them), and reports names that repeat. `a[]` names repeat by design.
 */
export function addUrlencodedFields(collector: TargetCollector, location: TargetLocation, text: string): void {
  finishNow(walkUrlencodedFields(collector, location, text));
}

/** `addUrlencodedFields` in steps: pauses between fields when the request's slice is used up. */
export function* walkUrlencodedFields(collector: TargetCollector, location: TargetLocation, text: string): Steps<void> {
  if (text.length === 0) return;
  let seen: Map<string, number> | null = null;
  let start = 0;
  while (start <= text.length && !collector.exhausted) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const hasValue = eq >= 0 && eq < end;
      const rawName = text.slice(start, hasValue ? eq : end);
      const rawValue = hasValue ? text.slice(eq + 1, end) : '';
      const name = decodeFormComponent(rawName);
      addFieldNameTarget(collector, location, name, name, rawName, true);
      collector.add(location, name, 'value', rawValue, true);
      if (rawValue.length >= 12) markRepeatedUnitSession(collector, location, name, rawValue);
      if (name === 'query' && rawValue.length > 0) addGraphqlQueryLiterals(collector, location, rawValue);
      if (!name.endsWith('[]')) {
        seen ??= new Map();
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
    }
    start = end + 1;
    if (collector.due()) yield;
  }
  if (seen === null) return;
  for (const [name, count] of seen) if (count > 1) collector.report(PARAMETER_POLLUTION, [name, count], location, name);
}
