import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { redactionPolicyOf } from '../../src/log/redact.js';
import { TrafficLog } from '../../src/log/traffic-log.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import type { Verdict } from '../../src/decision/types.js';
import { rawRequest } from '../inspect/raw-request.js';

const log = new TrafficLog({ file: join(mkdtempSync(join(tmpdir(), 'traffic-line-')), 'traffic.ndjson'), sampleRate: 1, maxBodyBytes: 65536, redaction: redactionPolicyOf({ redactHeaders: [], redactFields: [] }) });
afterAll(() => log.close());

const allow: Verdict = { action: 'allow', status: 200, confidence: 'none', score: 0, incidentId: '01hqtest0000000001', mode: 'prevent', reasons: [], explain: {}, timings: {} };

describe('traffic log line', () => {
  it('writes a decompressed request as the uncompressed request it was judged as: no Content-Encoding, its decoded length', () => {
    // The proxy hands the inspector the body with its Content-Encoding undone, and the headers as sent.
    const decoded = '{"q":"blue shoes","sort":"price"}';
    const inspection = buildInspection(
      rawRequest('POST', '/api/search', [['Content-Type', 'application/json'], ['Content-Encoding', 'gzip'], ['Content-Length', '41']], decoded),
    );
    const line = log.lineFor(inspection, allow, 'test');
    expect(line.headers['content-encoding']).toBeUndefined();
    expect(line.headers['content-length']).toBe(String(decoded.length));
    expect(line.body).toBe(decoded);
    // Replayed (warden eval, retraining), it is the request the gates judged.
    const replayed = buildInspection(recordToRawRequest(line));
    expect(replayed.targets.filter((t) => t.location === 'body').map((t) => [t.name, t.raw])).toEqual([['q', 'blue shoes'], ['sort', 'price']]);
  });

  it('keeps an uncompressed request\'s headers as sent', () => {
    const inspection = buildInspection(rawRequest('POST', '/api', [['Content-Type', 'application/json'], ['Content-Length', '9']], '{"a":"b"}'));
    expect(log.lineFor(inspection, allow, 'test').headers).toMatchObject({ 'content-type': 'application/json', 'content-length': '9' });
  });
});
