import { isAbsolute, resolve } from 'node:path';
import { configInvalid } from '../config/errors.js';
import { redactUrl } from '../config/redact-secrets.js';

/** One certificate chain (PEM, leaf first) and its private key (PEM). */
export interface CertificatePair {
  cert: string;
  key: string;
}

/**
 * Bounds on what one HTTP/2 connection may cost (RFC 9113 abuse: rapid reset, CONTINUATION floods,
 * huge header lists, stream floods). Node (nghttp2 ≥ 1.61 in Node 20.12+) already rate-limits resets
 * and caps CONTINUATION frames; these are the knobs it leaves to the server.
 */
export interface Http2Limits {
  /** SETTINGS_MAX_CONCURRENT_STREAMS announced to clients (Node's default is 2^32-1). */
  maxConcurrentStreams: number;
  /** SETTINGS_MAX_HEADER_LIST_SIZE: a header block past it is refused with 431 / a stream error. */
  maxHeaderListBytes: number;
  /** Header fields in one block (Node counts pseudo-headers too). */
  maxHeaderPairs: number;
  /** Memory nghttp2 may hold for one session (MB) before new streams are refused with ENHANCE_YOUR_CALM. */
  maxSessionMemoryMb: number;
}

export interface TlsConfig {
  /** The first whose names (SAN DNS, else CN; `*.` wildcards) match the SNI name serves it; the first is the default. */
  certificates: CertificatePair[];
  minVersion: 'TLSv1.2' | 'TLSv1.3';
  /** ALPN h2 and http/1.1 on one listener; false: HTTP/1.1 only. */
  http2: boolean;
  http2Limits: Http2Limits;
  /** Strict-Transport-Security on every answer (the upstream's own header wins); null: none. */
  hsts: { maxAgeSeconds: number; includeSubDomains: boolean; preload: boolean } | null;
  /** mTLS: clients' certificates verified against `ca`; `require: false` lets clients without one in. */
  clientCertificates: { ca: string; require: boolean } | null;
  /** A certificate whose notAfter is closer than this logs a warning at load, reload and daily. */
  expiryWarningDays: number;
}

export interface UpstreamTlsConfig {
  /** CA bundle (PEM) the upstream's certificate must chain to; null: the system's roots. */
  ca: string | null;
  /** SNI name sent and name the certificate must carry; null: the host of `upstream`. */
  serverName: string | null;
  /** base64 SHA-256 of a SubjectPublicKeyInfo in the upstream's chain (HPKP `pin-sha256` form); empty: no pinning. */
  pinSha256: string[];
  /** false turns verification off (test rigs only; logged loudly at start-up). */
  verify: boolean;
}

export interface RedirectHttpConfig {
  /** Plain-HTTP listener answering 308 to the same host and path over https. */
  listen: string;
}

const hostPort = { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):[0-9]{1,5}$' };
const file = { type: 'string', minLength: 1 };

// `type: [object, null]` rather than anyOf: ajv fills in defaults only outside anyOf/oneOf branches.
export const tlsConfigSchema = {
  default: null,
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['certificates'],
  properties: {
    certificates: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['cert', 'key'], properties: { cert: file, key: file } },
    },
    // TLS 1.0/1.1 are never offered; Node's default cipher list (ECDHE + AES-GCM / ChaCha20 first, no RC4/3DES/export/NULL) applies.
    minVersion: { enum: ['TLSv1.2', 'TLSv1.3'], default: 'TLSv1.2' },
    http2: { type: 'boolean', default: true },
    http2Limits: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        maxConcurrentStreams: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
        maxHeaderListBytes: { type: 'integer', minimum: 1024, maximum: 1048576, default: 32768 },
        maxHeaderPairs: { type: 'integer', minimum: 8, maximum: 2000, default: 256 },
        maxSessionMemoryMb: { type: 'integer', minimum: 1, maximum: 1024, default: 10 },
      },
    },
    hsts: {
      default: null,
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['maxAgeSeconds'],
      properties: {
        maxAgeSeconds: { type: 'integer', minimum: 0 },
        includeSubDomains: { type: 'boolean', default: false },
        preload: { type: 'boolean', default: false },
      },
    },
    clientCertificates: {
      default: null,
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['ca'],
      properties: { ca: file, require: { type: 'boolean', default: false } },
    },
    expiryWarningDays: { type: 'integer', minimum: 0, maximum: 365, default: 14 },
  },
} as const;

export const upstreamTlsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  default: {},
  properties: {
    ca: { default: null, anyOf: [{ type: 'null' }, file] },
    serverName: { default: null, anyOf: [{ type: 'null' }, { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9.-]+$' }] },
    pinSha256: { type: 'array', default: [], items: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' } },
    verify: { type: 'boolean', default: true },
  },
} as const;

export const redirectHttpConfigSchema = {
  default: null,
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['listen'],
  properties: { listen: hostPort },
} as const;

interface TlsKeys {
  tls: TlsConfig | null;
  upstreamTls: UpstreamTlsConfig;
  redirectHttp: RedirectHttpConfig | null;
  upstream: string;
}

/**
 * Paths relative to the config file, and the checks JSON Schema cannot express across keys: a
 * redirect listener needs a TLS listener to send clients to, and upstream TLS settings need an
 * https upstream (silently ignoring a CA or a pin would leave the operator believing in a check that never runs).
 */
export function resolveTlsConfig<T extends TlsKeys>(config: T, baseDir: string, source: string): T {
  const rel = (f: string): string => (isAbsolute(f) ? f : resolve(baseDir, f));
  const problems: string[] = [];
  if (config.redirectHttp !== null && config.tls === null) problems.push('redirectHttp: needs a tls section (there is no https listener to redirect to)');
  const ut = config.upstreamTls;
  const upstreamTlsSet = ut.ca !== null || ut.serverName !== null || ut.pinSha256.length > 0 || !ut.verify;
  if (upstreamTlsSet && !/^https:/i.test(config.upstream)) problems.push(`upstreamTls: set, but upstream ${redactUrl(config.upstream)} is not https://`);
  if (problems.length > 0) throw configInvalid(source, problems);
  const tls = config.tls;
  return {
    ...config,
    tls:
      tls === null
        ? null
        : {
            ...tls,
            certificates: tls.certificates.map((c) => ({ cert: rel(c.cert), key: rel(c.key) })),
            clientCertificates: tls.clientCertificates === null ? null : { ...tls.clientCertificates, ca: rel(tls.clientCertificates.ca) },
          },
    upstreamTls: { ...ut, ca: ut.ca === null ? null : rel(ut.ca) },
  };
}
