import { describe, expect, it } from 'vitest';
import { ProfileLearner, readProfiles, writeProfiles } from '../../src/retrain/field-profiles.js';
import { createProfiledGate } from '../../src/retrain/profiled-gate.js';
import { inspectLine } from '../../src/retrain/offline-pipeline.js';
import { structuralTokens } from '../../src/retrain/value-shape.js';
import type { ModelGate } from '../../src/model/types.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trafficLine } from './traffic-fixtures.js';
import { picker, richText } from './blog-traffic.js';

const NO_REDACTION = { headers: new Set<string>(), fields: ['password'] };

function post(content: string, ip = '198.51.100.11', extra: Record<string, string> = {}) {
  return trafficLine({ ip, method: 'POST', path: '/posts', query: '', headers: { host: 'app.test', 'content-type': 'application/json' }, body: JSON.stringify({ title: 'hello', content, ...extra }) });
}

/** Scores every target 0.95: what a model that flags rich text does. */
const flagsEverything: ModelGate = {
  async evaluate(inspection) {
    const scores = inspection.targets.map((_, i) => ({ targetIndex: i, score: 0.95, form: 'raw' }));
    return { scores, maxScore: 0.95, screened: scores.length, total: scores.length, modelVersion: 'flags-all' };
  },
};

const CONTENT_KEY = 'POST /posts body:content';

describe('structural tokens', () => {
  it('keep markup and code shape, not words', () => {
    const t = structuralTokens('<p>Hello <b>world</b> <a href="/x">docs</a></p>');
    expect([...t]).toEqual(expect.arrayContaining(['<p', '<b', '</b', 'href=', '<a']));
    expect(t.has('hello')).toBe(false);
    expect(structuralTokens('<img src=x onerror=alert(1)>')).toEqual(new Set(['<', '<img', 'src=', '=', 'onerror=', 'onerror', 'alert(', 'alert', '(', ')>']));
  });

  it('keep line breaks and command probes: a profile learned from one-line file paths does not fit them', () => {
    const paths = new Set<string>();
    for (const p of ['/var/log/nginx/access.log', '/var/log/php-fpm/error.log']) structuralTokens(p, paths);
    const fits = (v: string) => [...structuralTokens(v)].every((t) => paths.has(t));
    expect(fits('/var/log/mysql/slow.log')).toBe(true);
    // Attacks of the fixed set that a path field's profile let through before (the retrain e2e's gate).
    expect(fits('/\r/callback278.xyz')).toBe(false);
    expect(fits('127.0.0.1 uname -a ')).toBe(false);
    expect(structuralTokens('a\r\nb')).toEqual(new Set(['\r', '\n']));
  });
});

describe('per-endpoint profiles', () => {
  it('discount a rich-text value that fits its field, not an attack in the same field', async () => {
    const { pick } = picker(5);
    const learner = new ProfileLearner(NO_REDACTION);
    for (let i = 0; i < 6; i++) learner.add(inspectLine(post(richText(pick))), '198.51.100.11', true);
    const profiles = learner.build();
    expect(profiles.fields[CONTENT_KEY].tokens).toContain('<strong');
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    await writeProfiles(dir, profiles);
    const gate = createProfiledGate(flagsEverything, (await readProfiles(dir)) ?? profiles);

    const fresh = inspectLine(post(richText(pick)));
    const r = await gate.evaluate(fresh, { hits: [], candidates: 0 });
    const content = r.scores.find((s) => fresh.targets[s.targetIndex].name === 'content');
    expect(content?.score).toBeCloseTo(0.95 * profiles.discount);

    for (const attack of ['<img src=x onerror=alert(1)>', '<p>hi</p><script>alert(1)</script>', "<b>x</b>' UNION SELECT password FROM users--"]) {
      const bad = inspectLine(post(attack));
      const s = (await gate.evaluate(bad, { hits: [], candidates: 0 })).scores.find((x) => bad.targets[x.targetIndex].name === 'content');
      expect(s?.score, attack).toBe(0.95);
    }
  });

  it('never stores values, and skips secret fields', () => {
    const learner = new ProfileLearner(NO_REDACTION);
    for (let i = 0; i < 5; i++) learner.add(inspectLine(post('<p>top secret plan</p>', `198.51.100.${i}`, { password: "<p>hunter2's</p>" })), `198.51.100.${i}`, false);
    const text = JSON.stringify(learner.build());
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('password');
  });

  it('poisoning: one source flooding weak-benign values cannot teach a field a new shape', async () => {
    const learner = new ProfileLearner(NO_REDACTION);
    // Three honest sources post plain paragraphs; one attacker floods (unflagged) svg payloads.
    for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) learner.add(inspectLine(post('<p>plain words here</p>', `198.51.100.${i}`)), `198.51.100.${i}`, false);
    for (let k = 0; k < 500; k++) learner.add(inspectLine(post('<p>x</p><svg onload=alert(1)>', '203.0.113.9')), '203.0.113.9', false);
    const profiles = learner.build();
    expect(profiles.fields[CONTENT_KEY].tokens).toContain('<p');
    expect(profiles.fields[CONTENT_KEY].tokens).not.toContain('<svg');
    expect(profiles.fields[CONTENT_KEY].tokens).not.toContain('onload=');
    const gate = createProfiledGate(flagsEverything, profiles);
    const attack = inspectLine(post('<p>x</p><svg onload=alert(1)>', '203.0.113.9'));
    const s = (await gate.evaluate(attack, { hits: [], candidates: 0 })).scores.find((x) => attack.targets[x.targetIndex].name === 'content');
    expect(s?.score).toBe(0.95);
  });
});
