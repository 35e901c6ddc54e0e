/**
 * The session-fixation guard's cost in the proxy: the same tree's Warden with gates off, without and
 * with `sessions: {}` (memory registry), driven in turns (order reversed every other round) over
 * browser GETs: with eight cookies none of them a session cookie, and with a session cookie (a keyed
 * digest and a registry lookup each; the id is unknown to the registry, inside the default warm-up,
 * so it is forwarded as sent). Gates off makes the guard's share as large as it can be.
 *
 *   npm run build && npx tsx bench/sessions-ab.ts [--rounds N] [--duration S] [--connections N]
 */
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon-load.js';
import { BenchProcesses } from './lib/child-processes.js';
import { median, type LoadRun } from './lib/load-result.js';
import { startUpstream } from './lib/nginx.js';
import { processGroupCpuMs } from './lib/process-cpu.js';
import { assertWardenBuilt, GATES_OFF_CONFIG, startWarden, type WardenInstance } from './lib/warden-process.js';

const ANALYTICS = '_ga=GA1.2.1234567890.1733380000; _gid=GA1.2.987654321.1733380000; _fbp=fb.1.1733380000.123456789; theme=dark; lang=en-GB; cart=3f9a; consent=analytics%3Dtrue; _hjSessionUser_123=eyJpZCI6ImFiYyJ9';
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'accept-language': 'en-GB,en;q=0.9' };
const SCENARIOS = {
  'cookies, no session cookie': { method: 'GET', path: '/shop/item?id=42', headers: { ...BROWSER, cookie: ANALYTICS } },
  'cookies + PHPSESSID': { method: 'GET', path: '/shop/item?id=42', headers: { ...BROWSER, cookie: `${ANALYTICS}; PHPSESSID=5f2b8c9d0e1a4b7c8d9e0f1a2b3c4d5e` } },
};

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, duration: { type: 'string', default: '3' }, connections: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
const seconds = Number(values.duration);
const connections = Number(values.connections);
assertWardenBuilt();
const processes = new BenchProcesses();
const { dir } = processes.scratch('warden-sessions-ab-');
const watchdog = processes.armWatchdog((Object.keys(SCENARIOS).length * 2 * (rounds + 1) * seconds + 300) * 1000, 'sessions-ab: over its time budget; stopping everything');
try {
  const upstream = await startUpstream(processes, dir('upstream'));
  const servers: Record<'off' | 'guard', WardenInstance> = {
    off: await startWarden(processes, { name: 'off', dir: dir('off'), upstream: upstream.origin, config: GATES_OFF_CONFIG }),
    guard: await startWarden(processes, { name: 'guard', dir: dir('guard'), upstream: upstream.origin, config: { ...GATES_OFF_CONFIG, sessions: {} } }),
  };
  for (const [name, request] of Object.entries(SCENARIOS)) {
    const runs: Record<string, LoadRun[]> = { off: [], guard: [] };
    for (const s of Object.values(servers)) await runAutocannon({ origin: s.origin, requests: [request], connections, seconds: 1 });
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['off', 'guard'] as const) : (['guard', 'off'] as const);
      for (const label of order) {
        const group = servers[label].processGroup;
        const before = group === null ? null : processGroupCpuMs(group);
        const run = await runAutocannon({ origin: servers[label].origin, requests: [request], connections, seconds });
        const after = group === null ? null : processGroupCpuMs(group);
        if (before !== null && after !== null && run.requests > 0) run.serverCpuUs = ((after - before) * 1000) / run.requests;
        runs[label].push(run);
      }
    }
    const cpu = (l: string) => median(runs[l].map((r) => r.serverCpuUs ?? Number.NaN));
    const rpsRatios = runs.guard.map((r, i) => r.rps / runs.off[i].rps);
    const cpuRatios = runs.guard.map((r, i) => (r.serverCpuUs ?? Number.NaN) / (runs.off[i].serverCpuUs ?? Number.NaN));
    console.log(
      `${name}: CPU µs/req off ${cpu('off').toFixed(1)} guard ${cpu('guard').toFixed(1)}  guard/off CPU ${median(cpuRatios).toFixed(3)} [${cpuRatios.map((x) => x.toFixed(2)).join(' ')}]` +
        `  req/s guard/off ${median(rpsRatios).toFixed(3)} [${rpsRatios.map((x) => x.toFixed(2)).join(' ')}]  p50 ms off ${median(runs.off.map((r) => r.p50Ms)).toFixed(2)} guard ${median(runs.guard.map((r) => r.p50Ms)).toFixed(2)}`,
    );
  }
} finally {
  clearTimeout(watchdog);
  await processes.stopAll();
  processes.detach();
}
