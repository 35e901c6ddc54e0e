import type { FastifyInstance } from 'fastify';
import type { WardenConfig } from './config/types.js';
import { loadConfig, parseHostPort } from './config/load-config.js';
import { RoutePolicyResolver } from './config/route-policy.js';
import { Pipeline } from './pipeline.js';
import { assembleDescribedGates, reloadableGates, type AssemblyLog } from './assemble.js';
import { createDecisionLogger } from './log/decision-log.js';
import { TrafficLog } from './log/traffic-log.js';
import { redactionPolicyOf } from './log/redact.js';
import { WardenMetrics } from './log/metrics.js';
import { WardenProxy } from './proxy/server.js';
import { createAdminServer, labelsFileOf, listenAdmin } from './admin/server.js';
import { adminListenFailed } from './admin/errors.js';
import { listenFailed } from './proxy/errors.js';
import { adminBindAddress } from './admin/auth.js';
import { readSecret } from './access/secret.js';
import { createSourceIdentity } from './reputation/source-key.js';
import { keysNeedingRestart } from './config/hot-reload.js';
import { reloadNeedsRestart } from './config/errors.js';
import { RateLimitEvents } from './ratelimit/rate-limits.js';
import { RateLimitService } from './ratelimit/service.js';
import { TlsTerminator, type PreparedTls } from './tls/terminator.js';
import { upstreamTlsOptions } from './tls/upstream-tls.js';
import { createRedirectServer, listenRedirect } from './tls/redirect.js';
import { forwardingAlerting, localAlerting } from './alerts/engine.js';
import { checkAlertSecrets } from './alerts/header-secrets.js';
import { primaryChannel } from './cluster/primary-channel.js';
import { unavailableModelCode } from './model/unavailable-gate.js';
import { InspectionPool } from './offload/pool.js';
import { createSessionGuard } from './sessions/create-guard.js';

export interface RunningWarden {
  proxy: WardenProxy;
  pipeline: Pipeline;
  /** The inspection worker threads (`offload.threads`), or null when every body is inspected on the event loop. */
  offload: InspectionPool | null;
  metrics: WardenMetrics;
  /** `limited` for every request a rate limit refused, `store-down` / `store-up` for the shared counter store (src/ratelimit/). */
  rateLimitEvents: RateLimitEvents;
  address: string;
  /** `https` when `tls` is configured. */
  scheme: 'http' | 'https';
  /** The certificates in force and their reload, when `tls` is configured. */
  tls: TlsTerminator | null;
  /** The plain listener answering 308 to https (`redirectHttp`), or null. */
  redirectAddress: string | null;
  adminAddress: string | null;
  /** Set when the admin listener was kept on loopback for want of admin.token (what serve prints). */
  adminNotice: string | null;
  /**
   * Applies the re-read config (or `fresh`, the one a cluster primary validated for all its workers):
   * rebuilds rules, model and schema and applies the other hot keys (src/config/hot-reload.ts). All or
   * nothing: a key that needs a restart (WARDEN_CONFIG_NEEDS_RESTART) or a file that fails leaves
   * everything in force.
   */
  reload(fresh?: WardenConfig, options?: ReloadOptions): Promise<Record<string, string>>;
  /**
   * `reload`'s first half, for a cluster primary that builds one worker at a time and switches them all
   * at once (src/cluster/primary.ts): everything built and checked, nothing in force until `commit`.
   * Rejects as `reload` does (logged, alerted); no other reload runs until it is committed or discarded.
   */
  prepareReload(fresh: WardenConfig, options?: ReloadOptions): Promise<PreparedReload>;
  close(): Promise<void>;
}

/** A reload built and not yet in force (RunningWarden.prepareReload). */
export interface PreparedReload {
  /** What the built gates are (signatures, model, schema), as `reload` describes them. */
  described: Record<string, string>;
  /** Puts it in force, synchronously; returns what `reload` returns. */
  commit(): Record<string, string>;
  /** Drops it: the config in force stays. */
  discard(): void;
}

export interface ReloadOptions {
  /**
   * Hands the checked certificates over instead of putting them in force: a cluster worker holds them
   * until the primary tells every worker to switch at once (src/cluster/tls-reload.ts).
   */
  deferTls?: (next: PreparedTls) => void;
}

export interface StartOptions {
  admin?: boolean;
  /** Re-read on reload so edited rule/schema paths take effect; null when running on defaults. */
  configFile?: string | null;
  overrides?: Record<string, unknown>;
  /** Listen address override (tests use port 0). */
  listen?: string;
}

