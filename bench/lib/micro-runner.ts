import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SMOKE_ENV } from './micro-harness.js';
import { REPO_ROOT } from './warden-process.js';

/** The per-gate micro-benchmarks, each owned by its gate; whichever exist are run. */
export const MICRO_BENCHES = ['normalizer', 'signatures', 'model', 'schema', 'cidr', 'access', 'ratelimit', 'alerts', 'tls', 'sessions'];

export interface MicroOutcome {
  name: string;
  status: 'ok' | 'failed' | 'missing' | 'timed out';
  seconds: number;
}

function runOne(file: string, smoke: boolean, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return runBenchScript(file, [], timeoutMs, smoke ? { [SMOKE_ENV]: '1' } : {});
}

/** One bench script (`bench/*.ts`) in its own Node process, killed after `timeoutMs`. */
export function runBenchScript(file: string, args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    // tsx as a loader of this same Node, so no shell and no PATH lookup; output goes straight through.
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    let timedOut = false;
    // If the runner itself exits (Ctrl-C), the benchmark child goes with it.
    const stop = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', stop);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.off('exit', stop);
      resolve({ code, timedOut });
    });
  });
}

/** Runs each existing micro-benchmark in its own process (isolated JIT state and heap), one at a time. */
export async function runMicroBenches(options: { smoke: boolean; only?: string[] }): Promise<MicroOutcome[]> {
  const outcomes: MicroOutcome[] = [];
  const names = options.only ?? MICRO_BENCHES;
  for (const name of names) {
    const file = join(REPO_ROOT, 'bench', `${name}.ts`);
    if (!existsSync(file)) {
      outcomes.push({ name, status: 'missing', seconds: 0 });
      continue;
    }
    console.log(`\n== micro: ${name}${options.smoke ? ' (smoke)' : ''} ==`);
    const started = performance.now();
    const { code, timedOut } = await runOne(file, options.smoke, options.smoke ? 120_000 : 600_000);
    outcomes.push({
      name,
      status: timedOut ? 'timed out' : code === 0 ? 'ok' : 'failed',
      seconds: Math.round((performance.now() - started) / 100) / 10,
    });
  }
  console.log(`\nmicro-benchmarks: ${outcomes.map((o) => `${o.name} ${o.status}${o.seconds > 0 ? ` (${o.seconds}s)` : ''}`).join(', ')}`);
  return outcomes;
}
