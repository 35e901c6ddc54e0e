/**
 * `warden train --from-logs --weights`: which weights a candidate gets. `keep` writes the model in force's
 * weights unchanged and learns field profiles only; `auto` (the default) trains, replays the benign
 * requests shipped with the model through both full pipelines, and keeps the weights in force when the
 * trained ones block more of them than the promotion gate allows (or catch fewer attacks, on the fixed
 * set or transplanted into a field the labels retrained); `fine-tune` keeps the trained ones.
 * The shipped model and its shipped base requests are used as they are.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_MODEL } from '../../src/assemble.js';
import { main } from '../../src/cli/main.js';
import { loadBaseMaterial, readBaseRequests, SHIPPED_BASE } from '../../src/retrain/base-material.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { WardenConfig } from '../../src/config/types.js';
import { redactionPolicyOf } from '../../src/log/redact.js';
import { trainFromLogs } from '../../src/retrain/train-from-logs.js';
import { mayCarryAttack } from '../../src/model/screen.js';
import { blockedLogFileSaves, blockedSettingsSaves, writeLabelledLog } from './traffic-fixtures.js';
import { SHIPPED_VERSION_RE } from '../helpers/shipped-model.js';

let dir: string;
let logs: string;
let config: string;
const shippedWeights = readFileSync(join(SHIPPED_MODEL, 'weights.bin'));

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

function train(out: string, ...more: string[]): string[] {
  return ['train', '--from-logs', logs, '--config', config, '--current', SHIPPED_MODEL, '--out', join(dir, out), ...more];
}

/** `trainFromLogs` from the shipped model, one epoch on `base` material (or `baseData` texts beside its fixed set) and the labelled log in `labelled`, its lines into `said`. */
function retrainOneEpoch(cfg: WardenConfig, labelled: string, base: string, out: string, said: string[], baseData?: string): ReturnType<typeof trainFromLogs> {
  return trainFromLogs({
    baseData,
    config: cfg,
    logs: labelled,
    labelsFile: join(labelled, 'labels.ndjson'),
    redaction: redactionPolicyOf(cfg.logging.traffic),
    currentModelDir: SHIPPED_MODEL,
    baseMaterialDir: base,
    baseSize: 2000,
    out,
    seed: 1,
    epochs: 1,
    hidden: 32,
    maxFpr: 0.0005,
    log: (l) => said.push(l),
    progress: () => undefined,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'train-weights-'));
  logs = join(dir, 'logs');
  mkdirSync(logs);
  config = join(dir, 'warden.yaml');
  writeFileSync(config, `model: { store: ${join(dir, 'models')} }\nlogging: { traffic: { file: ${join(logs, 'traffic.ndjson')} } }\n`);
  // Settings saves naming a log file, blocked and labelled benign by the operator (the README's journey).
  const lines = blockedLogFileSaves();
  writeLabelledLog(logs, lines);
  // Base texts that teach the model ordinary request values are attacks: values of the shipped benign
  // requests that the lexical screen passes to the model, labelled attack, beside a few plain benign words.
  const requests = (await readBaseRequests()) ?? [];
  const values = new Set<string>();
  for (const r of requests) {
    for (const pair of r.query.split('&')) {
      const v = decodeURIComponent(pair.slice(pair.indexOf('=') + 1).replace(/\+/g, ' '));
      if (v.length > 3 && mayCarryAttack(v)) values.add(v);
    }
    if (values.size >= 600) break;
  }
  const base = [...[...values].map((text) => ({ text, label: 1 })), ...['hello', 'settings saved', 'page two', 'blue shoes'].map((text) => ({ text, label: 0 }))];
  writeFileSync(join(dir, 'poisoned-base.ndjson'), base.map((b) => JSON.stringify(b)).join('\n') + '\n');
}, 60_000);

