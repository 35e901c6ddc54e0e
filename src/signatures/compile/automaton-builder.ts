/**
 * Builds prefilter automata on a worker thread (automaton-build-worker.ts), for a rule set built while
 * the proxy serves (loadRuleSet's `buildAutomaton`): the tables come back transferred, and only the
 * copy of a narrow table into its WebAssembly memory (~10 ms for 24 MB) is left to the event loop. If
 * the thread cannot start or fails, the automaton is built here, on the loop, as before.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../../worker-module.js';
import { automatonOfTables, buildAhoCorasick, type AhoCorasick, type AhoCorasickOptions, type AutomatonTables } from './aho-corasick.js';

export interface AutomatonBuilder {
  build(patterns: string[]): Promise<AhoCorasick>;
  /** Ends the thread; builds after it run on the loop. */
  close(): Promise<void>;
}

export function startAutomatonBuilder(options: AhoCorasickOptions): AutomatonBuilder {
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, { patterns: string[]; resolve(a: AhoCorasick): void }>();
  const onLoop = (patterns: string[]): AhoCorasick => buildAhoCorasick(patterns, options);
  // A thread that errs or exits hands its waiting builds back to the loop.
  const fail = (): void => {
    failed = true;
    worker = null;
    for (const [, w] of waiting) w.resolve(onLoop(w.patterns));
    waiting.clear();
  };
  const ensure = (): Worker | null => {
    if (failed) return null;
    if (worker !== null) return worker;
    try {
      worker = startWorkerModule(import.meta.url, 'automaton-build-worker');
    } catch {
      failed = true;
      return null;
    }
    worker.on('message', (m: { id: number; tables: AutomatonTables }) => {
      const w = waiting.get(m.id);
      if (w === undefined) return;
      waiting.delete(m.id);
      w.resolve(automatonOfTables(m.tables, options));
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      if (waiting.size > 0 || worker !== null) fail();
    });
    return worker;
  };
  return {
    build(patterns) {
      const w = ensure();
      if (w === null) return Promise.resolve(onLoop(patterns));
      return new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, { patterns, resolve });
        w.postMessage({ id, patterns });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failed = true;
      if (w !== null) await w.terminate();
    },
  };
}
