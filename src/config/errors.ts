import { defineError } from '../errors.js';

export const configFileUnreadable = defineError(
  'WARDEN_CONFIG_UNREADABLE',
  500,
  (file: string, reason: string) => `cannot read config file ${file}: ${reason}`,
);
export const configFileUnparsable = defineError(
  'WARDEN_CONFIG_UNPARSABLE',
  500,
  (file: string, reason: string) => `config file ${file} is not valid YAML/JSON: ${reason}`,
);
export const configInvalid = defineError(
  'WARDEN_CONFIG_INVALID',
  500,
  (source: string, problems: string[]) => `invalid config (${source}):\n  - ${problems.join('\n  - ')}`,
);
export const reloadNeedsRestart = defineError(
  'WARDEN_CONFIG_NEEDS_RESTART',
  409,
  (keys: string[]) => `needs a restart: ${keys.join(', ')} (nothing was reloaded; the running config stays in force)`,
);
