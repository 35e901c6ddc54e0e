import { existsSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchProcesses } from './child-processes.js';
import { freeServedPort, waitForPort } from './ports.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WardenInstance {
  port: number;
  origin: string;
  /** What the "gates assembled" start-up line reported (signatures, model, schema, reputation). */
  gates: Record<string, string>;
  /** The decision log (pino NDJSON; operational lines too). */
  decisionsFile: string;
  /** The process's stdout and stderr (with `--trace-gc-nvp`, V8's GC trace too). */
  logFile: string;
  /** Process group of the Warden process (its pid), for its CPU time (process-cpu.ts). */
  processGroup: number | null;
}

/** Gates off: no bundled rules, no model; inspection, decision and forwarding still run. */
export const GATES_OFF_CONFIG = { rules: { bundled: false }, model: { enabled: false } };

/** Fails early, with the fix, when the CLI has not been compiled. */
export function assertWardenBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm install runs it too) before the bench');
  }
}

/**
 * Where the Warden under test comes from: `dist` is the compiled package (`bin/warden.js`, what
 * production runs); `src` runs the TypeScript sources through tsx's loader, so a bench measures the
 * working tree without rebuilding dist/ (which other work in the same checkout may depend on).
 */
export type WardenEntry = 'dist' | 'src';

function entryArgs(entry: WardenEntry, root: string): string[] {
  if (entry === 'dist') return [join(root, 'bin', 'warden.js')];
  const main = pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href;
  const launcher = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(process.argv.slice(1));`;
  return ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', launcher];
}

/**
 * `warden serve` as a child process in front of `upstream`, one process, admin off, decisions and
 * operational log written to files in `dir` so logging costs what it costs in production without
 * flooding the terminal. `config.logging` may add options (logAllowed); the destination is the bench's.
 */
export async function startWarden(
  processes: BenchProcesses,
  options: { name: string; dir: string; upstream: string; config: Record<string, unknown> & { logging?: object };
    entry?: WardenEntry;
    /** Checkout to run Warden from (default: this one); another revision's tree gives a same-window A/B. */
    root?: string;
    /** Admin listener HOST:PORT (for /metrics); off by default. */
    admin?: string;
    /** Node options before the entry (e.g. `--import bench/lib/loop-probe.mjs`), and environment additions. */
    nodeArgs?: string[];
    env?: Record<string, string>;
  },
): Promise<WardenInstance> {
  // The listen port is one the rules are read for: drawn where no rule names a port (ports.ts).
  const port = await freeServedPort();
  const configFile = join(options.dir, `${options.name}.config.json`);
  const logFile = join(options.dir, `${options.name}.log`);
  const decisionsFile = join(options.dir, `${options.name}.decisions.ndjson`);
  const config = { ...options.config, logging: { ...options.config.logging, decisions: decisionsFile } };
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const out = openSync(logFile, 'a');
  const args = [
    ...(options.nodeArgs ?? []),
    ...entryArgs(options.entry ?? 'dist', options.root ?? REPO_ROOT),
    'serve',
    '--upstream',
    options.upstream,
    '--listen',
    `127.0.0.1:${port}`,
    '--admin',
    options.admin ?? 'off',
    '--config',
    configFile,
  ];
  const child = processes.spawn(process.execPath, args, { cwd: options.dir, stdio: ['ignore', out, out], env: options.env === undefined ? undefined : { ...process.env, ...options.env } });
  closeSync(out);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // The operational log (start-up lines included) shares the decisions destination; stdout gets the rest.
  const log = (): string => [logFile, decisionsFile].map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\n');
  try {
    // Loading the model (tfjs) can take several seconds on a busy machine.
    await waitForPort(port, 60_000, () => !exited);
  } catch (err) {
    throw new Error(`warden (${options.name}) did not start: ${(err as Error).message}\n${log().slice(-4000)}`);
  }
  // pino writes asynchronously: the start-up line can land just after the port opens.
  let gates = gatesFromLog(log());
  for (let i = 0; i < 20 && Object.keys(gates).length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    gates = gatesFromLog(log());
  }
  return { port, origin: `http://127.0.0.1:${port}`, gates, decisionsFile, logFile, processGroup: child.pid ?? null };
}

/** The fields of the start-up line `gates assembled` (pino JSON), or {} when it is not there. */
export function gatesFromLog(text: string): Record<string, string> {
  for (const line of text.split('\n')) {
    if (!line.includes('gates assembled')) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const gates: Record<string, string> = {};
      for (const key of ['signatures', 'model', 'schema', 'reputation']) if (entry[key] !== undefined) gates[key] = String(entry[key]);
      return gates;
    } catch {
      // not JSON: keep looking
    }
  }
  return {};
}
