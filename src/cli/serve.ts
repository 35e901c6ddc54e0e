import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import type { WardenConfig } from '../config/types.js';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';

const HELP = `Usage: warden serve [--upstream URL] [--listen HOST:PORT] [--config FILE] [--mode prevent|detect]
                    [--workers N] [--openapi FILE] [--admin HOST:PORT|off]

Runs the proxy. With no config file (and no ./warden.yaml) it uses the built-in defaults:
listen 127.0.0.1:8000, upstream http://127.0.0.1:8080, the bundled rules and the shipped model.
Flags override the config file. SIGHUP (or POST /reload on the admin listener) reloads rules,
model and schema without dropping requests; a bad file leaves the previous set in force.`;

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

/** The config key each flag overrides: a bad value is reported against the flag, not the file. */
const FLAG_OF_KEY: Readonly<Record<string, string>> = { upstream: '--upstream', listen: '--listen', mode: '--mode', workers: '--workers', schema: '--openapi', admin: '--admin' };

/** `invalid config (warden.yaml): mode: ...` → `--mode (mode): ...` for the keys a flag set. */
function blameFlags(message: string, overrides: Record<string, unknown>): string {
  return message.replace(/^(\s+- )([A-Za-z]+)([.[][^:]*)?:/gm, (line, indent: string, key: string, rest: string | undefined) =>
    key in overrides && FLAG_OF_KEY[key] !== undefined ? `${indent}${FLAG_OF_KEY[key]} (${key}${rest ?? ''}):` : line,
  );
}

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
    io.err(`warden serve: ${(err as { code?: string }).code ?? 'ERROR'}: ${blameFlags((err as Error).message, overrides)}`);
    return 1;
  }

  if (config.workers > 1 && cluster.isPrimary) {
    // One process per core on one port: the primary only supervises; workers each run the whole proxy.
    io.err(`warden: starting ${config.workers} workers on ${config.listen}`);
    for (let i = 0; i < config.workers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      io.err(`warden: worker ${worker.process.pid} exited (${signal ?? code}); restarting`);
      cluster.fork();
    });
    process.on('SIGHUP', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGHUP');
    });
    await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    return 0;
  }

  // Only the first worker (or the single process) runs the admin listener, so its port is not contended.
  const adminHere = config.admin.enabled && (cluster.isPrimary || cluster.worker?.id === 1);
  // Loaded after the flags and config are checked: a typo is answered at once, not after tfjs loads.
  const { startWarden } = await import('../warden.js');
  const warden = await startWarden(config, { admin: adminHere, configFile: file, overrides });
  io.err(`warden: listening on http://${warden.address} -> ${config.upstream} (mode ${config.mode})${warden.adminAddress ? `, admin ${warden.adminAddress}` : ''}`);
  if (warden.adminNotice !== null) io.err(`warden: ${warden.adminNotice}`);
  process.on('SIGHUP', () => {
    warden.reload().then(
      (what) => io.err(`warden: reloaded ${JSON.stringify(what)}`),
      (err: Error) => io.err(`warden: reload failed, previous set stays in force: ${err.message}`),
    );
  });
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await warden.close();
  return 0;
}
