import { resolveSecretPath, secretText } from '../access/secret.js';
import type { AlertsConfig, WebhookHeaderValue } from './config.js';
import { alertsSecretUnavailable } from './errors.js';

/** A header value may not carry a line break or another control character but tab (header injection; undici refuses them). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

/**
 * One webhook header's value: as written, or read from an environment variable or a file (its
 * surrounding whitespace, the newline an editor adds, is not part of it). Read when the sinks are built
 * (start-up, a reload that changes `alerts`), so a rotated token takes effect on reload; never on the
 * delivery path. A missing variable, an unreadable or empty file, or a value with a line break is
 * refused with the path of the key (`alerts.sinks[0].headers.Authorization.env: ...`).
 */
export function headerValueOf(value: WebhookHeaderValue, path: string): string {
  if (typeof value === 'string') return value;
  const text = secretText(value);
  if (typeof text !== 'string') throw alertsSecretUnavailable(`${path}.${text.key}`, 'file' in value ? `${value.file}: ${text.reason}` : text.reason);
  if (hasControl(text)) throw alertsSecretUnavailable(`${path}.${'file' in value ? 'file' : 'env'}`, 'the value holds a line break or another control character');
  return text;
}

/** Every header of one webhook sink, secrets read. */
export function webhookHeadersOf(headers: Record<string, WebhookHeaderValue>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = headerValueOf(value, `${path}.${name}`);
  return out;
}

/** Reads every webhook header secret of `alerts` once, so a reload can refuse before it changes anything. */
export function checkAlertSecrets(alerts: AlertsConfig): void {
  alerts.sinks.forEach((sink, i) => {
    if (sink.type === 'webhook') webhookHeadersOf(sink.headers, `alerts.sinks[${i}].headers`);
  });
}

/** Header secret files taken relative to the config file's directory, as access's secret files are. */
export function resolveAlertSecretPaths(alerts: AlertsConfig, baseDir: string): AlertsConfig {
  const sinks = alerts.sinks.map((sink) => {
    if (sink.type !== 'webhook') return sink;
    const headers = Object.fromEntries(Object.entries(sink.headers).map(([name, v]) => [name, typeof v === 'string' ? v : resolveSecretPath(v, baseDir)]));
    return { ...sink, headers };
  });
  return { ...alerts, sinks };
}
