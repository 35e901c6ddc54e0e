import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrafficLog } from '../../src/log/traffic-log.js';
import { redactionPolicyOf } from '../../src/log/redact.js';

describe('TrafficLog.close', () => {
  it('closes without throwing while its file is still opening, and keeps what was written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'traffic-close-')), 'traffic.ndjson');
    const log = new TrafficLog({ file, sampleRate: 1, maxBodyBytes: 1024, redaction: redactionPolicyOf({ redactHeaders: [], redactFields: [] }) });
    expect(() => log.close()).not.toThrow();
    const deadline = Date.now() + 5_000;
    while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
