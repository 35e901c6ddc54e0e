import type { SecureContextOptions, Server as TlsServer, TlsOptions } from 'node:tls';
import type { AssemblyLog } from '../assemble.js';
import type { WardenMetrics } from '../log/metrics.js';
import type { TlsConfig } from './config.js';
import { CertificateSet, parseCa, parseCertificate, readPem } from './certificates.js';
import { certificateExpiry } from './expiry.js';
import { TlsFileWatch } from './file-watch.js';

/** Expiry is re-checked this often, so a long-running Warden warns before a certificate lapses. */
const EXPIRY_CHECK_MS = 12 * 3_600_000;

/** The certificates and client CA as read from disk; built whole before anything is swapped. */
export interface PreparedTls {
  config: TlsConfig;
  set: CertificateSet;
  clientCa: Buffer | null;
}

/** The bytes of every file a TLS config names, read once (a cluster primary reads them for all its workers). */
export interface TlsFileBytes {
  certificates: { cert: Buffer; key: Buffer }[];
  clientCa: Buffer | null;
}

export interface TlsTerminatorOptions {
  /**
   * Reload when a file changes (default). A cluster worker sets it false: the primary watches the
   * files and switches every worker in one step (src/cluster/tls-reload.ts), so workers never disagree.
   */
  watchFiles?: boolean;
}

/**
 * The TLS side of the data-plane listener: the certificates in force, SNI among them, and their
 * reload (admin /reload, SIGHUP, a changed file). A reload builds every context first and swaps them
 * in one step, so established connections keep the context they shook hands with and new handshakes
 * get the new one; a missing file, a bad PEM or a key of another certificate leaves the old set in
 * force and says why.
 */
export class TlsTerminator {
  private prepared: PreparedTls;
  private server: TlsServer | null = null;
  private readonly files: TlsFileWatch | null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly expiryTimer: NodeJS.Timeout;
  private readonly log: AssemblyLog;
  private readonly metrics: WardenMetrics;

  private constructor(prepared: PreparedTls, log: AssemblyLog, metrics: WardenMetrics, watchFiles: boolean) {
    this.prepared = prepared;
    this.log = log;
    this.metrics = metrics;
    this.files = watchFiles ? new TlsFileWatch(() => void this.reload().catch(() => undefined)) : null;
    this.expiryTimer = setInterval(() => this.checkExpiry(), EXPIRY_CHECK_MS);
    this.expiryTimer.unref();
  }

  /** Reads every file (errors are start-up errors with their WARDEN_TLS_* code), then watches them unless told not to. */
  static async open(config: TlsConfig, log: AssemblyLog, metrics: WardenMetrics, options: TlsTerminatorOptions = {}): Promise<TlsTerminator> {
    const t = new TlsTerminator(await prepareTls(config), log, metrics, options.watchFiles !== false);
    t.checkExpiry();
    await t.files?.follow(config);
    return t;
  }

  get config(): TlsConfig {
    return this.prepared.config;
  }

  get certificates(): CertificateSet {
    return this.prepared.set;
  }

  /** Options for `https.createServer` / `http2.createSecureServer`: the default certificate, SNI, versions, client verification. */
  serverOptions(handshakeTimeoutMs: number): TlsOptions {
    const cc = this.prepared.config.clientCertificates;
    return {
      ...contextOptions(this.prepared),
      cert: this.prepared.set.default.cert,
      key: this.prepared.set.default.key,
      requestCert: cc !== null,
      rejectUnauthorized: cc !== null && cc.require,
      handshakeTimeout: handshakeTimeoutMs,
      SNICallback: (servername, cb) => cb(null, this.prepared.set.select(servername).context),
    };
  }

  /** The listener whose default context a reload replaces (SNI contexts are read per handshake). */
  attach(server: TlsServer): void {
    this.server = server;
  }

  /** Reads and checks the files of `config` without touching what is in force. */
  prepare(config: TlsConfig = this.prepared.config): Promise<PreparedTls> {
    return prepareTls(config);
  }

  /** Checks files another process read (the cluster primary) and builds their contexts, without touching what is in force. */
  prepareFrom(config: TlsConfig, bytes: TlsFileBytes): PreparedTls {
    return buildTls(config, bytes);
  }

