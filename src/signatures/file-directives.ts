/**
 * `# warden: <setting> <value>` lines in a rule file's header: how Warden reads that file's rules,
 * declared by the file itself so that a copy of it (another directory, a packaged install, a subset an
 * operator keeps with the line) is read exactly as the original. Before session 31 this was decided by
 * the file's path (inside the package's `signatures/`), and a copied `warden.rules` silently lost the
 * decoded views its rules were written for.
 *
 * - `packet-views decoded`: the file's `pkt_data` options also read the packet's decoded views (a JSON
 *   body with its escapes resolved, a query or form-body value's URL rounds, a multipart body's fields as a form; match/decoded-views.ts). Only for rules that
 *   pin no `pkt_data` match to a position: an imported rule's `depth`/`offset` count from the request's
 *   first byte, which a view's segment is not (Talos 1070, `SEARCH ` within 8 bytes, fired on a query's
 *   "Search results…"). Default `raw`.
 * - `weights priority`: `rules tune` keeps these rules' priority severities and learns no weight for them
 *   (rules written and measured for Warden's gate). Default `calibrated`.
 *
 * A directive is a comment, so Snort and Suricata read such a file unchanged.
 */
import { ruleBadDirective } from './errors.js';

export interface RuleFileDirectives {
  packetViews: 'raw' | 'decoded';
  weights: 'calibrated' | 'priority';
}

/** A file without directives: an imported rule file's reading. */
export const NO_DIRECTIVES: Readonly<RuleFileDirectives> = Object.freeze({ packetViews: 'raw', weights: 'calibrated' });

const SETTINGS: { [K in keyof RuleFileDirectives]: { name: string; values: readonly RuleFileDirectives[K][] } } = {
  packetViews: { name: 'packet-views', values: ['raw', 'decoded'] },
  weights: { name: 'weights', values: ['calibrated', 'priority'] },
};

/** `warden: ...` after the comment's `#`: a directive line (the word `warden:` and nothing before it). */
export const DIRECTIVE_LINE = /^#+\s*warden:/i;

/** Applies one directive line (`# warden: packet-views decoded`) to `into`; throws WARDEN_SIGNATURES_BAD_DIRECTIVE for one Warden does not know. */
export function applyDirective(line: string, into: RuleFileDirectives): void {
  const words = line.replace(DIRECTIVE_LINE, '').trim().split(/\s+/);
  const known = Object.entries(SETTINGS).map(([, s]) => `${s.name} ${s.values.join('|')}`).join(', ');
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof RuleFileDirectives, (typeof SETTINGS)[keyof RuleFileDirectives]][]) {
    if (words[0]?.toLowerCase() !== setting.name) continue;
    const value = words[1]?.toLowerCase();
    if (words.length !== 2 || value === undefined || !(setting.values as readonly string[]).includes(value)) {
      throw ruleBadDirective(line.trim(), `expected ${setting.name} ${setting.values.join('|')}`);
    }
    (into as unknown as Record<string, string>)[key] = value;
    return;
  }
  throw ruleBadDirective(line.trim(), `not a Warden directive (known: ${known})`);
}

/** The directives as written in a report (`packet-views decoded, weights priority`), '' for none. */
export function describeDirectives(d: RuleFileDirectives): string {
  const set = (Object.keys(SETTINGS) as (keyof RuleFileDirectives)[]).filter((k) => d[k] !== NO_DIRECTIVES[k]);
  return set.map((k) => `${SETTINGS[k].name} ${d[k]}`).join(', ');
}
