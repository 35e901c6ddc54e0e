import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

export interface WatchedFileOptions<T> {
  file: string;
  /** Turns the file's text into the value in force; throws (with a precise error) when the text is bad. */
  parse(text: string): T;
  /** Called after each successful re-read. */
  onReload?(value: T): void;
  /** Called when a changed file cannot be read or parsed; the previous value stays in force. */
  onError?(err: unknown): void;
  /** Wait this long after the last change event before re-reading (editors write in several steps). */
  debounceMs?: number;
}

/**
 * A file whose parsed content is kept in memory and re-read when it changes. The directory is watched,
 * not the file, so an editor or `mv new deny.txt` replacing the file (a new inode) is seen too.
 * A bad edit keeps the last good content: a typo in a deny list must not open or close the gate.
 */
export class WatchedFile<T> {
  private value: T;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly options: WatchedFileOptions<T>;
  private reading: Promise<void> | null = null;

  private constructor(value: T, options: WatchedFileOptions<T>) {
    this.value = value;
    this.options = options;
  }

  /** Reads and parses the file once (errors propagate: start-up refuses a bad file), then watches it. */
  static async open<T>(options: WatchedFileOptions<T>): Promise<WatchedFile<T>> {
    const wf = new WatchedFile(options.parse(await readFile(options.file, 'utf8')), options);
    wf.startWatching();
    return wf;
  }

  get current(): T {
    return this.value;
  }

  private startWatching(): void {
    const name = basename(this.options.file);
    try {
      this.watcher = watch(dirname(this.options.file), { persistent: false }, (_event, changed) => {
        if (changed !== null && changed !== name) return;
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.reread();
        }, this.options.debounceMs ?? 100);
      });
      this.watcher.on('error', (err) => this.options.onError?.(err));
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  /** Re-reads now (also what a change event triggers); resolves once the new value is in force or refused. */
  reread(): Promise<void> {
    this.reading ??= (async () => {
      try {
        const value = this.options.parse(await readFile(this.options.file, 'utf8'));
        this.value = value;
        this.options.onReload?.(value);
      } catch (err) {
        this.options.onError?.(err);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}
