import { defineError, WardenError, type ErrorFactory } from '../errors.js';

/** Where in which file a spec problem sits: what an operator needs to open the file at the right line. */
export interface SpecLocation {
  file: string;
  /** RFC 6901 JSON pointer inside `file` ('' for the document itself). */
  pointer: string;
}

const at = (loc: SpecLocation): string => `${loc.file}#${loc.pointer}`;

export const specUnreadable = defineError(
  'WARDEN_SCHEMA_SPEC_UNREADABLE',
  500,
  (loc: SpecLocation, reason: string) => `cannot read OpenAPI document ${loc.file}: ${reason}`,
);
export const specUnparsable = defineError(
  'WARDEN_SCHEMA_SPEC_UNPARSABLE',
  500,
  (loc: SpecLocation, reason: string) => `OpenAPI document ${loc.file} is not valid YAML/JSON: ${reason}`,
);
export const specInvalid = defineError(
  'WARDEN_SCHEMA_SPEC_INVALID',
  500,
  (loc: SpecLocation, reason: string) => `invalid OpenAPI document at ${at(loc)}: ${reason}`,
);
export const specRefUnresolved = defineError(
  'WARDEN_SCHEMA_REF_UNRESOLVED',
  500,
  (loc: SpecLocation, reason: string) => `unresolvable $ref at ${at(loc)}: ${reason}`,
);
export const specCompileFailed = defineError(
  'WARDEN_SCHEMA_COMPILE_FAILED',
  500,
  (loc: SpecLocation, reason: string) => `schema at ${at(loc)} does not compile: ${reason}`,
);
export const schemaConfigInvalid = defineError(
  'WARDEN_SCHEMA_CONFIG_INVALID',
  500,
  (reason: string) => `invalid schema config: ${reason}`,
);

/** Builds a spec error whose `details` carry `{ file, pointer, reason }` for logs and tests. */
export function specError(
  factory: ErrorFactory<[SpecLocation, string]>,
  loc: SpecLocation,
  reason: string,
  cause?: unknown,
): WardenError {
  const made = factory(loc, reason);
  return new WardenError(made.code, made.message, made.status, { file: loc.file, pointer: loc.pointer, reason }, { cause });
}
