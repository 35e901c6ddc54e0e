import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { processAlive, runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';
import { startWebhook, waitUntil, type WebhookReceiver } from '../alerts/receivers.js';

// One Warden with two workers (and one NGINX) for the whole file; the last test stops it with SIGTERM.
// The model is off so workers start fast: blocks come from the drop rules of the temp rule files.
let nginx: NginxUpstream;
let warden: CliProcess;
let dir: string;
let port: number;
let admin: string;
let configFile: string;
let decisions: string;
let alertHook: WebhookReceiver;

const ATTACK = 'cluster-attack-token';
const ADMIN_TOKEN = 'cluster-test-admin-token';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const ADDED = 'cluster-added-token';
const IMPORTED = 'cluster-imported-token';

function config(extra: { mode?: string; upstream?: string; rules?: string[] } = {}): string {
  const rules = (extra.rules ?? ['first.rules']).map((r) => `    - ${r}`).join('\n');
  return [
    `upstream: ${extra.upstream ?? nginx.origin}`,
    `listen: 127.0.0.1:${port}`,
    'workers: 2',
    `mode: ${extra.mode ?? 'prevent'}`,
    `admin: { enabled: true, listen: ${admin}, token: { file: admin.token } }`,
    'model: { enabled: false }',
    'rules:',
    '  bundled: false',
    '  files:',
    rules,
    // Sources are told apart by X-Forwarded-For from loopback, so each test has fresh ones.
    'forwarding: { trustedProxies: [127.0.0.1/32] }',
    `logging: { decisions: ${decisions}, logAllowed: true }`,
    // Evaluated by the primary over both workers' counts: minRequests is more than either worker alone sees in the block-rate test.
    'alerts:',
    `  sinks: [{ type: webhook, url: "${alertHook.url}" }]`,
    '  rules:',
    '    - { id: block-surge, when: block-rate, above: 20%, forSeconds: 60, minRequests: 30 }',
    '    - { id: reload-failed, when: reload-failed }',
    '  throttleSeconds: 3600',
    '',
  ].join('\n');
}

const dropRule = (token: string, sid: number): string =>
  `drop http any any -> any any (msg:"cluster test ${token}"; content:"${token}"; http_uri; sid:${sid}; rev:1;)\n`;

/** One connection per request (no keep-alive), so the primary's round robin spreads them over the workers. */
async function get(path: string, source?: string): Promise<number> {
  const res = await request(`http://127.0.0.1:${port}${path}`, { reset: true, headers: source === undefined ? {} : { 'x-forwarded-for': source } });
  await res.body.text();
  return res.statusCode;
}

async function adminPost(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(`http://${admin}${path}`, { method: 'POST', headers: auth });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

async function metricsText(): Promise<string> {
  return (await request(`http://${admin}/metrics`, { headers: auth })).body.text();
}

function sumOf(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  return sum;
}

function verdictLines(): { pid: number; action: string; request: { path: string }; explain?: { reputation: number } }[] {
  if (!existsSync(decisions)) return [];
  return readFileSync(decisions, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"event":"verdict"'))
    .map((l) => JSON.parse(l) as { pid: number; action: string; request: { path: string }; explain?: { reputation: number } });
}

const workerPids = (output: string): number[] => [...output.matchAll(/listening on .*worker (\d+)\)/g)].map((m) => Number(m[1]));


beforeAll(async () => {
  nginx = await startNginx();
  alertHook = await startWebhook();
  dir = mkdtempSync(join(tmpdir(), 'warden-cluster-'));
  port = await freePort();
  admin = `127.0.0.1:${await freePort()}`;
  decisions = join(dir, 'decisions.log');
  configFile = join(dir, 'warden.yaml');
  writeFileSync(join(dir, 'admin.token'), `${ADMIN_TOKEN}\n`);
  writeFileSync(join(dir, 'first.rules'), dropRule(ATTACK, 1000001));
  writeFileSync(join(dir, 'added.rules'), dropRule(ADDED, 1000002));
  writeFileSync(configFile, config());
  warden = runCli(['serve', '--config', configFile]);
  // Generous: on a starved machine (8 users on 2 cores) three tsx processes take long to start.
  await waitFor(warden.output, /listening on[\s\S]*listening on/, 110_000);
}, 120_000);

afterAll(async () => {
  warden?.child.kill('SIGKILL');
  await nginx?.stop();
  await alertHook?.close();
});

describe('warden serve --workers 2', () => {
  it('aggregates /metrics over all workers: N requests over two workers count N', async () => {
    const n = 18;
    for (let i = 0; i < n; i++) expect(await get(`/echo/metrics-${i}`)).toBe(200);
    const text = await metricsText();
    expect(sumOf(text, 'warden_requests_total')).toBe(n);
    expect(text).toMatch(/warden_workers_ready 2/);
    // The requests really were spread: both workers logged some of them.
    await expect.poll(() => new Set(verdictLines().filter((l) => l.request.path.startsWith('/echo/metrics-')).map((l) => l.pid)).size, { timeout: 3000 }).toBe(2);
  });

  it('evaluates alert rules in the primary over every worker: a block share only both workers together reach fires block-surge once', async () => {
    const blocked: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await request(`http://127.0.0.1:${port}/alerts-${i}?q=${ATTACK}`, { reset: true, headers: { 'x-forwarded-for': '192.0.2.200' } });
      await res.body.text();
      expect(res.statusCode).toBe(403);
      blocked.push(res.headers['x-warden-incident'] as string);
    }
    // 18 allowed (the test above) + 10 blocked = 28 decisions over two workers; 2 more to pass minRequests 30 together.
    for (let i = 0; i < 2; i++) expect(await get(`/alerts-ok-${i}`, '192.0.2.201')).toBe(200);
    await waitUntil(() => alertHook.bodies.length >= 1, 10_000, 'the block-surge alert from the primary');
    const [alert] = alertHook.bodies as { rule: string; key: string; counts: Record<string, number>; examples: string[] }[];
    expect(alert).toMatchObject({ rule: 'block-surge', key: '*' });
    expect(alert.counts.requests).toBeGreaterThanOrEqual(30);
    for (const id of alert.examples) expect(blocked).toContain(id);
    // The primary owns the alert counters; /metrics sums them in.
    await expect.poll(async () => /warden_alert_deliveries_total\{sink="webhook#1",outcome="sent"\} 1/.test(await metricsText()), { timeout: 3000 }).toBe(true);
    expect(await metricsText()).toMatch(/warden_alerts_fired_total\{rule="block-surge"\} 1/);
  });

  it("shares a source's reputation across workers: its attacks add up whichever worker takes them", async () => {
    // Warm the attack path of both workers with another source: a first match can be slow on a
    // starved machine, and a lookup the primary does not answer in 100 ms falls back to local memory.
    for (let i = 0; i < 4; i++) expect(await get(`/warm-${i}?q=${ATTACK}`, '198.51.100.1')).toBe(403);
    for (let i = 0; i < 8; i++) {
      expect(await get(`/rep-${i}?q=${ATTACK}`, '203.0.113.5')).toBe(403);
      // record() is a notice from the worker that judged; let it reach the primary before the next lookup.
      await new Promise((r) => setTimeout(r, 50));
    }
    let lines: ReturnType<typeof verdictLines> = [];
    await expect.poll(() => (lines = verdictLines().filter((l) => l.request.path.startsWith('/rep-'))).length, { timeout: 3000 }).toBe(8);
    expect(new Set(lines.map((l) => l.pid)).size).toBe(2);
    // Two workers write the log through their own buffers: order the lines by request, not by file position.
    const byRequest = lines.sort((a, b) => Number(a.request.path.slice(5).split('?')[0]) - Number(b.request.path.slice(5).split('?')[0]));
    const reputations = byRequest.map((l) => l.explain?.reputation ?? 0);
    // A source turns hostile after three distinct attacks (hostility.minAttacks). One shared store:
    // from the fourth request on, whichever worker takes it. Per-worker stores, taking turns, would
    // each have seen only two attacks by then and stay neutral until the seventh.
    const firstHostile = reputations.findIndex((r) => r < 0);
    expect(firstHostile).toBeGreaterThan(0);
    expect(firstHostile).toBeLessThanOrEqual(4);
    expect(reputations.slice(firstHostile).every((r) => r < 0)).toBe(true);
  });

  it("guards the primary's admin listener with admin.token, as a single process does", async () => {
    const bare = await request(`http://${admin}/reload`, { method: 'POST' });
    expect(bare.statusCode).toBe(401);
    expect(((await bare.body.json()) as { error: string }).error).toBe('WARDEN_ADMIN_UNAUTHORIZED');
    const health = await request(`http://${admin}/healthz`);
    await health.body.text();
    expect(health.statusCode).toBe(200);
  });

  it('POST /reload reaches every worker: after adding a rule, 20 consecutive requests are all blocked', async () => {
    expect(await get(`/added?q=${ADDED}`)).toBe(200);
    writeFileSync(configFile, config({ rules: ['first.rules', 'added.rules'] }));
    const reload = await adminPost('/reload');
    expect(reload.status).toBe(200);
    expect((reload.body.reloaded as Record<string, string>).workers).toBe('2 of 2 applied');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await get(`/added-${i}?q=${ADDED}`));
    expect(statuses).toEqual(Array(20).fill(403));
  });

  it('judges big bodies in inspection threads of each worker, with the reloaded rules', async () => {
    // offload is on by default: each process starts its own thread with its first body from 64 KiB
    // (that body is inspected on its event loop, counted `unavailable`), then sends such bodies there.
    const body = Buffer.from(`note=${'x'.repeat(70_000)}`);
    const post = async (i: number): Promise<number> => {
      const res = await request(`http://127.0.0.1:${port}/big-${i}?q=${ADDED}`, { method: 'POST', reset: true, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      await res.body.text();
      return res.statusCode;
    };
    const statuses: number[] = [];
    let offloaded = 0;
    for (let i = 0; i < 200 && offloaded < 4; i++) {
      statuses.push(await post(i));
      offloaded = sumOf(await metricsText(), 'warden_offload_requests_total');
      if (offloaded < 4) await new Promise((r) => setTimeout(r, 50));
    }
    expect(offloaded).toBeGreaterThanOrEqual(4);
    expect(statuses.every((s) => s === 403)).toBe(true);
    const text = await metricsText();
    const fallbacks = [...text.matchAll(/warden_offload_fallbacks_total\{[^}]*reason="([a-z]+)"[^}]*\} (\d+)/g)];
    const unavailable = fallbacks.filter((m) => m[1] === 'unavailable').reduce((n, m) => n + Number(m[2]), 0);
    // Both workers started threads of their own: each inspected its first big body itself.
    expect(unavailable).toBeGreaterThanOrEqual(2);
    expect(fallbacks.filter((m) => m[1] !== 'unavailable' && Number(m[2]) > 0)).toEqual([]);
    expect(offloaded + unavailable).toBe(statuses.length);
    await expect.poll(() => new Set(verdictLines().filter((l) => l.request.path.startsWith('/big-')).map((l) => l.pid)).size, { timeout: 3000 }).toBe(2);
  }, 60_000);

  it('rules import --admin reaches every worker too: 20 consecutive requests with the imported rule are all blocked', async () => {
    const file = join(dir, 'imported.rules');
    writeFileSync(file, dropRule(IMPORTED, 1000003));
    expect(await get(`/imported?q=${IMPORTED}`)).toBe(200);
    // The CLI sends the config's admin.token, as an operator's would.
    const run = runCli(['rules', 'import', file, '--config', configFile, '--admin', admin]);
    expect(await run.exit).toBe(0);
    // The operator sees that both workers took the rules (promote and rollback print the same).
    expect(run.stdout()).toMatch(/^reloaded: .* \(workers: 2 of 2 applied\)$/m);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await get(`/imported-${i}?q=${IMPORTED}`));
    expect(statuses).toEqual(Array(20).fill(403));
  }, 60_000);

  it('applies a mode change on reload: the next attack is forwarded and logged as monitor', async () => {
    writeFileSync(configFile, config({ mode: 'detect', rules: ['first.rules', 'added.rules'] }));
    expect((await adminPost('/reload')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect(await get(`/detect-${i}?q=${ATTACK}`)).toBe(200);
    await expect.poll(() => verdictLines().filter((l) => l.request.path.startsWith('/detect-') && l.action === 'monitor').length, { timeout: 3000 }).toBe(4);
  });

  it('answers 422 naming each worker\'s part in a reload that failed, and they keep what they had', async () => {
    writeFileSync(configFile, config({ mode: 'detect', rules: ['first.rules', 'missing.rules'] }));
    const reload = await adminPost('/reload');
    expect(reload.status).toBe(422);
    expect(reload.body.error).toBe('WARDEN_CLUSTER_RELOAD_FAILED');
    expect(reload.body.message).toMatch(/applied by 0 of 2 workers/);
    const workers = (reload.body.details as { workers: { ok: boolean; code: string; pid: number }[] }).workers;
    expect(workers).toHaveLength(2);
    // Workers build one at a time (session 31): the first one's answer is the rule set it could not build
    // (a listed file is missing), and the second is not asked to build what will not go in force.
    expect(workers.map((w) => [w.ok, w.code])).toEqual([
      [false, 'WARDEN_SIGNATURES_RULESET_INVALID'],
      [false, 'NOT_TRIED'],
    ]);
    expect(new Set(workers.map((w) => w.pid)).size).toBe(2);
    // Both rules still in force (detect mode: logged as monitor, not blocked).
    expect(await get(`/kept-rules?q=${ADDED}`)).toBe(200);
    await expect.poll(() => verdictLines().some((l) => l.request.path === '/kept-rules' && l.action === 'monitor'), { timeout: 3000 }).toBe(true);
    writeFileSync(configFile, config({ mode: 'detect', rules: ['first.rules', 'added.rules'] }));
  });

  it('refuses a reload that changes upstream with 409 naming it, and keeps the running config', async () => {
    writeFileSync(configFile, config({ mode: 'prevent', upstream: 'http://127.0.0.1:9', rules: ['first.rules', 'added.rules'] }));
    const reload = await adminPost('/reload');
    expect(reload.status).toBe(409);
    expect(reload.body.error).toBe('WARDEN_CONFIG_NEEDS_RESTART');
    expect(reload.body.message).toMatch(/needs a restart: upstream\b/);
    // Nothing was applied, not even the hot mode change in the same file: still detect, still NGINX.
    for (let i = 0; i < 4; i++) expect(await get(`/kept-${i}?q=${ATTACK}`)).toBe(200);
    expect(warden.output()).toMatch(/reload refused.*WARDEN_CONFIG_NEEDS_RESTART: needs a restart: upstream/);
    writeFileSync(configFile, config({ mode: 'detect', rules: ['first.rules', 'added.rules'] }));
  });

  it('alerts each refused or failed reload once, from the primary (the workers do not report their part)', async () => {
    const reloadAlerts = (): { key: string; summary: string }[] =>
      (alertHook.bodies as { when: string; key: string; summary: string }[]).filter((a) => a.when === 'reload-failed');
    await waitUntil(() => reloadAlerts().length >= 2, 5_000, 'the two reload-failed alerts');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(reloadAlerts().map((a) => a.key)).toEqual(['WARDEN_CLUSTER_RELOAD_FAILED', 'WARDEN_CONFIG_NEEDS_RESTART']);
    expect(reloadAlerts()[0].summary).toMatch(/reload applied by 0 of 2 workers/);
  });

  it('respawns a crashed worker, which serves with the reloaded config', async () => {
    const [victim] = workerPids(warden.output());
    process.kill(victim, 'SIGKILL');
    await waitFor(warden.output, new RegExp(`worker \\d \\(pid ${victim}\\) exited \\(SIGKILL\\); respawning in 100 ms`), 10_000);
    await waitFor(warden.output, /(listening on .*worker \d+\)[\s\S]*){3}/, 80_000);
    const ready = (await (await request(`http://${admin}/readyz`, { headers: auth })).body.json()) as { workers: { ready: number } };
    expect(ready.workers.ready).toBe(2);
    // The new worker got the reloaded config from the primary: detect mode, the added rule.
    for (let i = 0; i < 6; i++) expect(await get(`/respawned-${i}?q=${ADDED}`)).toBe(200);
    expect(sumOf(await metricsText(), 'warden_worker_restarts_total')).toBe(1);
  }, 90_000);

  it('drains a request in flight on SIGTERM, then stops the primary and every worker', async () => {
    const pids = workerPids(warden.output()).filter(processAlive);
    expect(pids).toHaveLength(2);
    // A request whose body is still arriving when the signal comes.
    const socket: Socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.write(`POST /echo/in-flight HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nhello`);
    await new Promise((r) => setTimeout(r, 300));
    const stoppedAt = Date.now();
    warden.child.kill('SIGTERM');
    await waitFor(warden.output, /SIGTERM; draining 2 worker/, 5_000);
    socket.write('world');
    await expect.poll(() => answer, { timeout: 5000 }).toMatch(/^HTTP\/1\.1 200/);
    expect(await warden.exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    for (const pid of pids) await expect.poll(() => processAlive(pid), { timeout: 2000 }).toBe(false);
    socket.destroy();
  });
});

describe('warden serve --workers 2, stopping and failing', () => {
  let holder: Server | null = null;
  afterAll(() => holder?.close());

  // Walked from the README: POST /reload right after start-up answered "1 of 1 applied" with workers: 2 (the
  // second worker was still building its gates from the config it had taken before the reload, and came up
  // on it). The model and the bundled rules are on, as by default, so a worker takes seconds to build: the
  // reload goes out when the first worker listens, often while the other is still building.
  it('a reload sent while a worker is still starting reaches it too: the answer counts both, every request runs the reloaded config', async () => {
    const p = await freePort();
    const adminAt = `127.0.0.1:${await freePort()}`;
    const file = join(dir, 'starting.yaml');
    const write = (mode: string): void =>
      writeFileSync(file, `upstream: ${nginx.origin}\nlisten: 127.0.0.1:${p}\nworkers: 2\nmode: ${mode}\nadmin: { enabled: true, listen: ${adminAt} }\nrules: { files: [first.rules] }\nforwarding: { trustedProxies: [127.0.0.1/32] }\nlogging: { decisions: ${join(dir, 'starting.log')} }\n`);
    write('prevent');
    const run = runCli(['serve', '--config', file]);
    try {
      await waitFor(run.output, /listening on/, 80_000);
      write('detect');
      const res = await request(`http://${adminAt}/reload`, { method: 'POST' });
      expect(res.statusCode).toBe(200);
      expect(((await res.body.json()) as { reloaded: { workers: string } }).reloaded.workers).toBe('2 of 2 applied');
      // One connection per request: the primary's round robin gives both workers their share.
      for (let i = 0; i < 20; i++) {
        const r = await request(`http://127.0.0.1:${p}/starting-${i}?q=${ATTACK}`, { reset: true, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
        await r.body.text();
        expect(r.statusCode).toBe(200);
      }
    } finally {
      run.child.kill('SIGTERM');
      await run.exit;
    }
  }, 120_000);

  it('cuts a request that never finishes at timeouts.shutdownMs on SIGINT and still stops every process', async () => {
    const p = await freePort();
    const file = join(dir, 'sigint.yaml');
    writeFileSync(file, `upstream: ${nginx.origin}\nlisten: 127.0.0.1:${p}\nworkers: 2\nadmin: { enabled: false }\nmodel: { enabled: false }\ntimeouts: { shutdownMs: 3000 }\nlogging: { decisions: ${join(dir, 'sigint.log')} }\n`);
    const run = runCli(['serve', '--config', file]);
    await waitFor(run.output, /listening on[\s\S]*listening on/, 80_000);
    const pids = workerPids(run.output());
    const socket = connect(p, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const closed = new Promise((r) => socket.once('close', r));
    socket.on('error', () => undefined);
    socket.write(`POST /echo/stuck HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial`);
    await new Promise((r) => setTimeout(r, 300));
    const stoppedAt = Date.now();
    run.child.kill('SIGINT');
    await closed;
    expect(await run.exit).toBe(0);
    // 80 % of shutdownMs for the drain, then the cut; the workers exited on their own (exit 0, nobody
    // was killed), all within the bound plus the primary's own exit.
    expect(Date.now() - stoppedAt).toBeLessThan(3000 + 1000);
    expect(run.output()).toMatch(/SIGINT; draining 2 worker/);
    for (const pid of pids) await expect.poll(() => processAlive(pid), { timeout: 2000 }).toBe(false);
  }, 90_000);

  it('exits non-zero with the worker error when a worker cannot bind (port taken), instead of hanging or respawning', async () => {
    holder = createServer();
    const p = await new Promise<number>((resolve) => holder!.listen(0, '127.0.0.1', () => resolve((holder!.address() as { port: number }).port)));
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, `upstream: ${nginx.origin}\nlisten: 127.0.0.1:${p}\nworkers: 2\nadmin: { enabled: false }\nmodel: { enabled: false }\nlogging: { decisions: ${join(dir, 'taken.log')} }\n`);
    const run = runCli(['serve', '--config', file]);
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain('WARDEN_CLUSTER_WORKER_START_FAILED');
    expect(run.output()).toContain('WARDEN_PROXY_LISTEN_FAILED');
    expect(run.output()).not.toMatch(/respawning/);
  }, 90_000);
});
