/**
 * A worker thread that builds prefilter automata's tables (automaton-builder.ts): a pack set's largest
 * automaton takes ~0.1-0.7 s to build, which on the event loop every request would wait for.
 */
import { parentPort } from 'node:worker_threads';
import { buildAutomatonTables } from './aho-corasick.js';

parentPort?.on('message', (message: { id: number; patterns: string[] }) => {
  const tables = buildAutomatonTables(message.patterns);
  // Each array has a buffer of its own (the build allocates them): transferred, not copied.
  const buffers = [tables.classOf, tables.table, tables.outStart, tables.outList, tables.outNext].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: message.id, tables }, buffers);
});
