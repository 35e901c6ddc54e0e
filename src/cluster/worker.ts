import type { CliIo } from '../cli/args.js';
import type { WardenConfig } from '../config/types.js';
import { startWarden, type PreparedReload, type RunningWarden } from '../warden.js';
import { primaryChannel } from './primary-channel.js';
import { tlsWorkerSide } from './tls-reload.js';
import { drainBudgetMs, drainWarden, stopRequested } from './shutdown.js';

/** What the primary hands a worker at start: the config it validated (after any reload) and where it came from. */
export interface WorkerStart {
  config: WardenConfig;
  configFile: string | null;
  overrides: Record<string, unknown>;
}

/** What a worker reports when it serves (`ready`) or could not start (`start-failed`). */
export interface WorkerReady {
  address: string;
  rules: number;
}
export interface WorkerStartFailure {
  code: string;
  message: string;
}

/**
 * A cluster worker: the whole proxy (gates, pipeline, data plane) without the admin listener, which
 * the primary owns. It takes its config from the primary, not from argv and the file, so a worker
 * respawned after a reload runs what the others run. Reload, metrics and shutdown arrive over IPC.
 */
export async function runWorker(io: CliIo): Promise<number> {
  const channel = primaryChannel();
  if (channel === null) throw new Error('runWorker outside a cluster worker');
  let warden: RunningWarden | null = null;
  const stopping = stopRequested((stop) => {
    channel.handle({ shutdown: () => stop('shutdown') });
    process.once('disconnect', () => stop('the primary went away'));
  });
  // Certificates switch when the primary says so, in every worker at once (file changes and config reloads).
  const tlsSide = tlsWorkerSide(() => warden?.tls ?? null);
  // A reload the primary staggers (primary.ts): built here while the other workers serve, put in force when all have built it.
  let prepared: PreparedReload | null = null;
  channel.handle({
    reload: (config) => {
      if (warden === null) throw new Error('worker not started yet');
      return warden.reload(config as WardenConfig, { deferTls: tlsSide.hold });
    },
    'reload-prepare': async (config) => {
      if (warden === null) throw new Error('worker not started yet');
      prepared?.discard();
      prepared = null;
      const built = await warden.prepareReload(config as WardenConfig, { deferTls: tlsSide.hold });
      prepared = built;
      return built.described;
    },
    'reload-commit': () => {
      if (prepared === null) throw new Error('no reload prepared in this worker');
      const built = prepared;
      prepared = null;
      return built.commit();
    },
    'reload-discard': () => {
      prepared?.discard();
      prepared = null;
      return true;
    },
    metrics: () => {
      if (warden === null) throw new Error('worker not started yet');
      return warden.metrics.registry.getMetricsAsJSON();
    },
    ...tlsSide.handlers,
  });

  const start = (await channel.request('config', null, 60_000)) as WorkerStart;
  try {
    warden = await startWarden(start.config, { admin: false, configFile: start.configFile, overrides: start.overrides });
  } catch (err) {
    const failure: WorkerStartFailure = { code: (err as { code?: string }).code ?? 'ERROR', message: (err as Error).message };
    channel.notify('start-failed', failure);
    io.err(`warden: worker ${process.pid} could not start: ${failure.code}: ${failure.message}`);
    return 1;
  }
  const ready: WorkerReady = { address: warden.address, rules: warden.pipeline.current().signatures?.ruleCount ?? 0 };
  channel.notify('ready', ready);
  io.err(`warden: listening on ${warden.scheme}://${warden.address} -> ${start.config.upstream} (mode ${start.config.mode}, worker ${process.pid})${warden.redirectAddress !== null ? `, redirect http://${warden.redirectAddress} -> https` : ''}`);
  // `kill -HUP <worker>` reloads every worker, as the primary's SIGHUP does, so workers never diverge.
  process.on('SIGHUP', () => channel.notify('reload-all'));

  await stopping;
  await drainWarden(warden, drainBudgetMs(start.config.timeouts.shutdownMs));
  return 0;
}
