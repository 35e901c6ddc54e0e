import fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { dirname, join } from 'node:path';
import { WardenError } from '../errors.js';
import type { WardenConfig } from '../config/types.js';
import { parseHostPort } from '../config/load-config.js';
import { readConfigForEdit, saveConfigText } from '../config/config-edit.js';
import { configEditNoFile, configEditNoVersion } from '../config/errors.js';
import { appendLabels, parseLabel } from '../retrain/labels.js';
import { incidentUnknown, trafficLogDisabled } from '../retrain/errors.js';
import { knownIncidents } from '../retrain/incident-lookup.js';
import { adminAuthHook } from './auth.js';

export interface AdminDeps {
  /** This process's registry, or (cluster primary) one whose `metrics()` aggregates every worker. */
  metrics: { registry: Pick<Registry, 'contentType' | 'metrics'> };
  /** Rebuilds rules, model and schema; resolves with what changed, rejects when the old set stays in force. */
  reload(): Promise<Record<string, string>>;
  status(): Record<string, unknown>;
  /** Where `POST /labels` appends operator labels (`<traffic log dir>/labels.ndjson`); absent = no route. */
  labelsFile?: string;
  /** The decision log (`logging.decisions`), searched with the traffic log for the incident ids `POST /labels` is given (default `stdout`: the traffic log alone). */
  decisionLog?: string;
  /** Bearer token every endpoint but /healthz requires (admin.token); null: none (loopback only). */
  token?: string | null;
  /** The config file `GET`/`PUT /config` edit (serve --config); null or absent: no file, the routes answer 404. */
  configFile?: string | null;
}

/**
 * The admin listener (fastify): health, readiness, Prometheus metrics, hot reload. It listens on its
 * own address (loopback by default) so nothing of it is reachable through the proxied port.
 */
export function createAdminServer(deps: AdminDeps): FastifyInstance {
  const app = fastify({ logger: false });
  app.addHook('onRequest', adminAuthHook(deps.token ?? null));
  app.get('/healthz', async () => ({ ok: true }));
  // 503 while not ready (cluster: no worker serving), so a load balancer's health check takes the instance out.
  app.get('/readyz', async (_req, reply) => {
    const status = { ok: true, ...deps.status() };
    if (status.ok !== true) reply.status(503);
    return status;
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
  app.post('/reload', async (_req, reply) => {
    try {
      return { ok: true, reloaded: await deps.reload() };
    } catch (err) {
      // 409: a changed key needs a restart; 422: a file or a worker failed (details: each worker's outcome).
      reply.status(err instanceof WardenError && err.status === 409 ? 409 : 422);
      const details = err instanceof WardenError ? err.details : undefined;
      return { ok: false, error: (err as { code?: string }).code ?? 'WARDEN_RELOAD_FAILED', message: (err as Error).message, ...(details !== undefined ? { details } : {}) };
    }
  });
  registerConfigEditor(app, deps.configFile ?? null);
  const labelsFile = deps.labelsFile;
  if (labelsFile !== undefined) {
    // Same objects as `warden label --file`: one {incidentId, label: benign|attack, note?} or an array.
    app.post('/labels', async (req, reply) => {
      try {
        const items = Array.isArray(req.body) ? (req.body as unknown[]) : [req.body];
        const labels = items.map((v, i) => parseLabel(v, 'admin', `body[${i}]`));
        // As `warden label`: an id in neither log stores nothing (a typo would be a label that matches nothing).
        const { found, searched } = await knownIncidents(labels.map((l) => l.incidentId), dirname(labelsFile), deps.decisionLog ?? 'stdout');
        const unknown = [...new Set(labels.filter((l) => !found.has(l.incidentId)).map((l) => l.incidentId))];
        if (unknown.length > 0) {
          throw incidentUnknown(unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''), searched.length > 0 ? searched.join(', ') : `no log at ${dirname(labelsFile)}`);
        }
        await appendLabels(labelsFile, labels);
        return { ok: true, labelled: labels.length };
      } catch (err) {
        reply.status(err instanceof WardenError ? err.status : 400);
        return { ok: false, error: (err as { code?: string }).code ?? 'WARDEN_RETRAIN_LABEL_INVALID', message: (err as Error).message };
      }
    });
  } else {
    // The route exists either way: a bare 404 reads as a wrong URL, not as "turn the traffic log on".
    app.post('/labels', async (_req, reply) => {
      const err = trafficLogDisabled();
      reply.status(err.status);
      return { ok: false, error: 'traffic_log_disabled', code: err.code, message: err.message };
    });
  }
  return app;
}

/**
 * The config editor's two routes, with optimistic concurrency (src/config/config-edit.ts): `GET /config`
 * answers the file's text and its version as the ETag; `PUT /config` takes the edited text with
 * `If-Match: <that ETag>`, checks it is a valid config, and saves it only if the file is still at that
 * version: 409 WARDEN_CONFIG_EDIT_CONFLICT when another editor (this API, `warden keys`, `rules import`,
 * `rules tune --write`) saved in between, 428 without If-Match. A save does not reload: `POST /reload` does.
 */
function registerConfigEditor(app: FastifyInstance, configFile: string | null): void {
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const refuse = (reply: FastifyReply, err: WardenError, status = err.status): Record<string, unknown> => {
    reply.status(status);
    return { ok: false, error: err.code, message: err.message };
  };
  app.get('/config', async (_req, reply) => {
    if (configFile === null) return refuse(reply, configEditNoFile());
    const { text, version } = await readConfigForEdit(configFile);
    reply.header('etag', `"${version}"`).type('application/yaml; charset=utf-8');
    return text;
  });
  app.put('/config', async (req, reply) => {
    if (configFile === null) return refuse(reply, configEditNoFile());
    const match = /^(?:W\/)?"?([0-9a-f]{64})"?$/.exec(String(req.headers['if-match'] ?? '').trim());
    if (match === null) return refuse(reply, configEditNoVersion());
    const text = typeof req.body === 'string' ? req.body : '';
    try {
      // The editors' one set of refusals (config-edit.ts), on the client's text as sent: not YAML, not a valid config, not the version on disk.
      const version = await saveConfigText(configFile, text, match[1]);
      reply.header('etag', `"${version}"`);
      return { ok: true, version, saved: configFile, next: 'POST /reload puts it in force' };
    } catch (err) {
      if (!(err instanceof WardenError)) throw err;
      // An edit that is not a valid config is the client's to fix (422), as a reload of it would be refused.
      return refuse(reply, err, err.status === 409 || err.status === 423 ? err.status : 422);
    }
  });
}

/** Where `POST /labels` appends operator labels: beside the traffic log, where `warden label` and `warden train --from-logs` read them. */
export function labelsFileOf(config: WardenConfig): string | undefined {
  return config.logging.traffic.enabled ? join(dirname(config.logging.traffic.file), 'labels.ndjson') : undefined;
}

export async function listenAdmin(app: FastifyInstance, address: string): Promise<string> {
  const { host, port } = parseHostPort(address);
  return app.listen({ host, port });
}