  /** Puts a prepared set in force for new handshakes. */
  apply(next: PreparedTls): void {
    this.prepared = next;
    this.server?.setSecureContext({ ...contextOptions(next), cert: next.set.default.cert, key: next.set.default.key });
    this.metrics.reloads.inc({ what: 'tls', outcome: 'ok' });
    this.log.info({ event: 'reload', what: 'tls', certificates: next.set.certificates.map((c) => ({ file: c.certFile, names: c.names, notAfter: c.notAfter.toISOString() })) }, 'TLS certificates reloaded');
    this.checkExpiry();
    if (this.files !== null) {
      this.files.follow(next.config).catch((err: unknown) => {
        this.log.warn({ event: 'reload', what: 'tls', reason: (err as Error).message }, 'cannot watch the TLS files; /reload and SIGHUP still reload them');
      });
    }
  }

  /** Re-reads the files and applies them; on failure the set in force stays and the error is logged and thrown. */
  reload(config: TlsConfig = this.prepared.config): Promise<PreparedTls> {
    const run = this.chain.then(async () => {
      try {
        const next = await this.prepare(config);
        this.apply(next);
        return next;
      } catch (err) {
        this.failed(err);
        throw err;
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** A failed reload: counted, and logged with its code and reason. */
  failed(err: unknown): void {
    this.metrics.reloads.inc({ what: 'tls', outcome: 'failed' });
    this.log.error(
      { event: 'reload', what: 'tls', code: (err as { code?: string }).code, reason: (err as Error).message },
      'TLS certificates could not be reloaded; the previous ones stay in force',
    );
  }

  /** Sets `warden_tls_certificate_expiry_seconds` and warns about certificates within `expiryWarningDays` of their end. */
  checkExpiry(now = Date.now()): void {
    const gauge = this.metrics.tlsCertificateExpiry;
    gauge.reset();
    for (const c of this.prepared.set.certificates) {
      const e = certificateExpiry(c.notAfter, this.prepared.config.expiryWarningDays, now);
      gauge.set({ certificate: c.certFile, name: c.names[0] ?? '' }, Math.round(e.leftMs / 1000));
      if (e.state !== 'valid') {
        this.log.warn(
          { event: 'tls-expiry', certificate: c.certFile, names: c.names, notAfter: c.notAfter.toISOString(), daysLeft: e.daysLeft },
          e.state === 'expired' ? `certificate ${c.certFile} has expired` : `certificate ${c.certFile} expires in ${e.daysLeft} days`,
        );
      }
    }
  }

  close(): void {
    clearInterval(this.expiryTimer);
    this.files?.close();
  }
}

/** What every context shares, the default one and the SNI ones alike (OpenSSL takes the client CA from the context SNI selects). */
function contextOptions(p: Pick<PreparedTls, 'config' | 'clientCa'>): SecureContextOptions {
  return {
    minVersion: p.config.minVersion,
    // Node's default cipher list: TLS 1.3 suites, then ECDHE with AES-GCM / ChaCha20-Poly1305 first;
    // no RC4, 3DES, export, NULL or anonymous suites. The server's order wins over the client's.
    honorCipherOrder: true,
    ...(p.clientCa !== null ? { ca: p.clientCa } : {}),
  };
}

/** Reads every file a TLS config names; a missing or unreadable one is WARDEN_TLS_FILE_UNREADABLE naming it. */
export async function readTlsFiles(config: TlsConfig): Promise<TlsFileBytes> {
  const clientCa = config.clientCertificates === null ? null : await readPem('client CA', config.clientCertificates.ca);
  const certificates = [];
  for (const pair of config.certificates) certificates.push({ cert: await readPem('certificate', pair.cert), key: await readPem('private key', pair.key) });
  return { certificates, clientCa };
}

/** Checks the bytes (PEM, key of its certificate) and builds every secure context; throws WARDEN_TLS_* naming the file. */
function buildTls(config: TlsConfig, bytes: TlsFileBytes): PreparedTls {
  const clientCa = config.clientCertificates === null || bytes.clientCa === null ? null : parseCa(config.clientCertificates.ca, bytes.clientCa);
  const options = contextOptions({ config, clientCa });
  const loaded = config.certificates.map((pair, i) => parseCertificate(pair, bytes.certificates[i].cert, bytes.certificates[i].key, options));
  return { config, set: new CertificateSet(loaded), clientCa };
}

async function prepareTls(config: TlsConfig): Promise<PreparedTls> {
  return buildTls(config, await readTlsFiles(config));
}
