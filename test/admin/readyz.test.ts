import { afterEach, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { createAdminServer } from '../../src/admin/server.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

function admin(status: () => Record<string, unknown>): FastifyInstance {
  app = createAdminServer({ metrics: { registry: new Registry() }, reload: async () => ({}), status });
  return app;
}

describe('GET /readyz', () => {
  it('answers 200 while the instance serves', async () => {
    const res = await admin(() => ({ upstream: 'http://127.0.0.1:1', workers: { configured: 2, ready: 1 } })).inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, workers: { ready: 1 } });
  });

  it('answers 503 when the status says not ready (no worker serving), so a health check takes the instance out', async () => {
    const res = await admin(() => ({ ok: false, workers: { configured: 2, ready: 0 } })).inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, workers: { ready: 0 } });
  });
});
