import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { payloadRecords } from '../../datasets/payload-corpus.js';
import { recordProblem } from '../../src/eval/record.js';

describe('payloadRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-payloads-'));
  const file = join(dir, 'some-source', 'attacks.payloads.ndjson');
  const texts = ["' or 1=1--", '../../etc/passwd', '<svg onload=alert(1)>', 'a&b=c', '{{7*7}}', '; id', 'ünïcode "quoted"'];

  it('carries each payload intact in a query, JSON or form field, as valid eval records', () => {
    mkdirSync(join(dir, 'some-source'), { recursive: true });
    writeFileSync(file, texts.map((text) => JSON.stringify({ text, label: 'attack', category: 'x' })).join('\n') + '\n');
    const records = payloadRecords(file);
    expect(records.map((r) => r.method)).toContain('POST');
    records.forEach((r, i) => {
      expect(recordProblem(r)).toBeNull();
      expect(r.source).toBe('some-source');
      let carried: string | null;
      if (r.body === undefined) carried = new URLSearchParams(r.query).get('q');
      else if (r.headers['Content-Type'] === 'application/json') carried = (JSON.parse(r.body) as { comment: string }).comment;
      else carried = new URLSearchParams(r.body).get('message');
      expect(carried).toBe(texts[i]);
    });
  });

  it('names the line of a malformed payload', () => {
    writeFileSync(file, '{"text": 1}\n');
    expect(() => payloadRecords(file)).toThrow(/attacks\.payloads\.ndjson:1/);
  });
});
