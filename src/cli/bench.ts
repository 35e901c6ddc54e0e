import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './args.js';

const RUNNER = fileURLToPath(new URL('../../bench/run.ts', import.meta.url));

/**
 * `warden bench` is `npm run bench`: the benchmark suite lives in bench/ (TypeScript run by tsx, a dev
 * dependency), so it needs a source checkout with `npm install` done; it passes its arguments through.
 */
export async function runBenchCommand(args: string[], io: CliIo): Promise<number> {
  if (!existsSync(RUNNER)) {
    io.err('warden bench: bench/run.ts is not here; the benchmarks run from a source checkout (npm install, then npm run bench).');
    return 1;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { stdio: 'inherit', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
