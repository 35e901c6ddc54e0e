import { Agent, request } from 'undici';
import type { Alert } from './alert.js';
import { slackPayload } from './alert.js';
import type { WebhookSinkConfig } from './config.js';
import { alertDeliveryFailed } from './errors.js';
import { webhookHeadersOf } from './header-secrets.js';
import type { AlertSink } from './sink.js';

/** A response body is read for the error message only, and only this much of it. */
const ERROR_BODY_BYTES = 200;

/**
 * POSTs each alert as JSON (the alert itself, or Slack's incoming-webhook shape). Its own undici
 * agent, so a slow receiver holds only this sink's connection and closing the sink closes it. The URL
 * is never logged or shown: a Slack webhook URL is its own secret.
 */
export function createWebhookSink(config: WebhookSinkConfig, name: string, timeoutMs: number, path = 'alerts.sinks[?]'): AlertSink {
  const url = new URL(config.url);
  // Secrets (`{ env }`, `{ file }`) are read here, before the agent exists: a bad one throws with nothing to close.
  const headers = { ...webhookHeadersOf(config.headers, `${path}.headers`), 'content-type': 'application/json', 'user-agent': 'warden-alerts' };
  const agent = new Agent({ connect: { timeout: timeoutMs }, connections: 1, keepAliveTimeout: 10_000 });
  return {
    name,
    target: `${url.protocol}//${url.host}`,
    async deliver(alert: Alert, signal: AbortSignal): Promise<void> {
      const body = JSON.stringify(config.format === 'slack' ? slackPayload(alert) : alert);
      let res;
      try {
        res = await request(url, { method: 'POST', headers, body, dispatcher: agent, signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw alertDeliveryFailed(name, (err as { code?: string }).code ?? (err as Error).message);
      }
      const text = await res.body.text().catch(() => '');
      if (res.statusCode < 200 || res.statusCode > 299) {
        throw alertDeliveryFailed(name, `HTTP ${res.statusCode}${text === '' ? '' : `: ${text.slice(0, ERROR_BODY_BYTES).replace(/\s+/g, ' ')}`}`);
      }
    },
    // Not close(): that waits for a request in flight, and a receiver that never answers would hold it.
    close: () => agent.destroy(),
  };
}
