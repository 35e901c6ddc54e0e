/** `rawHeaders` without the fields whose lower-case name `drop` accepts, pairs kept in order. */
export function rawHeadersWithout(rawHeaders: readonly string[], drop: (lowerName: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (!drop(rawHeaders[i].toLowerCase())) out.push(rawHeaders[i], rawHeaders[i + 1]);
  return out;
}

/** The first value of a header in Node's flat `rawHeaders` (name, value, name, value…), by lower-case name. */
export function headerValue(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === lowerName) return rawHeaders[i + 1];
  return undefined;
}
