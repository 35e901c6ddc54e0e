import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_BINARY = '/usr/bin/redis-server';

export interface TestRedis {
  port: number;
  url: string;
  /** SIGKILL: the server vanishes as in a crash. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server hangs with its socket open, the case only a command timeout catches. */
  pause(): void;
  resume(): void;
  /** Starts a fresh server on the same port (no persistence: it comes back empty). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function waitForPort(port: number, up: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const probe = (): void => {
      const s = connect(port, '127.0.0.1');
      const done = (listening: boolean): void => {
        s.destroy();
        if (listening === up) resolve();
        else if (Date.now() > deadline) reject(new Error(`redis on ${port} not ${up ? 'up' : 'down'} after ${timeoutMs} ms`));
        else setTimeout(probe, 25);
      };
      s.once('connect', () => done(true));
      s.once('error', () => done(false));
    };
    probe();
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A real redis-server on 127.0.0.1:<port> in a temp dir, without persistence. */
export async function startRedis(port: number): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-redis-'));
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    child = spawn(REDIS_BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    });
    await waitForPort(port, true, 10_000);
  };
  const kill = async (): Promise<void> => {
    if (child === null) return;
    const c: ChildProcess = child;
    child = null;
    c.kill('SIGCONT');
    c.kill('SIGKILL');
    await exited(c);
    await waitForPort(port, false, 5_000);
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    pause: () => void (child as ChildProcess | null)?.kill('SIGSTOP'),
    resume: () => void (child as ChildProcess | null)?.kill('SIGCONT'),
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
