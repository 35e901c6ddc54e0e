import type { TlsConfig } from '../tls/config.js';
import { TlsFileWatch } from '../tls/file-watch.js';
import { readTlsFiles, type PreparedTls, type TlsFileBytes, type TlsTerminator } from '../tls/terminator.js';
import { WardenError } from '../errors.js';
import type { IpcChannel, IpcHandler } from './ipc-channel.js';

/** Building a few secure contexts takes milliseconds; a worker silent this long is not waited for. */
const PREPARE_TIMEOUT_MS = 15_000;

/** The files' bytes as they cross the IPC link (JSON: base64, not a Buffer's array of numbers). */
interface WireTlsFiles {
  certificates: { cert: string; key: string }[];
  clientCa: string | null;
}

interface PreparePayload {
  config: TlsConfig;
  files: WireTlsFiles;
}

interface FailedPayload {
  code: string;
  message: string;
}

function toWire(bytes: TlsFileBytes): WireTlsFiles {
  return {
    certificates: bytes.certificates.map((c) => ({ cert: c.cert.toString('base64'), key: c.key.toString('base64') })),
    clientCa: bytes.clientCa === null ? null : bytes.clientCa.toString('base64'),
  };
}

function fromWire(wire: WireTlsFiles): TlsFileBytes {
  return {
    certificates: wire.certificates.map((c) => ({ cert: Buffer.from(c.cert, 'base64'), key: Buffer.from(c.key, 'base64') })),
    clientCa: wire.clientCa === null ? null : Buffer.from(wire.clientCa, 'base64'),
  };
}

/** A worker's side of the TLS switches the primary runs: IPC handlers, and where a config reload leaves its certificates. */
export interface TlsWorkerSide {
  handlers: Record<string, IpcHandler>;
  /** Holds the certificates a config reload checked until the primary's `tls.reload-apply` (every worker at once). */
  hold(next: PreparedTls): void;
}

/**
 * A worker's side of a certificate switch the primary runs: `tls.prepare` builds the contexts from
 * the bytes the primary read (so every worker checks the same files, not each its own read of a file
 * being replaced) and holds them; `tls.apply` puts them in force, synchronously, so the primary's
 * one-tick broadcast switches every worker before it hands out another connection; `tls.failed`
 * drops them and logs and counts the failure as a single process would (`event: reload, what: tls`).
 * A config reload (/reload, SIGHUP) holds its certificates apart until `tls.reload-apply`, sent to
 * every worker that reloaded once all have answered.
 */
export function tlsWorkerSide(tls: () => TlsTerminator | null): TlsWorkerSide {
  let switching: PreparedTls | null = null;
  let reloaded: PreparedTls | null = null;
  return {
    hold: (next) => {
      reloaded = next;
    },
    handlers: {
      'tls.prepare': (payload) => {
        const t = tls();
        if (t === null) throw new Error('worker serves no TLS yet');
        const { config, files } = payload as PreparePayload;
        switching = t.prepareFrom(config, fromWire(files));
        return { certificates: switching.set.certificates.length };
      },
      'tls.apply': () => {
        if (switching !== null) tls()?.apply(switching);
        switching = null;
      },
      'tls.failed': (payload) => {
        switching = null;
        const { code, message } = payload as FailedPayload;
        tls()?.failed(new WardenError(code, message, 500));
      },
      'tls.reload-apply': () => {
        if (reloaded !== null) tls()?.apply(reloaded);
        reloaded = null;
      },
    },
  };
}

/** What the primary reports of a file-change reload. */
export interface ClusterTlsLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * The primary's side: it watches the certificate files (its workers do not) and, once a change has
 * settled, reads them once and switches every worker in one step: all prepare from the same bytes,
 * then all apply in one tick, or, if any file or any worker fails, none does and each worker logs why.
 */
export class ClusterTlsReload {
  private config: TlsConfig | null = null;
  private readonly watch: TlsFileWatch;
  private readonly workers: () => IpcChannel[];
  private readonly log: ClusterTlsLog;
  private readonly idle: () => Promise<unknown>;
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * `idle` resolves when no config reload is running: a worker's config reload reads the files itself
   * and may apply what it read after a switch, so the switch waits for it and then puts the files as
   * they are now in force everywhere.
   */
  constructor(workers: () => IpcChannel[], log: ClusterTlsLog, idle: () => Promise<unknown> = () => Promise.resolve()) {
    this.workers = workers;
    this.log = log;
    this.idle = idle;
    this.watch = new TlsFileWatch(() => void this.reload());
  }

  /** Watches the files of the config in force (at start and after each reload that changed `tls`). */
  async follow(config: TlsConfig | null): Promise<void> {
    this.config = config;
    try {
      await this.watch.follow(config);
    } catch (err) {
      // A worker's start-up (or the reload) says what is wrong with the file; /reload and SIGHUP still work.
      this.log.error(`cannot watch the TLS files (${(err as Error).message}); /reload and SIGHUP still reload them`);
    }
  }

  /** Reads the files and switches every ready worker, or none; one at a time. */
  reload(): Promise<void> {
    const run = this.chain.then(() => this.switchAll());
    this.chain = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.watch.close();
  }

  private async switchAll(): Promise<void> {
    await this.idle().catch(() => undefined);
    const config = this.config;
    if (config === null) return;
    const channels = this.workers();
    let files: WireTlsFiles;
    try {
      files = toWire(await readTlsFiles(config));
    } catch (err) {
      this.refuse(channels, (err as { code?: string }).code ?? 'WARDEN_TLS_FILE_UNREADABLE', (err as Error).message);
      return;
    }
    const outcomes = await Promise.all(
      channels.map((c) =>
        c.request('tls.prepare', { config, files } satisfies PreparePayload, PREPARE_TIMEOUT_MS).then(
          () => null,
          (err: unknown) => ({ code: (err as { code?: string }).code ?? 'ERROR', message: (err as Error).message }),
        ),
      ),
    );
    const failed = outcomes.find((o) => o !== null);
    if (failed !== undefined && failed !== null) {
      this.refuse(channels, failed.code, failed.message);
      return;
    }
    // One tick: a connection the primary hands out after this goes to a worker that has switched.
    for (const c of channels) c.notify('tls.apply');
    this.log.info(`TLS certificates reloaded after a file change, in ${channels.length} worker(s) at once`);
  }

  private refuse(channels: IpcChannel[], code: string, message: string): void {
    for (const c of channels) c.notify('tls.failed', { code, message } satisfies FailedPayload);
    this.log.error(`TLS certificates not reloaded after a file change, the previous ones stay in force: ${code}: ${message}`);
  }
}
