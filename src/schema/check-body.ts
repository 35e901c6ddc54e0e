import type { Inspection } from '../inspect/types.js';
import type { CompiledBody, CompiledMediaType, CompiledOperation } from './compiled-operation.js';
import type { SchemaPolicy } from './config.js';
import { coerceText, itemPlan, propertyPlan, shapeOf, type CoercionPlan } from './coercion.js';
import { defineOwn } from './param-style.js';
import { multipartBoundary, parseMultipartFields } from './parse-multipart.js';
import { MAX_QUERY_PAIRS, parseQueryPairs } from './parse-query.js';
import { decodeFormComponent } from './percent-decode.js';
import type { SchemaViolation } from './types.js';
import { violation, violationFromAjv } from './violations.js';

const NOT_PARSED = Symbol('not-parsed');

/**
 * The request body against the operation's `requestBody`: presence, media type (exact, then
 * `type/*`, then `*\/*`), then the parsed value (JSON and `+json`, urlencoded form, multipart fields,
 * text) through the limits and the media type's validator. Binary media types are not parsed.
 */
export function checkBody(op: CompiledOperation, inspection: Inspection, policy: SchemaPolicy, out: SchemaViolation[]): void {
  const body = op.body;
  if (inspection.body.length === 0) {
    if (body !== null && body.required) out.push(violation('invalid-body', 'body', 'is required'));
    return;
  }
  const contentType = inspection.contentType;
  if (body === null) {
    out.push(violation('unsupported-media-type', 'header.content-type', 'this operation accepts no request body'));
    return;
  }
  const media = selectMediaType(body, contentType);
  if (media === null) {
    const accepted = [...body.exact.keys(), ...[...body.wildcards.keys()].map((t) => `${t}/*`)].join(', ');
    out.push(violation('unsupported-media-type', 'header.content-type', `${contentType === '' ? '(none)' : contentType} is not accepted; expected ${accepted}`));
    return;
  }
  // Only a prefix was kept (inspect-prefix policy): validating it would reject every large body.
  if (media.validate === null || inspection.bodyTruncated) return;
  const value = readBody(media, contentType, inspection, out);
  if (value === NOT_PARSED) return;
  const breach = findLimitBreach(value, 1, policy);
  if (breach !== null) {
    out.push(violation('limit-exceeded', `body${breach.path}`, breach.message));
    return;
  }
  const validate = media.validate;
  if (!validate(value) && validate.errors) out.push(violationFromAjv('invalid-body', 'body', validate.errors[0], value));
}

function selectMediaType(body: CompiledBody, contentType: string): CompiledMediaType | null {
  const exact = body.exact.get(contentType);
  if (exact !== undefined) return exact;
  const slash = contentType.indexOf('/');
  if (slash > 0) {
    const wildcard = body.wildcards.get(contentType.slice(0, slash));
    if (wildcard !== undefined) return wildcard;
  }
  return body.any;
}

function readBody(media: CompiledMediaType, contentType: string, inspection: Inspection, out: SchemaViolation[]): unknown {
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    try {
      return JSON.parse(inspection.body.toString('utf8')) as unknown;
    } catch {
      out.push(violation('invalid-body', 'body', 'must be valid JSON'));
      return NOT_PARSED;
    }
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    const pairs = parseQueryPairs(inspection.body.toString('latin1'));
    if (pairs.truncated) {
      out.push(violation('limit-exceeded', 'body', `must have at most ${MAX_QUERY_PAIRS} fields`));
      return NOT_PARSED;
    }
    const fields: { name: string; text: string | null }[] = pairs.keys.map((name, i) => ({ name, text: decodeFormComponent(pairs.values[i]) }));
    return formObject(fields, media.plan, out);
  }
  if (contentType === 'multipart/form-data') {
    const boundary = multipartBoundary(inspection.headerMap.get('content-type'));
    const parts = boundary === null ? null : parseMultipartFields(inspection.body, boundary);
    if (parts === null) {
      out.push(violation('invalid-body', 'body', 'is not a valid multipart/form-data body'));
      return NOT_PARSED;
    }
    return formObject(
      parts.map((p) => ({ name: p.name, text: p.value, json: p.filename === null && (p.contentType === 'application/json' || p.contentType.endsWith('+json')) })),
      media.plan,
      out,
    );
  }
  if (contentType.startsWith('text/')) return inspection.body.toString('utf8');
  return NOT_PARSED;
}

/** Form fields → object: repeated names make arrays where the schema wants one, text is coerced per property. */
function formObject(fields: { name: string; text: string | null; json?: boolean }[], plan: CoercionPlan, out: SchemaViolation[]): unknown {
  const obj: Record<string, unknown> = {};
  for (const { name, text, json } of fields) {
    if (text === null) {
      out.push(violation('invalid-body', `body.${name}`, 'has malformed percent-encoding'));
      return NOT_PARSED;
    }
    const fieldPlan = propertyPlan(plan, name);
    let value: unknown;
    if (json === true && shapeOf(fieldPlan) !== 'primitive') {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        out.push(violation('invalid-body', `body.${name}`, 'must be valid JSON'));
        return NOT_PARSED;
      }
    } else {
      value = coerceText(text, shapeOf(fieldPlan) === 'array' ? itemPlan(fieldPlan) : fieldPlan);
    }
    const existing = Object.prototype.hasOwnProperty.call(obj, name) ? obj[name] : undefined;
    if (shapeOf(fieldPlan) === 'array' && !Array.isArray(value)) {
      if (Array.isArray(existing)) existing.push(value);
      else defineOwn(obj, name, [value]);
    } else if (existing !== undefined) {
      // A scalar field sent twice: keep both so the validator says `must be string`, not silently one.
      defineOwn(obj, name, Array.isArray(existing) ? [...existing, value] : [existing, value]);
    } else {
      defineOwn(obj, name, value);
    }
  }
  return obj;
}

interface LimitBreach {
  path: string;
  message: string;
}

/** Depth and array-length limits, checked before ajv so a hostile body never reaches the validator. */
function findLimitBreach(node: unknown, depth: number, policy: SchemaPolicy): LimitBreach | null {
  if (typeof node !== 'object' || node === null) return null;
  if (depth > policy.maxBodyDepth) return { path: '', message: `nesting must not exceed depth ${policy.maxBodyDepth}` };
  if (Array.isArray(node)) {
    if (node.length > policy.maxArrayLength) return { path: '', message: `must have at most ${policy.maxArrayLength} items` };
    for (let i = 0; i < node.length; i++) {
      const inner = findLimitBreach(node[i], depth + 1, policy);
      if (inner !== null) return { path: `[${i}]${inner.path}`, message: inner.message };
    }
    return null;
  }
  for (const key in node) {
    const inner = findLimitBreach((node as Record<string, unknown>)[key], depth + 1, policy);
    if (inner !== null) return { path: `.${key}${inner.path}`, message: inner.message };
  }
  return null;
}
