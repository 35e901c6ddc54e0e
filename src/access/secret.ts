import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { SecretSource } from './config.js';
import { accessConfigInvalid, accessFileInvalid } from './errors.js';

/**
 * A secret (JWT HMAC key, admin token) from a file or an environment variable; surrounding whitespace
 * (the newline an editor adds) is not part of it. An empty secret is refused: it would match anything
 * an attacker can also produce.
 */
export async function readSecret(source: SecretSource, path: string): Promise<string> {
  let value: string;
  if ('file' in source) {
    try {
      value = (await readFile(source.file, 'utf8')).trim();
    } catch (err) {
      throw accessFileInvalid(`${path}.file`, source.file, (err as Error).message);
    }
    if (value === '') throw accessFileInvalid(`${path}.file`, source.file, 'the file is empty');
  } else {
    value = (process.env[source.env] ?? '').trim();
    if (value === '') throw accessConfigInvalid(`${path}.env`, `environment variable ${source.env} is not set or empty`);
  }
  return value;
}

/** A file path of the config taken relative to the config file's directory. */
export function resolveSecretPath<T extends SecretSource | null | undefined>(source: T, baseDir: string): T {
  if (source === null || source === undefined || !('file' in source) || isAbsolute(source.file)) return source;
  return { ...source, file: resolve(baseDir, source.file) };
}
