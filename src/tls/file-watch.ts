import { WatchedFile } from '../access/watched-file.js';
import type { TlsConfig } from './config.js';

/** Editors and `cp` write a file in steps, and a cert and its key change one after the other. */
export const FILE_SETTLE_MS = 250;

/** The files a TLS reload reads: every certificate and key, and the client CA. */
export function watchedFiles(config: TlsConfig): string[] {
  const files = config.certificates.flatMap((c) => [c.cert, c.key]);
  if (config.clientCertificates !== null) files.push(config.clientCertificates.ca);
  return [...new Set(files)].sort();
}

/**
 * Watches the TLS files of a config (their directories, so `mv new.pem api.pem` is seen) and calls
 * `onSettled` once they have been quiet for FILE_SETTLE_MS. Who reloads is the owner's business: the
 * terminator of a single process, or the cluster primary for all its workers at once.
 */
export class TlsFileWatch {
  private watchers: WatchedFile<string>[] = [];
  private watching = '';
  private settleTimer: NodeJS.Timeout | null = null;
  private readonly onSettled: () => void;

  constructor(onSettled: () => void) {
    this.onSettled = onSettled;
  }

  /** Watches the files of `config` (nothing when null), replacing what was watched if the list changed. */
  async follow(config: TlsConfig | null): Promise<void> {
    const files = config === null ? [] : watchedFiles(config);
    const key = files.join('\n');
    if (key === this.watching) return;
    this.closeWatchers();
    try {
      for (const file of files) {
        this.watchers.push(
          await WatchedFile.open({
            file,
            parse: (text: string) => text,
            onReload: () => this.changed(),
            // A file briefly missing while it is replaced: the settled reload says what is wrong, if anything still is.
            onError: () => this.changed(),
            debounceMs: 50,
          }),
        );
      }
    } catch (err) {
      this.closeWatchers();
      throw err;
    }
    this.watching = key;
  }

  close(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.closeWatchers();
  }

  private closeWatchers(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    this.watching = '';
  }

  private changed(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.onSettled();
    }, FILE_SETTLE_MS);
    this.settleTimer.unref();
  }
}
