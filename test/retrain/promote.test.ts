import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { configuredModelDir, SHIPPED_MODEL } from '../../src/assemble.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { DEFAULT_FEATURE_CONFIG } from '../../src/model/features.js';
import { fitPayloadModel } from '../../src/model/fit.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { PUBLISHED_THRESHOLD } from '../../src/model/operating-point.js';
import { moveOperatingPoint, thresholdForCount } from '../../src/model/evaluate.js';
import { pointCurrent, readPromotions } from '../../src/retrain/model-store.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { mayCarryAttack } from '../../src/model/screen.js';
import { writeManifest } from '../../src/retrain/candidate-manifest.js';
import { splitValidation } from '../../src/retrain/validation-split.js';
import { ATTACKS, baseCorpus } from './blog-traffic.js';
import { trafficLine, writeLabelledLog } from './traffic-fixtures.js';

const FEATURES = { ...DEFAULT_FEATURE_CONFIG, dim: 1 << 10 };
let dir: string;
let models: string;
let config: string;

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

/** JSON number arrays of `n` draws: benign values the lexical screen never sends to the model. */
const numberArrays = (n: number, from: number): string[] => Array.from({ length: n }, (_, i) => `[${from + i},${(from + i * 7) % 97},${(i * 31) % 1000}]`);

/**
 * `flagBenign`: move the operating point down until the model flags that many of the validation file's
 * benign texts the screen passes (the only ones the gate counts). `arraysAreAttacks`: also trained on
 * number arrays labelled attack, so it flags benign number arrays the screen stops.
 */
async function model(path: string, version: string, flipAttacks: boolean, flagBenign?: number, arraysAreAttacks = false): Promise<void> {
  const base = baseCorpus(11).map((b) => ({ text: b.text, label: (b.label === 'attack' && !flipAttacks ? 1 : 0) as 0 | 1, group: 'base' }));
  if (arraysAreAttacks) for (const text of numberArrays(200, 5000)) base.push({ text, label: 1, group: 'base' });
  // A model needs both classes: the poisoned one learns all attacks benign but a few.
  if (flipAttacks) for (let i = 0; i < 5; i++) base[i].label = 1;
  const fit = await fitPayloadModel(base, base.filter((_, i) => i % 10 === 0), { featureConfig: FEATURES, seed: 1, epochs: 2, hidden: 8, learningRate: 0.01, l2: 1e-6, maxFpr: 0.01 });
  let weights = fit.weights;
  if (flagBenign !== undefined) {
    const benign = baseCorpus(12).filter((v) => v.label === 'benign' && mayCarryAttack(v.text)).map((v) => fit.scoreRaw(v.text));
    weights = moveOperatingPoint(fit.weights, fit.rawThreshold, thresholdForCount(benign, flagBenign));
  }
  await writeModelFiles(path, weights, { version, createdAt: new Date().toISOString(), features: FEATURES, threshold: PUBLISHED_THRESHOLD, training: {} });
  await writeManifest(path);
}

/**
 * Screened benign texts of the corpora of `seeds` that the jumpy candidate (flagging 40 of the 120
 * validation benign texts the screen passes) flags and v1 does not (at most `most`, at least 4), and some both pass.
 */
async function benignTextsJumpyFlags(seeds: readonly number[], most: number): Promise<{ flagged: string[]; passing: string[] }> {
  const current = await loadPayloadModel(join(models, 'v1'));
  const jumpy = await loadPayloadModel(join(dir, 'cand-jumpy'));
  const texts = [...new Set(seeds.flatMap((seed) => baseCorpus(seed)).filter((b) => b.label === 'benign' && mayCarryAttack(b.text)).map((b) => b.text))];
  const [a, b] = [await current.score(texts), await jumpy.score(texts)];
  const flagged = texts.filter((_, i) => a[i] < current.threshold && b[i] >= jumpy.threshold).slice(0, most);
  expect(flagged.length).toBeGreaterThanOrEqual(4);
  return { flagged, passing: texts.filter((_, i) => a[i] < current.threshold && b[i] < jumpy.threshold).slice(0, 20) };
}

