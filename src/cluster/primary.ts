import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { AggregatorRegistry, Counter, Gauge, Registry, type PrometheusContentType } from 'prom-client';
import type { CliIo } from '../cli/args.js';
import type { WardenConfig } from '../config/types.js';
import { loadConfig } from '../config/load-config.js';
import { keysNeedingRestart } from '../config/hot-reload.js';
import { reloadNeedsRestart } from '../config/errors.js';
import { createAdminServer, labelsFileOf, listenAdmin } from '../admin/server.js';
import { adminBindAddress } from '../admin/auth.js';
import { adminListenFailed } from '../admin/errors.js';
import { readSecret } from '../access/secret.js';
import { parseHostPort } from '../config/load-config.js';
import { WardenError } from '../errors.js';
import { hostReputation } from '../reputation/cluster-store.js';
import { MemoryCounterStore } from '../ratelimit/counter-store.js';
import { rateLimitHandlers } from '../ratelimit/cluster-counter-store.js';
import { primaryCounterSpecs } from '../ratelimit/service.js';
import { hostSessionRegistry } from '../sessions/cluster-registry.js';
import { ALERT_COUNTS_OP, InstanceAlerting } from '../alerts/engine.js';
import type { CountSnapshot } from '../alerts/recorder.js';
import { AlertMetrics } from '../log/metrics.js';
import { IpcChannel, type IpcHandler } from './ipc-channel.js';
import { ClusterTlsReload } from './tls-reload.js';
import { clusterReloadFailed, workerStartFailed } from './errors.js';
import { onNpmParentExit } from './npm-parent.js';
import type { WorkerReady, WorkerStart, WorkerStartFailure } from './worker.js';

/** Respawn back-off after a crash: 100 ms, doubling per crash within the last minute, at most 10 s. */
const RESPAWN_FIRST_MS = 100;
const RESPAWN_MAX_MS = 10_000;
const CRASH_WINDOW_MS = 60_000;
/** A reload rebuilds rules and the model in every worker: generous, but bounded. */
const RELOAD_TIMEOUT_MS = 60_000;
const METRICS_TIMEOUT_MS = 5_000;

/** Delay before respawning after the n-th crash within the last minute (n ≥ 1). */
export function respawnDelayMs(crashesInWindow: number): number {
  return Math.min(RESPAWN_MAX_MS, RESPAWN_FIRST_MS * 2 ** Math.max(0, crashesInWindow - 1));
}

interface WorkerSlot {
  index: number;
  worker: Worker;
  channel: IpcChannel;
  ready: boolean;
  rules: number;
  startFailure: WorkerStartFailure | null;
  /** The config generation this worker started with (set when it asks for its config): a reload it missed while starting is sent once it is ready. */
  generation: number | null;
  /** Settles when the worker is ready or has exited. */
  settled: Promise<void>;
  settle: () => void;
}

export interface PrimarySource {
  configFile: string | null;
  overrides: Record<string, unknown>;
}

/** One worker's part in a reload: what it put in force, or why not. */
type ReloadOutcome = { slot: WorkerSlot; ok: true; described: Record<string, string> } | { slot: WorkerSlot; ok: false; code: string; message: string };

/** The primary's own metrics, merged into the workers' aggregate on /metrics. */
function primaryMetrics(): { registry: Registry; restarts: Counter; ready: Gauge } {
  const registry = new Registry();
  return {
    registry,
    restarts: new Counter({ name: 'warden_worker_restarts_total', help: 'Workers respawned after a crash', registers: [registry] }),
    ready: new Gauge({ name: 'warden_workers_ready', help: 'Workers serving requests', registers: [registry] }),
  };
}

/**
 * The cluster primary: forks `workers` processes that each run the whole proxy on the shared port,
 * and owns everything that must exist once per instance:
 * - the admin listener: `POST /reload` (and SIGHUP) validate the config once, refuse keys that need a
 *   restart, then fan the reload out to every worker and answer when all applied it, or name the
 *   workers that failed; `/metrics` aggregates every worker's registry (prom-client's aggregation);
 * - the memory reputation store, which workers reach over IPC, so a source has one history;
 * - the memory rate-limit counters (src/ratelimit/cluster-counter-store.ts), so N workers enforce one limit;
 * - supervision: a worker that crashes after serving is respawned with back-off; a worker that
 *   cannot start makes the primary stop everything and exit 1 with the worker's error;
 * - shutdown: SIGTERM/SIGINT tell every worker to drain, and kill what is still alive after
 *   `timeouts.shutdownMs`.
 */
