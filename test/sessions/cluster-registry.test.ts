import { describe, expect, it } from 'vitest';
import { IpcChannel, type IpcPort } from '../../src/cluster/ipc-channel.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { ClusterSessionRegistry, hostSessionRegistry } from '../../src/sessions/cluster-registry.js';
import type { StoreLog } from '../../src/reputation/store-log.js';

/** Two ends of an IPC link in one process: messages are copied (as Node's IPC serializes them) and delivered on a later turn; `hung` drops them. */
function link(): { worker: IpcPort; primary: IpcPort; setHung(h: boolean): void } {
  const listeners: Record<'worker' | 'primary', ((m: unknown) => void)[]> = { worker: [], primary: [] };
  let hung = false;
  const end = (self: 'worker' | 'primary', other: 'worker' | 'primary'): IpcPort => ({
    send(message, callback) {
      const copy = structuredClone(message);
      setImmediate(() => {
        callback(null);
        if (!hung) for (const l of listeners[other]) l(copy);
      });
    },
    on(_event, listener) {
      listeners[self].push(listener);
    },
  });
  return { worker: end('worker', 'primary'), primary: end('primary', 'worker'), setHung: (h) => (hung = h) };
}

const quiet: StoreLog = { info: () => undefined, error: () => undefined };

function cluster(extra: Record<string, unknown> = {}) {
  const config = validateWardenConfig({ sessions: { warmupSeconds: 3600, ...extra } });
  const host = hostSessionRegistry(config)!;
  const wire = link();
  new IpcChannel(wire.primary, host.handlers);
  const workers = [0, 1].map(() => new ClusterSessionRegistry(new IpcChannel(wire.worker), { timeoutMs: 200, log: quiet }));
  return { host, wire, workers };
}

describe('ClusterSessionRegistry (a worker) and the primary that holds the registry', () => {
  it('shares issued ids between workers and runs one warm-up, the primary\'s', async () => {
    const { host, workers } = cluster();
    const now = Date.now();
    await workers[0].record([{ digest: 'd1', ttlMs: 60_000 }], now);
    expect(await workers[1].lookup(['d1', 'd2'], now)).toEqual({ issued: [true, false], warm: false });
    expect(await workers[1].lookup([], now + 3_600_000)).toEqual({ issued: [], warm: true });
    expect(host.registry.size).toBe(1);
    await workers[1].forget(['d1']);
    expect((await workers[0].lookup(['d1'], now))?.issued).toEqual([false]);
  });

  it('answers unknown when the primary does not answer, keeps its records, and writes them first when it does', async () => {
    const { host, wire, workers } = cluster({ warmupSeconds: 0 });
    wire.setHung(true);
    const now = Date.now();
    expect(await workers[0].lookup(['x'], now)).toBeNull();
    await workers[0].record([{ digest: 'during', ttlMs: 60_000 }], now);
    expect(workers[0].pending.size).toBe(1);
    expect(host.registry.size).toBe(0);
    wire.setHung(false);
    // Skipped for a second after the failure, then one probe: poll (bounded) until it answers.
    const deadline = Date.now() + 10_000;
    let answer = await workers[0].lookup(['during'], Date.now());
    while (answer === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      answer = await workers[0].lookup(['during'], Date.now());
    }
    expect(answer).toEqual({ issued: [true], warm: true });
    expect(workers[0].pending.size).toBe(0);
    expect((await workers[1].lookup(['during'], Date.now()))?.issued).toEqual([true]);
  });

  it('hands every worker the same hash key when none is configured', async () => {
    const { host } = cluster();
    const key = await Promise.resolve(host.handlers['sessions.key'](null));
    expect(typeof key).toBe('string');
    expect(await Promise.resolve(host.handlers['sessions.key'](null))).toBe(key);
  });

  it('is not hosted by the primary when the guard is off or lives in Redis', () => {
    expect(hostSessionRegistry(validateWardenConfig({}))).toBeNull();
    expect(hostSessionRegistry(validateWardenConfig({ sessions: { store: 'redis', hashKey: { env: 'K' } } }))).toBeNull();
  });
});
