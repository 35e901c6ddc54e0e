import { defineError } from '../errors.js';

export const tlsFileUnreadable = defineError(
  'WARDEN_TLS_FILE_UNREADABLE',
  500,
  (what: string, file: string, reason: string) => `cannot read the ${what} ${file}: ${reason}`,
);
export const tlsCertificateInvalid = defineError(
  'WARDEN_TLS_CERT_INVALID',
  500,
  (file: string, reason: string) => `${file} is not a usable PEM certificate: ${reason}`,
);
export const tlsKeyInvalid = defineError(
  'WARDEN_TLS_KEY_INVALID',
  500,
  (file: string, reason: string) => `${file} is not a usable PEM private key: ${reason}`,
);
export const tlsKeyMismatch = defineError(
  'WARDEN_TLS_KEY_MISMATCH',
  500,
  (key: string, cert: string) => `the private key ${key} does not belong to the certificate ${cert}`,
);
export const tlsCaInvalid = defineError(
  'WARDEN_TLS_CA_INVALID',
  500,
  (file: string, reason: string) => `${file} holds no usable CA certificate: ${reason}`,
);
export const upstreamTlsUnverified = defineError(
  'WARDEN_TLS_UPSTREAM_UNVERIFIED',
  502,
  (origin: string, reason: string) => `upstream ${origin} failed TLS verification: ${reason}`,
);
export const http2AuthorityMismatch = defineError(
  'WARDEN_TLS_AUTHORITY_MISMATCH',
  400,
  (authority: string, host: string) => `HTTP/2 request names two hosts: :authority ${authority} and Host ${host} (RFC 9113 §8.3.1)`,
);
export const http2ConnectRefused = defineError(
  'WARDEN_TLS_H2_CONNECT_REFUSED',
  405,
  () => 'CONNECT over HTTP/2 (tunnels, RFC 8441 WebSocket) is not supported: use WebSocket over HTTP/1.1',
);
/** Warnings of `warden config check` (serve starts with such a certificate and logs `event: tls-expiry`). */
export const tlsCertificateExpired = defineError(
  'WARDEN_TLS_CERT_EXPIRED',
  500,
  (file: string, notAfter: string) => `${file} expired on ${notAfter}: clients that verify it will refuse the handshake`,
);
export const tlsCertificateExpiring = defineError(
  'WARDEN_TLS_CERT_EXPIRING',
  500,
  (file: string, daysLeft: number, notAfter: string) => `${file} expires in ${daysLeft} days (${notAfter})`,
);
