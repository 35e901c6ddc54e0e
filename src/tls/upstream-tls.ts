import { X509Certificate, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { checkServerIdentity, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import type { UpstreamTlsConfig } from './config.js';
import { loadCa } from './certificates.js';

/** The error a pin mismatch surfaces as (checkServerIdentity's return value becomes the socket's error). */
export const PIN_MISMATCH = 'ERR_WARDEN_UPSTREAM_PIN_MISMATCH';

/**
 * base64 SHA-256 of a certificate's SubjectPublicKeyInfo: the HPKP `pin-sha256` value. Taken from the
 * DER certificate (`raw`): `PeerCertificate.pubkey` is the bare EC point for EC keys, not the SPKI.
 * Runs once per upstream connection, not per request.
 */
export function spkiPin(cert: PeerCertificate): string {
  const spki = new X509Certificate(cert.raw).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The certificates of a verified chain, leaf first (Node links each to its issuer, the root to itself). */
function chainOf(leaf: PeerCertificate): PeerCertificate[] {
  const out: PeerCertificate[] = [];
  let c: PeerCertificate | undefined = leaf;
  while (c !== undefined && out.length < 10 && !out.includes(c)) {
    out.push(c);
    const next: PeerCertificate | undefined = (c as { issuerCertificate?: PeerCertificate }).issuerCertificate;
    if (next === undefined || next === c || next.fingerprint256 === c.fingerprint256) break;
    c = next;
  }
  return out;
}

/**
 * TLS options for connections to an https upstream (undici's `connect`, and the WebSocket relay):
 * the chain is verified against `ca` (or the system roots), the name against `serverName` (or the
 * upstream's host), and with pins one key of the chain must be pinned. Null for an http upstream.
 */
export async function upstreamTlsOptions(upstream: string, config: UpstreamTlsConfig): Promise<ConnectionOptions | null> {
  const url = new URL(upstream);
  if (url.protocol !== 'https:') return null;
  const ca = config.ca === null ? undefined : await loadCa('upstream CA', config.ca);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const servername = config.serverName ?? (isIP(host) === 0 ? host : undefined);
  const pins = new Set(config.pinSha256);
  return {
    ...(ca !== undefined ? { ca } : {}),
    ...(servername !== undefined ? { servername } : {}),
    rejectUnauthorized: config.verify,
    minVersion: 'TLSv1.2',
    checkServerIdentity(hostname: string, cert: PeerCertificate): Error | undefined {
      const err = checkServerIdentity(config.serverName ?? hostname, cert);
      if (err !== undefined) return err;
      if (pins.size === 0) return undefined;
      for (const c of chainOf(cert)) if (c.raw !== undefined && pins.has(spkiPin(c))) return undefined;
      return Object.assign(new Error(`no certificate in the chain has a pinned key (leaf pin-sha256 ${spkiPin(cert)})`), { code: PIN_MISMATCH });
    },
  };
}

/** Whether an upstream connection error is a TLS verification or handshake failure (rather than the host being down). */
export function isTlsFailure(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return code === PIN_MISMATCH || code === 'EPROTO' || /^ERR_(TLS|SSL)_|CERT|^UNABLE_TO_|_SIGNATURE/.test(code);
}
