import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../src/signatures/read-rule-files.js';
import { textDigest } from '../../src/build-memo.js';

/** A reload reads every rule file again; what did not change comes back as it was, decided by content. */
describe('reading rule files again (a reload)', () => {
  const rule = (sid: number, uri: string): string => `alert http any any -> any any (msg:"x"; content:"${uri}"; http_uri; sid:${sid};)\n`;

  it('gives an unchanged pack and file the same sources back, with their digests, and reads an edited one anew', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-reread-'));
    mkdirSync(join(dir, 'src', 'rules'), { recursive: true });
    writeFileSync(join(dir, 'src', 'rules', 'a.rules'), rule(1, '/a'));
    const archive = join(dir, 'pack.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'src'), 'rules']);
    const file = join(dir, 'local.rules');
    writeFileSync(file, rule(2, '/b'));

    const first = await readRuleFiles([archive, file]);
    expect(first.sources.map((s) => s.digest)).toEqual(first.sources.map((s) => textDigest(s.text)));
    const second = await readRuleFiles([archive, file]);
    // The same objects: the pack was neither gunzipped nor decoded again, and the parse cache compares identical strings.
    expect(second.sources[0]).toBe(first.sources[0]);
    expect(second.sources[1]).toBe(first.sources[1]);

    // Same size, written within the same clock tick as the read before: content decides, not mtime and size.
    writeFileSync(file, rule(2, '/c'));
    const third = await readRuleFiles([archive, file]);
    expect(third.sources[0]).toBe(first.sources[0]);
    expect(third.sources[1].text).toBe(rule(2, '/c'));
    expect(third.sources[1].digest).toBe(textDigest(rule(2, '/c')));

    // A refreshed pack of the same name is read anew.
    writeFileSync(join(dir, 'src', 'rules', 'a.rules'), rule(1, '/d'));
    execFileSync('tar', ['-czf', archive, '-C', join(dir, 'src'), 'rules']);
    const fourth = await readRuleFiles([archive, file]);
    expect(fourth.sources[0].text).toBe(rule(1, '/d'));
    expect(fourth.sources[0].file).toBe(`${archive}/rules/a.rules`);
  });
});
