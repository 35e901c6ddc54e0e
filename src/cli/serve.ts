import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import type { WardenConfig } from '../config/types.js';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { regexEngineNotice } from './regex-engine-notice.js';

const HELP = `Usage: warden serve [--upstream URL] [--listen HOST:PORT] [--config FILE] [--mode prevent|detect]
                    [--workers N] [--openapi FILE] [--admin HOST:PORT|off]

Runs the proxy. With no config file (and no ./warden.yaml) it uses the built-in defaults:
listen 127.0.0.1:8000, upstream http://127.0.0.1:8080, the bundled rules and the shipped model.
Flags override the config file. SIGHUP (or POST /reload on the admin listener) re-reads the config
and applies what is hot (rules, model, schema, access, alerts, mode, routes, exceptions, decision, inspection,
block, failure, body, logging level) without dropping requests, in every worker; a bad file, or a changed key that needs a
restart (listen, upstream, ...), leaves everything in force. SIGTERM/SIGINT drain requests in flight
and stop every process within timeouts.shutdownMs (10 s), then force.
With a tls section in the config, listen serves HTTPS (HTTP/2 and HTTP/1.1); certificates are
re-read on reload, SIGHUP and when their files change (see README "TLS and HTTP/2").`;

export const SERVE_FLAGS: CommandSpec = {
  name: 'serve',
  maxPositionals: 0,
  flags: {
    upstream: { kind: 'url' },
    listen: { kind: 'hostPort' },
    config: { kind: 'string' },
    mode: { kind: 'enum', values: ['prevent', 'detect'] },
    workers: { kind: 'integer', min: 1, max: 256 },
    openapi: { kind: 'string' },
    admin: { kind: 'hostPort', alsoAllowed: ['off'] },
  },
};

/** CLI flags as config overrides, so they pass through the same validation as the file. */
function overridesFrom(args: ReturnType<typeof parseArgs>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const upstream = stringFlag(args, 'upstream');
  if (upstream !== undefined) o.upstream = upstream;
  const listen = stringFlag(args, 'listen');
  if (listen !== undefined) o.listen = listen;
  const mode = stringFlag(args, 'mode');
  if (mode !== undefined) o.mode = mode;
  const workers = stringFlag(args, 'workers');
  if (workers !== undefined) o.workers = Number(workers);
  const openapi = stringFlag(args, 'openapi');
  if (openapi !== undefined) o.schema = { spec: openapi };
  const admin = stringFlag(args, 'admin');
  if (admin === 'off') o.admin = { enabled: false };
  else if (admin !== undefined) o.admin = { enabled: true, listen: admin };
  return o;
}

export async function runServeCommand(argv: string[], io: CliIo): Promise<number> {
  // A cluster worker takes its config from the primary (src/cluster/worker.ts), not from argv.
  if (cluster.isWorker) return exitWhenStopped(await (await import('../cluster/worker.js')).runWorker(io));
  const args = parseArgs(argv, SERVE_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const file = stringFlag(args, 'config') ?? (existsSync('warden.yaml') ? 'warden.yaml' : null);
  const overrides = overridesFrom(args);
  let config: WardenConfig;
  try {
    config = await loadConfig(file, overrides);
  } catch (err) {
    io.err(`warden serve: ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
    return 1;
  }

  const notice = regexEngineNotice((await import('../signatures/safe-regex.js')).regexEngine);
  if (notice !== null) io.err(notice);
  if (config.workers <= 1) {
    try {
      return exitWhenStopped(await runSingleProcess(config, file, overrides, io));
    } catch (err) {
      // A start-up failure (a port taken, a file that does not load) ends the process even if a library left a handle open.
      io.err(`warden serve: ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
      return exitWhenStopped(1);
    }
  }
  const { runPrimary } = await import('../cluster/primary.js');
  return exitWhenStopped(await runPrimary(config, { configFile: file, overrides }, io));
}

/** A stopped Warden exits: the IPC link of a worker, or a handle a library left open, would keep it alive. */
function exitWhenStopped(code: number): number {
  if (cluster.isWorker) {
    // Drained and closed: go now (pino flushes on exit), the primary's stop bound is running.
    if (process.connected) process.disconnect();
    process.exit(code);
  }
  setTimeout(() => process.exit(code), 500).unref();
  return code;
}

async function runSingleProcess(config: WardenConfig, file: string | null, overrides: Record<string, unknown>, io: CliIo): Promise<number> {
  // Loaded after the flags and config are checked: a typo is answered at once, not after tfjs loads.
  const { startWarden } = await import('../warden.js');
  const { drainBudgetMs, drainWarden, stopRequested } = await import('../cluster/shutdown.js');
  const { onNpmParentExit } = await import('../cluster/npm-parent.js');
  const warden = await startWarden(config, { admin: config.admin.enabled, configFile: file, overrides });
  io.err(`warden: listening on ${warden.scheme}://${warden.address} -> ${config.upstream} (mode ${config.mode})${warden.redirectAddress ? `, redirect http://${warden.redirectAddress} -> https` : ''}${warden.adminAddress ? `, admin ${warden.adminAddress}` : ''}`);
  if (warden.adminNotice !== null) io.err(`warden: ${warden.adminNotice}`);
  process.on('SIGHUP', () => {
    warden.reload().then(
      (what) => io.err(`warden: reloaded ${JSON.stringify(what)}`),
      (err: Error & { code?: string }) => io.err(`warden: reload refused, previous config stays in force: ${err.code ?? 'ERROR'}: ${err.message}`),
    );
  });
  const why = await stopRequested((stop) => onNpmParentExit(stop));
  const budget = drainBudgetMs(config.timeouts.shutdownMs);
  io.err(`warden: ${why}; draining requests in flight, at most ${budget} ms`);
  const drained = await drainWarden(warden, budget);
  io.err(drained ? 'warden: stopped' : `warden: stopped; requests still in flight after ${budget} ms were cut`);
  return 0;
}