export async function runPrimary(config: WardenConfig, source: PrimarySource, io: CliIo): Promise<number> {
  let current = config;
  // Bumped by every reload that went into force: a worker that started with an older one gets the reload once it is ready.
  let generation = 0;
  const slots = new Map<number, WorkerSlot>();
  const respawns = new Set<NodeJS.Timeout>();
  const crashes: number[] = [];
  const metrics = primaryMetrics();
  const reputation = hostReputation(config);
  // With sessions.store: memory the instance's one session registry lives here, so a session issued through one worker is known on all.
  const sessionRegistry = hostSessionRegistry(config);
  // With the memory store the instance's rate-limit counters live here, so N workers enforce one limit
  // (always served: a reload may switch rateLimits.store to memory).
  const rateLimitCounts = new MemoryCounterStore(config.rateLimits.maxKeysPerRule);
  // Alert rules see the whole instance: workers send their counts every second, the primary evaluates and delivers.
  const alertRegistry = new Registry();
  const alerting = new InstanceAlerting(config.alerts, new AlertMetrics(alertRegistry), {
    warn: (_fields, msg) => io.err(`warden: ${msg}`),
    info: (_fields, msg) => io.err(`warden: ${msg}`),
  });
  let stopping = false;
  let exitCode = 0;
  let admin: FastifyInstance | null = null;
  let reloading: Promise<Record<string, string>> | null = null;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));

  const liveSlots = (): WorkerSlot[] => [...slots.values()].filter((s) => s.ready && !s.channel.closed);
  // The primary watches the certificate files, not each worker, so a change switches them all at once.
  const tlsReload = new ClusterTlsReload(
    () => liveSlots().map((s) => s.channel),
    { info: (msg) => io.err(`warden: ${msg}`), error: (msg) => io.err(`warden: ${msg}`) },
    () => reloading ?? Promise.resolve(),
  );

  const reloadAll = (): Promise<Record<string, string>> => {
    reloading ??= (async () => {
      try {
        const fresh = source.configFile !== null ? await loadConfig(source.configFile, source.overrides) : current;
        const restart = keysNeedingRestart(current, fresh);
        if (restart.length > 0) throw reloadNeedsRestart(restart);
        // A worker that took its config before this reload and is still building its gates would come up
        // on the old config and miss the reload: wait for it (bounded), so the answer covers every worker.
        const starting = [...slots.values()].filter((s) => !s.ready && s.generation !== null && !s.channel.closed);
        if (starting.length > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([Promise.all(starting.map((s) => s.settled)), new Promise<void>((r) => (timer = setTimeout(r, RELOAD_TIMEOUT_MS)))]);
          clearTimeout(timer);
        }
        const live = liveSlots();
        // One worker builds at a time while the others serve at full speed (two building at once doubled the
        // GC pauses every request met); the first that cannot build ends it, and nothing is in force anywhere
        // until every worker has built it: then all switch in the same turn, as one process would.
        const outcomes: ReloadOutcome[] = [];
        for (const slot of live) {
          const outcome = await slot.channel.request('reload-prepare', fresh, RELOAD_TIMEOUT_MS).then(
            (): ReloadOutcome => ({ slot, ok: true, described: {} }),
            (err: unknown): ReloadOutcome => ({ slot, ok: false, code: (err as { code?: string }).code ?? 'ERROR', message: (err as Error).message }),
          );
          outcomes.push(outcome);
          if (!outcome.ok) break;
          io.err(`warden: reload built by worker ${slot.index} (pid ${slot.worker.process.pid}), ${outcomes.length} of ${live.length}`);
        }
        /** Every worker built the set: from here it is the config in force, whatever happens to a worker before it switches. */
        let decided = false;
        if (outcomes.some((o) => !o.ok)) {
          for (const [i, o] of outcomes.entries()) {
            if (!o.ok) continue;
            o.slot.channel.notify('reload-discard');
            outcomes[i] = { slot: o.slot, ok: false, code: 'DISCARDED', message: `built, then dropped: worker ${outcomes[outcomes.length - 1].slot.index} could not build the set` };
          }
          for (const slot of live.slice(outcomes.length)) {
            outcomes.push({ slot, ok: false, code: 'NOT_TRIED', message: `not tried: worker ${outcomes[outcomes.length - 1].slot.index} could not build the set` });
          }
        } else {
          const committed = await Promise.all(
            live.map((slot) =>
              slot.channel.request('reload-commit', null, RELOAD_TIMEOUT_MS).then(
                (described): ReloadOutcome => ({ slot, ok: true, described: described as Record<string, string> }),
                (err: unknown): ReloadOutcome => ({ slot, ok: false, code: (err as { code?: string }).code ?? 'ERROR', message: (err as Error).message }),
              ),
            ),
          );
          outcomes.splice(0, outcomes.length, ...committed);
          decided = true;
        }
        // The workers that reloaded switch their certificates now, in one tick (each held them when its reload finished).
        for (const o of outcomes) if (o.ok) o.slot.channel.notify('tls.reload-apply');
        const failed = outcomes.filter((o) => !o.ok);
        if (!decided) {
          const summary = failed.map((o) => `worker ${o.slot.index} (pid ${o.slot.worker.process.pid}): ${o.ok ? '' : `${o.code}: ${o.message}`}`).join('; ');
          const e = clusterReloadFailed(outcomes.length - failed.length, outcomes.length, summary);
          const workers = outcomes.map((o) => ({ worker: o.slot.index, pid: o.slot.worker.process.pid, ok: o.ok, ...(o.ok ? {} : { code: o.code, message: o.message }) }));
          throw new WardenError(e.code, e.message, e.status, { workers });
        }
        current = fresh;
        generation++;
        for (const o of outcomes) if (o.ok) o.slot.generation = generation;
        // Counters of rules no longer in force go, as in a single process: a rule put back later starts afresh.
        rateLimitCounts.retain(primaryCounterSpecs(fresh));
        alerting.reconfigure(fresh.alerts);
        void tlsReload.follow(fresh.tls);
        for (const o of outcomes) if (o.ok) o.slot.rules = Number(/^(\d+) rules/.exec(o.described.signatures ?? '')?.[1] ?? o.slot.rules);
        // A worker that built the set and did not switch (it exited after building: before, its replacement
        // started on the config before the reload while the others ran the new one) is brought to it: a
        // replacement asks for `current` (handlersFor's config), a live one reloads to it (catchUp).
        const missed = failed.map((o) => {
          const pid = o.slot.worker.process.pid;
          if (o.slot.channel.closed) return `worker ${o.slot.index} (pid ${pid}) exited before it switched: its replacement starts on this config`;
          void catchUp(o.slot);
          return `worker ${o.slot.index} (pid ${pid}) could not switch (${o.ok ? '' : `${o.code}: ${o.message}`}): reloading it to this config`;
        });
        const described = outcomes.find((o) => o.ok)?.described ?? {};
        const result = { ...described, workers: `${outcomes.length - failed.length} of ${outcomes.length} applied${missed.length > 0 ? `; ${missed.join('; ')}` : ''}` };
        io.err(`warden: reloaded ${JSON.stringify(result)}`);
        return result;
      } catch (err) {
        // One line per refused or failed reload; the admin answer carries the same code.
        io.err(`warden: reload refused, previous config stays in force: ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
        alerting.reloadFailed((err as { code?: string }).code ?? 'ERROR', (err as Error).message);
        throw err;
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };

  const stop = async (why: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const t of respawns) clearTimeout(t);
    const graceMs = current.timeouts.shutdownMs;
    io.err(`warden: ${why}; draining ${slots.size} worker(s), at most ${graceMs} ms`);
    const closingAdmin = admin?.close().catch(() => undefined);
    if (slots.size === 0) {
      await closingAdmin;
      finish(exitCode);
      return;
    }
    for (const slot of slots.values()) {
      if (slot.channel.closed) slot.worker.process.kill('SIGTERM');
      else slot.channel.notify('shutdown');
    }
    const killer = setTimeout(() => {
      for (const slot of slots.values()) {
        io.err(`warden: worker ${slot.index} (pid ${slot.worker.process.pid}) still running after ${graceMs} ms; killing it`);
        slot.worker.process.kill('SIGKILL');
      }
      exitCode = exitCode || 1;
    }, graceMs);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (slots.size === 0) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    clearTimeout(killer);
    await closingAdmin;
    finish(exitCode);
  };

  const handlersFor = (slot: WorkerSlot): Record<string, IpcHandler> => ({
    ...reputation?.handlers,
    ...sessionRegistry?.handlers,
    ...rateLimitHandlers(rateLimitCounts),
    // A worker starting during a reload waits for its outcome, so it runs what the others run.
    config: async (): Promise<WorkerStart> => {
      if (reloading !== null) await reloading.catch(() => undefined);
      slot.generation = generation;
      return { config: current, configFile: source.configFile, overrides: source.overrides };
    },
    ready: (payload) => {
      slot.ready = true;
      slot.rules = (payload as WorkerReady).rules;
      metrics.ready.set(liveSlots().length);
      slot.settle();
      void catchUp(slot);
    },
    'start-failed': (payload) => {
      slot.startFailure = payload as WorkerStartFailure;
    },
    'reload-all': () => reloadAll().catch(() => undefined),
    [ALERT_COUNTS_OP]: (payload) => alerting.ingest(`worker ${slot.index}`, payload as CountSnapshot),
  });

  /** A worker that became ready on a config older than the one in force (a reload outlived the wait above) reloads to it. */
  const catchUp = async (slot: WorkerSlot): Promise<void> => {
    if (reloading !== null) await reloading.catch(() => undefined);
    if (slot.generation === generation || slot.channel.closed) return;
    const target = generation;
    try {
      await slot.channel.request('reload', current, RELOAD_TIMEOUT_MS);
      slot.channel.notify('tls.reload-apply');
      slot.generation = target;
      io.err(`warden: worker ${slot.index} (pid ${slot.worker.process.pid}) started during a reload; now on the config in force`);
    } catch (err) {
      io.err(`warden: worker ${slot.index} (pid ${slot.worker.process.pid}) started during a reload and could not apply it: ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
    }
  };

  const spawn = (index: number): void => {
    const worker = cluster.fork({ WARDEN_WORKER_INDEX: String(index) });
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((r) => (settle = r));
    const slot: WorkerSlot = { index, worker, channel: null as unknown as IpcChannel, ready: false, rules: 0, startFailure: null, generation: null, settled, settle };
    slot.channel = new IpcChannel(worker, handlersFor(slot));
    slots.set(worker.id, slot);
    worker.on('exit', (code, signal) => {
      slots.delete(worker.id);
      slot.settle();
      slot.channel.close(`worker exited (${signal ?? code})`);
      metrics.ready.set(liveSlots().length);
      if (stopping) return;
      if (!slot.ready) {
        // Deterministic failures (port taken, bad file, model refused) would fail again: no respawn loop.
        const e = workerStartFailed(index, worker.process.pid, slot.startFailure !== null ? `${slot.startFailure.code}: ${slot.startFailure.message}` : `exited with ${signal ?? code} before serving`);
        io.err(`warden: ${e.code}: ${e.message}; stopping`);
        void stop('a worker could not start', 1);
        return;
      }
      const now = Date.now();
      while (crashes.length > 0 && now - crashes[0] > CRASH_WINDOW_MS) crashes.shift();
      crashes.push(now);
      const delay = respawnDelayMs(crashes.length);
      metrics.restarts.inc();
      io.err(`warden: worker ${index} (pid ${worker.process.pid}) exited (${signal ?? code}); respawning in ${delay} ms`);
      const timer = setTimeout(() => {
        respawns.delete(timer);
        if (!stopping) spawn(index);
      }, delay);
      respawns.add(timer);
    });
  };

  let adminAt = '';
  if (config.admin.enabled) {
    // Same rules as a single process: the token guards every endpoint but /healthz; without one the
    // listener stays on loopback.
    let token: string | null;
    try {
      token = config.admin.token === null ? null : await readSecret(config.admin.token, 'admin.token');
    } catch (err) {
      io.err(`warden serve: ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
      return 1;
    }
    const { host, port } = parseHostPort(config.admin.listen);
    const bind = adminBindAddress(host, token !== null);
    if (bind.warning !== null) io.err(`warden: ${bind.warning}`);
    adminAt = `${bind.host.includes(':') ? `[${bind.host}]` : bind.host}:${port}`;
    admin = createAdminServer({
      token,
      metrics: {
        registry: {
          contentType: metrics.registry.contentType,
          metrics: async () => {
            const parts = await Promise.all(liveSlots().map((s) => s.channel.request('metrics', null, METRICS_TIMEOUT_MS).catch(() => null)));
            // The primary's alert counters are summed in like a worker's (the workers have the same, at zero).
            parts.push(await alertRegistry.getMetricsAsJSON());
            const aggregated = AggregatorRegistry.aggregate<PrometheusContentType>(parts.filter((p): p is object => p !== null));
            return Registry.merge([aggregated, metrics.registry]).metrics();
          },
        },
      },
      labelsFile: labelsFileOf(config),
      decisionLog: config.logging.decisions,
      configFile: source.configFile,
      reload: reloadAll,
      status: () => {
        const live = liveSlots();
        // Ready while at least one worker serves (a respawn must not take the whole instance out).
        return { ok: live.length > 0, upstream: current.upstream, mode: current.mode, rules: live[0]?.rules ?? 0, workers: { configured: current.workers, ready: live.length } };
      },
    });
    try {
      adminAt = (await listenAdmin(admin, adminAt)).replace(/^http:\/\//, '');
    } catch (err) {
      const e = adminListenFailed(adminAt, (err as Error).message);
      io.err(`warden serve: ${e.code}: ${e.message}`);
      return 1;
    }
  }

  process.on('SIGHUP', () => void reloadAll().catch(() => undefined));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.once('SIGINT', () => void stop('SIGINT', 0));
  onNpmParentExit((why) => void stop(why, 0));

  io.err(`warden: starting ${config.workers} workers on ${config.listen}${adminAt !== '' ? `, admin ${adminAt}` : ''}`);
  await tlsReload.follow(config.tls);
  for (let i = 1; i <= config.workers; i++) spawn(i);
  const code = await finished;
  tlsReload.close();
  await alerting.close();
  await reputation?.store.close();
  io.err(`warden: stopped (exit ${code})`);
  return code;
}
