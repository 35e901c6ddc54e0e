/**
 * Turns a shared payload file (`{"text","label","category"}` per line) into `warden eval` request
 * records, so a source can be judged by the full pipeline rather than by the model alone:
 *
 *   npx tsx datasets/payload-corpus.ts ../shared/datasets/payloadsallthethings/attacks.payloads.ndjson > patt.ndjson
 *   warden eval --config heldout.yaml --corpus patt.ndjson
 *
 * Each payload travels where attacks arrive: most in a query parameter, every third in a JSON body
 * field and every fifth of the rest in a form field, each with a browser's headers.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';

const HEADERS = {
  Host: 'shop.example.test',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.5',
};

export function payloadRecords(file: string): RequestRecord[] {
  const source = basename(dirname(file));
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: RequestRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const p = JSON.parse(lines[i]) as { text?: unknown; label?: unknown; category?: unknown };
    if (typeof p.text !== 'string' || (p.label !== 'attack' && p.label !== 'benign') || typeof p.category !== 'string') {
      throw new Error(`${file}:${i + 1}: not a payload line {"text","label","category"}`);
    }
    const base = { id: `${source}/${i + 1}`, source, label: p.label, category: p.category } as const;
    const k = out.length;
    if (k % 3 === 1) {
      out.push({ ...base, method: 'POST', path: '/api/comments', query: '', headers: { ...HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sam', comment: p.text }) });
    } else if (k % 5 === 2) {
      out.push({ ...base, method: 'POST', path: '/contact', query: '', headers: { ...HEADERS, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=Sam&message=${encodeURIComponent(p.text)}` });
    } else {
      out.push({ ...base, method: 'GET', path: '/search', query: `q=${encodeURIComponent(p.text)}`, headers: HEADERS });
    }
  }
  return out;
}

const USAGE = `usage: npx tsx datasets/payload-corpus.ts FILE.payloads.ndjson [...] > records.ndjson

Writes one warden eval request record per payload line ({"text","label","category"}): most in a search
query (q=), every third in a JSON body field (comment), every fifth of the rest in a form field (message).`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.includes('--help') || files.includes('-h')) {
    console.log(USAGE);
  } else if (files.length === 0) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    for (const f of files) for (const r of payloadRecords(f)) process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}
