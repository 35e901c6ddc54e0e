import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { helloFormFields } from '../helpers/big-bodies.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { readLogLines, waitForLogLine } from '../helpers/log-lines.js';

// An inspection worker thread that dies or hangs must not lose a request or pass it unjudged
// (src/offload/pool.ts): the request is judged per failure.gateErrors (open: on the event loop;
// closed: a gate failure, blocked), the failure is logged once and counted, the thread started again.
// A reload reaches the threads before the new rules serve.
const MARKER = 'offload-marker-one';
const ruleFor = (word: string, sid: number): string =>
  `drop http $EXTERNAL_NET any -> $HOME_NET any (msg:"test ${word}"; flow:to_server,established; content:"${word}"; http_client_body; sid:${sid}; rev:1;)\n`;

/** A multipart body of `parts` small parts, `marker` in the last one. */
function multipart(parts: number, marker = 'benign'): { contentType: string; body: Buffer } {
  const b = 'FailBoundary';
  const all = Array.from({ length: parts }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${i === parts - 1 ? marker : `hello ${i}`}\r\n`);
  return { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`${all.join('')}--${b}--\r\n`) };
}

/** A form of `mib` MiB (~90,000 fields per MiB): its walk takes hundreds of ms. */
function bigForm(mib: number): Buffer {
  return Buffer.from(helloFormFields(mib * 1_048_576 - 100).join('&'));
}

let nginx: NginxUpstream;
beforeAll(async () => {
  nginx = await startNginx();
}, 60_000);
afterAll(async () => {
  await nginx?.stop();
});

interface Started {
  warden: RunningWarden;
  dir: string;
  log: string;
  origin: string;
}

/** A Warden with offload threads on the defaults plus `extra`; `ready: false` leaves the threads to start with the first big body. */
async function start(extra: string, options: { ready?: boolean } = {}): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-offload-'));
  const log = join(dir, 'decisions.log');
  writeFileSync(join(dir, 'local.rules'), ruleFor(MARKER, 1000101));
  writeFileSync(
    join(dir, 'warden.yaml'),
    `upstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nadmin: { enabled: false }\nmodel: { enabled: false }\nreputation: { enabled: false }\n` +
      `rules: { bundled: false, files: [local.rules], strict: true }\nlogging: { decisions: ${log}, level: info }\n${extra}`,
  );
  const warden = await startWarden(await loadConfig(join(dir, 'warden.yaml')), { configFile: join(dir, 'warden.yaml') });
  if (options.ready !== false) await warden.offload!.ready();
  return { warden, dir, log, origin: `http://${warden.address}` };
}

/** A Warden started for the describe block that calls this (beforeAll) and closed after it (afterAll). */
function startedFor(extra: string, options: { ready?: boolean } = {}): () => Started {
  let started: Started | undefined;
  beforeAll(async () => {
    started = await start(extra, options);
  }, 60_000);
  afterAll(async () => {
    await started?.warden.close();
  });
  return () => started!;
}

async function post(origin: string, contentType: string, body: Buffer): Promise<number> {
  const res = await request(`${origin}/api/upload`, { method: 'POST', headers: { 'content-type': contentType }, body });
  await res.body.dump();
  return res.statusCode;
}

async function metric(warden: RunningWarden, name: string): Promise<string> {
  return warden.metrics.registry.getSingleMetricAsString(name);
}

/** Ends the one thread as soon as a request is in it (as a crash would), while that request waits. */
async function killWhenBusy(warden: RunningWarden): Promise<void> {
  const pool = warden.offload!;
  for (let i = 0; i < 2000 && pool.inFlight === 0; i++) await new Promise((r) => setTimeout(r, 1));
  expect(pool.inFlight).toBeGreaterThan(0);
  await pool.workersForTest()[0].terminate();
}

// A thread compiles the bundled rules and loads the model before it takes work: ~5 s on a quiet CI core,
// past 10 s at a load average of 17 (both `dies` tests failed there, passing alone), so up to 40 s.
async function threadReady(warden: RunningWarden): Promise<void> {
  for (let i = 0; i < 1600 && !warden.offload!.takes(1_048_576); i++) await new Promise((r) => setTimeout(r, 25));
  expect(warden.offload!.takes(1_048_576)).toBe(true);
}

describe('an inspection worker thread that dies', () => {
  const s = startedFor('offload: { threads: 1, minBodyBytes: 65536 }\nfailure: { gateErrors: open }\n');

  it('with gateErrors open, has its request judged on the event loop, logs it once and starts a new thread', async () => {
    const attack = multipart(3000, MARKER);
    const [status] = await Promise.all([post(s().origin, attack.contentType, attack.body), killWhenBusy(s().warden)]);
    expect(status).toBe(403); // judged in full on the event loop: the rule in the last part fired
    expect(await metric(s().warden, 'warden_offload_fallbacks_total')).toMatch(/reason="died",fallback="in-loop"} 1\b/);
    const line = await waitForLogLine(s().log, (l) => l.event === 'offload');
    expect(line).toMatchObject({ reason: 'died', requests: 1, gateErrors: 'open' });
    await threadReady(s().warden);
    expect(await metric(s().warden, 'warden_offload_worker_restarts_total')).toMatch(/ 1\b/);
    expect(readLogLines(s().log).filter((l) => l.event === 'offload')).toHaveLength(1);
    // The new thread judges the next big body.
    expect(await post(s().origin, attack.contentType, attack.body)).toBe(403);
    expect(await metric(s().warden, 'warden_offload_requests_total')).toMatch(/warden_offload_requests_total 1\b/);
  }, 60_000);
});

