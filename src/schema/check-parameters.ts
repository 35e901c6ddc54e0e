import type { CompiledOperation, CompiledParam } from './compiled-operation.js';
import type { SchemaPolicy } from './config.js';
import { itemPlan } from './coercion.js';
import { parseCookiePairs } from './parse-cookies.js';
import { MAX_QUERY_PAIRS, parseQueryPairs, type QueryPairs } from './parse-query.js';
import { decodeAndCoerce, decodeList, defineOwn, deserializeText, MALFORMED, type Deserialized } from './param-style.js';
import { decodeComponent, decodeFormComponent } from './percent-decode.js';
import type { SchemaViolation } from './types.js';
import { violation, violationFromAjv } from './violations.js';

const trimText = (s: string): string => s.trim();
const cookieText = (s: string): string => decodeComponent(s) ?? s;

export function checkPathParams(op: CompiledOperation, values: readonly string[], out: SchemaViolation[]): void {
  for (let i = 0; i < values.length; i++) {
    const param = op.pathParams[i];
    if (param === null || param === undefined) continue;
    checkValue(param, param.json ? jsonParam(decodeComponent(values[i])) : deserializeText(values[i], param, decodeComponent), out);
  }
}

export function checkHeaderParams(op: CompiledOperation, headers: ReadonlyMap<string, string>, out: SchemaViolation[]): void {
  for (const param of op.headerParams) {
    const text = headers.get(param.key);
    if (text === undefined) {
      if (param.required) out.push(violation('invalid-parameter', param.location, 'is required'));
      continue;
    }
    checkValue(param, param.json ? jsonParam(text) : deserializeText(text, param, trimText), out);
  }
}

export function checkCookieParams(op: CompiledOperation, headers: ReadonlyMap<string, string>, out: SchemaViolation[]): void {
  if (op.cookieParams.length === 0) return;
  const cookies = parseCookiePairs(headers.get('cookie'));
  for (const param of op.cookieParams) {
    const at = cookies.names.indexOf(param.name);
    if (at === -1) {
      if (param.required) out.push(violation('invalid-parameter', param.location, 'is required'));
      continue;
    }
    const text = cookies.values[at];
    checkValue(param, param.json ? jsonParam(cookieText(text)) : deserializeText(text, param, cookieText), out);
  }
}

/**
 * Query parameters per style: exploded arrays repeat the name, exploded objects spread their
 * properties as top-level keys, deepObject uses `name[prop]`; the rest is one value split on the
 * style's delimiter. Every pair a parameter consumes is claimed; what is left is undeclared.
 */
export function checkQueryParams(op: CompiledOperation, rawQuery: string, policy: SchemaPolicy, out: SchemaViolation[]): void {
  if (rawQuery === '' && op.queryParams.length === 0) return;
  const pairs = parseQueryPairs(rawQuery);
  if (pairs.truncated) {
    // Unread pairs could carry a second `limit=` the upstream prefers: refuse rather than vouch.
    out.push(violation('limit-exceeded', 'query', `must have at most ${MAX_QUERY_PAIRS} parameters`));
    return;
  }
  const claimed = new Uint8Array(pairs.keys.length);
  for (const param of op.queryParams) {
    const value = readQueryParam(param, pairs, claimed, op.knownQueryNames);
    if (value === undefined) {
      if (param.required) out.push(violation('invalid-parameter', param.location, 'is required'));
      continue;
    }
    if (Array.isArray(value) && value.length > policy.maxArrayLength) {
      out.push(violation('limit-exceeded', param.location, `must have at most ${policy.maxArrayLength} items`));
      continue;
    }
    checkValue(param, value, out);
  }
  if (policy.undeclaredQueryParams === 'reject' && !op.absorbsUnknownQuery) {
    for (let i = 0; i < pairs.keys.length; i++) {
      if (claimed[i] === 0 && !op.knownQueryNames.has(pairs.keys[i])) {
        out.push(violation('undeclared-parameter', `query.${pairs.keys[i]}`, 'is not a declared parameter'));
      }
    }
  }
}

