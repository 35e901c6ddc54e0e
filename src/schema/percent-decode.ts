/**
 * Percent-decoding of one already-split component. Returns null on malformed escapes or invalid
 * UTF-8 so the caller can report the field instead of guessing what the upstream will make of it.
 */
export function decodeComponent(raw: string): string | null {
  if (raw.indexOf('%') === -1) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Query and form components: `+` is a space (application/x-www-form-urlencoded). */
export function decodeFormComponent(raw: string): string | null {
  return decodeComponent(raw.indexOf('+') === -1 ? raw : raw.replace(/\+/g, ' '));
}

/** Header and cookie values are not percent-encoded by any OpenAPI style. */
export function keepText(raw: string): string {
  return raw;
}
