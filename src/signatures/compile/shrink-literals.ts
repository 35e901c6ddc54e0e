import { MIN_LITERAL } from './literal-weight.js';

/**
 * A set too big for the prefilter, shrunk by cutting every literal down to a part of it (a part of a
 * necessary literal is necessary too). For a target weight, each literal keeps its shortest parts
 * that weigh that much, the one most of the set shares (` /etc`, `\t/etc` and `+/etc` all keep
 * `/etc`, `curl%20` keeps `cur`), so variants collapse; the heaviest target that fits in `cap` wins, or null.
 */
export function shrinkLiterals(set: string[], cap: number, weigh: (literal: string) => number, score: (set: string[]) => number): string[] | null {
  const heaviest = Math.max(...set.map(weigh));
  for (let target = Math.floor(heaviest); target >= MIN_LITERAL; target--) {
    const partsOf = set.map((s) => lightestParts(s, target, weigh));
    const shared = new Map<string, number>();
    for (const parts of partsOf) for (const w of new Set(parts)) shared.set(w, (shared.get(w) ?? 0) + 1);
    const cut = new Set<string>();
    for (const parts of partsOf) {
      let pick = parts[0];
      for (const w of parts) if ((shared.get(w) ?? 0) > (shared.get(pick) ?? 0)) pick = w;
      cut.add(pick);
    }
    if (cut.size <= cap && score([...cut]) >= 0) return [...cut];
  }
  return null;
}

/**
 * Whether a part of `s` ending at `j` would end inside a percent-escape (`python%` or `python%2` of `python%20`):
 * literalWeight reads a `%` that ends a literal as the char itself, which a cut escape is not (`max%` of `max%28`
 * is in every `max%20`, and would have outweighed `max%28`).
 */
function cutsEscape(s: string, j: number): boolean {
  const hex = (k: number): boolean => k < s.length && /[0-9a-f]/i.test(s[k]);
  return (s[j - 1] === '%' && hex(j) && hex(j + 1)) || (j >= 2 && s[j - 2] === '%' && hex(j - 1) && hex(j));
}

/** The substrings of `s` that weigh at least `target` and have no shorter such substring at their start; `s` itself when none does. */
function lightestParts(s: string, target: number, weigh: (literal: string) => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    for (let j = i + 1; j <= s.length; j++) {
      if (cutsEscape(s, j)) continue;
      if (weigh(s.slice(i, j)) >= target) {
        out.push(s.slice(i, j));
        break;
      }
    }
  }
  return out.length > 0 ? out : [s];
}