describe('an inspection worker thread that dies with gateErrors closed', () => {
  const s = startedFor('offload: { threads: 1, minBodyBytes: 65536 }\nfailure: { gateErrors: closed }\n');

  it('blocks its benign request as a gate failure instead of passing it unjudged', async () => {
    const benign = multipart(3000);
    const [status] = await Promise.all([post(s().origin, benign.contentType, benign.body), killWhenBusy(s().warden)]);
    expect(status).toBe(403);
    const line = await waitForLogLine(s().log, (l) => l.event === 'verdict' && l.action === 'block');
    expect(line.failures).toEqual([expect.objectContaining({ gate: 'inspect', code: 'WARDEN_OFFLOAD_WORKER_FAILED' })]);
    expect(nginx.accessLog().filter((l) => l.request?.includes('/api/upload'))).toHaveLength(0);
    expect(await metric(s().warden, 'warden_offload_fallbacks_total')).toMatch(/reason="died",fallback="fail-closed"} 1\b/);
    await threadReady(s().warden);
    expect(await post(s().origin, benign.contentType, benign.body)).toBe(200);
  }, 60_000);
});

describe('an inspection worker thread that hangs', () => {
  // A 16 MiB form walks for hundreds of ms: with timeoutMs at its floor (100 ms) the thread is silent past it, taken for hung.
  const s = startedFor(
    'offload: { threads: 1, minBodyBytes: 65536, timeoutMs: 100 }\nbody: { limit: 20000000 }\ninspection: { cpuBudgetMs: 60000, memoryBudgetMb: 4096 }\n',
  );

  it('is ended after timeoutMs without an answer; its request is judged on the event loop', async () => {
    const status = await post(s().origin, 'application/x-www-form-urlencoded', Buffer.concat([bigForm(16), Buffer.from(`&q=${MARKER}`)]));
    expect(status).toBe(403);
    expect(await metric(s().warden, 'warden_offload_fallbacks_total')).toMatch(/reason="timeout",fallback="in-loop"} 1\b/);
    expect(await waitForLogLine(s().log, (l) => l.event === 'offload')).toMatchObject({ reason: 'timeout', requests: 1 });
    await threadReady(s().warden);
  }, 60_000);
});

describe('the heap cap of an inspection worker thread (offload.maxHeapMb)', () => {
  const s = startedFor('offload: { threads: 1, minBodyBytes: 65536, maxHeapMb: 96 }\n');

  // Reaching the cap ends the thread alone (ERR_WORKER_OUT_OF_MEMORY, then handled as a thread that dies,
  // above); without one V8's heap-limit failure aborts the process. No request reaches it here: the
  // walk's own caps (targets, decoded length, memoryBudgetMb) keep one request's heap far below it.
  it('is set on every thread, and a restarted thread gets it too', async () => {
    const first = s().warden.offload!.workersForTest()[0];
    expect(first.resourceLimits?.maxOldGenerationSizeMb).toBe(96);
    await first.terminate();
    for (let i = 0; i < 400 && (s().warden.offload!.workersForTest()[0] ?? first) === first; i++) await new Promise((r) => setTimeout(r, 25));
    await threadReady(s().warden);
    const second = s().warden.offload!.workersForTest()[0];
    expect(second).not.toBe(first);
    expect(second.resourceLimits?.maxOldGenerationSizeMb).toBe(96);
  }, 60_000);
});

