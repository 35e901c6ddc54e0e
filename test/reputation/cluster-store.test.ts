import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcChannel } from '../../src/cluster/ipc-channel.js';
import { MemoryReputationStore } from '../../src/reputation/memory-store.js';
import { reputationHandlers } from '../../src/reputation/cluster-store.js';
import type { Reputation } from '../../src/reputation/types.js';

// Two real child processes on real IPC links, as cluster workers are; this process plays the primary.
const child = join(__dirname, 'cluster-store-child.ts');
const store = new MemoryReputationStore({ halfLifeMs: 3_600_000, maturityMs: 21_600_000, cleanRequestsScale: 100, maxEntries: 1000 });
const workers: { process: ChildProcess; channel: IpcChannel }[] = [];

function start(handlers: ReturnType<typeof reputationHandlers>, env: Record<string, string> = {}): { process: ChildProcess; channel: IpcChannel } {
  const p = fork(child, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const channel = new IpcChannel(p, handlers);
  p.once('exit', () => channel.close('child exited'));
  const w = { process: p, channel };
  workers.push(w);
  return w;
}

beforeAll(() => {
  start(reputationHandlers(store));
  start(reputationHandlers(store));
});

afterAll(() => {
  for (const w of workers) w.process.kill();
});

describe('ClusterReputationStore', () => {
  it("keeps one history per source for all workers: attacks seen by two workers add up to one source's hostility", async () => {
    const [a, b] = workers;
    const key = 'ip:203.0.113.7';
    const before = (await b.channel.request('get', key, 20_000)) as Reputation;
    expect(before.score).toBe(0);
    // Three distinct attacks (the default hostility.minAttacks), split over the two workers.
    await a.channel.request('attack', [key, 1], 20_000);
    await b.channel.request('attack', [key, 2], 20_000);
    await a.channel.request('attack', [key, 3], 20_000);
    await expect.poll(() => store.lookup(key, Date.now()).attacks, { timeout: 2000 }).toBeGreaterThan(2.9);
    const after = (await b.channel.request('get', key, 20_000)) as Reputation;
    expect(after.attacks).toBeGreaterThan(2.9);
    expect(after.score).toBeLessThan(0);
  });

  it('sees its own record in its next lookup (IPC keeps order per link)', async () => {
    const [a] = workers;
    const key = 'ip:198.51.100.9';
    await a.channel.request('attack', [key, 1], 20_000);
    const seen = (await a.channel.request('get', key, 20_000)) as Reputation;
    expect(seen.attacks).toBeGreaterThan(0.9);
  });

  it("answers from the worker's own history when the primary does not answer in time, and counts the fallback", async () => {
    const stuck = start({ 'reputation.get': () => new Promise(() => undefined), 'reputation.record': () => undefined }, { LOOKUP_TIMEOUT_MS: '100' });
    const key = 'ip:192.0.2.1';
    for (let n = 1; n <= 3; n++) await stuck.channel.request('attack', [key, n], 20_000);
    expect(await stuck.channel.request('localHas', key, 20_000)).toBe(true);
    const seen = (await stuck.channel.request('get', key, 20_000)) as Reputation;
    expect(seen.attacks).toBeGreaterThan(2.9);
    expect(await stuck.channel.request('fallbacks', null, 20_000)).toBe(1);
  });
});