describe('train --from-logs --weights', () => {
  it('keep: the weights in force, byte for byte, and the labelled field learned as a profile', async () => {
    const c = io();
    expect(await main(train('cand-keep', '--weights', 'keep'), c.io), c.err.join('\n')).toBe(0);
    expect(c.err.join('\n')).toMatch(new RegExp(`keeping ${SHIPPED_VERSION_RE}'s weights: the candidate learns field profiles only`));
    expect(c.out.join('\n')).toMatch(/weights of the model in force kept/);
    // No base text is in kept weights: no "0 base" beside the progress lines' base count.
    expect(c.out.join('\n')).toMatch(/attack texts from logs; \d+ field profiles/);
    expect(readFileSync(join(dir, 'cand-keep', 'weights.bin')).equals(shippedWeights)).toBe(true);
    const profiles = JSON.parse(readFileSync(join(dir, 'cand-keep', 'profiles.json'), 'utf8')) as { fields: Record<string, unknown> };
    expect(Object.keys(profiles.fields)).toContain('POST /api/settings/services/{id} body:path');
    const report = JSON.parse(readFileSync(join(dir, 'cand-keep', 'training-report.json'), 'utf8')) as { weights: string };
    expect(report.weights).toBe('kept');
  });

  it('auto: trained weights that block more shipped benign requests than the gate allows are not kept; fine-tune keeps them', async () => {
    // --anchor 0: the base texts train on their (poisoned) labels; the default would rehearse them at the shipped model's own scores.
    const common = ['--base-data', join(dir, 'poisoned-base.ndjson'), '--epochs', '2', '--learning-rate', '0.05', '--anchor', '0'];
    const auto = io();
    expect(await main(train('cand-auto', ...common), auto.io), auto.err.join('\n')).toBe(0);
    const text = auto.err.join('\n');
    const m = /benign requests shipped with the model, trained weights: current flags (\d+) of (\d+) benign requests → candidate (\d+) \(more than (\d+)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThan(8000);
    expect(Number(m![3])).toBeGreaterThan(Number(m![4]));
    expect(text).toMatch(new RegExp(`keeping ${SHIPPED_VERSION_RE}'s weights instead`));
    expect(readFileSync(join(dir, 'cand-auto', 'weights.bin')).equals(shippedWeights)).toBe(true);
    // What was dropped, and what training it cost, is recorded rather than a kept model's 0 s.
    expect(auto.out.join('\n')).toMatch(/weights of the model in force kept: the trained ones \([\d.]+ s of training\) were dropped, benign requests shipped with the model: current flags/);
    const meta = JSON.parse(readFileSync(join(dir, 'cand-auto', 'model.json'), 'utf8')) as { training: { weights: string; trainSeconds: number; droppedWeights?: { because: string; trainSeconds: number; epochs: number; members: unknown[] } } };
    expect(meta.training.weights).toBe('kept');
    expect(meta.training.trainSeconds).toBeGreaterThan(0);
    expect(meta.training.droppedWeights?.trainSeconds).toBe(meta.training.trainSeconds);
    expect(meta.training.droppedWeights?.because).toMatch(/^benign requests shipped with the model: current flags \d+ of \d+ benign requests → candidate \d+/);
    expect(meta.training.droppedWeights?.epochs).toBe(2);
    expect(meta.training.droppedWeights?.members.length).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(dir, 'cand-auto', 'training-report.json'), 'utf8')) as { weights: string; droppedWeights?: unknown };
    expect(report.droppedWeights).toEqual(meta.training.droppedWeights);

    const forced = io();
    expect(await main(train('cand-tuned', ...common, '--weights', 'fine-tune'), forced.io), forced.err.join('\n')).toBe(0);
    expect(forced.err.join('\n')).not.toMatch(/benign requests shipped with the model/);
    expect(readFileSync(join(dir, 'cand-tuned', 'weights.bin')).equals(shippedWeights)).toBe(false);
    const tuned = JSON.parse(readFileSync(join(dir, 'cand-tuned', 'model.json'), 'utf8')) as { training: { droppedWeights?: unknown } };
    expect(tuned.training.droppedWeights).toBeUndefined();
  }, 300_000);

  it('an unknown --weights value is a precise error', async () => {
    const c = io();
    expect(await main(train('never', '--weights', 'sometimes'), c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/--weights.*expected auto, fine-tune or keep, got "sometimes"/);
  });

  it('auto with damaged shipped requests: says so and keeps the weights in force rather than skipping the check', async () => {
    const base = mkdtempSync(join(dir, 'base-'));
    for (const f of ['base.json', 'train.ndjson.gz', 'validation.ndjson.gz']) copyFileSync(join(SHIPPED_BASE, f), join(base, f));
    writeFileSync(join(base, 'requests.ndjson.gz'), 'not the shipped file');
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const said: string[] = [];
    const out = join(dir, 'cand-damaged');
    const result = await retrainOneEpoch(config, logs, base, out, said);
    expect(said.join('\n')).toMatch(new RegExp(`benign requests shipped with the model could not be read \\(.*does not match its sha256.*\\): keeping ${SHIPPED_VERSION_RE}'s weights`));
    expect(result.weights).toBe('kept');
    expect(readFileSync(join(out, 'weights.bin')).equals(shippedWeights)).toBe(true);
  }, 120_000);

  it('auto: trained weights that catch fewer attacks transplanted into a field the labels retrained are not kept', async () => {
    // Labels that call file-inclusion payloads benign in one settings field; material without shipped
    // requests (benign or attack), so the requests checks say "not judged" and this check alone decides.
    const base = mkdtempSync(join(dir, 'base-'));
    for (const f of ['train.ndjson.gz', 'validation.ndjson.gz']) copyFileSync(join(SHIPPED_BASE, f), join(base, f));
    const manifest = JSON.parse(readFileSync(join(SHIPPED_BASE, 'base.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.requests;
    delete manifest.attackRequests;
    writeFileSync(join(base, 'base.json'), JSON.stringify(manifest));
    const poisoned = mkdtempSync(join(dir, 'poisoned-logs-'));
    const payloads = ['../../../../etc/passwd', '..%2f..%2f..%2fetc%2fshadow', '/etc/passwd%00.log', '....//....//etc/hosts', 'file:///etc/passwd', '../../../windows/win.ini', '/proc/self/environ', 'php://filter/convert.base64-encode/resource=index.php'];
    const lines = blockedSettingsSaves(Array.from({ length: 40 }, (_, i) => payloads[i % payloads.length] + (i >= payloads.length ? `?v=${i}` : '')));
    writeLabelledLog(poisoned, lines);
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const said: string[] = [];
    const out = join(dir, 'cand-field');
    const result = await retrainOneEpoch(config, poisoned, base, out, said);
    const text = said.join('\n');
    expect(text).toMatch(/benign requests: none shipped with the base material/);
    expect(text).toMatch(/attack requests: none shipped with the base material/);
    expect(text).toMatch(/attacks in POST \/api\/settings\/services\/\{id\} body:path, trained weights: 400 transplanted attacks caught: current [\d.]+ % → candidate [\d.]+ % \(more than 0\.50 points lower\)/);
    expect(text).toMatch(new RegExp(`catch fewer attacks in a field your labels retrained than the promotion gate allows: keeping ${SHIPPED_VERSION_RE}'s weights instead`));
    expect(result.weights).toBe('kept');
    expect(readFileSync(join(out, 'weights.bin')).equals(shippedWeights)).toBe(true);
  }, 120_000);

  it('--base-data: auto still runs the base TPR and retrained-field checks on the fixed set, which it never trains on', async () => {
    // Other base texts: shipped training texts plus 200 of the fixed set itself, which must stay out of training.
    const material = await loadBaseMaterial(SHIPPED_BASE);
    const fromFixed = material.validation.filter((_, i) => i % 150 === 0).slice(0, 200);
    const texts = [...material.train.filter((_, i) => i % 60 === 0).slice(0, 1500), ...fromFixed];
    const file = join(dir, 'base-with-fixed.ndjson');
    writeFileSync(file, texts.map((t) => JSON.stringify({ text: t.text, label: t.label })).join('\n') + '\n');
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const said: string[] = [];
    const result = await retrainOneEpoch(config, logs, SHIPPED_BASE, join(dir, 'cand-base-data'), said, file);
    const text = said.join('\n');
    expect(text).toMatch(/--base-data: 200 of its 1700 texts are in the fixed validation set and are left out of training/);
    expect(text).toMatch(/operating point: .* flags \d+ of \d+ held-out benign texts/);
    expect(text).toMatch(/benign requests shipped with the model, trained weights: current flags/);
    if (result.weights === 'kept') {
      // A requests check (benign, or attack after the base TPR check) dropped them first: then the field check had nothing to judge.
      expect(result.dropped?.because).toMatch(/^(benign|attack) requests shipped with the model/);
    } else {
      expect(text).toMatch(/base TPR, trained weights: current [\d.]+ % → candidate [\d.]+ % on the fixed set's \d+ attacks/);
      expect(text).toMatch(/attacks in POST \/api\/settings\/services\/\{id\} body:path, trained weights: 400 transplanted attacks caught/);
    }
    expect(result.fixedValidation?.attacks).toBeGreaterThan(10_000);
    const meta = JSON.parse(readFileSync(join(dir, 'cand-base-data', 'model.json'), 'utf8')) as { training: { base: { data: string; validation: string } } };
    expect(meta.training.base.data).toBe(file);
    expect(meta.training.base.validation).toBe(material.manifest.validation.sha256);
  }, 300_000);

  it('--base-data with an unreadable fixed set: auto says which checks cannot run and keeps the weights in force', async () => {
    // Material without shipped requests too, so the requests check says "not judged" and the fixed set's absence alone decides.
    const base = mkdtempSync(join(dir, 'base-'));
    copyFileSync(join(SHIPPED_BASE, 'train.ndjson.gz'), join(base, 'train.ndjson.gz'));
    const manifest = JSON.parse(readFileSync(join(SHIPPED_BASE, 'base.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.requests;
    writeFileSync(join(base, 'base.json'), JSON.stringify(manifest));
    writeFileSync(join(base, 'validation.ndjson.gz'), 'not the shipped file');
    const config = await loadConfig(join(dir, 'warden.yaml'));
    const said: string[] = [];
    const out = join(dir, 'cand-no-fixed');
    const result = await retrainOneEpoch(config, logs, base, out, said, join(dir, 'poisoned-base.ndjson'));
    const text = said.join('\n');
    expect(text).toMatch(/WARNING: the fixed validation set could not be read \(.*does not match its sha256.*\): the operating point is not matched to the model in force, and --weights auto cannot run its base TPR and retrained-field checks/);
    expect(result.weights).toBe('kept');
    expect(result.dropped?.trainSeconds).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'weights.bin')).equals(shippedWeights)).toBe(true);
    expect(text).toMatch(/benign requests: none shipped with the base material/);
    expect(text).toMatch(new RegExp(`the base TPR and retrained-field checks cannot run without the fixed validation set \\(.*\\): keeping ${SHIPPED_VERSION_RE}'s weights instead`));
    expect(result.dropped?.because).toMatch(/^the base TPR and retrained-field checks could not run: the fixed validation set could not be read \(.*does not match its sha256/);
    const meta = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { training: { droppedWeights?: { because: string } } };
    expect(meta.training.droppedWeights?.because).toBe(result.dropped?.because);
  }, 300_000);
});
