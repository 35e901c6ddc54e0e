import type { Alert } from './alert.js';
import { sinkNameOf, type AlertsConfig } from './config.js';
import { DeliveryQueue, type DeliveryEvents } from './delivery-queue.js';
import type { AlertSink } from './sink.js';
import { createSyslogSink } from './syslog-sink.js';
import { createWebhookSink } from './webhook-sink.js';

/** The log lines delivery writes (a pino logger, or the cluster primary's stderr). */
export interface AlertLog {
  warn(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
}

/** The counters delivery feeds (src/log/metrics.ts AlertMetrics). */
export interface AlertCounters {
  deliveries: { inc(labels: { sink: string; outcome: 'sent' | 'failed' | 'dropped' }): void };
}

export function createSinks(config: AlertsConfig): AlertSink[] {
  return config.sinks.map((s, i) =>
    s.type === 'webhook' ? createWebhookSink(s, sinkNameOf(s, i), config.delivery.timeoutMs, `alerts.sinks[${i}]`) : createSyslogSink(s, sinkNameOf(s, i)),
  );
}

/**
 * Fans each alert out to every sink's queue. A sink that fails is logged when it starts failing and
 * when it recovers, not once per alert, so a dead webhook does not flood the log either.
 */
export class AlertDispatcher {
  readonly queues: DeliveryQueue[];
  private readonly failing = new Set<string>();

  constructor(config: AlertsConfig, counters: AlertCounters, log: AlertLog, sinks: AlertSink[] = createSinks(config)) {
    const events: DeliveryEvents = {
      sent: (sink) => {
        counters.deliveries.inc({ sink, outcome: 'sent' });
        if (this.failing.delete(sink)) log.info({ event: 'alert-delivery', sink, outcome: 'recovered' }, `alert sink ${sink} delivers again`);
      },
      failed: (sink, code, reason) => {
        counters.deliveries.inc({ sink, outcome: 'failed' });
        if (!this.failing.has(sink)) {
          this.failing.add(sink);
          log.warn({ event: 'alert-delivery', sink, outcome: 'failed', code, reason }, `alert sink ${sink} failed after ${config.delivery.attempts} tries: ${reason}`);
        }
      },
      dropped: (sink) => counters.deliveries.inc({ sink, outcome: 'dropped' }),
    };
    this.queues = sinks.map((sink) => new DeliveryQueue(sink, config.delivery, events));
  }

  send(alert: Alert): void {
    for (const q of this.queues) q.push(alert);
  }

  async close(graceMs = 1_000): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close(graceMs)));
  }
}
