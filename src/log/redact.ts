/** Removes secrets from what the traffic log keeps: credentials in headers, secret-named fields in query, form and JSON. */
export interface RedactionPolicy {
  headers: ReadonlySet<string>;
  /** Lower-case substrings: a field whose name contains one is redacted (`password`, `access_token`...). */
  fields: readonly string[];
}

export const REDACTED = '[REDACTED]';

export function secretField(name: string, policy: RedactionPolicy): boolean {
  const lower = name.toLowerCase();
  for (const f of policy.fields) if (lower.includes(f)) return true;
  return false;
}

export function redactHeaders(headers: ReadonlyArray<readonly [string, string]>, policy: RedactionPolicy): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const kept = policy.headers.has(lower) ? REDACTED : value;
    out[lower] = out[lower] === undefined ? kept : `${out[lower]}${lower === 'cookie' ? '; ' : ', '}${kept}`;
  }
  return out;
}

/** Redacts `a=b&c=d` pairs in place, keeping everything else byte-for-byte. */
export function redactUrlEncoded(text: string, policy: RedactionPolicy): string {
  if (text === '') return text;
  let changed = false;
  const parts = text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    let name: string;
    try {
      name = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '));
    } catch {
      name = pair.slice(0, eq);
    }
    if (!secretField(name, policy)) return pair;
    changed = true;
    return `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}`;
  });
  return changed ? parts.join('&') : text;
}

function redactJsonValue(value: unknown, policy: RedactionPolicy, depth: number): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactJsonValue(v, policy, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretField(k, policy) ? REDACTED : redactJsonValue(v, policy, depth + 1);
  return out;
}

/** Redacts a body by its media type; unparsable JSON is kept as-is (it is itself evidence). */
export function redactBody(body: string, contentType: string, policy: RedactionPolicy): string {
  if (contentType === 'application/x-www-form-urlencoded') return redactUrlEncoded(body, policy);
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    try {
      return JSON.stringify(redactJsonValue(JSON.parse(body), policy, 0));
    } catch {
      return body;
    }
  }
  return body;
}
