/** Cookie pairs from the (joined) Cookie header: `a=1; b=2`. Values keep their text; names are trimmed. */
export function parseCookiePairs(header: string | undefined): { names: string[]; values: string[] } {
  const names: string[] = [];
  const values: string[] = [];
  if (header === undefined || header === '') return { names, values };
  for (const piece of header.split(';')) {
    const eq = piece.indexOf('=');
    if (eq === -1) continue;
    names.push(piece.slice(0, eq).trim());
    let value = piece.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.push(value);
  }
  return { names, values };
}
