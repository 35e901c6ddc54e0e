import type { Inspection } from '../inspect/types.js';

export type SchemaViolationKind =
  | 'undeclared-path'
  | 'undeclared-method'
  | 'unsupported-media-type'
  | 'invalid-parameter'
  | 'undeclared-parameter'
  | 'invalid-body'
  | 'limit-exceeded';

export interface SchemaViolation {
  kind: SchemaViolationKind;
  /** Failing location as the client would read it: `query.limit`, `body.items[3].price`, `path`. */
  location: string;
  message: string;
  /** HTTP status the client gets when enforced: 400, 404, 405, 415. */
  status: number;
  /** The full validator error for the log (never sent to the client). */
  detail?: unknown;
}

export interface SchemaResult {
  /** `METHOD /template` of the matched operation, or null. */
  operation: string | null;
  violations: SchemaViolation[];
  mode: 'enforce' | 'report';
  /** Whether the client's 4xx body may name the failing locations (per-route `exposeViolations`). */
  exposeViolations?: boolean;
}

export interface SchemaGate {
  evaluate(inspection: Inspection): SchemaResult;
}
