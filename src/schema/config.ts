/**
 * Gate 3 configuration: which OpenAPI document guards which host, and what the gate does with
 * requests the document does not describe. The lead merges `schemaConfigJsonSchema` into the main
 * config schema under the `schema` key; `resolveSchemaConfig` fills defaults for callers that skip ajv.
 */

export type SchemaMode = 'enforce' | 'report';
export type UndeclaredPolicy = 'reject' | 'allow';

/** The knobs that may differ per route (by path prefix), per host, or globally. */
export interface SchemaPolicy {
  /** `enforce`: violations block (4xx); `report`: violations are logged and fed to the decision only. */
  mode: SchemaMode;
  /** A request whose path no operation declares: `reject` (404) or `allow` (forwarded unvalidated). */
  undeclaredPaths: UndeclaredPolicy;
  /** Query parameters the operation does not declare: `reject` (400) or `allow`. */
  undeclaredQueryParams: UndeclaredPolicy;
  /** Deepest nesting of objects/arrays accepted in a JSON body. */
  maxBodyDepth: number;
  /** Longest array accepted anywhere in a body or as an exploded parameter. */
  maxArrayLength: number;
  /** Name the failing location and reason in the client's 4xx body; false (default) sends only the incident id. */
  exposeViolations: boolean;
}

/** A policy override for every request whose path starts with `pathPrefix` (on a segment boundary). */
export interface SchemaRouteOverride extends Partial<SchemaPolicy> {
  pathPrefix: string;
}

/** One OpenAPI document and the policy that goes with it. */
export interface SchemaSpecConfig extends Partial<SchemaPolicy> {
  /** Path of the OpenAPI 3.0 / 3.1 document (YAML or JSON); relative paths resolve against `baseDir`. */
  spec: string;
  /**
   * Object schemas that declare `properties` but leave `additionalProperties` open are closed
   * (unknown keys rejected). Compiled into the validators, so it is per document, not per route.
   */
  strictAdditionalProperties?: boolean;
  routes?: SchemaRouteOverride[];
}

export interface SchemaConfig extends SchemaPolicy {
  /** The document for requests whose host is not listed in `hosts`; absent: those hosts are not schema-checked. */
  spec?: string;
  strictAdditionalProperties: boolean;
  /** Host (as in the Host header, lower case, port optional) → its own document and policy. */
  hosts: Record<string, SchemaSpecConfig>;
  /** Global per-route overrides; a host's own `routes` come first for that host. */
  routes: SchemaRouteOverride[];
  /** Directory relative spec paths resolve against (the config file's directory); default: cwd. */
  baseDir?: string;
}

export const schemaPolicyDefaults: Readonly<SchemaPolicy> = Object.freeze({
  mode: 'enforce',
  undeclaredPaths: 'reject',
  undeclaredQueryParams: 'reject',
  maxBodyDepth: 32,
  maxArrayLength: 10_000,
  // Detection details never reach the client unless the operator says so: a violation list tells a
  // prober which field and which constraint to work around.
  exposeViolations: false,
});

export const schemaConfigDefaults: Readonly<SchemaConfig> = Object.freeze({
  ...schemaPolicyDefaults,
  strictAdditionalProperties: false,
  hosts: {},
  routes: [],
});

const policyProperties = {
  mode: { enum: ['enforce', 'report'] },
  undeclaredPaths: { enum: ['reject', 'allow'] },
  undeclaredQueryParams: { enum: ['reject', 'allow'] },
  maxBodyDepth: { type: 'integer', minimum: 1, maximum: 1000 },
  maxArrayLength: { type: 'integer', minimum: 0 },
  exposeViolations: { type: 'boolean' },
} as const;

const routeOverride = {
  type: 'object',
  additionalProperties: false,
  required: ['pathPrefix'],
  properties: { pathPrefix: { type: 'string', pattern: '^/' }, ...policyProperties },
} as const;

/** JSON Schema of the `schema` config key (ajv with `useDefaults` fills the defaults below). */
export const schemaConfigJsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    spec: { type: 'string', minLength: 1 },
    mode: { ...policyProperties.mode, default: schemaPolicyDefaults.mode },
    undeclaredPaths: { ...policyProperties.undeclaredPaths, default: schemaPolicyDefaults.undeclaredPaths },
    undeclaredQueryParams: { ...policyProperties.undeclaredQueryParams, default: schemaPolicyDefaults.undeclaredQueryParams },
    maxBodyDepth: { ...policyProperties.maxBodyDepth, default: schemaPolicyDefaults.maxBodyDepth },
    maxArrayLength: { ...policyProperties.maxArrayLength, default: schemaPolicyDefaults.maxArrayLength },
    exposeViolations: { ...policyProperties.exposeViolations, default: schemaPolicyDefaults.exposeViolations },
    strictAdditionalProperties: { type: 'boolean', default: false },
    baseDir: { type: 'string' },
    routes: { type: 'array', items: routeOverride, default: [] },
    hosts: {
      type: 'object',
      default: {},
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['spec'],
        properties: {
          spec: { type: 'string', minLength: 1 },
          strictAdditionalProperties: { type: 'boolean' },
          routes: { type: 'array', items: routeOverride },
          ...policyProperties,
        },
      },
    },
  },
} as const;

/** Fills defaults into a partial config (what `warden serve --openapi api.yaml` builds from flags). */
export function resolveSchemaConfig(partial: Partial<SchemaConfig>): SchemaConfig {
  return {
    ...schemaConfigDefaults,
    ...partial,
    hosts: partial.hosts ?? {},
    routes: partial.routes ?? [],
  };
}
