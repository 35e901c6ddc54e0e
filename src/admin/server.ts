import fastify, { type FastifyInstance } from 'fastify';
import type { WardenMetrics } from '../log/metrics.js';
import { parseHostPort } from '../config/load-config.js';

export interface AdminDeps {
  metrics: WardenMetrics;
  /** Rebuilds rules, model and schema; resolves with what changed, rejects when the old set stays in force. */
  reload(): Promise<Record<string, string>>;
  status(): Record<string, unknown>;
}

/**
 * The admin listener (fastify): health, readiness, Prometheus metrics, hot reload. It listens on its
 * own address (loopback by default) so nothing of it is reachable through the proxied port.
 */
export function createAdminServer(deps: AdminDeps): FastifyInstance {
  const app = fastify({ logger: false });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async () => ({ ok: true, ...deps.status() }));
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
  app.post('/reload', async (_req, reply) => {
    try {
      return { ok: true, reloaded: await deps.reload() };
    } catch (err) {
      reply.status(422);
      return { ok: false, error: (err as { code?: string }).code ?? 'WARDEN_RELOAD_FAILED', message: (err as Error).message };
    }
  });
  return app;
}

export async function listenAdmin(app: FastifyInstance, address: string): Promise<string> {
  const { host, port } = parseHostPort(address);
  return app.listen({ host, port });
}
