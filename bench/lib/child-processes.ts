import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every process and temp dir the bench creates, so that one call (or the process exiting for any
 * reason: Ctrl-C, SIGTERM, an uncaught error) stops them all. Nothing is found by name: only the
 * children spawned here are signalled, by id. Each child leads its own process group, so signalling
 * the group also reaches NGINX's worker processes, which would otherwise outlive a killed master.
 */
export class BenchProcesses {
  private readonly children = new Set<ChildProcess>();
  private readonly dirs = new Set<string>();
  private readonly onExit = (): void => this.killNow();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`\nbench: ${signal}, stopping every process it started\n`);
    void this.stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  constructor() {
    process.on('exit', this.onExit);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    process.on('SIGHUP', this.onSignal);
  }

  spawn(command: string, args: string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, args, { ...options, detached: true });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** Removed when the bench stops. */
  tempDir(dir: string): string {
    this.dirs.add(dir);
    return dir;
  }

  /**
   * A temp dir named `prefix…`, removed when the bench stops, and `dir(name)` making a sub-dir of it.
   * Every level is 0755: NGINX workers drop root and must be able to traverse into their prefix.
   */
  scratch(prefix: string): { root: string; dir: (name: string) => string } {
    const root = this.tempDir(mkdtempSync(join(tmpdir(), prefix)));
    chmodSync(root, 0o755);
    const dir = (name: string): string => {
      const d = join(root, name);
      mkdirSync(d, { recursive: true });
      chmodSync(d, 0o755);
      return d;
    };
    return { root, dir };
  }

  /** Polite stop (SIGTERM, or `politeSignal`), then SIGKILL for anything still alive after `graceMs`. */
  async stop(child: ChildProcess, politeSignal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child, politeSignal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    if ((await Promise.race([exited, late])) === 'late') {
      signalGroup(child, 'SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }

  /**
   * A last bound on a whole bench run: past `budgetMs`, prints `message` and stops every process with
   * exit code 1. Unref'd, so it never keeps node alive; clear it when the run ends.
   */
  armWatchdog(budgetMs: number, message: string): NodeJS.Timeout {
    const watchdog = setTimeout(() => {
      console.error(message);
      void this.stopAll().finally(() => process.exit(1));
    }, budgetMs);
    watchdog.unref();
    return watchdog;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children].map((c) => this.stop(c)));
    this.removeDirs();
  }

  /** Last resort from the 'exit' handler, where only synchronous work runs. */
  private killNow(): void {
    for (const child of this.children) signalGroup(child, 'SIGKILL');
    this.removeDirs();
  }

  private removeDirs(): void {
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    this.dirs.clear();
  }

  /** Drops the process-wide handlers (tests create and discard groups). */
  detach(): void {
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('SIGHUP', this.onSignal);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
