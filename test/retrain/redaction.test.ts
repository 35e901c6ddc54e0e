import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTraffic } from '../../src/retrain/traffic-reader.js';
import { ProfileLearner } from '../../src/retrain/field-profiles.js';
import { inspectLine } from '../../src/retrain/offline-pipeline.js';
import { trafficLine } from './traffic-fixtures.js';

const POLICY = { headers: new Set(['authorization']), fields: ['password', 'token'] };

describe('redaction of what retraining reads', () => {
  it('re-applies the current policy to lines logged under a narrower one', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'redact-')), 'logs');
    mkdirSync(dir);
    const line = trafficLine({
      method: 'POST',
      path: '/login',
      query: 'next=%2Fhome&token=tok-SECRET-1',
      headers: { host: 'app.test', authorization: 'Bearer SECRET-2', 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alice', password: 'SECRET-3', profile: { api_token: 'SECRET-4' } }),
    });
    writeFileSync(join(dir, 'traffic.ndjson'), JSON.stringify(line) + '\n');
    const { lines } = await loadTraffic(dir, POLICY);
    expect(JSON.stringify(lines)).not.toMatch(/SECRET/);
    expect(lines[0].query).toContain('next=%2Fhome');

    // Nor do the profiles learned from them carry anything of it.
    const learner = new ProfileLearner(POLICY, { minSources: 1, minValues: 1, discount: 0.25 });
    learner.add(inspectLine(lines[0]), lines[0].ip, true);
    const out = mkdtempSync(join(tmpdir(), 'redact-out-'));
    writeFileSync(join(out, 'profiles.json'), JSON.stringify(learner.build()));
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), "utf8")).not.toMatch(/SECRET|password|api_token|query:token/);
  });
});

describe('replaying a redacted body', () => {
  it('fixes Content-Length so the request is not judged truncated', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'redact-')), 'logs');
    mkdirSync(dir);
    const body = JSON.stringify({ content: '<p>hello</p>', api_token: '[REDACTED]' });
    // As TrafficLog writes it: redacted body, original length.
    const line = trafficLine({ method: 'POST', path: '/posts', query: '', headers: { host: 'app.test', 'content-type': 'application/json', 'content-length': '41' }, body });
    writeFileSync(join(dir, 'traffic.ndjson'), JSON.stringify(line) + '\n');
    const { lines } = await loadTraffic(dir, POLICY);
    expect(lines[0].headers['content-length']).toBe(String(Buffer.byteLength(lines[0].body ?? '')));
    const names = inspectLine(lines[0]).targets.filter((t) => t.location === 'body').map((t) => t.name);
    expect(names).toContain('content');
  });
});
