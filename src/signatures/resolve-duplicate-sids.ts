/**
 * One gid:sid, one rule. When two rules share a gid:sid the higher rev loads; on equal revs the one
 * loaded first (bundled rules, then `rules.files` in order, a directory's or pack's files in name
 * order, a file top to bottom), so a set loads the same way every time. Both sides are reported:
 * the rule that does not load is `rejected` with WARDEN_SIGNATURES_DUPLICATE_SID naming the one
 * that does; a rule being checked or imported that replaces a rule already in the set (the bundled
 * rules, the config's files) is a `warning` with WARDEN_SIGNATURES_REPLACES_SID naming what it
 * replaces. Without this an operator's rule reusing a bundled sid silently replaced it (or vanished).
 */
import type { Rule } from './rule.js';
import { ruleKey } from './rule.js';
import type { RuleReportEntry } from './report.js';
import { ruleDuplicateSid, ruleReplacesLoadedSid } from './errors.js';

/** sids Snort reserves for a vendor's own rules that Warden's bundled set uses (README "sid range"). */
const BUNDLED_SID_MIN = 9_000_000;
const BUNDLED_SID_MAX = 9_099_999;

const at = (rule: Rule): string => `${rule.location.file}:${rule.location.line}`;

/**
 * A Snort and a Suricata copy of one sid are one vendor rule in two flavours (ET Open publishes both), whose revs are
 * numbered apart: ET's Suricata 5 files restarted many revs, so a 2010 Snort 2.9 copy at rev 8 beats its 2019 Suricata
 * rewrite at rev 7, and on equal revs the file listed first wins. Rev says nothing across flavours; say so on the rule.
 */
function crossFlavourHint(loser: Rule, winner: Rule): string {
  const family = (r: Rule): string => (r.flavour === 'suricata' ? 'suricata' : 'snort');
  if (family(loser) === family(winner)) return '';
  return `; a ${winner.flavour} and a ${loser.flavour} copy of one sid: revs are not comparable across a ruleset's flavours, so load one flavour of it (signatures/README.md, "Two flavours of one ruleset")`;
}

/**
 * `loaded`: rules already in the set, loaded before `rules` (they take part in the resolution but
 * have no entries here). Returns the rules of `rules` that load, in their order; updates `entries`
 * (the report of `rules`) in place.
 */
export function resolveDuplicateSids(rules: readonly Rule[], entries: RuleReportEntry[], loaded: readonly Rule[] = []): Rule[] {
  const winners = new Map<string, Rule>();
  const isLoaded = new Set<Rule>(loaded);
  const losers: Rule[] = [];
  for (const rule of [...loaded, ...rules]) {
    const key = ruleKey(rule);
    const current = winners.get(key);
    if (current === undefined) winners.set(key, rule);
    else if (rule.rev > current.rev) {
      losers.push(current);
      winners.set(key, rule);
    } else losers.push(rule);
  }
  if (losers.length === 0) return [...rules];
  const byLocation = new Map<string, RuleReportEntry>();
  for (const entry of entries) byLocation.set(`${entry.file}:${entry.line}`, entry);
  for (const loser of losers) {
    const key = ruleKey(loser);
    const winner = winners.get(key)!;
    if (isLoaded.has(loser)) {
      // The rule being imported wins over one already in the set: it loads, with a warning saying what it replaces.
      const entry = byLocation.get(at(winner));
      if (entry === undefined) continue;
      const hint = loser.gid === 1 && loser.sid >= BUNDLED_SID_MIN && loser.sid <= BUNDLED_SID_MAX ? `; sids ${BUNDLED_SID_MIN}-${BUNDLED_SID_MAX} are Warden's bundled rules, use ${BUNDLED_SID_MAX + 1} and up for local rules` : '';
      // Messages, not errors: a pack set loaded beside an older build of itself has thousands of these, and
      // making each an Error (its stack captured) cost ~50 ms of a reload on the event loop.
      const message = ruleReplacesLoadedSid.messageOf(key, winner.rev, at(loser), loser.rev, hint);
      if (entry.status === 'accepted' || entry.status === 'warning') {
        entry.reason = entry.reason ? `${entry.reason}; ${message}` : message;
        entry.status = 'warning';
        entry.code = ruleReplacesLoadedSid.code;
      }
      continue;
    }
    const entry = byLocation.get(at(loser));
    if (entry === undefined) continue;
    entry.status = 'rejected';
    entry.reason = ruleDuplicateSid.messageOf(key, loser.rev, at(winner), winner.rev, crossFlavourHint(loser, winner));
    entry.code = ruleDuplicateSid.code;
  }
  const kept = new Set(winners.values());
  return rules.filter((r) => kept.has(r));
}
