/**
 * Rule text goes to an inspection thread once (src/offload/sent-rule-text.ts): a reload sends the text
 * of a file the thread does not hold, and only the digest of one it does; the thread judges with the
 * reloaded rules either way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionInputs } from '../../src/assemble.js';
import { inputsReceived, inputsToSend } from '../../src/offload/sent-rule-text.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import type { RunningWarden } from '../../src/warden.js';

const inputs = (sources: Array<[string, string, string | undefined]>): InspectionInputs => ({
  ruleSources: sources.map(([file, text, digest]) => (digest === undefined ? { file, text } : { file, text, digest })),
  tuning: null,
  tuningDigest: null,
  modelDir: '/m',
});

describe('rule text sent to an inspection thread', () => {
  it('leaves out the text of a digest the thread holds from its last load, and the thread puts it back', () => {
    const sentHeld = new Set<string>();
    const threadHeld = new Map<string, string>();
    const first = inputsToSend(inputs([['/r/a.rules', 'A', 'da'], ['/r/b.rules', 'B', 'db']]), sentHeld);
    expect(first.ruleSources.map((s) => s.text)).toEqual(['A', 'B']);
    expect(inputsReceived(first, threadHeld).ruleSources.map((s) => s.text)).toEqual(['A', 'B']);

    // b.rules edited: only its text travels; a.rules goes by digest.
    const second = inputsToSend(inputs([['/r/a.rules', 'A', 'da'], ['/r/b.rules', 'B2', 'db2'], ['/r/c.rules', 'C', undefined]]), sentHeld);
    expect(second.ruleSources).toEqual([{ file: '/r/a.rules', digest: 'da' }, { file: '/r/b.rules', text: 'B2', digest: 'db2' }, { file: '/r/c.rules', text: 'C' }]);
    expect(inputsReceived(second, threadHeld).ruleSources).toEqual([
      { file: '/r/a.rules', text: 'A', digest: 'da' },
      { file: '/r/b.rules', text: 'B2', digest: 'db2' },
      { file: '/r/c.rules', text: 'C' },
    ]);
    // Both sides now hold this load's texts only: B is gone from both.
    expect([...sentHeld].sort()).toEqual(['da', 'db2']);
    expect([...threadHeld.keys()].sort()).toEqual(['da', 'db2']);
  });

  it('refuses to build from a text it was neither sent nor holds', () => {
    expect(() => inputsReceived({ ...inputs([]), ruleSources: [{ file: '/r/a.rules', digest: 'da' }] }, new Map())).toThrow(/rule text of \/r\/a\.rules \(digest da\) was not sent and is not held here/);
  });
});

describe('an inspection thread across reloads that leave rule files unchanged', () => {
  let nginx: NginxUpstream;
  let warden: RunningWarden & { origin: string; logFile: string };
  let dir: string;
  const settings = () => ({ model: { enabled: false }, offload: { threads: 1, minBodyBytes: 4096 }, rules: { bundled: false, files: [join(dir, 'kept.rules'), join(dir, 'local.rules')] } });
  // What startTestWarden validated, read again: a reload of the same config (the rule file re-read).
  const sameConfig = () => validateWardenConfig({ upstream: nginx.origin, listen: '127.0.0.1:0', admin: { enabled: false }, logging: { decisions: warden.logFile, level: 'info' }, ...settings() });
  const rule = (token: string): string => `drop http any any -> any any (msg:"thread ${token}"; content:"${token}"; http_client_body; sid:9100131; rev:1;)\n`;

  beforeAll(async () => {
    nginx = await startNginx();
    dir = mkdtempSync(join(tmpdir(), 'warden-sent-text-'));
    writeFileSync(join(dir, 'local.rules'), rule('first-thread-token'));
    writeFileSync(join(dir, 'kept.rules'), rule('kept-thread-token').replace('9100131', '9100132'));
    warden = await startTestWarden(nginx.origin, settings());
  }, 60_000);

  afterAll(async () => {
    await warden?.close();
    await nginx?.stop();
  });

  const post = async (token: string): Promise<number> => {
    const res = await request(`${warden.origin}/upload`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${'words of a long note. '.repeat(400)}${token}` });
    await res.body.text();
    return res.statusCode;
  };
  const offloaded = async (): Promise<number> => {
    const text = await warden.metrics.registry.metrics();
    return [...text.matchAll(/^warden_offload_requests_total(?:\{[^}]*\})? (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };

  it('judges with the reloaded rules: the kept file by digest, the edited one by its new text', async () => {
    // The thread starts with the first big body (inspected on the loop meanwhile); wait until one goes to it.
    for (let i = 0; i < 400 && (await offloaded()) === 0; i++) {
      expect(await post('first-thread-token')).toBe(403);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await offloaded()).toBeGreaterThan(0);
    await warden.reload(sameConfig());
    const before = await offloaded();
    expect(await post('first-thread-token')).toBe(403);
    writeFileSync(join(dir, 'local.rules'), rule('second-thread-token'));
    await warden.reload(sameConfig());
    expect(await post('second-thread-token')).toBe(403);
    expect(await post('first-thread-token')).toBe(200);
    expect(await post('kept-thread-token')).toBe(403);
    expect(await offloaded()).toBe(before + 4);
  }, 60_000);
});
