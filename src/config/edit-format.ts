import type { ToStringOptions } from 'yaml';

/**
 * How the commands that edit an operator's config (keys, rules import, rules tune --write) write it
 * back: no line folding, so an added `{ id, hash, scopes }` key stays on one line as the README writes
 * it (folded at 80 columns it became a flow mapping spread over four lines).
 */
export const CONFIG_EDIT_FORMAT: ToStringOptions = { lineWidth: 0 };
