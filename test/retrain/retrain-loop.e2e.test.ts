/**
 * The retraining loop end to end, as the README tells an operator to run it, against a real NGINX and
 * the shipped model with the default model resolution (`model.path: ""`): an app's admin settings
 * save the log file each service writes (`POST /api/settings/services/{id}`, field `path`); a bare
 * path such as `/var/log/nginx/access.log` is what the generator's `sensitive-mentions` family sends in
 * settings fields, and in a field whose name says nothing more than `path` (a file-inclusion parameter's
 * name, so not a path mention: src/model/path-mention.ts) the shipped model scores most of them as
 * local-file inclusion (the model card's "values that are also attacks"), so it blocks many saves (payload-v1.2: 36 of 60); the operator labels them benign with
 * `warden label`; `warden train --from-logs` (defaults, except a smaller documented `--base-size` to
 * keep CI short) fine-tunes a candidate, judges the trained weights on the requests shipped with the
 * model and on the fixed set's attacks, and keeps them (they would be dropped for the weights in force if
 * they blocked more or caught fewer than the gate allows; until 2026-12-07 they always were);
 * `warden replay` shows the flips; `warden promote` passes the gate, benign requests included, and
 * reloads the running proxy; the same saves now pass live, a fixed set of 600 generated
 * attacks across families keeps its TPR within half a point, the decision log names the new version;
 * `warden rollback` brings the shipped model back the same way.
  */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { main } from '../../src/cli/main.js';
import { synthesizeAttacks } from '../../src/model/training-data/attack-grammar.js';
import type { RequestRecord } from '../../src/eval/record.js';
import type { TrafficLine } from '../../src/log/traffic-log.js';
import type { ReplayReport } from '../../src/retrain/replay.js';
import { picker } from './blog-traffic.js';
import { SHIPPED_VERSION, SHIPPED_VERSION_RE } from '../helpers/shipped-model.js';

/**
 * Training size for CI (the default trains on all ~90,000 shipped base texts kept out of calibration, 2 epochs; README gives its timing).
 * CI_TRAIN='--epochs 2' runs the README's default recipe through the same journey (~80 s here).
 */
const CI_TRAIN = (process.env.CI_TRAIN ?? '--base-size 10000 --epochs 1').split(' ').filter(Boolean);
const SERVICES = ['nginx', 'apache2', 'blog', 'php-fpm', 'mysql', 'redis', 'app'];
const LOG_NAMES = ['access', 'error', 'slow', 'debug', 'app', 'cron'];
/** Every post from its own author: one user's blocks do not colour the next user's verdict. */
const author = (i: number): string => `100.64.${i >> 8}.${i & 255}`;
const isAuthor = (ip: string): boolean => ip.startsWith('100.64.');
const SKIP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'x-forwarded-for', 'expect']);

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let dir: string;
let config: string;

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

async function send(ip: string, r: Pick<RequestRecord, 'method' | 'path' | 'query' | 'headers' | 'body'>): Promise<number> {
  const headers: Record<string, string> = { 'x-forwarded-for': ip };
  for (const [k, v] of Object.entries(r.headers)) if (!SKIP_HEADERS.has(k.toLowerCase())) headers[k] = v;
  const res = await request(`${warden.origin}${r.path}${r.query ? `?${r.query}` : ''}`, { method: r.method as 'GET', headers, body: r.body });
  await res.body.text();
  return res.statusCode;
}

/** 600 attacks of every family the grammar writes, each in a search query, each from its own address. */
const ATTACK_SET = synthesizeAttacks(4242, 600).map((a) => a.text);
async function attackTpr(net: number): Promise<number> {
  let blocked = 0;
  for (let i = 0; i < ATTACK_SET.length; i++) {
    const status = await send(`198.${net}.${i >> 8}.${i & 255}`, { method: 'GET', path: '/search', query: `q=${encodeURIComponent(ATTACK_SET[i])}`, headers: { accept: 'text/html' } });
    if (status === 403) blocked++;
  }
  return blocked / ATTACK_SET.length;
}