/** `warden promote` against this test's models directory, fixed validation set and config. */
function promoteArgs(candidate: string, ...more: string[]): string[] {
  return ['promote', candidate, '--config', config, '--logs', join(dir, 'logs'), '--validation', join(dir, 'validation.ndjson'), '--min-validation', '50', '--admin', 'off', ...more];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'promote-'));
  models = join(dir, 'models');
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'logs', 'traffic.ndjson'), '');
  // Signatures off: these checks are about what the model lets through.
  config = join(dir, 'warden.yaml');
  writeFileSync(config, 'rules: { bundled: false }\nmodel: { store: models }\nlogging: { traffic: { file: logs/traffic.ndjson } }\n');
  writeFileSync(join(dir, 'validation.ndjson'), baseCorpus(12).map((v) => JSON.stringify(v)).join('\n') + '\n');
  writeFileSync(join(dir, 'base.ndjson'), baseCorpus(13).map((v) => JSON.stringify(v)).join('\n') + '\n');
  await model(join(models, 'v1'), 'v1', false);
  await model(join(dir, 'cand-good'), 'v2', false);
  await model(join(dir, 'cand-poisoned'), 'v3-poisoned', true);
  await pointCurrent(models, join(models, 'v1'));
}, 60_000);

// Every promote replays the ~9,000 benign requests shipped with the model through two full pipelines
// (~3 s on an idle core): with the whole suite and other work on two cores one test passed 30 s.
describe('warden promote / rollback', { timeout: 120_000 }, () => {
  it('answers a candidate path that does not exist with a catalogue code, not a raw ENOENT', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'no-such-candidate')), c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_CANDIDATE_INVALID: candidate model .*no-such-candidate: no such directory/);
    expect(c.err.join('\n')).not.toMatch(/ENOENT/);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
  });

  it('refuses a candidate that is worse on the fixed base validation set, and changes nothing', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-poisoned')), c.io)).toBe(3);
    expect(c.out.join('\n')).toMatch(/FAIL base TPR: current 100\.00 % → candidate/);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_PROMOTION_REFUSED/);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
    expect(existsSync(join(models, 'v3-poisoned'))).toBe(false);
  });

  it('refuses a candidate that flags more benign texts than the current model, beyond 25 % and 3 texts of slack', async () => {
    // As sure on attacks as the current model, with an operating point that flags 40 of the 120 benign texts the screen passes.
    await model(join(dir, 'cand-jumpy'), 'v7-jumpy', false, 40);
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-jumpy')), c.io)).toBe(3);
    const text = c.out.join('\n');
    expect(text).toMatch(/ok {3}base TPR: current 100\.00 % → candidate 100\.00 %/);
    const m = /FAIL base false positives: current flags (\d+) of (\d+) benign texts → candidate (\d+) \(more than (\d+): \+25 % and 3 texts\)/.exec(text);
    expect(m, text).not.toBeNull();
    const [current, benign, candidate, allowed] = m!.slice(1).map(Number);
    // The gate's half of the 300 benign texts, as the screen passes them: the rest is never scored in a request.
    const gateHalf = splitValidation(baseCorpus(12).map((v) => ({ text: v.text, label: (v.label === 'attack' ? 1 : 0) as 0 | 1, group: 'g' }))).gate;
    expect(benign).toBe(gateHalf.filter((v) => v.label === 0 && mayCarryAttack(v.text)).length);
    expect(benign).toBeGreaterThan(50);
    expect(text).toMatch(/ok {3}base validation set: 300 attacks, \d+ benign texts \(the gate's half; 0 attacks and \d+ benign texts the screen never sends to the model left out\)/);
    expect(allowed).toBe(Math.floor(current * 1.25) + 3);
    expect(candidate).toBeGreaterThan(allowed);
    // The refusal is this check's alone.
    expect(text.match(/FAIL/g)).toHaveLength(1);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
  });

  it('counts only the base texts the screen sends to the model: benign values the runtime never scores flag nothing (session 28: JSON number arrays)', async () => {
    // Session 28's candidates were refused for 4 base benign texts, `[1,55,56]` and the like, that no request lets the model score.
    const arrays = numberArrays(80, 100);
    expect(arrays.filter(mayCarryAttack)).toEqual([]);
    const file = join(dir, 'validation-arrays.ndjson');
    writeFileSync(file, [...baseCorpus(12), ...arrays.map((text) => ({ text, label: 'benign', group: 'numbers' }))].map((v) => JSON.stringify(v)).join('\n') + '\n');
    const candidate = join(dir, 'cand-arrays');
    await model(candidate, 'v8-arrays', false, undefined, true);
    const loaded = await loadPayloadModel(candidate);
    const scored = await loaded.score(arrays);
    const inGateHalf = splitValidation(arrays.map((text) => ({ text, label: 0 as const, group: 'g' }))).gate.map((v) => v.text);
    const flagged = arrays.filter((t, i) => inGateHalf.includes(t) && scored[i] >= loaded.threshold).length;
    expect(flagged).toBeGreaterThan(20); // scored text by text, the candidate flags them
    const c = io();
    // The toy models (1,024 features, rules off) are no judges of the shipped attack requests: this test is about base texts.
    const args = promoteArgs(candidate, '--dry-run', '--attack-loss', '100');
    args[args.indexOf('--validation') + 1] = file;
    expect(await main(args, c.io), c.out.join('\n')).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(new RegExp(`ok {3}base validation set: 300 attacks, \\d+ benign texts \\(the gate's half; 0 attacks and (\\d+) benign texts the screen never sends to the model left out\\)`));
    const left = Number(/0 attacks and (\d+) benign texts the screen never sends/.exec(text)![1]);
    expect(left).toBeGreaterThanOrEqual(inGateHalf.length);
    expect(text).toMatch(/ok {3}base false positives: current flags \d+ of \d+ benign texts → candidate \d+/);
    expect(text).not.toMatch(/FAIL/);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
  });

  it('refuses when the base validation set is missing, empty or below the size floor', async () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '');
    const small = join(dir, 'small.ndjson');
    writeFileSync(small, baseCorpus(12).filter((_, i) => i % 10 === 0).map((v) => JSON.stringify(v)).join('\n') + '\n');
    for (const [file, why] of [
      [join(dir, 'nope.ndjson'), /FAIL base validation set: .*nope\.ndjson/],
      [empty, /FAIL base validation set: 0 attacks and 0 benign texts in the gate's half .*; at least 50/],
      [small, /FAIL base validation set: 30 attacks and 0 benign texts in the gate's half \(every attack, the benign texts whose hash is odd; 0 attacks and 10 benign texts the screen never sends to the model left out\); at least 50/],
    ] as const) {
      const c = io();
      const args = promoteArgs(join(dir, 'cand-good'));
      args[args.indexOf('--validation') + 1] = file;
      expect(await main(args, c.io)).toBe(3);
      expect(c.out.join('\n')).toMatch(why);
    }
  });

  it('refuses a candidate whose files do not match its manifest (changed, added after training, or no manifest)', async () => {
    const tampered = join(dir, 'cand-tampered');
    await model(tampered, 'v4', false);
    writeFileSync(join(tampered, 'profiles.json'), JSON.stringify({ format: 'warden-field-profiles', formatVersion: 1, discount: 0, fields: {} }));
    let c = io();
    expect(await main(promoteArgs(tampered), c.io)).toBe(3);
    expect(c.out.join('\n')).toMatch(/FAIL files: .*profiles\.json is not in MANIFEST\.json/);
    const noManifest = join(dir, 'cand-nomanifest');
    await model(noManifest, 'v5', false);
    writeFileSync(join(noManifest, 'MANIFEST.json'), '{"format":"warden-model-manifest","formatVersion":1,"files":{"model.json":"00"}}');
    c = io();
    expect(await main(promoteArgs(noManifest), c.io)).toBe(3);
    expect(c.out.join('\n')).toMatch(/FAIL files: .*model\.json does not match its sha256/);
  });

  it('refuses a candidate whose full pipeline blocks more benign-labelled log lines than today, beyond 25 % and 3 lines', async () => {
    // Clean traffic the pipeline in force passes, labelled benign: values the jumpy candidate (above) flags and v1 does not.
    const { flagged: flaggedByJumpyOnly } = await benignTextsJumpyFlags([15, 16, 17, 18, 19], 12);
    const logs = join(dir, 'logs-clean');
    mkdirSync(logs);
    const lines = flaggedByJumpyOnly.map((text, i) => trafficLine({ id: `clean${String(i).padStart(4, '0')}`, method: 'GET', path: '/search', query: `q=${encodeURIComponent(text)}` }));
    writeLabelledLog(logs, lines);
    const c = io();
    const args = promoteArgs(join(dir, 'cand-jumpy'));
    args[args.indexOf('--logs') + 1] = logs;
    expect(await main(args, c.io)).toBe(3);
    const m = /FAIL labelled traffic false positives: current flags 0 of (\d+) benign lines → candidate (\d+) \(more than 3: \+25 % and 3 lines\)/.exec(c.out.join('\n'));
    expect(m, c.out.join('\n')).not.toBeNull();
    expect(Number(m![1])).toBe(lines.length);
    // Texts are picked by their scores one by one; the gate's value shapes keep a few whole values from the model
    // or score a part of one (session 35: 11 of 12), so the count is not exact, only past the bound (0 × 1.25 + 3).
    expect(Number(m![2])).toBeGreaterThan(3);
    expect(Number(m![2])).toBeLessThanOrEqual(lines.length);
  });

  it('judges benign requests: the ones shipped with the model always, and --benign ones apart, refusing a candidate that blocks more of them beyond 25 % and 3', async () => {
    // Benign requests (eval records, as npm run datasets writes them) whose value the jumpy candidate flags and v1 does not.
    const { flagged, passing } = await benignTextsJumpyFlags([20, 21, 22, 23, 24], 8);
    const records = [...flagged, ...passing].map((text, i) => ({ id: `gen/${i}`, source: 'warden-gen', label: 'benign', category: 'search', method: 'GET', path: '/search', query: `q=${encodeURIComponent(text)}`, headers: { host: 'app.test' } }));
    const file = join(dir, 'benign-requests.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-jumpy'), '--benign', file), c.io)).toBe(3);
    const m = /FAIL benign requests --benign (\S+): current flags 0 of (\d+) benign requests → candidate (\d+) \(more than 3: \+25 % and 3 requests\)/.exec(c.out.join('\n'));
    expect(m, c.out.join('\n')).not.toBeNull();
    expect(m![1]).toBe(file);
    expect(Number(m![2])).toBe(records.length);
    // As above: the requests the candidate blocks are about the texts it flags one by one (session 35: 11 for 8),
    // past the bound whatever the gate's value shapes make of a few of them.
    expect(Number(m![3])).toBeGreaterThan(3);
    expect(Number(m![3])).toBeLessThanOrEqual(records.length);
    // Without --benign the gate still replays the ~8,000 generated requests shipped in the model's base material.
    const without = io();
    await main(promoteArgs(join(dir, 'cand-jumpy')), without.io);
    const shipped = /(ok {2}|FAIL) benign requests shipped with the model: current flags (\d+) of (\d+) benign requests → candidate (\d+)/.exec(without.out.join('\n'));
    expect(shipped, without.out.join('\n')).not.toBeNull();
    expect(Number(shipped![3])).toBeGreaterThan(8000);
    expect(without.out.join('\n')).not.toMatch(/not measured/);
    // An unreadable --benign path is a precise error in promote's own catalogue, and nothing is promoted.
    const bad = io();
    expect(await main(promoteArgs(join(dir, 'cand-jumpy'), '--benign', join(dir, 'nope')), bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/WARDEN_RETRAIN_BENIGN_UNREADABLE: benign requests .*nope: not found/);
  });

  it('refuses a candidate that lets through an attack the operator labelled, listing every reason', async () => {
    const logs = join(dir, 'logs-op');
    mkdirSync(logs);
    const line = trafficLine({ id: 'opattack0001', method: 'GET', path: '/search', query: `q=${encodeURIComponent(ATTACKS[4])}`, action: 'block', confidence: 'high', reasons: ['model'] });
    writeFileSync(join(logs, 'traffic.ndjson'), JSON.stringify(line) + '\n');
    writeFileSync(join(logs, 'labels.ndjson'), JSON.stringify({ incidentId: 'opattack0001', label: 'attack', ts: line.ts, by: 'cli' }) + '\n');
    const c = io();
    const args = promoteArgs(join(dir, 'cand-poisoned'));
    args[args.indexOf('--logs') + 1] = logs;
    expect(await main(args, c.io)).toBe(3);
    const text = c.out.join('\n');
    expect(text).toMatch(/FAIL operator-labelled attacks: 1 caught today would pass: opattack0001/);
    expect(text).toMatch(/FAIL base TPR/);
  });

  it('poisoning: attacks labelled benign in the logs train a candidate the gate refuses', async () => {
    const logs = join(dir, 'logs-poison');
    mkdirSync(logs);
    const lines = [];
    // An "author" posts real XSS and SQL injection; someone labels every one of them benign.
    for (let i = 0; i < 30; i++) {
      const attack = baseCorpus(14).filter((b) => b.label === 'attack')[i * 7].text;
      lines.push(
        trafficLine({
          id: `poison${String(i).padStart(4, '0')}`,
          method: 'POST',
          path: '/posts',
          query: '',
          ip: '198.51.100.66',
          headers: { host: 'app.test', 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'hello', content: attack }),
          action: 'block',
          confidence: 'high',
          reasons: ['model'],
        }),
      );
    }
    writeFileSync(join(logs, 'traffic.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const c0 = io();
    for (const l of lines) expect(await main(['label', l.id, '--benign', '--logs', logs, '--config', config], c0.io), c0.err.join('\n')).toBe(0);
    const candidate = join(dir, 'cand-from-poisoned-logs');
    const t = io();
    expect(await main(['train', '--from-logs', logs, '--config', config, '--base-data', join(dir, 'base.ndjson'), '--out', candidate, '--epochs', '2', '--max-fpr', '0.01', '--weights', 'fine-tune'], t.io), t.err.join('\n')).toBe(0);
    // The gate faces the weights the poisoned labels trained (auto's checks, which replay every shipped
    // request through both pipelines and would drop them first, are the training side's own business).
    expect(t.err.join('\n')).toMatch(/: trained on \w+ in [\d.]+ s; 5 field profiles\)/);
    const c = io();
    const args = promoteArgs(candidate);
    args[args.indexOf('--logs') + 1] = logs;
    expect(await main(args, c.io)).toBe(3);
    expect(c.out.join('\n')).toMatch(/FAIL attacks in POST \/posts body:content: \d+ transplanted attacks caught: current/);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
  }, 60_000);

  it('--force promotes over a refusal, loudly, and records the reasons', async () => {
    const forced = join(dir, 'cand-forced');
    await model(forced, 'v6-forced', true);
    const c = io();
    expect(await main(promoteArgs(forced, '--force'), c.io)).toBe(0);
    expect(c.err.join('\n')).toMatch(/WARNING: --force: promoting v6-forced although the promotion gate refused it/);
    expect(c.out.join('\n')).toMatch(/promoted v6-forced \(FORCED\)/);
    const history = await readPromotions(models);
    expect(history.at(-1)?.forced?.some((r) => r.startsWith('base TPR'))).toBe(true);
    expect(await main(['rollback', '--config', config, '--admin', 'off'], io().io)).toBe(0);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
  });

  it('promotes the checked copy of a candidate that passes, then rolls back', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-good')), c.io), c.out.join('\n') + c.err.join('\n')).toBe(0);
    expect(existsSync(join(models, 'v2', 'model.json'))).toBe(true);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v2')));
    expect((await readPromotions(models)).map((p) => p.action)).toEqual(['promote', 'rollback', 'promote']);

    const r = io();
    expect(await main(['rollback', '--config', config, '--admin', 'off'], r.io)).toBe(0);
    expect(realpathSync(join(models, 'current'))).toBe(realpathSync(join(models, 'v1')));
    const again = io();
    expect(await main(['rollback', '--config', config, '--admin', 'off'], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/WARDEN_RETRAIN_NO_HISTORY/);
  });

  it('with model.path "" the proxy serves <model.store>/current when it exists, else the shipped model', () => {
    const withStore = validateWardenConfig({ model: { store: models } });
    expect(configuredModelDir(withStore)).toBe(realpathSync(join(models, 'v1')));
    expect(configuredModelDir(validateWardenConfig({ model: { store: join(dir, 'no-such-store') } }))).toBe(SHIPPED_MODEL);
    expect(configuredModelDir(validateWardenConfig({ model: { store: models, path: '/opt/m' } }))).toBe('/opt/m');
  });

  it('every command has --help', async () => {
    for (const cmd of [['promote'], ['rollback'], ['replay'], ['label'], ['train', '--from-logs', 'x']]) {
      const c = io();
      expect(await main([...cmd, '--help'], c.io)).toBe(0);
      expect(c.out.join('\n')).toMatch(/Usage: warden/);
    }
  });
});

