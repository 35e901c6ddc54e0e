/**
 * The one redaction stage every log sink goes through (traffic log, decision log, retraining reads):
 * secrets are found by **name** (a header, query/form/JSON/XML/multipart field or `key: value` line
 * whose name is on the policy's list) and by **value** (Luhn-valid card numbers, JWTs, bearer/basic
 * credentials, PEM private keys, AWS access key ids) wherever they appear, in every body shape —
 * including malformed or truncated JSON, text and unknown content types, which are redacted as text.
 */
export interface RedactionPolicy {
  /** Header names (lower case); `*` is a wildcard (`x-*-token`). */
  headers: ReadonlySet<string>;
  /**
   * Field names (lower case). A pattern with `*` is a glob matched against each segment of the name
   * (`cc_*` matches `payment[cc_number]`); a pattern of 5+ characters also matches inside a segment
   * (`password` in `newPassword`); a shorter one (`pass`, `pwd`, `auth`, `card`, `ssn`) matches whole
   * words only (`x-auth-token`, `cardNumber`, but not `passenger` or `author`).
   */
  fields: readonly string[];
}

export const REDACTED = '[REDACTED]';

/** The names every deployment should redact (config defaults in src/config/schema.ts). */
export const DEFAULT_REDACTED_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-*-token', 'x-*-key', 'x-auth*'];
export const DEFAULT_REDACTED_FIELDS = [
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'auth', 'authorization', 'credential',
  'card', 'creditcard', 'cardnumber', 'cc_*', 'ccnum', 'cvv', 'cvc', 'ssn', 'api_key', 'apikey', 'access_token',
  'refresh_token', 'private_key', 'privatekey', 'session', 'sessionid',
];

interface CompiledPolicy {
  globs: RegExp[];
  words: Set<string>;
  /** Long patterns, separators removed, matched inside a segment. */
  inner: string[];
  headerExact: ReadonlySet<string>;
  headerGlobs: RegExp[];
}

const compiled = new WeakMap<RedactionPolicy, CompiledPolicy>();

function globRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`);
}

const squash = (s: string): string => s.replace(/[^a-z0-9]/g, '');

function compile(policy: RedactionPolicy): CompiledPolicy {
  let c = compiled.get(policy);
  if (c !== undefined) return c;
  const globs: RegExp[] = [];
  const words = new Set<string>();
  const inner: string[] = [];
  for (const raw of policy.fields) {
    const f = raw.toLowerCase();
    if (f.includes('*')) globs.push(globRegex(f));
    else {
      words.add(f);
      if (squash(f).length >= 5) inner.push(squash(f));
    }
  }
  const headerGlobs: RegExp[] = [];
  for (const h of policy.headers) if (h.includes('*')) headerGlobs.push(globRegex(h.toLowerCase()));
  c = { globs, words, inner, headerExact: policy.headers, headerGlobs };
  compiled.set(policy, c);
  return c;
}

const SEGMENTS = /[.[\]"'/@:]+/;
const WORD_SPLIT = /[^a-z0-9]+/;

/** Whether a field name (`password`, `user.newPassword`, `payment[cc_number]`, `X-Auth-Token`) names a secret. */
export function secretField(name: string, policy: RedactionPolicy): boolean {
  if (name === '') return false;
  const c = compile(policy);
  for (const segment of name.split(SEGMENTS)) {
    if (segment === '') continue;
    // camelCase → camel_case, so `cardNumber` has the word `card`.
    const lower = segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    const plain = segment.toLowerCase();
    for (const g of c.globs) if (g.test(plain) || g.test(lower)) return true;
    if (c.words.has(plain)) return true;
    for (const w of lower.split(WORD_SPLIT)) if (c.words.has(w)) return true;
    if (c.inner.length > 0) {
      const squashed = squash(plain);
      for (const w of c.inner) if (squashed.includes(w)) return true;
    }
  }
  return false;
}

/** Whether a header is a credential: on the header list (globs allowed) or secret-named like a field. */
export function secretHeader(name: string, policy: RedactionPolicy): boolean {
  const lower = name.toLowerCase();
  const c = compile(policy);
  if (c.headerExact.has(lower)) return true;
  for (const g of c.headerGlobs) if (g.test(lower)) return true;
  return secretField(lower, policy);
}

// Secrets recognisable by their value, whatever field carries them.
const AWS_KEY_PREFIXES = 'AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA';
const SECRET_VALUE = new RegExp(
  [
    '-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)',
    'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*',
    '\\b(?:Bearer|Basic|Token|Digest)(?:\\s|%20|\\+)+[A-Za-z0-9._~+/=%-]{12,}',
    `\\b(?:${AWS_KEY_PREFIXES})[A-Z0-9]{16}\\b`,
    '(?<![0-9])(?:[0-9](?:[ -]|%20|\\+)?){12,18}[0-9](?![0-9])',
  ].join('|'),
  'g',
);
const QUICK = /[0-9]{4}|eyJ|earer|asic|oken|igest|PRIVATE KEY|A[KSBCGIPNR][A-Z]A/;

/** Luhn check of the digits in `text` (13 to 19 of them). */
export function luhnValid(text: string): boolean {
  let sum = 0;
  let count = 0;
  let double = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let d = c - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
    count++;
  }
  return count >= 13 && count <= 19 && sum % 10 === 0;
}

function replaceSecretValue(match: string): string {
  const c = match.charCodeAt(0);
  if (c >= 48 && c <= 57) return luhnValid(match) ? REDACTED : match;
  const scheme = /^(Bearer|Basic|Token|Digest)((?:\s|%20|\+)+)/.exec(match);
  if (scheme !== null) {
    // A credential has digits, mixed case or length; `Basic authentication` in prose has none of them.
    const credential = match.slice(scheme[0].length);
    const looksRandom = /[0-9]/.test(credential) || /[a-z].*[A-Z]|[A-Z].*[a-z]/.test(credential.slice(1)) || credential.length >= 20;
    return looksRandom ? `${scheme[1]}${scheme[2]}${REDACTED}` : match;
  }
  return REDACTED;
}

/** Replaces secrets recognisable by their value (card numbers, JWTs, credentials, private keys, AWS keys). */
export function redactValues(text: string): string {
  if (text.length < 13 || !QUICK.test(text)) return text;
  SECRET_VALUE.lastIndex = 0;
  return text.replace(SECRET_VALUE, replaceSecretValue);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function redactHeaders(headers: ReadonlyArray<readonly [string, string]>, policy: RedactionPolicy): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const kept = secretHeader(lower, policy) ? REDACTED : redactValues(value);
    out[lower] = out[lower] === undefined ? kept : `${out[lower]}${lower === 'cookie' ? '; ' : ', '}${kept}`;
  }
  return out;
}

/** Redacts `a=b&c=d` pairs in place (secret names, and values that decode to a secret), keeping everything else byte-for-byte. */
export function redactUrlEncoded(text: string, policy: RedactionPolicy): string {
  if (text === '') return text;
  let changed = false;
  const parts = text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) {
      const cleaned = redactValues(safeDecode(pair));
      if (cleaned === safeDecode(pair)) return pair;
      changed = true;
      return encodeURIComponent(cleaned);
    }
    const name = safeDecode(pair.slice(0, eq));
    if (secretField(name, policy)) {
      changed = true;
      return `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}`;
    }
    const value = safeDecode(pair.slice(eq + 1));
    const cleaned = redactValues(value);
    if (cleaned === value) return pair;
    changed = true;
    return `${pair.slice(0, eq)}=${encodeURIComponent(cleaned)}`;
  });
  return changed ? parts.join('&') : text;
}

/** A request path or URL: the query by field, the path by value (a JWT in `/reset/<token>`). */
export function redactUrl(url: string, policy: RedactionPolicy): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const decoded = safeDecode(path);
  const cleanPath = redactValues(decoded) === decoded ? path : redactValues(decoded);
  return q < 0 ? cleanPath : `${cleanPath}?${redactUrlEncoded(url.slice(q + 1), policy)}`;
}

function redactJsonValue(value: unknown, policy: RedactionPolicy, depth: number): unknown {
  if (typeof value === 'string') return redactValues(value);
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactJsonValue(v, policy, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretField(k, policy) ? REDACTED : redactJsonValue(v, policy, depth + 1);
  return out;
}

// Name/value shapes found in any text: what a malformed JSON, a text/plain body, an XML document or a
// multipart body without its boundary still says about which value is a secret.
const MULTIPART_PART = /(Content-Disposition:[^\r\n]*?\bname="([^"\r\n]*)"[^\r\n]*(?:\r?\n[^\r\n]+)*\r?\n\r?\n)([\s\S]*?)(?=\r?\n--|$)/gi;
const JSON_PAIR = /("((?:[^"\\\r\n]|\\.){1,128})"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]]+)/g;
const XML_ELEMENT = /(<([A-Za-z_][\w:.-]{0,127})(?:\s[^<>]*)?>)([^<]*)/g;
const QUOTED_ATTRIBUTE = /(\b([A-Za-z_][\w:.-]{0,127})\s*=\s*)("[^"]*"?|'[^']*'?)/g;
const KV_PAIR = /((?:^|[&?;,\s{(])([A-Za-z0-9_.\-[\]%+]{1,128})=)([^&\s;,"']*)/g;
const COLON_LINE = /((?:^|[\r\n])[ \t]*([A-Za-z0-9_.-]{1,128})[ \t]*:[ \t]*)([^\r\n]*)/g;

/** Redacts the secrets a text names, whatever its format, then the secrets recognisable by value. */
export function redactText(text: string, policy: RedactionPolicy): string {
  const byName = (quote: boolean) => (whole: string, head: string, name: string, value: string): string => {
    if (value === '' || !secretField(safeDecode(name), policy)) return whole;
    if (quote && (value[0] === '"' || value[0] === "'")) return `${head}${value[0]}${REDACTED}${value[0]}`;
    return `${head}${REDACTED}`;
  };
  let out = text;
  if (out.includes('name=')) out = out.replace(MULTIPART_PART, byName(false));
  if (out.includes('"')) out = out.replace(JSON_PAIR, byName(true));
  if (out.includes('<')) out = out.replace(XML_ELEMENT, byName(false));
  if (out.includes('=')) {
    out = out.replace(QUOTED_ATTRIBUTE, byName(true));
    out = out.replace(KV_PAIR, byName(false));
  }
  if (out.includes(':')) out = out.replace(COLON_LINE, byName(false));
  return redactValues(out);
}

function looksLikeForm(body: string): boolean {
  return /^[A-Za-z0-9_.\-~%+*[\]]+=[^&\s]*(?:&[A-Za-z0-9_.\-~%+*[\]]+=[^&\s]*)*&?$/.test(body);
}

/**
 * Redacts a body of any media type. Forms and valid JSON (declared or not) field by field; everything
 * else — multipart, XML, text, malformed or truncated JSON, unknown types — as text, so a body that
 * does not parse is no way around redaction.
 */
export function redactBody(body: string, contentType: string, policy: RedactionPolicy): string {
  if (body === '') return body;
  if (contentType === 'application/x-www-form-urlencoded' || (body.length <= 1_048_576 && looksLikeForm(body))) {
    return redactUrlEncoded(body, policy);
  }
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(redactJsonValue(JSON.parse(body), policy, 0));
    } catch {
      // Malformed or truncated: redacted as text below.
    }
  }
  return redactText(body, policy);
}

/**
 * A log line's fields before they are written (pino `formatters.log`): URLs by query field, strings by
 * value, secret-named keys, and the message of a reason whose target field is secret-named (the model
 * quotes the form it scored).
 */
export function redactLogObject<T>(value: T, policy: RedactionPolicy, depth = 0): T {
  if (typeof value === 'string') return redactValues(value) as T;
  if (value === null || typeof value !== 'object' || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v) => redactLogObject(v, policy, depth + 1)) as T;
  if (Buffer.isBuffer(value) || value instanceof Error) return value;
  const input = value as Record<string, unknown>;
  const target = input.target as { name?: unknown } | undefined;
  const secretTarget = target !== undefined && target !== null && typeof target.name === 'string' && secretField(target.name, policy);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (typeof v === 'string') {
      if ((k === 'url' || k === 'path') && v !== '') out[k] = redactUrl(v, policy);
      else if ((k === 'message' || k === 'form') && secretTarget) out[k] = REDACTED;
      else if (secretField(k, policy)) out[k] = REDACTED;
      else out[k] = redactValues(v);
    } else out[k] = redactLogObject(v, policy, depth + 1);
  }
  return out as T;
}

/** The policy of every sink, from the config's lists (`logging.traffic.redactHeaders` / `redactFields`). */
export function redactionPolicyOf(lists: { redactHeaders: readonly string[]; redactFields: readonly string[] }): RedactionPolicy {
  return { headers: new Set(lists.redactHeaders.map((h) => h.toLowerCase())), fields: lists.redactFields.map((f) => f.toLowerCase()) };
}
