/**
 * The retraining loop end to end, against a real NGINX: a blog whose rich-text `content` field the
 * base model flags runs through Warden in detect mode; an operator labels a few false positives; the
 * candidate is trained from the log, replayed, promoted through the gate, and picked up by the running
 * proxy; fresh traffic shows the false positives gone and the attacks still caught. The base model is
 * trained here from a small corpus (seconds), so the test does not depend on the shipped model.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxBinary, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { fitPayloadModel } from '../../src/model/fit.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import { pointCurrent } from '../../src/retrain/model-store.js';
import type { TrafficLine } from '../../src/log/traffic-log.js';
import type { ReplayReport } from '../../src/retrain/replay.js';
import { ATTACKS, baseCorpus, picker, richText, sentence } from './blog-traffic.js';

const FEATURES = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 12 };
const AUTHORS = ['198.51.100.11', '198.51.100.12', '198.51.100.13', '198.51.100.14'];
const READERS = ['198.51.100.21', '198.51.100.22', '198.51.100.23', '198.51.100.24', '198.51.100.25'];
const ATTACKER = '203.0.113.66';
const WEAK = ['--min-clean-requests', '3', '--min-clean-span', '0'];

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let dir: string;

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

async function send(ip: string, method: string, path: string, body?: object): Promise<void> {
  const res = await request(`${warden.origin}${path}`, {
    method: method as 'GET' | 'POST',
    headers: { 'x-forwarded-for': ip, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  await res.body.text();
}

/** One round of the blog's traffic: readers search and comment, authors post rich text, the attacker probes. */
async function blogTraffic(seed: number): Promise<void> {
  const { pick } = picker(seed);
  for (let i = 0; i < 40; i++) await send(READERS[i % READERS.length], 'GET', `/search?q=${encodeURIComponent(sentence(pick, 2))}`);
  for (let i = 0; i < 24; i++) await send(AUTHORS[i % AUTHORS.length], 'POST', '/posts', { title: sentence(pick, 3), content: richText(pick), api_token: `tok-${i}` });
  for (let i = 0; i < 10; i++) await send(READERS[i % READERS.length], 'POST', `/posts/${10 + i}/comments`, { text: `${sentence(pick, 5)}!` });
  for (const a of ATTACKS) {
    await send(ATTACKER, 'GET', `/search?q=${encodeURIComponent(a)}`);
    await send(ATTACKER, 'POST', '/posts', { title: 'hi', content: a });
  }
}

function trafficLines(): TrafficLine[] {
  const logs = join(dir, 'logs');
  return readFileSync(join(logs, 'traffic.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TrafficLine);
}

function figures(lines: TrafficLine[]): { fp: number; benignPosts: number; tpr: number; attacks: number } {
  const posts = lines.filter((l) => l.method === 'POST' && l.path === '/posts' && AUTHORS.includes(l.ip));
  const attacks = lines.filter((l) => l.ip === ATTACKER);
  return {
    fp: posts.filter((l) => l.verdict.action !== 'allow').length,
    benignPosts: posts.length,
    tpr: attacks.filter((l) => l.verdict.action !== 'allow').length / attacks.length,
    attacks: attacks.length,
  };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 400)); // the traffic log writes asynchronously

beforeAll(async () => {
  if (nginxBinary() === null) return;
  dir = mkdtempSync(join(tmpdir(), 'retrain-e2e-'));
  const base = baseCorpus(7);
  writeFileSync(join(dir, 'base.ndjson'), base.map((b) => JSON.stringify(b)).join('\n') + '\n');
  const samples = base.map((b) => ({ text: b.text, label: (b.label === 'attack' ? 1 : 0) as 0 | 1, group: 'base' }));
  const fit = await fitPayloadModel(samples, samples.filter((_, i) => i % 10 === 0), { featureConfig: FEATURES, seed: 1, epochs: 3, hidden: 16, learningRate: 0.01, l2: 1e-6, maxFpr: 0.001 });
  const models = join(dir, 'models');
  await writeModelFiles(join(models, 'base-v1'), fit.weights, { version: 'base-v1', createdAt: new Date().toISOString(), features: FEATURES, threshold: PUBLISHED_THRESHOLD, training: {} });
  await pointCurrent(models, join(models, 'base-v1'));
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, {
    mode: 'detect',
    model: { path: join(models, 'current') },
    forwarding: { trustedProxies: ['127.0.0.1/32'] },
    admin: { enabled: true, listen: '127.0.0.1:0' },
    logging: { logAllowed: true, traffic: { enabled: true, file: join(dir, 'logs', 'traffic.ndjson'), sampleRate: 1 } },
  });
}, 120_000);

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

