import type { TLSSocket } from 'node:tls';

/** A client certificate the TLS layer verified against `tls.clientCertificates.ca`. */
export interface ClientCertificate {
  /** Subject DN as `CN=alice, O=Example` (RFC 4514 order as OpenSSL prints it). */
  subject: string;
  /** SHA-256 fingerprint of the certificate, `AB:CD:...`. */
  fingerprintSha256: string;
}

const VERIFIED = Symbol('warden.clientCertificate');
type Marked = TLSSocket & { [VERIFIED]?: ClientCertificate | null };

function subjectOf(subject: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(subject)) for (const one of Array.isArray(v) ? v : [v]) parts.push(`${k}=${one}`);
  return parts.join(', ');
}

/**
 * The verified client certificate of a TLS connection, or null when the client sent none or one that
 * did not verify (with `require: false` such a client is served, but as anonymous). Read once per
 * connection: every request on it (and every HTTP/2 stream) shares the answer.
 */
export function verifiedClientCertificate(socket: TLSSocket): ClientCertificate | null {
  const marked = socket as Marked;
  const known = marked[VERIFIED];
  if (known !== undefined) return known;
  let found: ClientCertificate | null = null;
  if (socket.authorized === true && typeof socket.getPeerCertificate === 'function') {
    const cert = socket.getPeerCertificate();
    if (cert !== null && typeof cert === 'object' && cert.subject !== undefined) {
      found = { subject: subjectOf(cert.subject as unknown as Record<string, string | string[]>), fingerprintSha256: cert.fingerprint256 };
    }
  }
  marked[VERIFIED] = found;
  return found;
}
