import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleAlert } from '../../src/alerts/alert.js';
import { AlertDispatcher } from '../../src/alerts/dispatcher.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { AlertMetrics } from '../../src/log/metrics.js';
import { Registry } from 'prom-client';
import { closedPort, startWebhook, waitUntil } from './receivers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

function dispatcherFor(url: string, delivery: Record<string, number>) {
  const alerts = validateWardenConfig({ alerts: { sinks: [{ type: 'webhook', url }], delivery } }).alerts;
  const registry = new Registry();
  const metrics = new AlertMetrics(registry);
  const lines: { fields: Record<string, unknown>; msg: string }[] = [];
  const log = { warn: (fields: object, msg: string) => lines.push({ fields: fields as Record<string, unknown>, msg }), info: () => undefined };
  const dispatcher = new AlertDispatcher(alerts, metrics, log);
  closers.push(() => dispatcher.close(0));
  const count = async (outcome: string): Promise<number> =>
    (await metrics.deliveries.get()).values.filter((v) => v.labels.outcome === outcome).reduce((a, v) => a + v.value, 0);
  return { dispatcher, count, lines };
}

describe('alert delivery', () => {
  it('retries a failing webhook with back-off and counts it sent once it answers 2xx', async () => {
    const rx = await startWebhook('ok', 2);
    closers.push(rx.close);
    const { dispatcher, count } = dispatcherFor(rx.url, { attempts: 4, backoffMs: 20, timeoutMs: 2000 });
    dispatcher.send(sampleAlert('h'));
    await waitUntil(() => rx.bodies.length === 3, 5_000, 'three tries');
    await waitUntil(() => dispatcher.queues[0].depth === 0);
    await expect.poll(() => count('sent')).toBe(1);
    expect(await count('failed')).toBe(0);
  });

  it('gives up on a dead webhook (closed port) after its tries, counts it failed and logs it once, not per alert', async () => {
    const port = await closedPort();
    const { dispatcher, count, lines } = dispatcherFor(`http://127.0.0.1:${port}/hook`, { attempts: 2, backoffMs: 10, timeoutMs: 1000 });
    for (let i = 0; i < 3; i++) dispatcher.send(sampleAlert('h'));
    await expect.poll(() => count('failed'), { timeout: 5_000 }).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0].fields).toMatchObject({ sink: 'webhook#1', code: 'WARDEN_ALERTS_DELIVERY_FAILED' });
  });

  it('bounds each try of a webhook that never answers, and keeps at most queueSize alerts waiting (the oldest dropped and counted)', async () => {
    const rx = await startWebhook('silent');
    closers.push(rx.close);
    const queueSize = 10;
    const { dispatcher, count } = dispatcherFor(rx.url, { attempts: 1, timeoutMs: 300, queueSize });
    const pushes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      dispatcher.send(sampleAlert('h'));
      pushes.push(performance.now() - t);
    }
    // send() only stores: it never waits for the hung receiver.
    pushes.sort((a, b) => a - b);
    expect(pushes[Math.floor(pushes.length / 2)]).toBeLessThan(0.5);
    expect(dispatcher.queues[0].depth).toBeLessThanOrEqual(queueSize);
    // One in flight, queueSize waiting, the rest dropped as they arrived.
    expect(await count('dropped')).toBe(200 - 1 - queueSize);
    // The first try ends at its timeout, as a failure with the timeout code.
    await expect.poll(() => count('failed'), { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
    expect(rx.hits()).toBeGreaterThanOrEqual(1);
  });

  it('counts what is still queued at close as dropped, within the grace time', async () => {
    const rx = await startWebhook('silent');
    closers.push(rx.close);
    const { dispatcher, count } = dispatcherFor(rx.url, { attempts: 1, timeoutMs: 5_000, queueSize: 5 });
    for (let i = 0; i < 4; i++) dispatcher.send(sampleAlert('h'));
    const started = performance.now();
    await dispatcher.close(100);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The one in flight is cut short, the three waiting never go: all four left at stop.
    expect(await count('dropped')).toBe(4);
    expect(await count('failed')).toBe(0);
  });
});
