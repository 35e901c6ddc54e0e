import type { Inspection } from '../inspect/types.js';
import { checkBody } from './check-body.js';
import { checkCookieParams, checkHeaderParams, checkPathParams, checkQueryParams } from './check-parameters.js';
import type { CompiledSpec } from './compile-spec.js';
import type { CompiledOperation, RouteLeaf } from './compiled-operation.js';
import type { SchemaPolicy } from './config.js';
import { latin1TargetToText } from './latin1-text.js';
import { splitRequestPath } from './request-path.js';
import type { SchemaViolation } from './types.js';
import { violation } from './violations.js';

export interface RequestEvaluation {
  operation: string | null;
  violations: SchemaViolation[];
}

const NO_VIOLATIONS: readonly SchemaViolation[] = Object.freeze([]);

/**
 * One request against one compiled document: route, method, then parameters and body. An unknown
 * route or method stops there (nothing else can be judged without an operation).
 */
export function evaluateRequest(spec: CompiledSpec, inspection: Inspection, policy: SchemaPolicy): RequestEvaluation {
  const segments = splitRequestPath(inspection.rawPath === '' ? inspection.path : latin1TargetToText(inspection.rawPath));
  if (segments === null) {
    return { operation: null, violations: [violation('invalid-parameter', 'path', 'has malformed percent-encoding')] };
  }
  const match = spec.routes.match(segments.decoded, segments.raw);
  if (match === null || match.leaf.operations.size === 0) {
    return policy.undeclaredPaths === 'allow'
      ? { operation: null, violations: NO_VIOLATIONS as SchemaViolation[] }
      : { operation: null, violations: [violation('undeclared-path', 'path', 'no operation is declared for this path')] };
  }
  const method = inspection.method.toUpperCase();
  const op = operationFor(match.leaf, method, inspection.headerMap);
  if (op === null) {
    return {
      operation: null,
      violations: [violation('undeclared-method', 'method', `${method} is not declared for this path`, { allow: [...match.leaf.operations.keys()] })],
    };
  }
  if (op === PREFLIGHT) return { operation: null, violations: NO_VIOLATIONS as SchemaViolation[] };
  const violations: SchemaViolation[] = [];
  checkPathParams(op, match.values, violations);
  checkQueryParams(op, latin1TargetToText(inspection.rawQuery), policy, violations);
  checkHeaderParams(op, inspection.headerMap, violations);
  checkCookieParams(op, inspection.headerMap, violations);
  if (method !== 'HEAD' || op.method === 'HEAD') checkBody(op, inspection, policy, violations);
  return { operation: op.id, violations };
}

const PREFLIGHT = Symbol('preflight');

function operationFor(leaf: RouteLeaf, method: string, headers: ReadonlyMap<string, string>): CompiledOperation | typeof PREFLIGHT | null {
  const op = leaf.operations.get(method);
  if (op !== undefined) return op;
  // HEAD is GET without a body (RFC 9110); specs rarely declare it.
  if (method === 'HEAD') return leaf.operations.get('GET') ?? null;
  // A CORS preflight belongs to the browser, not the API: allow it for a method the path declares.
  if (method === 'OPTIONS' && headers.has('origin')) {
    const requested = headers.get('access-control-request-method');
    if (requested !== undefined && leaf.operations.has(requested.trim().toUpperCase())) return PREFLIGHT;
  }
  return null;
}
