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
/** A config save that names a version the file is no longer at (config-edit.ts): nothing was written. */
export const configEditConflict = defineError(
  'WARDEN_CONFIG_EDIT_CONFLICT',
  409,
  (file: string, read: string, now: string) =>
    `${file} changed since it was read (read at version ${read}, now ${now}): another editor saved it; nothing was written. Read it again, make the change on that text and save again`,
);
/** Another process held the config's edit lock too long (config-edit.ts). */
export const configEditLocked = defineError(
  'WARDEN_CONFIG_EDIT_LOCKED',
  423,
  (file: string, lock: string) => `${file} is being saved by another editor (${lock} held for more than 5 s); nothing was written. Try again; remove the lock file if no editor is running`,
);
/** `PUT /config` without the version it edits. */
export const configEditNoVersion = defineError(
  'WARDEN_CONFIG_EDIT_NO_VERSION',
  428,
  () => 'a config save must name the version it edits: send If-Match with the ETag GET /config answered (a save without it could undo another editor\'s)',
);
/** The admin config editor of a Warden started without a config file. */
export const configEditNoFile = defineError(
  'WARDEN_CONFIG_EDIT_NO_FILE',
  404,
  () => 'this Warden runs without a config file (serve --config FILE): there is no config to edit',
);