function trafficLines(): TrafficLine[] {
  return readFileSync(join(dir, 'logs', 'traffic.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TrafficLine);
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 500)); // the traffic log writes asynchronously

beforeAll(async () => {
  if (nginxBinary() === null) return;
  dir = mkdtempSync(join(tmpdir(), 'retrain-e2e-'));
  mkdirSync(join(dir, 'logs'));
  config = join(dir, 'warden.yaml');
  // What the README's section sets: the traffic log on; the model left at its default.
  writeFileSync(config, `logging:\n  traffic: { enabled: true, file: ${join(dir, 'logs', 'traffic.ndjson')} }\n`);
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, {
    model: { store: join(dir, 'models') },
    forwarding: { trustedProxies: ['127.0.0.1/32'] },
    admin: { enabled: true, listen: '127.0.0.1:0' },
    logging: { logAllowed: true, traffic: { enabled: true, file: join(dir, 'logs', 'traffic.ndjson'), sampleRate: 1 } },
  });
}, 60_000);

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

describe.skipIf(nginxBinary() === null)('retraining loop, end to end (shipped model, default model resolution)', () => {
  it('labels the false positives, retrains, replays, promotes: the same posts pass live, attacks stay caught; rollback restores', async () => {
    const started = performance.now();
    const logs = join(dir, 'logs');
    // 60 settings saves: each service's log file.
    const { pick } = picker(16);
    const posts = Array.from({ length: 60 }, (_, i) => {
      const logFile = `/var/log/${pick(SERVICES)}/${pick(LOG_NAMES)}.log`;
      return { id: `settings-${i}`, method: 'POST', path: `/api/settings/services/${100 + i}`, query: '', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ path: logFile }) };
    });
    const statuses = new Map<string, number>();
    for (let i = 0; i < posts.length; i++) statuses.set(posts[i].id, await send(author(i), posts[i]));
    const tprBefore = await attackTpr(18);
    await settle();
    const blockedPosts = posts.filter((p) => statuses.get(p.id) === 403);
    expect(blockedPosts.length).toBeGreaterThanOrEqual(10); // the shipped model blocks many of these saves

    // The operator looks the blocks up (by incident id, as the 403 body and the decision log give it) and labels them.
    const lines = trafficLines();
    const fpIds = lines.filter((l) => isAuthor(l.ip) && l.verdict.action === 'block').map((l) => l.id);
    expect(fpIds.length).toBe(blockedPosts.length);
    // One with the command line, the rest with a bulk file (`<id> benign` lines, as grep | awk gives them).
    const c = io();
    expect(await main(['label', fpIds[0], '--benign', '--config', config], c.io), c.err.join('\n')).toBe(0);
    writeFileSync(join(dir, 'fps.txt'), fpIds.slice(1).map((id) => `${id} benign`).join('\n') + '\n');
    expect(await main(['label', '--file', join(dir, 'fps.txt'), '--config', config], c.io), c.err.join('\n')).toBe(0);

    const t0 = performance.now();
    const train = io();
    const candidate = join(dir, 'models', 'candidate');
    expect(await main(['train', '--from-logs', logs, '--out', candidate, '--config', config, ...CI_TRAIN], train.io), train.err.join('\n')).toBe(0);
    const trainSeconds = (performance.now() - t0) / 1000;
    expect(train.err.join('\n')).toMatch(/ETA \d+ s/);
    expect(train.err.join('\n')).toMatch(new RegExp(`fine-tuning ${SHIPPED_VERSION_RE}`));
    // The candidate's operating point matched to the model in force on held-out benign texts: the gate below refuses one that flags more.
    expect(train.err.join('\n')).toMatch(new RegExp(`operating point: ${SHIPPED_VERSION_RE} flags \\d+ of \\d+ held-out benign texts`));
    // The trained weights are judged on the benign requests shipped with the model, as promote judges them;
    // weights that block more than the gate allows are not kept (the field profile still carries the labels).
    expect(train.err.join('\n')).toMatch(/benign requests shipped with the model, trained weights: current flags \d+ of \d+ benign requests → candidate \d+/);
    // And the labels change the model, not only its field profiles: the trained weights pass every auto
    // check and are kept. Before 2026-12-07 (session 31, m31) auto dropped every fine-tune of this recipe
    // (labels as the base texts' targets, Adam step 0.005, a per-text operating point: 19–837 of the 9,047
    // shipped requests blocked against an allowance of 3), and this failed.
    const trained = JSON.parse(readFileSync(join(candidate, 'model.json'), 'utf8')) as { training: { weights: string; fineTunedFrom: string | null } };
    expect(trained.training.weights, train.err.join('\n')).toBe('fine-tuned');
    expect(trained.training.fineTunedFrom).toBe(SHIPPED_VERSION);
    expect(train.err.join('\n')).toMatch(/attack requests shipped with the model, trained weights: current blocks \d+ of \d+ attack requests → candidate \d+/);
    expect(train.err.join('\n')).not.toMatch(/dropping the trained weights/);

    const replay = io();
    expect(await main(['replay', logs, '--model', candidate, '--config', config, '--json'], replay.io)).toBe(0);
    const report = JSON.parse(replay.out.join('')) as ReplayReport;
    // Replayed offline (no reputation), the current model still blocks nearly all; the candidate none.
    expect(report.operator.current.tnr ?? 1).toBeLessThan(0.5);
    expect(report.operator.candidate.tnr).toBe(1);
    expect(report.flips['block→allow'].count).toBeGreaterThanOrEqual(fpIds.length);

    const promote = io();
    expect(await main(['promote', candidate, '--config', config, '--admin', warden.adminAddress ?? ''], promote.io), promote.out.join('\n') + promote.err.join('\n')).toBe(0);
    expect(promote.out.join('\n')).toMatch(/proxy reloaded: model retrained-/);
    // Measured without --benign: the ~8,000 generated benign requests shipped with the model, both full pipelines.
    expect(promote.out.join('\n')).toMatch(/ok {3}benign requests shipped with the model: current flags \d+ of \d{4} benign requests → candidate \d+/);

    // The same posts, live, through the running proxy on the promoted model.
    // From fresh addresses: this measures what the promoted model lets through, not what a source's
    // own history (it was blocked once; a label does not clear reputation) adds to it.
    let stillBlocked = 0;
    for (const [i, p] of blockedPosts.entries()) if ((await send(`100.65.${i >> 8}.${i & 255}`, p)) === 403) stillBlocked++;
    expect(stillBlocked).toBe(0);
    const tprAfter = await attackTpr(19);
    expect(tprAfter).toBeGreaterThanOrEqual(tprBefore - 0.005);
    await settle();
    const verdicts = readFileSync(warden.logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event?: string; model?: { version: string } })
      .filter((d) => d.event === 'verdict');
    // Verdicts a block rule settled carry no model (it did not run): the last five the model judged.
    const modelled = verdicts.filter((d) => d.model !== undefined);
    expect(modelled.length).toBeGreaterThanOrEqual(5);
    expect(modelled.slice(-5).every((d) => d.model?.version.startsWith('retrained-'))).toBe(true);

    const rollback = io();
    expect(await main(['rollback', '--config', config, '--admin', warden.adminAddress ?? ''], rollback.io)).toBe(0);
    expect(rollback.out.join('\n')).toMatch(new RegExp(`proxy reloaded: model ${SHIPPED_VERSION_RE}`));
    expect(await send('100.66.0.1', blockedPosts[0])).toBe(403);

    console.log(
      [
        `settings saves: ${posts.length}, blocked by ${SHIPPED_VERSION}: ${blockedPosts.length}; after promotion: ${stillBlocked}`,
        `attack set (${ATTACK_SET.length} generated, every family): TPR before ${(tprBefore * 100).toFixed(2)} %, after ${(tprAfter * 100).toFixed(2)} %`,
        `train --from-logs ${CI_TRAIN.join(' ')}: ${trainSeconds.toFixed(1)} s; whole scenario ${((performance.now() - started) / 1000).toFixed(1)} s`,
        ...train.err.filter((l) => !l.startsWith('epoch')),
        promote.out.join('\n'),
      ].join('\n'),
    );
    // ~41 s alone; once past 180 s in the full suite at load ~13 (training and replay are CPU-bound).
  }, 900_000);
});
