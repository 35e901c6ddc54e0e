import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RequestRecord } from '../../src/eval/record.js';

/**
 * The shared datasets' `*.payloads.ndjson` lines (`{"text","label","category"}`) are bare parameter
 * values, not requests. Each becomes a browser-like GET carrying the value, percent-encoded, in one
 * query parameter: the most common place a payload reaches a WAF, and the same request for every
 * target scored.
 */
export function payloadToRecord(payload: { text: string; label: 'attack' | 'benign'; category: string }, source: string, id: string): RequestRecord {
  return {
    id,
    source,
    label: payload.label,
    category: payload.category,
    method: 'GET',
    path: '/search',
    query: `q=${encodeURIComponent(payload.text)}`,
    headers: {
      Host: 'shop.example.test',
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    },
  };
}

/**
 * Up to `limit` payloads of a file, taken at an even stride so every part of the file (and so every
 * category it lists in order) is represented; deterministic, so two targets get the same sample.
 */
export function samplePayloadRecords(file: string, limit: number): RequestRecord[] {
  const source = basename(dirname(file));
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const count = Math.min(limit, lines.length);
  const out: RequestRecord[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor((k * lines.length) / count);
    const parsed = JSON.parse(lines[i]) as { text?: unknown; label?: unknown; category?: unknown };
    if (typeof parsed.text !== 'string' || (parsed.label !== 'attack' && parsed.label !== 'benign') || typeof parsed.category !== 'string') {
      throw new Error(`${file}:${i + 1}: not a payload line {"text","label","category"}`);
    }
    out.push(payloadToRecord({ text: parsed.text, label: parsed.label, category: parsed.category }, source, `${source}/${i + 1}`));
  }
  return out;
}
