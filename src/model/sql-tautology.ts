/**
 * `1=1`, `'a'='a'`, `x = x`, `2>1`: a comparison no quoted statement or pasted program makes, and what an injection
 * into a numeric or boolean SQL context needs (quoted-code.ts, quoted-program.ts).
 */
export function hasTautology(text: string): boolean {
  const re = /(\b\w+\b|'[^']*')\s*(=|<>|!=|>=|<=|>|<|\blike\b)\s*(\b\w+\b|'[^']*')/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [, a, op, b] = m;
    if (a.toLowerCase() === b.toLowerCase() && (op === '=' || op.toLowerCase() === 'like')) return true;
    if (/^\d+$/.test(a) && /^\d+$/.test(b)) return true;
    re.lastIndex = m.index + a.length;
  }
  return false;
}