/** Wires config → gates → pipeline → proxy (+ admin) and starts listening. */
export async function startWarden(config: WardenConfig, options: StartOptions = {}): Promise<RunningWarden> {
  // One redaction policy for every sink: the decision log here, the traffic log below.
  const redaction = redactionPolicyOf(config.logging.traffic);
  const decisionLog = createDecisionLogger(config.logging.decisions, config.logging.level, redaction, config.logging.rotation);
  const log: AssemblyLog = decisionLog;
  const metrics = new WardenMetrics();
  const { gates, described, inputs } = await assembleDescribedGates(config, log, metrics);
  // Big bodies' walks and gates in threads of their own (src/offload/), started on the first such body and built from the same config and the same reads.
  const offload = InspectionPool.start(config, described, { log, metrics, inputs });
  const pipeline = new Pipeline(gates);
  if (offload !== null) log.info({ event: 'startup', offload: config.offload }, `${config.offload.threads} inspection worker threads for bodies from ${config.offload.minBodyBytes} bytes (started with the first one)`);
  // In a cluster worker the primary evaluates the instance's alert rules from every worker's counts.
  const channel = primaryChannel();
  const alerting = channel !== null ? forwardingAlerting(config.alerts, channel) : localAlerting(config.alerts, metrics.alerts, decisionLog);
  alerting.modelState(unavailableModelCode(gates.model));
  const identity = createSourceIdentity(config.reputation, config.forwarding.trustedProxies);
  const trafficLog = config.logging.traffic.enabled
    ? new TrafficLog({
        file: config.logging.traffic.file,
        sampleRate: config.logging.traffic.sampleRate,
        maxBodyBytes: config.logging.traffic.maxBodyBytes,
        rotation: config.logging.traffic.rotation,
        redaction,
      })
    : null;
  const rateLimitEvents = new RateLimitEvents();
  // Every 429 reaches `when: rate-limited` alert rules (counted per limit rule, in fixed per-second buckets).
  rateLimitEvents.on('limited', (e) => alerting.hooks.rateLimited(e.rule, e.incidentId));
  // `when: ratelimit-store-down` holds while this process's shared counter store is unreachable.
  rateLimitEvents.on('store-down', (e) => alerting.rateLimitStoreState(e.store));
  rateLimitEvents.on('store-up', () => alerting.rateLimitStoreState(null));
  rateLimitEvents.on('store-replaced', () => alerting.rateLimitStoreState(null));
  const rateLimits = new RateLimitService({ log: decisionLog, events: rateLimitEvents, onFallback: (policy) => metrics.rateLimitFallbacks.inc({ policy }) });
  rateLimits.apply(rateLimits.prepare(config));
  // Certificates, keys and CAs are read now: a missing file or a mismatched pair stops start-up with its WARDEN_TLS_* code.
  // A cluster worker leaves the file watching to the primary, which switches all workers at once.
  const tls = config.tls === null ? null : await TlsTerminator.open(config.tls, log, metrics, { watchFiles: channel === null });
  const upstreamTls = await upstreamTlsOptions(config.upstream, config.upstreamTls);
  // Session ids the upstream issues, and requests presenting one it never did (src/sessions/); null when `sessions` is off.
  const sessions = await createSessionGuard(config, {
    log: decisionLog,
    checked: (outcome) => metrics.sessionChecks.inc({ outcome }),
    recorded: (count) => metrics.sessionsRecorded.inc(count),
    onFallback: (operation) => metrics.sessionStoreFallbacks.inc({ operation }),
  });
  if (sessions !== null) {
    const s = config.sessions!;
    log.info({ event: 'startup', sessions: { action: s.action, store: sessions.registry.kind, cookies: s.cookies.length, warmupSeconds: s.warmupSeconds } }, `session guard: ${s.action} unissued session ids (${sessions.registry.kind} registry)`);
  }
  if (upstreamTls !== null && !config.upstreamTls.verify) log.warn({ event: 'startup', upstream: config.upstream }, 'upstreamTls.verify is false: the upstream certificate is NOT checked');
  const proxy = new WardenProxy({
    config,
    pipeline,
    policies: new RoutePolicyResolver(config),
    resolveSource: identity.resolveSource,
    peerTrusted: identity.peerTrusted,
    decisionLog,
    trafficLog,
    metrics,
    alerts: alerting.hooks,
    exposeSchemaViolations: config.schema?.exposeViolations ?? false,
    rateLimits: () => rateLimits.current(),
    rateLimitEvents,
    tls,
    upstreamTls,
    offload,
    sessions,
  });
  // What start-up opened before listening (Redis clients of the rate limiter and reputation, file
  // watchers, alert sinks): released when the port cannot be had, so a failed start leaves nothing open.
  const releaseStartup = async (): Promise<void> => {
    await offload?.close();
    tls?.close();
    pipeline.current().access?.close();
    await Promise.allSettled([pipeline.current().reputation?.store.close(), rateLimits.close(), alerting.close(), sessions?.close()]);
    trafficLog?.close();
  };
  // The shared stores connect before the port opens, each within its connect timeout: a check made
  // earlier would be answered by the local fallback and counted in this process alone (src/net/redis-ready.ts).
  await Promise.all([rateLimits.whenReady(), pipeline.current().reputation?.store.whenReady?.(), sessions?.registry.whenReady?.()]);
  let bound: Awaited<ReturnType<WardenProxy['listen']>>;
  try {
    bound = await proxy.listen(options.listen ?? config.listen);
  } catch (err) {
    await releaseStartup();
    throw err;
  }
  const address = `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
  let redirect: ReturnType<typeof createRedirectServer> | null = null;
  let redirectAddress: string | null = null;
  // A listener after the proxy's that cannot be had stops start-up like the proxy's own: without this the
  // proxy kept serving and the process never exited (an admin port in use printed EADDRINUSE and hung).
  const releaseListening = async (): Promise<void> => {
    redirect?.close();
    await proxy.close();
    await releaseStartup();
  };
  if (config.redirectHttp !== null) {
    redirect = createRedirectServer(() => bound.port);
    const { host, port } = parseHostPort(config.redirectHttp.listen);
    try {
      const r = await listenRedirect(redirect, host, port);
      redirectAddress = `${r.family === 'IPv6' ? `[${r.address}]` : r.address}:${r.port}`;
    } catch (err) {
      await releaseListening();
      throw listenFailed(`${config.redirectHttp.listen} (redirectHttp)`, (err as Error).message);
    }
  }

  let current = config;
  let reloading: Promise<Record<string, string>> | null = null;
  /** Resolves when a prepared reload (prepareReload) is committed or discarded; null when none is. */
  let staged: Promise<void> | null = null;
  /**
   * Builds everything `fresh` needs and changes nothing: the returned commit puts it in force in one
   * synchronous step, discard drops it. A failure leaves the running set whole.
   */
  const prepare = async (given: WardenConfig | undefined, reloadOptions: ReloadOptions): Promise<PreparedReload> => {
    const fresh = given ?? (options.configFile ? await loadConfig(options.configFile, options.overrides ?? {}) : current);
    const restart = keysNeedingRestart(current, fresh);
    if (restart.length > 0) throw reloadNeedsRestart(restart);
    let tlsNext: PreparedTls | null = null;
    if (tls !== null && fresh.tls !== null) {
      try {
        tlsNext = await tls.prepare(fresh.tls);
      } catch (err) {
        tls.failed(err);
        throw err;
      }
    }
    // Webhook header secrets ({ env }, { file }) are read now: one that cannot be read refuses the reload whole.
    checkAlertSecrets(fresh.alerts);
    // Rules and model whose inputs did not change are kept as built (src/build-memo.ts): no recompile stalls the loop.
    const update = await reloadableGates(fresh, log, metrics, pipeline.current());
    // The threads build the same gates before any of them is put in force; one that cannot fails the reload.
    let generation = 0;
    try {
      if (offload !== null) generation = await offload.load(fresh, update.described, update.inputs);
    } catch (err) {
      update.gates.access?.close();
      throw err;
    }
    const policies = new RoutePolicyResolver(fresh);
    const limits = rateLimits.prepare(fresh);
    // A new store (changed Redis settings) connects before it takes over the counting; the one in force is not waited for (it may be in an outage).
    if (limits.fresh) await limits.store?.whenReady?.();
    let settled = false;
    return {
      described: update.described,
      commit: () => {
        if (settled) throw new Error('a prepared reload is committed or discarded once');
        settled = true;
        const previousAccess = pipeline.current().access;
        pipeline.swap(update.gates);
        offload?.activate(generation);
        offload?.reconfigure(fresh.offload);
        rateLimits.apply(limits);
        // Requests already past access control do not need it again; its file watchers can go.
        previousAccess?.close();
        proxy.reconfigure(fresh, policies);
        if (tlsNext !== null) {
          if (reloadOptions.deferTls !== undefined) reloadOptions.deferTls(tlsNext);
          else tls?.apply(tlsNext);
        }
        decisionLog.level = fresh.logging.level;
        alerting.reconfigure(fresh.alerts);
        alerting.modelState(unavailableModelCode(update.gates.model));
        current = fresh;
        metrics.reloads.inc({ what: 'gates', outcome: 'ok' });
        const described = {
          ...update.described,
          rateLimits: limits.limits === null ? 'off' : `${limits.limits.rules.length} rules (${limits.store?.kind ?? 'memory'})`,
          ...(tlsNext !== null ? { tls: `${tlsNext.set.certificates.length} certificates` } : {}),
          mode: fresh.mode,
        };
        log.info({ event: 'reload', ...described }, 'reloaded');
        return described;
      },
      discard: () => {
        if (settled) return;
        settled = true;
        update.gates.access?.close();
        if (limits.fresh) void limits.store?.close();
        offload?.discard(generation);
      },
    };
  };
  const failed = (err: unknown): never => {
    metrics.reloads.inc({ what: 'gates', outcome: 'failed' });
    log.error({ event: 'reload', code: (err as { code?: string }).code, reason: (err as Error).message }, 'reload failed; previous config stays in force');
    alerting.reloadFailed((err as { code?: string }).code ?? 'WARDEN_RELOAD_FAILED', (err as Error).message);
    throw err;
  };
  const reload = (given?: WardenConfig, reloadOptions: ReloadOptions = {}): Promise<Record<string, string>> => {
    // After a prepared one is settled; one reload at a time, a second request joins the running one.
    if (staged !== null) return staged.then(() => reload(given, reloadOptions));
    reloading ??= (async () => {
      try {
        return (await prepare(given, reloadOptions).catch(failed)).commit();
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };
  const prepareReload = async (given: WardenConfig, reloadOptions: ReloadOptions = {}): Promise<PreparedReload> => {
    // After a reload in progress; the next one waits until this one is committed or discarded.
    for (let waits = 0; (reloading !== null || staged !== null) && waits < 100; waits++) await (reloading ?? staged)!.catch(() => undefined);
    if (reloading !== null || staged !== null) throw new Error('another reload is still in progress');
    let release: () => void = () => undefined;
    staged = new Promise<void>((r) => (release = r));
    const done = (): void => {
      staged = null;
      release();
    };
    try {
      const prepared = await prepare(given, reloadOptions).catch(failed);
      return {
        described: prepared.described,
        commit: () => {
          try {
            return prepared.commit();
          } finally {
            done();
          }
        },
        discard: () => {
          prepared.discard();
          done();
        },
      };
    } catch (err) {
      done();
      throw err;
    }
  };

  let admin: FastifyInstance | null = null;
  let adminAddress: string | null = null;
  let adminNotice: string | null = null;
  if (options.admin !== false && config.admin.enabled) {
    const token = config.admin.token === null ? null : await readSecret(config.admin.token, 'admin.token');
    const { host, port } = parseHostPort(config.admin.listen);
    const bind = adminBindAddress(host, token !== null);
    adminNotice = bind.warning;
    if (adminNotice !== null) log.warn({ event: 'startup', admin: config.admin.listen }, adminNotice);
    admin = createAdminServer({
      token,
      metrics,
      labelsFile: labelsFileOf(config),
      decisionLog: config.logging.decisions,
      configFile: options.configFile ?? null,
      reload: () => reload(),
      status: () => ({ upstream: current.upstream, mode: current.mode, rules: pipeline.current().signatures?.ruleCount ?? 0 }),
    });
    const adminAt = `${bind.host.includes(':') ? `[${bind.host}]` : bind.host}:${port}`;
    try {
      adminAddress = (await listenAdmin(admin, adminAt)).replace(/^http:\/\//, '');
    } catch (err) {
      await admin.close().catch(() => undefined);
      await releaseListening();
      throw adminListenFailed(adminAt, (err as Error).message);
    }
  }
  log.info({ event: 'startup', address, scheme: proxy.listener.scheme, http2: config.tls?.http2 ?? false, redirect: redirectAddress, upstream: config.upstream, mode: config.mode, admin: adminAddress }, 'listening');

  return {
    proxy,
    pipeline,
    offload,
    metrics,
    rateLimitEvents,
    address,
    scheme: proxy.listener.scheme,
    tls,
    redirectAddress,
    adminAddress,
    adminNotice,
    reload,
    prepareReload,
    async close() {
      if (redirect !== null) {
        const r = redirect;
        const closed = new Promise((resolve) => r.close(resolve));
        r.closeAllConnections();
        await closed;
      }
      await proxy.close();
      await offload?.close();
      tls?.close();
      pipeline.current().access?.close();
      if (admin !== null) await admin.close();
      await pipeline.current().reputation?.store.close();
      await rateLimits.close();
      await sessions?.close();
      await alerting.close();
      trafficLog?.close();
      decisionLog.flush();
    },
  };
}
