import { CidrList } from '../net/cidr.js';
import type { WardenError } from '../errors.js';
import type { CidrListSource } from './config.js';
import { accessConfigInvalid, accessFileInvalid } from './errors.js';
import { WatchedFile } from './watched-file.js';

/**
 * A list file: one address or CIDR a line; `#` starts a comment; blank lines ignored. A bad line
 * fails the whole file with `file:line`, so a half-read deny list never goes into force.
 */
export function parseCidrLines(text: string, file: string, path: string): CidrList {
  const entries: string[] = [];
  const lines: number[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const hash = all[i].indexOf('#');
    const entry = (hash < 0 ? all[i] : all[i].slice(0, hash)).trim();
    if (entry === '') continue;
    entries.push(entry);
    lines.push(i + 1);
  }
  return new CidrList(entries, (i) => `line ${lines[i]}`, (at, problem) => accessFileInvalid(path, file, `${at}: ${problem}`));
}

export interface AddressList {
  /** The list in force (a file-based list swaps it when the file changes). */
  current(): CidrList;
  close(): void;
}

export interface AddressListHooks {
  onReload?(path: string, size: number): void;
  onError?(path: string, err: WardenError | Error): void;
}

/** An inline list, or a watched file re-read on change (the previous list stays when the new text is bad). */
export async function openAddressList(source: CidrListSource, path: string, hooks: AddressListHooks = {}): Promise<AddressList> {
  if (Array.isArray(source)) {
    const list = new CidrList(source, path, accessConfigInvalid);
    return { current: () => list, close: () => undefined };
  }
  let watched: WatchedFile<CidrList>;
  try {
    watched = await WatchedFile.open({
      file: source.file,
      parse: (text) => parseCidrLines(text, source.file, path),
      onReload: (list) => hooks.onReload?.(path, list.size),
      onError: (err) => hooks.onError?.(path, err as Error),
    });
  } catch (err) {
    if (accessFileInvalid.is(err)) throw err;
    throw accessFileInvalid(path, source.file, (err as Error).message);
  }
  return { current: () => watched.current, close: () => watched.close() };
}
