import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadPayloadModel } from '../../src/model/load.js';

function capture(): { out: string[]; err: string[]; io: { out: (s: string) => void; err: (s: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s) } };
}

describe('warden train (labelled NDJSON)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-train-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains from labelled lines and writes a model the loader accepts', async () => {
    const lines = [
      ...["1' or '1'='1", '<script>alert(1)</script>', '../../etc/passwd', '; cat /etc/passwd', "admin'--", '<svg onload=alert(1)>'].map((text) => ({ text, label: 'attack' })),
      ...["O'Brien", 'Tom & Jerry', 'a=1&b=2', '(555) 123-4567', '<p>hi</p>', '50% off!'].map((text) => ({ text, label: 'benign' })),
    ];
    const data = join(dir, 'data.ndjson');
    await writeFile(data, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    await writeFile(join(dir, 'val.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const c = capture();
    const code = await main(['train', '--data', data, '--validation', join(dir, 'val.ndjson'), '--epochs', '3', '--out', join(dir, 'm')], c.io);
    expect(code, c.err.join('\n')).toBe(0);
    expect(c.err.some((l) => l.startsWith('epoch 3/3'))).toBe(true);
    const model = await loadPayloadModel(join(dir, 'm'));
    expect(model.version).toBe('m');
  });

  it('explains what it needs when --data is missing or malformed', async () => {
    const c = capture();
    expect(await main(['train'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--data \(or --from-logs\) is required/);

    await writeFile(join(dir, 'bad.ndjson'), '{"text": "x", "label": "maybe"}\n');
    const d = capture();
    expect(await main(['train', '--data', join(dir, 'bad.ndjson')], d.io)).toBe(1);
    expect(d.err.join('\n')).toMatch(/WARDEN_MODEL_TRAINING_DATA/);
  });

  it('refuses a bad corpus recipe flag with its code before assembling anything (--data DIR)', async () => {
    for (const flags of [['--family-split', 'half'], ['--family-weights', 'ognl=x'], ['--benign-families', 'nope']]) {
      const c = capture();
      expect(await main(['train', '--data', dir, ...flags], c.io)).toBe(1);
      expect(c.err.join('\n')).toMatch(new RegExp(`WARDEN_CLI_BAD_FLAG_VALUE: ${flags[0]}: `));
      expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
    }
  });
});
