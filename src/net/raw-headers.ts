/** The first value of a header in Node's flat `rawHeaders` (name, value, name, value…), by lower-case name. */
export function headerValue(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === lowerName) return rawHeaders[i + 1];
  return undefined;
}