describe('honest exits', () => {
  it('replay with a missing or broken model exits 1 with WARDEN_RETRAIN_MODEL_UNAVAILABLE', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'model.json'), '{"format":"warden-payload-model"');
    for (const m of [join(dir, 'nonexistent'), broken]) {
      const c = io();
      expect(await main(['replay', join(dir, 'logs'), '--model', m, '--config', config], c.io)).toBe(1);
      expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_MODEL_UNAVAILABLE/);
    }
  });

  it('train --from-logs with no usable data exits 1 with WARDEN_RETRAIN_NO_DATA', async () => {
    const logs = join(dir, 'logs-unlabelled');
    mkdirSync(logs);
    const c = io();
    expect(await main(['train', '--from-logs', logs, '--config', config, '--out', join(dir, 'never')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_NO_DATA.*no traffic log lines/);
    writeFileSync(join(logs, 'traffic.ndjson'), JSON.stringify(trafficLine()) + '\n');
    const d = io();
    expect(await main(['train', '--from-logs', logs, '--config', config, '--out', join(dir, 'never')], d.io)).toBe(1);
    expect(d.err.join('\n')).toMatch(/WARDEN_RETRAIN_NO_DATA.*none of the 1 logged requests is labelled/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(readFileSync(join(logs, 'traffic.ndjson'), 'utf8')).not.toBe('');
  });
});
