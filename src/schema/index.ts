/** Gate 3, OpenAPI schema enforcement: the public surface the proxy, pipeline and CLI use. */
export { loadSchemaGate, reloadSchemaGate, CompiledSchemaGate, type SchemaReloadOutcome, type SpecBinding } from './schema-gate.js';
export {
  schemaConfigDefaults,
  schemaConfigJsonSchema,
  schemaPolicyDefaults,
  resolveSchemaConfig,
  type SchemaConfig,
  type SchemaPolicy,
  type SchemaRouteOverride,
  type SchemaSpecConfig,
} from './config.js';
export { compileSpec, type CompiledSpec } from './compile-spec.js';
export { schemaViolationBody, schemaBlockStatus, type SchemaViolationBody } from './violation-body.js';
export type { SchemaGate, SchemaResult, SchemaViolation, SchemaViolationKind } from './types.js';
