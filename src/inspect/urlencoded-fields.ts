import { decodeFormComponent } from './decoders/url.js';
import { addFieldNameTarget } from './field-names.js';
import { PARAMETER_POLLUTION } from './findings.js';
import type { TargetCollector } from './target-collector.js';
import type { TargetLocation } from './types.js';
import { finishNow, type Steps } from './work-clock.js';
import { addGraphqlLiterals, looksLikeGraphql } from './graphql-literals.js';
import { markRepeatedUnitSession } from './session-id-shape.js';
import { parseJsonText } from './bodies/json.js';

/** A GraphQL GET (`?query={user(id:"…")}`): the document's string literals as targets too. */
function addGraphqlQueryLiterals(collector: TargetCollector, location: TargetLocation, rawValue: string): void {
  const document = decodeFormComponent(rawValue);
  if (looksLikeGraphql(document)) addGraphqlLiterals(collector, location, 'query', document);
}

/** Longest field value read as a JSON document (a longer one stays one value, as before). */
const MAX_FIELD_JSON_CHARS = 65_536;
const NO_MEDIA_PARAMETERS: ReadonlyMap<string, string> = new Map();

/** Whether a raw field value can open a JSON object or array: `{`, `[`, or their percent escapes, maybe after spaces. */
function opensJsonContainer(rawValue: string): boolean {
  let i = 0;
  while (i < rawValue.length && (rawValue[i] === '+' || rawValue.startsWith('%20', i))) i += rawValue[i] === '+' ? 1 : 3;
  const c = rawValue.charCodeAt(i);
  if (c === 0x7b || c === 0x5b) return true;
  if (c !== 0x25) return false;
  const escape = rawValue.slice(i + 1, i + 3).toUpperCase();
  return escape === '7B' || escape === '5B';
}

/**
 * The JSON document a raw field value holds (its text, decoded and trimmed, and the value it parses to), or null: a
 * value that merely starts with a brace stays one text. `addFieldJson` walks such a document into targets of its own
 * strings; the model gate reads the field itself through this too (gate.ts), from the value parsed here.
 */
export function fieldJson(rawValue: string): { text: string; value: unknown } | null {
  if (rawValue.length < 2 || !opensJsonContainer(rawValue) || rawValue.length > 3 * MAX_FIELD_JSON_CHARS) return null;
  const text = decodeFormComponent(rawValue).trim();
  const last = text.charCodeAt(text.length - 1);
  if (text.length < 2 || text.length > MAX_FIELD_JSON_CHARS || (last !== 0x7d && last !== 0x5d)) return null;
  try {
    // Walked only when it is a document: a value that merely starts with a brace stays one text, with no malformed-JSON finding.
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/**
 * A field whose value is a JSON object or array (`payload={"filters":{"q":"…"}}`, a GraphQL GET's
 * `variables={…}`, a state or filter blob): the document's strings become targets of their own, named
 * `payload.filters.q`, as a JSON body's are. Read only as one text, a payload inside it sat behind the
 * document's keys, quotes and escapes: the value-start anchors of the rules missed it and the model
 * scored the document as a whole (session 24, `datasets/respell.ts` `json-in-form`: 91.8 % blocked,
 * against 100 % for the same payloads in a JSON body). The field itself stays a target.
 */
function addFieldJson(collector: TargetCollector, location: TargetLocation, name: string, rawValue: string): void {
  const text = fieldJson(rawValue)?.text;
  if (text === undefined) return;
  parseJsonText(text, {
    collector,
    options: collector.options,
    namePrefix: `${name}.`,
    truncated: false,
    mediaParameters: NO_MEDIA_PARAMETERS,
    multipartLevel: 0,
    partsRead: { count: 0 },
    field: { location },
  });
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
      if (rawValue.length > 1) addFieldJson(collector, location, name, rawValue);
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
