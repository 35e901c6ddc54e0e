/**
 * `warden promote`'s attack-requests check, through the real CLI with the shipped model: the generated
 * attack requests shipped in <model>/base/ go through the full pipeline in force and the candidate's,
 * and a candidate that blocks more than --attack-loss (0.1 %) fewer of them is refused, whatever the
 * per-text checks say. Session 29's held-back ensemble passed every other check while losing 16
 * blind-probe and 24 held-out exploit requests; here the weakened candidate is the shipped ensemble
 * with its operating point raised (cheap and deterministic): per text it stays within the half-point
 * margin, per request it lets attacks by.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SHIPPED_MODEL } from '../../src/assemble.js';
import { moveOperatingPoint } from '../../src/model/evaluate.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { writeModelFiles } from '../../src/model/model-files.js';
import { writeManifest } from '../../src/retrain/candidate-manifest.js';
import { readBaseAttackRequests, SHIPPED_BASE } from '../../src/retrain/base-material.js';

let dir: string;
let config: string;
let attacksFile: string;

function io(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

const promoteArgs = (candidate: string, ...more: string[]): string[] => ['promote', candidate, '--dry-run', '--current', SHIPPED_MODEL, '--config', config, '--admin', 'off', ...more];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'promote-attacks-'));
  config = join(dir, 'warden.yaml');
  writeFileSync(config, 'model: { store: models }\n');
  // The shipped model as a candidate: its files and a manifest, nothing changed.
  const same = join(dir, 'cand-same');
  mkdirSync(same);
  for (const f of ['model.json', 'weights.bin']) copyFileSync(join(SHIPPED_MODEL, f), join(same, f));
  await writeManifest(same);
  // The shipped ensemble with its raw operating point raised 36 % of the way to 1 (payload-v1.4: 0.452 → 0.649).
  const shipped = await loadPayloadModel(SHIPPED_MODEL);
  const training = shipped.metadata.training as Record<string, unknown>;
  const from = training.rawThreshold as number;
  const to = from + (1 - from) * 0.36;
  const weakened = join(dir, 'cand-weakened');
  await writeModelFiles(weakened, moveOperatingPoint(shipped.weights, from, to), {
    version: `${shipped.version}-raised`,
    createdAt: new Date().toISOString(),
    features: shipped.metadata.features,
    threshold: shipped.threshold,
    training: { ...training, rawThreshold: to, movedFrom: from },
  });
  await writeManifest(weakened);
  // The operator's own attack-labelled records: one family of the shipped set, and a benign record (skipped).
  const records = ((await readBaseAttackRequests()) ?? []).filter((r) => r.category === 'feature-code-snippet');
  attacksFile = join(dir, 'my-attacks.ndjson');
  const benign = { id: 'mine/benign/1', source: 'mine', label: 'benign', category: 'x', method: 'GET', path: '/', query: '', headers: {} };
  writeFileSync(attacksFile, [...records, benign].map((r) => JSON.stringify(r)).join('\n') + '\n');
}, 60_000);

// Each promote scores the fixed set (~27,000 texts) and replays ~9,000 benign and ~3,700 attack requests
// through two full pipelines with the shipped 3-member ensemble: ~15 s on an idle core, more under load.
describe('warden promote: attack requests through both full pipelines', { timeout: 240_000 }, () => {
  it('ships a fixed set of generated attack requests, checked against base.json: every attack family and exploit template, no held-out set', async () => {
    const records = (await readBaseAttackRequests(SHIPPED_BASE)) ?? [];
    expect(records.length).toBe(3680);
    expect(records.every((r) => r.label === 'attack')).toBe(true);
    const sources = new Set(records.map((r) => r.source));
    expect([...sources].sort()).toEqual(['warden-attack-gen', 'warden-exploit-gen']);
    expect(new Set(records.filter((r) => r.source === 'warden-attack-gen').map((r) => r.category)).size).toBe(23);
    const manifest = JSON.parse(readFileSync(join(SHIPPED_BASE, 'base.json'), 'utf8')) as { attackRequests: { built: string } };
    expect(manifest.attackRequests.built).toMatch(/datasets\/base-attack-requests\.ts --seed 61/);
    expect(gunzipSync(readFileSync(join(SHIPPED_BASE, 'attack-requests.ndjson.gz'))).toString('utf8')).not.toMatch(/held-out/);
    // A changed file, or one holding a benign record, is refused with the file named.
    const copy = mkdtempSync(join(tmpdir(), 'warden-base-attacks-'));
    const benign = '{"id":"x","source":"s","label":"benign","category":"c","method":"GET","path":"/","query":"","headers":{}}\n';
    const bytes = gzipSync(benign);
    writeFileSync(join(copy, 'attack-requests.ndjson.gz'), bytes);
    writeFileSync(join(copy, 'base.json'), readFileSync(join(SHIPPED_BASE, 'base.json')));
    await expect(readBaseAttackRequests(copy)).rejects.toMatchObject({ code: 'WARDEN_RETRAIN_BASE_INVALID', message: expect.stringContaining('does not match its sha256') });
    const edited = JSON.parse(readFileSync(join(SHIPPED_BASE, 'base.json'), 'utf8')) as { attackRequests: { sha256: string } };
    edited.attackRequests.sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(copy, 'base.json'), JSON.stringify(edited));
    await expect(readBaseAttackRequests(copy)).rejects.toMatchObject({ code: 'WARDEN_RETRAIN_BASE_INVALID', message: expect.stringContaining('holds a record not labelled attack') });
  });

  it('passes the shipped model against itself, the operator\'s --attacks judged apart', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-same'), '--attacks', attacksFile), c.io), c.out.join('\n') + c.err.join('\n')).toBe(0);
    const text = c.out.join('\n');
    const m = /ok {3}attack requests shipped with the model: current blocks (\d+) of 3680 attack requests → candidate (\d+)$/m.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(Number(m![1])).toBeGreaterThan(3500);
    expect(text).toMatch(new RegExp(`ok {3}attack requests --attacks ${attacksFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: current blocks (\\d+) of 100 attack requests → candidate \\1$`, 'm'));
    expect(text).toMatch(/attack requests −0\.10 %/);
    expect(text).toMatch(/would be promoted/);
  });

  it('refuses a candidate whose full pipeline blocks fewer attack requests, naming the count lost and examples, though every per-text check passes', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-weakened'), '--attacks', attacksFile), c.io), c.out.join('\n')).toBe(3);
    const text = c.out.join('\n');
    // Per text the raised point stays within the margin: the other checks do not see what it lets by.
    expect(text).toMatch(/ok {3}base TPR: current/);
    expect(text).toMatch(/ok {3}benign requests shipped with the model/);
    const m = /FAIL attack requests shipped with the model: current blocks (\d+) of 3680 attack requests → candidate (\d+): (\d+) fewer \(fewer than (\d+): at most 0\.10 % fewer\); (\d+) the current pipeline blocks would pass \(([^)]+)\), e\.g\. (.+)$/m.exec(text);
    expect(m, text).not.toBeNull();
    const [current, candidate, fewer, allowed, lost] = m!.slice(1, 6).map(Number);
    expect(fewer).toBe(current - candidate);
    expect(allowed).toBe(current - Math.floor(current * 0.001));
    expect(candidate).toBeLessThan(allowed);
    expect(lost).toBeGreaterThanOrEqual(fewer);
    // Families with counts, then up to five request ids the operator can look up in the shipped file.
    expect(m![6]).toMatch(/^[a-z0-9-]+ \d+(, [a-z0-9-]+ \d+){0,7}(, \d+ more families)?$/);
    const examples = m![7].split(', ');
    expect(examples.length).toBe(Math.min(5, lost));
    for (const id of examples) expect(id).toMatch(/^warden-(attack|exploit)-gen\/[a-z0-9-]+\/\d+$/);
    // The operator's records, judged apart with the same rule (one benign record in the file is skipped).
    expect(text).toMatch(/FAIL attack requests --attacks .*my-attacks\.ndjson: current blocks \d+ of 100 attack requests → candidate \d+: \d+ fewer/);
    expect(text.match(/FAIL/g)).toHaveLength(2);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_PROMOTION_REFUSED: .*attack requests shipped with the model: .* fewer/);
  });

  it('names an unreadable --attacks path with its own code', async () => {
    const c = io();
    expect(await main(promoteArgs(join(dir, 'cand-same'), '--attacks', join(dir, 'nope.ndjson')), c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/WARDEN_RETRAIN_ATTACKS_UNREADABLE: attack requests .*nope\.ndjson: not found/);
  });
});
