/**
 * Starts a worker thread on a module beside the caller: its .js in dist/; from src/ (tests, tsx) the
 * .ts, which needs tsx's loader registered in the thread first.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `here`: the caller's import.meta.url; `name`: the module's file name without extension. */
export function startWorkerModule(here: string, name: string, options: WorkerOptions = {}): Worker {
  if (here.endsWith('.ts')) {
    const entry = new URL(`./${name}.ts`, here).href;
    // tsx's ESM entry, resolved from here (an eval'd worker resolves bare names from the process's cwd).
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, here), options);
}
