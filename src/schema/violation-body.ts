import type { SchemaViolation } from './types.js';

/** Routing answers first: a 404 or 405 explains more than the 400s that would follow from it. */
const STATUS_PRECEDENCE = [404, 405, 415, 400];

/** The status a blocked request gets: 404/405 for an undeclared route/method, 415 media type, else 400. */
export function schemaBlockStatus(violations: readonly SchemaViolation[]): number {
  for (const status of STATUS_PRECEDENCE) if (violations.some((v) => v.status === status)) return status;
  return violations[0]?.status ?? 400;
}

/** What a client refused by the schema gate reads, as src/schema/README.md shows it. */
const SCHEMA_VIOLATION_MESSAGE = 'Request does not match the API description.';

export interface SchemaViolationBody {
  error: 'request_invalid';
  status: number;
  message: string;
  incidentId?: string;
  /** `query.limit: must be <= 100`; absent when details are hidden. */
  violations?: string[];
}

/**
 * The JSON body a client gets when the schema gate blocks: the failing locations and reasons, or
 * only the incident id when `exposeViolations` is off. The full ajv error stays in the decision log.
 */
export function schemaViolationBody(violations: readonly SchemaViolation[], exposeViolations: boolean, incidentId?: string): SchemaViolationBody {
  const body: SchemaViolationBody = {
    error: 'request_invalid',
    status: schemaBlockStatus(violations),
    message: SCHEMA_VIOLATION_MESSAGE,
  };
  if (incidentId !== undefined) body.incidentId = incidentId;
  if (exposeViolations) body.violations = violations.map((v) => `${v.location}: ${v.message}`);
  return body;
}