/** undefined: absent. */
function readQueryParam(param: CompiledParam, pairs: QueryPairs, claimed: Uint8Array, known: ReadonlySet<string>): Deserialized | undefined {
  const { keys, values } = pairs;
  if (param.style === 'deepObject') return readDeepObject(param, pairs, claimed);
  if (param.shape === 'object' && param.explode && param.style === 'form' && !param.json) {
    const obj: Record<string, unknown> = {};
    let any = false;
    const open = isOpenObject(param);
    for (let i = 0; i < keys.length; i++) {
      if (claimed[i] === 1) continue;
      // Open objects take keys nobody declared; declared keys of other parameters stay theirs.
      if (param.plan.properties?.has(keys[i]) !== true && (!open || known.has(keys[i]))) continue;
      const v = decodeAndCoerce(values[i], param.plan.properties?.get(keys[i]) ?? param.plan.additional ?? itemPlan(param.plan), decodeFormComponent);
      if (v === MALFORMED) return MALFORMED;
      defineOwn(obj, keys[i], v);
      claimed[i] = 1;
      any = true;
    }
    return any ? obj : undefined;
  }
  let first = -1;
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== param.name) continue;
    claimed[i] = 1;
    if (first === -1) first = i;
    count++;
  }
  if (first === -1) return undefined;
  if (param.shape === 'array' && param.explode && !param.json) {
    const raws: string[] = [];
    for (let i = first; i < keys.length; i++) if (keys[i] === param.name) raws.push(values[i]);
    return decodeList(raws, itemPlan(param.plan), decodeFormComponent);
  }
  // A primitive sent twice is parameter pollution: frameworks disagree on which copy wins.
  if (count > 1) return REPEATED;
  if (param.allowEmptyValue && values[first] === '') return EMPTY_ALLOWED;
  if (param.json) return jsonParam(decodeFormComponent(values[first]));
  return deserializeText(values[first], param, decodeFormComponent);
}

function readDeepObject(param: CompiledParam, pairs: QueryPairs, claimed: Uint8Array): Deserialized | undefined {
  const prefix = `${param.name}[`;
  let obj: Record<string, unknown> | undefined;
  for (let i = 0; i < pairs.keys.length; i++) {
    const key = pairs.keys[i];
    if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
    claimed[i] = 1;
    const prop = key.slice(prefix.length, -1);
    if (prop.includes('[') || prop.includes(']')) return MALFORMED;
    const v = decodeAndCoerce(pairs.values[i], param.plan.properties?.get(prop) ?? param.plan.additional ?? itemPlan(param.plan), decodeFormComponent);
    if (v === MALFORMED) return MALFORMED;
    obj ??= {};
    defineOwn(obj, prop, v);
  }
  return obj;
}

/** An exploded form object with no declared properties, or with an `additionalProperties` schema. */
export function isOpenObject(param: CompiledParam): boolean {
  return param.plan.properties === null || param.plan.additional !== null;
}

const REPEATED = Symbol('repeated');
const EMPTY_ALLOWED = Symbol('empty');
const JSON_INVALID = Symbol('json');

function jsonParam(text: string | null): Deserialized {
  if (text === null) return MALFORMED;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return JSON_INVALID;
  }
}

function checkValue(param: CompiledParam, value: Deserialized, out: SchemaViolation[]): void {
  if (value === EMPTY_ALLOWED) return;
  if (value === MALFORMED) {
    out.push(violation('invalid-parameter', param.location, `is not a valid ${param.style}${param.explode ? ' (exploded)' : ''} value`));
    return;
  }
  if (value === REPEATED) {
    out.push(violation('invalid-parameter', param.location, 'must not be repeated'));
    return;
  }
  if (value === JSON_INVALID) {
    out.push(violation('invalid-parameter', param.location, 'must be valid JSON'));
    return;
  }
  const validate = param.validate;
  if (validate !== null && !validate(value) && validate.errors) {
    out.push(violationFromAjv('invalid-parameter', param.location, validate.errors[0], value));
  }
}
