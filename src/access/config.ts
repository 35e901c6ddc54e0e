import { isAbsolute, resolve } from 'node:path';
import type { RouteMatch } from '../config/types.js';

/** A CIDR list inline, or a file of one CIDR a line (`#` comments) that is re-read when it changes. */
export type CidrListSource = string[] | { file: string };

export interface ApiKeyEntry {
  id: string;
  /** `sha256:<64 hex>` of the key; the key itself is never stored. */
  hash: string;
  scopes?: string[];
  disabled?: boolean;
}

export interface ApiKeysConfig {
  /** Header carrying the key (`X-API-Key`). */
  header?: string;
  /** Query parameter carrying the key (`api_key`); the key then shows in URLs and logs of other hops. */
  query?: string;
  /** Authorization scheme (`ApiKey` for `Authorization: ApiKey <key>`). */
  scheme?: string;
  keys: ApiKeyEntry[];
}

export type JwksSource =
  | { file: string }
  | {
      url: string;
      /** Keys are fresh this long (default 600). */
      cacheSeconds?: number;
      /** An unknown `kid` refetches at most this often (default 30). */
      minRefreshSeconds?: number;
      /** A failed refetch keeps the last good keys this long past their freshness (default 86400). */
      staleIfErrorSeconds?: number;
      timeoutMs?: number;
    };

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

export interface JwtConfig {
  /** Public keys (JWKS); for HS* a JWKS of `oct` keys, or `secret`. */
  jwks?: JwksSource;
  /** Shared secret for HS* tokens, from a file or an environment variable. */
  secret?: SecretSource;
  issuer?: string | string[];
  audience?: string | string[];
  algorithms: JwtAlgorithm[];
  clockSkewSeconds: number;
  /** Claim holding the subject passed upstream (`sub`). */
  subjectClaim: string;
  /** A token that verified is not verified again for this long (bounded by its `exp`); 0: every time. */
  verifiedCacheSeconds?: number;
}

export type SecretSource = { file: string } | { env: string };

/** `clientCertificate`: a certificate TLS verified against `tls.clientCertificates.ca` (it carries no scopes). */
export type CredentialMethod = 'apiKey' | 'jwt' | 'clientCertificate';

export type AccessRequirement = 'none' | { anyOf: CredentialMethod[]; scopes?: string[] };

export interface AccessRoute {
  match: RouteMatch;
  require: AccessRequirement;
}

export interface AccessConfig {
  ipAllow: CidrListSource;
  ipDeny: CidrListSource;
  apiKeys: ApiKeysConfig | null;
  jwt: JwtConfig | null;
  routes: AccessRoute[];
  /** What a request no route matches needs; absent: any configured credential method, or none when there is none. */
  require?: AccessRequirement;
  /** Header that carries the verified identity upstream; the client's own `X-Warden-*` headers are always removed. */
  subjectHeader: string;
  /** `realm` of the WWW-Authenticate challenge. */
  realm: string;
  /**
   * A CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) is sent by the browser,
   * never with credentials (Fetch standard): `pass` lets it through without one (address lists still
   * apply) so a cross-origin app can call a protected API; `authenticate` treats it as any request.
   */
  corsPreflight: 'pass' | 'authenticate';
}

const cidrListSource = {
  anyOf: [
    { type: 'array', items: { type: 'string', minLength: 1 } },
    { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1 } } },
  ],
};

/** A secret read from a file or an environment variable (`{ file }` | `{ env }`): the admin token, JWT and session-hash keys. */
export const secretSource = {
  anyOf: [
    { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1 } } },
    { type: 'object', additionalProperties: false, required: ['env'], properties: { env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } } },
  ],
};

const requirement = {
  anyOf: [
    { const: 'none' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['anyOf'],
      properties: {
        anyOf: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['apiKey', 'jwt', 'clientCertificate'] } },
        scopes: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
  ],
};

const stringOrList = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] };

export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** JSON Schema of `access` (validated by `warden config check` with the rest of the file). */
export function accessConfigSchema(routeMatch: object): object {
  return {
    type: 'object',
    additionalProperties: false,
    default: {},
    properties: {
      ipAllow: { ...cidrListSource, default: [] },
      ipDeny: { ...cidrListSource, default: [] },
      // null or an object (not anyOf: ajv fills defaults only outside anyOf branches).
      apiKeys: {
        default: null,
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['keys'],
        properties: {
          header: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
          query: { type: 'string', minLength: 1 },
          scheme: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
          keys: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'hash'],
              properties: {
                id: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,64}$' },
                hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
                scopes: { type: 'array', items: { type: 'string', minLength: 1 } },
                disabled: { type: 'boolean' },
              },
            },
          },
        },
      },
      jwt: {
        default: null,
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['algorithms'],
        properties: {
          jwks: {
            anyOf: [
              { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1 } } },
              {
                type: 'object',
                additionalProperties: false,
                required: ['url'],
                properties: {
                  url: { type: 'string', pattern: '^https?://' },
                  cacheSeconds: { type: 'integer', minimum: 0, default: 600 },
                  minRefreshSeconds: { type: 'integer', minimum: 0, default: 30 },
                  staleIfErrorSeconds: { type: 'integer', minimum: 0, default: 86400 },
                  timeoutMs: { type: 'integer', minimum: 1, default: 5000 },
                },
              },
            ],
          },
          secret: secretSource,
          issuer: stringOrList,
          audience: stringOrList,
          algorithms: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: JWT_ALGORITHMS } },
          clockSkewSeconds: { type: 'integer', minimum: 0, maximum: 3600, default: 30 },
          subjectClaim: { type: 'string', minLength: 1, default: 'sub' },
          verifiedCacheSeconds: { type: 'integer', minimum: 0, maximum: 3600, default: 60 },
        },
      },
      routes: {
        type: 'array',
        default: [],
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['match', 'require'],
          properties: { match: routeMatch, require: requirement },
        },
      },
      require: requirement,
      subjectHeader: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", default: 'X-Warden-Subject' },
      realm: { type: 'string', pattern: '^[^"\\\\]*$', default: 'warden' },
      corsPreflight: { enum: ['pass', 'authenticate'], default: 'pass' },
    },
  };
}

/** `admin.token`: bearer token of the admin API, from a file or an environment variable. */
export const adminTokenSchema = { default: null, anyOf: [{ type: 'null' }, secretSource] };

/** Files named in `access` taken relative to the config file's directory (as rule and model paths are). */
export function resolveAccessFiles(access: AccessConfig, baseDir: string): AccessConfig {
  const rel = (file: string): string => (isAbsolute(file) ? file : resolve(baseDir, file));
  const list = (s: CidrListSource): CidrListSource => (Array.isArray(s) ? s : { file: rel(s.file) });
  const jwt = access.jwt;
  return {
    ...access,
    ipAllow: list(access.ipAllow),
    ipDeny: list(access.ipDeny),
    jwt:
      jwt === null
        ? null
        : {
            ...jwt,
            ...(jwt.jwks !== undefined && 'file' in jwt.jwks ? { jwks: { file: rel(jwt.jwks.file) } } : {}),
            ...(jwt.secret !== undefined && 'file' in jwt.secret ? { secret: { file: rel(jwt.secret.file) } } : {}),
          },
  };
}
