import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadBaseMaterial, readBaseRequests, SHIPPED_BASE } from '../../src/retrain/base-material.js';
import { readLabelledTexts } from '../../src/retrain/base-data.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-base-data-'));
const ndjson = ['{"text":"q=shoes","label":"benign"}', '{"text":"1 UNION SELECT password FROM users","label":1,"group":"sqli"}', ''].join('\n');

describe('labelled texts for --validation and --base', () => {
  it('reads gzip by its magic bytes, whatever the file is called, to the same samples as the plain file', async () => {
    writeFileSync(join(dir, 'plain.ndjson'), ndjson);
    writeFileSync(join(dir, 'set.ndjson.gz'), gzipSync(ndjson));
    writeFileSync(join(dir, 'set-gz-without-suffix'), gzipSync(ndjson));
    const plain = await readLabelledTexts(join(dir, 'plain.ndjson'));
    expect(plain).toEqual([
      { text: 'q=shoes', label: 0, group: 'base' },
      { text: '1 UNION SELECT password FROM users', label: 1, group: 'base:sqli' },
    ]);
    expect(await readLabelledTexts(join(dir, 'set.ndjson.gz'))).toEqual(plain);
    expect(await readLabelledTexts(join(dir, 'set-gz-without-suffix'))).toEqual(plain);
  });

  it('reads the shipped fixed validation set as given to promote --validation, to what the gate reads by default', async () => {
    const shipped = await readLabelledTexts(join(SHIPPED_BASE, 'validation.ndjson.gz'));
    const material = await loadBaseMaterial(SHIPPED_BASE, { train: false });
    expect(shipped.length).toBe(material.validation.length);
    expect(shipped.filter((s) => s.label === 1).length).toBe(material.validation.filter((s) => s.label === 1).length);
  });

  it('refuses a truncated gzip file with the file named, not a stack trace', async () => {
    const gz = gzipSync(ndjson);
    writeFileSync(join(dir, 'cut.ndjson.gz'), gz.subarray(0, gz.length - 12));
    await expect(readLabelledTexts(join(dir, 'cut.ndjson.gz'))).rejects.toMatchObject({ code: 'WARDEN_RETRAIN_LOG_UNREADABLE', message: expect.stringContaining('cut.ndjson.gz') });
  });

  it('reads the benign requests shipped with the model, checked against base.json; a changed file or a manifest without them is told apart', async () => {
    const shipped = await readBaseRequests(SHIPPED_BASE);
    expect(shipped?.length).toBeGreaterThan(8000);
    expect(new Set(shipped?.map((r) => r.category)).size).toBeGreaterThanOrEqual(30);
    const copy = mkdtempSync(join(tmpdir(), 'warden-base-requests-'));
    const manifest = JSON.parse(readFileSync(join(SHIPPED_BASE, 'base.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(copy, 'base.json'), JSON.stringify(manifest));
    writeFileSync(join(copy, 'requests.ndjson.gz'), gzipSync('{"id":"x","source":"s","label":"benign","method":"GET","path":"/","query":"","headers":{}}\n'));
    await expect(readBaseRequests(copy)).rejects.toMatchObject({ code: 'WARDEN_RETRAIN_BASE_INVALID', message: expect.stringContaining('does not match its sha256') });
    delete manifest.requests;
    writeFileSync(join(copy, 'base.json'), JSON.stringify(manifest));
    copyFileSync(join(SHIPPED_BASE, 'requests.ndjson.gz'), join(copy, 'requests.ndjson.gz'));
    expect(await readBaseRequests(copy)).toBeNull();
  });
});
