// A stand-in for a cluster worker: the reputation store it would use, over its IPC link to the parent.
import { IpcChannel } from '../../src/cluster/ipc-channel.js';
import { ClusterReputationStore } from '../../src/reputation/cluster-store.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';

const channel = new IpcChannel({
  send: (message, callback) => process.send!(message, undefined, undefined, callback),
  on: (event, listener) => process.on(event, listener),
});
const local = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 21_600_000, cleanRequestsScale: 100, maxEntries: 1000 });
let fallbacks = 0;
// A loaded CI machine can take a while to answer the first message: the lookup bound is the test's to set.
const store = new ClusterReputationStore(channel, { local, timeoutMs: Number(process.env.LOOKUP_TIMEOUT_MS ?? 10_000), onFallback: () => fallbacks++ });
channel.handle({
  get: (key) => store.get(key as string, Date.now()),
  // A decisive, blocked attack with its own digest: each one counts toward hostility.
  attack: (payload) => {
    const [key, n] = payload as [string, number];
    return store.record({ key, at: Date.now(), attackScore: 1, blocked: true, decisive: true, digest: `attack-${n}` });
  },
  fallbacks: () => fallbacks,
  localHas: (key) => local.has(key as string),
  exit: () => setImmediate(() => process.exit(0)),
});
process.once('disconnect', () => process.exit(0));
