import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { SecretSource } from './config.js';
import { accessConfigInvalid, accessFileInvalid } from './errors.js';

/** Why a secret source gave no secret: the key at fault (`file` or `env`) and the reason (without the file's name). */
export interface SecretProblem {
  key: 'file' | 'env';
  reason: string;
}

/**
 * The text of a secret source (a file or an environment variable), surrounding whitespace (the
 * newline an editor adds) not part of it, or why there is none. An empty secret is a problem: it
 * would match anything an attacker can also produce. Read when a config is loaded or reloaded, never
 * on the request path; each room turns a problem into its own error code.
 */
export function secretText(source: SecretSource): string | SecretProblem {
  if ('file' in source) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8').trim();
    } catch (err) {
      return { key: 'file', reason: `cannot be read: ${(err as Error).message}` };
    }
    return text === '' ? { key: 'file', reason: 'the file is empty' } : text;
  }
  const text = (process.env[source.env] ?? '').trim();
  return text === '' ? { key: 'env', reason: `environment variable ${source.env} is not set or empty` } : text;
}

/** A secret of the access room (JWT HMAC key, admin token); a problem is a WARDEN_ACCESS_* error at `path`. */
export async function readSecret(source: SecretSource, path: string): Promise<string> {
  const text = secretText(source);
  if (typeof text === 'string') return text;
  if ('file' in source) throw accessFileInvalid(`${path}.file`, source.file, text.reason);
  throw accessConfigInvalid(`${path}.env`, text.reason);
}

/** A file path of the config taken relative to the config file's directory. */
export function resolveSecretPath<T extends SecretSource | null | undefined>(source: T, baseDir: string): T {
  if (source === null || source === undefined || !('file' in source) || isAbsolute(source.file)) return source;
  return { ...source, file: resolve(baseDir, source.file) };
}
