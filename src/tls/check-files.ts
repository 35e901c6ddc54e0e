import { X509Certificate } from 'node:crypto';
import { WardenError } from '../errors.js';
import type { TlsConfig, UpstreamTlsConfig } from './config.js';
import { certificateNames, parseCa, parseCertificate, readPem } from './certificates.js';
import { tlsCertificateExpired, tlsCertificateExpiring } from './errors.js';
import { certificateExpiry } from './expiry.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** One certificate as `warden config check` describes it. */
export interface CheckedCertificate {
  /** Where it is configured: `tls.certificates[0]`, `tls.clientCertificates.ca`, `upstreamTls.ca`. */
  path: string;
  file: string;
  /** DNS names it serves (SAN, else CN); for a CA, its own names. */
  names: string[];
  subject: string;
  notAfter: string;
  daysLeft: number;
}

export interface TlsFilesReport {
  /** What stops `warden serve` (the codes start-up would stop with), each prefixed with the key's path. */
  problems: WardenError[];
  /** Expired or within `tls.expiryWarningDays` (serve starts, and logs `tls-expiry`). */
  warnings: WardenError[];
  certificates: CheckedCertificate[];
}

function at(path: string, err: unknown): WardenError {
  const e = err instanceof WardenError ? err : new WardenError('WARDEN_TLS_FILE_UNREADABLE', String(err), 500);
  return new WardenError(e.code, `${path}: ${e.message}`, e.status);
}

function describe(path: string, file: string, x509: X509Certificate, names: string[], now: number): CheckedCertificate {
  const notAfter = new Date(x509.validTo);
  return { path, file, names, subject: x509.subject.replace(/\n/g, ', '), notAfter: notAfter.toISOString(), daysLeft: certificateExpiry(notAfter, 0, now).daysLeft };
}

/**
 * Reads every certificate, key and CA file of `tls` and `upstreamTls` as `warden serve` would at
 * start-up (same reader, same checks, same WARDEN_TLS_* codes), without stopping at the first
 * problem, and describes what it found: the names each certificate serves and when it ends.
 */
export async function checkTlsFiles(config: { tls: TlsConfig | null; upstreamTls: UpstreamTlsConfig; upstream: string }, now = Date.now()): Promise<TlsFilesReport> {
  const report: TlsFilesReport = { problems: [], warnings: [], certificates: [] };
  const warnDays = config.tls?.expiryWarningDays ?? 14;
  const expiry = (c: CheckedCertificate): void => {
    const { state } = certificateExpiry(new Date(c.notAfter), warnDays, now);
    if (state === 'expired') report.warnings.push(at(c.path, tlsCertificateExpired(c.file, c.notAfter)));
    else if (state === 'expiring') report.warnings.push(at(c.path, tlsCertificateExpiring(c.file, c.daysLeft, c.notAfter)));
  };
  const read = async (path: string, what: string, file: string): Promise<Buffer | null> => {
    try {
      return await readPem(what, file);
    } catch (err) {
      report.problems.push(at(path, err));
      return null;
    }
  };

  const tls = config.tls;
  if (tls !== null) {
    for (const [i, pair] of tls.certificates.entries()) {
      const path = `tls.certificates[${i}]`;
      const cert = await read(`${path}.cert`, 'certificate', pair.cert);
      const key = await read(`${path}.key`, 'private key', pair.key);
      if (cert === null || key === null) continue;
      try {
        const loaded = parseCertificate(pair, cert, key, { minVersion: tls.minVersion });
        const checked = describe(path, pair.cert, new X509Certificate(cert), loaded.names, now);
        report.certificates.push(checked);
        expiry(checked);
      } catch (err) {
        report.problems.push(at(path, err));
      }
    }
    if (tls.clientCertificates !== null) await checkCa('tls.clientCertificates.ca', 'client CA', tls.clientCertificates.ca);
  }
  if (/^https:/i.test(config.upstream) && config.upstreamTls.ca !== null) await checkCa('upstreamTls.ca', 'upstream CA', config.upstreamTls.ca);
  return report;

  async function checkCa(path: string, what: string, file: string): Promise<void> {
    const pem = await read(path, what, file);
    if (pem === null) return;
    try {
      parseCa(file, pem);
    } catch (err) {
      report.problems.push(at(path, err));
      return;
    }
    // Every certificate of the bundle (parseCa checked the first); an expired CA fails every chain through it.
    const blocks = pem.toString('latin1').match(PEM_CERTIFICATE) ?? [pem.toString('latin1')];
    for (const block of blocks) {
      let x509: X509Certificate;
      try {
        x509 = new X509Certificate(block);
      } catch {
        continue;
      }
      const checked = describe(path, file, x509, certificateNames(x509), now);
      report.certificates.push(checked);
      expiry(checked);
    }
  }
}

/** The lines `warden config check` prints about the TLS files (text form). */
export function formatTlsFiles(certificates: readonly CheckedCertificate[]): string[] {
  return certificates.map(
    (c) =>
      `${c.path}: ${c.file}: ${c.subject}; names ${c.names.length > 0 ? c.names.join(', ') : '(none)'}; ` +
      `valid until ${c.notAfter} (${c.daysLeft < 0 ? 'expired' : `${c.daysLeft} days left`})`,
  );
}
