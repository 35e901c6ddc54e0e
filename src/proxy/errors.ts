import { defineError } from '../errors.js';

/** A client's value as an error message quotes it: at most 80 characters, so a huge header cannot flood the log line. */
export function clipped(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

export const bodyTooLarge = defineError(
  'WARDEN_PROXY_BODY_TOO_LARGE',
  413,
  (limit: number) => `request body exceeds the inspection limit of ${limit} bytes`,
);
export const bodyIncomplete = defineError(
  'WARDEN_PROXY_BODY_INCOMPLETE',
  400,
  (reason: string) => `request body was not received completely: ${reason}`,
);
export const upstreamUnavailable = defineError(
  'WARDEN_PROXY_UPSTREAM_UNAVAILABLE',
  502,
  (origin: string, reason: string) => `upstream ${origin} is unavailable: ${reason}`,
);
export const upstreamTimeout = defineError(
  'WARDEN_PROXY_UPSTREAM_TIMEOUT',
  504,
  (origin: string, what: string) => `upstream ${origin} timed out (${what})`,
);
export const upgradeRefused = defineError(
  'WARDEN_PROXY_UPGRADE_REFUSED',
  400,
  (reason: string) => `upgrade request refused: ${reason}`,
);
export const listenFailed = defineError(
  'WARDEN_PROXY_LISTEN_FAILED',
  500,
  (address: string, reason: string) => `cannot listen on ${address}: ${reason}`,
);
export const remainderBlocked = defineError(
  'WARDEN_PROXY_REMAINDER_BLOCKED',
  403,
  (judgedBytes: number) => `the body past the inspection prefix was blocked after ${judgedBytes} bytes judged clean`,
);
export const badHost = defineError(
  'WARDEN_PROXY_BAD_HOST',
  400,
  (why: string) => `invalid Host header: ${why}`,
);
export const repeatedField = defineError(
  'WARDEN_PROXY_REPEATED_FIELD',
  400,
  (name: string) => `the ${name} header appears more than once`,
);
export const badRequestTarget = defineError(
  'WARDEN_PROXY_BAD_REQUEST_TARGET',
  400,
  (target: string) => `invalid request-target: "${clipped(target)}" is neither a path nor an absolute http URL`,
);
