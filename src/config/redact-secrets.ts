import { REDACTED } from '../log/redact.js';
import type { WardenConfig } from './types.js';

/** What a secret is printed as: the logs' marker, so one search finds every redacted spot. */
export { REDACTED };

/** `scheme://` then an authority: only such strings are read as URLs (a path or a CIDR is left alone). */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i;

/**
 * A URL without what can authenticate: the userinfo (`redis://:password@host`, `https://token@host`)
 * and every query value (`?api_key=...`, names kept). With `wholePath`, the path too: a Slack, Teams
 * or Discord incoming-webhook URL is itself the credential (`/services/T0/B0/<secret>`).
 */
export function redactUrl(text: string, wholePath = false): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.username === '' && url.password === '' && url.search === '' && !(wholePath && url.pathname !== '/' && url.pathname !== '')) return text;
  // Built by hand: URL would percent-encode the brackets of the marker.
  const host = url.host === '' ? '' : url.host;
  const auth = url.username !== '' || url.password !== '' ? `${REDACTED}@` : '';
  const path = wholePath && url.pathname !== '/' && url.pathname !== '' ? `/${REDACTED}` : url.pathname;
  let query = '';
  if (url.search !== '') {
    const names = [...new Set(url.searchParams.keys())];
    query = wholePath ? '' : `?${names.map((n) => `${encodeURIComponent(n)}=${REDACTED}`).join('&')}`;
  }
  return `${url.protocol}//${auth}${host}${path}${query}`;
}

/** Every string of a value with URLs stripped of their credentials (a copy; plain data only). */
function redactUrlsDeep(value: unknown): unknown {
  if (typeof value === 'string') return URL_LIKE.test(value) ? redactUrl(value) : value;
  if (Array.isArray(value)) return value.map(redactUrlsDeep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactUrlsDeep(v);
    return out;
  }
  return value;
}

/**
 * The effective config as `warden config check` prints it, with every secret the file may hold
 * inline replaced by `[REDACTED]`:
 * - alert webhook sinks: each header's value (an `Authorization`, a signing key; a `{ env | file }`
 *   source is a reference and stays), and the URL's path and query (incoming-webhook URLs are the secret);
 * - the API keys' `sha256:` hashes (`warden keys list` never shows them either: a hash of a weak key can be brute-forced);
 * - any URL's userinfo and query values (a Redis URL with a password, a JWKS URL with a token).
 * File paths (TLS keys, secret files) and env variable names are not secrets and stay.
 */
export function redactConfigSecrets(config: WardenConfig): unknown {
  const copy = redactUrlsDeep(config) as WardenConfig;
  const sinks = (copy.alerts?.sinks ?? []) as unknown as Record<string, unknown>[];
  const original = (config.alerts?.sinks ?? []) as unknown as Record<string, unknown>[];
  sinks.forEach((sink, i) => {
    if (sink.type !== 'webhook') return;
    if (typeof original[i]?.url === 'string') sink.url = redactUrl(original[i].url as string, true);
    const headers = sink.headers;
    if (typeof headers === 'object' && headers !== null) {
      sink.headers = Object.fromEntries(Object.entries(headers).map(([name, v]) => [name, typeof v === 'string' ? REDACTED : v]));
    }
  });
  const keys = copy.access?.apiKeys?.keys;
  if (Array.isArray(keys)) for (const k of keys) if (typeof k.hash === 'string') k.hash = REDACTED;
  return copy;
}