describe('inspection worker threads started by the first big body', () => {
  const s = startedFor('', { ready: false });

  it('are on by default, judge nothing small, and inspect big bodies on the event loop until they are ready', async () => {
    expect(s().warden.offload).not.toBeNull();
    expect(await post(s().origin, 'application/x-www-form-urlencoded', Buffer.from(`q=${MARKER}`))).toBe(403);
    expect(s().warden.offload!.workersForTest()).toHaveLength(0); // a small body starts nothing
    const attack = multipart(3000, MARKER);
    expect(await post(s().origin, attack.contentType, attack.body)).toBe(403); // judged on the loop while the thread builds
    expect(await metric(s().warden, 'warden_offload_fallbacks_total')).toMatch(/reason="unavailable",fallback="in-loop"} 1\b/);
    // A reload before the thread is ready reaches it too: it builds the generation in force. The new rules go to a
    // new file (the config names it), so the thread's first build still reads the rules it was started with.
    writeFileSync(join(s().dir, 'reloaded.rules'), ruleFor(MARKER, 1000101) + ruleFor('offload-marker-two', 1000102));
    writeFileSync(join(s().dir, 'warden.yaml'), readFileSync(join(s().dir, 'warden.yaml'), 'utf8').replace('files: [local.rules]', 'files: [reloaded.rules]'));
    await s().warden.reload();
    await s().warden.offload!.ready();
    const second = multipart(3000, 'offload-marker-two');
    expect(await post(s().origin, second.contentType, second.body)).toBe(403);
    expect(await metric(s().warden, 'warden_offload_requests_total')).toMatch(/warden_offload_requests_total 1\b/);
  }, 60_000);
});

describe('inspection worker threads started after a rule file was edited (not reloaded)', () => {
  const s = startedFor('', { ready: false });

  it('build the rules in force from the event loop read, not the edited file: they start, judge alike, and take the edit with the reload', async () => {
    // The operator edits the file and has not reloaded yet when the first big body starts the threads.
    writeFileSync(join(s().dir, 'local.rules'), ruleFor(MARKER, 1000101) + ruleFor('offload-marker-two', 1000102));
    await s().warden.offload!.ready(20_000); // before: the threads read the edited file, disagreed with the event loop and were replaced again and again
    const second = multipart(3000, 'offload-marker-two');
    expect(await post(s().origin, second.contentType, second.body)).toBe(200); // the edit is not in force yet, in a thread as on the loop
    const first = multipart(3000, MARKER);
    expect(await post(s().origin, first.contentType, first.body)).toBe(403);
    expect(await metric(s().warden, 'warden_offload_requests_total')).toMatch(/warden_offload_requests_total 2\b/);
    expect(readLogLines(s().log).filter((l) => l.event === 'offload')).toEqual([]);
    const described = await s().warden.reload();
    expect(described.signatures).toMatch(/^2 rules/);
    expect(await post(s().origin, second.contentType, second.body)).toBe(403);
    expect(await metric(s().warden, 'warden_offload_requests_total')).toMatch(/warden_offload_requests_total 3\b/);
  }, 60_000);
});

describe('hot reload with inspection worker threads', () => {
  const s = startedFor('offload: { threads: 2, minBodyBytes: 65536 }\n');

  it('has every thread judge with the new rules once the reload has returned', async () => {
    const second = multipart(3000, 'offload-marker-two');
    expect(await post(s().origin, second.contentType, second.body)).toBe(200);
    writeFileSync(join(s().dir, 'local.rules'), ruleFor(MARKER, 1000101) + ruleFor('offload-marker-two', 1000102));
    const described = await s().warden.reload();
    expect(described.signatures).toMatch(/^2 rules/);
    // Both threads (requests go to the least busy one, ties in turn): every one of them blocks now.
    const statuses = await Promise.all(Array.from({ length: 6 }, () => post(s().origin, second.contentType, second.body)));
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await metric(s().warden, 'warden_offload_requests_total')).toMatch(/warden_offload_requests_total 7\b/);
    expect(await metric(s().warden, 'warden_offload_fallbacks_total')).not.toMatch(/} [1-9]/);
  }, 60_000);

  it('keeps the rules in force in every thread when the reload fails', async () => {
    writeFileSync(join(s().dir, 'local.rules'), 'drop http any any -> any any (msg:"broken"; content:"x"; byte_test:4,>,1,0; sid:1000103;)\n');
    await expect(s().warden.reload()).rejects.toMatchObject({ code: 'WARDEN_SIGNATURES_RULESET_INVALID' });
    const second = multipart(3000, 'offload-marker-two');
    const statuses = await Promise.all(Array.from({ length: 4 }, () => post(s().origin, second.contentType, second.body)));
    expect(statuses).toEqual([403, 403, 403, 403]);
  }, 60_000);
});
