import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createSecureContext, type SecureContext, type SecureContextOptions } from 'node:tls';
import type { CertificatePair } from './config.js';
import { tlsCaInvalid, tlsCertificateInvalid, tlsFileUnreadable, tlsKeyInvalid, tlsKeyMismatch } from './errors.js';

/** A certificate pair read, checked and turned into a secure context. */
export interface LoadedCertificate {
  certFile: string;
  keyFile: string;
  /** Lower-case DNS names it serves (SAN dNSName, else the subject CN), wildcards as `*.example.com`. */
  names: string[];
  subject: string;
  notAfter: Date;
  cert: Buffer;
  key: Buffer;
  context: SecureContext;
}

export async function readPem(what: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw tlsFileUnreadable(what, file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}

/** DNS names of a certificate: its SAN dNSName entries, or its subject CN when it has none (RFC 6125 §6.4.4). */
export function certificateNames(x509: X509Certificate): string[] {
  const san = x509.subjectAltName;
  const names: string[] = [];
  if (san !== undefined) {
    for (const part of san.split(', ')) if (part.startsWith('DNS:')) names.push(part.slice(4).toLowerCase());
  }
  if (names.length > 0) return names;
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject);
  return cn === null ? [] : [cn[1].toLowerCase()];
}

/** Whether `host` falls under `name`: equal ignoring case, or `*.rest` covering exactly one more label. */
export function nameMatches(name: string, host: string): boolean {
  if (name.startsWith('*.')) {
    const dot = host.indexOf('.');
    return dot > 0 && host.slice(dot + 1) === name.slice(2);
  }
  return name === host;
}

/** Reads a pair, refuses a bad PEM or a key of another certificate, and builds its secure context. */
export async function loadCertificate(pair: CertificatePair, contextOptions: SecureContextOptions): Promise<LoadedCertificate> {
  const cert = await readPem('certificate', pair.cert);
  const key = await readPem('private key', pair.key);
  return parseCertificate(pair, cert, key, contextOptions);
}

/** A pair's bytes (read here, or by a cluster primary for all its workers) checked and turned into a secure context. */
export function parseCertificate(pair: CertificatePair, cert: Buffer, key: Buffer, contextOptions: SecureContextOptions): LoadedCertificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (err) {
    throw tlsCertificateInvalid(pair.cert, (err as Error).message);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (err) {
    throw tlsKeyInvalid(pair.key, (err as Error).message);
  }
  if (!x509.checkPrivateKey(privateKey)) throw tlsKeyMismatch(pair.key, pair.cert);
  let context: SecureContext;
  try {
    context = createSecureContext({ ...contextOptions, cert, key });
  } catch (err) {
    throw tlsCertificateInvalid(pair.cert, (err as Error).message);
  }
  return { certFile: pair.cert, keyFile: pair.key, names: certificateNames(x509), subject: x509.subject.replace(/\n/g, ', '), notAfter: new Date(x509.validTo), cert, key, context };
}

/** A CA bundle (PEM), checked to hold at least one certificate. */
export async function loadCa(what: string, file: string): Promise<Buffer> {
  return parseCa(file, await readPem(what, file));
}

/** A CA bundle's bytes, checked to hold at least one certificate. */
export function parseCa(file: string, pem: Buffer): Buffer {
  try {
    new X509Certificate(pem);
  } catch (err) {
    throw tlsCaInvalid(file, (err as Error).message);
  }
  return pem;
}

/** The certificates in force; SNI picks among them. */
export class CertificateSet {
  readonly certificates: readonly LoadedCertificate[];

  constructor(certificates: readonly LoadedCertificate[]) {
    this.certificates = certificates;
  }

  get default(): LoadedCertificate {
    return this.certificates[0];
  }

  /** The first certificate whose names cover `servername`; the default one when none does (or no SNI was sent). */
  select(servername: string | undefined): LoadedCertificate {
    if (servername === undefined || servername === '') return this.certificates[0];
    const host = servername.toLowerCase();
    for (const c of this.certificates) for (const name of c.names) if (nameMatches(name, host)) return c;
    return this.certificates[0];
  }
}
