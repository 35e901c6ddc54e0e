import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ToStringOptions } from 'yaml';

/**
 * How the commands that edit an operator's config (keys, rules import, rules tune --write) write it
 * back: no line folding, so an added `{ id, hash, scopes }` key stays on one line as the README writes
 * it (folded at 80 columns it became a flow mapping spread over four lines).
 */
export const CONFIG_EDIT_FORMAT: ToStringOptions = { lineWidth: 0 };

/**
 * How those commands name a file in the config: relative to the config's folder, as an operator writes
 * it, unless the only way there climbs to the filesystem root (`../../../../work/packs/et`): then absolute.
 */
export function pathForConfig(configDir: string, file: string): string {
  const rel = relative(configDir, file);
  if (rel === '' || isAbsolute(rel)) return file;
  const up = rel.split(sep).filter((s) => s === '..').length;
  const depth = resolve(configDir).split(sep).filter((s) => s !== '').length;
  return up >= depth ? resolve(file) : rel;
}
