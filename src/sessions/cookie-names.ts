/** ASCII lower-casing of one char code (cookie names are tokens: nothing outside ASCII needs folding). */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Whether `text[start, start + name.length)` equals `name` (already lower-case), ignoring ASCII case. */
function spanEquals(text: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (lower(text.charCodeAt(start + i)) !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether a header name is `Cookie` in any case, without lower-casing a copy of it. */
export function isCookieHeader(name: string): boolean {
  return name.length === 6 && spanEquals(name, 0, 'cookie');
}

/**
 * The configured session cookie names (`sessions.cookies`): exact names, and prefixes written
 * `NAME*` (classic ASP's `ASPSESSIONIDxxxxxxxx`). Compared without regard to ASCII case: an
 * application server that reads names case-insensitively must not be handed `phpsessid=` unchecked.
 * `matchesSpan` looks at a name where it sits in a Cookie header, so a request whose cookies are none
 * of these allocates nothing.
 */
export class SessionCookieNames {
  private readonly byLength = new Map<number, string[]>();
  private readonly prefixes: string[] = [];

  constructor(names: readonly string[]) {
    for (const raw of names) {
      const name = raw.toLowerCase();
      if (name.endsWith('*')) this.prefixes.push(name.slice(0, -1));
      else {
        const same = this.byLength.get(name.length);
        if (same === undefined) this.byLength.set(name.length, [name]);
        else same.push(name);
      }
    }
  }

  /** Whether `text[start, end)` is a session cookie name as written (no decoding). */
  matchesSpan(text: string, start: number, end: number): boolean {
    const length = end - start;
    const same = this.byLength.get(length);
    if (same !== undefined) for (const name of same) if (spanEquals(text, start, name)) return true;
    for (const prefix of this.prefixes) if (length >= prefix.length && spanEquals(text, start, prefix)) return true;
    return false;
  }

  matches(name: string): boolean {
    return this.matchesSpan(name, 0, name.length);
  }
}

/**
 * A cookie name as an application may read it: PHP percent-decodes names byte by byte (`%zz` stays
 * as written), so `PHP%53ESSID=x` reaches it as PHPSESSID. Null when there is nothing to decode.
 */
export function decodedCookieName(name: string): string | null {
  if (!name.includes('%')) return null;
  const decoded = name.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded === name ? null : decoded;
}