describe.skipIf(nginxBinary() === null)('retraining loop, end to end', () => {
  it('labels, retrains, replays, promotes: false positives gone, attacks still caught', async () => {
    const logs = join(dir, 'logs');
    const models = join(dir, 'models');
    const candidate = join(models, 'candidate');
    await blogTraffic(1);
    await settle();
    const before = figures(trafficLines());
    expect(before.fp).toBeGreaterThanOrEqual(4); // the base model does flag rich text

    // The operator marks a few false positives (and confirms two attacks).
    const fps = trafficLines().filter((l) => l.path === '/posts' && AUTHORS.includes(l.ip) && l.verdict.action !== 'allow');
    for (const l of fps.slice(0, 6)) expect(await main(['label', l.id, '--benign', '--logs', logs], io().io)).toBe(0);
    const hits = trafficLines().filter((l) => l.ip === ATTACKER);
    for (const l of hits.slice(0, 2)) expect(await main(['label', l.id, '--attack', '--logs', logs], io().io)).toBe(0);

    const t0 = performance.now();
    const train = io();
    const code = await main(
      ['train', '--from-logs', logs, '--base-data', join(dir, 'base.ndjson'), '--out', candidate, '--seed', '3', '--epochs', '3', '--hidden', '16', '--dim-log2', '12', '--models', models, ...WEAK],
      train.io,
    );
    const trainSeconds = (performance.now() - t0) / 1000;
    expect(code, train.err.join('\n')).toBe(0);
    expect(train.err.join('\n')).toMatch(/weak-benign: \d+/);
    expect(train.err.join('\n')).toMatch(/ETA/);
    expect(existsSync(join(candidate, 'profiles.json'))).toBe(true);
    // Deterministic with --seed: the same logs, labels and seed give the same weights and profiles.
    const again = join(dir, 'candidate-again');
    expect(await main(['train', '--from-logs', logs, '--base-data', join(dir, 'base.ndjson'), '--out', again, '--seed', '3', '--epochs', '3', '--hidden', '16', '--dim-log2', '12', '--models', models, ...WEAK], io().io)).toBe(0);
    const sha = (d: string): string => (JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')) as { weights: { sha256: string } }).weights.sha256;
    expect(sha(again)).toBe(sha(candidate));
    expect(readFileSync(join(again, 'profiles.json'), 'utf8')).toBe(readFileSync(join(candidate, 'profiles.json'), 'utf8'));

    const replay = io();
    expect(await main(['replay', logs, '--model', candidate, '--models', models, '--json', ...WEAK], replay.io)).toBe(0);
    const report = JSON.parse(replay.out.join('')) as ReplayReport;
    expect(report.flips['block→allow'].byRoute['POST /posts'] ?? 0, replay.out.join('')).toBeGreaterThan(0);
    // Anything newly blocked must be the attacker's, never a benign user's request.
    const lines = new Map(trafficLines().map((l) => [l.id, l]));
    for (const e of report.flips['allow→block'].examples) expect(lines.get(e.incidentId)?.ip).toBe(ATTACKER);
    expect(report.labelled.candidate.tnr ?? 0).toBeGreaterThan(report.labelled.current.tnr ?? 1);
    const text = io();
    await main(['replay', logs, '--model', candidate, '--models', models, ...WEAK], text.io);

    // Per-endpoint learning on its own: the base model's weights with the candidate's field profiles.
    const profilesOnly = join(dir, 'profiles-only');
    cpSync(join(models, 'base-v1'), profilesOnly, { recursive: true });
    cpSync(join(candidate, 'profiles.json'), join(profilesOnly, 'profiles.json'));
    const prof = io();
    expect(await main(['replay', logs, '--model', profilesOnly, '--models', models, '--json', ...WEAK], prof.io)).toBe(0);
    const profReport = JSON.parse(prof.out.join('')) as ReplayReport;
    expect(profReport.flips['block→allow'].byTarget['POST /posts body:content']).toBeGreaterThan(0);
    for (const e of profReport.flips['block→allow'].examples) expect(lines.get(e.incidentId)?.ip).not.toBe(ATTACKER);
    // Nothing of a secret reaches the candidate or a report.
    for (const f of readdirSync(candidate)) expect(readFileSync(join(candidate, f), 'latin1')).not.toContain('tok-');
    expect(text.out.join('\n')).not.toContain('tok-');

    const promote = io();
    const promoted = await main(['promote', candidate, '--models', models, '--logs', logs, '--admin', warden.adminAddress ?? '', ...WEAK], promote.io);
    expect(promoted, promote.err.join('\n') + promote.out.join('\n')).toBe(0);
    expect(promote.out.join('\n')).toMatch(/proxy reloaded/);

    // Fresh traffic through the running proxy, now on the promoted model.
    const seen = trafficLines().length;
    await blogTraffic(2);
    await settle();
    const after = figures(trafficLines().slice(seen));
    expect(after.fp).toBeLessThan(before.fp);
    expect(after.fp).toBeLessThanOrEqual(1);
    expect(after.tpr).toBeGreaterThanOrEqual(before.tpr - 0.05);
    // Every verdict line names the model version, including requests where the model scored nothing.
    const verdicts = readFileSync(warden.logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event?: string; model?: { version: string; screened: number } })
      .filter((d) => d.event === 'verdict');
    expect(verdicts.every((d) => typeof d.model?.version === 'string')).toBe(true);
    expect(verdicts.some((d) => d.model?.screened === 0)).toBe(true);
    expect(verdicts.slice(-5).every((d) => d.model?.version.startsWith('retrained-'))).toBe(true);

    const rollback = io();
    expect(await main(['rollback', '--models', models, '--admin', warden.adminAddress ?? ''], rollback.io)).toBe(0);
    expect(rollback.out.join('\n')).toMatch(/base-v1/);
    console.log(
      [
        `FP (benign rich-text posts flagged): before ${before.fp}/${before.benignPosts}, after ${after.fp}/${after.benignPosts}`,
        `attack TPR: before ${(before.tpr * 100).toFixed(1)} %, after ${(after.tpr * 100).toFixed(1)} % (${after.attacks} attack requests)`,
        `train --from-logs wall time ${trainSeconds.toFixed(1)} s`,
        `profiles alone (base weights + field profiles): ${profReport.blocked.current} → ${profReport.blocked.candidate} blocked, block→allow ${profReport.flips['block→allow'].count}, labelled TNR ${profReport.labelled.current.tnr} → ${profReport.labelled.candidate.tnr}, TPR ${profReport.labelled.current.tpr} → ${profReport.labelled.candidate.tpr}`,
        ...train.err.slice(0, 8),
        text.out.join('\n'),
        promote.out.join('\n'),
      ].join('\n'),
    );
  }, 120_000);
});
