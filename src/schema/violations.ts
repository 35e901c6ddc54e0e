import type { ErrorObject } from 'ajv';
import type { SchemaViolation, SchemaViolationKind } from './types.js';

/** Status a client gets for each kind of violation when the gate enforces. */
export const VIOLATION_STATUS: Readonly<Record<SchemaViolationKind, number>> = Object.freeze({
  'undeclared-path': 404,
  'undeclared-method': 405,
  'unsupported-media-type': 415,
  'invalid-parameter': 400,
  'undeclared-parameter': 400,
  'invalid-body': 400,
  'limit-exceeded': 400,
});

export function violation(kind: SchemaViolationKind, location: string, message: string, detail?: unknown): SchemaViolation {
  return detail === undefined
    ? { kind, location, message, status: VIOLATION_STATUS[kind] }
    : { kind, location, message, status: VIOLATION_STATUS[kind], detail };
}

/**
 * An ajv error as the client reads it: `/items/3/price` under `body` becomes `body.items[3].price`
 * (array indexes are told apart from numeric keys by looking at the data), and `required` /
 * closed-object errors name the missing or extra property itself.
 */
export function violationFromAjv(kind: SchemaViolationKind, prefix: string, error: ErrorObject, data: unknown): SchemaViolation {
  let location = prefix;
  let node: unknown = data;
  if (error.instancePath !== '') {
    for (const raw of error.instancePath.slice(1).split('/')) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(node)) {
        location += `[${token}]`;
        node = node[Number(token)];
      } else {
        location += `.${token}`;
        node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined;
      }
    }
  }
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'required':
      location += `.${String(params.missingProperty)}`;
      message = 'is required';
      break;
    case 'additionalProperties':
      location += `.${String(params.additionalProperty)}`;
      message = 'is not allowed';
      break;
    case 'unevaluatedProperties':
      location += `.${String(params.unevaluatedProperty)}`;
      message = 'is not allowed';
      break;
    case 'enum':
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
  }
  return violation(kind, location, message, error);
}
