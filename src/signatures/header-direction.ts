/**
 * Which networks a header's address spec names, read by variable name rather than by value.
 *
 * Warden sees one kind of traffic: a client's request to the upstream it protects. In Snort's and
 * Suricata's terms the protected servers are `$HOME_NET` (and the `$*_SERVERS` variables built on it),
 * and `$EXTERNAL_NET` is everything else (`!$HOME_NET` in snort.yaml and suricata.yaml). A rule whose
 * destination is `$EXTERNAL_NET` or `!$HOME_NET` describes a request leaving the protected network
 * (malware check-ins, a client-side exploit kit, a user's browser): a sensor with HOME_NET set to the
 * servers never matches it against traffic to them. For a proxy both variables default to `any` (the
 * operator seldom knows the addresses clients connect from), so the values cannot tell the two
 * apart and the names must.
 */
import { splitTopLevel, type VariableTable } from './variables.js';

/** `home`: only the protected servers; `outside`: only hosts outside them; `other`: anything else. */
export type NetworkSide = 'home' | 'outside' | 'other';

interface NamedAtom {
  side: NetworkSide;
  negated: boolean;
}

const MAX_DEPTH = 16;

export function namedNetworkSide(spec: string, variables: VariableTable): NetworkSide {
  const atoms: NamedAtom[] = [];
  collect(spec, variables, false, 0, atoms);
  const included = atoms.filter((a) => !a.negated);
  if (included.length > 0) {
    // `[$EXTERNAL_NET,!203.0.113.9]` is still outside; `[$HOME_NET,$EXTERNAL_NET]` is neither.
    const first = included[0].side;
    return included.every((a) => a.side === first) ? first : 'other';
  }
  // Only exclusions: `!$HOME_NET` is the outside, `!$EXTERNAL_NET` the protected servers.
  if (atoms.some((a) => a.side === 'home')) return 'outside';
  if (atoms.some((a) => a.side === 'outside')) return 'home';
  return 'other';
}

function collect(spec: string, variables: VariableTable, negated: boolean, depth: number, atoms: NamedAtom[]): void {
  if (depth > MAX_DEPTH) return;
  let text = spec.trim();
  while (text.startsWith('!')) {
    negated = !negated;
    text = text.slice(1).trim();
  }
  if (text.startsWith('[') && text.endsWith(']')) {
    for (const item of splitTopLevel(text.slice(1, -1))) collect(item, variables, negated, depth + 1, atoms);
    return;
  }
  const variable = /^\$(?:\(([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?\)|([A-Za-z_][A-Za-z0-9_]*))$/.exec(text);
  if (variable) {
    const name = variable[1] ?? variable[3];
    // The two names are the terms of the question, whatever the operator set them to.
    if (name === 'HOME_NET') return void atoms.push({ side: 'home', negated });
    if (name === 'EXTERNAL_NET') return void atoms.push({ side: 'outside', negated });
    const value = variables.get(name) ?? variable[2];
    if (value === undefined) return void atoms.push({ side: 'other', negated });
    collect(value, variables, negated, depth + 1, atoms);
    return;
  }
  atoms.push({ side: 'other', negated });
}
